/**
 * The background's side of site status: per-site on/off (asked by content scripts at start,
 * pushed to them when the creator flips a switch) and adapter health per tab (a content script
 * says its page can't be read; the tab's toolbar badge shows "!" and the side panel says so).
 *
 * Trust: the router already checked the sender is a content script of a supported site and the
 * payload's shape. Here the site is taken from the sender's origin, never from the payload, and
 * selector names must be the site adapter's own (its comments' names, or its conversations'
 * under their own prefix): a page can put nothing of its own into what the creator sees or
 * copies. A report about a conversation comes only from a site whose DMs the creator turned on.
 */
import { browser } from 'wxt/browser';
import { siteForOrigin, siteName, type SiteId } from '../core/sites';
import type { RequestPayload, SiteSwitchCommand } from '../messaging/protocol';
import type { SenderLike } from '../messaging/senders';
import { healthArea, INSERT_ENDS_IN_COPY, pageKindLabel, reportArea, reportableSelectorNames, type HealthReport } from '../sites/health';
import { adapterForOrigin } from '../sites/registry';
import { healthRecordsItem, type HealthRecords } from './health-records';
import { dmSwitchesItem, isDmOn, isSiteOn, siteSwitchesItem, type SiteSwitches } from './switches';
import { WAITING_BADGE_COLOR } from './waiting-badge';

export const BADGE_TEXT = '!';
const BADGE_COLOR = '#b3261e';

export interface SiteStatusOptions {
  /** The extension's version (manifest), written into every report for the diagnostic. */
  version: string;
  /** The toolbar button's usual title, put back when a tab's page is readable again. */
  defaultTitle: string;
  now?: () => number;
}

/** The toolbar button's title while a tab's page can't be read. */
export function badgeTitle(report: Pick<HealthReport, 'site' | 'pageKind'>): string {
  return `Understudy can't read this page (${siteName(report.site)}, ${pageKindLabel(report.pageKind)})`;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The sender's tab and site; the router let only content scripts of supported sites through. */
function senderSite(sender: SenderLike): { tabId: number; site: SiteId; origin: string } {
  const origin = originOf(sender.url);
  const site = origin ? siteForOrigin(origin) : undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined || !site || !origin) throw new Error('Not a page of a supported site.');
  return { tabId, site, origin };
}

