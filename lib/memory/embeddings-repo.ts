/**
 * Embedding vectors of the creator's replies, per embedding model, stored in batches (one
 * EmbeddingBatchRow holds many replies' vectors back to back: IndexedDB's cost is per record).
 *
 * Vectors are derived data: they can always be computed again from the replies, so deleting
 * them (with their model, or when the replies they belong to are gone) never loses anything.
 * Example ids are never reused (examples-repo), so a vector stays right for its id.
 */
import type { EmbeddingBatchRow, UnderstudyDB } from './db';
import { VectorIndex, type VectorSnapshot } from './vector-index';
import { assertNotWipedSince } from './wipe-epoch';

/** Flattens vectors (one array per example) into one Float32Array, checking every length. */
export function packVectors(vectors: readonly ArrayLike<number>[], dims: number): Float32Array {
  const packed = new Float32Array(vectors.length * dims);
  vectors.forEach((vector, i) => {
    if (vector.length !== dims) throw new RangeError(`Vector ${i} has ${vector.length} dimensions, expected ${dims}.`);
    packed.set(vector, i * dims);
  });
  return packed;
}

export interface SaveBatchOptions {
  /**
   * The wipe epoch the vectors' replies were read at: the save is refused with MemoryWipedError
   * when memory was wiped since (the replies are gone, and their vectors must not outlive them).
   */
  epoch?: number;
}

/**
 * Stores the vectors of `exampleIds` (in the same order) for `model`; returns the batch's row id.
 * A full disk rejects with IndexedDB's QuotaExceededError (see storage-error.ts).
 */
export async function saveEmbeddingBatch(
  db: UnderstudyDB,
  batch: { model: string; dims: number; exampleIds: readonly number[]; vectors: Float32Array | readonly ArrayLike<number>[] },
  now = Date.now(),
  options: SaveBatchOptions = {},
): Promise<number> {
  const { model, dims, exampleIds } = batch;
  const vectors = batch.vectors instanceof Float32Array ? batch.vectors : packVectors(batch.vectors, dims);
  if (vectors.length !== exampleIds.length * dims) {
    throw new RangeError(`${exampleIds.length} examples need ${exampleIds.length * dims} floats, got ${vectors.length}.`);
  }
  const row: EmbeddingBatchRow = { model, dims, exampleIds: [...exampleIds], vectors, createdAt: now };
  const { epoch } = options;
  if (epoch === undefined) return (await db.embeddings.add(row)) as number;
  // The check and the write in one transaction: a wipe lands wholly before (refused) or after
  // (and clears the row with everything else).
  return db.transaction('rw', db.embeddings, db.meta, async () => {
    await assertNotWipedSince(db, epoch);
    return (await db.embeddings.add(row)) as number;
  });
}

/** Batches read per IndexedDB request while loading: few requests, bounded float32 held at once. */
const READ_ROWS = 16;

export interface LoadedVectors {
  index: VectorIndex;
  /** The batch rows read. */
  rowIds: number[];
  /** Batches skipped because their vectors have another length than `dims` (a model upgrade). */
  skipped: number;
}

/** Row ids of `model`'s stored batches, in the order they were stored (a keys-only read). */
export async function embeddingRowIds(db: UnderstudyDB, model: string): Promise<number[]> {
  const keys = (await db.embeddings.where('model').equals(model).primaryKeys()) as number[];
  return keys.sort((a, b) => a - b);
}

/**
 * Reads every stored batch of `model` (or those after row `afterRowId`) into a compact in-memory
 * index: int8 codes and sign bits, ~1 byte a dimension instead of float32's 4. Rows are read one
 * at a time, so the float32 copies never all sit in memory together.
 */
export async function loadVectorIndex(
  db: UnderstudyDB,
  model: string,
  dims: number,
  options: { into?: VectorIndex; rowIds?: readonly number[] } = {},
): Promise<LoadedVectors> {
  const index = options.into ?? new VectorIndex(dims);
  // Keys first (cheap: the 'model' index holds them), then the rows, a few at a time. In row
  // order, so the newer vector wins for an id embedded twice (a retried batch).
  const keys = options.rowIds ?? (await embeddingRowIds(db, model));
  const rowIds: number[] = [];
  let skipped = 0;
  await index.bulk(async () => {
    for (let at = 0; at < keys.length; at += READ_ROWS) {
      const rows = await db.embeddings.bulkGet(keys.slice(at, at + READ_ROWS));
      if (at === 0 && index.size === 0) {
        // Room for all of them at once, guessed from the first rows: growing step by step would
        // copy the codes many times over a large load. (An append grows the usual way.)
        const perRow = rows.reduce((sum, row) => sum + (row?.exampleIds.length ?? 0), 0) / Math.max(1, rows.length);
        index.reserve(index.size + Math.ceil(perRow * keys.length));
      }
      for (const row of rows) {
        if (!row || row.model !== model) continue;
        const rowId = row.id ?? 0;
        rowIds.push(rowId);
        if (row.dims !== dims || row.vectors.length !== row.exampleIds.length * dims) {
          skipped++;
          continue;
        }
        index.addBatch(row.exampleIds, row.vectors, rowId);
      }
    }
  });
  return { index, rowIds, skipped };
}

