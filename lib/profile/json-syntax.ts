/**
 * Turns a JSON.parse failure into a sentence a creator can act on: what went wrong and on which
 * line. Engines disagree on wording and only some report a position, so when the engine gives
 * none we find the first bad character ourselves (only on failure, so speed does not matter).
 */

export interface TextPosition {
  line: number;
  column: number;
}

/** 1-based line and column of a UTF-16 offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

class SyntaxStop {
  constructor(readonly offset: number) {}
}

/**
 * Offset of the first character that makes `text` invalid JSON (text.length when it ends too
 * early), or undefined when it is valid.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const fail = (): never => {
    throw new SyntaxStop(i);
  };
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i += 1;
    }
  };
  const expectWord = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i += 1;
    }
  };
  const readString = () => {
    i += 1; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i += 1;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k += 1) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          }
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 1;
        } else {
          fail();
        }
      } else {
        i += 1;
      }
    }
    fail();
  };
  const readNumber = () => {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = i;
    const m = match.exec(text);
    if (!m || m[0] === '-' || m[0].length === 0) fail();
    i += m![0].length;
  };
  const readValue = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i += 1;
      skipSpace();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail();
        readString();
        skipSpace();
        if (text[i] !== ':') fail();
        i += 1;
        readValue();
        skipSpace();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return;
        }
        fail();
      }
    }
    if (c === '[') {
      i += 1;
      skipSpace();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        readValue();
        skipSpace();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return;
        }
        fail();
      }
    }
    if (c === '"') return readString();
    if (c === 't') return expectWord('true');
    if (c === 'f') return expectWord('false');
    if (c === 'n') return expectWord('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return readNumber();
    fail();
  };
  try {
    readValue();
    skipSpace();
    return i < n ? i : undefined;
  } catch (e) {
    if (e instanceof SyntaxStop) return e.offset;
    // Nesting deep enough to overflow the stack: JSON.parse said what it could.
    return undefined;
  }
}

/**
 * "Unexpected token 'h' at line 2, column 5" from any engine's JSON.parse message, for `text`.
 */
export function describeJsonError(error: unknown, text: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  let position: TextPosition | undefined;

  // Firefox: "JSON.parse: unexpected character at line 1 column 1 of the JSON data"
  const firefox = /\s*at line (\d+) column (\d+) of the JSON data$/.exec(raw);
  // Chrome / Node: "… in JSON at position 14 (line 2 column 3)"
  const v8 = /\s*(?:in JSON )?at position (\d+)(?: \(line (\d+) column (\d+)\))?$/.exec(raw);
  let summary = raw.replace(/^JSON\.parse: /, '');
  if (firefox) {
    position = { line: Number(firefox[1]), column: Number(firefox[2]) };
    summary = summary.replace(firefox[0], '');
  } else if (v8) {
    position =
      v8[2] !== undefined
        ? { line: Number(v8[2]), column: Number(v8[3]) }
        : positionAt(text, Number(v8[1]));
    summary = summary.replace(v8[0], '');
  }
  // V8 quotes a slice of the file ("…" is not valid JSON); the line number says more.
  summary = summary.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '');
  summary = summary.charAt(0).toUpperCase() + summary.slice(1);

  if (!position) {
    const offset = findJsonErrorOffset(text);
    if (offset !== undefined && offset < text.length) position = positionAt(text, offset);
  }
  return position ? `${summary} at line ${position.line}, column ${position.column}` : summary;
}
