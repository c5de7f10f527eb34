/**
 * The creator's style fingerprint: measurable habits of their replies, overall and per
 * platform — how long they write, emoji, "!" and "?", casing, greetings and sign-offs, the words
 * they use that most people don't, and the languages they write in. The prompt can quote it, and
 * voice-match compares each draft against it.
 *
 * Computed from the most recent replies (voice drifts, and it bounds the cost), cached per
 * database and recomputed when examples change.
 */

import type { ReplyKind } from '../core/conversation';
import type { SiteId } from '../core/sites';
import type { ExampleRow, UnderstudyDB } from './db';
import { exampleTables, examplesVersion, onExamplesChanged, recentExamples } from './examples-repo';
import { detectLanguage } from './language';
import { foldSignoff, greetingHabits, signoffHabit, type GreetingHabit, type SignoffHabit } from './style';

export interface StyleFingerprint {
  /** Replies it was read from. */
  replies: number;
  /** Words per reply (emoji and punctuation not counted). */
  words: { median: number; p10: number; p90: number };
  emoji: {
    /** Share of replies with at least one emoji. */
    rate: number;
    /** Emoji per reply that has any. */
    perEmojiReply: number;
    /** Favourites, most used first. */
    top: string[];
  };
  /** Share of replies with a "!" / a "?". */
  exclamationRate: number;
  questionRate: number;
  /** Share of replies that start with a lowercase letter (of those starting with a letter). */
  lowercaseStartRate: number;
  /** ALL-CAPS words (two letters or more) per word. */
  capsWordRate: number;
  /** Share of replies using a formal marker ("Dear", "Regards", "furthermore", …). */
  formalRate: number;
  /** Share of replies of 8+ words with a contraction ("don't", "it's"). */
  contractionRate: number;
  greeting: GreetingHabit;
  signoff?: SignoffHabit;
  /** Folded form of the sign-off, for comparing a draft's ending. */
  signoffKey?: string;
  /** Words the creator uses far more than everyday English and than their commenters. */
  signatureWords: string[];
  /** Recurring two- and three-word phrases of their own ("low and slow"). */
  signaturePhrases: string[];
  /** Languages written in, most used first (shares of replies whose language was clear). */
  languages: { code: string; share: number }[];
}

export interface FingerprintSet {
  overall: StyleFingerprint;
  /**
   * Only platforms with enough comment replies to say something of their own: a platform's
   * voice is how the creator answers in public there (DMs have their own, below).
   */
  byPlatform: Partial<Record<SiteId, StyleFingerprint>>;
  /** Public comment replies and direct messages, each when there are MIN_KIND_REPLIES of them. */
  byKind?: Partial<Record<ReplyKind, StyleFingerprint>>;
}

/** Most recent replies read; a fingerprint is about habits, not history. */
export const FINGERPRINT_SAMPLE = 2000;
/** Replies read for signature words and phrases (the costliest part), newest first. */
const VOCABULARY_SAMPLE = 1000;
/** A platform needs this many replies before it gets its own fingerprint. */
export const MIN_PLATFORM_REPLIES = 20;
/**
 * A kind (comment replies, DMs) needs this many replies before drafts of that kind are scored
 * and shaped by them alone. The same bar as a platform, for the same reason: below about 20
 * replies one reply moves a rate by 5 points or more, and a greeting or sign-off "habit" (two
 * replies and a quarter of them) can be a coincidence; the whole memory says more until then.
 */
export const MIN_KIND_REPLIES = 20;

/** The replies of one kind when there are enough of them (MIN_KIND_REPLIES), else all of them. */
export function ofKindOrAll<T extends { kind?: ReplyKind }>(rows: readonly T[], kind: ReplyKind): T[] {
  const own = rows.filter((row) => (row.kind ?? 'comment') === kind);
  return own.length >= MIN_KIND_REPLIES ? own : [...rows];
}

/** Everyday English: words that say nothing about anyone's voice. */
const COMMON_WORDS = new Set(
  (
    'the be to of and a in that have i it for not on with he as you do at this but his by from ' +
    'they we say her she or an will my one all would there their what so up out if about who get ' +
    'which go me when make can like time no just him know take people into year your good some ' +
    'could them see other than then now look only come its over think also back after use two ' +
    'how our work first well way even new want because any these give day most us is are was ' +
    'were been has had did does doing done am im ive id ill youre youve dont doesnt didnt cant ' +
    'wont isnt arent wasnt thats theres its lets here very really much more many lot lots too ' +
    'thing things something anything nothing everything always never sometimes often usually ' +
    'again still yet already though although while where why yes yeah yep ok okay sure maybe ' +
    'please thank thanks got getting going gonna made making need needs let said same every ' +
    'each both few little long great right left old big small own last next part around down ' +
    'off through before between under never should might must may those such why help try ' +
    'tried trying put keep find found feel felt mean means bit kind sort best better love ' +
    'loved happy glad hope hey hi hello oh wow yay haha lol omg just definitely actually ' +
    'totally honestly probably pretty quite enough least less most week weeks today tomorrow ' +
    'tonight night morning minutes minute hours hour days thing place home start started end ' +
    'video videos comment comments question questions answer add works use using used'
  ).split(' '),
);

