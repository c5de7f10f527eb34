/**
 * Proofs (issue 13) that a draft save and a learning write meeting a full disk tell the creator
 * so, and what to do, and leave memory exactly as it was: every row of every table the same
 * before and after. The vector save has its own in embedding-job.test.ts; imports in
 * lib/imports/quota.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CommentContext, DraftReport } from '../core/draft';
import type { EditorPortOut } from '../messaging/editor-protocol';
import {
  DRAFT_STORAGE_FULL_MESSAGE,
  insertWithVoice,
  queueWithVoice,
  recordSentDraft,
  SENT_STORAGE_FULL_MESSAGE,
} from '../drafting/draft-records';
import { createEditorService, type EditorPort } from '../drafting/editor-service';
import { createEditorSessions, type EditorSession } from '../drafting/editor-sessions';
import type { UnderstudyDB } from './db';
import { recordSent } from './learning';
import { dbWithQuota, type QuotaSwitch } from './quota.testutil';
import { isQuotaError, storageFullMessage } from './storage-error';

const EVERY_TABLE = ['profile', 'facts', 'examples', 'exampleChunks', 'drafts', 'contacts', 'sources', 'meta', 'embeddings'];

const comment: CommentContext = {
  site: 'youtube',
  commentId: 'Ugx9',
  author: '@sam',
  text: 'Is rice flour necessary on the banneton?',
  pageUrl: 'https://www.youtube.com/watch?v=abc',
};

function draft(text: string, extra: Partial<DraftReport> = {}): DraftReport {
  return { comment, text, engineText: 'Hey! Rice flour stops sticking 🍞 — Maya', engine: 'memory', exampleIds: [1], ...extra };
}

/** Every row of every table, and how many each holds. */
async function everything(db: UnderstudyDB) {
  const rows: Record<string, unknown[]> = {};
  const counts: Record<string, number> = {};
  for (const table of db.tables) {
    rows[table.name] = await table.toArray();
    counts[table.name] = rows[table.name]!.length;
  }
  return { rows, counts };
}

/** A memory with replies to score the voice against, a fact, a contact and the 'sent' source. */
async function memoryWithQuota(tables: readonly string[]): Promise<QuotaSwitch> {
  const quota = dbWithQuota(tables);
  const { db } = quota;
  const replies = [
    'Hey! Rice flour just stops sticking 🍞 — Maya',
    'Hey! Semolina works too, it browns a bit more ✨ — Maya',
    'Hey! Feed it twice a day in summer 🍞 — Maya',
    'Hey! A hot Dutch oven is the whole secret 🍞 — Maya',
  ];
  await db.examples.bulkAdd(replies.map((reply, i) => ({ reply, platform: 'youtube', source: 'import', createdAt: i })));
  await db.facts.add({ text: 'I bake sourdough.', position: 0 });
  await recordSent(db, { comment: 'Loved it', finalText: 'Thanks Sam!', platform: 'youtube', contact: '@sam', sentAt: 10 });
  return quota;
}

/** Runs `write` on a full disk; returns the error it failed with and memory before and after. */
async function onFullDisk(quota: QuotaSwitch, write: () => Promise<unknown>) {
  const before = await everything(quota.db);
  quota.setFull(true);
  const error = await write().then(
    () => undefined,
    (e: unknown) => e,
  );
  quota.setFull(false);
  expect(quota.refused).toBeGreaterThan(0);
  return { error, before, after: await everything(quota.db) };
}

