/**
 * Text helpers every check shares. The checks match lower-case, accent-free text ("Zöliakie",
 * "zoliakie" and "ZÖLIAKIE" are one word) but must report offsets in the draft as written, so
 * `fold` maps each UTF-16 unit to exactly one unit: offsets in folded text are offsets in the
 * draft. Letters whose lower case or accent-free form is longer (İ) are kept as they are.
 */

const foldCache = new Map<string, string>();

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      out += c;
      continue;
    }
    let mapped = foldCache.get(c);
    if (mapped === undefined) {
      const lower = c.toLowerCase();
      const base = lower.length === 1 ? lower.normalize('NFD')[0] : undefined;
      mapped = base && base.length === 1 ? base : c;
      // Typographic apostrophes and dashes read as their plain forms.
      if (c === '\u2019' || c === '\u2018') mapped = "'";
      if (c === '\u2013' || c === '\u2014') mapped = '-';
      foldCache.set(c, mapped);
    }
    out += mapped;
  }
  return out;
}

/** A word boundary that knows accented letters (JS `\b` knows only ASCII). */
export const B = '(?<![\\p{L}\\p{N}_])';
export const E = '(?![\\p{L}\\p{N}_])';

/** A regex over folded text matching any of `alternatives` as whole words. */
export function wordsRegex(alternatives: readonly string[], flags = 'gu'): RegExp {
  return new RegExp(`${B}(?:${alternatives.join('|')})${E}`, flags);
}

export interface Span {
  start: number;
  end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sentence ranges: ends at . ! ? … or a line break, but not inside "2.5", "e.g." or a URL. */
export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const re = /[.!?…\n]+(?=\s|$)|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) spans.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}

export function sentenceAt(spans: readonly Span[], index: number): Span {
  return spans.find((s) => index >= s.start && index < s.end) ?? { start: 0, end: 0 };
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export interface Word extends Span {
  /** Folded. */
  text: string;
}

export function words(folded: string): Word[] {
  const out: Word[] = [];
  for (const m of folded.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Words that carry no claim in any of the five languages: never what backs or breaks a claim. */
export const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at for with from by as is are was were be been am i me my mine you your yours he she his her it its we our they their them this that these those ' +
    'so if not no yes do does did have has had will would can could just very really all any some every one also too than then there here what which who how when where why ' +
    'about up out into over after before while until again more most much many few new old good great nice lovely little big get got make made go going come comes came ' +
    'el la los las un una unos unas y o de del al en con por para que es son fue ser muy mi mis tu tus su sus yo se lo le les me te nos como pero mas ' +
    'o a os as um uma e de do da dos das no na nos nas em com por para que e sao foi ser muito meu minha meus minhas seu sua voce eu ele ela mas ' +
    'le la les un une des et ou de du au aux en dans avec par pour que qui est sont etait etre tres mon ma mes ton ta tes son sa ses je tu il elle nous vous mais ' +
    'der die das den dem des ein eine einen einem einer und oder von zu im in am an auf mit fur ist sind war sein sehr mein meine dein deine ich du er sie wir ihr aber wie'
  ).split(' '),
);

/** Levenshtein distance, stopping early past `max` (names across languages: Porto/Oporto, Freiburg/Fribourg). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = row;
  }
  return prev[b.length]! <= max;
}

/** First-person possessives in the five languages (folded). */
export const POSSESSIVE = "(?:my|our|mis?|mes|mon|ma|meus?|minhas?|mein(?:e|en|em|er)?|unser(?:e|en|em|er)?|nuestr[oa]s?|noss[oa]s?|notre|nos)";

/** Words that turn what follows into its opposite, a few words before a trigger. */
export const NEGATION = wordsRegex([
  'no', 'not', 'never', "don't", 'dont', "isn't", "aren't", "won't", 'without', 'nothing', 'none',
  'sin', 'nunca', 'ningun', 'ninguna', 'ni', 'sem', 'nao', 'nenhum', 'nenhuma', 'jamais', 'pas', 'aucun', 'aucune', 'sans', 'ne',
  'kein', 'keine', 'keinen', 'keiner', 'nicht', 'nie', 'ohne',
]);

/** True when a negation sits within `window` characters before `index` in the same sentence. */
export function negatedBefore(folded: string, index: number, sentenceStart: number, window = 24): boolean {
  let from = Math.max(sentenceStart, index - window);
  // A negation in an earlier clause ("Don't worry, I'll send you one") negates nothing here.
  const clause = Math.max(folded.lastIndexOf(',', index - 1), folded.lastIndexOf(';', index - 1), folded.lastIndexOf(':', index - 1));
  if (clause >= from) from = clause + 1;
  NEGATION.lastIndex = 0;
  return NEGATION.test(folded.slice(from, index));
}
