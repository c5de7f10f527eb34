/**
 * Finds the creator's past replies closest to a new comment: BM25 over what they answered and
 * what they said, then modest boosts for the same platform and for recent replies.
 *
 * Why not MiniSearch's own index: at the 100,000-example budget it took ~8 s to build and
 * 0.1–1 s per search (a Map per term and a result object per matching document). This index
 * keeps the same scoring (MiniSearch's BM25 parameters, field boosts, prefix and fuzzy weights)
 * over flat posting lists and typed arrays, and still uses MiniSearch's radix tree
 * (SearchableMap) over the vocabulary for prefix and typo matches.
 *
 * Speed comes from doing less per query: only the rarest query terms, typo matching only for
 * words memory does not know, a cap on postings visited, and a top-k selection instead of a sort.
 * Rows are kept in memory, so a result carries the full example.
 *
 * With an embedding model downloaded, hybrid.ts fuses this ranking with vector similarity.
 */
import type { ReplyKind } from '../core/conversation';
import type { SiteId } from '../core/sites';
import SearchableMap from 'minisearch/SearchableMap';
import type { ExampleRow } from './db';

/** A past reply chosen by retrieval, with its relevance score (higher is closer). */
export interface RetrievedExample {
  example: ExampleRow;
  score: number;
}

export { getIndexFor, invalidateIndexFor } from './index-store';

export interface RetrievalQuery {
  text: string;
  platform?: SiteId;
  /** The comment this one answers, when it is a reply: weaker evidence than the comment itself. */
  parentText?: string;
  /**
   * Only replies of these kinds (absent: every kind). A comment draft asks for comment replies
   * only, so nothing said in a private conversation can surface under a public comment.
   */
  kinds?: readonly ReplyKind[];
}

/** Bit per kind in a slot's kind byte: 0 a comment reply (or a row without a kind), 1 a DM reply. */
const KIND_BIT: Record<ReplyKind, number> = { comment: 1, dm: 2 };
const ALL_KINDS = KIND_BIT.comment | KIND_BIT.dm;

function kindMask(kinds: readonly ReplyKind[] | undefined): number {
  if (!kinds) return ALL_KINDS;
  let mask = 0;
  for (const kind of kinds) mask |= KIND_BIT[kind];
  return mask;
}

export interface RetrievalOptions {
  /** Clock for the recency boost; injectable so tests do not depend on today's date. */
  now?: () => number;
}

/** Bump when tokenisation or the snapshot layout changes: a saved index must then be rebuilt. */
export const INDEX_FORMAT = 2;
const DEFAULT_K = 8;
/** Pathological input (a pasted essay) must not cost more than a long comment. */
const MAX_UNIQUE_TERMS = 64;
/** The rarest terms carry the topic; common ones add cost, not ranking. */
const MAX_QUERY_TERMS = 12;
/** Postings visited per query at most (beyond the three most telling terms). */
const POSTINGS_BUDGET = 120_000;
const ALWAYS_SEARCHED = 3;
/** Prefix or typo variants followed per query word, closest first. */
const MAX_EXPANSIONS = 8;
/** A word this rare may itself be a typo of a common one: look for close spellings too. */
const FUZZY_BELOW_DF = 3;
const MAX_FUZZY = 6;
/** Typo lookups walk the vocabulary tree (up to ~1 ms each on a large memory): a few per query. */
const MAX_FUZZY_TERMS = 3;
/** A new comment is most like the old comments the creator answered. Index 0: incoming, 1: reply. */
const FIELD_BOOST = [2, 1] as const;
const FIELDS = 2;
// MiniSearch's defaults, so scores mean what they meant before.
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const PARENT_WEIGHT = 0.35;
const SAME_PLATFORM_BOOST = 1.15;
/** Recent replies get up to +20%, halving every year: voice drifts, but slowly. */
const RECENCY_BOOST = 0.2;
const HALF_LIFE_MS = 365.25 * 24 * 60 * 60 * 1000;
const MAX_BOOST = SAME_PLATFORM_BOOST * (1 + RECENCY_BOOST);
/** Postings pack slot and term frequency in one small integer: slot * 64 + min(tf, 63). */
const TF_BITS = 6;
const TF_MASK = (1 << TF_BITS) - 1;
const SLOT_FACTOR = 1 << TF_BITS;
/** How long the no-match answer for a platform is reused (recency moves slowly). */
const FALLBACK_CACHE_MS = 60 * 60 * 1000;
/** Compact when this many removed examples still hold posting entries. */
const COMPACT_MIN_DEAD = 2000;

