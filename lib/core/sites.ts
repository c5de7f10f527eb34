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
