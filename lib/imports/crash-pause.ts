/**
 * A pause between two chunk writes of an import, for the crash test only (e2e/crash-safety.spec.ts):
 * the test kills Chromium while an import's transaction is open, then checks memory holds the
 * replies from before the import or after it, never some of them.
 *
 * Built in only by `wxt build --mode crash-test`: Vite replaces `import.meta.env.MODE` with the
 * build's mode as a string, so in every other build CRASH_PAUSE_BUILD is `"production" ===
 * "crash-test"` and the bundler drops the branch that calls pauseBetweenChunks, and this module
 * with it. The crash spec checks the production build holds none of PAUSE_MARKER's text.
 *
 * Even in that build it pauses only when the test asked for it (PAUSE_REQUEST in the page's
 * localStorage), so the rest of that build behaves as the product does.
 */
import type { UnderstudyDB } from '../memory/db';
import { PAUSE_MARKER, PAUSE_REQUEST } from './crash-pause-keys';

// Outside a Vite build (tsx running `npm run bench`) there is no import.meta.env at all.
export const CRASH_PAUSE_BUILD: boolean = typeof import.meta.env !== 'undefined' && import.meta.env.MODE === 'crash-test';

/** Whether this import should stop between its chunk writes (test build, test asked). */
export function pauseRequested(): boolean {
  try {
    return globalThis.localStorage?.getItem(PAUSE_REQUEST) === '1';
  } catch {
    return false;
  }
}

/**
 * Holds the caller's transaction open, forever: a native IndexedDB transaction commits as soon as
 * no request is pending, so the wait is a chain of cheap reads on the meta table, not a timer.
 * The test kills the browser during it.
 */
export async function pauseBetweenChunks(db: UnderstudyDB): Promise<never> {
  (globalThis as Record<string, unknown>)[PAUSE_MARKER] = true;
  for (;;) await db.meta.get(PAUSE_REQUEST);
}
