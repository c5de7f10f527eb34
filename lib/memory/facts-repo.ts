/** The creator's fact sheet: the only personal facts a draft may state. */
import type { FactRow, UnderstudyDB } from './db';

/** Every fact, in the order the creator listed them. */
export function listFacts(db: UnderstudyDB): Promise<FactRow[]> {
  return db.facts.orderBy('id').toArray();
}
