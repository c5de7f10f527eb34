/**
 * Finds the creator's past replies closest to a new comment: BM25 (MiniSearch) over what they
 * answered and what they said, then modest boosts for the same platform and for recent replies.
 *
 * The index stores only ids; rows live in a Map so a result carries the full example without
 * duplicating text inside MiniSearch (and a persisted index stays small).
 */
import type { Transaction } from 'dexie';
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { SiteId } from '../messaging/protocol';
import type { RetrievedExample } from '../llm/engine';
import type { ExampleRow, UnderstudyDB } from './db';

export interface RetrievalQuery {
  text: string;
  platform?: SiteId;
  /** The comment this one answers, when it is a reply: weaker evidence than the comment itself. */
  parentText?: string;
}

export interface RetrievalOptions {
  /** Clock for the recency boost; injectable so tests do not depend on today's date. */
  now?: () => number;
}

/** Bump when tokenisation changes: a persisted index built with other terms must be rebuilt. */
const INDEX_FORMAT = 1;
const DEFAULT_K = 8;
/** A long comment is still one question; more terms only add cost (fuzzy search per term). */
const MAX_QUERY_TERMS = 48;
/** A new comment is most like the old comments the creator answered. */
const FIELD_BOOST = { incoming: 2, reply: 1 };
const PARENT_WEIGHT = 0.35;
const SAME_PLATFORM_BOOST = 1.15;
/** Recent replies get up to +20%, halving every year: voice drifts, but slowly. */
const RECENCY_BOOST = 0.2;
const HALF_LIFE_MS = 365.25 * 24 * 60 * 60 * 1000;

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
    .replace(/['’ʼ]s\b/gu, '')
    .replace(/['’ʼ]/gu, '');
}

/** Searchable terms of a text. Emoji and punctuation are not terms. */
export function tokenize(text: string): string[] {
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
  return words.filter((w) => !STOP_WORDS.has(w) && !/^[a-z]$/.test(w));
}

function uniqueTerms(text: string): string[] {
  return [...new Set(tokenize(text))].slice(0, MAX_QUERY_TERMS);
}

interface IndexedDoc {
  id: number;
  incoming?: string;
  reply: string;
}

const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: 'id',
  fields: ['incoming', 'reply'],
  // Nothing but the id: rows are looked up from the Map.
  storeFields: [],
  tokenize: (text) => tokenize(text),
  // Terms are already normalised by tokenize.
  processTerm: (term) => term,
};

const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'OR',
  boost: FIELD_BOOST,
  // Short terms would expand to half the vocabulary.
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
};

interface Entry {
  row: ExampleRow;
  /** Whether the comment it answered had no searchable terms (emoji, "!!!"); computed lazily. */
  incomingTermless?: boolean;
}

export class RetrievalIndex {
  readonly #mini: MiniSearch<IndexedDoc>;
  readonly #entries = new Map<number, Entry>();
  readonly #now: () => number;
  #revision = 0;

  /** Use createRetrievalIndex or indexFromJSON. */
  constructor(mini: MiniSearch<IndexedDoc>, rows: Iterable<ExampleRow>, options: RetrievalOptions = {}) {
    this.#mini = mini;
    this.#now = options.now ?? Date.now;
    for (const row of rows) {
      if (row.id !== undefined) this.#entries.set(row.id, { row });
    }
  }

  /** Number of examples in the index. */
  get size(): number {
    return this.#entries.size;
  }

  /** Changes on every add or remove, so derived data (style habits) knows when to recompute. */
  get revision(): number {
    return this.#revision;
  }

  has(id: number): boolean {
    return this.#entries.has(id);
  }

  /** Every indexed example, in no particular order. */
  *examples(): IterableIterator<ExampleRow> {
    for (const entry of this.#entries.values()) yield entry.row;
  }

  /** Add an example, or replace the one with the same id. */
  add(example: ExampleRow): void {
    const id = example.id;
    if (id === undefined) throw new TypeError('Only stored examples (with an id) can be indexed.');
    if (this.#mini.has(id)) this.#mini.discard(id);
    this.#mini.add(toDoc(example, id));
    this.#entries.set(id, { row: example });
    this.#revision++;
  }

  remove(id: number): void {
    if (!this.#entries.delete(id)) return;
    // discard needs no copy of the original text, unlike remove.
    if (this.#mini.has(id)) this.#mini.discard(id);
    this.#revision++;
  }

  /** The k closest past replies, best first. Never empty while the index holds examples. */
  search(query: RetrievalQuery, k = DEFAULT_K): RetrievedExample[] {
    if (this.#entries.size === 0 || k <= 0) return [];
    const terms = uniqueTerms(query.text);
    // An emoji-only comment has nothing to match; the parent's topic would pick a reply about
    // the parent, which is not what the commenter said.
    if (terms.length === 0) return this.#fallback(query, k);

    const scores = new Map<number, number>();
    this.#accumulate(terms, 1, scores);
    if (query.parentText) {
      const own = new Set(terms);
      const parentTerms = uniqueTerms(query.parentText).filter((t) => !own.has(t));
      if (parentTerms.length > 0) this.#accumulate(parentTerms, PARENT_WEIGHT, scores);
    }
    if (scores.size === 0) return this.#fallback(query, k);

    const now = this.#now();
    const ranked: RetrievedExample[] = [];
    for (const [id, bm25] of scores) {
      const entry = this.#entries.get(id);
      if (!entry) continue;
      const row = entry.row;
      const platform = query.platform && row.platform === query.platform ? SAME_PLATFORM_BOOST : 1;
      const recency = 1 + RECENCY_BOOST * decay(now - row.createdAt);
      ranked.push({ example: row, score: bm25 * platform * recency });
    }
    return ranked.sort((a, b) => b.score - a.score).slice(0, k);
  }

  #accumulate(terms: string[], weight: number, scores: Map<number, number>): void {
    for (const result of this.#mini.search(terms.join(' '), SEARCH_OPTIONS)) {
      const id = result.id as number;
      scores.set(id, (scores.get(id) ?? 0) + result.score * weight);
    }
  }

  /**
   * Nothing to match on: the creator's recent short replies on this platform, preferring ones
   * that answered a comment like this (emoji only, or no comment at all). Scored 0, which tells
   * engines that no past reply closely matches.
   */
  #fallback(query: RetrievalQuery, k: number): RetrievedExample[] {
    const now = this.#now();
    const ranked: { row: ExampleRow; weight: number }[] = [];
    for (const entry of this.#entries.values()) {
      const row = entry.row;
      let situation = 1;
      if (row.incoming !== undefined) {
        entry.incomingTermless ??= tokenize(row.incoming).length === 0;
        // A reply to a specific question would answer a question nobody asked.
        situation = entry.incomingTermless ? 1.5 : 0.6;
      }
      const length = row.reply.length;
      const shortness = (length > 280 ? 0.2 : 1) / (1 + length / 80);
      const platform = query.platform && row.platform === query.platform ? 2 : 1;
      const recency = Math.max(0.1, decay(now - row.createdAt));
      ranked.push({ row, weight: situation * shortness * platform * recency });
    }
    return ranked
      .sort((a, b) => b.weight - a.weight)
      .slice(0, k)
      .map(({ row }) => ({ example: row, score: 0 }));
  }

  /** MiniSearch's plain-object form, for indexToJSON. */
  toJSON(): { format: number; search: ReturnType<MiniSearch['toJSON']> } {
    return { format: INDEX_FORMAT, search: this.#mini.toJSON() };
  }
}

function toDoc(row: ExampleRow, id: number): IndexedDoc {
  return { id, reply: row.reply, ...(row.incoming !== undefined ? { incoming: row.incoming } : {}) };
}

/** 1 for now, 0.5 a year ago; future timestamps (clock skew) count as now. */
function decay(ageMs: number): number {
  return Math.pow(0.5, Math.max(0, ageMs) / HALF_LIFE_MS);
}

export function createRetrievalIndex(
  examples: readonly ExampleRow[],
  options: RetrievalOptions = {},
): RetrievalIndex {
  const mini = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
  const stored = examples.filter((e): e is ExampleRow & { id: number } => e.id !== undefined);
  mini.addAll(stored.map((e) => toDoc(e, e.id)));
  return new RetrievalIndex(mini, stored, options);
}

/** Serialise the index (not the rows: those stay in the database) for a later issue to persist. */
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
  try {
    const saved = JSON.parse(json) as { format?: unknown; search?: unknown };
    if (saved.format === INDEX_FORMAT && saved.search && typeof saved.search === 'object') {
      const mini = MiniSearch.loadJS<IndexedDoc>(
        saved.search as Parameters<typeof MiniSearch.loadJS>[0],
        MINISEARCH_OPTIONS,
      );
      const stored = examples.filter((e) => e.id !== undefined);
      const matches =
        mini.documentCount === stored.length && stored.every((e) => mini.has(e.id));
      if (matches) return new RetrievalIndex(mini, stored, options);
    }
  } catch {
    // A corrupt saved index is only a cache: rebuild it.
  }
  return createRetrievalIndex(examples, options);
}

/* ------------------------------------------------------------------------------------------ */
/* One index per database, kept fresh.                                                        */
/*                                                                                            */
/* Freshness check: row count + highest id + a counter of in-place edits and deletes made in  */
/* this JS context (Dexie hooks). Appends (every sent reply) are added incrementally; anything */
/* else rebuilds. Trade-off: an in-place edit made in ANOTHER context (e.g. the options page)  */
/* keeps count and max id unchanged and is not seen until this context restarts (the service  */
/* worker does often) or someone calls invalidateIndexFor. Deletes and imports elsewhere change */
/* the count or max id and are seen. Checking costs two indexed reads per draft, not a scan.  */
/* ------------------------------------------------------------------------------------------ */

interface CacheEntry {
  index?: RetrievalIndex;
  count: number;
  maxId: number;
  changes: number;
  /** Seen value of `changes` when the index was built. */
  builtAtChange: number;
  queue: Promise<unknown>;
}

const cache = new WeakMap<UnderstudyDB, CacheEntry>();

function entryFor(db: UnderstudyDB): CacheEntry {
  let entry = cache.get(db);
  if (entry) return entry;
  const created: CacheEntry = { count: 0, maxId: 0, changes: 0, builtAtChange: -1, queue: Promise.resolve() };
  const bump = (tx: Transaction) => {
    created.changes++;
    // Again on commit: a refresh that read the old rows mid-transaction must not look fresh.
    tx.on('complete', () => created.changes++);
  };
  db.examples.hook('updating', (_mods, _key, _obj, tx) => bump(tx));
  db.examples.hook('deleting', (_key, _obj, tx) => bump(tx));
  cache.set(db, created);
  entry = created;
  return entry;
}

/** The retrieval index for a database, built once and then kept fresh. */
export function getIndexFor(db: UnderstudyDB, options: RetrievalOptions = {}): Promise<RetrievalIndex> {
  const entry = entryFor(db);
  // One refresh at a time, so two drafts never build two indexes.
  const next = entry.queue.catch(() => undefined).then(() => refresh(db, entry, options));
  entry.queue = next;
  return next;
}

/** Force the next getIndexFor to rebuild (e.g. after examples were edited in another context). */
export function invalidateIndexFor(db: UnderstudyDB): void {
  const entry = cache.get(db);
  if (entry) entry.changes++;
}

async function refresh(db: UnderstudyDB, entry: CacheEntry, options: RetrievalOptions): Promise<RetrievalIndex> {
  const changes = entry.changes;
  return db.transaction('r', db.examples, async () => {
    const count = await db.examples.count();
    const maxId = ((await db.examples.toCollection().lastKey()) as number | undefined) ?? 0;
    const index = entry.index;
    if (index && entry.builtAtChange === changes) {
      if (count === entry.count && maxId === entry.maxId) return index;
      if (maxId > entry.maxId) {
        const added = await db.examples.where(':id').above(entry.maxId).toArray();
        // Only appends happened if the new rows account for the whole difference.
        if (entry.count + added.length === count) {
          for (const row of added) index.add(row);
          entry.count = count;
          entry.maxId = maxId;
          return index;
        }
      }
    }
    const rows = await db.examples.toArray();
    const rebuilt = createRetrievalIndex(rows, options);
    Object.assign(entry, { index: rebuilt, count, maxId, builtAtChange: changes });
    return rebuilt;
  });
}
