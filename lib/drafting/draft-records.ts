/**
 * What the background writes when a page reports what the creator did with a draft: queued,
 * inserted, sent. Scores come from the creator's own fingerprint here, never from the page.
 */
import type { DraftReport } from '../core/draft';
import type { UnderstudyDB } from '../memory/db';
import { markInserted, queueDraft } from '../memory/drafts-repo';
import { afterSent, scoreVoice, sentTables, writeSent, type PreparedSent, type RecordSentInput } from '../memory/learning';
import { explainStorageFull, storageFullMessage } from '../memory/storage-error';
import { voiceMatchShown } from '../memory/voice-match';
import type { DraftRunner } from './draft-runner';

/**
 * A draft to write, with the claim guard's flag count where the caller has it (the review desk's
 * "Flagged only" filter reads it without re-guarding every draft).
 */
type DraftPayload = DraftReport & { flagCount?: number };

/** What the editor shows when a full disk refused to save a draft (queued or inserted). */
export const DRAFT_STORAGE_FULL_MESSAGE = storageFullMessage('this draft', 'press Queue again');
/** What the editor shows when a full disk refused to learn a sent reply. */
export const SENT_STORAGE_FULL_MESSAGE = storageFullMessage('the reply you sent', 'press Mark as sent again');

/** Runs a write, turning a full disk into `message` for the creator (see storage-error.ts). */
async function explained<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw explainStorageFull(error, message);
  }
}

/** The engine text's voice score, or undefined when memory has nothing to compare with. */
async function voiceScoreOf(db: UnderstudyDB, payload: DraftPayload): Promise<number | undefined> {
  if (!payload.engineText.trim()) return undefined;
  try {
    const voice = await scoreVoice(db, payload.engineText, payload.comment.site, payload.comment.kind);
    return voice.basedOn > 0 ? voice.score : undefined;
  } catch {
    return undefined;
  }
}

async function writeOptions(db: UnderstudyDB, payload: DraftPayload) {
  return {
    voiceScore: await voiceScoreOf(db, payload),
    ...(payload.factIds ? { factIds: payload.factIds } : {}),
    ...(payload.flagCount !== undefined ? { flagCount: payload.flagCount } : {}),
  };
}

export async function queueWithVoice(db: UnderstudyDB, payload: DraftPayload): Promise<number> {
  const options = await writeOptions(db, payload);
  return explained(DRAFT_STORAGE_FULL_MESSAGE, () => queueDraft(db, payload, options));
}

export async function insertWithVoice(db: UnderstudyDB, payload: DraftPayload): Promise<number> {
  const options = await writeOptions(db, payload);
  return explained(DRAFT_STORAGE_FULL_MESSAGE, () => markInserted(db, payload, options));
}

/** The creator sent it: the final text joins memory as their own reply (once per draft). */
export async function recordSentDraft(
  db: UnderstudyDB,
  payload: DraftReport & { via: 'confirmed' | 'seen' },
): Promise<{ draftId: number; recorded: boolean }> {
  const { via: _via, ...draft } = payload;
  // The page seeing it posted and the creator pressing "Mark as sent" report the same reply.
  const already = await db.drafts
    .where('[site+commentId]')
    .equals([payload.comment.site, payload.comment.commentId])
    .filter((row) => row.status === 'sent' && row.text.trim() === payload.text.trim())
    .first();
  if (already?.id !== undefined) return { draftId: already.id, recorded: false };
  return explained(SENT_STORAGE_FULL_MESSAGE, () => learnSent(db, payload, draft));
}

/**
 * The draft marked inserted and the reply learned from it, in one transaction: a failure in
 * either (a full disk) leaves the draft, memory and the contact as they were.
 */
async function learnSent(db: UnderstudyDB, payload: DraftReport, draft: DraftReport): Promise<{ draftId: number; recorded: boolean }> {
  // Read before the transaction: scoring reads the fingerprint, which may compute and cache it.
  const options = await writeOptions(db, draft);
  const { comment } = payload;
  const dm = comment.kind === 'dm';
  const input: Omit<RecordSentInput, 'draftId'> = {
    comment: comment.text,
    finalText: payload.text,
    engineText: payload.engineText,
    platform: comment.site,
    // A DM's sender is named on the page and known by their handle where the site shows one.
    contact: dm && comment.handle ? { handle: comment.handle, displayName: comment.author } : comment.author,
    ...(dm
      ? {
          kind: 'dm' as const,
          ...(comment.conversation
            ? {
                conversation: {
                  id: comment.conversation.id,
                  url: comment.permalink ?? comment.pageUrl,
                  ...(comment.conversation.title ? { title: comment.conversation.title } : {}),
                },
              }
            : {}),
        }
      : {}),
  };
  // The draft is written with its voice score (when memory has something to score against).
  const prepared: PreparedSent = { sentAt: Date.now(), engineText: payload.engineText };
  const { draftId, result } = await db.transaction('rw', [...sentTables(db), db.facts], async () => {
    const draftId = await markInserted(db, draft, options);
    return { draftId, result: await writeSent(db, { ...input, draftId }, prepared) };
  });
  await afterSent(db, result);
  return { draftId, recorded: result.recorded };
}

/** Every draft leaves the background with its voice match, so the creator sees how close it is. */
export function withVoiceMatch(runner: DraftRunner, db: UnderstudyDB): DraftRunner {
  return {
    async draft(comment, options) {
      const result = await runner.draft(comment, options);
      // A draft that doesn't answer the comment gets no voice score: sounding right is no praise.
      if (!voiceMatchShown(result)) return result;
      try {
        const voice = await scoreVoice(db, result.text, comment.site, comment.kind);
        if (voice.basedOn === 0) return result;
        return { ...result, voice: { score: voice.score, traits: voice.traits } };
      } catch {
        return result;
      }
    },
  };
}
