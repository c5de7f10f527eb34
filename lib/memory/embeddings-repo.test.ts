import {
  deleteEmbeddings,
  embeddingModels,
  loadVectorIndex,
  missingVectors,
  packVectors,
  pruneEmbeddings,
  saveEmbeddingBatch,
  saveVectorSnapshot,
  snapshotKey,
} from './embeddings-repo';
import { freshDb } from './fresh-db.testutil';
import { wipeEverything } from './wipe';
import { MemoryWipedError, wipeEpoch } from './wipe-epoch';
import { forgetVectorIndex, getVectorIndexFor, peekVectorIndexFor, persistVectorIndex, settleVectorIndexFor } from './vector-store';

const SMALL = 'snowflake-arctic-embed-s-q0f32-MLC-b4';
const MEDIUM = 'snowflake-arctic-embed-m-q0f32-MLC-b4';

/** A unit vector along axis `i`: easy to tell apart. */
const axis = (i: number, dims = 4) => Array.from({ length: dims }, (_, j) => (j === i ? 1 : 0));

describe('embeddings repository', () => {
  it('saves a batch as one row and loads it back as an index that finds each example by its vector', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [5, 6, 7], vectors: [axis(0), axis(1), axis(2)] });
    expect(await db.embeddings.count()).toBe(1);
    const { index, rowIds, skipped } = await loadVectorIndex(db, SMALL, 4);
    expect(index.size).toBe(3);
    expect(skipped).toBe(0);
    expect(rowIds).toHaveLength(1);
    expect(index.search(axis(1), 1)[0]).toMatchObject({ id: 6 });
    expect(index.search(axis(1), 1)[0]?.similarity).toBeCloseTo(1, 2);
  });

  it('keeps each model’s vectors apart, and deleting one model’s leaves the other’s', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1], vectors: [axis(0)] });
    await saveEmbeddingBatch(db, { model: MEDIUM, dims: 8, exampleIds: [1, 2], vectors: [axis(0, 8), axis(1, 8)] });
    expect((await embeddingModels(db)).sort()).toEqual([MEDIUM, SMALL].sort());
    expect((await loadVectorIndex(db, MEDIUM, 8)).index.size).toBe(2);
    expect(await deleteEmbeddings(db, MEDIUM)).toBe(1);
    expect(await embeddingModels(db)).toEqual([SMALL]);
    expect((await loadVectorIndex(db, SMALL, 4)).index.size).toBe(1);
  });

  it('tells which examples still lack a vector', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1, 3], vectors: [axis(0), axis(1)] });
    const { index } = await loadVectorIndex(db, SMALL, 4);
    expect(missingVectors(index, [1, 2, 3, 4])).toEqual([2, 4]);
  });

  it('refuses vectors of the wrong length instead of storing garbage, and skips stored batches of another size', async () => {
    const db = freshDb();
    await expect(saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1], vectors: [[1, 2, 3]] })).rejects.toThrow(/3 dimensions/);
    await expect(saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1, 2], vectors: new Float32Array(4) })).rejects.toThrow(/8 floats/);
    await saveEmbeddingBatch(db, { model: SMALL, dims: 3, exampleIds: [1], vectors: [[1, 2, 3]] });
    const loaded = await loadVectorIndex(db, SMALL, 4);
    expect(loaded.index.size).toBe(0);
    expect(loaded.skipped).toBe(1);
  });

  it('stores vectors compactly: the float32 batch on disk, about a quarter of it in memory', async () => {
    const db = freshDb();
    const dims = 384;
    const ids = Array.from({ length: 2000 }, (_, i) => i + 1);
    const vectors = packVectors(ids.map((id) => Array.from({ length: dims }, (_, j) => Math.sin(id * (j + 1)))), dims);
    await saveEmbeddingBatch(db, { model: SMALL, dims, exampleIds: ids, vectors });
    const { index } = await loadVectorIndex(db, SMALL, dims);
    expect(index.size).toBe(2000);
    expect(index.memoryBytes).toBeLessThan(vectors.byteLength * 0.4);
  });

  it('prunes vectors of deleted examples: a batch all gone is deleted, one mostly gone is rewritten with the rest', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1, 2], vectors: [axis(0), axis(1)] });
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [3, 4, 5], vectors: [axis(0), axis(1), axis(2)] });
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [6, 7, 8], vectors: [axis(0), axis(1), axis(2)] });
    const live = new Set([5, 6, 7, 8]);
    const isLive = (id: number) => live.has(id);
    const { index } = await loadVectorIndex(db, SMALL, 4);
    expect(await pruneEmbeddings(db, index.deadRows(isLive), isLive)).toBe(2);
    const rows = await db.embeddings.toArray();
    expect(rows.map((r) => r.exampleIds)).toEqual([[6, 7, 8], [5]]);
    expect(Array.from(rows[1]!.vectors)).toEqual(axis(2));
    const reloaded = (await loadVectorIndex(db, SMALL, 4)).index;
    expect(reloaded.size).toBe(4);
    expect(reloaded.search(axis(2), 2).map((hit) => hit.id).sort()).toEqual([5, 8]);
  });
});

