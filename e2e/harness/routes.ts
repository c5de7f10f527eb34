/**
 * Serves fixture pages at real site URLs and aborts everything else. Fixture folders live in
 * e2e/sites/<site>/; each site maps its URLs to files here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { SITE_FIXTURES } from '../sites/index';

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

/**
 * Which fixture file answers a URL on a supported site, or null for a 404. Fixture scripts are
 * served as they lie on disk, under /__fixture/ on every fixture host (/__fixture/x/app.js,
 * /__fixture/shared/kit.js), so their relative imports work in the page and in unit tests alike.
 */
export function fixtureFileFor(url: URL): string | null {
  const site = SITE_FIXTURES.find((fixtures) => fixtures.hosts.includes(url.hostname));
  if (!site) return null;
  const relative = url.pathname.startsWith(FIXTURE_PREFIX)
    ? url.pathname.slice(FIXTURE_PREFIX.length)
    : site.fileFor(url) && `${site.site}/${site.fileFor(url)}`;
  if (!relative) return null;
  const resolved = path.resolve(SITES_DIR, path.normalize(decodeURIComponent(relative)));
  return resolved.startsWith(SITES_DIR + path.sep) ? resolved : null;
}

const FIXTURE_PREFIX = '/__fixture/';

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

export const FIXTURE_HOSTS = new Set(SITE_FIXTURES.flatMap((site) => site.hosts));
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
