import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExampleRow } from './db';
import { UnderstudyDB } from './db';
import {
  createRetrievalIndex,
  getIndexFor,
  indexFromJSON,
  indexToJSON,
  invalidateIndexFor,
  tokenize,
} from './retrieval';

const NOW = Date.UTC(2025, 5, 1);
const DAY = 24 * 60 * 60 * 1000;
const now = () => NOW;

function row(id: number, reply: string, extra: Partial<ExampleRow> = {}): ExampleRow {
  return { id, reply, source: 'import', platform: 'youtube', createdAt: NOW - 30 * DAY, ...extra };
}

const bakingReplies: ExampleRow[] = [
  row(1, 'Hey Sam! Feed your starter twice a day at room temperature; it takes about a week to get bubbly.', {
    incoming: 'My sourdough starter is not bubbling after 3 days, what am I doing wrong?',
  }),
  row(2, 'Hi Jo! I bake it at 230C with the lid on for 20 minutes, then 20 more without.', {
    incoming: 'What temperature do you bake the loaf at?',
  }),
  row(3, 'Thank you so much!! 💛', { incoming: '😍😍😍' }),
  row(4, 'I use a 1:1 mix of bread flour and whole wheat.', { incoming: 'Which flour do you use?' }),
  row(5, 'Honestly the crème brûlée was the hardest thing I ever filmed.', {
    incoming: 'The creme brulee episode was so stressful to watch',
  }),
  row(6, 'Yes! Banana bread freezes really well, wrap it tight.', { incoming: 'Can I freeze banana bread?' }),
];

const ids = (results: { example: ExampleRow }[]) => results.map((r) => r.example.id);

describe('tokenize', () => {
  it('folds accents and case, and ignores emoji and punctuation', () => {
    expect(tokenize('Crème BRÛLÉE!! 😍🔥')).toEqual(['creme', 'brulee']);
  });

  it('finds no searchable terms in an emoji-only comment', () => {
    expect(tokenize('😍😍 🙌🏽')).toEqual([]);
  });

  it('splits text in scripts written without spaces into words', () => {
    expect(tokenize('東京で食べました').length).toBeGreaterThan(1);
  });

  it('reads straight and curly apostrophes, dashes and quotes the same way', () => {
    expect(tokenize('Don’t stop — Maya’s “starter”!')).toEqual(['dont', 'stop', 'maya', 'starter']);
    expect(tokenize("Don't stop - Maya's \"starter\"!")).toEqual(['dont', 'stop', 'maya', 'starter']);
    expect(tokenize('DON’T STOP')).toEqual(['dont', 'stop']);
  });

  it('gives the same terms to plain text whether or not it also holds accented letters', () => {
    expect(tokenize('Love it 🍞 rock’n’roll x2 ❶')).toEqual(['love', 'rocknroll', 'x2', '❶']);
    expect(tokenize('Love it 🍞 rock’n’roll x2 ❶ café')).toEqual(['love', 'rocknroll', 'x2', '❶', 'cafe']);
    expect(tokenize('ﬁne ™')).toEqual(['fine', 'tm']);
  });
});