export function createSiteStatus(options: SiteStatusOptions) {
  const now = options.now ?? Date.now;
  // Reports from several tabs may arrive together: one read-modify-write at a time.
  let writes: Promise<unknown> = Promise.resolve();
  // `records: null`: nothing changed, nothing written.
  function update<T>(change: (records: HealthRecords) => { records: HealthRecords | null; result: T }): Promise<T> {
    const run = writes.then(async () => {
      const { records, result } = change({ ...(await healthRecordsItem.getValue()) });
      if (records) await healthRecordsItem.setValue(records);
      return result;
    });
    writes = run.catch(() => {});
    return run;
  }

  // A tab may close between a report and its badge: nothing to show then.
  async function showBadge(tabId: number, report: HealthReport): Promise<void> {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: BADGE_TEXT }),
      browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
      browser.action.setTitle({ tabId, title: badgeTitle(report) }),
    ]).catch(() => {});
  }
  // The tab's own "!" wins over the count of drafts waiting (waiting-badge.ts, the global
  // badge) while its page can't be read; cleared (no text, not ''), the tab shows the count again.
  async function clearBadge(tabId: number): Promise<void> {
    await Promise.all([
      browser.action.setBadgeText({ tabId }),
      browser.action.setBadgeBackgroundColor({ tabId, color: WAITING_BADGE_COLOR }),
      browser.action.setTitle({ tabId, title: options.defaultTitle }),
    ]).catch(() => {});
  }

  /** Forgets a tab's report and clears its badge; true when there was one. */
  async function clear(tabId: number): Promise<boolean> {
    const had = await update((records) => {
      const key = String(tabId);
      // Most pages are readable: no write for a tab that has nothing to forget.
      if (!(key in records)) return { records: null, result: false };
      delete records[key];
      return { records, result: true };
    });
    if (had) await clearBadge(tabId);
    return had;
  }

  async function siteOn(site: SiteId): Promise<boolean> {
    return isSiteOn(await siteSwitchesItem.getValue(), site);
  }

  return {
    /** 'site.enabled': whether the sender's site is switched on, and its direct messages. */
    async enabled(sender: SenderLike): Promise<{ enabled: boolean; dms: boolean }> {
      const { site } = senderSite(sender);
      return { enabled: await siteOn(site), dms: isDmOn(await dmSwitchesItem.getValue(), site) };
    },

    /** 'site.health': records (or clears) the sender tab's report and its badge. */
    async report(payload: RequestPayload<'site.health'>, sender: SenderLike): Promise<{ recorded: boolean }> {
      const { tabId, site, origin } = senderSite(sender);
      if (payload.healthy) {
        await clear(tabId);
        return { recorded: false };
      }
      // A site switched off is not read, so nothing about it is reported either.
      if (!(await siteOn(site))) return { recorded: false };
      const adapter = adapterForOrigin(origin);
      const known = adapter ? reportableSelectorNames(adapter) : new Set<string>();
      const names = Object.keys(payload.counts.selectors);
      for (const name of names) {
        if (!known.has(name)) throw new Error(`Unknown selector "${name.slice(0, 32)}" for ${siteName(site)}.`);
      }
      const area = healthArea(payload.problem, names);
      if (area === null) throw new Error(`A report mixing comments and conversations for ${siteName(site)}.`);
      // Direct messages switched off are not read, so nothing about them is reported either.
      if (area === 'conversation' && !(adapter?.conversations && isDmOn(await dmSwitchesItem.getValue(), site))) return { recorded: false };
      if (payload.problem === 'composer-refused' && INSERT_ENDS_IN_COPY.has(site)) return { recorded: false };
      const report: HealthReport = {
        site,
        origin,
        pageKind: payload.pageKind,
        problem: payload.problem,
        counts: payload.counts,
        version: options.version,
        reportedAt: now(),
      };
      await update((records) => ({ records: { ...records, [String(tabId)]: report }, result: undefined }));
      await showBadge(tabId, report);
      return { recorded: true };
    },

    /** A tab started loading another page: its old report no longer applies. */
    tabNavigated: (tabId: number) => clear(tabId),

    /** A tab closed: its report goes (the browser drops the tab's badge itself). */
    async tabClosed(tabId: number): Promise<void> {
      await update((records) => {
        const key = String(tabId);
        if (!(key in records)) return { records: null, result: undefined };
        delete records[key];
        return { records, result: undefined };
      });
    },

    /**
     * The creator changed the switches (a site's, or its direct messages'): tabs of a site now
     * off lose their notice (and a conversation's notice goes with the site's DMs), and every
     * open tab of a supported site is told what is on.
     */
    async switchesChanged(switches?: SiteSwitches): Promise<void> {
      switches ??= await siteSwitchesItem.getValue();
      const dms = await dmSwitchesItem.getValue();
      const records = await healthRecordsItem.getValue();
      for (const [key, report] of Object.entries(records)) {
        const dmsGone = reportArea(report) === 'conversation' && !isDmOn(dms, report.site);
        if (!isSiteOn(switches, report.site) || dmsGone) await clear(Number(key));
      }
      const tabs = await browser.tabs.query({});
      await Promise.all(
        tabs.map(async (tab) => {
          const origin = originOf(tab.url);
          const site = origin ? siteForOrigin(origin) : undefined;
          if (tab.id === undefined || !site) return;
          const command: SiteSwitchCommand = { type: 'site.switch', enabled: isSiteOn(switches, site), dms: isDmOn(dms, site) };
          // A tab whose content script isn't there (not loaded yet, or discarded) has no receiver.
          await browser.tabs.sendMessage(tab.id, command, { frameId: 0 }).catch(() => {});
        }),
      );
    },
  };
}

export type SiteStatus = ReturnType<typeof createSiteStatus>;
