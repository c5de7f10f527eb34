/**
 * Drafts with their provenance. One live draft per comment: queuing or inserting a reply to a
 * comment that already has a draft updates that draft, so the queue never shows a comment twice.
 * A discarded or sent draft stays as it was; drafting the comment again starts a fresh one.
 */
import { keptOfConversation } from '../core/conversation';
import type { DraftReport } from '../core/draft';
import type { DraftRow, DraftStatus, UnderstudyDB } from './db';

export type DraftInput = DraftReport;

/** What the background knows about a draft beyond what the page sent (never taken from a page). */
export interface DraftWriteOptions {
  now?: number;
  /** voiceMatch score of input.engineText (see learning.scoreVoice). */
  voiceScore?: number;
  /** Fact-sheet rows the draft drew on. */
  factIds?: number[];
  /** The claim guard's flags on input.text, when the writer checked it (else the count is cleared). */
  flagCount?: number;
}

function writeOptions(when: number | DraftWriteOptions | undefined): DraftWriteOptions & { now: number } {
  if (typeof when === 'number') return { now: when };
  return { ...when, now: when?.now ?? Date.now() };
}

/**
 * The text of each fact the draft drew on, as the fact sheet has it now: kept on the draft so
 * "Why this draft?" still shows what it used after the fact is deleted or the sheet replaced.
 */
async function factsNamed(db: UnderstudyDB, ids: readonly number[]): Promise<{ id: number; text: string }[]> {
  const rows = await db.facts.bulkGet([...ids]);
  return rows.flatMap((row) => (row?.id !== undefined ? [{ id: row.id, text: row.text }] : []));
}

async function upsertDraft(
  db: UnderstudyDB,
  input: DraftInput,
  status: DraftStatus,
  options: DraftWriteOptions & { now: number },
): Promise<number> {
  const { comment } = input;
  const { now } = options;
  return db.transaction('rw', db.drafts, db.facts, async () => {
    const existing = await db.drafts
      .where('[site+commentId]')
      .equals([comment.site, comment.commentId])
      // Discarded and sent drafts are history: drafting the comment again starts a fresh one.
      .filter((d) => d.status !== 'discarded' && d.status !== 'sent')
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
    row.kind = comment.kind ?? 'comment';
    // A DM draft keeps only the messages it answered (for "Why this draft?") and its link
    // (pageUrl, permalink): the rest of the conversation is never copied into memory.
    if (comment.kind === 'dm' && comment.conversation) row.conversation = keptOfConversation(comment.conversation);
    if (comment.permalink !== undefined) row.permalink = comment.permalink;
    if (comment.threadTitle !== undefined) row.threadTitle = comment.threadTitle;
    if (input.model !== undefined) row.model = input.model;
    if (input.metrics !== undefined) row.metrics = { ...input.metrics };
    if (input.leftOut !== undefined) row.leftOut = { ...input.leftOut };
    // Flags inserted over stay with the draft when it is later marked sent.
    const overridden = input.overriddenFlags ?? existing?.overriddenFlags;
    if (overridden?.length) row.overriddenFlags = [...overridden];
    // A score belongs to the engine text it was computed for: keep it only while that is unchanged.
    const voiceScore =
      options.voiceScore ?? (existing?.engineText === input.engineText ? existing.voiceScore : undefined);
    if (voiceScore !== undefined) row.voiceScore = voiceScore;
    const sameEngineText = existing?.engineText === input.engineText;
    const factIds = options.factIds ?? (sameEngineText ? existing.factIds : undefined);
    if (factIds !== undefined) row.factIds = [...factIds];
    const usedFacts = options.factIds ? await factsNamed(db, options.factIds) : sameEngineText ? existing.usedFacts : undefined;
    if (usedFacts?.length) row.usedFacts = usedFacts.map((fact) => ({ ...fact }));
    // A count belongs to the text it was taken on: kept only while that is unchanged.
    const flagCount = options.flagCount ?? (existing?.text === input.text ? existing.flagCount : undefined);
    if (flagCount !== undefined) row.flagCount = flagCount;
    if (existing?.id !== undefined) {
      await db.drafts.put({ ...row, id: existing.id });
      return existing.id;
    }
    // Auto-increment keys are always assigned on add.
    return (await db.drafts.add(row)) as number;
  });
}

