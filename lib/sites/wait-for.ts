/**
 * Waiting for a site to render something after a click (its reply box after Reply): a
 * MutationObserver on the nearest stable root, checked on every change, given up after a
 * timeout so a site that changed its markup ends in a clear "couldn't find the reply box"
 * rather than a hang.
 */

/** How long openComposer waits for a site to render the reply box after clicking Reply. */
export const COMPOSER_TIMEOUT_MS = 2_000;

const CHILDREN: MutationObserverInit = { childList: true, subtree: true };

/**
 * Resolves with `check()`'s first non-null answer, now or after a change under `root`, or null
 * after `timeoutMs`. `watch` adds what else may reveal it (an attribute such as `hidden`).
 */
export function waitFor<T>(
  root: Node,
  check: () => T | null,
  timeoutMs: number = COMPOSER_TIMEOUT_MS,
  watch: MutationObserverInit = CHILDREN,
): Promise<T | null> {
  return new Promise((done) => {
    const first = check();
    if (first) return done(first);
    const observer = new MutationObserver(() => {
      const found = check();
      if (found) finish(found);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(value: T | null) {
      observer.disconnect();
      clearTimeout(timer);
      done(value);
    }
    observer.observe(root, { ...CHILDREN, ...watch });
  });
}
