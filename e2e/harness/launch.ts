/**
 * Launches Chromium with the production build of Understudy loaded, serving fixture pages at
 * the real site URLs and aborting (and recording) every other request, so the manifest's real
 * match patterns are what is tested and any attempt to reach the network is caught.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium';
import { routeSites } from './routes';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const EXTENSION_PATH = path.join(ROOT, process.env.UNDERSTUDY_OUT_DIR ?? '.output', 'chrome-mv3');

export interface Session {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Requests that were aborted because they left the fixture sites. */
  blocked: string[];
  extensionUrl(page: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** More Chromium flags, e.g. `--enable-unsafe-webgpu` for a software WebGPU adapter. */
  extraArgs?: string[];
  /** A build other than EXTENSION_PATH (the crash test's own build). */
  extensionPath?: string;
  /** A profile folder the caller owns and keeps (a relaunch on the same profile); a fresh one by default. */
  userDataDir?: string;
  /**
   * Keep the welcome tab the extension opens on install. By default it is closed as soon as it
   * opens, so it can't take the front (the "active tab") from a test's own pages halfway in.
   */
  keepWelcome?: boolean;
}

/** How long a fresh profile's welcome tab may take to open (a relaunched profile opens none). */
const WELCOME_WAIT_MS = 5_000;

async function closeWelcomeTab(context: BrowserContext, extensionId: string): Promise<void> {
  const welcome = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + WELCOME_WAIT_MS;
  while (Date.now() < deadline) {
    const page = context.pages().find((p) => p.url().startsWith(welcome));
    if (page) return page.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Session> {
  const extensionPath = options.extensionPath ?? EXTENSION_PATH;
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionPath}. Run \`npm run build\` first.`);
  }
  // Service workers' requests are routed too, so the extension's background is watched as well.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'understudy-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args: [...chromiumArgs(extensionPath), ...(options.extraArgs ?? [])],
    viewport: { width: 1280, height: 900 },
  });
  const blocked = await routeSites(context);
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  if (!options.keepWelcome) await closeWelcomeTab(context, extensionId);
  return {
    context,
    extensionId,
    serviceWorker,
    blocked,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
