import { STEERS } from '../core/steers';
import type { DraftResult, FitLevel } from '../core/draft';
import { siteName } from '../core/sites';

export { siteName };

/** Says plainly which engine wrote a draft: a creator should always know. */
export function engineLabel(result: Pick<DraftResult, 'engine' | 'model'>): string {
  if (result.engine === 'memory') return 'From your past replies';
  if (result.engine === 'builtin') return "Browser's built-in model";
  return result.model ? `Model: ${result.model}` : 'AI model';
}

export const STEER_OPTIONS = [{ value: '', label: 'As usual' }, ...STEERS.map((s) => ({ value: s.id, label: s.label }))];

/** How well a draft answers the comment, in the creator's words. */
export function fitLabel(level: FitLevel): string {
  return level === 'fits' ? 'Fits the question' : level === 'partly' ? 'Partly' : "Doesn't answer this";
}

/** "0.8 s to first token · 31 tokens/s", for drafts a model wrote; empty otherwise. */
export function metricsLabel(result: Pick<DraftResult, 'metrics'>): string {
  const m = result.metrics;
  if (!m) return '';
  const ttft = m.timeToFirstTokenMs >= 1000 ? `${(m.timeToFirstTokenMs / 1000).toFixed(1)} s` : `${Math.round(m.timeToFirstTokenMs)} ms`;
  return `${ttft} to first token · ${Math.round(m.decodeTokensPerSecond)} tokens/s`;
}
