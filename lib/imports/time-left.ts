/**
 * The import's time left, from how long it has run and the share of its work done: a straight
 * line through the progress so far. Said only once there is enough to go on (a second of work
 * and 3% done), rounded the way a person would say it, so it doesn't flicker by the second.
 */
const MIN_ELAPSED_MS = 1000;
const MIN_FRACTION = 0.03;

export function estimateMsLeft(elapsedMs: number, fraction: number): number | undefined {
  if (!(fraction >= MIN_FRACTION) || elapsedMs < MIN_ELAPSED_MS) return undefined;
  if (fraction >= 1) return 0;
  return (elapsedMs * (1 - fraction)) / fraction;
}

/** "About 40 seconds left", "About 2 minutes left", "Less than 5 seconds left", "Estimating time left…". */
export function describeTimeLeft(msLeft: number | undefined): string {
  if (msLeft === undefined) return 'Estimating time left…';
  const seconds = msLeft / 1000;
  if (seconds < 5) return 'Less than 5 seconds left';
  if (seconds < 60) return `About ${Math.ceil(seconds / 5) * 5} seconds left`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'About 1 minute left' : `About ${minutes} minutes left`;
}
