/** Live data from Dexie: re-renders whenever the rows a query read change, in any context. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type UnderstudyDB } from '@/lib/memory/db';

export function useLive<T>(query: (db: UnderstudyDB) => Promise<T>, deps: unknown[] = []): T | undefined {
  return useLiveQuery(() => query(getDb()), deps);
}
