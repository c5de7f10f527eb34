/**
 * Runs the page only while the creator has its site switched on in Options. The content script
 * never reads extension storage: it asks the background at start and is told of each change
 * (protocol.ts 'site.enabled', 'site.switch'). Switched off, the page is torn down through its
 * AbortSignal: every button and editor goes, and nothing is read or reported.
 */
import { browser } from 'wxt/browser';
import type { SiteSwitchCommand } from '../messaging/protocol';

/** What the creator has switched on for this page's site. */
export interface SiteState {
  enabled: boolean;
  /** Direct messages (off until the creator turns them on for the site). */
  dms: boolean;
}

export interface SiteSwitchOptions<Page> {
  /** Starts the page (with or without its direct messages); it stops when the signal aborts. */
  start(signal: AbortSignal, state: { dms: boolean }): Page;
  /** Asks the background whether this site is on, and its direct messages. */
  ask(): Promise<SiteState>;
  signal: AbortSignal;
}

export interface SiteSwitch<Page> {
  /** The running page, or null while the site is off (or before the background answered). */
  current(): Page | null;
}

export function whileSiteOn<Page>({ start, ask, signal }: SiteSwitchOptions<Page>): SiteSwitch<Page> {
  let running: { page: Page; controller: AbortController; dms: boolean } | null = null;
  /** A change pushed by the background is newer than the answer to our question. */
  let told = false;

  function set({ enabled, dms }: SiteState): void {
    if (signal.aborted) return;
    // Turning DMs on or off restarts the page with or without them: the creator flipped a
    // switch in Options, so nothing they are writing on this page is lost (drafts are queued).
    if (running && (!enabled || running.dms !== dms)) {
      running.controller.abort();
      running = null;
    }
    if (enabled && !running) {
      const controller = new AbortController();
      running = { controller, dms, page: start(controller.signal, { dms }) };
    }
  }

  function onMessage(message: unknown): undefined {
    const command = message as SiteSwitchCommand | null;
    if (command?.type !== 'site.switch' || typeof command.enabled !== 'boolean') return undefined;
    told = true;
    set({ enabled: command.enabled, dms: command.dms === true });
    return undefined;
  }
  browser.runtime.onMessage.addListener(onMessage);

  // No answer (the extension was reloaded under this page) leaves the page off: nothing in it
  // could be drafted anyway.
  ask().then(
    (state) => {
      if (!told) set({ enabled: state.enabled, dms: state.dms === true });
    },
    () => {},
  );

  signal.addEventListener(
    'abort',
    () => {
      browser.runtime.onMessage.removeListener(onMessage);
      running?.controller.abort();
      running = null;
    },
    { once: true },
  );

  return { current: () => running?.page ?? null };
}
