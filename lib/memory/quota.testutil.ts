/**
 * Test helper: a fresh database whose writes to chosen tables fail with QuotaExceededError, the
 * way a full disk fails them. The extension holds `unlimitedStorage`, so real quota errors are
 * rare and cannot be provoked in a test; a Dexie middleware injects them instead.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { UnderstudyDB } from './db';
import { freshDb } from './fresh-db.testutil';

export interface QuotaSwitch {
  db: UnderstudyDB;
  /** From now on, every write to the chosen tables fails (true) or goes through (false). */
  setFull(full: boolean): void;
  /** Writes refused so far. */
  readonly refused: number;
}

export function quotaExceededError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** A fresh database where writes to `tables` fail once `setFull(true)` was called. */
export function dbWithQuota(tables: readonly string[]): QuotaSwitch {
  const db = freshDb();
  let full = false;
  let refused = 0;
  const guard = (table: DBCoreTable): DBCoreTable => ({
    ...table,
    mutate(request: DBCoreMutateRequest) {
      // Deletes free space: they still work on a full disk.
      if (!full || request.type === 'delete' || request.type === 'deleteRange') return table.mutate(request);
      refused++;
      return Promise.reject(quotaExceededError());
    },
  });
  db.use({
    stack: 'dbcore',
    name: 'quota',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => (tables.includes(name) ? guard(down.table(name)) : down.table(name)),
    }),
  });
  return {
    db,
    setFull(next) {
      full = next;
    },
    get refused() {
      return refused;
    },
  };
}