describe('RetrievalIndex.search', () => {
  it('finds the reply about a sourdough starter for a new question about a starter', () => {
    const index = createRetrievalIndex(bakingReplies, { now });
    const results = index.search({ text: 'How often should I feed my starter? Day 2 and nothing', platform: 'youtube' });
    expect(results[0]?.example.id).toBe(1);
    expect(results[0]?.score).toBeGreaterThan(0);
  });

  it('matches a new comment to the comment the creator answered more than to a reply that mentions the word', () => {
    const index = createRetrievalIndex(
      [
        row(10, 'Thanks! Whole wheat flour gives it that flavour.', { incoming: 'This looks delicious' }),
        row(11, 'A 1:1 mix, I promise.', { incoming: 'Which flour is best?' }),
      ],
      { now },
    );
    expect(index.search({ text: 'What flour?' })[0]?.example.id).toBe(11);
  });

  it('matches despite accents, typos and word endings', () => {
    const index = createRetrievalIndex(bakingReplies, { now });
    expect(index.search({ text: 'creme brulee next please' })[0]?.example.id).toBe(5);
    expect(index.search({ text: 'my sourdogh is flat' })[0]?.example.id).toBe(1);
    expect(index.search({ text: 'does it freeze?' })[0]?.example.id).toBe(6);
  });

  it('prefers a reply from the same platform when two are otherwise equal', () => {
    const index = createRetrievalIndex(
      [
        row(20, 'Feed it daily.', { incoming: 'starter tips?', platform: 'instagram' }),
        row(21, 'Feed it daily.', { incoming: 'starter tips?', platform: 'youtube' }),
      ],
      { now },
    );
    expect(ids(index.search({ text: 'starter tips', platform: 'youtube' }))).toEqual([21, 20]);
    expect(ids(index.search({ text: 'starter tips', platform: 'instagram' }))).toEqual([20, 21]);
  });

  it('prefers a recent reply over an old one when they are otherwise equal', () => {
    const index = createRetrievalIndex(
      [
        row(30, 'Feed it daily.', { incoming: 'starter tips?', createdAt: NOW - 3 * 365 * DAY }),
        row(31, 'Feed it daily.', { incoming: 'starter tips?', createdAt: NOW - 5 * DAY }),
      ],
      { now },
    );
    expect(ids(index.search({ text: 'starter tips' }))).toEqual([31, 30]);
  });

  it('keeps the boosts modest: a much better match still wins on another platform', () => {
    const index = createRetrievalIndex(
      [
        row(40, 'Feed it twice a day at room temperature.', {
          incoming: 'How often do I feed my sourdough starter?',
          platform: 'instagram',
          createdAt: NOW - 2 * 365 * DAY,
        }),
        row(41, 'Thank you! Sourdough is my favourite too.', { incoming: 'Love sourdough', createdAt: NOW }),
      ],
      { now },
    );
    expect(index.search({ text: 'how often do I feed the sourdough starter', platform: 'youtube' })[0]?.example.id).toBe(40);
  });

  it('uses the parent comment as weaker context for a vague reply in a thread', () => {
    const index = createRetrievalIndex(
      [
        row(50, 'About a week until it doubles reliably.', { incoming: 'How long until my starter is ready?' }),
        row(51, 'About 45 minutes until golden.', { incoming: 'How long does the loaf bake?' }),
      ],
      { now },
    );
    const withoutParent = index.search({ text: 'how long until ready?' });
    const withParent = index.search({ text: 'how long until ready?', parentText: 'Day 4 of my rye starter' });
    expect(withoutParent[0]?.example.id).toBe(50);
    expect(withParent[0]?.example.id).toBe(50);
    expect(withParent[0]!.score).toBeGreaterThan(withoutParent[0]!.score);
  });

  it('returns at most k results, best first', () => {
    const index = createRetrievalIndex(bakingReplies, { now });
    const results = index.search({ text: 'bread flour starter bake temperature freeze' }, 3);
    expect(results).toHaveLength(3);
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds only replies of the kinds asked for: a comment search never returns a DM reply, even the closest', () => {
    const dmReply = row(7, 'Feed your starter twice a day, it takes about a week', { incoming: 'my starter is not bubbling', kind: 'dm' });
    const index = createRetrievalIndex([...bakingReplies, dmReply], { now });
    const query = { text: 'My starter is not bubbling, what am I doing wrong?' };
    expect(ids(index.search(query, 10))).toContain(7);
    expect(ids(index.search({ ...query, kinds: ['comment'] }, 10))).not.toContain(7);
    expect(ids(index.search({ ...query, kinds: ['dm'] }, 10))).toEqual([7]);
    // Nothing in common, or only with replies of another kind: the fallback keeps to the kinds too.
    expect(ids(index.search({ text: '😍', kinds: ['comment'] }, 10))).not.toContain(7);
    expect(ids(index.search({ text: 'freeze banana bread', kinds: ['dm'] }, 10))).toEqual([7]);
  });

  it('still offers the creator\'s short replies for an emoji-only comment, preferring replies to emoji comments', () => {
    const index = createRetrievalIndex(
      [
        ...bakingReplies,
        row(7, 'Aww thank you 🥹', { platform: 'instagram', createdAt: NOW - DAY }),
        row(8, 'You made my day!', { createdAt: NOW - 2 * DAY }),
      ],
      { now },
    );
    const results = index.search({ text: '😍😍', platform: 'youtube' });
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.example.id).toBe(3);
    // Same platform before the instagram reply; answers to specific questions last.
    expect(ids(results).slice(0, 2)).toEqual([3, 8]);
    expect(results.every((r) => r.score === 0)).toBe(true);
  });

  it('falls back to short replies rather than nothing when no past reply shares a word', () => {
    const index = createRetrievalIndex(bakingReplies, { now });
    const results = index.search({ text: 'zxqv plorf' });
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.score).toBe(0);
  });

  it('finds a reply by the one telling word of a long, rambling comment', () => {
    const filler =
      'love love this video so much honestly great great content thank you thanks amazing amazing work ' +
      'watched every episode twice really really helpful channel best channel ever subscribed';
    const rows = [
      ...Array.from({ length: 200 }, (_, i) => row(100 + i, `Thank you so much! ${i}`, { incoming: filler })),
      row(99, 'Einkorn is lovely but thirsty, add 5% more water.', { incoming: 'Have you tried einkorn?' }),
    ];
    const index = createRetrievalIndex(rows, { now });
    expect(index.search({ text: `${filler} also have you ever baked with einkorn` })[0]?.example.id).toBe(99);
  });

  it('matches a misspelled word only memory does not know, not every word near a known one', () => {
    const index = createRetrievalIndex(
      [
        row(1, 'Feed it twice a day.', { incoming: 'sourdough starter help' }),
        row(2, 'It is a breed thing.', { incoming: 'what breed is your dog' }),
        row(3, 'Bread flour, always.', { incoming: 'what bread flour' }),
        row(4, 'Banana bread freezes well.', { incoming: 'freeze banana bread?' }),
        row(5, 'Rye bread takes longer.', { incoming: 'rye bread time' }),
      ],
      { now },
    );
    expect(index.search({ text: 'sourdogh' })[0]?.example.id).toBe(1);
    // "bread" is a word memory knows well: it is not stretched to "breed".
    expect(ids(index.search({ text: 'bread' }).filter((r) => r.score > 0)).sort()).toEqual([3, 4, 5]);
  });

  it('never returns a removed reply, also after many removals', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row(i + 1, `Reply number ${i} about rye`, { incoming: 'rye?' }));
    const index = createRetrievalIndex(rows, { now });
    for (let id = 1; id <= 2500; id++) index.remove(id);
    expect(index.size).toBe(500);
    const found = index.search({ text: 'rye' }, 50);
    expect(found).toHaveLength(50);
    expect(found.every((r) => r.example.id! > 2500)).toBe(true);
    index.add(row(1, 'Rye is back', { incoming: 'rye?', createdAt: NOW }));
    expect(index.search({ text: 'rye back' })[0]?.example.id).toBe(1);
  });

  it('returns nothing only when the index is empty', () => {
    expect(createRetrievalIndex([]).search({ text: 'starter' })).toEqual([]);
  });
});

