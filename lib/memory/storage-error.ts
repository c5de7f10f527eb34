/**
 * What to tell the creator when a write to memory failed. IndexedDB reports a full disk as a
 * QuotaExceededError, sometimes wrapped in the AbortError of the transaction it ended (Dexie
 * keeps the cause in `inner`), so both are looked at.
 */

/** The sentence for a write the full disk refused: what could not be saved, and what to do next. */
export function storageFullMessage(what: string, then: string): string {
  return `There is no room left on this computer to save ${what}. Free some disk space, then ${then}.`;
}

export const STORAGE_FULL_MESSAGE = storageFullMessage('the vectors', 'press Try again');

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

/**
 * A full-disk error as the creator should read it: an error with `message` (still named
 * QuotaExceededError, its cause kept). Any other error is returned as it was.
 */
export function explainStorageFull(error: unknown, message: string): unknown {
  if (!isQuotaError(error)) return error;
  const explained = new Error(message, { cause: error });
  explained.name = 'QuotaExceededError';
  return explained;
}

/** A sentence for the creator about a failed write of derived data. */
export function storageFailureMessage(error: unknown): string {
  if (isQuotaError(error)) return STORAGE_FULL_MESSAGE;
  const detail = error instanceof Error ? error.message : String(error);
  return `The vectors could not be saved: ${detail}`;
}
