/**
 * DM drafts in the side panel's queue (issue 11): grouped by conversation, each group marked
 * "DM" with the person's name (or the group chat's title), and "Open conversation" to go back
 * to it. Comment drafts stay one card each, as before.
 *
 * The conversation's link is checked, and opened, by conversation-link.ts.
 */
import type { SiteId } from '@/lib/core/sites';
import { siteName } from '@/lib/core/labels';
import type { DraftRow } from '@/lib/memory/db';
import { draftConversationLink, openConversation } from './conversation-link';
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

/** A conversation's heading: DM, the site, who it is with, and the way back to it. */
export function ConversationHead({ newest, count }: { newest: DraftRow; count?: number }) {
  const title = conversationTitle(newest);
  const group = newest.conversation?.group === true;
  const link = draftConversationLink(newest);
  return (
    <div className="row conversation-head">
      <span className="badge dm" title="A direct message: private, between you and them">DM</span>
      <span className="badge">{siteName(newest.site)}</span>
      <strong style={{ overflowWrap: 'anywhere' }}>{title}</strong>
      {group && <span className="muted">group chat</span>}
      {count !== undefined && <span className="muted">{count === 1 ? '1 draft' : `${count} drafts`}</span>}
      <span className="spacer" />
      {link && <OpenConversation href={link} />}
    </div>
  );
}

export function ConversationGroup({ drafts }: { drafts: DraftRow[] }) {
  const newest = drafts[0];
  if (!newest) return null;
  const title = conversationTitle(newest);
  return (
    <section className="conversation-group" aria-label={`Direct messages with ${title}`}>
      <ConversationHead newest={newest} />
      {drafts.map((draft) => (
        <DraftCard key={draft.id ?? draft.commentId} draft={draft} />
      ))}
    </section>
  );
}
