import type { ExampleRow } from './db';
import { DEFAULT_RRF_K, fuseRankings, hybridSearch, rankNeighbours, type NeighbourSearch } from './hybrid';
import { createRetrievalIndex } from './retrieval';
import { VectorIndex } from './vector-index';

const NOW = Date.UTC(2025, 5, 1);
const DAY = 24 * 60 * 60 * 1000;

/** Concepts as axes of a tiny embedding space: what a real model would put close together. */
const CONCEPTS = ['bread-rise', 'oven', 'shipping', 'thanks', 'camera'] as const;
type Concept = (typeof CONCEPTS)[number];
function meaning(...concepts: Concept[]): number[] {
  return CONCEPTS.map((c) => (concepts.includes(c) ? 1 : 0.05));
}

const rows: (ExampleRow & { concept: Concept })[] = [
  { id: 1, incoming: 'My loaf came out flat and dense', reply: 'Give the dough a longer proof somewhere warm.', source: 'import', platform: 'youtube', createdAt: NOW - 30 * DAY, concept: 'bread-rise' },
  { id: 2, incoming: 'What temperature is the oven for the loaf?', reply: '230C with the lid on.', source: 'import', platform: 'youtube', createdAt: NOW - 20 * DAY, concept: 'oven' },
  { id: 3, incoming: 'Do you ship to Canada?', reply: 'Yes, everywhere!', source: 'import', platform: 'instagram', createdAt: NOW - 10 * DAY, concept: 'shipping' },
  { id: 4, incoming: 'Love this video', reply: 'Thank you so much!', source: 'import', platform: 'youtube', createdAt: NOW - 5 * DAY, concept: 'thanks' },
  { id: 5, incoming: 'Which lens was this shot on?', reply: 'A 35mm prime.', source: 'import', platform: 'youtube', createdAt: NOW - 3 * DAY, concept: 'camera' },
];

function setup() {
  const index = createRetrievalIndex(rows, { now: () => NOW });
  const vectors = new VectorIndex(CONCEPTS.length);
  for (const row of rows) vectors.add(row.id!, meaning(row.concept));
  const neighboursOf =
    (...concepts: Concept[]): NeighbourSearch =>
    (k, accept) =>
      vectors.search(meaning(...concepts), k, { accept });
  return { index, vectors, neighboursOf };
}

describe('hybrid search', () => {
  it('ranks in a reply that means the same thing with no word in common, through the vector side', () => {
    const { index, neighboursOf } = setup();
    const query = { text: 'Why won’t my bread rise?', platform: 'youtube' as const };
    // BM25 alone: nothing shares a word with the comment, so it falls back (scored 0).
    expect(index.search(query, 3).every((r) => r.score === 0)).toBe(true);
    const results = hybridSearch(index, query, neighboursOf('bread-rise'), 3, { now: NOW });
    expect(results[0]?.example.id).toBe(1);
    expect(results[0]).toMatchObject({ semanticRank: 1 });
    expect(results[0]!.score).toBeGreaterThan(0);
    expect(results[0]!.similarity).toBeGreaterThan(0.9);
  });

  it('keeps an exact word match first when both sides agree, with a higher score than either side alone', () => {
    const { index, neighboursOf } = setup();
    const results = hybridSearch(index, { text: 'oven temperature for bread?' }, neighboursOf('oven'), 3, { now: NOW });
    expect(results[0]?.example.id).toBe(2);
    expect(results[0]).toMatchObject({ lexicalRank: 1, semanticRank: 1 });
    expect(results[0]!.score).toBeCloseTo(2 / (DEFAULT_RRF_K + 1), 6);
  });

  it('is BM25 alone when there are no vectors: same examples, same order', () => {
    const { index } = setup();
    const query = { text: 'Do you ship the oven loaf to Canada?', platform: 'instagram' as const };
    const lexical = index.search(query, 3);
    const results = hybridSearch(index, query, () => [], 3, { now: NOW });
    expect(results.map((r) => r.example.id)).toEqual(lexical.map((r) => r.example.id));
    expect(results.every((r) => r.semanticRank === undefined)).toBe(true);
  });

  it('returns BM25’s no-match fallback, scored 0, when neither side has evidence', () => {
    const { index } = setup();
    const query = { text: '🔥🔥🔥', platform: 'youtube' as const };
    // Every neighbour is too dissimilar to count.
    const far: NeighbourSearch = () => [{ id: 5, similarity: 0.1 }];
    const results = hybridSearch(index, query, far, 3, { now: NOW });
    expect(results.map((r) => r.example.id)).toEqual(index.search(query, 3).map((r) => r.example.id));
    expect(results.every((r) => r.score === 0)).toBe(true);
  });

  it('never returns a vector hit whose reply is gone from memory', () => {
    const { index, vectors, neighboursOf } = setup();
    vectors.add(99, meaning('bread-rise'));
    const results = hybridSearch(index, { text: 'bread will not rise' }, neighboursOf('bread-rise'), 8, { now: NOW });
    expect(results.some((r) => r.example.id === 99)).toBe(false);
  });
});

describe('fuseRankings', () => {
  const example = (id: number, platform: ExampleRow['platform'] = 'youtube', createdAt = NOW): ExampleRow => ({
    id,
    reply: `reply ${id}`,
    source: 'import',
    platform,
    createdAt,
  });

  it('scores each list by reciprocal rank, so an item high in both beats items high in one', () => {
    const lexical = [example(1), example(2), example(3)].map((e, i) => ({ example: e, score: 10 - i }));
    const neighbours = [example(3), example(4)].map((e, i) => ({ example: e, similarity: 0.9 - i / 10 }));
    const fused = fuseRankings(lexical, neighbours, 4);
    expect(fused.map((r) => r.example.id)).toEqual([3, 1, 2, 4]);
    expect(fused[0]!.score).toBeCloseTo(1 / 63 + 1 / 61, 9);
  });

  it('weights the two sides as asked', () => {
    const lexical = [{ example: example(1), score: 5 }];
    const neighbours = [{ example: example(2), similarity: 0.8 }];
    expect(fuseRankings(lexical, neighbours, 2, { semanticWeight: 2 }).map((r) => r.example.id)).toEqual([2, 1]);
    expect(fuseRankings(lexical, neighbours, 2, { semanticWeight: 0.5 }).map((r) => r.example.id)).toEqual([1, 2]);
  });

  it('among equally close neighbours prefers the comment’s platform, then the newer reply', () => {
    const byId = new Map([example(1, 'instagram', NOW - 400 * DAY), example(2, 'youtube', NOW - 400 * DAY), example(3, 'youtube', NOW)].map((e) => [e.id!, e]));
    const hits = [1, 2, 3].map((id) => ({ id, similarity: 0.8 }));
    const ranked = rankNeighbours(hits, (id) => byId.get(id), { platform: 'youtube', now: NOW });
    expect(ranked.map((r) => r.example.id)).toEqual([3, 2, 1]);
    // A clearly closer reply still wins over the platform nudge.
    const closer = rankNeighbours([{ id: 1, similarity: 0.9 }, { id: 3, similarity: 0.8 }], (id) => byId.get(id), { platform: 'youtube', now: NOW });
    expect(closer[0]?.example.id).toBe(1);
  });
});
