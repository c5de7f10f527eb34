import { describe, expect, it } from 'vitest';
import { listFacts } from './facts-repo';
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
