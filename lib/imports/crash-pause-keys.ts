/**
 * The names the crash test and the crash-test build's pause (crash-pause.ts) share; apart, so the
 * test (in Node, where no bundler sets import.meta.env) can read them.
 */

/** Set to "1" in the Options page's localStorage by the test to ask for the pause. */
export const PAUSE_REQUEST = 'understudy-crash-test.pause-import';
/** Set on globalThis once the pause is reached: what the test waits for before it kills. */
export const PAUSE_MARKER = 'understudyCrashTestPaused';
