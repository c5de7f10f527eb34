/**
 * One in-memory vector index per database and embedding model, loaded once and then kept fresh:
 * batches stored since (the embedding job appends them) are added incrementally; a batch that
 * disappeared (pruned, the model's vectors deleted, memory wiped from the options page) means a
 * rebuild. Checking is one keys-only read of the model's batch ids (a few hundred at 100,000
 * replies), so every draft can ask, and it sees changes made in any context.
 */
import type { UnderstudyDB } from './db';
import { embeddingRowIds, loadVectorIndex } from './embeddings-repo';
import type { VectorIndex } from './vector-index';

interface Entry {
  index?: VectorIndex;
  dims: number;
  /** Batch rows the index holds. */
  rows: Set<number>;
  queue: Promise<unknown>;
}

const caches = new WeakMap<UnderstudyDB, Map<string, Entry>>();

function modelsOf(db: UnderstudyDB): Map<string, Entry> {
  let models = caches.get(db);
  if (!models) {
    models = new Map();
    caches.set(db, models);
  }
  return models;
}

/** The vector index of `model`, loaded on first use, with every batch stored since added. */
export function getVectorIndexFor(db: UnderstudyDB, model: string, dims: number): Promise<VectorIndex> {
  const models = modelsOf(db);
  let entry = models.get(model);
  if (!entry || entry.dims !== dims) {
    entry = { dims, rows: new Set(), queue: Promise.resolve() };
    models.set(model, entry);
  }
  const current = entry;
  // One refresh at a time, so two drafts never load the same vectors twice.
  const next = current.queue.catch(() => undefined).then(() => refresh(db, model, current));
  current.queue = next.catch(() => undefined);
  return next;
}

/** The index if it is already loaded; never starts a load. */
export function peekVectorIndexFor(db: UnderstudyDB, model: string): VectorIndex | undefined {
  return caches.get(db)?.get(model)?.index;
}

/** Drops loaded indexes (of one model, or all) to free their memory. */
export function forgetVectorIndex(db: UnderstudyDB, model?: string): void {
  const models = caches.get(db);
  if (!models) return;
  if (model === undefined) models.clear();
  else models.delete(model);
}

async function refresh(db: UnderstudyDB, model: string, entry: Entry): Promise<VectorIndex> {
  const stored = await embeddingRowIds(db, model);
  const storedSet = new Set(stored);
  const intact = entry.index !== undefined && [...entry.rows].every((rowId) => storedSet.has(rowId));
  if (entry.index && intact) {
    const added = stored.filter((rowId) => !entry.rows.has(rowId));
    if (added.length === 0) return entry.index;
    const appended = await loadVectorIndex(db, model, entry.dims, { into: entry.index, rowIds: added });
    for (const rowId of appended.rowIds) entry.rows.add(rowId);
    return entry.index;
  }
  const loaded = await loadVectorIndex(db, model, entry.dims, { rowIds: stored });
  entry.index = loaded.index;
  entry.rows = new Set(loaded.rowIds);
  return loaded.index;
}
