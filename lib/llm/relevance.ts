/**
 * Ranks short texts (fact-sheet lines, links, offers) by how much they have to do with one
 * comment, so a fact sheet too big for the model's context gives the model the facts this
 * comment is about.
 *
 * Why not the examples' RetrievalIndex (lib/memory/retrieval.ts): it is built and persisted
 * for a 100,000-reply memory with two fields, platform and recency boosts, and typo search; here
 * the corpus is at most a few thousand lines, built afresh per draft, one field. Plain BM25
 * over the same tokenizer (so accents, case and apostrophes match the same way) is enough, and
 * costs a few milliseconds at the largest profile the schema allows.
 */
import { tokenize } from '../memory/retrieval';

const K1 = 1.2;
const B = 0.75;

/**
 * Indices of `docs`, most relevant to `query` first. Texts with no word in common keep their
 * order (the creator's own order is the best guess of what matters), after those that match.
 */
export function rankByRelevance(query: string, docs: readonly string[]): number[] {
  const queryTerms = new Set(tokenize(query));
  const order = docs.map((_, i) => i);
  if (queryTerms.size === 0 || docs.length === 0) return order;

  const termCounts = docs.map((doc) => {
    const counts = new Map<string, number>();
    for (const term of tokenize(doc)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  });
  const lengths = termCounts.map((counts) => {
    let n = 0;
    for (const c of counts.values()) n += c;
    return n;
  });
  const averageLength = lengths.reduce((a, b) => a + b, 0) / docs.length || 1;
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) {
    for (const term of counts.keys()) if (queryTerms.has(term)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }

  const scores = termCounts.map((counts, i) => {
    let score = 0;
    for (const [term, df] of documentFrequency) {
      const tf = counts.get(term);
      if (!tf) continue;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      const norm = 1 - B + (B * (lengths[i] ?? 0)) / averageLength;
      score += (idf * tf * (K1 + 1)) / (tf + K1 * norm);
    }
    return score;
  });
  return order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}
