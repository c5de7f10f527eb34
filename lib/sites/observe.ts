/**
 * Finding comments as the page grows. Pages hold thousands of comments and add them in bursts
 * (lazy loading, "show replies", SPA navigation), so added nodes are collected and scanned once
 * per animation frame, with no layout reads and one shared callback for every mutation.
 */
import type { FoundComment, SeenComment, SiteAdapter } from './types';

/** Understudy's own UI hosts (buttons, editors) are named understudy-*: never site content. */
const OWN_UI_PREFIX = 'understudy-';

/** Added nodes in one frame beyond which a whole-root scan is cheaper. */
const BURST_NODES = 200;

/** Name of the performance measure recorded for every scanned batch. */
export const BATCH_MEASURE = 'understudy:comment-batch';

export interface CommentObserver {
  /** Scan the whole root again (after SPA navigation); reports only what changed. */
  rescan(): void;
}

/** Every comment under `root` that the adapter can read. Pure apart from reading the DOM. */
export function scanComments(adapter: SiteAdapter, root: Document | Element, pageUrl: string): FoundComment[] {
  const found: FoundComment[] = [];
  if (root instanceof Element && root.matches(adapter.commentSelector)) read(adapter, root as HTMLElement, pageUrl, found);
  const all = root.querySelectorAll<HTMLElement>(adapter.commentSelector);
  for (let i = 0; i < all.length; i++) read(adapter, all[i]!, pageUrl, found);
  return found;
}

function read(adapter: SiteAdapter, element: HTMLElement, pageUrl: string, out: FoundComment[]): void {
  const comment = adapter.readComment(element, pageUrl);
  if (comment) out.push({ element, comment });
}

function schedule(doc: Document, run: () => void): () => void {
  const view = doc.defaultView;
  // Frames do not run in background tabs; a timer keeps the queue from piling up there.
  if (view?.requestAnimationFrame && doc.visibilityState !== 'hidden') {
    const id = view.requestAnimationFrame(run);
    return () => view.cancelAnimationFrame(id);
  }
  const id = setTimeout(run, 100);
  return () => clearTimeout(id);
}

/**
 * Report every readable comment under `root` once: an initial scan now, then new ones as they
 * are added, batched per frame. A node the site recycles for a different comment (virtualized
 * lists, SPA navigation) is reported again with its new content. Stops when `signal` aborts.
 */
export function observeComments(
  adapter: SiteAdapter,
  root: Document | Element,
  onFound: (found: SeenComment[]) => void,
  signal: AbortSignal,
  /**
   * Whether the page shows comments to reply to now (its URL's page kind): on a site's home or
   * search page nothing is scanned. Asked once per batch, never per comment.
   */
  active: () => boolean = () => true,
): CommentObserver {
  const doc = root instanceof Element ? root.ownerDocument : root;
  const view = doc.defaultView;
  const selector = adapter.commentSelector;
  /** The comment id each element was last reported with. */
  const reported = new WeakMap<Element, string>();
  let pendingNodes: Node[] = [];
  let pendingFull = false;
  let cancelFrame: (() => void) | null = null;

  function consider(element: HTMLElement, out: SeenComment[], seen: Set<Element> | null): void {
    if (seen) {
      if (seen.has(element)) return;
      seen.add(element);
    }
    const key = adapter.commentKey(element);
    if (!key) {
      // A node reported before shows nothing to reply to now (a virtualized row reused for a
      // deleted comment): report it with an empty key, so its button and editor go.
      if (reported.delete(element)) out.push({ element, key: '', host: adapter.buttonHost(element) ?? element });
      // Else nothing to reply to yet (e.g. text not rendered): leave it for a later batch.
      return;
    }
    if (key === reported.get(element)) return;
    reported.set(element, key);
    // The button's place is found now, while this comment's nodes are still in the CPU cache:
    // a second pass over 2,000 threads meets every one of them cold again (measured: about
    // 5 ms of a 2,000-thread first scan).
    out.push({ element, key, host: adapter.buttonHost(element) ?? element });
  }

  function flush(): void {
    cancelFrame = null;
    if (signal.aborted) return;
    if (!active()) {
      // Nothing to read here; a navigation back to a comments page rescans in full.
      pendingNodes = [];
      pendingFull = false;
      return;
    }
    const started = performance.now();
    const full = pendingFull;
    const out: SeenComment[] = [];
    const seen = new Set<Element>();
    // A burst (first render, a long page of replies) is cheaper as one query over the root than
    // as a query per added node.
    if (pendingFull || pendingNodes.length > BURST_NODES) {
      // querySelectorAll lists each element once: no need to track what this pass has seen.
      const all = root.querySelectorAll<HTMLElement>(selector);
      for (let i = 0; i < all.length; i++) consider(all[i]!, out, null);
      if (root instanceof Element && root.matches(selector)) consider(root as HTMLElement, out, seen);
    } else {
      const parents = new Set<Element>();
      for (const node of pendingNodes) {
        if (node.nodeType !== 1) {
          if (node.parentElement) parents.add(node.parentElement);
          continue;
        }
        const element = node as HTMLElement;
        if (!element.isConnected || element.localName.startsWith(OWN_UI_PREFIX)) continue;
        if (element.matches(selector)) consider(element, out, seen);
        const inner = element.querySelectorAll<HTMLElement>(selector);
        for (let i = 0; i < inner.length; i++) consider(inner[i]!, out, seen);
        if (element.parentElement) parents.add(element.parentElement);
      }
      // Content filled into a comment that was added empty: the comment itself was not added
      // in this batch, so find it from where the new content landed.
      for (const parent of parents) {
        const host = parent.closest<HTMLElement>(selector);
        if (host) consider(host, out, seen);
      }
    }
    pendingNodes = [];
    pendingFull = false;
    if (out.length) onFound(out);
    // One User Timing entry per batch (scan + the caller's work on it): visible in DevTools'
    // performance panel and read by `npm run bench`.
    performance.measure(BATCH_MEASURE, { start: started, detail: { comments: out.length, full } });
  }

  function request(): void {
    if (!cancelFrame && !signal.aborted) cancelFrame = schedule(doc, flush);
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // A row reused in place gets its new text as text-node writes (React sets nodeValue).
      if (record.type === 'characterData') {
        pendingNodes.push(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        // Our own buttons and editors are never comments: don't let them count as a burst.
        if ((node as Element).localName?.startsWith(OWN_UI_PREFIX)) continue;
        pendingNodes.push(node);
      }
    }
    if (pendingNodes.length) request();
  });

  function rescan(): void {
    pendingFull = true;
    request();
  }

  if (signal.aborted) return { rescan() {} };

  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const targets: EventTarget[] = view ? [doc, view] : [doc];
  for (const event of adapter.navigationEvents) {
    for (const target of targets) target.addEventListener(event, rescan, { signal });
  }
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancelFrame?.();
      cancelFrame = null;
      pendingNodes = [];
    },
    { once: true },
  );

  // Initial scan, synchronously: the page may already hold every comment it will show.
  pendingFull = true;
  flush();

  return { rescan };
}
