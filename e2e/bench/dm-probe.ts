/**
 * Bundled into a conversation fixture page's main world (bundleForBrowser) for the DM benchmark
 * (dm-bench.ts): the site's real ConversationAdapter and the content script's real conversation
 * controller (lib/inline/conversation-controller.ts), with every adapter call counted.
 *
 * - readOnce(): what Draft reply does before anything leaves the page: adapter.read of the latest
 *   MAX_CONVERSATION_MESSAGES, then dmAnswer (the messages a draft answers).
 * - scanCost(): what the controller's scan asks of the adapter after each settled mutation batch
 *   (pageKind, panes, then paneKey and buttonHost per pane), timed over enough repetitions to be
 *   well above the page's timer resolution (100 µs outside cross-origin isolation).
 * - start() / counts(): the controller itself, observing the page as the content script does,
 *   with the adapter wrapped so the benchmark sees how often it scans and whether it ever reads
 *   while no draft is asked for.
 */
import { dmAnswer } from '../../lib/core/conversation';
import type { SiteId } from '../../lib/core/sites';
import { MAX_CONVERSATION_MESSAGES } from '../../lib/core/limits';
import { startConversations } from '../../lib/inline/conversation-controller';
import type { EditorHost } from '../../lib/inline/editor-host';
import { adapters } from '../../lib/sites/registry';
import type { ConversationAdapter } from '../../lib/sites/types';

export interface AdapterCounts {
  /** Controller scans (one adapter.panes call each). */
  scans: number;
  paneKey: number;
  buttonHost: number;
  /** Reads: must stay 0 until a draft is asked for. */
  read: number;
  /** The controller told the editor host a pane shows something new (no editor is open). */
  changed: number;
}

export interface ReadSample {
  ms: number;
  /** Messages the read returned (MAX_CONVERSATION_MESSAGES when the conversation is longer). */
  messages: number;
  /** Messages the draft would answer; 0 means dmAnswer found nothing to answer. */
  answering: number;
}

function conversationsOf(site: string): ConversationAdapter {
  const conversations = adapters.find((a) => a.site === site)?.conversations;
  if (!conversations) throw new Error(`${site} has no conversation adapter`);
  return conversations;
}

/** The open conversation Draft reply would read: the first pane showing one. */
function openPane(adapter: ConversationAdapter): HTMLElement {
  const pane = adapter.panes(document).find((p) => adapter.paneKey(p) !== null);
  if (!pane) throw new Error(`no open conversation on ${location.href}`);
  return pane;
}

export function readOnce(site: string): ReadSample {
  const adapter = conversationsOf(site);
  const pane = openPane(adapter);
  const started = performance.now();
  const read = adapter.read(pane, location.href, MAX_CONVERSATION_MESSAGES);
  const answer = read ? dmAnswer(read) : null;
  const ms = performance.now() - started;
  return { ms, messages: read?.messages.length ?? 0, answering: answer?.conversation.answering.length ?? 0 };
}

/** One scan's adapter calls, as conversation-controller.ts's scan() makes them. */
function scanOnce(adapter: ConversationAdapter): number {
  if (adapter.pageKind(new URL(location.href)) === null) return 0;
  let shown = 0;
  for (const pane of adapter.panes(document)) {
    const key = adapter.paneKey(pane) ?? '';
    if (key && adapter.buttonHost(pane)) shown += 1;
  }
  return shown;
}

/** The least time per call of `fn` in µs, over `samples` timings of as many calls as fit in `windowMs`. */
function timeLoop(fn: () => unknown, samples: number, windowMs: number): number {
  let best = Infinity;
  for (let s = 0; s < samples; s++) {
    let n = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      fn();
      n += 1;
      elapsed = performance.now() - started;
    } while (elapsed < windowMs);
    best = Math.min(best, (elapsed * 1000) / n);
  }
  return best;
}

export interface ScanCost {
  /** One whole scan's adapter calls, µs. */
  us: number;
  /** Of it: panes(document), then paneKey and buttonHost of the open pane, µs each. */
  panesUs: number;
  paneKeyUs: number;
  buttonHostUs: number;
  panes: number;
}

/**
 * The cost of one scan in µs: the least over `samples` timings (the least is what the code costs;
 * the rest is the shared machine's noise). Throws when the scan sees no conversation.
 */
export function scanCost(site: string, samples = 9, windowMs = 4): ScanCost {
  const adapter = conversationsOf(site);
  let panes = 0;
  for (let i = 0; i < 20; i++) panes = scanOnce(adapter);
  if (panes === 0) throw new Error(`the scan finds no conversation on ${location.href}`);
  const pane = openPane(adapter);
  return {
    us: timeLoop(() => scanOnce(adapter), samples, windowMs),
    panesUs: timeLoop(() => adapter.panes(document), 3, windowMs),
    paneKeyUs: timeLoop(() => adapter.paneKey(pane), 3, windowMs),
    buttonHostUs: timeLoop(() => adapter.buttonHost(pane), 3, windowMs),
    panes,
  };
}

const counts: AdapterCounts = { scans: 0, paneKey: 0, buttonHost: 0, read: 0, changed: 0 };
let lastCall = 0;

/** Starts the real controller on this page with a counting adapter and no editor host behind it. */
export function start(site: SiteId): void {
  const adapter = conversationsOf(site);
  const tick = () => (lastCall = performance.now());
  const counted: ConversationAdapter = {
    ...adapter,
    panes: (doc) => (tick(), (counts.scans += 1), adapter.panes(doc)),
    paneKey: (pane) => (tick(), (counts.paneKey += 1), adapter.paneKey(pane)),
    buttonHost: (pane) => (tick(), (counts.buttonHost += 1), adapter.buttonHost(pane)),
    read: (pane, url, max) => (tick(), (counts.read += 1), adapter.read(pane, url, max)),
  };
  const editors = {
    open: () => Promise.resolve(),
    changed: () => void (counts.changed += 1),
  } as unknown as EditorHost;
  startConversations(site, counted, editors, new AbortController().signal);
}

/** The counts since the last reset (and resets them). */
export function takeCounts(): AdapterCounts {
  const taken = { ...counts };
  counts.scans = counts.paneKey = counts.buttonHost = counts.read = counts.changed = 0;
  return taken;
}

/** Resolves once the controller has made no adapter call for `quietMs` (its scans settled). */
export function settled(quietMs = 300, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  lastCall = Math.max(lastCall, performance.now());
  return new Promise((resolve, reject) => {
    const check = () => {
      const now = performance.now();
      if (now - lastCall >= quietMs) return resolve();
      if (now > deadline) return reject(new Error('the controller kept scanning'));
      setTimeout(check, 25);
    };
    setTimeout(check, quietMs);
  });
}
