/**
 * The one list of sites Understudy knows, and how each is named to the creator (and in prompts).
 * Schemas, adapters, prompts and UI all read these; adding a site starts here. Free of zod: the
 * content script reads site names too, and validation stays out of every page.
 */
export const SITE_IDS = [
  'youtube',
  'instagram',
  'x',
  'tiktok',
  'facebook',
  'linkedin',
  'reddit',
  'threads',
  'bluesky',
] as const;
export type SiteId = (typeof SITE_IDS)[number];

export const SITE_NAMES: Record<SiteId, string> = {
  youtube: 'YouTube',
  instagram: 'Instagram',
  x: 'X',
  tiktok: 'TikTok',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  threads: 'Threads',
  bluesky: 'Bluesky',
};

export function siteName(site: SiteId): string {
  return SITE_NAMES[site];
}

/**
 * Where each site's web app runs: the content script starts on any page of these origins (a
 * creator reaches a post by in-app navigation, without a page load), host permissions are
 * exactly these, and the background tells a content script's site from its origin.
 * - YouTube: the site, and YouTube Studio's comment pages.
 * - X: x.com (twitter.com redirects there). Reddit: new and old. Threads: .com and the older .net.
 * - Facebook: the site, and messenger.com (Messenger's own web app, DMs only).
 */
export const SITE_ORIGINS: Record<SiteId, readonly string[]> = {
  youtube: ['https://www.youtube.com', 'https://studio.youtube.com'],
  instagram: ['https://www.instagram.com'],
  x: ['https://x.com'],
  tiktok: ['https://www.tiktok.com'],
  facebook: ['https://www.facebook.com', 'https://www.messenger.com'],
  linkedin: ['https://www.linkedin.com'],
  reddit: ['https://www.reddit.com', 'https://old.reddit.com'],
  threads: ['https://www.threads.com', 'https://www.threads.net'],
  bluesky: ['https://bsky.app'],
};

/** The site whose web app runs at this origin, if any. */
export function siteForOrigin(origin: string): SiteId | undefined {
  return SITE_IDS.find((site) => SITE_ORIGINS[site].includes(origin));
}

/**
 * The sites whose direct messages Understudy reads (issue 11): each has a ConversationAdapter
 * (lib/sites/registry.test.ts keeps the two lists equal). DMs are off on every one of them until
 * the creator turns "Direct messages on <Site>" on in Options.
 */
export const DM_SITES = ['instagram', 'x', 'linkedin', 'facebook', 'tiktok'] as const satisfies readonly SiteId[];
export type DmSiteId = (typeof DM_SITES)[number];

export function hasDms(site: SiteId): site is DmSiteId {
  return (DM_SITES as readonly SiteId[]).includes(site);
}