describe('a draft saved on a full disk', () => {
  it('is not saved, and the creator is told the disk is full and to press Queue again once there is room', async () => {
    const quota = await memoryWithQuota(['drafts']);
    const { error, before, after } = await onFullDisk(quota, () => queueWithVoice(quota.db, draft('Hey! Rice flour stops sticking 🍞 — Maya')));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(DRAFT_STORAGE_FULL_MESSAGE);
    expect(DRAFT_STORAGE_FULL_MESSAGE).toBe(storageFullMessage('this draft', 'press Queue again'));
    expect(isQuotaError(error)).toBe(true);
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);

    // Once there is room, the same Queue saves it.
    const id = await queueWithVoice(quota.db, draft('Hey! Rice flour stops sticking 🍞 — Maya'));
    expect(await quota.db.drafts.get(id)).toMatchObject({ status: 'queued', text: 'Hey! Rice flour stops sticking 🍞 — Maya' });
  });

  it('keeps the text saved before when an edit to a queued draft cannot be written', async () => {
    const quota = await memoryWithQuota(['drafts']);
    const id = await queueWithVoice(quota.db, draft('First version'));
    const { error, before, after } = await onFullDisk(quota, () => queueWithVoice(quota.db, draft('Second version', { factIds: [1] })));
    expect((error as Error).message).toBe(DRAFT_STORAGE_FULL_MESSAGE);
    expect(after.rows).toEqual(before.rows);
    expect(await quota.db.drafts.get(id)).toMatchObject({ status: 'queued', text: 'First version' });
  });

  it('leaves the draft queued as it was when recording that it was inserted cannot be written', async () => {
    const quota = await memoryWithQuota(['drafts']);
    const id = await queueWithVoice(quota.db, draft('Queued text'));
    const { error, before, after } = await onFullDisk(quota, () => insertWithVoice(quota.db, draft('Inserted text', { overriddenFlags: ['number'] })));
    expect((error as Error).message).toBe(DRAFT_STORAGE_FULL_MESSAGE);
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);
    expect(await quota.db.drafts.get(id)).toMatchObject({ status: 'queued', text: 'Queued text' });
  });

  it('passes any other failure on unchanged, so only a full disk is called a full disk', async () => {
    const quota = await memoryWithQuota([]);
    await quota.db.drafts.hook('creating', () => {
      throw new Error('Something else broke.');
    });
    await expect(queueWithVoice(quota.db, draft('Text'))).rejects.toThrow('Something else broke.');
  });
});

describe('a sent reply learned on a full disk', () => {
  // The learning write touches the replies, the draft, the contact and the 'sent' source: whichever
  // of them is the one refused, the others written before it in the same transaction are undone.
  for (const full of ['examples', 'meta', 'drafts', 'contacts', 'sources']) {
    it(`adds no reply, leaves the draft unsent and the contact untouched when the write to ${full} is refused`, async () => {
      const quota = await memoryWithQuota([full]);
      const draftId = await queueWithVoice(quota.db, draft('Hey! Any flour that does not stick 🍞 — Maya'));
      const { error, before, after } = await onFullDisk(quota, () =>
        recordSent(quota.db, { draftId, comment: comment.text, finalText: 'Hey! Any flour that does not stick 🍞 — Maya', platform: 'youtube', contact: '@lee', sentAt: 20 }),
      );
      expect(isQuotaError(error)).toBe(true);
      expect(after.counts).toEqual(before.counts);
      expect(after.rows).toEqual(before.rows);
      expect(await quota.db.drafts.get(draftId)).toMatchObject({ status: 'queued' });
      expect(await quota.db.contacts.get('youtube:lee')).toBeUndefined();
    });
  }

  it('tells the creator the disk is full and to press Mark as sent again, and then learns it once', async () => {
    const quota = await memoryWithQuota(EVERY_TABLE);
    await queueWithVoice(quota.db, draft('Hey! Any flour that does not stick 🍞 — Maya'));
    const sent = { ...draft('Hey! Any flour that does not stick 🍞 — Maya'), via: 'confirmed' as const };
    const { error, before, after } = await onFullDisk(quota, () => recordSentDraft(quota.db, sent));
    expect((error as Error).message).toBe(SENT_STORAGE_FULL_MESSAGE);
    expect(SENT_STORAGE_FULL_MESSAGE).toBe(storageFullMessage('the reply you sent', 'press Mark as sent again'));
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);

    // With room again, Mark as sent learns it, and only once.
    expect((await recordSentDraft(quota.db, sent)).recorded).toBe(true);
    expect((await recordSentDraft(quota.db, sent)).recorded).toBe(false);
    const learned = await quota.db.examples.where('source').equals('sent').toArray();
    expect(learned.map((e) => e.reply)).toEqual(['Thanks Sam!', 'Hey! Any flour that does not stick 🍞 — Maya']);
  });

  it('tells the creator the same when only the learning tables are full, and the reply is not learned half-way', async () => {
    const quota = await memoryWithQuota(['examples', 'contacts', 'sources']);
    const draftId = await queueWithVoice(quota.db, draft('Hey! Any flour that does not stick 🍞 — Maya'));
    const sent = { ...draft('Hey! Any flour that does not stick 🍞 — Maya'), via: 'seen' as const };
    const { error, before, after } = await onFullDisk(quota, () => recordSentDraft(quota.db, sent));
    expect((error as Error).message).toBe(SENT_STORAGE_FULL_MESSAGE);
    for (const table of ['examples', 'exampleChunks', 'meta', 'contacts', 'sources']) expect(after.rows[table], table).toEqual(before.rows[table]);
    expect(after.counts).toEqual(before.counts);
    // The draft keeps its text and is not marked sent: the next report of it learns it.
    expect(await quota.db.drafts.get(draftId)).toMatchObject({ text: 'Hey! Any flour that does not stick 🍞 — Maya' });
    expect((await quota.db.drafts.get(draftId))?.status).not.toBe('sent');
  });
});

