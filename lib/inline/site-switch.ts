/**
 * Runs the page only while the creator has its site switched on in Options. The content script
 * never reads extension storage: it asks the background at start and is told of each change
 * (protocol.ts 'site.enabled', 'site.switch'). Switched off, the page is torn down through its
 * AbortSignal: every button and editor goes, and nothing is read or reported.
 */
import { browser } from 'wxt/browser';
import type { SiteSwitchCommand } from '../messaging/protocol';

export interface SiteSwitchOptions<Page> {
  /** Starts the page; it stops when the signal aborts. */
  start(signal: AbortSignal): Page;
  /** Asks the background whether this site is on. */
  ask(): Promise<{ enabled: boolean }>;
  signal: AbortSignal;
}

export interface SiteSwitch<Page> {
  /** The running page, or null while the site is off (or before the background answered). */
  current(): Page | null;
}

export function whileSiteOn<Page>({ start, ask, signal }: SiteSwitchOptions<Page>): SiteSwitch<Page> {
  let running: { page: Page; controller: AbortController } | null = null;
  /** A change pushed by the background is newer than the answer to our question. */
  let told = false;

  function set(on: boolean): void {
    if (signal.aborted) return;
    if (on && !running) {
      const controller = new AbortController();
      running = { controller, page: start(controller.signal) };
    } else if (!on && running) {
      running.controller.abort();
      running = null;
    }
  }

  function onMessage(message: unknown): undefined {
    const command = message as SiteSwitchCommand | null;
    if (command?.type !== 'site.switch' || typeof command.enabled !== 'boolean') return undefined;
    told = true;
    set(command.enabled);
    return undefined;
  }
  browser.runtime.onMessage.addListener(onMessage);

  // No answer (the extension was reloaded under this page) leaves the page off: nothing in it
  // could be drafted anyway.
  ask().then(
    ({ enabled }) => {
      if (!told) set(enabled);
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