// Function words carry no topic. BM25's IDF would discount them on a large memory, but a
// small one (a few dozen replies) would otherwise match "you" against "you".
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her him ' +
    'his how i if im in into is it its ive just me my no not of on or our she so than that ' +
    'the their them then there these they this those to too us was we were what when where ' +
    'which who why will with would you your youre yours ur u'
  ).split(' '),
);

/** Scripts written without spaces between words need a real word segmenter. */
const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const POSSESSIVE = /['’ʼ]s\b/gu;
const APOSTROPHE = /['’ʼ]/gu;
const segmenter =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'word' })
    : undefined;

/**
 * Lowercase, fold accents ("café" → "cafe"), drop possessives ("starter's" → "starter") and
 * other apostrophes ("don't" → "dont"). Only
 * Latin combining accents are removed: marks in other scripts (Devanagari vowels…) are letters.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(POSSESSIVE, '')
    .replace(APOSTROPHE, '');
}

/** Searchable terms of a text. Emoji and punctuation are not terms. */
export function tokenize(text: string): string[] {
  const plain = plainTerms(text);
  if (plain) return plain;
  const normalized = normalizeText(text);
  let words: string[];
  if (segmenter && NO_SPACE_SCRIPTS.test(normalized)) {
    words = [];
    for (const segment of segmenter.segment(normalized)) {
      if (segment.isWordLike) words.push(segment.segment);
    }
  } else {
    words = normalized.match(WORD) ?? [];
  }
  return words.filter(isTerm);
}

/**
 * The same terms as the Unicode path, for text that normalisation cannot change (ASCII, curly
 * apostrophes, emoji, typographic punctuation), in one pass: most comments are such text, and building the index spends
 * most of its time here. Returns undefined for anything else.
 */
function plainTerms(text: string): string[] | undefined {
  const terms: string[] = [];
  /** Word start in text, or -1 between words. */
  let start = -1;
  /** Word text before an apostrophe inside it ("don't" → "don" + "t"). */
  let before = '';
  let upper = false;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (c >= 65 && c <= 90) {
      if (start < 0) start = i;
      upper = true;
      continue;
    }
    if (c === 39 || c === 0x2019 || c === 0x2bc) {
      // Apostrophes vanish without splitting the word; "'s" before a non-word character too.
      if (start >= 0) before += text.slice(start, i);
      start = -1;
      const next = text.charCodeAt(i + 1);
      if ((next === 115 || next === 83) && !isAsciiWordChar(text.charCodeAt(i + 2))) i++;
      continue;
    }
    if (c >= 128 && !isPlainSeparator(text, i)) return undefined;
    if (start >= 0 || before !== '') {
      let word = start >= 0 ? text.slice(start, i) : '';
      if (before !== '') word = before + word;
      if (upper) word = word.toLowerCase();
      if (isTerm(word)) terms.push(word);
      start = -1;
      before = '';
      upper = false;
    }
    // The low half of an emoji outside the BMP.
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return terms;
}

function isTerm(word: string): boolean {
  if (word.length === 1) {
    const c = word.charCodeAt(0);
    if (c >= 97 && c <= 122) return false;
  }
  return !STOP_WORDS.has(word);
}

/** \w in a regular expression: what `\b` in POSSESSIVE treats as part of a word. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Emoji (with their joiners and modifiers) and typographic punctuation (dashes, quotes, "…"):
 * never letters or digits, before or after NFKD, so they only separate words.
 */
function isPlainSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0xa0 || c === 0xab || c === 0xbb || c === 0x200d || c === 0xfe0f || c === 0x20e3) return true;
  if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e)) return true;
  // Misc symbols, dingbats (minus the circled digits ❶–➓, which are numbers), arrows, stars.
  if ((c >= 0x2600 && c <= 0x2775) || (c >= 0x2794 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff)) return true;
  if (c >= 0xd800 && c <= 0xdbff) {
    const point = text.codePointAt(i) ?? 0;
    // Pictographs, emoticons, transport, supplemental symbols; regional indicator letters.
    return (point >= 0x1f300 && point <= 0x1faff) || (point >= 0x1f1e6 && point <= 0x1f1ff);
  }
  return false;
}

function uniqueTerms(text: string): string[] {
  return [...new Set(tokenize(text))].slice(0, MAX_UNIQUE_TERMS);
}

