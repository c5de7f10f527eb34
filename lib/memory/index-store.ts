/**
 * One retrieval index per database, kept fresh, and saved in the `meta` table so a restarted
 * background (the service worker stops often) does not re-read and re-tokenise every reply.
 *
 * The snapshot is a cache, never the truth: on load it is checked row by row (a hash of each
 * row's text) against the examples table; new or edited rows are indexed again and deleted ones
 * dropped. So a snapshot that is a few sent replies behind is fine, and it is only re-saved when
 * it has drifted (SAVE_AFTER_CHANGES) or was rebuilt. Saving happens after the index is handed
 * to the caller, so a draft never waits for it.
 *
 * Freshness while running: row count + highest id + a counter of in-place edits and deletes made
 * in this JS context (Dexie hooks). Appends (every sent reply) are added incrementally; anything
 * else rebuilds. An in-place edit made in ANOTHER context keeps count and max id unchanged and is
 * not seen until this context restarts (the snapshot hashes catch it then) or someone calls
 * invalidateIndexFor. Checking costs two indexed reads per draft, not a scan.
 */
import type { Transaction } from 'dexie';
import type { UnderstudyDB } from './db';
import { exampleTables, examplesAfter, examplesVersion, listExamples, onExamplesChanged } from './examples-repo';
import {
  createRetrievalIndex,
  restoreIndex,
  type IndexSnapshot,
  type RetrievalIndex,
  type RetrievalOptions,
} from './retrieval';

export const INDEX_META_KEY = 'retrieval-index';
/** Rows indexed since the last save before the snapshot is worth writing again. */
const SAVE_AFTER_CHANGES = 200;

interface CacheEntry {
  index?: RetrievalIndex;
  count: number;
  maxId: number;
  changes: number;
  /** Seen value of `changes` when the index was built. */
  builtAtChange: number;
  /** Rows indexed since the snapshot was last saved or loaded. */
  unsaved: number;
  queue: Promise<unknown>;
}

const cache = new WeakMap<UnderstudyDB, CacheEntry>();

function entryFor(db: UnderstudyDB): CacheEntry {
  let entry = cache.get(db);
  if (entry) return entry;
  const created: CacheEntry = {
    count: 0,
    maxId: 0,
    changes: 0,
    builtAtChange: -1,
    unsaved: 0,
    queue: Promise.resolve(),
  };
  const bump = (tx: Transaction) => {
    created.changes++;
    // Again on commit: a refresh that read the old rows mid-transaction must not look fresh.
    tx.on('complete', () => created.changes++);
  };
  onExamplesChanged(db, bump);
  cache.set(db, created);
  entry = created;
  return entry;
}

/** The retrieval index for a database, loaded (or built) once and then kept fresh. */
export function getIndexFor(db: UnderstudyDB, options: RetrievalOptions = {}): Promise<RetrievalIndex> {
  const entry = entryFor(db);
  // One refresh at a time, so two drafts never build two indexes.
  const next = entry.queue.catch(() => undefined).then(() => refresh(db, entry, options));
  // The save runs after the caller has its index, and before the next refresh.
  entry.queue = next.then(() => saveIfDrifted(db, entry)).catch(() => undefined);
  return next;
}

/** The index if one is already loaded for this database; never triggers a load. */
export function peekIndexFor(db: UnderstudyDB): RetrievalIndex | undefined {
  return cache.get(db)?.index;
}

/** Force the next getIndexFor to rebuild (e.g. after examples were edited in another context). */
export function invalidateIndexFor(db: UnderstudyDB): void {
  const entry = cache.get(db);
  if (entry) entry.changes++;
}

/** Waits for pending index work (a save in progress), e.g. before closing the database. */
export async function settleIndexFor(db: UnderstudyDB): Promise<void> {
  await cache.get(db)?.queue;
}

async function refresh(db: UnderstudyDB, entry: CacheEntry, options: RetrievalOptions): Promise<RetrievalIndex> {
  const changes = entry.changes;
  const index = entry.index;
  if (index && entry.builtAtChange === changes) {
    const appended = await db.transaction('r', exampleTables(db), async () => {
      const { count, maxId } = await examplesVersion(db);
      if (count === entry.count && maxId === entry.maxId) return true;
      if (maxId <= entry.maxId) return false;
      const added = await examplesAfter(db, entry.maxId);
      // Only appends happened if the new rows account for the whole difference.
      if (entry.count + added.length !== count) return false;
      for (const row of added) index.add(row);
      entry.count = count;
      entry.maxId = maxId;
      entry.unsaved += added.length;
      return true;
    });
    if (appended) return index;
  }
  const loaded = await loadIndex(db, options);
  Object.assign(entry, {
    index: loaded.index,
    count: loaded.count,
    maxId: loaded.maxId,
    builtAtChange: changes,
    unsaved: loaded.repaired,
  });
  return loaded.index;
}

export interface LoadedIndex {
  index: RetrievalIndex;
  /** Rows indexed afresh because the snapshot lacked them or they changed (all rows when rebuilt). */
  repaired: number;
  rebuilt: boolean;
  count: number;
  maxId: number;
}

/**
 * Reads every example and the saved snapshot in one transaction and returns a fresh index:
 * restored from the snapshot when it fits, built from the rows otherwise.
 */
export async function loadIndex(db: UnderstudyDB, options: RetrievalOptions = {}): Promise<LoadedIndex> {
  const { rows, saved } = await db.transaction('r', exampleTables(db), async () => ({
    rows: await listExamples(db),
    saved: await readSnapshot(db),
  }));
  const maxId = rows.reduce((max, row) => Math.max(max, row.id ?? 0), 0);
  if (!saved) {
    const index = createRetrievalIndex(rows, options).warm();
    return { index, repaired: rows.length, rebuilt: true, count: rows.length, maxId };
  }
  const restored = restoreIndex(saved, rows, options);
  restored.index.warm();
  return { ...restored, count: rows.length, maxId };
}

async function readSnapshot(db: UnderstudyDB): Promise<IndexSnapshot | undefined> {
  const row = await db.meta.get(INDEX_META_KEY);
  const value = row?.value as IndexSnapshot | undefined;
  return value && typeof value === 'object' ? value : undefined;
}

/** Writes the index's snapshot; typed arrays go to IndexedDB as they are, no JSON. */
export async function saveIndex(db: UnderstudyDB, index: RetrievalIndex, now = Date.now()): Promise<void> {
  await db.meta.put({ key: INDEX_META_KEY, value: index.snapshot(), updatedAt: now });
}

async function saveIfDrifted(db: UnderstudyDB, entry: CacheEntry): Promise<void> {
  const index = entry.index;
  if (!index || entry.unsaved === 0) return;
  // A small drift is repaired cheaply on the next load; a rebuild or a big drift is worth saving.
  if (entry.unsaved < SAVE_AFTER_CHANGES && entry.unsaved < index.size) return;
  entry.unsaved = 0;
  await saveIndex(db, index);
}