const FORMAL_MARKERS =
  /\b(dear|regards|sincerely|furthermore|moreover|additionally|therefore|consequently|kindly|hereby|henceforth|nevertheless|accordingly|pleased to|do not hesitate|please note|we appreciate|i would like to|thank you for your (?:comment|feedback|inquiry|message))\b/iu;
const CONTRACTION = /\p{L}['’](?:t|s|re|m|ll|ve|d)\b/iu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const EMOJI_SEQUENCE =
  /\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*/gu;
const FIRST_LETTER = /\p{L}/u;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export function emojiIn(text: string): string[] {
  return (text.match(EMOJI_SEQUENCE) ?? []).map((e) => e.replace(/\uFE0F/gu, ''));
}

/** Whether a text opens with a lowercase letter; undefined when it opens with no letter at all. */
export function startsLowercase(text: string): boolean | undefined {
  const letter = FIRST_LETTER.exec(text)?.[0];
  if (!letter || letter.toLowerCase() === letter.toUpperCase()) return undefined;
  return letter === letter.toLowerCase();
}

export function capsWords(text: string): { caps: number; words: number } {
  const words = text.match(WORD) ?? [];
  let caps = 0;
  for (const word of words) {
    // Most words have no capital at all.
    if (word === word.toLowerCase()) continue;
    const letters = word.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) caps++;
  }
  return { caps, words: words.length };
}

export function isFormal(text: string): boolean {
  return FORMAL_MARKERS.test(text);
}

export function hasContraction(text: string): boolean {
  return CONTRACTION.test(text);
}

/** Nearest-rank quantile of sorted numbers. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function share(count: number, total: number): number {
  return total > 0 ? count / total : 0;
}

/** Links are not vocabulary ("https", "example"). */
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;

