/**
 * Basic habits of the creator's writing, read from their past replies: how they open a reply,
 * how they sign off, how often they use emoji. Pure functions: the memory engine uses them to
 * adapt an old reply to a new commenter without inventing anything.
 */

/** True salutations: replacing one with the creator's usual greeting changes nothing said. */
const SALUTATIONS = [
  'hey',
  'hi',
  'hello',
  'heya',
  'hiya',
  'howdy',
  'yo',
  'hola',
  'hallo',
  'hej',
  'bonjour',
  'ciao',
  'salut',
  'ola',
  'olá',
  'oi',
  'dear',
  'hey there',
  'hi there',
  'hello there',
  'good morning',
  'good afternoon',
  'good evening',
  'morning',
] as const;

/** Openers that are also ordinary words ("Morning routines…"): a greeting only with a name or mark. */
const NEEDS_NAME_OR_MARK = new Set(['morning', 'dear', 'oi']);

/**
 * Exclamations a creator may open with ("Omg Sam!!"). They carry tone, so an adapted reply keeps
 * them and only swaps the name they were addressed to.
 */
const INTERJECTIONS = ['omg', 'aw', 'ah', 'ooh', 'wow', 'yay', 'oh my gosh', 'oh my god'] as const;

/** Capitalised words that open a sentence rather than name a person. */
const NOT_NAMES = new Set(
  (
    'i im ive ill id so the this that these those thank thanks thx ty yes yeah yep yup no nope ' +
    'oh omg ok okay aw wow it its you your youre yall we were our my me love glad great good ' +
    'happy honestly totally absolutely sure of not just what why how when where who which do ' +
    'did does can could would will should please welcome congrats congratulations everyone ' +
    'everybody all guys friend friends fam folks there here hey hi hello and but or if haha ' +
    'lol ha yay sorry agreed right exactly definitely same literally omw btw also well wait ' +
    'hmm ooh ahh ah a an in on at to for with from as is are was be been gosh god'
  ).split(' '),
);

export type OpeningKind = 'salutation' | 'interjection';

/** How a reply opens: "Hey Sam! So glad…" → greeting "Hey", name "Sam", punctuation "!". */
export interface Opening {
  /** As written, e.g. "Heyyy". */
  greeting: string;
  /** Folded form for comparison, e.g. "hey". */
  key: string;
  kind: OpeningKind;
  /** The person addressed: a capitalised name or an @handle, as written. */
  name?: string;
  /** What followed the greeting or name, e.g. "!", ",", "!!". Empty when nothing did. */
  punctuation: string;
  /** The reply after the opening, untouched. */
  rest: string;
}

/** Lowercase and collapse repeated letters, so "Heyyy", "HEY" and "hey" compare equal. */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/(\p{L})\1+/gu, '$1');
}

const FOLDED_OPENERS: { key: string; kind: OpeningKind; words: number }[] = [
  ...SALUTATIONS.map((g) => ({ key: foldPhrase(g), kind: 'salutation' as const })),
  ...INTERJECTIONS.map((g) => ({ key: foldPhrase(g), kind: 'interjection' as const })),
]
  .map((o) => ({ ...o, words: o.key.split(' ').length }))
  // Longest first, so "hi there" wins over "hi".
  .sort((a, b) => b.words - a.words);

function foldPhrase(phrase: string): string {
  return phrase.split(/\s+/).map(foldWord).join(' ');
}

