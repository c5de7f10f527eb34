/**
 * Hybrid retrieval: the BM25 ranking (words in common) fused with the embedding ranking
 * (meaning in common), so a past reply to "my loaf came out flat and dense" is found for
 * "why won't my bread rise?" although they share no word, while exact matches still lead.
 *
 * Fusion is reciprocal rank fusion (Cormack et al., 2009): each list gives an item
 * weight / (K + rank). It needs no calibration between BM25 scores (unbounded, corpus-dependent)
 * and cosine similarities (model-dependent), and an item near the top of either list makes the
 * top k. Pure: the caller brings both lists.
 */
import type { SiteId } from '../core/sites';
import type { ExampleRow } from './db';
import type { RetrievalQuery, RetrievedExample } from './retrieval';
import type { VectorHit } from './vector-index';

export interface FusionOptions {
  /** RRF's K: larger flattens the difference between ranks. 60 is the paper's value. */
  rrfK?: number;
  lexicalWeight?: number;
  semanticWeight?: number;
  /**
   * Vector neighbours less similar than this are not evidence: the nearest reply to an
   * unrelated comment is still "nearest". A starting guess for Arctic Embed with its query
   * prefix, where unrelated texts score around 0.2–0.3; to be tuned on real vectors.
   */
  minSimilarity?: number;
  /** The comment's platform: among equally similar replies, prefer ones written there. */
  platform?: SiteId;
  /** Clock for the recency nudge. */
  now?: number;
}

export interface HybridResult extends RetrievedExample {
  /** 1-based rank in the BM25 list, when it was there. */
  lexicalRank?: number;
  /** 1-based rank among vector neighbours, when it was there. */
  semanticRank?: number;
  similarity?: number;
}

export const DEFAULT_RRF_K = 60;
export const DEFAULT_MIN_SIMILARITY = 0.35;
/** Platform and recency only break near-ties among neighbours: BM25 applies them in full. */
const SAME_PLATFORM_NUDGE = 0.02;
const RECENCY_NUDGE = 0.02;
const HALF_LIFE_MS = 365.25 * 24 * 60 * 60 * 1000;

/** Neighbours worth counting, re-ordered by similarity plus the platform and recency nudges. */
export function rankNeighbours(
  hits: readonly VectorHit[],
  lookup: (id: number) => ExampleRow | undefined,
  options: FusionOptions = {},
): { example: ExampleRow; similarity: number }[] {
  const min = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
  const now = options.now ?? Date.now();
  const ranked: { example: ExampleRow; similarity: number; key: number }[] = [];
  for (const hit of hits) {
    if (hit.similarity < min) continue;
    const example = lookup(hit.id);
    if (!example) continue;
    const age = Math.max(0, now - example.createdAt);
    const key =
      hit.similarity +
      (options.platform !== undefined && example.platform === options.platform ? SAME_PLATFORM_NUDGE : 0) +
      RECENCY_NUDGE * Math.pow(0.5, age / HALF_LIFE_MS);
    ranked.push({ example, similarity: hit.similarity, key });
  }
  ranked.sort((a, b) => b.key - a.key);
  return ranked.map(({ example, similarity }) => ({ example, similarity }));
}

/**
 * The k best of both lists by reciprocal rank fusion, best first, each with its fused score.
 * BM25 results scored 0 are its no-match fallback, not evidence: when neither list has any
 * evidence, that fallback is returned as it is (score 0 tells engines nothing matched closely).
 */
export function fuseRankings(
  lexical: readonly RetrievedExample[],
  neighbours: readonly { example: ExampleRow; similarity: number }[],
  k: number,
  options: FusionOptions = {},
): HybridResult[] {
  const rrfK = options.rrfK ?? DEFAULT_RRF_K;
  const lexicalWeight = options.lexicalWeight ?? 1;
  const semanticWeight = options.semanticWeight ?? 1;
  const matched = lexical.filter((r) => r.score > 0);
  if (matched.length === 0 && neighbours.length === 0) return lexical.slice(0, k).map((r) => ({ ...r }));

  const fused = new Map<number | ExampleRow, HybridResult>();
  const keyOf = (example: ExampleRow) => example.id ?? example;
  matched.forEach((r, i) => {
    fused.set(keyOf(r.example), { example: r.example, score: lexicalWeight / (rrfK + i + 1), lexicalRank: i + 1 });
  });
  neighbours.forEach((n, i) => {
    const key = keyOf(n.example);
    const contribution = semanticWeight / (rrfK + i + 1);
    const seen = fused.get(key);
    if (seen) {
      seen.score += contribution;
      seen.semanticRank = i + 1;
      seen.similarity = n.similarity;
    } else {
      fused.set(key, { example: n.example, score: contribution, semanticRank: i + 1, similarity: n.similarity });
    }
  });
  return [...fused.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.lexicalRank ?? Infinity) - (b.lexicalRank ?? Infinity) ||
        (b.similarity ?? -1) - (a.similarity ?? -1),
    )
    .slice(0, k);
}

/** What hybrid search needs of the BM25 index. */
export interface LexicalIndex {
  search(query: RetrievalQuery, k: number): RetrievedExample[];
  get(id: number): ExampleRow | undefined;
}

/** A row of the kinds the query asks for (absent kind: a comment reply; absent kinds: any). */
function ofKinds(example: ExampleRow | undefined, query: RetrievalQuery): example is ExampleRow {
  return example !== undefined && (!query.kinds || query.kinds.includes(example.kind ?? 'comment'));
}

/** Vector neighbours of one query: `accept` limits them to replies that still exist. */
export type NeighbourSearch = (k: number, accept: (id: number) => boolean) => VectorHit[];

/** BM25 candidates before fusion: enough that a good item ranked ~20th there still counts. */
export const FUSION_POOL = 50;
/**
 * Vector neighbours before fusion: fewer, since they cost more to find and, alone, one ranked
 * below ~30th gets too little from RRF to reach the top 8.
 */
export const SEMANTIC_POOL = 32;

/** BM25 and vector search for one comment, fused: the top k with their scores. */
export function hybridSearch(
  index: LexicalIndex,
  query: RetrievalQuery,
  neighbours: NeighbourSearch,
  k: number,
  options: Omit<FusionOptions, 'platform'> = {},
): HybridResult[] {
  const lexical = index.search(query, Math.max(k, FUSION_POOL));
  // Vector neighbours obey the same kinds as BM25: a DM reply never joins a comment's draft.
  const lookup = (id: number) => {
    const example = index.get(id);
    return ofKinds(example, query) ? example : undefined;
  };
  const hits = neighbours(Math.max(k, SEMANTIC_POOL), (id) => lookup(id) !== undefined);
  const ranked = rankNeighbours(hits, lookup, { ...options, ...(query.platform ? { platform: query.platform } : {}) });
  return fuseRankings(lexical, ranked, k, options);
}
