/**
 * Per-site on/off, chosen in Options. A preference, not creator data: kept in extension storage
 * (local). Only sites switched off are stored, so a site added later starts on.
 *
 * Content scripts never read extension storage: they ask the background at start
 * ('site.enabled') and are told of a change ('site.switch').
 */
import { storage } from 'wxt/utils/storage';
import { SITE_IDS, type SiteId } from '../core/sites';

export type SiteSwitches = Partial<Record<SiteId, boolean>>;

export const siteSwitchesItem = storage.defineItem<SiteSwitches>('local:sites.enabled', { fallback: {} });

/** Every site is on unless the creator switched it off. */
export function isSiteOn(switches: SiteSwitches | null | undefined, site: SiteId): boolean {
  return switches?.[site] !== false;
}

/** The switches with one site set; only "off" is kept. */
export function withSite(switches: SiteSwitches, site: SiteId, on: boolean): SiteSwitches {
  const next: SiteSwitches = {};
  for (const id of SITE_IDS) {
    if (id === site ? !on : switches[id] === false) next[id] = false;
  }
  return next;
}