const LEADING_WORDS = /^[\p{L}]+(?:[ \t]+[\p{L}]+){0,2}/u;
const HANDLE = /^@[\p{L}\p{N}_.-]*[\p{L}\p{N}_]/u;
const CAPITALISED = /^\p{Lu}[\p{L}'’-]*/u;
const PUNCTUATION_RUN = /^[!?.,:;~…—–-]*/u;

/** Parse a reply's greeting, if it opens with one. */
export function parseOpening(reply: string): Opening | undefined {
  const text = reply.trimStart();
  const head = LEADING_WORDS.exec(text)?.[0];
  if (!head) return undefined;
  // Folded once: every reply is checked against every opener.
  const folded = head.split(/[ \t]+/).map(foldWord);
  const prefixes = folded.map((_, i) => folded.slice(0, i + 1).join(' '));
  for (const opener of FOLDED_OPENERS) {
    if (prefixes[opener.words - 1] !== opener.key) continue;
    // The greeting must end at a word boundary ("Hiking…" is not "Hi").
    const greetingEnd = indexAfterWords(text, opener.words);
    const greeting = text.slice(0, greetingEnd);
    let cursor = greetingEnd;
    let name: string | undefined;
    const gap = /^,?[ \t]*/.exec(text.slice(cursor))?.[0] ?? '';
    const nameMatch = matchName(text.slice(cursor + gap.length));
    if (nameMatch) {
      name = nameMatch;
      cursor += gap.length + nameMatch.length;
    }
    const punctuation = PUNCTUATION_RUN.exec(text.slice(cursor))?.[0] ?? '';
    cursor += punctuation.length;
    const afterOpening = text.slice(cursor);
    // "Hi-res photos" or "Hey's" are words, not greetings: require a break after the opening.
    if (afterOpening.length > 0 && !/^[\s\p{Extended_Pictographic}]/u.test(afterOpening)) continue;
    if (NEEDS_NAME_OR_MARK.has(opener.key) && !name && !punctuation) continue;
    return {
      greeting,
      key: opener.key,
      kind: opener.kind,
      ...(name ? { name } : {}),
      punctuation,
      rest: afterOpening.trimStart(),
    };
  }
  return undefined;
}

function indexAfterWords(text: string, count: number): number {
  const match = new RegExp(`^[\\p{L}]+(?:[ \\t]+[\\p{L}]+){${count - 1}}`, 'u').exec(text);
  return match?.[0].length ?? 0;
}

function matchName(text: string): string | undefined {
  const handle = HANDLE.exec(text)?.[0];
  if (handle) return handle;
  const word = CAPITALISED.exec(text)?.[0];
  if (!word) return undefined;
  const bare = word.replace(/['’-]+$/u, '');
  if (NOT_NAMES.has(bare.toLowerCase().replace(/['’]/g, ''))) return undefined;
  // An all-caps word ("OMG", "LOVE") is shouting, not a name.
  if (bare.length > 1 && bare === bare.toUpperCase()) return undefined;
  return bare;
}

export interface GreetingHabit {
  /** The creator's usual greeting as they write it ("Hey"), when one is a habit. */
  greeting?: string;
  /** Share of replies that open with that greeting. */
  rate: number;
  /** Share of replies that open with any greeting. */
  anyRate: number;
  /** Share of greeted replies that name the person ("Hey Sam!"). */
  byNameRate: number;
  /** True when most greetings name the person. */
  greetsByName: boolean;
  /** What usually follows the greeting or name: "!", ",", "" … */
  punctuation: string;
}

/** A greeting is a habit when it opens at least a quarter of replies (and more than one). */
const HABIT_SHARE = 0.25;

export function greetingHabits(replies: readonly string[]): GreetingHabit {
  const byKey = new Map<string, { count: number; forms: Map<string, number> }>();
  const punctuation = new Map<string, number>();
  let greeted = 0;
  let named = 0;
  for (const reply of replies) {
    const opening = parseOpening(reply);
    if (!opening) continue;
    greeted++;
    if (opening.name) named++;
    const entry = byKey.get(opening.key) ?? { count: 0, forms: new Map() };
    entry.count++;
    entry.forms.set(opening.greeting, (entry.forms.get(opening.greeting) ?? 0) + 1);
    byKey.set(opening.key, entry);
    punctuation.set(opening.punctuation, (punctuation.get(opening.punctuation) ?? 0) + 1);
  }
  const total = replies.length;
  const top = [...byKey.values()].sort((a, b) => b.count - a.count)[0];
  const rate = top && total ? top.count / total : 0;
  const byNameRate = greeted ? named / greeted : 0;
  const isHabit = top !== undefined && top.count >= 2 && rate >= HABIT_SHARE;
  return {
    ...(isHabit ? { greeting: mostCommon(top.forms) } : {}),
    rate: isHabit ? rate : 0,
    anyRate: total ? greeted / total : 0,
    byNameRate,
    greetsByName: greeted > 0 && byNameRate >= 0.5,
    punctuation: mostCommon(punctuation) ?? '',
  };
}

function mostCommon<T>(counts: Map<T, number>): T | undefined {
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export interface SignoffHabit {
  /** As the creator writes it, e.g. "— Maya 🍞". */
  text: string;
  /** Share of replies that end with it. */
  rate: number;
  /** Whether it usually sits on its own line or at the end of the last one. */
  separator: '\n' | ' ';
}

const SIGNOFF_MAX_CHARS = 60;
const DASH_TAIL = /(?:^|\s)((?:—|–|--?|~)\s*[^—–~\n]{1,40})$/u;

/** Fold a sign-off for comparison: case, spacing and dash variants do not make a new one. */
export function foldSignoff(text: string): string {
  return text
    .trim()
    .replace(/^(?:—|–|--?|~)\s*/u, '— ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Candidate sign-offs of one reply: its last line, and a trailing "— Name" phrase. */
function signoffCandidates(reply: string): { text: string; ownLine: boolean }[] {
  const text = reply.trim();
  const found: { text: string; ownLine: boolean }[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const nonEmpty = lines.filter((l) => l.length > 0);
  const last = nonEmpty.at(-1);
  if (nonEmpty.length >= 2 && last && last.length <= SIGNOFF_MAX_CHARS) {
    found.push({ text: last, ownLine: true });
  }
  const lastLine = last ?? text;
  const dash = DASH_TAIL.exec(lastLine)?.[1]?.trim();
  if (dash && dash !== lastLine) found.push({ text: dash, ownLine: false });
  return found;
}

/** A recurring last line or trailing phrase, present in at least a quarter of replies. */
export function signoffHabit(replies: readonly string[]): SignoffHabit | undefined {
  const byKey = new Map<string, { count: number; forms: Map<string, number>; ownLine: number }>();
  for (const reply of replies) {
    const seen = new Set<string>();
    for (const candidate of signoffCandidates(reply)) {
      const key = foldSignoff(candidate.text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const entry = byKey.get(key) ?? { count: 0, forms: new Map(), ownLine: 0 };
      entry.count++;
      if (candidate.ownLine) entry.ownLine++;
      entry.forms.set(candidate.text, (entry.forms.get(candidate.text) ?? 0) + 1);
      byKey.set(key, entry);
    }
  }
  let best: { count: number; forms: Map<string, number>; ownLine: number } | undefined;
  for (const entry of byKey.values()) if (!best || entry.count > best.count) best = entry;
  if (!best || best.count < 2 || best.count / replies.length < HABIT_SHARE) return undefined;
  const text = mostCommon(best.forms);
  if (!text) return undefined;
  return {
    text,
    rate: best.count / replies.length,
    separator: best.ownLine * 2 >= best.count ? '\n' : ' ',
  };
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

export function hasEmoji(text: string): boolean {
  return EMOJI.test(text);
}

/** Share of replies with at least one emoji (0 when there are no replies). */
export function emojiRate(replies: readonly string[]): number {
  if (replies.length === 0) return 0;
  return replies.filter(hasEmoji).length / replies.length;
}

export interface StyleHabits {
  greeting: GreetingHabit;
  signoff?: SignoffHabit;
  emojiRate: number;
  /** Share of replies with an exclamation mark: a creator who never writes "!" is not given one. */
  exclamationRate?: number;
}

/** Share of replies with at least one "!" (0 when there are no replies). */
export function exclamationRate(replies: readonly string[]): number {
  if (replies.length === 0) return 0;
  return replies.filter((r) => r.includes('!')).length / replies.length;
}

export function detectStyleHabits(replies: readonly string[]): StyleHabits {
  const signoff = signoffHabit(replies);
  return {
    greeting: greetingHabits(replies),
    ...(signoff ? { signoff } : {}),
    emojiRate: emojiRate(replies),
    exclamationRate: exclamationRate(replies),
  };
}
