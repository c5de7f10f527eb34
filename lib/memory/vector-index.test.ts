import { seededRandom as seeded } from './seeded-random.testutil';
import { VectorIndex } from './vector-index';

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function randomVector(random: () => number, dims: number, offset = 0): number[] {
  return Array.from({ length: dims }, () => gaussian(random) + offset);
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    dot += x * b[i]!;
    na += x * x;
    nb += b[i]! * b[i]!;
  });
  return dot / Math.sqrt(na * nb);
}

/** `base` plus noise: a text that means nearly the same thing. */
function near(random: () => number, base: readonly number[], noise: number): number[] {
  return base.map((x) => x + noise * gaussian(random));
}

describe('VectorIndex', () => {
  it('finds the stored vector closest to the query first, with its cosine similarity', () => {
    const random = seeded(1);
    const index = new VectorIndex(64);
    const vectors = Array.from({ length: 50 }, () => randomVector(random, 64));
    vectors.forEach((v, i) => index.add(i + 1, v));
    const query = near(random, vectors[17]!, 0.2);
    const [best] = index.search(query, 3);
    expect(best?.id).toBe(18);
    expect(best?.similarity).toBeCloseTo(cosine(query, vectors[17]!), 2);
  });

  it('keeps similarities within 0.01 of exact float math, at a quarter of float32’s memory', () => {
    const random = seeded(2);
    const dims = 384;
    const index = new VectorIndex(dims);
    const vectors = Array.from({ length: 200 }, () => randomVector(random, dims));
    index.bulk(() => vectors.forEach((v, i) => index.add(i, v)));
    const query = randomVector(random, dims);
    for (let i = 0; i < vectors.length; i += 20) {
      expect(Math.abs(index.similarity(query, i)! - cosine(query, vectors[i]!))).toBeLessThan(0.01);
    }
    expect(index.memoryBytes).toBeLessThan(200 * dims * 4 * 0.45);
  });

  it('finds planted near neighbours among 10,000 vectors through the bit pass, even when every vector leans the same way', () => {
    const random = seeded(3);
    const dims = 384;
    const count = 10_000;
    const index = new VectorIndex(dims);
    // A shared offset, like real embeddings that all sit in a narrow cone.
    const vectors = Array.from({ length: count }, () => randomVector(random, dims, 1.5));
    index.bulk(() => vectors.forEach((v, i) => index.add(i, v)));
    let found = 0;
    const trials = 40;
    for (let t = 0; t < trials; t++) {
      const target = Math.floor(random() * count);
      const results = index.search(near(random, vectors[target]!, 0.6), 8);
      if (results.some((r) => r.id === target)) found++;
    }
    expect(found).toBe(trials);
  }, 30_000);

  it('on a large index (two-stage bit pass) still finds planted near neighbours and matches exact similarity closely', () => {
    const random = seeded(7);
    const dims = 128;
    const count = 25_000;
    const topics = Array.from({ length: 50 }, () => randomVector(random, dims, 0.8));
    const vectors = Array.from({ length: count }, (_, i) => near(random, topics[i % topics.length]!, 1));
    const index = new VectorIndex(dims);
    index.bulk(() => vectors.forEach((v, i) => index.add(i, v)));
    for (let t = 0; t < 20; t++) {
      const target = Math.floor(random() * count);
      expect(index.search(near(random, vectors[target]!, 0.3), 8).map((r) => r.id)).toContain(target);
    }
    const query = near(random, topics[3]!, 1);
    const exact = vectors.map((v) => cosine(query, v)).sort((a, b) => b - a).slice(0, 8);
    const found = index.search(query, 8).map((r) => r.similarity);
    expect(found.reduce((a, b) => a + b, 0) / exact.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.97);
  }, 30_000);

  it('folds wider vectors (768 dimensions) into 384 sign bits and still finds planted near neighbours', () => {
    const random = seeded(6);
    const dims = 768;
    const index = new VectorIndex(dims);
    const vectors = Array.from({ length: 3000 }, () => randomVector(random, dims, 1));
    index.bulk(() => vectors.forEach((v, i) => index.add(i, v)));
    for (let t = 0; t < 20; t++) {
      const target = Math.floor(random() * vectors.length);
      expect(index.search(near(random, vectors[target]!, 0.6), 8).map((r) => r.id)).toContain(target);
    }
  }, 30_000);

  it('matches an exhaustive search for the top 8 on most queries, when replies cluster by topic', () => {
    const random = seeded(4);
    const dims = 384;
    const count = 5000;
    const topics = Array.from({ length: 100 }, () => randomVector(random, dims, 0.8));
    const index = new VectorIndex(dims);
    const vectors = Array.from({ length: count }, (_, i) => near(random, topics[i % topics.length]!, 1));
    index.bulk(() => vectors.forEach((v, i) => index.add(i, v)));
    let overlap = 0;
    const queries = 20;
    for (let q = 0; q < queries; q++) {
      const query = near(random, topics[Math.floor(random() * topics.length)]!, 1);
      const exact = vectors
        .map((v, id) => ({ id, s: cosine(query, v) }))
        .sort((a, b) => b.s - a.s)
        .slice(0, 8)
        .map((r) => r.id);
      const got = new Set(index.search(query, 8).map((r) => r.id));
      overlap += exact.filter((id) => got.has(id)).length;
    }
    expect(overlap / (queries * 8)).toBeGreaterThan(0.9);
  }, 30_000);

  it('leaves out ids the caller rejects, and removed or replaced vectors', () => {
    const random = seeded(5);
    const index = new VectorIndex(16);
    const base = randomVector(random, 16);
    index.add(1, base);
    index.add(2, near(random, base, 0.05));
    index.add(3, near(random, base, 0.1));
    index.remove(3);
    expect(index.search(base, 5, { accept: (id) => id !== 1 }).map((r) => r.id)).toEqual([2]);
    index.add(2, randomVector(random, 16).map((x) => -x));
    expect(index.size).toBe(2);
    expect(index.search(base, 1)[0]?.id).toBe(1);
  });

  it('ignores a zero vector and refuses a query of the wrong length', () => {
    const index = new VectorIndex(4);
    expect(index.add(1, [0, 0, 0, 0])).toBe(false);
    expect(index.add(2, [1, 0, 0, 0])).toBe(true);
    expect(index.size).toBe(1);
    expect(index.search([0, 0, 0, 0], 1)).toEqual([]);
    expect(() => index.search([1, 0], 1)).toThrow(/dimensions/);
  });

  it('reads a batch of vectors stored back to back, and names the stored batches holding dead vectors', () => {
    const index = new VectorIndex(2);
    index.addBatch([10, 11, 12], new Float32Array([1, 0, 0, 1, 1, 1]), 7);
    index.addBatch([13], new Float32Array([-1, 0]), 8);
    expect(index.search([1, 0.1], 1)[0]?.id).toBe(10);
    expect(index.deadRows((id) => id !== 11)).toEqual(new Map([[7, { dead: 1, total: 3 }]]));
    expect(index.deadRows(() => true).size).toBe(0);
  });

  it('restores from a snapshot to an index that answers exactly as the original, without the removed vectors', () => {
    const random = seeded(8);
    const index = new VectorIndex(96);
    const vectors = Array.from({ length: 300 }, () => randomVector(random, 96, 0.5));
    index.bulk(() => vectors.forEach((v, i) => index.addBatch([i], v, 100 + (i % 3))));
    index.remove(7);
    const copy = VectorIndex.fromSnapshot(index.snapshot(), 96)!;
    expect(copy.size).toBe(299);
    expect(copy.has(7)).toBe(false);
    const query = near(random, vectors[42]!, 0.5);
    expect(copy.search(query, 5)).toEqual(index.search(query, 5));
    expect(copy.rowIds()).toEqual(new Set([100, 101, 102]));
    // And it keeps working as an index.
    copy.add(1000, vectors[42]!);
    expect(copy.search(vectors[42]!, 2).map((r) => r.id).sort((a, b) => a - b)).toEqual([42, 1000]);
  });

  it('refuses a snapshot of another size or a damaged one', () => {
    const index = new VectorIndex(8);
    index.add(1, [1, 0, 0, 0, 0, 0, 0, 0]);
    const snapshot = index.snapshot();
    expect(VectorIndex.fromSnapshot(snapshot, 16)).toBeUndefined();
    expect(VectorIndex.fromSnapshot({ ...snapshot, codes: new Int8Array(3) }, 8)).toBeUndefined();
    expect(VectorIndex.fromSnapshot({ ...snapshot, format: 0 }, 8)).toBeUndefined();
  });
});
