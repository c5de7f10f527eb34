/**
 * Hybrid retrieval benchmark, run in real Chromium with real IndexedDB like memory-bench.ts:
 * `run({ examples, repeats })` is bundled by bundleForBrowser and called on a blank page.
 *
 * No embedding model runs here (no GPU, no weights), so the vectors are stand-ins: deterministic
 * random unit vectors of the embedding models' sizes (384 for Arctic Embed S, 768 for M), each
 * the direction of its example's synthetic topic plus noise, so that replies on one topic sit
 * together as real embeddings do. That is a fair measure of what this benchmark is about, the
 * cost of ranking (storing, loading, the bit pass, int8 re-ranking, fusion with BM25), which
 * does not depend on what the numbers mean. What it cannot measure is how good the matches are,
 * nor the time to embed a comment on the GPU (that is `npm run bench:model` territory).
 *
 * What it measures, at N examples (100,000 for the budget):
 * - storing N vectors in batches, and building the compact in-memory index from them (after an
 *   import, once); saving that index, and restoring it (what a restarted background does on
 *   its first draft)
 * - vector index memory: the typed arrays and id map (exact), and the JS heap growth
 * - top-8 retrieval: BM25 alone, vectors alone, and hybrid (BM25 top 50 + vector top 50, fused),
 *   over 200 varied comments (budget for the hybrid query: the retrieval budget, ≤ 10 ms)
 * - what the bit pass gives up against an exhaustive float32 search: the mean similarity of the
 *   vector top 8 as a share of the exhaustive top 8's (with thousands of replies per synthetic
 *   topic the exact top 8 are near-ties, so "same ids" would mostly measure tie-breaking), and
 *   how often a planted near-duplicate of a stored reply (cosine ~0.9) comes back in the top 8
 */
import { UnderstudyDB } from '../../lib/memory/db';
import { embeddingRowIds, loadVectorIndex, readVectorSnapshot, saveEmbeddingBatch, saveVectorSnapshot } from '../../lib/memory/embeddings-repo';
import { hybridSearch } from '../../lib/memory/hybrid';
import { createRetrievalIndex, type RetrievalQuery } from '../../lib/memory/retrieval';
import type { VectorIndex } from '../../lib/memory/vector-index';
import { seededRandom } from '../../lib/memory/seeded-random.testutil';
import { createGenerator } from './memory-bench';
import { summarize, type Stat } from './stats';

const QUERIES = 200;
const K = 8;
const ROW = 256;
const RECALL_QUERIES = 20;
/** How far a reply's vector strays from its topic's direction (per dimension, before normalising). */
const NOISE = 1.2;

function once(value: number, unit: string, budget?: number, runs = 1): Stat {
  return { median: value, p95: value, unit, ...(budget !== undefined ? { budget } : {}), runs };
}

async function settledHeap(): Promise<number | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 2; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Unit vectors around one direction per topic: a stand-in for real embeddings. */
function vectorSpace(dims: number, seed: number) {
  const random = seededRandom(seed);
  const directions = new Map<string, Float32Array>();
  const direction = (topic: string) => {
    let d = directions.get(topic);
    if (!d) {
      d = Float32Array.from({ length: dims }, () => gaussian(random));
      directions.set(topic, d);
    }
    return d;
  };
  return (topic: string, out = new Float32Array(dims)): Float32Array => {
    const d = direction(topic);
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      const x = d[j]! + NOISE * gaussian(random);
      out[j] = x;
      norm += x * x;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < dims; j++) out[j]! *= inv;
    return out;
  };
}

/** Mean cosine similarity of the exhaustive top k (the vectors are unit length). */
function exhaustiveTopSimilarity(vectors: Float32Array, dims: number, query: Float32Array, k: number): number {
  const scores: number[] = [];
  for (let at = 0; at < vectors.length; at += dims) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += vectors[at + j]! * query[j]!;
    scores.push(s);
  }
  return scores.sort((a, b) => b - a).slice(0, k).reduce((sum, s) => sum + s, 0) / k;
}

