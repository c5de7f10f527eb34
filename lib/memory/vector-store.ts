/**
 * One in-memory vector index per database and embedding model, loaded once and then kept fresh:
 * batches stored since (the embedding job appends them) are added incrementally; a delete made
 * in this JS context (pruning, or the model's vectors being deleted) rebuilds it. Checking costs
 * one key read per call, so every draft can ask.
 */
import type { Transaction } from 'dexie';
import type { UnderstudyDB } from './db';
import { loadVectorIndex } from './embeddings-repo';
import type { VectorIndex } from './vector-index';

interface Entry {
  index?: VectorIndex;
  dims: number;
  /** Highest batch row id looked at. */
  maxRowId: number;
  builtAtChange: number;
  queue: Promise<unknown>;
}

interface DbCache {
  /** Deletes seen in this context: any of them can remove vectors an index holds. */
  changes: number;
  models: Map<string, Entry>;
}

const caches = new WeakMap<UnderstudyDB, DbCache>();

function cacheFor(db: UnderstudyDB): DbCache {
  let cache = caches.get(db);
  if (cache) return cache;
  const created: DbCache = { changes: 0, models: new Map() };
  const bump = (tx: Transaction) => {
    created.changes++;
    // Again on commit: a refresh that read the old rows mid-transaction must not look fresh.
    tx.on('complete', () => created.changes++);
  };
  db.embeddings.hook('deleting', (_key, _obj, tx) => bump(tx));
  db.embeddings.hook('updating', (_mods, _key, _obj, tx) => bump(tx));
  caches.set(db, created);
  cache = created;
  return cache;
}

/** The vector index of `model`, loaded on first use, with every batch stored since added. */
export function getVectorIndexFor(db: UnderstudyDB, model: string, dims: number): Promise<VectorIndex> {
  const cache = cacheFor(db);
  let entry = cache.models.get(model);
  if (!entry || entry.dims !== dims) {
    entry = { dims, maxRowId: 0, builtAtChange: -1, queue: Promise.resolve() };
    cache.models.set(model, entry);
  }
  const current = entry;
  const next = current.queue.catch(() => undefined).then(() => refresh(db, cache, model, current));
  current.queue = next.catch(() => undefined);
  return next;
}

/** The index if it is already loaded; never starts a load. */
export function peekVectorIndexFor(db: UnderstudyDB, model: string): VectorIndex | undefined {
  return caches.get(db)?.models.get(model)?.index;
}

/** Drops loaded indexes (of one model, or all) to free their memory. */
export function forgetVectorIndex(db: UnderstudyDB, model?: string): void {
  const cache = caches.get(db);
  if (!cache) return;
  if (model === undefined) cache.models.clear();
  else cache.models.delete(model);
}

async function refresh(db: UnderstudyDB, cache: DbCache, model: string, entry: Entry): Promise<VectorIndex> {
  const changes = cache.changes;
  const lastKey = ((await db.embeddings.toCollection().lastKey()) as number | undefined) ?? 0;
  if (entry.index && entry.builtAtChange === changes) {
    if (lastKey <= entry.maxRowId) return entry.index;
    const appended = await loadVectorIndex(db, model, entry.dims, { into: entry.index, afterRowId: entry.maxRowId });
    entry.maxRowId = Math.max(appended.maxRowId, lastKey);
    return entry.index;
  }
  const loaded = await loadVectorIndex(db, model, entry.dims);
  Object.assign(entry, { index: loaded.index, maxRowId: Math.max(loaded.maxRowId, lastKey), builtAtChange: changes });
  return loaded.index;
}