/** Forgets every vector of `model` (its model was deleted, or memory was wiped). */
export async function deleteEmbeddings(db: UnderstudyDB, model: string): Promise<number> {
  return db.transaction('rw', db.embeddings, db.meta, async () => {
    await db.meta.delete(snapshotKey(model));
    return db.embeddings.where('model').equals(model).delete();
  });
}

/* A saved copy of the compact in-memory index, in the meta table like the BM25 index's. Only a
   cache: it names the batch rows it was built from, and is ignored when any of them is gone. */

export function snapshotKey(model: string): string {
  return `vector-index:${model}`;
}

export interface SavedVectorIndex {
  snapshot: VectorSnapshot;
  /** Batch rows the snapshot holds (all of them read, including vectors later replaced). */
  rows: number[];
}

/**
 * Saves the index, unless a batch it was built from is gone by now (memory was wiped or the
 * model's vectors deleted meanwhile, perhaps from another context): such a copy would never be
 * used, and after a wipe it would keep vectors of deleted replies on disk.
 */
export async function saveVectorSnapshot(db: UnderstudyDB, model: string, index: VectorIndex, rows: Iterable<number>, now = Date.now()): Promise<void> {
  const value: SavedVectorIndex = { snapshot: index.snapshot(), rows: [...rows] };
  await db.transaction('rw', db.embeddings, db.meta, async () => {
    const stored = await db.embeddings.where(':id').anyOf(value.rows).primaryKeys();
    if (stored.length !== new Set(value.rows).size) return;
    await db.meta.put({ key: snapshotKey(model), value, updatedAt: now });
  });
}

/** The saved index of `model`, when it exists, fits `dims`, and every batch it holds is still stored. */
export async function readVectorSnapshot(
  db: UnderstudyDB,
  model: string,
  dims: number,
  stored: ReadonlySet<number>,
): Promise<{ index: VectorIndex; rows: Set<number> } | undefined> {
  const saved = (await db.meta.get(snapshotKey(model)))?.value as SavedVectorIndex | undefined;
  if (!saved || !Array.isArray(saved.rows) || !saved.rows.every((row) => stored.has(row))) return undefined;
  const index = VectorIndex.fromSnapshot(saved.snapshot, dims);
  return index ? { index, rows: new Set(saved.rows) } : undefined;
}

/** Models that have vectors stored. */
export async function embeddingModels(db: UnderstudyDB): Promise<string[]> {
  return (await db.embeddings.orderBy('model').uniqueKeys()) as string[];
}

/** The ids in `exampleIds` that have no vector in `index`, in the same order. */
export function missingVectors(index: Pick<VectorIndex, 'has'>, exampleIds: readonly number[]): number[] {
  return exampleIds.filter((id) => !index.has(id));
}

/**
 * Drops stored vectors of replies that no longer exist: a batch whose replies are all gone is
 * deleted; one mostly gone is rewritten with the rest. `dead` comes from VectorIndex.deadRows.
 * Returns how many batches changed.
 */
export async function pruneEmbeddings(
  db: UnderstudyDB,
  dead: ReadonlyMap<number, { dead: number; total: number }>,
  isLive: (id: number) => boolean,
): Promise<number> {
  const gone = [...dead].filter(([, n]) => n.dead === n.total).map(([rowId]) => rowId);
  const thinned = [...dead].filter(([, n]) => n.dead < n.total && n.dead * 2 >= n.total).map(([rowId]) => rowId);
  await db.transaction('rw', db.embeddings, async () => {
    await db.embeddings.bulkDelete(gone);
    for (const row of await db.embeddings.bulkGet(thinned)) {
      if (!row?.id) continue;
      const keep = row.exampleIds.flatMap((id, i) => (isLive(id) ? [i] : []));
      const vectors = new Float32Array(keep.length * row.dims);
      keep.forEach((i, at) => vectors.set(row.vectors.subarray(i * row.dims, (i + 1) * row.dims), at * row.dims));
      const { id, ...rest } = row;
      await db.embeddings.delete(id);
      await db.embeddings.add({ ...rest, exampleIds: keep.map((i) => row.exampleIds[i]!), vectors });
    }
  });
  return gone.length + thinned.length;
}
