/**
 * Past replies the drafts learn from: imported ones and the ones the creator sent.
 *
 * They live in two tables, read here as one: `examples` (one row per reply: sent replies, and
 * imports made before schema v3) and `exampleChunks` (imports, CHUNK_SIZE replies per row, because
 * IndexedDB's cost is per record). Ids come from one id space across both (allocateIds), so a
 * draft's provenance can name any reply, and an id is never given out twice, even after the
 * replies holding the highest ids were deleted. Everything outside this module reads and writes
 * replies through it.
 */
import type { ReplyKind } from '../core/conversation';
import type { SiteId } from '../core/sites';
import Dexie, { type Transaction } from 'dexie';
import { MAX_COMMENT_CHARS as MAX_INCOMING_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import type { ExampleChunkRow, ExampleRow, ExampleSource, UnderstudyDB } from './db';
import { detectLanguage } from './language';

/** Replies per chunk row: 100,000 replies are 200 records, and one lookup reads 500 rows. */
export const CHUNK_SIZE = 500;
/** Highest example id ever given out, kept so deleting the newest replies never frees their ids. */
export const ID_HIGH_WATER_KEY = 'example-id-high-water';
/**
 * How many replies the chunks of each source hold, kept beside them in the same transactions:
 * every draft checks the count, and walking chunk keys in Chromium was measured at 10–200 ms.
 */
export const CHUNK_COUNTS_KEY = 'example-chunk-counts';

type ChunkCounts = Partial<Record<ExampleSource, number>>;

export interface ExampleFilter {
  source?: ExampleSource;
}

/** The tables a transaction that reads or writes replies through this module must include. */
export function exampleTables(db: UnderstudyDB) {
  return [db.examples, db.exampleChunks, db.meta];
}

/** Chunks keyed by lastId (or [source, lastId]), so a key-only walk can count their rows. */
function chunksOf(db: UnderstudyDB, source?: ExampleSource) {
  if (!source) return db.exampleChunks.orderBy('lastId');
  return db.exampleChunks.where('[source+lastId]').between([source, Dexie.minKey], [source, Dexie.maxKey]);
}

function singlesOf(db: UnderstudyDB, source?: ExampleSource) {
  return source ? db.examples.where('source').equals(source) : db.examples.toCollection();
}

/** Every example (or those of one source), in id order: the order they were stored in. */
export async function listExamples(db: UnderstudyDB, filter: ExampleFilter = {}): Promise<ExampleRow[]> {
  return db.transaction('r', exampleTables(db), async () => {
    const [singles, chunks] = await Promise.all([
      singlesOf(db, filter.source).toArray(),
      chunksOf(db, filter.source).toArray(),
    ]);
    return mergeById(singles, chunks);
  });
}

function mergeById(singles: ExampleRow[], chunks: ExampleChunkRow[]): ExampleRow[] {
  const all = singles.slice();
  for (const chunk of chunks) for (const row of chunk.rows) all.push(row);
  return all.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

export async function countExamples(db: UnderstudyDB, filter: ExampleFilter = {}): Promise<number> {
  return db.transaction('r', exampleTables(db), async () => {
    const [counts, singles] = await Promise.all([chunkCounts(db), singlesOf(db, filter.source).count()]);
    const inChunks = filter.source ? (counts[filter.source] ?? 0) : (counts.import ?? 0) + (counts.sent ?? 0);
    return inChunks + singles;
  });
}

async function chunkCounts(db: UnderstudyDB): Promise<ChunkCounts> {
  const saved = (await db.meta.get(CHUNK_COUNTS_KEY))?.value;
  if (saved && typeof saved === 'object') return saved as ChunkCounts;
  // No record (nothing was ever chunked, or it was lost): count from the chunks' keys. Ids in a
  // chunk are contiguous, so its size is lastId − id + 1.
  const counts: ChunkCounts = {};
  await db.exampleChunks.each((chunk) => {
    counts[chunk.source] = (counts[chunk.source] ?? 0) + chunk.lastId - chunk.id + 1;
  });
  return counts;
}

async function addToChunkCounts(db: UnderstudyDB, change: ChunkCounts): Promise<void> {
  const counts = { ...(await chunkCounts(db)) };
  for (const [source, n] of Object.entries(change) as [ExampleSource, number][]) {
    counts[source] = Math.max(0, (counts[source] ?? 0) + n);
  }
  await db.meta.put({ key: CHUNK_COUNTS_KEY, value: counts, updatedAt: Date.now() });
}

export interface ExamplesVersion {
  count: number;
  maxId: number;
}

/**
 * Count and highest id: cheap to read (keys only), and enough to tell "only appended since"
 * from "something was replaced" when combined with a change counter (onExamplesChanged).
 */
export async function examplesVersion(db: UnderstudyDB): Promise<ExamplesVersion> {
  return db.transaction('r', exampleTables(db), async () => {
    const [count, maxId] = await Promise.all([countExamples(db), maxExampleId(db)]);
    return { count, maxId };
  });
}

async function maxExampleId(db: UnderstudyDB): Promise<number> {
  const [singleMax, chunkMax] = await Promise.all([
    db.examples.toCollection().lastKey() as Promise<number | undefined>,
    db.exampleChunks.orderBy('lastId').lastKey() as Promise<number | undefined>,
  ]);
  return Math.max(singleMax ?? 0, chunkMax ?? 0);
}

/** Replies stored after the one with id `afterId`, in id order (what an index appends). */
export async function examplesAfter(db: UnderstudyDB, afterId: number): Promise<ExampleRow[]> {
  return db.transaction('r', exampleTables(db), async () => {
    const [singles, chunks] = await Promise.all([
      db.examples.where(':id').above(afterId).toArray(),
      db.exampleChunks.where('lastId').above(afterId).toArray(),
    ]);
    return mergeById(singles, chunks).filter((row) => (row.id ?? 0) > afterId);
  });
}

/** The replies with these ids, in the same order; undefined where one no longer exists. */
export async function getExamples(db: UnderstudyDB, ids: readonly number[]): Promise<(ExampleRow | undefined)[]> {
  return db.transaction('r', exampleTables(db), async () => {
    const singles = await db.examples.bulkGet([...ids]);
    return Promise.all(ids.map(async (id, i) => singles[i] ?? (await fromChunk(db, id))));
  });
}

async function fromChunk(db: UnderstudyDB, id: number): Promise<ExampleRow | undefined> {
  const chunk = await db.exampleChunks.where(':id').belowOrEqual(id).last();
  if (!chunk || chunk.lastId < id) return undefined;
  const row = chunk.rows[id - chunk.id];
  return row?.id === id ? row : chunk.rows.find((r) => r.id === id);
}

const newestFirst = (a: ExampleRow, b: ExampleRow) => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0);

/**
 * The newest `limit` replies by when they were written, newest first. Reads chunks newest first
 * and stops once no unread chunk can hold a newer reply than the ones found: an import is
 * stored oldest first, so that is a handful of chunks, not all of them.
 */
export async function recentExamples(db: UnderstudyDB, limit: number): Promise<ExampleRow[]> {
  if (limit <= 0) return [];
  return db.transaction('r', exampleTables(db), async () => {
    const singles = await db.examples.orderBy('createdAt').reverse().limit(limit).toArray();
    for (let read = Math.ceil(limit / CHUNK_SIZE) + 1; ; read *= 2) {
      const chunks = await db.exampleChunks.orderBy('newest').reverse().limit(read).toArray();
      const found = singles.concat(chunks.flatMap((c) => c.rows)).sort(newestFirst).slice(0, limit);
      const unreadAtMost = chunks.at(-1)?.newest ?? -Infinity;
      const complete = chunks.length < read || (found.length === limit && found.at(-1)!.createdAt > unreadAtMost);
      if (complete) return found;
    }
  });
}

/**
 * Reserves `count` consecutive ids and returns the first. Must run inside a rw transaction over
 * exampleTables(db), so two writers never get the same ids.
 */
async function allocateIds(db: UnderstudyDB, count: number): Promise<number> {
  const first = (await exampleIdHighWater(db)) + 1;
  await keepExampleIdHighWater(db, first + count - 1);
  return first;
}

/**
 * The highest example id ever given out (stored or not). A wipe reads it before clearing and
 * keeps it (keepExampleIdHighWater) so ids never restart: anything still naming an old id (a
 * vector the embedding job computed, an index saved in another context) can never be mistaken
 * for a new reply's. Run inside a transaction over exampleTables(db).
 */
export async function exampleIdHighWater(db: UnderstudyDB): Promise<number> {
  const [maxId, mark] = await Promise.all([maxExampleId(db), db.meta.get(ID_HIGH_WATER_KEY)]);
  return Math.max(maxId, typeof mark?.value === 'number' ? mark.value : 0);
}

/** Records `highWater` as the highest id given out; ids are allocated above it. */
export async function keepExampleIdHighWater(db: UnderstudyDB, highWater: number): Promise<void> {
  await db.meta.put({ key: ID_HIGH_WATER_KEY, value: highWater, updatedAt: Date.now() });
}

/**
 * Stores many replies at once (an import) as chunks, oldest first; returns each row's new id, in
 * the order given. All or nothing: it joins the caller's transaction when there is one.
 */
export async function insertExamples(db: UnderstudyDB, rows: readonly ExampleRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  return db.transaction('rw', exampleTables(db), async () => {
    const first = await allocateIds(db, rows.length);
    const order = storageOrder(rows);
    const chunks = toChunks(order.map((i) => rows[i]!), first);
    const added: ChunkCounts = {};
    for (const chunk of chunks) added[chunk.source] = (added[chunk.source] ?? 0) + chunk.rows.length;
    // Counted before the write: a missing count record is rebuilt from the chunks stored so far.
    await addToChunkCounts(db, added);
    await db.exampleChunks.bulkAdd(chunks);
    const ids = new Array<number>(rows.length);
    order.forEach((rowIndex, position) => (ids[rowIndex] = first + position));
    return ids;
  });
}

/**
 * Row positions grouped by source (a chunk holds one source, so mixed input must not cut a chunk
 * at every change: measured 7× slower), then oldest first, ties in the order given.
 */
function storageOrder(rows: readonly ExampleRow[]): number[] {
  return rows
    .map((_row, i) => i)
    .sort((a, b) => {
      const x = rows[a]!;
      const y = rows[b]!;
      return (x.source === y.source ? 0 : x.source < y.source ? -1 : 1) || x.createdAt - y.createdAt || a - b;
    });
}

/** Splits rows into chunks of CHUNK_SIZE, one source per chunk, ids from `first` on. */
export function toChunks(rows: readonly ExampleRow[], first: number): ExampleChunkRow[] {
  const chunks: ExampleChunkRow[] = [];
  let current: ExampleChunkRow | undefined;
  rows.forEach((row, i) => {
    const id = first + i;
    if (!current || current.rows.length === CHUNK_SIZE || current.source !== row.source) {
      current = { id, lastId: id, source: row.source, newest: row.createdAt, rows: [] };
      chunks.push(current);
    }
    current.rows.push({ ...row, id });
    current.lastId = id;
    current.newest = Math.max(current.newest, row.createdAt);
  });
  return chunks;
}

/** Forgets every reply of one source (e.g. the previous import, before a new one). */
export async function deleteExamples(db: UnderstudyDB, source: ExampleSource): Promise<void> {
  await db.transaction('rw', exampleTables(db), async () => {
    const counts = await chunkCounts(db);
    await addToChunkCounts(db, { [source]: -(counts[source] ?? 0) });
    await Promise.all([singlesOf(db, source).delete(), chunksOf(db, source).delete()]);
  });
}

/**
 * Calls `onChange` when a reply is edited or deleted in place, in either table, within this JS
 * context (Dexie hooks). Appends are not reported: examplesVersion shows those.
 */
export function onExamplesChanged(db: UnderstudyDB, onChange: (tx: Transaction) => void): void {
  db.examples.hook('updating', (_mods, _key, _obj, tx) => onChange(tx));
  db.examples.hook('deleting', (_key, _obj, tx) => onChange(tx));
  db.exampleChunks.hook('updating', (_mods, _key, _obj, tx) => onChange(tx));
  db.exampleChunks.hook('deleting', (_key, _obj, tx) => onChange(tx));
}

export interface SentExampleInput {
  incoming?: string;
  reply: string;
  platform?: SiteId;
  topic?: string;
  /** When it was sent; now by default. */
  createdAt?: number;
  /** The commenter it answered: contactKey(platform, handle). */
  contactKey?: string;
  tags?: string[];
  /** A reply to a comment (the default) or a direct message. */
  kind?: ReplyKind;
}

/**
 * Remembers a reply the creator sent so later drafts sound more like them. Returns the new id,
 * or undefined when the reply is blank or longer than a profile file can hold: memory must stay
 * exportable and re-importable.
 */
export async function addSentExample(
  db: UnderstudyDB,
  input: SentExampleInput,
): Promise<number | undefined> {
  const reply = input.reply.trim();
  if (!reply || reply.length > MAX_REPLY_CHARS) return undefined;
  const row: ExampleRow = { reply, source: 'sent', createdAt: input.createdAt ?? Date.now(), kind: input.kind ?? 'comment' };
  const incoming = input.incoming?.trim().slice(0, MAX_INCOMING_CHARS);
  if (incoming) row.incoming = incoming;
  if (input.platform) row.platform = input.platform;
  if (input.topic?.trim()) row.topic = input.topic.trim();
  if (input.contactKey) row.contactKey = input.contactKey;
  const tags = input.tags?.map((t) => t.trim()).filter(Boolean);
  if (tags?.length) row.tags = tags;
  const language = detectLanguage(reply);
  if (language) row.language = language;
  return db.transaction('rw', exampleTables(db), async () => {
    row.id = await allocateIds(db, 1);
    return db.examples.add(row);
  });
}

/**
 * Rewrites or deletes replies where they are stored (either table), in one transaction (joined
 * when the caller has one open over exampleTables). `edit` sees every reply and returns it as is
 * (kept), a changed copy (stored in its place: same id, same `source`), or undefined (deleted).
 * A chunk that loses rows is stored again as runs of contiguous ids, so every chunk keeps the
 * contiguous ids the rest of this module relies on. Returns the deleted ids, in id order.
 *
 * Reads every reply: fine for what it serves (forgetting a source, a rare act the creator
 * confirms), not for anything on the drafting path.
 */
export async function editExamples(
  db: UnderstudyDB,
  edit: (row: ExampleRow) => ExampleRow | undefined,
): Promise<number[]> {
  return db.transaction('rw', exampleTables(db), async () => {
    // The counts record written before any chunk changes: a missing one is rebuilt from the
    // chunks stored at that moment, which must be the chunks before this edit.
    await addToChunkCounts(db, {});
    const deleted: number[] = [];
    const singleDeletes: number[] = [];
    const singlePuts: ExampleRow[] = [];
    for (const row of await db.examples.toArray()) {
      const out = edit(row);
      if (!out) {
        singleDeletes.push(row.id!);
        deleted.push(row.id!);
      } else if (out !== row) singlePuts.push({ ...out, id: row.id!, source: row.source });
    }
    await db.examples.bulkDelete(singleDeletes);
    await db.examples.bulkPut(singlePuts);

    const removed: ChunkCounts = {};
    const chunks = await db.exampleChunks.toArray();
    for (const chunk of chunks) {
      let changed = false;
      const kept: ExampleRow[] = [];
      for (const row of chunk.rows) {
        const out = edit(row);
        if (!out) {
          changed = true;
          deleted.push(row.id!);
        } else if (out !== row) {
          changed = true;
          kept.push({ ...out, id: row.id!, source: chunk.source });
        } else kept.push(row);
      }
      if (!changed) continue;
      const gone = chunk.rows.length - kept.length;
      if (gone) removed[chunk.source] = (removed[chunk.source] ?? 0) - gone;
      await db.exampleChunks.delete(chunk.id);
      await db.exampleChunks.bulkAdd(contiguousChunks(kept, chunk.source));
    }
    if (Object.keys(removed).length) await addToChunkCounts(db, removed);
    return deleted.sort((a, b) => a - b);
  });
}

/** Rows (ids set, one source, in id order) as chunks of contiguous ids, at most CHUNK_SIZE each. */
function contiguousChunks(rows: readonly ExampleRow[], source: ExampleSource): ExampleChunkRow[] {
  const chunks: ExampleChunkRow[] = [];
  let current: ExampleChunkRow | undefined;
  for (const row of rows) {
    const id = row.id!;
    if (!current || current.rows.length === CHUNK_SIZE || id !== current.lastId + 1) {
      current = { id, lastId: id, source, newest: row.createdAt, rows: [] };
      chunks.push(current);
    }
    current.rows.push(row);
    current.lastId = id;
    current.newest = Math.max(current.newest, row.createdAt);
  }
  return chunks;
}

/**
 * Puts back replies with the ids they had (a backup restored into an empty memory), so drafts
 * that name them by id still find them. Sent replies go where sent replies live (one row each),
 * imported ones into chunks. The ids must not be in use; the id high-water mark is raised past
 * them, so new replies never take one. One transaction (joined when the caller has one).
 */
export async function restoreExamples(db: UnderstudyDB, rows: readonly ExampleRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction('rw', exampleTables(db), async () => {
    const sorted = rows.slice().sort((a, b) => a.id! - b.id!);
    const sent = sorted.filter((row) => row.source === 'sent');
    const imported = sorted.filter((row) => row.source !== 'sent');
    await db.examples.bulkAdd(sent);
    if (imported.length) {
      await addToChunkCounts(db, { import: imported.length });
      await db.exampleChunks.bulkAdd(contiguousChunks(imported, 'import'));
    }
    const highWater = await exampleIdHighWater(db);
    await keepExampleIdHighWater(db, Math.max(highWater, sorted.at(-1)!.id!));
  });
}
