/** Test helper: a new, empty `understudy` database per call, deleted after each test. */
import { afterEach } from 'vitest';
import { UnderstudyDB } from './db';

const open: UnderstudyDB[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.delete()));
});

export function freshDb(): UnderstudyDB {
  const db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}
