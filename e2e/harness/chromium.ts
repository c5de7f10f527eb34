/**
 * Finds a Chromium to drive: CHROME_PATH, else Debian's /usr/bin/chromium, else Playwright's own
 * download. Playwright can't download browsers on every machine, so say how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own here either.
  }
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
      'or set CHROME_PATH to a Chromium or Chrome binary, or run `npx playwright install chromium`.',
  );
}

/** Flags that keep Chromium quiet on a closed network and let it run as root in containers. */
export function chromiumArgs(extensionPath: string): string[] {
  const args = [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=MediaRouter,OptimizationHints',
    // Nothing resolves but this machine: request interception serves the fixture sites and
    // records the rest, and any request it cannot see (an offscreen document's worker) fails
    // here instead of leaving the machine. Specs that serve model files replace this rule.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
