import type { DraftResult, FitLevel } from './draft';
import { siteName } from './sites';

export { siteName };

/** Shown on drafts and in Options; Chrome does not say which model it ships. */
export const BUILTIN_MODEL_LABEL = "Browser's built-in model";

/** Says plainly which engine wrote a draft: a creator should always know. */
export function engineLabel(result: Pick<DraftResult, 'engine' | 'model'>): string {
  if (result.engine === 'memory') return 'From your past replies';
  if (result.engine === 'builtin') return BUILTIN_MODEL_LABEL;
  return result.model ? `Model: ${result.model}` : 'AI model';
}


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
