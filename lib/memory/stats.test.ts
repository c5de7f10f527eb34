import { describe, expect, it } from 'vitest';
import { applyProfile } from '../profile/apply';
import { queueDraft } from './drafts-repo';
import { addSentExample } from './examples-repo';
import { memoryStats } from './stats';
import { freshDb } from './fresh-db.testutil';


describe('memoryStats', () => {
  it('reports an empty memory', async () => {
    expect(await memoryStats(freshDb())).toEqual({
      examples: 0,
      sentExamples: 0,
      facts: 0,
      queuedDrafts: 0,
      sentDrafts: 0,
      contacts: 0,
      sources: 0,
      hasProfile: false,
    });
  });

  it('counts examples, sent replies, facts and queued drafts', async () => {
    const db = freshDb();
    await applyProfile(
      db,
      {
        format: 'understudy.style-profile',
        version: 1,
        name: 'Ada',
        handles: {},
        voice: '',
        values: [],
        objectives: [],
        facts: [{ text: 'One.' }, { text: 'Two.' }],
        boundaries: [],
        links: [],
        offers: [],
        examples: [{ reply: 'a' }, { reply: 'b' }, { reply: 'c' }],
      },
      'ada.json',
    );
    await addSentExample(db, { reply: 'sent' });
    const comment = { site: 'youtube', commentId: 'c1', author: 'x', text: 'hi', pageUrl: 'https://www.youtube.com/' } as const;
    await queueDraft(db, { comment, text: 'hey', engineText: 'hey', engine: 'memory', exampleIds: [] });

    expect(await memoryStats(db)).toEqual({
      examples: 4,
      sentExamples: 1,
      facts: 2,
      queuedDrafts: 1,
      sentDrafts: 0,
      contacts: 0,
      sources: 1,
      hasProfile: true,
      profileName: 'Ada',
    });
  });
});
