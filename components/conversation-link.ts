/**
 * Where a DM draft's conversation is, and going back to it. The link came from the page (the
 * draft's pageUrl / permalink), so, like "Open comment", it is offered only as an https page on
 * the draft's own site (for a site whose conversation pages Understudy knows, one of those); and
 * it opens through browser.tabs, which focuses a tab already showing the conversation rather
 * than opening another.
 */
import { browser } from 'wxt/browser';
import { SITE_ORIGINS, type SiteId } from '@/lib/core/sites';
import type { DraftRow } from '@/lib/memory/db';
import { adapterForOrigin } from '@/lib/sites/registry';

/**
 * The conversation's page as the browser will open it, or undefined when the page gave
 * something else: another scheme, another site, a look-alike host, credentials in the address,
 * or (on a site whose conversation pages Understudy knows) a page that isn't one.
 */
export function conversationLink(href: string | undefined, site: SiteId): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  if (!SITE_ORIGINS[site].includes(url.origin)) return undefined;
  const conversations = adapterForOrigin(url)?.conversations;
  if (conversations && conversations.pageKind(url) === null) return undefined;
  return url.href;
}

/** Where a draft's conversation is: its permalink when the site gave one, else the page it was written on. */
export function draftConversationLink(draft: DraftRow): string | undefined {
  return conversationLink(draft.permalink, draft.site) ?? conversationLink(draft.pageUrl, draft.site);
}

function samePage(a: URL, b: URL): boolean {
  const path = (url: URL) => url.pathname.replace(/\/+$/, '');
  return a.origin === b.origin && path(a) === path(b) && a.search === b.search;
}

/** Brings a tab already showing the conversation to the front, or opens one. */
export async function openConversation(href: string): Promise<void> {
  const target = new URL(href);
  const tabs = await browser.tabs.query({});
  const open = tabs.find((tab) => {
    if (!tab.url) return false;
    try {
      return samePage(new URL(tab.url), target);
    } catch {
      return false;
    }
  });
  if (open?.id === undefined) {
    await browser.tabs.create({ url: target.href });
    return;
  }
  await browser.tabs.update(open.id, { active: true });
  if (open.windowId !== undefined) {
    // Another window may be in front; if it can't be raised, the tab is still the active one.
    await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
  }
}
