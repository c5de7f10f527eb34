import { describe, expect, it } from 'vitest';
import { listFacts, replaceFacts } from './facts-repo';
import { freshDb } from './fresh-db.testutil';


describe('listFacts', () => {
  it('lists the fact sheet in the order the creator wrote it', async () => {
    const db = freshDb();
    await db.facts.bulkAdd([{ text: 'Lives in Testville.' }, { text: 'Has two cats.', topic: 'pets' }]);
    expect(await listFacts(db)).toMatchObject([{ text: 'Lives in Testville.' }, { text: 'Has two cats.', topic: 'pets' }]);
  });

  it('is empty for a new memory', async () => {
    expect(await listFacts(freshDb())).toEqual([]);
  });
});

describe('replaceFacts', () => {
  it('keeps the id of every fact whose text is unchanged, gives new facts new ids, and deletes the rest', async () => {
    const db = freshDb();
    const [home, cats, job] = await replaceFacts(db, [{ text: 'Lives in Testville.' }, { text: 'Has two cats.' }, { text: 'Works as a baker.' }]);
    const [cats2, home2, dog] = await replaceFacts(db, [{ text: ' Has two  cats. ', topic: 'pets' }, { text: 'Lives in Testville.' }, { text: 'Has a dog.' }]);
    expect(cats2).toBe(cats);
    expect(home2).toBe(home);
    expect(dog).toBeGreaterThan(Math.max(home!, cats!, job!));
    expect(await db.facts.get(job!)).toBeUndefined();
    expect(await db.facts.get(cats!)).toMatchObject({ text: ' Has two  cats. ', topic: 'pets' });
  });

  it('lists the sheet in its new order after a re-import moved facts around', async () => {
    const db = freshDb();
    await replaceFacts(db, [{ text: 'A.' }, { text: 'B.' }]);
    await replaceFacts(db, [{ text: 'C.' }, { text: 'B.' }, { text: 'A.' }]);
    expect((await listFacts(db)).map((f) => f.text)).toEqual(['C.', 'B.', 'A.']);
  });

  it('gives a text listed twice two facts, keeping both old ids', async () => {
    const db = freshDb();
    const first = await replaceFacts(db, [{ text: 'Same.' }, { text: 'Same.' }]);
    expect(await replaceFacts(db, [{ text: 'Same.' }, { text: 'Same.' }])).toEqual(first);
  });
});