/** `vector` plus a little noise, unit length: a comment worded almost like a stored reply. */
function nearCopy(vector: Float32Array, random: () => number, noise: number): Float32Array {
  const out = Float32Array.from(vector, (x) => x + noise * gaussian(random));
  const norm = Math.hypot(...out);
  return out.map((x) => x / norm);
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

export async function run(options: { examples: number; repeats?: number; dims?: number[] }): Promise<Record<string, Stat>> {
  const n = options.examples;
  const repeats = options.repeats ?? 3;
  const label = `${n.toLocaleString('en-US')} examples`;
  const results: Record<string, Stat> = {};

  const generator = createGenerator(42);
  const rows = Array.from({ length: n }, (_, i) => ({ ...generator.example(), id: i + 1 }));
  const comments = Array.from({ length: QUERIES }, () => generator.comment());
  const index = createRetrievalIndex(rows).warm();

  for (const dims of options.dims ?? [384, 768]) {
    const model = `bench-embed-${dims}`;
    const space = vectorSpace(dims, dims);
    const all = new Float32Array(n * dims);
    rows.forEach((row, i) => space(row.topic, all.subarray(i * dims, (i + 1) * dims)));
    const queries = comments.map((c) => space(c.topic));

    // Store, as the embedding job does: one row per 256 vectors.
    const db = new UnderstudyDB(`bench-hybrid-${dims}-${Date.now()}`);
    try {
      const storeStart = performance.now();
      for (let at = 0; at < n; at += ROW) {
        const end = Math.min(n, at + ROW);
        await saveEmbeddingBatch(db, {
          model,
          dims,
          exampleIds: rows.slice(at, end).map((r) => r.id),
          vectors: all.slice(at * dims, end * dims),
        });
      }
      results[`hybrid (${dims} dims): store vectors of ${label}`] = once(performance.now() - storeStart, 'ms');

      const loadMs: number[] = [];
      let vectors: VectorIndex | undefined;
      let heapGrowth: number | undefined;
      for (let r = 0; r < repeats; r++) {
        vectors = undefined;
        const before = await settledHeap();
        const start = performance.now();
        vectors = (await loadVectorIndex(db, model, dims)).index;
        loadMs.push(performance.now() - start);
        const after = await settledHeap();
        if (before !== undefined && after !== undefined) heapGrowth = (after - before) / 1e6;
      }
      const loaded = vectors!;
      results[`hybrid (${dims} dims): build the index from stored float32 batches, ${label}`] = summarize(loadMs, 'ms');
      const rowIds = await embeddingRowIds(db, model);
      const saveStart = performance.now();
      await saveVectorSnapshot(db, model, vectors!, rowIds);
      results[`hybrid (${dims} dims): save the compact index, ${label}`] = once(performance.now() - saveStart, 'ms');
      const restoreMs: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const start = performance.now();
        const stored = new Set(await embeddingRowIds(db, model));
        const restored = await readVectorSnapshot(db, model, dims, stored);
        restoreMs.push(performance.now() - start);
        if (restored?.index.size !== n) throw new Error('The saved vector index did not restore.');
      }
      results[`hybrid (${dims} dims): restore the saved index (a restarted background), ${label}`] = summarize(restoreMs, 'ms');
      results[`hybrid (${dims} dims): vector index memory, ${label}`] = once(loaded.memoryBytes / 1e6, 'MB');
      if (heapGrowth !== undefined) results[`hybrid (${dims} dims): JS heap growth of building it, ${label}`] = once(heapGrowth, 'MB');
      results[`hybrid (${dims} dims): float32 vectors on disk, ${label}`] = once((n * dims * 4) / 1e6, 'MB');

      const query = (i: number): RetrievalQuery => ({ text: comments[i]!.text, platform: comments[i]!.platform });
      const bm25: number[] = [];
      const vectorOnly: number[] = [];
      const hybrid: number[] = [];
      // Warm up the JIT the way a running background would be.
      for (let i = 0; i < 20; i++) hybridSearch(index, query(i), (k, accept) => loaded.search(queries[i]!, k, { accept }), K);
      for (let i = 0; i < QUERIES; i++) {
        bm25.push(timed(() => index.search(query(i), K)).ms);
        vectorOnly.push(timed(() => loaded.search(queries[i]!, K)).ms);
        hybrid.push(timed(() => hybridSearch(index, query(i), (k, accept) => loaded.search(queries[i]!, k, { accept }), K)).ms);
      }
      results[`hybrid (${dims} dims): BM25 top-8 alone, ${label}`] = summarize(bm25, 'ms', 10);
      results[`hybrid (${dims} dims): vector top-8 alone, ${label}`] = summarize(vectorOnly, 'ms');
      results[`hybrid (${dims} dims): hybrid top-8 (BM25 + vectors, fused), ${label}`] = summarize(hybrid, 'ms', 10);

      let reached = 0;
      for (let q = 0; q < RECALL_QUERIES; q++) {
        const exact = exhaustiveTopSimilarity(all, dims, queries[q]!, K);
        const found = loaded.search(queries[q]!, K).reduce((sum, h) => sum + h.similarity, 0) / K;
        reached += found / exact;
      }
      results[`hybrid (${dims} dims): vector top-8 similarity, share of an exhaustive search's`] = once(
        (reached / RECALL_QUERIES) * 100,
        '%',
        undefined,
        RECALL_QUERIES,
      );
      const random = seededRandom(dims + 1);
      let planted = 0;
      for (let q = 0; q < QUERIES; q++) {
        const target = Math.floor(random() * n);
        // Noise 0.025 per dimension puts the copy at cosine ~0.9 (384 dims) / ~0.8 (768) to its original.
        const copy = nearCopy(all.subarray(target * dims, (target + 1) * dims), random, 0.025);
        if (loaded.search(copy, K).some((h) => h.id === target + 1)) planted++;
      }
      results[`hybrid (${dims} dims): planted near-duplicate found in the vector top 8`] = once((planted / QUERIES) * 100, '%', undefined, QUERIES);
    } finally {
      db.close();
      await db.delete();
    }
  }
  return results;
}
