import { describe, expect, it } from 'vitest';
import { applyProfile } from '../profile/apply';
import { queueDraft } from './drafts-repo';
import { addSentExample } from './examples-repo';
import { getIndexFor, INDEX_META_KEY, settleIndexFor } from './index-store';
import { recordSent } from './learning';
import { memoryStats } from './stats';
import { wipeEverything } from './wipe';
import { freshDb } from './fresh-db.testutil';


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

    for (const table of db.tables) expect(await table.count()).toBe(0);
    expect(await memoryStats(db)).toMatchObject({ examples: 0, facts: 0, queuedDrafts: 0, contacts: 0, sources: 0, hasProfile: false });
    expect((await getIndexFor(db)).search({ text: 'secret sourdough' })).toEqual([]);
  });
});
