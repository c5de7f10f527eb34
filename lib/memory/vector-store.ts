/**
 * One in-memory vector index per database and embedding model, loaded once and then kept fresh:
 * batches stored since (the embedding job appends them) are added incrementally; a batch that
 * disappeared (pruned, the model's vectors deleted, memory wiped from the options page) means a
 * rebuild. Checking is one keys-only read of the model's batch ids (a few hundred at 100,000
 * replies), so every draft can ask, and it sees changes made in any context.
 *
 * The service worker stops after 30 s idle, so "loaded once" is once per wake-up. Quantizing
 * 100,000 float32 vectors again each time took over a second in Chromium here, so the compact
 * index is saved (meta table) after a rebuild or a large append, and restored from that copy.
 */
import type { UnderstudyDB } from './db';
import { embeddingRowIds, loadVectorIndex, readVectorSnapshot, saveVectorSnapshot } from './embeddings-repo';
import type { VectorIndex } from './vector-index';

/**
 * Vectors added from batch rows since the last save before saving again is worth it: at least
 * this many, and half the index (so a 100,000-reply job that drafts interrupt saves a dozen
 * times, not a hundred; its end saves the rest).
 */
const SAVE_AFTER = 1024;
const SAVE_SHARE = 0.5;

interface Entry {
  index?: VectorIndex;
  dims: number;
  /** Batch rows the index holds. */
  rows: Set<number>;
  /** Vectors added from batch rows since the index was last saved or restored. */
  unsaved: number;
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

function entryFor(db: UnderstudyDB, model: string, dims: number): Entry {
  const models = modelsOf(db);
  let entry = models.get(model);
  if (!entry || entry.dims !== dims) {
    entry = { dims, rows: new Set(), unsaved: 0, queue: Promise.resolve() };
    models.set(model, entry);
  }
  return entry;
}

/** The vector index of `model`, loaded on first use, with every batch stored since added. */
export function getVectorIndexFor(db: UnderstudyDB, model: string, dims: number): Promise<VectorIndex> {
  const entry = entryFor(db, model, dims);
  // One refresh at a time, so two drafts never load the same vectors twice.
  const next = entry.queue.catch(() => undefined).then(() => refresh(db, model, entry));
  // A save runs after the caller has its index, and before the next refresh.
  entry.queue = next.then(() => saveIfDrifted(db, model, entry)).catch(() => undefined);
  return next;
}

/**
 * Brings the index up to date with the stored batches and saves it if it holds vectors not
 * saved yet (when the embedding job ends), so the next wake-up restores it in one read.
 */
export async function persistVectorIndex(db: UnderstudyDB, model: string, dims: number): Promise<void> {
  await getVectorIndexFor(db, model, dims);
  const entry = entryFor(db, model, dims);
  const next = entry.queue.catch(() => undefined).then(async () => {
    if (entry.index && entry.unsaved > 0) await save(db, model, entry);
  });
  entry.queue = next.catch(() => undefined);
  return next;
}

/** Waits for pending work on `model`'s index (a save in progress), e.g. before closing the database. */
export async function settleVectorIndexFor(db: UnderstudyDB, model: string): Promise<void> {
  await caches.get(db)?.get(model)?.queue;
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
  if (!entry.index) {
    const restored = await readVectorSnapshot(db, model, entry.dims, storedSet).catch(() => undefined);
    if (restored) Object.assign(entry, { index: restored.index, rows: restored.rows, unsaved: 0 });
  }
  const intact = entry.index !== undefined && [...entry.rows].every((rowId) => storedSet.has(rowId));
  if (entry.index && intact) {
    const added = stored.filter((rowId) => !entry.rows.has(rowId));
    if (added.length === 0) return entry.index;
    const before = entry.index.size;
    const appended = await loadVectorIndex(db, model, entry.dims, { into: entry.index, rowIds: added });
    for (const rowId of appended.rowIds) entry.rows.add(rowId);
    entry.unsaved += Math.max(0, entry.index.size - before);
    return entry.index;
  }
  const loaded = await loadVectorIndex(db, model, entry.dims, { rowIds: stored });
  Object.assign(entry, { index: loaded.index, rows: new Set(loaded.rowIds), unsaved: loaded.index.size });
  return loaded.index;
}

async function save(db: UnderstudyDB, model: string, entry: Entry): Promise<void> {
  if (!entry.index) return;
  entry.unsaved = 0;
  await saveVectorSnapshot(db, model, entry.index, entry.rows);
}

async function saveIfDrifted(db: UnderstudyDB, model: string, entry: Entry): Promise<void> {
  const index = entry.index;
  if (!index || entry.unsaved < SAVE_AFTER || entry.unsaved < index.size * SAVE_SHARE) return;
  await save(db, model, entry);
}
