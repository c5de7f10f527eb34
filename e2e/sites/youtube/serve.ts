/**
 * Serves the YouTube fixture at the real site's URLs, so the production manifest's match
 * patterns are what e2e tests exercise:
 *   https://www.youtube.com/watch?v=<id>[&threads=N]  → watch.html
 *   https://www.youtube.com/__fixture/<file>          → a file from this folder
 * Anything else falls through to earlier routes (the harness aborts and records it).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Route } from '@playwright/test';

export const YOUTUBE_FIXTURE_DIR = dirname(fileURLToPath(import.meta.url));

/** The video the fixture shows by default (see fixture-data.js). */
export const FIXTURE_VIDEO_ID = 'k3BfqS0urD0';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** https://www.youtube.com/watch?v=… with optional extra query parameters (e.g. threads). */
export function youtubeWatchUrl(videoId = FIXTURE_VIDEO_ID, extra: Record<string, string | number> = {}): string {
  const url = new URL('https://www.youtube.com/watch');
  url.searchParams.set('v', videoId);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, String(value));
  return url.href;
}

async function fulfilFile(route: Route, file: string): Promise<void> {
  const type = TYPES[extname(file)];
  if (!type) return route.fulfill({ status: 404, body: 'not a fixture file' });
  try {
    const body = await readFile(join(YOUTUBE_FIXTURE_DIR, file));
    return route.fulfill({ status: 200, contentType: type, body });
  } catch {
    return route.fulfill({ status: 404, body: 'no such fixture file' });
  }
}

/** Route the fixture on a context or page. Call before navigating. */
export async function routeYouTubeFixture(target: BrowserContext | Page): Promise<void> {
  await target.route(
    (url) => url.origin === 'https://www.youtube.com' && url.pathname === '/watch',
    (route) => fulfilFile(route, 'watch.html'),
  );
  await target.route(
    (url) => url.origin === 'https://www.youtube.com' && url.pathname.startsWith('/__fixture/'),
    // basename() keeps requests inside this folder ("/__fixture/../../x" cannot escape).
    (route) => fulfilFile(route, basename(new URL(route.request().url()).pathname)),
  );
}
