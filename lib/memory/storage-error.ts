/**
 * What to tell the creator when a write to memory failed. IndexedDB reports a full disk as a
 * QuotaExceededError, sometimes wrapped in the AbortError of the transaction it ended (Dexie
 * keeps the cause in `inner`), so both are looked at.
 */

export const STORAGE_FULL_MESSAGE =
  'There is no room left on this computer to save the vectors. Free some disk space, then press Try again.';

function names(error: unknown): string[] {
  const found: string[] = [];
  for (let at: unknown = error, depth = 0; at && typeof at === 'object' && depth < 4; depth++) {
    const { name, inner } = at as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') found.push(name);
    at = inner;
  }
  return found;
}

/** Whether `error` (or what caused it) is the storage being full. */
export function isQuotaError(error: unknown): boolean {
  return names(error).includes('QuotaExceededError');
}

/** A sentence for the creator about a failed write of derived data. */
export function storageFailureMessage(error: unknown): string {
  if (isQuotaError(error)) return STORAGE_FULL_MESSAGE;
  const detail = error instanceof Error ? error.message : String(error);
  return `The vectors could not be saved: ${detail}`;
}
