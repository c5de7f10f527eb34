import { describe, expect, it } from 'vitest';
import {
  discardDraft,
  getDraft,
  listDesk,
  listQueued,
  restoreDraft,
  setFlagCount,
  setFlagCounts,
  markInserted,
  queueDraft,
  updateDraftText,
  type DraftInput,
} from './drafts-repo';
import { freshDb } from './fresh-db.testutil';


function input(commentId: string, text = 'Thanks!', site: DraftInput['comment']['site'] = 'youtube'): DraftInput {
  return {
    comment: {
      site,
      commentId,
      author: '@fan',
      text: 'Love this video',
      pageUrl: 'https://www.youtube.com/watch?v=abc',
      threadTitle: 'Sourdough 101',
    },
    text,
    engineText: text,
    engine: 'memory',
    exampleIds: [1, 2],
  };
}

describe('drafts repository', () => {
  it('queues a draft with where it came from', async () => {
    const db = freshDb();
    const id = await queueDraft(db, input('c1'), 100);
    expect(await getDraft(db, id)).toMatchObject({
      site: 'youtube',
      commentId: 'c1',
      author: '@fan',
      commentText: 'Love this video',
      threadTitle: 'Sourdough 101',
      text: 'Thanks!',
      engine: 'memory',
      exampleIds: [1, 2],
      status: 'queued',
      createdAt: 100,
      updatedAt: 100,
    });
  });

  it('keeps how fast the model wrote a draft: prompt tokens, time to first token, tokens/s', async () => {
    const db = freshDb();
    const metrics = { promptTokens: 812, timeToFirstTokenMs: 640, decodeTokensPerSecond: 31.5, prefillTokensPerSecond: 950 };
    const id = await queueDraft(db, { ...input('m1'), engine: 'webllm', model: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', metrics });
    const row = await getDraft(db, id);
    expect(row).toMatchObject({ engine: 'webllm', model: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', metrics });
  });

  it('keeps how many facts, links and offers the prompt left out, for "Why this draft?"', async () => {
    const db = freshDb();
    const leftOut = { facts: 412, values: 0, objectives: 0, links: 3, offers: 0 };
    const id = await queueDraft(db, { ...input('m2'), engine: 'webllm', leftOut });
    expect((await getDraft(db, id))?.leftOut).toEqual(leftOut);
  });

  it('keeps the guard flags the creator inserted over when the draft is written again', async () => {
    const db = freshDb();
    const id = await markInserted(db, { ...input('g1'), overriddenFlags: ['price'] });
    await queueDraft(db, input('g1', 'Thanks again!'));
    expect((await getDraft(db, id))?.overriddenFlags).toEqual(['price']);
  });

  it('queuing the same comment again updates its draft instead of adding a second one', async () => {
    const db = freshDb();
    const first = await queueDraft(db, input('c1', 'First try'), 100);
    const second = await queueDraft(db, input('c1', 'Second try'), 200);
    expect(second).toBe(first);
    const queued = await listQueued(db);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ text: 'Second try', createdAt: 100, updatedAt: 200 });
  });

  it('treats the same comment id on different sites as different comments', async () => {
    const db = freshDb();
    await queueDraft(db, input('c1', 'a', 'youtube'));
    await queueDraft(db, input('c1', 'b', 'tiktok'));
    expect(await listQueued(db)).toHaveLength(2);
  });

  it('lists the queue newest first', async () => {
    const db = freshDb();
    await queueDraft(db, input('old'), 100);
    await queueDraft(db, input('new'), 300);
    await queueDraft(db, input('middle'), 200);
    expect((await listQueued(db)).map((d) => d.commentId)).toEqual(['new', 'middle', 'old']);
  });

  it('saves the creator’s edit and keeps what the engine wrote', async () => {
    const db = freshDb();
    const id = await queueDraft(db, input('c1', 'Engine words'), 100);
    expect(await updateDraftText(db, id, 'My words', 150)).toBe(true);
    expect(await getDraft(db, id)).toMatchObject({ text: 'My words', engineText: 'Engine words', updatedAt: 150 });
    expect(await updateDraftText(db, 9999, 'nobody')).toBe(false);
  });

  it('a discarded draft leaves the queue, and drafting that comment again starts fresh', async () => {
    const db = freshDb();
    const id = await queueDraft(db, input('c1', 'Not this'));
    expect(await discardDraft(db, id)).toBe(true);
    expect(await listQueued(db)).toEqual([]);

    const again = await queueDraft(db, input('c1', 'This one'));
    expect(again).not.toBe(id);
    expect((await getDraft(db, id))?.status).toBe('discarded');
    expect((await listQueued(db)).map((d) => d.text)).toEqual(['This one']);
  });

  it('inserting a queued draft moves it out of the queue without a duplicate', async () => {
    const db = freshDb();
    const id = await queueDraft(db, input('c1', 'Queued text'), 100);
    const inserted = await markInserted(db, input('c1', 'Edited and inserted'), 200);
    expect(inserted).toBe(id);
    expect(await listQueued(db)).toEqual([]);
    expect(await getDraft(db, id)).toMatchObject({ status: 'inserted', text: 'Edited and inserted', createdAt: 100 });
    expect(await db.drafts.count()).toBe(1);
  });

  it('records an insert for a comment that was never queued', async () => {
    const db = freshDb();
    const id = await markInserted(db, input('c9'));
    expect((await getDraft(db, id))?.status).toBe('inserted');
  });

  it('keeps the voice score the background computed, until the engine writes something else', async () => {
    const db = freshDb();
    const id = await queueDraft(db, input('c1', 'Thanks!'), { now: 100, voiceScore: 87, factIds: [3] });
    expect(await getDraft(db, id)).toMatchObject({ voiceScore: 87, factIds: [3], updatedAt: 100 });
    // The creator's edit does not change what the engine wrote.
    await markInserted(db, { ...input('c1', 'Thanks so much!'), engineText: 'Thanks!' }, 200);
    expect((await getDraft(db, id))?.voiceScore).toBe(87);
    // A regenerated draft is another text: its old score no longer applies.
    await queueDraft(db, input('c1', 'Something new'), 300);
    expect((await getDraft(db, id))?.voiceScore).toBeUndefined();
  });

  it('a sent draft stays sent: drafting that comment again starts a fresh one', async () => {
    const db = freshDb();
    const id = await markInserted(db, input('c1', 'Sent text'));
    await db.drafts.update(id, { status: 'sent' });
    const again = await queueDraft(db, input('c1', 'A follow-up'));
    expect(again).not.toBe(id);
    expect(await getDraft(db, id)).toMatchObject({ status: 'sent', text: 'Sent text' });
  });
});

describe('the facts a saved draft drew on', () => {
  it('keeps their text on the draft, so it still shows what it used after the fact is deleted', async () => {
    const db = freshDb();
    const [kept, deleted] = (await db.facts.bulkAdd([{ text: 'Lives in Lisbon.' }, { text: 'Has two cats.' }], { allKeys: true })) as number[];
    const id = await queueDraft(db, input('c1'), { factIds: [kept!, deleted!] });
    await db.facts.delete(deleted!);
    // Re-queued after an edit: same engine text, so the same facts.
    await queueDraft(db, { ...input('c1'), text: 'Thanks a lot!' });
    expect((await getDraft(db, id))?.usedFacts).toEqual([
      { id: kept, text: 'Lives in Lisbon.' },
      { id: deleted, text: 'Has two cats.' },
    ]);
  });
});

describe('DM drafts in the repository', () => {
  const conversation = {
    id: '1234',
    title: 'Lena',
    group: false,
    messages: [
      { from: 'them' as const, sender: 'Lena', text: 'Theodora says hi, we moved house' },
      { from: 'me' as const, sender: 'You', text: 'Say hi back!' },
      { from: 'them' as const, sender: 'Lena', handle: 'lena', text: 'Which flour for focaccia?' },
    ],
    answering: [2],
  };
  const dmInput = (text = 'Bread flour!'): DraftInput => ({
    comment: {
      site: 'instagram',
      commentId: 'dm:1234',
      kind: 'dm',
      author: 'Lena',
      handle: 'lena',
      text: 'Which flour for focaccia?',
      pageUrl: 'https://www.instagram.com/direct/t/1234/',
      conversation,
    },
    text,
    engineText: text,
    engine: 'memory',
    exampleIds: [],
  });

  it('keeps a queued DM draft as a DM with only the message it answered and the link back to the conversation', async () => {
    const db = freshDb();
    const id = await queueDraft(db, dmInput(), 100);
    const row = await getDraft(db, id);
    expect(row).toMatchObject({ kind: 'dm', commentId: 'dm:1234', pageUrl: 'https://www.instagram.com/direct/t/1234/' });
    expect(row?.conversation).toEqual({
      id: '1234',
      title: 'Lena',
      group: false,
      messages: [{ from: 'them', sender: 'Lena', handle: 'lena', text: 'Which flour for focaccia?' }],
      answering: [0],
    });
    expect(JSON.stringify(row)).not.toContain('Theodora');
  });

  it('updates the one live draft of a conversation when it is drafted again, still keeping only what it answered', async () => {
    const db = freshDb();
    const first = await queueDraft(db, dmInput('Bread flour!'), 100);
    const again = await markInserted(db, dmInput('Bread flour, always'), 200);
    expect(again).toBe(first);
    expect((await db.drafts.where('kind').equals('dm').toArray()).map((d) => [d.text, d.conversation?.messages.length])).toEqual([['Bread flour, always', 1]]);
  });

  it('marks a comment draft as a comment', async () => {
    const db = freshDb();
    const id = await queueDraft(db, input('c9'), 100);
    expect((await getDraft(db, id))?.kind).toBe('comment');
    expect((await getDraft(db, id))?.conversation).toBeUndefined();
  });

  it('lists every draft on the desk, newest first, without the discarded ones', async () => {
    const db = freshDb();
    const first = await queueDraft(db, input('c1'), 100);
    const second = await markInserted(db, input('c2'), 200);
    const gone = await queueDraft(db, input('c3'), 300);
    await discardDraft(db, gone);
    expect((await listDesk(db)).map((d) => d.id)).toEqual([second, first]);
  });

  it('brings a discarded draft back with the status it had (Undo)', async () => {
    const db = freshDb();
    const id = await markInserted(db, input('c1'), 100);
    await discardDraft(db, id);
    await restoreDraft(db, id, 'inserted');
    expect((await getDraft(db, id))?.status).toBe('inserted');
  });

  it('forgets the flag count when the text changes, and keeps one taken on the text as it stands', async () => {
    const db = freshDb();
    const id = await queueDraft(db, input('c1', 'Thanks!'), { now: 100, flagCount: 2 });
    expect((await getDraft(db, id))?.flagCount).toBe(2);
    await updateDraftText(db, id, 'Thanks a lot!');
    expect((await getDraft(db, id))?.flagCount).toBeUndefined();
    expect(await setFlagCount(db, id, 'Something older', 1)).toBe(false);
    expect(await setFlagCount(db, id, 'Thanks a lot!', 1)).toBe(true);
    expect((await getDraft(db, id))?.flagCount).toBe(1);
  });

  it('writes several flag counts at once, skipping drafts whose text changed since', async () => {
    const db = freshDb();
    const a = await queueDraft(db, input('c1', 'One'), 100);
    const b = await queueDraft(db, input('c2', 'Two'), 100);
    await setFlagCounts(db, [{ id: a, text: 'One', flagCount: 3 }, { id: b, text: 'Old text', flagCount: 1 }]);
    expect((await getDraft(db, a))?.flagCount).toBe(3);
    expect((await getDraft(db, b))?.flagCount).toBeUndefined();
  });
});
