/**
 * What Draft all reads from and writes to memory: which of a page's comments already have a
 * draft, who the creator has talked with before, their boundaries and handles, and the rows of
 * the comments it sets aside.
 */
import Dexie from 'dexie';
import type { SetAsideReason } from '../../core/desk';
import type { CommentContext } from '../../core/draft';
import type { SiteId } from '../../core/sites';
import { contactKey } from '../../memory/contacts-repo';
import { normalizeHandle, PROFILE_KEY, type DraftRow, type UnderstudyDB } from '../../memory/db';
import type { PlanInput } from './plan';

/** Everything planDraftAll needs from memory for these comments of one site. */
export async function planInputs(db: UnderstudyDB, site: SiteId, comments: readonly CommentContext[]): Promise<Omit<PlanInput, 'comments'>> {
  const [siteDrafts, profile, contacts] = await Promise.all([
    draftsOfSite(db, site),
    db.profile.get(PROFILE_KEY),
    db.contacts.bulkGet([...new Set(comments.flatMap((c) => whoOf(c).map((who) => contactKey(site, who))))]),
  ]);
  // Any draft but a discarded one means the comment was handled: queued, inserted, sent or set aside.
  const drafted = new Set(siteDrafts.filter((d) => d.status !== 'discarded').map((d) => d.commentId));
  const known = new Set(contacts.flatMap((c) => (c && c.interactions > 0 ? [c.handle] : [])));
  for (const draft of siteDrafts) {
    if (draft.status === 'queued' || draft.status === 'inserted' || draft.status === 'sent') known.add(normalizeHandle(draft.author));
  }
  const ownHandle = profile?.handles[site];
  return {
    drafted,
    isReturning: (comment) => whoOf(comment).some((who) => known.has(normalizeHandle(who))),
    ownHandles: ownHandle ? [ownHandle] : [],
    boundaries: profile?.boundaries ?? [],
  };
}

function whoOf(comment: CommentContext): string[] {
  return [comment.author, comment.handle ?? ''].filter((who) => normalizeHandle(who) !== '');
}

function draftsOfSite(db: UnderstudyDB, site: SiteId): Promise<DraftRow[]> {
  return db.drafts.where('[site+commentId]').between([site, Dexie.minKey], [site, Dexie.maxKey]).toArray();
}

/** Whether this comment got a draft since the job read the page (the creator drafted it by hand). */
export async function hasDraft(db: UnderstudyDB, comment: CommentContext): Promise<boolean> {
  const rows = await db.drafts.where('[site+commentId]').equals([comment.site, comment.commentId]).toArray();
  return rows.some((row) => row.status !== 'discarded');
}

/**
 * Records comments set aside as drafts with status 'skipped' and their reason, so the side panel
 * lists them ("Needs you" / "Skipped") and a second Draft all leaves them alone. They have no
 * text: no engine wrote anything (`engine` names the engine Draft all drafts with, as every row
 * must name one; for 'no-fit' it is the engine that found nothing to say).
 */
export async function recordSetAside(
  db: UnderstudyDB,
  items: readonly { comment: CommentContext; reason: SetAsideReason }[],
  now: number,
): Promise<void> {
  if (items.length === 0) return;
  const rows: DraftRow[] = items.map(({ comment, reason }) => ({
    site: comment.site,
    commentId: comment.commentId,
    author: comment.author,
    commentText: comment.text,
    pageUrl: comment.pageUrl,
    ...(comment.permalink !== undefined ? { permalink: comment.permalink } : {}),
    ...(comment.threadTitle !== undefined ? { threadTitle: comment.threadTitle } : {}),
    text: '',
    engineText: '',
    engine: 'memory',
    exampleIds: [],
    status: 'skipped',
    kind: comment.kind ?? 'comment',
    setAside: reason,
    createdAt: now,
    updatedAt: now,
  }));
  await db.drafts.bulkAdd(rows);
}
