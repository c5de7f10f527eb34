/** "Wipe everything": the creator's data leaves this browser entirely, or not at all. */
import type { UnderstudyDB } from './db';

export async function wipeEverything(db: UnderstudyDB): Promise<void> {
  // Every table, including ones later schema versions add, in one all-or-nothing transaction.
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
}