describe('what the draft editor shows when the disk is full', () => {
  /** The background's editor service wired to this memory as the service worker wires it. */
  async function editorOn(db: UnderstudyDB) {
    let stored: EditorSession[] | null = null;
    const service = createEditorService({
      sessions: createEditorSessions({ get: async () => stored, set: async (list) => void (stored = structuredClone(list)) }),
      drafter: { draft: async () => ({ text: 'Nice to have, not essential!', engine: 'memory', exampleIds: [] }) },
      queue: (report) => queueWithVoice(db, report),
      inserted: (report) => insertWithVoice(db, report),
      sent: (report, via) => recordSentDraft(db, { ...report, via }),
      insertInPage: async () => ({ ok: true as const }),
    });
    const received: EditorPortOut[] = [];
    let onMessage: (message: unknown) => void = () => {};
    const port: EditorPort = {
      postMessage: (message) => received.push(message),
      onMessage: { addListener: (listener) => (onMessage = listener) },
      onDisconnect: { addListener: () => {} },
      disconnect: () => {},
    };
    const { sessionId } = await service.open(comment, 7, 0);
    service.serve(port, 7);
    onMessage({ type: 'attach', sessionId });
    await vi.waitFor(() => expect(received.some((m) => m.type === 'session')).toBe(true));
    /** Sends what the frame sends and waits for the answer of `type` or an error. */
    const send = async (message: unknown, type: EditorPortOut['type']) => {
      const from = received.length;
      onMessage(message);
      await vi.waitFor(() => expect(received.slice(from).some((m) => m.type === type || m.type === 'error')).toBe(true));
      return received.slice(from).find((m) => m.type === type || m.type === 'error');
    };
    return { send };
  }

  it('pressing Queue shows the creator that the disk is full and to press Queue again, and nothing is written', async () => {
    const quota = await memoryWithQuota(EVERY_TABLE);
    const editor = await editorOn(quota.db);
    const { before, after } = await onFullDisk(quota, async () => {
      expect(await editor.send({ type: 'queue', text: 'Nice to have, not essential!' }, 'saved')).toEqual({ type: 'error', message: DRAFT_STORAGE_FULL_MESSAGE });
    });
    expect(after.rows).toEqual(before.rows);
    expect(await editor.send({ type: 'queue', text: 'Nice to have, not essential!' }, 'saved')).toMatchObject({ type: 'saved', queued: true });
  });

  it('pressing Mark as sent shows the creator that the disk is full and to press it again, and nothing is learned', async () => {
    const quota = await memoryWithQuota(EVERY_TABLE);
    const editor = await editorOn(quota.db);
    const { before, after } = await onFullDisk(quota, async () => {
      expect(await editor.send({ type: 'markSent', text: 'Nice to have, not essential!' }, 'sent')).toEqual({ type: 'error', message: SENT_STORAGE_FULL_MESSAGE });
    });
    expect(after.rows).toEqual(before.rows);
    expect(await editor.send({ type: 'markSent', text: 'Nice to have, not essential!' }, 'sent')).toMatchObject({ type: 'sent', recorded: true });
  });
});
