/**
 * DM drafts in the side panel's queue (issue 11): grouped by conversation, each group marked
 * "DM" with the person's name (or the group chat's title), and "Open conversation" to go back
 * to it. Comment drafts stay one card each, as before.
 *
 * The conversation's link came from the page (the draft's pageUrl / permalink), so, like "Open
 * comment", it is offered only as an https page on the draft's own site (for a site whose
 * conversation pages Understudy knows, one of those); and it opens through browser.tabs, which
 * focuses a tab already showing the conversation rather than opening another.
 */
import { browser } from 'wxt/browser';
import { SITE_ORIGINS, type SiteId } from '@/lib/core/sites';
import { siteName } from '@/lib/core/labels';
import type { DraftRow } from '@/lib/memory/db';
import { adapterForOrigin } from '@/lib/sites/registry';
import { DraftCard } from './DraftCard';

/** One entry of the queue: a comment's draft, or the drafts of one DM conversation. */
export type QueueItem =
  | { type: 'comment'; key: string; draft: DraftRow }
  | { type: 'conversation'; key: string; site: SiteId; drafts: DraftRow[] };

export function isDmDraft(draft: DraftRow): boolean {
  return draft.kind === 'dm';
}

/** Drafts of the same conversation share this (its site and the site's conversation id). */
function conversationKey(draft: DraftRow): string {
  return `dm:${draft.site}:${draft.conversation?.id ?? draft.commentId}`;
}

/**
 * The queue as shown: in the drafts' order (newest first), a DM conversation's drafts gathered
 * where its newest one stands.
 */
export function queueItems(drafts: readonly DraftRow[]): QueueItem[] {
  const items: QueueItem[] = [];
  const groups = new Map<string, Extract<QueueItem, { type: 'conversation' }>>();
  for (const draft of drafts) {
    if (!isDmDraft(draft)) {
      items.push({ type: 'comment', key: `draft:${draft.id ?? draft.commentId}`, draft });
      continue;
    }
    const key = conversationKey(draft);
    const group = groups.get(key);
    if (group) {
      group.drafts.push(draft);
    } else {
      const created = { type: 'conversation' as const, key, site: draft.site, drafts: [draft] };
      groups.set(key, created);
      items.push(created);
    }
  }
  return items;
}

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

/** "Open conversation": a link (so it reads as one) that opens through browser.tabs. */
export function OpenConversation({ href }: { href: string }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        // Should browser.tabs fail, the browser's own new tab still gets the creator there.
        openConversation(href).catch(() => window.open(href, '_blank', 'noreferrer'));
      }}
    >
      Open conversation
    </a>
  );
}

/** The title a conversation is shown by: its group's name, or the person's name. */
export function conversationTitle(draft: DraftRow): string {
  return draft.conversation?.title?.trim() || draft.author;
}

export function ConversationGroup({ drafts }: { drafts: DraftRow[] }) {
  const newest = drafts[0];
  if (!newest) return null;
  const title = conversationTitle(newest);
  const group = newest.conversation?.group === true;
  const link = draftConversationLink(newest);
  return (
    <section className="conversation-group" aria-label={`Direct messages with ${title}`}>
      <div className="row conversation-head">
        <span className="badge dm" title="A direct message: private, between you and them">DM</span>
        <span className="badge">{siteName(newest.site)}</span>
        <strong style={{ overflowWrap: 'anywhere' }}>{title}</strong>
        {group && <span className="muted">group chat</span>}
        <span className="spacer" />
        {link && <OpenConversation href={link} />}
      </div>
      {drafts.map((draft) => (
        <DraftCard key={draft.id ?? draft.commentId} draft={draft} />
      ))}
    </section>
  );
}
