/**
 * The past replies a draft is chosen from. Words in common find answers to questions; praise and
 * thanks ("😍", "You're an inspiration") share few words with anything, yet the creator has
 * answered such comments many times: for those, the creator's own thank-you exchanges join the
 * candidates, so the memory engine can thank rather than answer another question.
 */
import { classifyIntent } from './intent';
import type { RetrievalIndex, RetrievalQuery, RetrievedExample } from './retrieval';

/** Words the creator's thank-you exchanges share, in the languages drafts are judged in. */
export const THANKS_QUERY =
  'thank thanks love loved means world glad grateful appreciate gracias obrigada obrigado merci danke';

export function wantsThanks(text: string): boolean {
  const intent = classifyIntent(text);
  return intent === 'praise' || intent === 'thanks';
}

/** The retrieval's candidates, plus the creator's thank-you exchanges for praise and thanks. */
export function withThanksCandidates(
  index: Pick<RetrievalIndex, 'search'>,
  query: RetrievalQuery,
  found: readonly RetrievedExample[],
  k: number,
): RetrievedExample[] {
  if (!wantsThanks(query.text)) return [...found];
  const seen = new Set(found.map((r) => r.example.id));
  const thanks = index
    .search({ text: THANKS_QUERY, ...(query.platform ? { platform: query.platform } : {}) }, k)
    .filter((r) => !seen.has(r.example.id));
  return [...found, ...thanks];
}
