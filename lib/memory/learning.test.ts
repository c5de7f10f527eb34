import { describe, expect, it } from 'vitest';
import { contactHistory, getContact } from './contacts-repo';
import { UnderstudyDB } from './db';
import { getDraft, markInserted, queueDraft, type DraftInput } from './drafts-repo';
import { getIndexFor } from './index-store';
import { recordSent, scoreVoice, voiceStats } from './learning';
import { freshDb } from './fresh-db.testutil';


const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 1);

function draftInput(commentId: string, engineText: string, author = '@bob'): DraftInput {
  return {
    comment: {
      site: 'youtube',
      commentId,
      author,
      text: 'How long do you proof rye?',
      pageUrl: 'https://www.youtube.com/watch?v=abc',
    },
    text: engineText,
    engineText,
    engine: 'memory',
    exampleIds: [],
  };
}

async function withMemory(db: UnderstudyDB): Promise<void> {
  await db.examples.bulkAdd(
    ['Hey Sam! Feed it twice a day 🍞', 'Hey Jo! 220C for 40 min 🍞', 'Thank you so much! ✨', 'Hey Al! Rye is slower, be patient 🍞'].map(
      (reply, i) => ({ reply, source: 'import' as const, platform: 'youtube' as const, createdAt: NOW - (i + 1) * DAY }),
    ),
  );
}

describe('recordSent', () => {
  it('turns the sent reply into an example that the next draft can find', async () => {
    const db = freshDb();
    await withMemory(db);
    const index = await getIndexFor(db);
    const result = await recordSent(db, {
      comment: 'Does spelt need a longer proof?',
      finalText: 'Spelt proofs faster, keep an eye on it!',
      platform: 'youtube',
      contact: '@bob',
      sentAt: NOW,
    });
    expect(result.recorded).toBe(true);
    const example = await db.examples.get(result.exampleId!);
    expect(example).toMatchObject({
      incoming: 'Does spelt need a longer proof?',
      reply: 'Spelt proofs faster, keep an eye on it!',
      source: 'sent',
      platform: 'youtube',
      contactKey: 'youtube:bob',
      createdAt: NOW,
    });
    // The same index, updated in place.
    expect(await getIndexFor(db)).toBe(index);
    expect(index.search({ text: 'spelt proof' })[0]?.example.id).toBe(result.exampleId);
  });

  it('marks the draft sent with how much the creator changed it', async () => {
    const db = freshDb();
    await withMemory(db);
    const draftId = await markInserted(db, draftInput('c1', 'Rye takes about 4 hours.'), NOW - 1000);
    const result = await recordSent(db, {
      draftId,
      comment: 'How long do you proof rye?',
      finalText: 'Rye takes about 3 hours!',
      platform: 'youtube',
      contact: { handle: '@bob', displayName: 'Bob' },
      sentAt: NOW,
    });
    expect(result.editDistance).toBe(2);
    expect(await getDraft(db, draftId)).toMatchObject({
      status: 'sent',
      text: 'Rye takes about 3 hours!',
      engineText: 'Rye takes about 4 hours.',
      editDistance: 2,
      sentAt: NOW,
      voiceScore: expect.any(Number),
    });
  });

  it('adds nothing the second time the same draft is reported sent', async () => {
    const db = freshDb();
    const draftId = await markInserted(db, draftInput('c1', 'Thanks!'));
    const input = { draftId, comment: 'Love it', finalText: 'Thanks!', platform: 'youtube' as const, contact: '@bob' };
    expect((await recordSent(db, input)).recorded).toBe(true);
    expect((await recordSent(db, input)).recorded).toBe(false);
    expect(await db.examples.count()).toBe(1);
    expect((await getContact(db, 'youtube:bob'))?.interactions).toBe(1);
  });

  it('builds up the commenter\'s history and the count of sent replies', async () => {
    const db = freshDb();
    await recordSent(db, { comment: 'First!', finalText: 'Welcome!', platform: 'youtube', contact: '@bob', sentAt: NOW - DAY });
    await recordSent(db, { comment: 'Back again', finalText: 'Good to see you!', platform: 'youtube', contact: 'Bob', sentAt: NOW });
    expect(await getContact(db, 'youtube:bob')).toMatchObject({ interactions: 2, firstSeen: NOW - DAY, lastSeen: NOW });
    expect((await contactHistory(db, 'youtube', '@bob')).map((h) => h.reply)).toEqual(['Good to see you!', 'Welcome!']);
    expect(await db.sources.where('kind').equals('sent').first()).toMatchObject({ records: 2 });
  });

  it('keeps a draft out of memory when the sent text is blank, but still records the send', async () => {
    const db = freshDb();
    const draftId = await markInserted(db, draftInput('c1', 'Thanks!'));
    const result = await recordSent(db, { draftId, comment: 'Love it', finalText: '   ', platform: 'youtube' });
    expect(result.exampleId).toBeUndefined();
    expect(await db.examples.count()).toBe(0);
    expect((await getDraft(db, draftId))?.status).toBe('sent');
  });
});

describe('voiceStats', () => {
  it('reports the share sent unchanged, the median edit distance and a weekly voice trend', async () => {
    const db = freshDb();
    await withMemory(db);
    const texts = ['Hey Sam! Yes 🍞', 'Hey Jo! No 🍞', 'Hey Al! Maybe 🍞'];
    const finals = ['Hey Sam! Yes 🍞', 'Hey Jo! Nope 🍞', 'Hey Al! Maybe not 🍞'];
    for (const [i, text] of texts.entries()) {
      const at = NOW - (2 - i) * 7 * DAY;
      const draftId = await queueDraft(db, draftInput(`c${i}`, text), { now: at, voiceScore: 60 + i * 10 });
      await recordSent(db, { draftId, comment: 'q', finalText: finals[i]!, platform: 'youtube', sentAt: at + 1000 });
    }
    const stats = await voiceStats(db, { weeks: 4, now: NOW + 1 });
    expect(stats.sent).toBe(3);
    expect(stats.sentUnchanged).toBe(1);
    expect(stats.unchangedShare).toBeCloseTo(1 / 3);
    expect(stats.medianEditDistance).toBe(2);
    expect(stats.trend).toHaveLength(4);
    expect(stats.trend.map((w) => w.meanScore)).toEqual([undefined, 60, 70, 80]);
    expect(stats.trend.map((w) => w.drafts)).toEqual([0, 1, 1, 1]);
  });

  it('has no share or median before anything was sent', async () => {
    const stats = await voiceStats(freshDb(), { weeks: 2 });
    expect(stats).toMatchObject({ sent: 0, sentUnchanged: 0 });
    expect(stats.unchangedShare).toBeUndefined();
    expect(stats.medianEditDistance).toBeUndefined();
  });
});

describe('scoreVoice', () => {
  it('scores a draft against the creator\'s memory', async () => {
    const db = freshDb();
    await withMemory(db);
    expect((await scoreVoice(db, 'Hey Bo! Rye needs time 🍞', 'youtube')).score).toBeGreaterThan(80);
  });
});
