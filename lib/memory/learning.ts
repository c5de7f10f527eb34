/**
 * The learning loop: when the creator sends a reply, it becomes a new example (source 'sent')
 * that later drafts learn from; the draft records how much they changed it; the commenter
 * becomes (or stays) a contact. voiceStats sums that up for the side panel's Voice view.
 */

import type { ReplyKind } from '../core/conversation';
import type { SiteId } from '../core/sites';
import { contactKey, touchContact } from './contacts-repo';
import type { DraftRow, UnderstudyDB } from './db';
import { editDistance } from './edit-distance';
import { addSentExample, exampleTables } from './examples-repo';
import { fingerprintFor, getFingerprintFor } from './fingerprint';
import { getIndexFor, peekIndexFor } from './index-store';
import { noteSentReply } from './sources-repo';
import { voiceMatch, type VoiceMatch } from './voice-match';

export interface RecordSentInput {
  /** The Understudy draft that was sent, when there was one. */
  draftId?: number;
  /** The comment the creator answered. */
  comment: string;
  /** What was sent. */
  finalText: string;
  /** What the engine wrote; read from the draft when omitted. */
  engineText?: string;
  platform: SiteId;
  /** The commenter: their handle (or name) as the site shows it. */
  contact?: string | { handle: string; displayName?: string };
  /** When it was sent; now by default. */
  sentAt?: number;
  /** A reply to a comment (the default) or a direct message. */
  kind?: ReplyKind;
  /** For a DM, the conversation it answered: its link joins the contact (never its messages). */
  conversation?: { id: string; url: string; title?: string };
}

export interface RecordSentResult {
  /** The new example, unless the text could not be stored (blank, or too long to export). */
  exampleId?: number;
  draftId?: number;
  /** Characters changed from the engine's text, when there was one. */
  editDistance?: number;
  contactKey?: string;
  /** False when this draft had already been recorded as sent (nothing was added again). */
  recorded: boolean;
}

/** The tables learning a sent reply writes: a transaction that calls writeSent must hold them all. */
export function sentTables(db: UnderstudyDB) {
  return [...exampleTables(db), db.drafts, db.contacts, db.sources];
}

/** What recordSent reads before it writes: the scores the write needs, computed outside the transaction. */
export interface PreparedSent {
  sentAt: number;
  /** The engine's text, when there was one (the input's, else the draft's). */
  engineText?: string;
  /** The engine text's voice score, against the voice as it was before this reply joins memory. */
  voiceScore?: number;
}

/**
 * The reads recordSent needs before its transaction: a voice score reads the fingerprint, which
 * may compute and cache it, and that must not happen inside an IndexedDB transaction (it would
 * commit early). A caller that writes the draft in the same transaction builds PreparedSent
 * itself, with the score it gives the draft.
 */
export async function prepareSent(db: UnderstudyDB, input: RecordSentInput): Promise<PreparedSent> {
  const prepared: PreparedSent = { sentAt: input.sentAt ?? Date.now() };
  const draft = input.draftId !== undefined ? await db.drafts.get(input.draftId) : undefined;
  const engineText = input.engineText ?? draft?.engineText;
  if (engineText !== undefined) prepared.engineText = engineText;
  // Only a draft without a score gets one.
  if (draft && draft.voiceScore === undefined && engineText) {
    prepared.voiceScore = (await scoreVoice(db, engineText, input.platform, input.kind ?? 'comment')).score;
  }
  return prepared;
}

/**
 * The writes of a sent reply (see recordSent), inside the caller's transaction over
 * sentTables(db): a caller that writes the draft first (draft-records.ts) learns the reply in
 * the same transaction, so a failure anywhere leaves nothing half-written.
 */
export async function writeSent(db: UnderstudyDB, input: RecordSentInput, prepared: PreparedSent): Promise<RecordSentResult> {
  const { sentAt, engineText } = prepared;
  const contact = typeof input.contact === 'string' ? { handle: input.contact } : input.contact;
  const key = contact?.handle.trim() ? contactKey(input.platform, contact.handle) : undefined;
  const kind = input.kind ?? 'comment';
  const draft = input.draftId !== undefined ? await db.drafts.get(input.draftId) : undefined;
  if (draft?.id !== undefined && draft.status === 'sent') {
    const already: RecordSentResult = { draftId: draft.id, recorded: false };
    if (draft.editDistance !== undefined) already.editDistance = draft.editDistance;
    if (key) already.contactKey = key;
    return already;
  }
  const exampleId = await addSentExample(db, {
    incoming: input.comment,
    reply: input.finalText,
    platform: input.platform,
    createdAt: sentAt,
    kind,
    ...(key ? { contactKey: key } : {}),
  });
  const recorded: RecordSentResult = { recorded: true };
  if (exampleId !== undefined) recorded.exampleId = exampleId;
  if (engineText !== undefined) recorded.editDistance = editDistance(engineText, input.finalText.trim());
  if (draft?.id !== undefined) {
    const changes: Partial<DraftRow> = { status: 'sent', text: input.finalText, sentAt, updatedAt: sentAt };
    if (recorded.editDistance !== undefined) changes.editDistance = recorded.editDistance;
    // The draft's own score stays; one it lacks is the engine text's score from before this reply.
    if (draft.voiceScore === undefined && prepared.voiceScore !== undefined) changes.voiceScore = prepared.voiceScore;
    await db.drafts.update(draft.id, changes);
    recorded.draftId = draft.id;
  }
  if (contact && key) {
    await touchContact(db, {
      platform: input.platform,
      handle: contact.handle,
      ...(contact.displayName ? { displayName: contact.displayName } : {}),
      ...(kind === 'dm' && input.conversation ? { conversation: input.conversation } : {}),
      at: sentAt,
    });
    recorded.contactKey = key;
  }
  if (exampleId !== undefined) await noteSentReply(db, sentAt);
  return recorded;
}

