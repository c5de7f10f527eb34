import { afterEach, describe, expect, it } from 'vitest';
import { UnderstudyDB } from './db';
import { listFacts } from './facts-repo';

const dbs: UnderstudyDB[] = [];
function freshDb(): UnderstudyDB {
  const db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

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
