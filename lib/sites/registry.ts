/** Every supported site. Adding a site = its adapter file, its fixtures, and one line here. */
import type { SiteAdapter } from './types';
import { youtube, YOUTUBE_ORIGIN } from './youtube';

export const adapters: SiteAdapter[] = [youtube];

/**
 * Origins where each site's single-page app runs. A content script started on a page with no
 * comments (YouTube's home page) must keep running: the creator reaches a video without a page
 * load, and the adapter's matchesUrl then says yes.
 */
const origins = new Map<SiteAdapter, readonly string[]>([[youtube, [YOUTUBE_ORIGIN]]]);

function toUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The adapter that reads comments on this page, if any. */
export function adapterFor(url: string | URL): SiteAdapter | undefined {
  const parsed = toUrl(url);
  return parsed ? adapters.find((adapter) => adapter.matchesUrl(parsed)) : undefined;
}

/** The adapter for this URL's site, whether or not this page shows comments. */
export function adapterForOrigin(url: string | URL): SiteAdapter | undefined {
  const parsed = toUrl(url);
  return parsed ? adapters.find((adapter) => origins.get(adapter)?.includes(parsed.origin)) : undefined;
}
