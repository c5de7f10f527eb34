/** "Wipe everything": the creator's data leaves this browser entirely, or not at all. */
import type { UnderstudyDB } from './db';
import { invalidateIndexFor } from './index-store';

export async function wipeEverything(db: UnderstudyDB): Promise<void> {
  // Every table, including ones later schema versions add (contacts with their private notes,
  // sources, the saved index), in one all-or-nothing transaction.
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
  // The in-memory index of this context must not answer from wiped replies either.
  invalidateIndexFor(db);
}
