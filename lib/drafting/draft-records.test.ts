import type { CommentContext } from '../core/draft';
import { beforeEach, describe, expect, it } from 'vitest';
import { UnderstudyDB } from '../memory/db';
import { dbWithQuota } from '../memory/quota.testutil';
import { queueWithVoice, recordSentDraft, SENT_STORAGE_FULL_MESSAGE, withVoiceMatch } from './draft-records';

const comment: CommentContext = {
  site: 'youtube',
  commentId: 'Ugx9',
  author: '@sam',
  text: 'Is rice flour necessary on the banneton?',
  pageUrl: 'https://www.youtube.com/watch?v=abc',
};

let db: UnderstudyDB;

beforeEach(async () => {
  db = new UnderstudyDB(`records-${crypto.randomUUID()}`);
  const replies = [
    'Hey! Rice flour just stops sticking 🍞 — Maya',
    'Hey! Semolina works too, it browns a bit more ✨ — Maya',
    'Hey! Feed it twice a day in summer 🍞 — Maya',
    'Hey! A hot Dutch oven is the whole secret 🍞 — Maya',
  ];
  await db.examples.bulkAdd(replies.map((reply, i) => ({ reply, platform: 'youtube', source: 'import', createdAt: i })));
});

describe('what the background records about drafts', () => {
  it('stores a queued draft with the voice score of what the engine wrote', async () => {
    const id = await queueWithVoice(db, { comment, text: 'Hey! Rice flour stops sticking 🍞 — Maya', engineText: 'Hey! Rice flour stops sticking 🍞 — Maya', engine: 'memory', exampleIds: [1] });
    const row = await db.drafts.get(id);
    expect(row?.voiceScore).toBeGreaterThan(60);
  });

  it('learns the sent text once, even when the page and the creator both report it', async () => {
    const payload = { comment, text: 'Hey! Any flour that does not stick 🍞 — Maya', engineText: 'Hey! Rice flour stops sticking 🍞 — Maya', engine: 'memory' as const, exampleIds: [1] };
    const first = await recordSentDraft(db, { ...payload, via: 'seen' });
    const second = await recordSentDraft(db, { ...payload, via: 'confirmed' });
    expect(first.recorded).toBe(true);
    expect(second.recorded).toBe(false);
    const sent = await db.examples.where('source').equals('sent').toArray();
    expect(sent.map((e) => e.reply)).toEqual(['Hey! Any flour that does not stick 🍞 — Maya']);
    expect((await db.drafts.get(first.draftId))?.status).toBe('sent');
  });

  it('attaches a voice match to every draft it hands back', async () => {
    const runner = withVoiceMatch({ draft: async () => ({ text: 'Dear Sir, I hereby inform you that flour is required.', engine: 'memory', exampleIds: [] }) }, db);
    const result = await runner.draft(comment, { signal: new AbortController().signal, onToken() {}, onStatus() {} });
    expect(result.voice?.score).toBeLessThan(60);
    expect(result.voice?.traits.length).toBeGreaterThan(0);
  });
});

describe('what the background records about DM drafts', () => {
  const dm: CommentContext = {
    site: 'instagram',
    commentId: 'dm:t7',
    kind: 'dm',
    author: 'Lena Brooks',
    handle: 'lenab',
    text: 'Which flour for focaccia?',
    pageUrl: 'https://www.instagram.com/direct/t/t7/',
    conversation: {
      id: 't7',
      title: 'Lena Brooks',
      group: false,
      messages: [
        { from: 'them', sender: 'Lena Brooks', text: 'We moved to Elm Street!' },
        { from: 'them', sender: 'Lena Brooks', handle: 'lenab', text: 'Which flour for focaccia?' },
      ],
      answering: [1],
    },
  };

  it('learns a sent DM as a DM reply and links the conversation to the contact, keeping nothing else of it', async () => {
    const result = await recordSentDraft(db, { comment: dm, text: 'Bread flour, always!', engineText: 'Bread flour!', engine: 'memory', exampleIds: [], via: 'seen' });
    expect(result.recorded).toBe(true);
    const [sent] = await db.examples.where('kind').equals('dm').toArray();
    expect(sent).toMatchObject({ reply: 'Bread flour, always!', incoming: 'Which flour for focaccia?', source: 'sent', kind: 'dm', contactKey: 'instagram:lenab' });
    const contact = await db.contacts.get('instagram:lenab');
    expect(contact).toMatchObject({ displayName: 'Lena Brooks', interactions: 1 });
    expect(contact?.conversations).toEqual([{ id: 't7', url: 'https://www.instagram.com/direct/t/t7/', title: 'Lena Brooks', lastAt: expect.any(Number) }]);
    const draft = await db.drafts.get(result.draftId);
    expect(draft).toMatchObject({ kind: 'dm', status: 'sent' });
    expect(JSON.stringify([draft, contact, sent])).not.toContain('Elm Street');
  });
});

describe('learning a sent reply is one write', () => {
  /** Every row of every table. */
  async function everything(db: UnderstudyDB): Promise<Record<string, unknown[]>> {
    const rows: Record<string, unknown[]> = {};
    for (const table of db.tables) rows[table.name] = await table.toArray();
    return rows;
  }

  // Refused after the draft was marked inserted: the reply itself, or the commenter, the last write.
  for (const refused of [['examples'], ['contacts'], ['sources']]) {
    it(`leaves the queued draft, memory and the commenter as they were when the write to ${refused.join(', ')} fails`, async () => {
      const quota = dbWithQuota(refused);
      await quota.db.examples.bulkAdd(['Hey! Rice flour just stops sticking 🍞 — Maya', 'Hey! Feed it twice a day 🍞 — Maya'].map((reply, i) => ({ reply, platform: 'youtube', source: 'import', createdAt: i })));
      const draftId = await queueWithVoice(quota.db, { comment, text: 'Hey! Rice flour stops sticking 🍞', engineText: 'Hey! Rice flour stops sticking 🍞', engine: 'memory', exampleIds: [1] });
      const before = await everything(quota.db);
      quota.setFull(true);

      const sent = { comment, text: 'Hey! Any flour that does not stick 🍞', engineText: 'Hey! Rice flour stops sticking 🍞', engine: 'memory' as const, exampleIds: [1], via: 'confirmed' as const };
      await expect(recordSentDraft(quota.db, sent)).rejects.toThrow(SENT_STORAGE_FULL_MESSAGE);
      expect(quota.refused).toBeGreaterThan(0);
      // Not even the draft moved: still queued with the creator's last saved text, not "inserted".
      expect(await everything(quota.db)).toEqual(before);
      expect(await quota.db.drafts.get(draftId)).toMatchObject({ status: 'queued', text: 'Hey! Rice flour stops sticking 🍞' });

      // With room again, the same report learns it whole.
      quota.setFull(false);
      expect((await recordSentDraft(quota.db, sent)).recorded).toBe(true);
      expect(await quota.db.drafts.get(draftId)).toMatchObject({ status: 'sent', text: 'Hey! Any flour that does not stick 🍞' });
      expect(await quota.db.contacts.get('youtube:sam')).toMatchObject({ interactions: 1 });
    });
  }
});
