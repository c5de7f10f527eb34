/**
 * How many tokens a text costs a model, without its tokenizer.
 *
 * The WebLLM worker does not expose the model's tokenizer to the prompt builder, and loading one
 * (a few MB of vocabulary per model) just to count would cost more than the draft. So the
 * prompt budget counts with this estimate, which must lean high: an undercount overruns the
 * context window and fails the whole draft, an overcount only leaves a fact or an example out.
 *
 * Checked against the catalogue models' real tokenizers (token-estimate.test.ts): Qwen2.5
 * (byte-level BPE; every digit its own token), Llama 3.2 (byte-level BPE; digits in threes) and
 * Phi-3.5 (Llama 2's SentencePiece, 32k pieces: a space before a digit or a non-Latin word is a
 * token of its own, and a character outside its vocabulary falls back to one token per UTF-8
 * byte, as emoji and joiners do). Whatever the model, the estimate stays within
 * ESTIMATE_MARGIN of the real count from below, on any text; over a whole prompt it is above it.
 *
 * Cost: one pass over the code points, no allocation; a 40,000-character comment takes well
 * under a millisecond.
 */

/**
 * The most the estimate may undercount one short text by (a share of the real count). Over a
 * whole prompt the errors average out and the estimate is an overcount; the engine also keeps a
 * fixed safety margin below the context window for this.
 */
export const ESTIMATE_MARGIN = 0.05;

/** A run of ASCII letters: English words average one token per ~4 letters, Phi-3.5 ~3.3. */
const LETTER_WEIGHT = 0.3;
/** Accented Latin, Greek, Cyrillic, Hebrew, Arabic letters (2 bytes in UTF-8). */
const TWO_BYTE_LETTER_WEIGHT = 1;
/** CJK, kana, Hangul, Devanagari and other Indic letters (3 bytes): ~1 token each, sometimes more. */
const THREE_BYTE_LETTER_WEIGHT = 1.15;

const LETTER_OR_MARK = /[\p{L}\p{M}\p{N}]/u;

function utf8Bytes(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Tokens `text` costs, rounded up. Rules, from what the tokenizers do:
 * - a run of ASCII letters costs LETTER_WEIGHT per letter, at least one token;
 * - a digit is a token (Qwen2.5 and Phi-3.5 split numbers into digits);
 * - ASCII punctuation and symbols are a token each; a line break is a token; a single space
 *   before a word is free (merged into the word) but before anything else it is a token;
 * - a letter of another script costs its weight; any other character (emoji, joiners, variation
 *   selectors, symbols) costs one token per UTF-8 byte, Phi-3.5's byte fallback.
 */
export function estimateTokens(text: string): number {
  let total = 0;
  let letterRun = 0;
  let afterSpace = false;
  const endRun = () => {
    if (letterRun > 0) total += Math.max(1, letterRun * LETTER_WEIGHT);
    letterRun = 0;
  };
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (isAsciiLetter(code)) {
      letterRun++;
      afterSpace = false;
      continue;
    }
    endRun();
    if (code === 32) {
      // Two spaces in a row: the first is a token of its own.
      if (afterSpace) total += 1;
      afterSpace = true;
      continue;
    }
    // A space merges into a following word, not into a digit, a symbol or a non-Latin letter.
    if (afterSpace && code >= 128) total += 1;
    else if (afterSpace && !isAsciiLetter(code)) total += 0.5;
    afterSpace = false;
    if (code < 128) {
      // Digits, punctuation, line breaks: a token each (numbers split into digits in two of three).
      total += 1;
    } else if (LETTER_OR_MARK.test(char)) {
      const bytes = utf8Bytes(code);
      total += bytes === 2 ? TWO_BYTE_LETTER_WEIGHT : bytes === 3 ? THREE_BYTE_LETTER_WEIGHT : bytes;
    } else {
      total += utf8Bytes(code);
    }
  }
  endRun();
  if (afterSpace) total += 1;
  return Math.ceil(total);
}
