import type { SiteId } from '../messaging/protocol';

/** How each site is named to the creator (and in prompts). */
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
