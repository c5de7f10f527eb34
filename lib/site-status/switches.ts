/**
 * Per-site on/off, chosen in Options. A preference, not creator data: kept in extension storage
 * (local). Only sites switched off are stored, so a site added later starts on.
 *
 * Content scripts never read extension storage: they ask the background at start
 * ('site.enabled') and are told of a change ('site.switch').
 */
import { storage } from 'wxt/utils/storage';
import { hasDms, SITE_IDS, type SiteId } from '../core/sites';

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

/**
 * Direct messages per site (issue 11): private, so off until the creator turns a site's on in
 * Options ("Direct messages on <Site>"). Only sites switched on are stored.
 */
export type DmSwitches = Partial<Record<SiteId, boolean>>;

export const dmSwitchesItem = storage.defineItem<DmSwitches>('local:sites.dms', { fallback: {} });

/**
 * Whether the creator has read what DM drafting reads and keeps (shown once, the first time
 * they turn a site's DMs on).
 */
export const dmExplainedItem = storage.defineItem<boolean>('local:sites.dms.explained', { fallback: false });

/** DMs are read only on a site with DMs that the creator switched on (and whose comments are on). */
export function isDmOn(switches: DmSwitches | null | undefined, site: SiteId): boolean {
  return hasDms(site) && switches?.[site] === true;
}

/** The DM switches with one site set; only "on" is kept. */
export function withDm(switches: DmSwitches, site: SiteId, on: boolean): DmSwitches {
  const next: DmSwitches = {};
  for (const id of SITE_IDS) {
    if (id === site ? on && hasDms(id) : switches[id] === true) next[id] = true;
  }
  return next;
}
