import { describe, expect, it } from 'vitest';
import type { DraftResult, FitLevel } from '../../core/draft';
import { heldOutItems, modelOutcome } from './model-score';
import { score, type EvalItem } from './score';

const item = (answers: number[], heldOut = true): EvalItem => ({ text: 'How long to proof?', language: 'en', intent: 'question', answers, heldOut });
const draft = (text: string, level?: FitLevel): DraftResult => ({
  text,
  engine: 'webllm',
  exampleIds: [],
  ...(level ? { fit: { level, reasons: [] } } : {}),
});

describe('modelOutcome', () => {
  it('counts a fitting draft for an answerable comment as drafted with a fitting reply', () => {
    const s = score([modelOutcome(item([3, 5]), draft('About four hours.', 'fits'))]);
    expect(s).toMatchObject({ answerable: 1, fittingShare: 1, shownFits: 1, wrongFitsShare: 0 });
  });

  it('counts a fitting draft where none fits as a wrong fit, and not as an abstention', () => {
    const s = score([modelOutcome(item([]), draft('About four hours.', 'fits'))]);
    expect(s).toMatchObject({ shownFits: 1, wrongFitsShare: 1, abstentionRecall: 0 });
  });

  it("treats a draft judged 'none', or an empty draft, as abstaining", () => {
    const s = score([modelOutcome(item([]), draft('Nice!', 'none')), modelOutcome(item([2]), draft('  ', 'fits'))]);
    expect(s).toMatchObject({ abstentionRecall: 1, abstentionPrecision: 0.5, fittingShare: 0, shownFits: 0 });
  });

  it("counts a 'partly' draft as neither a fitting reply nor an abstention nor a shown fit", () => {
    const s = score([modelOutcome(item([1]), draft('Depends on the kitchen.', 'partly')), modelOutcome(item([]), draft('', 'none'))]);
    expect(s).toMatchObject({ fittingShare: 0, abstentionPrecision: 1, abstentionRecall: 1, shownFits: 0 });
  });
});

describe('heldOutItems', () => {
  const set = { profile: 'p.json', items: [item([1], false), item([2]), item([3]), item([4])] };
  it('keeps only held-out items, capped, in order', () => {
    expect(heldOutItems(set).map((i) => i.answers[0])).toEqual([2, 3, 4]);
    expect(heldOutItems(set, 2).map((i) => i.answers[0])).toEqual([2, 3]);
  });
});
