/** Medians and 95th percentiles: what every benchmark here reports. */
export interface Stat {
  median: number;
  p95: number;
  unit: string;
  /** The budget from the issue, when there is one (same unit). */
  budget?: number;
  runs?: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function summarize(samples: readonly number[], unit: string, budget?: number): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), unit, budget, runs: samples.length };
}
