/**
 * Scores a model engine (WebLLM, the browser's built-in model) with score.ts's figures, for
 * `npm run bench:model`. A model writes new text instead of choosing a past reply, so "which
 * example was chosen" is read from the fit judgement the pipeline gives its draft
 * (judgeDraftFit): 'none' or no text is an abstention, 'fits' counts as drafting with a fitting
 * reply when the labels say one exists and as a wrong fit when they say none does, and
 * 'partly' is a draft that is neither. Pure: the unit test and the bench call it.
 */
import type { DraftResult } from '../../core/draft';
import type { EvalItem, EvalSet, Outcome } from './score';

/** Stands for "a reply, but none of the labelled ones": never in an item's labels. */
const NOT_A_LABELLED_ANSWER = -1;

/** The held-out items of a set, at most `cap` of them (a bounded run), in the set's order. */
export function heldOutItems(set: EvalSet, cap = Infinity): EvalItem[] {
  return set.items.filter((item) => item.heldOut).slice(0, Math.max(0, cap));
}

export function modelOutcome(item: EvalItem, draft: DraftResult): Outcome {
  const level = draft.text.trim() ? draft.fit?.level ?? 'none' : 'none';
  // A model may answer in any language, so the labels stand as written (unlike the memory engine).
  const expected = item.answers;
  const outcome: Outcome = { item, expected, draft };
  if (level === 'none') return outcome;
  const fitting = level === 'fits' && expected.length > 0;
  return { ...outcome, chosen: fitting ? expected[0]! : NOT_A_LABELLED_ANSWER };
}