/** FNV-1a over a row's searchable text: tells a saved index whether the row changed since. */
export function rowHash(row: Pick<ExampleRow, 'incoming' | 'reply'>): number {
  let h = 0x811c9dc5;
  const incoming = row.incoming;
  if (incoming !== undefined) {
    for (let i = 0; i < incoming.length; i++) h = Math.imul(h ^ incoming.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xffff, 0x01000193);
  }
  const reply = row.reply;
  for (let i = 0; i < reply.length; i++) h = Math.imul(h ^ reply.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A saved index: everything but the rows, which stay in the database. */
export interface IndexSnapshot {
  format: number;
  /** Vocabulary, by term id. */
  terms: string[];
  /** Example id per slot. */
  ids: Float64Array;
  /** rowHash per slot, to spot rows edited since the snapshot. */
  hashes: Uint32Array;
  /** Terms in the comment + 1 per slot (0: no comment). */
  incomingLength: Uint32Array;
  replyLength: Uint32Array;
  /** Postings of key (termId * 2 + field) are postings[offsets[key] … offsets[key + 1]). */
  offsets: Uint32Array;
  postings: Uint32Array;
}

type GrowableArray = Float64Array | Uint32Array | Uint8Array | Int8Array | Int32Array;

function grow<T extends GrowableArray>(array: T, size: number): T {
  if (array.length >= size) return array;
  const Ctor = array.constructor as new (length: number) => T;
  const next = new Ctor(Math.max(size, array.length * 2, 64));
  next.set(array);
  return next;
}

interface PlanEntry {
  termId: number;
  weight: number;
}

export class RetrievalIndex {
  readonly #now: () => number;
  #revision = 0;

  // Vocabulary.
  #termIds = new Map<string, number>();
  #terms: string[] = [];
  /** Built on the first search that needs prefix or typo matching. */
  #dict: SearchableMap<number> | undefined;

  // Postings and live document frequency, by key = termId * 2 + field.
  #postings: (number[] | undefined)[] = [];
  #df: number[] = [];

  // Per slot (one slot per indexed example; a removed example leaves a dead slot until compaction).
  #slots = 0;
  #live = 0;
  #dead = 0;
  #rows: (ExampleRow | undefined)[] = [];
  #slotOf = new Map<number, number>();
  #alive = new Uint8Array(0);
  #length = [new Uint32Array(0), new Uint32Array(0)];
  #lengthSum = [0, 0];
  #fieldDocs = [0, 0];
  #createdAt = new Float64Array(0);
  #platform = new Int8Array(0);
  #replyChars = new Uint32Array(0);
  /** KIND_BIT of each slot's reply. */
  #kind = new Uint8Array(0);
  /** 0: answered no comment; 1: a comment without terms (emoji, "!!!"); 2: a comment with terms. */
  #incomingKind = new Uint8Array(0);

  // Scratch space for counting terms while indexing one field.
  #stamp = 0;
  #seen = new Int32Array(0);
  #tf = new Int32Array(0);
  readonly #unique: number[] = [];

  #fallbackCache: { key: string; results: RetrievedExample[] } | undefined;

  // Per query scratch space.
  #scores = new Float64Array(0);
  #touched = new Int32Array(0);

  /** Use createRetrievalIndex, restoreIndex or indexFromJSON. */
  constructor(options: RetrievalOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** Number of examples in the index. */
  get size(): number {
    return this.#live;
  }

  /** Changes on every add or remove, so derived data (style habits) knows when to recompute. */
  get revision(): number {
    return this.#revision;
  }

  /** Distinct searchable terms. */
  get vocabularySize(): number {
    return this.#terms.length;
  }

  has(id: number): boolean {
    return this.#slotOf.has(id);
  }

  /** The indexed example with this id (hybrid search turns vector hits into rows with it). */
  get(id: number): ExampleRow | undefined {
    const slot = this.#slotOf.get(id);
    return slot === undefined ? undefined : this.#rows[slot];
  }

  /** Builds the vocabulary tree now rather than on the first search that needs it. */
  warm(): this {
    this.#dictionary();
    return this;
  }

  /** Every indexed example, in no particular order. */
  *examples(): IterableIterator<ExampleRow> {
    for (const row of this.#rows) if (row) yield row;
  }

  /** Add an example, or replace the one with the same id. */
  add(example: ExampleRow): void {
    const id = example.id;
    if (id === undefined) throw new TypeError('Only stored examples (with an id) can be indexed.');
    this.#removeSlot(id);
    this.#insert(example, id);
    this.#revision++;
    this.#maybeCompact();
  }

  remove(id: number): void {
    if (!this.#removeSlot(id)) return;
    this.#revision++;
    this.#maybeCompact();
  }

  /** The k closest past replies, best first. Never empty while the index holds examples. */
  search(query: RetrievalQuery, k = DEFAULT_K): RetrievedExample[] {
    if (this.#live === 0 || k <= 0) return [];
    const kinds = kindMask(query.kinds);
    if (kinds === 0) return [];
    const terms = uniqueTerms(query.text);
    // An emoji-only comment has nothing to match; the parent's topic would pick a reply about
    // the parent, which is not what the commenter said.
    if (terms.length === 0) return this.#fallback(query, k);

    const plan = new Map<number, number>();
    this.#planTerms(terms, 1, plan);
    if (query.parentText) {
      const own = new Set(terms);
      const parentTerms = uniqueTerms(query.parentText).filter((t) => !own.has(t));
      if (parentTerms.length > 0) this.#planTerms(parentTerms, PARENT_WEIGHT, plan);
    }
    const touched = this.#accumulate(this.#withinBudget(plan));
    if (touched === 0) return this.#fallback(query, k);
    const found = this.#topK(touched, query.platform, k, kinds);
    // Only replies of other kinds shared a word: as good as none matching.
    return found.length > 0 ? found : this.#fallback(query, k);
  }

  /* ---------------------------------------------------------------------------------------- */

  #termId(term: string): number {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#terms.push(term);
      this.#termIds.set(term, id);
      this.#dict?.set(term, id);
      if (this.#seen.length <= id) {
        this.#seen = grow(this.#seen, id + 1);
        this.#tf = grow(this.#tf, id + 1);
      }
    }
    return id;
  }

  #ensureSlots(size: number): void {
    if (this.#alive.length >= size) return;
    this.#alive = grow(this.#alive, size);
    this.#length = [grow(this.#length[0]!, size), grow(this.#length[1]!, size)];
    this.#createdAt = grow(this.#createdAt, size);
    this.#platform = grow(this.#platform, size);
    this.#replyChars = grow(this.#replyChars, size);
    this.#kind = grow(this.#kind, size);
    this.#incomingKind = grow(this.#incomingKind, size);
  }

  #setSlotRow(slot: number, row: ExampleRow, id: number): void {
    this.#rows[slot] = row;
    this.#slotOf.set(id, slot);
    this.#alive[slot] = 1;
    this.#createdAt[slot] = row.createdAt;
    this.#platform[slot] = platformCode(row.platform);
    this.#replyChars[slot] = row.reply.length;
    this.#kind[slot] = row.kind === 'dm' ? KIND_BIT.dm : KIND_BIT.comment;
    this.#live++;
  }

  #insert(row: ExampleRow, id: number): void {
    const slot = this.#slots++;
    this.#ensureSlots(this.#slots);
    this.#setSlotRow(slot, row, id);
    const incoming = row.incoming !== undefined ? tokenize(row.incoming) : undefined;
    this.#incomingKind[slot] = incoming === undefined ? 0 : incoming.length === 0 ? 1 : 2;
    if (incoming) this.#addField(slot, 0, incoming);
    this.#addField(slot, 1, tokenize(row.reply));
  }

  #addField(slot: number, field: number, terms: readonly string[]): void {
    this.#length[field]![slot] = terms.length;
    this.#lengthSum[field]! += terms.length;
    this.#fieldDocs[field]!++;
    // Term frequencies without a Map per field: a stamp per term id marks "seen in this field".
    const stamp = ++this.#stamp;
    const unique = this.#unique;
    unique.length = 0;
    for (const term of terms) {
      const termId = this.#termId(term);
      if (this.#seen[termId] === stamp) {
        this.#tf[termId]!++;
      } else {
        this.#seen[termId] = stamp;
        this.#tf[termId] = 1;
        unique.push(termId);
      }
    }
    for (const termId of unique) {
      const key = termId * FIELDS + field;
      let list = this.#postings[key];
      if (!list) {
        list = [];
        this.#postings[key] = list;
      }
      list.push(slot * SLOT_FACTOR + Math.min(this.#tf[termId]!, TF_MASK));
      this.#df[key] = (this.#df[key] ?? 0) + 1;
    }
  }

  #removeSlot(id: number): boolean {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return false;
    const row = this.#rows[slot]!;
    this.#slotOf.delete(id);
    this.#rows[slot] = undefined;
    this.#alive[slot] = 0;
    this.#live--;
    this.#dead++;
    const fields: [number, string | undefined][] = [
      [0, row.incoming],
      [1, row.reply],
    ];
    for (const [field, text] of fields) {
      if (text === undefined) continue;
      this.#lengthSum[field]! -= this.#length[field]![slot]!;
      this.#fieldDocs[field]!--;
      for (const term of new Set(tokenize(text))) {
        const termId = this.#termIds.get(term);
        if (termId === undefined) continue;
        const key = termId * FIELDS + field;
        this.#df[key] = Math.max(0, (this.#df[key] ?? 0) - 1);
      }
    }
    return true;
  }

  #maybeCompact(): void {
    if (this.#dead < COMPACT_MIN_DEAD || this.#dead < this.#live) return;
    const rows = [...this.examples()];
    this.#reset();
    for (const row of rows) this.#insert(row, row.id!);
  }

  #reset(): void {
    this.#termIds = new Map();
    this.#terms = [];
    this.#dict = undefined;
    this.#postings = [];
    this.#df = [];
    this.#slots = 0;
    this.#live = 0;
    this.#dead = 0;
    this.#rows = [];
    this.#slotOf = new Map();
    this.#alive = new Uint8Array(0);
    this.#length = [new Uint32Array(0), new Uint32Array(0)];
    this.#lengthSum = [0, 0];
    this.#fieldDocs = [0, 0];
  }

  #docFrequency(termId: number): number {
    return (this.#df[termId * FIELDS] ?? 0) + (this.#df[termId * FIELDS + 1] ?? 0);
  }

  #dictionary(): SearchableMap<number> {
    if (!this.#dict) {
      const dict = new SearchableMap<number>();
      this.#terms.forEach((term, id) => dict.set(term, id));
      this.#dict = dict;
    }
    return this.#dict;
  }

  /** Adds the rarest query words, their longer forms and (for unknown words) close spellings. */
  #planTerms(terms: readonly string[], queryWeight: number, plan: Map<number, number>): void {
    const add = (termId: number, weight: number) => {
      if (this.#docFrequency(termId) === 0) return;
      if ((plan.get(termId) ?? 0) < weight) plan.set(termId, weight);
    };
    const ranked = terms
      .map((term) => {
        const termId = this.#termIds.get(term);
        return { term, termId, df: termId === undefined ? 0 : this.#docFrequency(termId) };
      })
      // Rarest first; among unknown words the longest, which are likelier typos than names.
      .sort((a, b) => a.df - b.df || b.term.length - a.term.length)
      .slice(0, MAX_QUERY_TERMS);
    let fuzzyLookups = 0;
    for (const { term, termId, df } of ranked) {
      if (termId !== undefined) add(termId, queryWeight);
      // Short words would expand to half the vocabulary.
      if (term.length < 4) continue;
      const variants: { termId: number; weight: number; distance: number }[] = [];
      for (const [longer, longerId] of this.#dictionary().atPrefix(term)) {
        const distance = longer.length - term.length;
        if (distance === 0) continue;
        variants.push({ termId: longerId, distance, weight: (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance) });
      }
      if (df < FUZZY_BELOW_DF && fuzzyLookups < MAX_FUZZY_TERMS) {
        fuzzyLookups++;
        const maxDistance = Math.min(MAX_FUZZY, Math.round(term.length * 0.2));
        for (const [close, [closeId, distance]] of this.#dictionary().fuzzyGet(term, maxDistance)) {
          if (distance === 0 || close.startsWith(term)) continue;
          variants.push({ termId: closeId, distance, weight: (FUZZY_WEIGHT * close.length) / (close.length + distance) });
        }
      }
      variants.sort((a, b) => a.distance - b.distance || b.weight - a.weight);
      for (const variant of variants.slice(0, MAX_EXPANSIONS)) add(variant.termId, queryWeight * variant.weight);
    }
  }

  /** The most telling entries, and then whatever fits in the postings budget. */
  #withinBudget(plan: Map<number, number>): PlanEntry[] {
    const n = this.#live;
    const entries = [...plan].map(([termId, weight]) => {
      const df = this.#docFrequency(termId);
      return { termId, weight, value: weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)), cost: df };
    });
    entries.sort((a, b) => b.value - a.value);
    const chosen: PlanEntry[] = [];
    let spent = 0;
    for (const entry of entries) {
      if (chosen.length >= ALWAYS_SEARCHED && spent + entry.cost > POSTINGS_BUDGET) continue;
      chosen.push(entry);
      spent += entry.cost;
    }
    return chosen;
  }

  /** BM25 (MiniSearch's variant) summed into the score of each slot; returns how many scored. */
  #accumulate(plan: readonly PlanEntry[]): number {
    if (this.#scores.length < this.#slots) {
      this.#scores = new Float64Array(Math.max(this.#slots, this.#scores.length * 2));
      this.#touched = new Int32Array(this.#scores.length);
    }
    const scores = this.#scores;
    const touched = this.#touched;
    const alive = this.#alive;
    const n = this.#live;
    let count = 0;
    for (const { termId, weight } of plan) {
      for (let field = 0; field < FIELDS; field++) {
        const key = termId * FIELDS + field;
        const list = this.#postings[key];
        const df = this.#df[key] ?? 0;
        if (!list || df === 0) continue;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const w = weight * FIELD_BOOST[field as 0 | 1] * idf;
        const lengths = this.#length[field]!;
        const avg = this.#lengthSum[field]! / Math.max(1, this.#fieldDocs[field]!) || 1;
        const lengthFactor = (BM25_K * BM25_B) / avg;
        const base = BM25_K * (1 - BM25_B);
        for (let i = 0; i < list.length; i++) {
          const posting = list[i]!;
          const slot = (posting / SLOT_FACTOR) | 0;
          if (alive[slot] === 0) continue;
          const tf = posting & TF_MASK;
          const score = w * (BM25_D + (tf * (BM25_K + 1)) / (tf + base + lengthFactor * lengths[slot]!));
          const previous = scores[slot]!;
          if (previous === 0) touched[count++] = slot;
          scores[slot] = previous + score;
        }
      }
    }
    return count;
  }

  /** Applies the platform and recency boosts and keeps the k best; clears the scratch scores. */
  #topK(count: number, platform: SiteId | undefined, k: number, kinds: number): RetrievedExample[] {
    const scores = this.#scores;
    const touched = this.#touched;
    const wanted = platform ? platformCode(platform) : -2;
    const now = this.#now();
    const best = new TopK(k);
    for (let i = 0; i < count; i++) {
      const slot = touched[i]!;
      const raw = scores[slot]!;
      scores[slot] = 0;
      if ((this.#kind[slot]! & kinds) === 0) continue;
      // The largest boost cannot lift this one into the top k: skip the arithmetic.
      if (raw * MAX_BOOST < best.floor) continue;
      let score = raw * (1 + RECENCY_BOOST * decay(now - this.#createdAt[slot]!));
      if (this.#platform[slot] === wanted) score *= SAME_PLATFORM_BOOST;
      best.offer(slot, score, this.#createdAt[slot]!);
    }
    return best.take().map(({ slot, score }) => ({ example: this.#rows[slot]!, score }));
  }

  /**
   * Nothing to match on: the creator's recent short replies on this platform, preferring ones
   * that answered a comment like this (emoji only, or no comment at all). Scored 0, which tells
   * engines that no past reply closely matches.
   */
  #fallback(query: RetrievalQuery, k: number): RetrievedExample[] {
    const now = this.#now();
    // Emoji-only comments come in bursts; the answer only changes with memory (or, slowly, time).
    const kinds = kindMask(query.kinds);
    const cacheKey = `${query.platform ?? ''}|${k}|${kinds}|${this.#revision}|${Math.floor(now / FALLBACK_CACHE_MS)}`;
    const cached = this.#fallbackCache;
    if (cached?.key === cacheKey) return cached.results.map((r) => ({ ...r }));
    const wanted = query.platform ? platformCode(query.platform) : -2;
    const best = new TopK(k);
    for (let slot = 0; slot < this.#slots; slot++) {
      if (this.#alive[slot] === 0 || (this.#kind[slot]! & kinds) === 0) continue;
      const kind = this.#incomingKind[slot];
      // A reply to a specific question would answer a question nobody asked.
      const situation = kind === 0 ? 1 : kind === 1 ? 1.5 : 0.6;
      const length = this.#replyChars[slot]!;
      const shortness = (length > 280 ? 0.2 : 1) / (1 + length / 80);
      const platform = this.#platform[slot] === wanted ? 2 : 1;
      const weight = situation * shortness * platform;
      // Recency only lowers the weight: skip the arithmetic when it cannot make the top k.
      if (weight < best.floor) continue;
      const recency = Math.max(0.1, decay(now - this.#createdAt[slot]!));
      best.offer(slot, weight * recency, this.#createdAt[slot]!);
    }
    const results = best.take().map(({ slot }) => ({ example: this.#rows[slot]!, score: 0 }));
    this.#fallbackCache = { key: cacheKey, results };
    return results.map((r) => ({ ...r }));
  }

  /* ---------------------------------------------------------------------------------------- */

  /** Everything needed to restore this index without re-reading the text; slots renumbered densely. */
  snapshot(): IndexSnapshot {
    const remap = new Int32Array(this.#slots).fill(-1);
    const ids = new Float64Array(this.#live);
    const hashes = new Uint32Array(this.#live);
    const incomingLength = new Uint32Array(this.#live);
    const replyLength = new Uint32Array(this.#live);
    let next = 0;
    for (let slot = 0; slot < this.#slots; slot++) {
      const row = this.#rows[slot];
      if (!row) continue;
      remap[slot] = next;
      ids[next] = row.id!;
      hashes[next] = rowHash(row);
      incomingLength[next] = this.#incomingKind[slot] === 0 ? 0 : this.#length[0]![slot]! + 1;
      replyLength[next] = this.#length[1]![slot]!;
      next++;
    }
    const keys = this.#terms.length * FIELDS;
    const offsets = new Uint32Array(keys + 1);
    let total = 0;
    for (let key = 0; key < keys; key++) {
      offsets[key] = total;
      total += this.#postings[key]?.length ?? 0;
    }
    offsets[keys] = total;
    const postings = new Uint32Array(total);
    let at = 0;
    for (let key = 0; key < keys; key++) {
      offsets[key] = at;
      for (const posting of this.#postings[key] ?? []) {
        const slot = remap[(posting / SLOT_FACTOR) | 0]!;
        if (slot >= 0) postings[at++] = slot * SLOT_FACTOR + (posting & TF_MASK);
      }
    }
    offsets[keys] = at;
    return {
      format: INDEX_FORMAT,
      terms: [...this.#terms],
      ids,
      hashes,
      incomingLength,
      replyLength,
      offsets,
      postings: at === total ? postings : postings.slice(0, at),
    };
  }

  /**
   * Loads a snapshot and checks it against the rows: a row that is new or changed since is
   * indexed again, a slot whose row is gone is dropped. Returns how many rows needed that.
   */
  restore(snapshot: IndexSnapshot, rows: readonly ExampleRow[]): number {
    this.#reset();
    this.#terms = [...snapshot.terms];
    this.#terms.forEach((term, id) => this.#termIds.set(term, id));
    const slots = snapshot.ids.length;
    this.#slots = slots;
    this.#ensureSlots(slots);
    for (let key = 0; key < snapshot.offsets.length - 1; key++) {
      const start = snapshot.offsets[key]!;
      const end = snapshot.offsets[key + 1]!;
      if (end > start) this.#postings[key] = Array.from(snapshot.postings.subarray(start, end));
    }
    const byId = new Map<number, ExampleRow>();
    for (const row of rows) if (row.id !== undefined) byId.set(row.id, row);
    let stale = 0;
    for (let slot = 0; slot < slots; slot++) {
      const id = snapshot.ids[slot]!;
      const row = byId.get(id);
      const incomingLength = snapshot.incomingLength[slot]!;
      this.#incomingKind[slot] = incomingLength === 0 ? 0 : incomingLength === 1 ? 1 : 2;
      this.#length[0]![slot] = Math.max(0, incomingLength - 1);
      this.#length[1]![slot] = snapshot.replyLength[slot]!;
      if (!row || rowHash(row) !== snapshot.hashes[slot] || (row.incoming !== undefined) !== (incomingLength > 0)) {
        stale++;
        this.#dead++;
        continue;
      }
      byId.delete(id);
      this.#setSlotRow(slot, row, id);
      this.#lengthSum[1]! += this.#length[1]![slot]!;
      this.#fieldDocs[1]!++;
      if (this.#incomingKind[slot] !== 0) {
        this.#lengthSum[0]! += this.#length[0]![slot]!;
        this.#fieldDocs[0]!++;
      }
    }
    // Document frequencies count live slots only.
    for (let key = 0; key < this.#postings.length; key++) {
      const list = this.#postings[key];
      if (!list) continue;
      let df = list.length;
      if (this.#dead > 0) {
        df = 0;
        for (const posting of list) if (this.#alive[(posting / SLOT_FACTOR) | 0] === 1) df++;
      }
      this.#df[key] = df;
    }
    for (const row of byId.values()) this.#insert(row, row.id!);
    this.#revision++;
    this.#maybeCompact();
    return stale + byId.size;
  }

  /** A JSON-safe form of the snapshot, for indexToJSON. */
  toJSON(): Record<keyof IndexSnapshot, unknown> {
    const snapshot = this.snapshot();
    return {
      format: snapshot.format,
      terms: snapshot.terms,
      ids: Array.from(snapshot.ids),
      hashes: Array.from(snapshot.hashes),
      incomingLength: Array.from(snapshot.incomingLength),
      replyLength: Array.from(snapshot.replyLength),
      offsets: Array.from(snapshot.offsets),
      postings: Array.from(snapshot.postings),
    };
  }
}

/** Small integers for platforms, so a slot's platform fits in one byte. */
const PLATFORM_CODES = new Map<string, number>();
function platformCode(platform: SiteId | undefined): number {
  if (platform === undefined) return -1;
  let code = PLATFORM_CODES.get(platform);
  if (code === undefined) {
    code = PLATFORM_CODES.size;
    PLATFORM_CODES.set(platform, code);
  }
  return code;
}

/** The k best (score, then newer) of a stream, kept sorted in a small array. */
class TopK {
  readonly #k: number;
  readonly #items: { slot: number; score: number; time: number }[] = [];

  constructor(k: number) {
    this.#k = k;
  }

  /** Scores below this cannot enter. */
  get floor(): number {
    return this.#items.length < this.#k ? -Infinity : this.#items[this.#items.length - 1]!.score;
  }

  offer(slot: number, score: number, time: number): void {
    const items = this.#items;
    if (items.length === this.#k) {
      const last = items[items.length - 1]!;
      if (score < last.score || (score === last.score && time <= last.time)) return;
      items.pop();
    }
    let i = items.length;
    while (i > 0) {
      const before = items[i - 1]!;
      if (before.score > score || (before.score === score && before.time >= time)) break;
      i--;
    }
    items.splice(i, 0, { slot, score, time });
  }

  take(): { slot: number; score: number }[] {
    return this.#items;
  }
}

/** 1 for now, 0.5 a year ago; future timestamps (clock skew) count as now. */
function decay(ageMs: number): number {
  return Math.pow(0.5, Math.max(0, ageMs) / HALF_LIFE_MS);
}

export function createRetrievalIndex(
  examples: readonly ExampleRow[],
  options: RetrievalOptions = {},
): RetrievalIndex {
  const index = new RetrievalIndex(options);
  for (const example of examples) if (example.id !== undefined) index.add(example);
  return index;
}

/**
 * An index from a snapshot and the rows it was built from, repairing whatever changed since.
 * Falls back to a fresh build when the snapshot is from another format or mostly stale.
 */
export function restoreIndex(
  snapshot: IndexSnapshot | undefined,
  examples: readonly ExampleRow[],
  options: RetrievalOptions = {},
): { index: RetrievalIndex; repaired: number; rebuilt: boolean } {
  if (snapshot && snapshot.format === INDEX_FORMAT && isSnapshot(snapshot)) {
    const index = new RetrievalIndex(options);
    const repaired = index.restore(snapshot, examples);
    // Mostly stale (a new import): a fresh build is cleaner than a patchwork.
    if (repaired <= Math.max(100, examples.length / 4)) return { index, repaired, rebuilt: false };
  }
  return { index: createRetrievalIndex(examples, options), repaired: examples.length, rebuilt: true };
}

function isSnapshot(value: IndexSnapshot): boolean {
  return (
    Array.isArray(value.terms) &&
    value.ids instanceof Float64Array &&
    value.hashes instanceof Uint32Array &&
    value.incomingLength instanceof Uint32Array &&
    value.replyLength instanceof Uint32Array &&
    value.offsets instanceof Uint32Array &&
    value.postings instanceof Uint32Array &&
    value.offsets.length === value.terms.length * FIELDS + 1 &&
    value.hashes.length === value.ids.length &&
    value.incomingLength.length === value.ids.length &&
    value.replyLength.length === value.ids.length &&
    value.offsets[value.offsets.length - 1] === value.postings.length &&
    value.postings.every((p) => p / SLOT_FACTOR < value.ids.length)
  );
}

/** Serialise the index (not the rows: those stay in the database). */
export function indexToJSON(index: RetrievalIndex): string {
  return JSON.stringify(index);
}

/**
 * Restore an index saved by indexToJSON, with the rows it was built from. Falls back to a fresh
 * build when the saved index is from another format or does not match the rows.
 */
export function indexFromJSON(
  json: string,
  examples: readonly ExampleRow[],
  options: RetrievalOptions = {},
): RetrievalIndex {
  let snapshot: IndexSnapshot | undefined;
  try {
    const saved = JSON.parse(json) as Record<keyof IndexSnapshot, unknown>;
    const numbers = (value: unknown) => (Array.isArray(value) ? (value as number[]) : []);
    snapshot = {
      format: saved.format as number,
      terms: Array.isArray(saved.terms) ? (saved.terms as string[]) : [],
      ids: Float64Array.from(numbers(saved.ids)),
      hashes: Uint32Array.from(numbers(saved.hashes)),
      incomingLength: Uint32Array.from(numbers(saved.incomingLength)),
      replyLength: Uint32Array.from(numbers(saved.replyLength)),
      offsets: Uint32Array.from(numbers(saved.offsets)),
      postings: Uint32Array.from(numbers(saved.postings)),
    };
  } catch {
    // A corrupt saved index is only a cache: rebuild it.
  }
  return restoreIndex(snapshot, examples, options).index;
}
