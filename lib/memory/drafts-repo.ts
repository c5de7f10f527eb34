/**
 * Drafts with their provenance. One live draft per comment: queuing or inserting a reply to a
 * comment that already has a draft updates that draft, so the queue never shows a comment twice.
 * A discarded draft stays discarded; drafting the comment again starts a fresh one.
 */
import type { RequestPayload } from '../messaging/protocol';
import type { DraftRow, DraftStatus, UnderstudyDB } from './db';

export type DraftInput = RequestPayload<'draft.queue'>;

async function upsertDraft(
  db: UnderstudyDB,
  input: DraftInput,
  status: DraftStatus,
  now: number,
): Promise<number> {
  const { comment } = input;
  return db.transaction('rw', db.drafts, async () => {
    const existing = await db.drafts
      .where('[site+commentId]')
      .equals([comment.site, comment.commentId])
      .filter((d) => d.status !== 'discarded')
      .first();
    const row: DraftRow = {
      site: comment.site,
      commentId: comment.commentId,
      author: comment.author,
      commentText: comment.text,
      pageUrl: comment.pageUrl,
      text: input.text,
      engineText: input.engineText,
      engine: input.engine,
      exampleIds: [...input.exampleIds],
      status,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (comment.permalink !== undefined) row.permalink = comment.permalink;
    if (comment.threadTitle !== undefined) row.threadTitle = comment.threadTitle;
    if (input.model !== undefined) row.model = input.model;
    if (existing?.id !== undefined) {
      await db.drafts.put({ ...row, id: existing.id });
      return existing.id;
    }
    // Auto-increment keys are always assigned on add.
    return (await db.drafts.add(row)) as number;
  });
}

/** Puts a draft in the review queue; returns its id (the same id when re-queued). */
export function queueDraft(db: UnderstudyDB, input: DraftInput, now = Date.now()): Promise<number> {
  return upsertDraft(db, input, 'queued', now);
}

/** Records that the creator put this text into the site's reply box; returns the draft id. */
export function markInserted(db: UnderstudyDB, input: DraftInput, now = Date.now()): Promise<number> {
  return upsertDraft(db, input, 'inserted', now);
}

/** Saves the creator's edit; false when there is no such draft. */
export async function updateDraftText(
  db: UnderstudyDB,
  id: number,
  text: string,
  now = Date.now(),
): Promise<boolean> {
  return (await db.drafts.update(id, { text, updatedAt: now })) > 0;
}

/** Takes a draft out of the queue for good; false when there is no such draft. */
export async function discardDraft(db: UnderstudyDB, id: number, now = Date.now()): Promise<boolean> {
  return (await db.drafts.update(id, { status: 'discarded', updatedAt: now })) > 0;
}

/** Drafts waiting for review, most recently touched first. */
export async function listQueued(db: UnderstudyDB): Promise<DraftRow[]> {
  const rows = await db.drafts.where('status').equals('queued').toArray();
  return rows.sort((a, b) => b.updatedAt - a.updatedAt || (b.id ?? 0) - (a.id ?? 0));
}

export function getDraft(db: UnderstudyDB, id: number): Promise<DraftRow | undefined> {
  return db.drafts.get(id);
}