describe('embeddings and a wipe of memory', () => {
  it('refuses vectors computed before a wipe, so they never outlive the replies they came from', async () => {
    const db = freshDb();
    const epoch = await wipeEpoch(db);
    await wipeEverything(db);
    await expect(
      saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1], vectors: [axis(0)] }, Date.now(), { epoch }),
    ).rejects.toBeInstanceOf(MemoryWipedError);
    expect(await db.embeddings.count()).toBe(0);
  });

  it('does not save an index of vectors that were wiped meanwhile', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1, 2], vectors: [axis(0), axis(1)] });
    const { index, rowIds } = await loadVectorIndex(db, SMALL, 4);
    await wipeEverything(db);
    await saveVectorSnapshot(db, SMALL, index, rowIds);
    expect(await db.meta.get(snapshotKey(SMALL))).toBeUndefined();
  });
});

describe('the loaded vector index', () => {
  it('is loaded once, then picks up batches stored since without reading the old ones again', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1], vectors: [axis(0)] });
    const first = await getVectorIndexFor(db, SMALL, 4);
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [2], vectors: [axis(1)] });
    const bulkGet = vi.spyOn(db.embeddings, 'bulkGet');
    const second = await getVectorIndexFor(db, SMALL, 4);
    expect(second).toBe(first);
    expect(second.size).toBe(2);
    expect(bulkGet.mock.calls.flatMap(([keys]) => keys)).toHaveLength(1);
    expect(peekVectorIndexFor(db, SMALL)).toBe(first);
  });

  it('is rebuilt when a batch it holds was deleted elsewhere (memory wiped from the options page)', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1, 2], vectors: [axis(0), axis(1)] });
    expect((await getVectorIndexFor(db, SMALL, 4)).size).toBe(2);
    // Another context clears the table and new replies get the same ids: old vectors must go.
    await db.embeddings.clear();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1], vectors: [axis(3)] });
    const index = await getVectorIndexFor(db, SMALL, 4);
    expect(index.size).toBe(1);
    expect(index.search(axis(3), 1)[0]).toMatchObject({ id: 1 });
    expect(index.similarity(axis(0), 1)).toBeCloseTo(0, 2);
  });

  it('is rebuilt after vectors were deleted', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1], vectors: [axis(0)] });
    expect((await getVectorIndexFor(db, SMALL, 4)).size).toBe(1);
    await deleteEmbeddings(db, SMALL);
    expect((await getVectorIndexFor(db, SMALL, 4)).size).toBe(0);
  });

  it('saves itself after a large load, so a restarted background restores it without reading the vectors again', async () => {
    const db = freshDb();
    const dims = 16;
    const ids = Array.from({ length: 1500 }, (_, i) => i + 1);
    await saveEmbeddingBatch(db, { model: SMALL, dims, exampleIds: ids, vectors: ids.map((id) => axis(id % dims, dims)) });
    expect((await getVectorIndexFor(db, SMALL, dims)).size).toBe(1500);
    await settleVectorIndexFor(db, SMALL);
    expect(await db.meta.get(snapshotKey(SMALL))).toBeDefined();

    forgetVectorIndex(db);
    const bulkGet = vi.spyOn(db.embeddings, 'bulkGet');
    const restored = await getVectorIndexFor(db, SMALL, dims);
    expect(restored.size).toBe(1500);
    expect(bulkGet).not.toHaveBeenCalled();
    expect(restored.search(axis(3, dims), 1)[0]?.similarity).toBeCloseTo(1, 2);
  });

  it('ignores a saved copy that holds a batch no longer stored, and deleting the model’s vectors deletes the copy', async () => {
    const db = freshDb();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [1], vectors: [axis(0)] });
    await persistVectorIndex(db, SMALL, 4);
    expect(await db.meta.get(snapshotKey(SMALL))).toBeDefined();
    await db.embeddings.clear();
    await saveEmbeddingBatch(db, { model: SMALL, dims: 4, exampleIds: [2], vectors: [axis(1)] });
    forgetVectorIndex(db);
    const index = await getVectorIndexFor(db, SMALL, 4);
    expect([...index.ids()]).toEqual([2]);

    await persistVectorIndex(db, SMALL, 4);
    await deleteEmbeddings(db, SMALL);
    expect(await db.meta.get(snapshotKey(SMALL))).toBeUndefined();
  });
});