describe('RetrievalIndex updates', () => {
  it('finds a reply added after the index was built and forgets a removed one', () => {
    const index = createRetrievalIndex(bakingReplies, { now });
    expect(index.size).toBe(6);
    index.add(row(9, 'Rye takes longer to rise, be patient!', { incoming: 'Does rye rise slower?' }));
    expect(index.size).toBe(7);
    expect(index.search({ text: 'rye rise' })[0]?.example.id).toBe(9);
    index.remove(9);
    expect(index.size).toBe(6);
    expect(ids(index.search({ text: 'rye rise' }))).not.toContain(9);
  });

  it('replaces an example added again with the same id', () => {
    const index = createRetrievalIndex(bakingReplies, { now });
    index.add(row(4, 'Spelt only these days.', { incoming: 'Which grain do you use?' }));
    expect(index.size).toBe(6);
    expect(index.search({ text: 'which grain' })[0]?.example.reply).toBe('Spelt only these days.');
    // No reply mentions flour any more: only the no-match fallback answers.
    expect(index.search({ text: 'flour' }).filter((r) => r.score > 0)).toEqual([]);
  });

  it('refuses an example that has no id', () => {
    const index = createRetrievalIndex([]);
    expect(() => index.add({ reply: 'x', source: 'import', createdAt: 0 })).toThrow(TypeError);
  });
});