/**
 * Puts a draft in the review queue; returns its id (the same id when re-queued). The third
 * argument is the time (as before) or DraftWriteOptions.
 */
export function queueDraft(db: UnderstudyDB, input: DraftInput, when?: number | DraftWriteOptions): Promise<number> {
  return upsertDraft(db, input, 'queued', writeOptions(when));
}

/** Records that the creator put this text into the site's reply box; returns the draft id. */
export function markInserted(db: UnderstudyDB, input: DraftInput, when?: number | DraftWriteOptions): Promise<number> {
  return upsertDraft(db, input, 'inserted', writeOptions(when));
}

/**
 * Saves the creator's edit; false when there is no such draft. `flagCount` is the guard's count
 * on this text when the caller checked it; without one the stored count is cleared (it was
 * taken on the old text).
 */
export async function updateDraftText(
  db: UnderstudyDB,
  id: number,
  text: string,
  now = Date.now(),
  flagCount?: number,
): Promise<boolean> {
  return (await db.drafts.update(id, { text, updatedAt: now, flagCount })) > 0;
}

/** Records the guard's count for the draft's text, only if the text is still `text`. */
export async function setFlagCount(db: UnderstudyDB, id: number, text: string, flagCount: number): Promise<boolean> {
  return (await db.drafts.where('id').equals(id).and((row) => row.text === text && row.flagCount !== flagCount).modify({ flagCount })) > 0;
}

/** What Regenerate wrote: the engine's new text replaces the draft's (an edit is overwritten). */
export interface RegeneratedDraft {
  text: string;
  engine: DraftRow['engine'];
  model?: string;
  exampleIds: number[];
  voiceScore?: number;
  flagCount?: number;
}

/** Puts a regenerated draft's text in place (a queued draft stays queued); false when gone. */
export async function replaceDraftText(db: UnderstudyDB, id: number, next: RegeneratedDraft, now = Date.now()): Promise<boolean> {
  return (
    (await db.drafts.update(id, {
      text: next.text,
      engineText: next.text,
      engine: next.engine,
      model: next.model,
      exampleIds: [...next.exampleIds],
      voiceScore: next.voiceScore,
      flagCount: next.flagCount,
      updatedAt: now,
    })) > 0
  );
}

/** Undo of a discard: the draft goes back to the status it had. */
export async function restoreDraft(db: UnderstudyDB, id: number, status: DraftStatus, now = Date.now()): Promise<boolean> {
  return (await db.drafts.update(id, { status, updatedAt: now })) > 0;
}

/**
 * Every draft on the review desk (all but discarded), newest first. One getAll of the table,
 * filtered here: in Chromium that reads 10,000 drafts in about 250 ms, where the status index's
 * "none of" walks a cursor at twice that or more.
 */
export async function listDesk(db: UnderstudyDB): Promise<DraftRow[]> {
  const rows = (await db.drafts.toArray()).filter((row) => row.status !== 'discarded');
  return rows.sort((a, b) => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0));
}

/** The most recently touched drafts on the desk: what the panel shows while the rest is read. */
export async function listDeskHead(db: UnderstudyDB, limit: number): Promise<DraftRow[]> {
  const rows = await db.drafts.orderBy('updatedAt').reverse().filter((row) => row.status !== 'discarded').limit(limit).toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0));
}

/**
 * Guard counts the desk's cards took, written together: each write to the drafts table makes
 * the desk's live query read every draft again, so a scroll past twenty unchecked cards costs
 * one re-read, not twenty.
 */
export async function setFlagCounts(db: UnderstudyDB, counts: readonly { id: number; text: string; flagCount: number }[]): Promise<void> {
  if (counts.length === 0) return;
  await db.transaction('rw', db.drafts, async () => {
    const rows = await db.drafts.bulkGet(counts.map((c) => c.id));
    const changed = counts.filter((c, i) => rows[i]?.text === c.text && rows[i]?.flagCount !== c.flagCount);
    await Promise.all(changed.map((c) => db.drafts.update(c.id, { flagCount: c.flagCount })));
  });
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
