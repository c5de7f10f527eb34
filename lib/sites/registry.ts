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
import { STUDIO_ORIGIN, youtubeStudio } from './youtube-studio';
import { facebook } from './facebook';

export const adapters: SiteAdapter[] = [youtube, linkedin, tiktok, instagram, reddit, bluesky, x, facebook, threads];

/**
 * Origins of a site that run another app, with other markup, and so another adapter for the
 * same site: YouTube Studio. Picked by origin before any scan, so neither app's pages pay for
 * the other's selectors; `adapters` keeps one adapter per site.
 */
const BY_ORIGIN: Readonly<Record<string, SiteAdapter>> = { [STUDIO_ORIGIN]: youtubeStudio };

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
  if (!parsed) return undefined;
  return BY_ORIGIN[parsed.origin] ?? adapters.find((adapter) => SITE_ORIGINS[adapter.site].includes(parsed.origin));
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