function vocabulary(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.replace(URL, ' ').toLowerCase().match(WORD) ?? []) {
    const bare = word.replace(/['’]/gu, '');
    if (bare.length >= 3 && !/^\d+$/u.test(bare) && !COMMON_WORDS.has(bare)) words.add(bare);
  }
  return words;
}

/**
 * Words in at least a few replies that are not everyday English, ranked by how much more often
 * the creator uses them than the people they answer (a creator's "crumb", not the audience's
 * "sourdough" that they merely echo).
 */
function signatureWords(replies: readonly string[], comments: readonly string[], limit = 12): string[] {
  const inReplies = new Map<string, number>();
  for (const reply of replies) for (const word of vocabulary(reply)) inReplies.set(word, (inReplies.get(word) ?? 0) + 1);
  const inComments = new Map<string, number>();
  for (const comment of comments) for (const word of vocabulary(comment)) inComments.set(word, (inComments.get(word) ?? 0) + 1);
  const minCount = Math.max(2, Math.ceil(replies.length * 0.02));
  const ranked: { word: string; score: number }[] = [];
  for (const [word, count] of inReplies) {
    if (count < minCount) continue;
    const replyShare = count / replies.length;
    const commentShare = comments.length ? (inComments.get(word) ?? 0) / comments.length : 0;
    const lift = (replyShare + 0.02) / (commentShare + 0.02);
    if (lift < 1.5) continue;
    ranked.push({ word, score: replyShare * Math.log2(lift) });
  }
  return ranked.sort((a, b) => b.score - a.score || a.word.localeCompare(b.word)).slice(0, limit).map((r) => r.word);
}

/**
 * Two- and three-word phrases that recur across replies, starting and ending with a word that
 * is not everyday English ("low and slow", "crumb doesn't lie").
 */
function signaturePhrases(replies: readonly string[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const reply of replies) {
    const words = (reply.replace(URL, ' ').toLowerCase().match(WORD) ?? []).map((w) => w.replace(/['’]/gu, ''));
    const content = words.map((w) => w.length >= 3 && !COMMON_WORDS.has(w) && !/^\d+$/u.test(w));
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      if (!content[i]) continue;
      for (let n = 2; n <= 3 && i + n <= words.length; n++) {
        if (!content[i + n - 1]) continue;
        const phrase = words.slice(i, i + n).join(' ');
        if (seen.has(phrase)) continue;
        seen.add(phrase);
        counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    }
  }
  const minCount = Math.max(2, Math.ceil(replies.length * 0.02));
  const phrases = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  // A three-word phrase makes its two-word pieces redundant.
  const kept: string[] = [];
  for (const [phrase] of phrases) {
    if (kept.some((k) => k.includes(phrase) || phrase.includes(k))) continue;
    kept.push(phrase);
    if (kept.length === limit) break;
  }
  return kept;
}

/** What one reply shows; read once even when the reply counts for several fingerprints. */
interface ReplyTraits {
  words: number;
  emoji: string[];
  exclaims: boolean;
  asks: boolean;
  lowercase: boolean | undefined;
  caps: number;
  formal: boolean;
  contraction: boolean;
  language: string | undefined;
}

function traitsOf(reply: string): ReplyTraits {
  const c = capsWords(reply);
  return {
    words: c.words,
    emoji: emojiIn(reply),
    exclaims: reply.includes('!'),
    asks: reply.includes('?'),
    lowercase: startsLowercase(reply),
    caps: c.caps,
    formal: isFormal(reply),
    contraction: c.words >= 8 && hasContraction(reply),
    language: detectLanguage(reply),
  };
}

/**
 * The fingerprint of a set of replies (and, when known, the comments they answered). `vocabularyOf`
 * reuses signature words and phrases computed elsewhere (a platform shares the overall ones).
 */
export function computeFingerprint(
  replies: readonly string[],
  comments: readonly string[] = [],
  vocabularyOf?: Pick<StyleFingerprint, 'signatureWords' | 'signaturePhrases'>,
): StyleFingerprint {
  return aggregate(replies, replies.map(traitsOf), comments, vocabularyOf);
}

function aggregate(
  replies: readonly string[],
  traits: readonly ReplyTraits[],
  comments: readonly string[],
  vocabularyOf?: Pick<StyleFingerprint, 'signatureWords' | 'signaturePhrases'>,
): StyleFingerprint {
  const wordCounts: number[] = [];
  const emojiCounts = new Map<string, number>();
  let emojiReplies = 0;
  let emojiTotal = 0;
  let exclamations = 0;
  let questions = 0;
  let lettered = 0;
  let lowercase = 0;
  let caps = 0;
  let words = 0;
  let formal = 0;
  let contractionEligible = 0;
  let contractions = 0;
  const languages = new Map<string, number>();
  let languageKnown = 0;
  for (const t of traits) {
    wordCounts.push(t.words);
    words += t.words;
    caps += t.caps;
    if (t.emoji.length > 0) {
      emojiReplies++;
      emojiTotal += t.emoji.length;
      for (const e of t.emoji) emojiCounts.set(e, (emojiCounts.get(e) ?? 0) + 1);
    }
    if (t.exclaims) exclamations++;
    if (t.asks) questions++;
    if (t.lowercase !== undefined) {
      lettered++;
      if (t.lowercase) lowercase++;
    }
    if (t.formal) formal++;
    if (t.words >= 8) {
      contractionEligible++;
      if (t.contraction) contractions++;
    }
    if (t.language) {
      languageKnown++;
      languages.set(t.language, (languages.get(t.language) ?? 0) + 1);
    }
  }
  const sorted = wordCounts.sort((a, b) => a - b);
  const signoff = replies.length ? signoffHabit(replies) : undefined;
  const fingerprint: StyleFingerprint = {
    replies: replies.length,
    words: { median: quantile(sorted, 0.5), p10: quantile(sorted, 0.1), p90: quantile(sorted, 0.9) },
    emoji: {
      rate: share(emojiReplies, replies.length),
      perEmojiReply: share(emojiTotal, emojiReplies),
      top: [...emojiCounts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([e]) => e),
    },
    exclamationRate: share(exclamations, replies.length),
    questionRate: share(questions, replies.length),
    lowercaseStartRate: share(lowercase, lettered),
    capsWordRate: share(caps, words),
    formalRate: share(formal, replies.length),
    contractionRate: share(contractions, contractionEligible),
    greeting: greetingHabits(replies),
    signatureWords:
      vocabularyOf?.signatureWords ?? signatureWords(replies.slice(0, VOCABULARY_SAMPLE), comments.slice(0, VOCABULARY_SAMPLE)),
    signaturePhrases: vocabularyOf?.signaturePhrases ?? signaturePhrases(replies.slice(0, VOCABULARY_SAMPLE)),
    languages: [...languages]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => ({ code, share: n / languageKnown })),
  };
  if (signoff) {
    fingerprint.signoff = signoff;
    fingerprint.signoffKey = foldSignoff(signoff.text);
  }
  return fingerprint;
}

/** Overall and per-platform fingerprints from the most recent examples (any order in). */
export function computeFingerprints(examples: Iterable<ExampleRow>): FingerprintSet {
  const all: ExampleRow[] = [...examples].sort((a, b) => b.createdAt - a.createdAt).slice(0, FINGERPRINT_SAMPLE);
  const traits = all.map((row) => traitsOf(row.reply));
  const byPlatform = new Map<SiteId, number[]>();
  const byKind = new Map<ReplyKind, number[]>();
  all.forEach((row, i) => {
    const kind = row.kind ?? 'comment';
    const ofKind = byKind.get(kind) ?? [];
    ofKind.push(i);
    byKind.set(kind, ofKind);
    if (!row.platform || kind !== 'comment') return;
    const list = byPlatform.get(row.platform) ?? [];
    list.push(i);
    byPlatform.set(row.platform, list);
  });
  const overall = aggregate(
    all.map((r) => r.reply),
    traits,
    all.flatMap((r) => (r.incoming ? [r.incoming] : [])),
  );
  const platforms: FingerprintSet['byPlatform'] = {};
  for (const [platform, indices] of byPlatform) {
    if (indices.length < MIN_PLATFORM_REPLIES) continue;
    // Vocabulary is the creator's, not the platform's: shared, and computed once.
    platforms[platform] = aggregate(
      indices.map((i) => all[i]!.reply),
      indices.map((i) => traits[i]!),
      [],
      overall,
    );
  }
  const kinds: NonNullable<FingerprintSet['byKind']> = {};
  for (const [kind, indices] of byKind) {
    if (indices.length < MIN_KIND_REPLIES) continue;
    // A memory of one kind only: its fingerprint is the overall one.
    kinds[kind] =
      indices.length === all.length
        ? overall
        : aggregate(
            indices.map((i) => all[i]!.reply),
            indices.map((i) => traits[i]!),
            [],
            overall,
          );
  }
  return { overall, byPlatform: platforms, byKind: kinds };
}

/**
 * The fingerprint a draft is compared with. A DM draft: the creator's DM voice when there are
 * enough DMs, else the overall one. A comment draft: the platform's own (comment replies there),
 * else all comment replies when there are enough, else the overall one.
 */
export function fingerprintFor(set: FingerprintSet, platform?: SiteId, kind: ReplyKind = 'comment'): StyleFingerprint {
  if (kind === 'dm') return set.byKind?.dm ?? set.overall;
  return (platform && set.byPlatform[platform]) || set.byKind?.comment || set.overall;
}

/* ------------------------------------------------------------------------------------------ */
/* Cached per database. A habit does not move with one more reply, so the cache survives a    */
/* few appended replies (each sent reply is one) and is recomputed once memory has grown by   */
/* more than STALE_AFTER_ROWS or 1%, shrunk, or had a reply edited or deleted in this context. */
/* ------------------------------------------------------------------------------------------ */

const STALE_AFTER_ROWS = 20;

interface CachedFingerprints {
  count: number;
  maxId: number;
  changes: number;
  set: FingerprintSet;
}

const cache = new WeakMap<UnderstudyDB, CachedFingerprints>();
const changeCounters = new WeakMap<UnderstudyDB, { changes: number }>();

function changesOf(db: UnderstudyDB): { changes: number } {
  let counter = changeCounters.get(db);
  if (!counter) {
    const created = { changes: 0 };
    onExamplesChanged(db, () => {
      created.changes++;
    });
    changeCounters.set(db, created);
    counter = created;
  }
  return counter;
}

/** The creator's fingerprints, recomputed only when memory has changed enough to matter. */
export async function getFingerprintFor(db: UnderstudyDB): Promise<FingerprintSet> {
  const counter = changesOf(db);
  const changes = counter.changes;
  return db.transaction('r', exampleTables(db), async () => {
    const { count, maxId } = await examplesVersion(db);
    const cached = cache.get(db);
    if (
      cached &&
      cached.changes === changes &&
      count >= cached.count &&
      maxId >= cached.maxId &&
      count - cached.count <= Math.max(STALE_AFTER_ROWS, cached.count * 0.01) &&
      // Appends without a matching count change mean something was replaced: recompute.
      maxId - cached.maxId <= count - cached.count
    ) {
      return cached.set;
    }
    const rows = await recentExamples(db, FINGERPRINT_SAMPLE);
    const set = computeFingerprints(rows);
    cache.set(db, { count, maxId, changes, set });
    return set;
  });
}

/** Recompute on the next getFingerprintFor (e.g. after memory was replaced in another context). */
export function invalidateFingerprintFor(db: UnderstudyDB): void {
  cache.delete(db);
}
