import { describe, expect, it } from 'vitest';
import { applyProfile } from '../profile/apply';
import { queueDraft } from './drafts-repo';
import { addSentExample, ID_HIGH_WATER_KEY, insertExamples } from './examples-repo';
import { getIndexFor, INDEX_META_KEY, settleIndexFor } from './index-store';
import { recordSent } from './learning';
import { memoryStats } from './stats';
import { UnderstudyDB } from './db';
import { wipeEverything } from './wipe';
import { freshDb } from './fresh-db.testutil';
import { WIPE_EPOCH_KEY, wipeEpoch } from './wipe-epoch';


describe('wipeEverything', () => {
  it('leaves nothing behind: no profile, facts, examples, drafts, contacts and their notes, sources or saved index', async () => {
    const db = freshDb();
    await applyProfile(
      db,
      {
        format: 'understudy.style-profile',
        version: 1,
        name: 'Ada',
        handles: {},
        voice: 'kind',
        values: [],
        objectives: [],
        facts: [{ text: 'One.' }],
        boundaries: [],
        links: [],
        offers: [],
        examples: [{ reply: 'a' }],
      },
      'ada.json',
    );
    await addSentExample(db, { reply: 'sent' });
    const comment = { site: 'youtube', commentId: 'c1', author: 'x', text: 'hi', pageUrl: 'https://www.youtube.com/' } as const;
    await queueDraft(db, { comment, text: 'hey', engineText: 'hey', engine: 'memory', exampleIds: [] });
    await recordSent(db, { comment: 'Secret sourdough question', finalText: 'Secret answer', platform: 'youtube', contact: '@bob' });
    await db.contacts.update('youtube:bob', { note: 'Owes me a loaf' });
    await getIndexFor(db);
    await settleIndexFor(db);
    expect(await db.meta.get(INDEX_META_KEY)).toBeDefined();

    await wipeEverything(db);

    for (const table of db.tables) if (table.name !== 'meta') expect(await table.count()).toBe(0);
    // Only two counters stay: the highest reply id given out and how many wipes there were.
    expect((await db.meta.toCollection().primaryKeys()).sort()).toEqual([ID_HIGH_WATER_KEY, WIPE_EPOCH_KEY].sort());
    expect(await memoryStats(db)).toMatchObject({ examples: 0, facts: 0, queuedDrafts: 0, contacts: 0, sources: 0, hasProfile: false });
    expect((await getIndexFor(db)).search({ text: 'secret sourdough' })).toEqual([]);
  });

  it('never gives a reply, fact or draft created after the wipe an id one had before it', async () => {
    const db = freshDb();
    const imported = await insertExamples(db, [1, 2, 3].map((i) => ({ reply: `Imported ${i}`, source: 'import' as const, createdAt: i })));
    const sent = await addSentExample(db, { reply: 'Sent before the wipe' });
    const factId = await db.facts.add({ text: 'I live in Lisbon.' });
    const comment = { site: 'youtube', commentId: 'c1', author: 'x', text: 'hi', pageUrl: 'https://www.youtube.com/' } as const;
    const draftId = await queueDraft(db, { comment, text: 'hey', engineText: 'hey', engine: 'memory', exampleIds: [] });
    const before = Math.max(...imported, sent!);

    await wipeEverything(db);

    expect(await addSentExample(db, { reply: 'Sent after the wipe' })).toBeGreaterThan(before);
    expect((await insertExamples(db, [{ reply: 'Imported after', source: 'import', createdAt: 9 }]))[0]).toBeGreaterThan(before);
    expect(await db.facts.add({ text: 'I live in Porto.' })).toBeGreaterThan(factId!);
    expect(await queueDraft(db, { comment, text: 'hello', engineText: 'hello', engine: 'memory', exampleIds: [] })).toBeGreaterThan(draftId);
  });

  it('stops background work before deleting anything, and tells work it cannot reach that memory was wiped', async () => {
    const db = freshDb();
    await addSentExample(db, { reply: 'Something' });
    const seenAtStop: number[] = [];
    const stopJobs = vi.fn(async () => {
      seenAtStop.push(await db.examples.count());
    });
    const epoch = await wipeEpoch(db);
    await wipeEverything(db, { stopJobs });
    expect(stopJobs).toHaveBeenCalledTimes(1);
    expect(seenAtStop).toEqual([1]);
    expect(await wipeEpoch(db)).toBe(epoch + 1);
  });

  it('leaves no wiped reply in the retrieval index of another context (the background) when the options page wipes', async () => {
    const background = freshDb();
    const options = new UnderstudyDB(background.name);
    for (const reply of ['Gerald the sourdough starter', 'Feed the sourdough twice', 'Sourdough likes warmth']) {
      await addSentExample(background, { reply });
    }
    expect((await getIndexFor(background)).search({ text: 'sourdough' }).length).toBeGreaterThan(0);

    await wipeEverything(options);
    for (const reply of ['Hello there', 'Thanks a lot', 'See you soon', 'Great question']) await addSentExample(options, { reply });
    options.close();

    // The background sees more rows and a higher id: without kept ids this looked like appends only.
    const replies = (await getIndexFor(background)).search({ text: 'sourdough' }).map((r) => r.example.reply);
    expect(replies.sort()).toEqual(['Great question', 'Hello there', 'See you soon', 'Thanks a lot']);
  });
});
