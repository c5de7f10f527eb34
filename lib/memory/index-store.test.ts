import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { UnderstudyDB, type ExampleRow } from './db';
import { getIndexFor, INDEX_META_KEY, loadIndex, saveIndex, settleIndexFor } from './index-store';
import { createRetrievalIndex } from './retrieval';

const NOW = Date.UTC(2025, 5, 1);
const now = () => NOW;
const names: string[] = [];
const open: UnderstudyDB[] = [];

function database(name = `test-${crypto.randomUUID()}`): UnderstudyDB {
  if (!names.includes(name)) names.push(name);
  const db = new UnderstudyDB(name);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

const replies: Omit<ExampleRow, 'id'>[] = [
  { incoming: 'My sourdough starter is not bubbling', reply: 'Feed it twice a day somewhere warm.', source: 'import', createdAt: NOW },
  { incoming: 'What temperature for the loaf?', reply: '230C with the lid on.', source: 'import', createdAt: NOW },
  { incoming: 'Can I freeze banana bread?', reply: 'Yes! Wrap it tight.', source: 'import', createdAt: NOW },
];

describe('the saved retrieval index', () => {
  it('is saved after the first build and restored, not rebuilt, after a restart', async () => {
    const first = database();
    await first.examples.bulkAdd(replies);
    const built = await getIndexFor(first, { now });
    await settleIndexFor(first);
    expect(await first.meta.get(INDEX_META_KEY)).toBeDefined();
    first.close();

    const restarted = database(first.name);
    const loaded = await loadIndex(restarted, { now });
    expect(loaded.rebuilt).toBe(false);
    expect(loaded.repaired).toBe(0);
    const query = { text: 'starter bubbles' };
    expect(loaded.index.search(query)).toEqual(built.search(query));
  });

  it('notices a reply edited elsewhere while this context was stopped', async () => {
    const first = database();
    await first.examples.bulkAdd(replies);
    await getIndexFor(first);
    await settleIndexFor(first);
    // Same row count and ids: only the saved text hashes can tell.
    await first.examples.update(3, { reply: 'Rye freezes well too.' });
    first.close();

    const restarted = database(first.name);
    const loaded = await loadIndex(restarted, { now });
    expect(loaded.repaired).toBeGreaterThan(0);
    expect(loaded.index.search({ text: 'rye' })[0]?.example.reply).toBe('Rye freezes well too.');
    expect(loaded.index.search({ text: 'wrap tight' }).filter((r) => r.score > 0)).toEqual([]);
  });

  it('adds replies sent since the snapshot was saved, and drops deleted ones', async () => {
    const first = database();
    await first.examples.bulkAdd(replies);
    await saveIndex(first, createRetrievalIndex(await first.examples.toArray()));
    await first.examples.add({ reply: 'Spelt proofs faster.', incoming: 'spelt?', source: 'sent', createdAt: NOW });
    await first.examples.delete(1);
    const loaded = await loadIndex(first, { now });
    expect(loaded.rebuilt).toBe(false);
    expect(loaded.index.size).toBe(3);
    expect(loaded.index.search({ text: 'spelt' })[0]?.example.reply).toBe('Spelt proofs faster.');
    expect(loaded.index.has(1)).toBe(false);
  });

  it('rebuilds from the replies when the saved index is unreadable', async () => {
    const db = database();
    await db.examples.bulkAdd(replies);
    await db.meta.put({ key: INDEX_META_KEY, value: { format: 2, terms: 'garbage' }, updatedAt: 1 });
    const loaded = await loadIndex(db, { now });
    expect(loaded.rebuilt).toBe(true);
    expect(loaded.index.search({ text: 'banana bread' })[0]?.example.id).toBe(3);
  });
});
