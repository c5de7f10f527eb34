/**
 * Draft quality and its cost, in plain node (no browser): the memory engine scored on the
 * held-out half of the hand-labelled evaluation sets (lib/drafting/eval), the time fit and
 * intent take for one draft, and a memory-engine draft end to end over 100,000 examples.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommentContext } from '../../lib/core/draft';
import { runEval, score, type EvalProfile, type EvalSet } from '../../lib/drafting/eval/score';
import { draftFromMemory } from '../../lib/llm/memory-engine';
import { withThanksCandidates } from '../../lib/memory/draft-retrieval';
import { judgeCandidates, readComment } from '../../lib/memory/fit';
import { createRetrievalIndex } from '../../lib/memory/retrieval';
import { detectStyleHabits } from '../../lib/memory/style';
import { syntheticExamples } from './memory-bench';
import { summarize, type Stat } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const K = 8;

function load(name: string): { set: EvalSet; profile: EvalProfile } {
  const set = JSON.parse(readFileSync(path.join(ROOT, 'lib/drafting/eval', name), 'utf8')) as EvalSet;
  const profile = JSON.parse(readFileSync(path.join(ROOT, set.profile), 'utf8')) as EvalProfile;
  return { set, profile };
}

const share = (value: number): Stat => ({ median: value * 100, p95: value * 100, unit: '%', runs: 1 });

export async function runQualityBench({ examples = 100_000 }: { examples?: number } = {}): Promise<Record<string, Stat>> {
  const results: Record<string, Stat> = {};
  for (const [label, file] of [
    ['sample', 'sample-eval.json'],
    ['terse', 'terse-eval.json'],
  ] as const) {
    const { set, profile } = load(file);
    const s = score(await runEval(set, profile, true));
    const n = `quality ${label} (${s.items} held-out)`;
    results[`${n}: answerable drafted with a fitting reply (goal ≥ 85)`] = share(s.fittingShare);
    results[`${n}: abstention precision (goal ≥ 90)`] = share(s.abstentionPrecision);
    results[`${n}: abstention recall (goal ≥ 90)`] = share(s.abstentionRecall);
    results[`${n}: shown as fitting but not (goal ≤ 3)`] = { ...share(s.wrongFitsShare), budget: 3 };
  }

  // Fit and intent for one draft: read the comment, judge its candidates.
  const { set, profile } = load('sample-eval.json');
  const rows = profile.examples.map((e, i) => ({
    id: i + 1,
    reply: e.reply,
    ...(e.incoming ? { incoming: e.incoming } : {}),
    source: 'import' as const,
    createdAt: 0,
    language: 'en',
  }));
  const small = createRetrievalIndex(rows);
  const prepared = set.items.map((item) => {
    const query = { text: item.text, platform: 'youtube' as const };
    return { item, candidates: withThanksCandidates(small, query, small.search(query, K), K) };
  });
  const fitTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const { item, candidates } of prepared) {
      const start = performance.now();
      judgeCandidates(readComment(item.text, item.parent), candidates);
      fitTimes.push(performance.now() - start);
    }
  }
  results['fit + intent, one draft'] = summarize(fitTimes, 'ms', 2);

  // A memory-engine draft end to end over a large memory: retrieval, fit, adaptation.
  const big = syntheticExamples(examples).map((e, i) => ({ ...e, id: i + 1 }));
  const index = createRetrievalIndex(big);
  const habits = detectStyleHabits(big.slice(0, 1000).map((e) => e.reply));
  const draftTimes: number[] = [];
  for (const item of set.items.slice(0, 60)) {
    const comment: CommentContext = {
      site: 'youtube',
      commentId: item.text,
      author: 'Robin',
      text: item.text,
      pageUrl: 'https://www.youtube.com/watch?v=bench',
    };
    const start = performance.now();
    const query = { text: item.text, platform: comment.site };
    const candidates = withThanksCandidates(index, query, index.search(query, K), K);
    await draftFromMemory({ comment, profile: undefined, facts: [], examples: candidates }, { habits });
    draftTimes.push(performance.now() - start);
  }
  results[`memory-engine draft, ${examples.toLocaleString('en')} examples`] = summarize(draftTimes, 'ms', 150);
  return results;
}
