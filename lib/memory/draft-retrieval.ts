/**
 * The past replies a draft is chosen from. Words in common find answers to questions, and so do
 * the same words in another form or a synonym ("burning the base" finds "bottoms always burn"):
 * a second search with those variants adds what the first missed. Praise and
 * thanks ("😍", "You're an inspiration") share few words with anything, yet the creator has
 * answered such comments many times: for those, the creator's own thank-you exchanges join the
 * candidates, so the memory engine can thank rather than answer another question.
 */
import { searchVariants } from './content-words';
import { classifyIntent } from './intent';
import type { RetrievalIndex, RetrievalQuery, RetrievedExample } from './retrieval';

/** Words the creator's thank-you exchanges share, in the languages drafts are judged in. */
export const THANKS_QUERY =
  'thank thanks love loved means world glad grateful appreciate gracias obrigada obrigado merci danke';

export function wantsThanks(text: string): boolean {
  const intent = classifyIntent(text);
  return intent === 'praise' || intent === 'thanks';
}

/**
 * The retrieval's candidates, plus those a search with the comment's word variants finds, plus
 * the creator's thank-you exchanges for praise and thanks.
 */
export function withThanksCandidates(
  index: Pick<RetrievalIndex, 'search'>,
  query: RetrievalQuery,
  found: readonly RetrievedExample[],
  k: number,
): RetrievedExample[] {
  const withVariants = withVariantCandidates(index, query, found, k);
  if (!wantsThanks(query.text)) return withVariants;
  return withThanks(index, query, withVariants, k);
}

/** How many of the variant search's results may join: the first search keeps the lead. */
const VARIANT_EXTRA = 4;

/**
 * Candidates only the variant search finds join after the first search's, their scores put on
 * the first search's scale (BM25 scores from different queries do not compare directly).
 */
function withVariantCandidates(
  index: Pick<RetrievalIndex, 'search'>,
  query: RetrievalQuery,
  found: readonly RetrievedExample[],
  k: number,
): RetrievedExample[] {
  const variants = searchVariants(query.text);
  if (variants.length === 0) return [...found];
  const more = index.search({ ...query, text: `${query.text} ${variants.join(' ')}` }, k);
  const seen = new Set(found.map((r) => r.example.id));
  const foundTop = Math.max(0, ...found.map((r) => r.score));
  const moreTop = Math.max(0, ...more.map((r) => r.score));
  const scale = moreTop > 0 && foundTop > 0 ? foundTop / moreTop : 1;
  const extra = more
    .filter((r) => !seen.has(r.example.id))
    .slice(0, VARIANT_EXTRA)
    .map((r) => ({ ...r, score: r.score * scale }));
  return [...found, ...extra];
}

function withThanks(
  index: Pick<RetrievalIndex, 'search'>,
  query: RetrievalQuery,
  found: readonly RetrievedExample[],
  k: number,
): RetrievedExample[] {
  const seen = new Set(found.map((r) => r.example.id));
  const thanks = index
    .search({ text: THANKS_QUERY, ...(query.platform ? { platform: query.platform } : {}), ...(query.kinds ? { kinds: query.kinds } : {}) }, k)
    .filter((r) => !seen.has(r.example.id));
  return [...found, ...thanks];
}
