/** Every supported site. Adding a site = its adapter file, its fixtures, and one line here. */
import { SITE_ORIGINS } from '../core/sites';
import type { SiteAdapter } from './types';
import { instagram } from './instagram';
import { tiktok } from './tiktok';
import { reddit } from './reddit';
import { bluesky } from './bluesky';
import { linkedin } from './linkedin';
import { x } from './x';
import { threads } from './threads';
import { youtube } from './youtube';
import { facebook } from './facebook';

export const adapters: SiteAdapter[] = [youtube, linkedin, tiktok, instagram, reddit, bluesky, x, facebook, threads];

function toUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The adapter for this URL's site, whether or not this page shows comments. */
export function adapterForOrigin(url: string | URL): SiteAdapter | undefined {
  const parsed = toUrl(url);
  return parsed ? adapters.find((adapter) => SITE_ORIGINS[adapter.site].includes(parsed.origin)) : undefined;
}

/** The kind of comments page this URL shows for its site's adapter, or null. */
export function pageKindOf(adapter: SiteAdapter, url: string | URL): string | null {
  const parsed = toUrl(url);
  if (!parsed || !SITE_ORIGINS[adapter.site].includes(parsed.origin)) return null;
  return adapter.pageKind(parsed);
}

/** The adapter that reads comments on this page, if any. */
export function adapterFor(url: string | URL): SiteAdapter | undefined {
  const adapter = adapterForOrigin(url);
  return adapter && pageKindOf(adapter, url) !== null ? adapter : undefined;
}