/** After a reply was learned: the loaded retrieval index takes it now (an append, no rebuild). */
export async function afterSent(db: UnderstudyDB, result: RecordSentResult): Promise<void> {
  if (result.exampleId !== undefined && peekIndexFor(db)) await getIndexFor(db);
}

/**
 * Remembers a sent reply: a new example, the draft marked 'sent' with its edit distance (and
 * its voice score, if it had none), the contact's interactions, and the 'sent' source count.
 * All in one transaction; the loaded retrieval index then picks the example up incrementally.
 * Recording the same draft twice (the creator confirms it and the page shows it posted) adds
 * nothing the second time.
 */
export async function recordSent(db: UnderstudyDB, input: RecordSentInput): Promise<RecordSentResult> {
  const prepared = await prepareSent(db, input);
  const result = await db.transaction('rw', sentTables(db), async () => writeSent(db, input, prepared));
  await afterSent(db, result);
  return result;
}

/**
 * The voice match of a text against the creator's fingerprint for this kind of reply: their DM
 * voice for a DM, the platform's own (or their comment voice) for a comment, when memory holds
 * enough of those; else the overall one.
 */
export async function scoreVoice(db: UnderstudyDB, text: string, platform?: SiteId, kind: ReplyKind = 'comment'): Promise<VoiceMatch> {
  return voiceMatch(text, fingerprintFor(await getFingerprintFor(db), platform, kind));
}

export interface VoiceWeek {
  /** Start of the 7-day window (ms). */
  weekStart: number;
  /** Drafts written in that week that have a voice score. */
  drafts: number;
  /** Their mean voice score, when there were any. */
  meanScore?: number;
}

export interface VoiceStats {
  /** Drafts the creator sent. */
  sent: number;
  /** Of those, sent exactly as the engine wrote them. */
  sentUnchanged: number;
  /** sentUnchanged / sent of the drafts with a known edit distance; undefined before the first. */
  unchangedShare?: number;
  medianEditDistance?: number;
  /** Oldest week first, ending with the current one. */
  trend: VoiceWeek[];
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The Voice view's numbers: how often drafts go out unchanged, and the voice-match trend. */
export async function voiceStats(
  db: UnderstudyDB,
  options: { weeks?: number; now?: number } = {},
): Promise<VoiceStats> {
  const weeks = Math.max(1, Math.floor(options.weeks ?? 12));
  const now = options.now ?? Date.now();
  const start = now - weeks * WEEK_MS;
  const [sent, recent] = await db.transaction('r', db.drafts, () =>
    Promise.all([
      db.drafts.where('status').equals('sent').toArray(),
      // A draft written in the window was updated in it too (updatedAt ≥ createdAt).
      db.drafts.where('updatedAt').aboveOrEqual(start).toArray(),
    ]),
  );
  const distances = sent.flatMap((d) => (d.editDistance === undefined ? [] : [d.editDistance])).sort((a, b) => a - b);
  const unchanged = distances.filter((d) => d === 0).length;
  const trend: VoiceWeek[] = Array.from({ length: weeks }, (_, i) => ({ weekStart: start + i * WEEK_MS, drafts: 0 }));
  const sums = new Array<number>(weeks).fill(0);
  for (const draft of recent) {
    if (draft.voiceScore === undefined || draft.createdAt < start || draft.createdAt > now) continue;
    const week = Math.min(weeks - 1, Math.floor((draft.createdAt - start) / WEEK_MS));
    trend[week]!.drafts++;
    sums[week]! += draft.voiceScore;
  }
  trend.forEach((week, i) => {
    if (week.drafts > 0) week.meanScore = sums[i]! / week.drafts;
  });
  const stats: VoiceStats = { sent: sent.length, sentUnchanged: unchanged, trend };
  if (distances.length > 0) {
    stats.unchangedShare = unchanged / distances.length;
    stats.medianEditDistance = median(distances);
  }
  return stats;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
