/**
 * The claim guard against its labelled corpus (lib/guard/corpus): precision and recall of the
 * flags on the held-out half, overall and per kind, each at least 0.9 (issue 13). The rules were
 * tuned on the 'tune' half only. Prints the table; GUARD_EVAL_SPLIT=tune scores the tune half and
 * GUARD_EVAL_VERBOSE=1 lists every miss and false flag.
 *
 *   npx vitest run lib/guard/eval.test.ts
 */
import { GUARD_FLAG_KINDS } from '../core/guard';
import { contextFor, loadDrafts, loadProfiles, score, type Score } from './corpus.testutil';
import { guardDraft } from './guard';

const split = process.env.GUARD_EVAL_SPLIT === 'tune' ? 'tune' : 'heldout';
const profiles = loadProfiles();
const drafts = loadDrafts();
const items = drafts.filter((d) => d.split === split);
const { byKind, outcomes } = score(items, (item) => guardDraft(item.draft, contextFor(profiles[item.profile]!, item)));

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const precision = (s: Score) => ratio(s.correctPredicted, s.predicted);
const recall = (s: Score) => ratio(s.found, s.expected);
const overall: Score = Object.values(byKind).reduce(
  (a, s) => ({ predicted: a.predicted + s.predicted, correctPredicted: a.correctPredicted + s.correctPredicted, expected: a.expected + s.expected, found: a.found + s.found }),
  { predicted: 0, correctPredicted: 0, expected: 0, found: 0 },
);

const rows = [...GUARD_FLAG_KINDS.map((k) => [k, byKind[k]] as const), ['overall', overall] as const];
const table = [
  `claim guard, ${split} split: ${items.length} of ${drafts.length} drafts (${new Set(items.map((i) => i.language)).size} languages)`,
  'kind       expected  flagged  precision  recall',
  ...rows.map(([k, s]) => `${k.padEnd(10)} ${String(s.expected).padStart(8)} ${String(s.predicted).padStart(8)} ${precision(s).toFixed(3).padStart(10)} ${recall(s).toFixed(3).padStart(7)}`),
].join('\n');
console.log(table);
if (process.env.GUARD_EVAL_VERBOSE) {
  for (const o of outcomes) {
    if (!o.falsePositives.length && !o.missed.length) continue;
    console.log(`${o.item.id} ${JSON.stringify(o.item.draft)}\n  false: ${o.falsePositives.map((f) => `${f.kind}:${JSON.stringify(f.text)}`).join(', ')}\n  missed: ${o.missed.map((m) => `${m.kind}:${JSON.stringify(m.text)}`).join(', ')}`);
  }
}

describe(`the claim guard on the ${split} half of its corpus`, () => {
  it('has at least 300 labelled drafts, half of them held out', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(300);
    const heldout = drafts.filter((d) => d.split === 'heldout').length;
    expect(Math.abs(heldout - drafts.length / 2)).toBeLessThanOrEqual(drafts.length * 0.02);
  });

  it('flags with precision and recall of at least 0.9 overall', () => {
    expect(precision(overall)).toBeGreaterThanOrEqual(0.9);
    expect(recall(overall)).toBeGreaterThanOrEqual(0.9);
  });

  it.each(GUARD_FLAG_KINDS)('flags %s with precision and recall of at least 0.9', (kind) => {
    expect(byKind[kind].expected).toBeGreaterThan(0);
    expect({ kind, precision: precision(byKind[kind]) }).toEqual({ kind, precision: expect.any(Number) });
    expect(precision(byKind[kind])).toBeGreaterThanOrEqual(0.9);
    expect(recall(byKind[kind])).toBeGreaterThanOrEqual(0.9);
  });
});