describe('indexToJSON / indexFromJSON', () => {
  it('restores an index that answers exactly like the original', () => {
    const index = createRetrievalIndex(bakingReplies, { now });
    const restored = indexFromJSON(indexToJSON(index), bakingReplies, { now });
    const query = { text: 'starter not bubbling', platform: 'youtube' as const };
    expect(restored.search(query)).toEqual(index.search(query));
  });

  it('rebuilds when the saved index does not match the rows or is corrupt', () => {
    const saved = indexToJSON(createRetrievalIndex(bakingReplies.slice(0, 2)));
    const restored = indexFromJSON(saved, bakingReplies, { now });
    expect(restored.size).toBe(6);
    expect(restored.search({ text: 'banana bread' })[0]?.example.id).toBe(6);
    expect(indexFromJSON('{not json', bakingReplies).size).toBe(6);
  });
});

describe('getIndexFor', () => {
  let db: UnderstudyDB;
  beforeEach(async () => {
    db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
    await db.examples.bulkAdd(bakingReplies.map(({ id: _id, ...rest }) => rest));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('builds the index once and reuses it while memory is unchanged', async () => {
    const first = await getIndexFor(db);
    expect(first.size).toBe(6);
    expect(await getIndexFor(db)).toBe(first);
  });

  it('adds a newly sent reply to the existing index without rebuilding', async () => {
    const first = await getIndexFor(db);
    await db.examples.add({ reply: 'Rye is slower, give it time.', incoming: 'rye starter?', source: 'sent', createdAt: NOW });
    const second = await getIndexFor(db);
    expect(second).toBe(first);
    expect(second.size).toBe(7);
    expect(second.search({ text: 'rye' })[0]?.example.reply).toBe('Rye is slower, give it time.');
  });

  it('sees an edited reply and a deleted reply', async () => {
    const first = await getIndexFor(db);
    const starter = first.search({ text: 'starter' })[0]!.example;
    await db.examples.update(starter.id!, { reply: 'Warmth is everything for a starter.' });
    expect((await getIndexFor(db)).search({ text: 'starter' })[0]?.example.reply).toBe(
      'Warmth is everything for a starter.',
    );
    await db.examples.delete(starter.id!);
    const after = await getIndexFor(db);
    expect(after.size).toBe(5);
    expect(after.has(starter.id!)).toBe(false);
  });

  it('sees memory replaced by an import that keeps the same count', async () => {
    await getIndexFor(db);
    await db.transaction('rw', db.examples, async () => {
      await db.examples.clear();
      await db.examples.bulkAdd(
        bakingReplies.map(({ id: _id, ...rest }) => ({ ...rest, reply: `${rest.reply} (v2)` })),
      );
    });
    const after = await getIndexFor(db);
    expect(after.size).toBe(6);
    expect([...after.examples()].every((e) => e.reply.endsWith('(v2)'))).toBe(true);
  });

  it('rebuilds on request after a change made elsewhere', async () => {
    const first = await getIndexFor(db);
    invalidateIndexFor(db);
    expect(await getIndexFor(db)).not.toBe(first);
  });

  it('builds a single index when drafts ask for it at the same time', async () => {
    const [a, b] = await Promise.all([getIndexFor(db), getIndexFor(db)]);
    expect(a).toBe(b);
  });
});
