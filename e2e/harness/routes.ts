/**
 * Serves fixture pages at real site URLs and aborts everything else. Fixture folders live in
 * e2e/sites/<site>/; each site maps its URLs to files here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';

const SITES_DIR = path.resolve(import.meta.dirname, '..', 'sites');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Which fixture file answers a URL on a supported site, or null for a 404. */
export function fixtureFileFor(url: URL): string | null {
  if (url.hostname === 'www.youtube.com') {
    if (url.pathname.startsWith('/__fixture/')) {
      const file = path.normalize(url.pathname.slice('/__fixture/'.length));
      if (file.startsWith('..')) return null;
      return path.join(SITES_DIR, 'youtube', file);
    }
    // One app shell for every page, as YouTube serves it: the app decides what to show.
    if (url.pathname === '/watch' || url.pathname === '/' || url.pathname.startsWith('/shorts/')) {
      return path.join(SITES_DIR, 'youtube', 'watch.html');
    }
  }
  return null;
}

async function serve(route: Route, url: URL) {
  const file = fixtureFileFor(url);
  if (!file) return route.fulfill({ status: 404, body: 'not in the fixture' });
  try {
    const body = await readFile(file);
    return route.fulfill({
      status: 200,
      body,
      headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' },
    });
  } catch {
    return route.fulfill({ status: 404, body: 'not in the fixture' });
  }
}

export const FIXTURE_HOSTS = new Set(['www.youtube.com']);
const LOCAL_PROTOCOLS = new Set(['chrome-extension:', 'data:', 'blob:']);

export async function routeSites(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // The extension's own pages and scripts load from its package, not the network.
    if (LOCAL_PROTOCOLS.has(url.protocol)) return route.continue();
    if (url.protocol === 'https:' && FIXTURE_HOSTS.has(url.hostname)) return serve(route, url);
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return blocked;
}
