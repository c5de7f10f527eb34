/**
 * Which sources also hold a reply that memory got from an earlier one. An import adds only the
 * replies memory does not hold yet (dedup.ts), so each reply row names one source, the first to
 * bring it; a later source that held the same reply (a 2025 X archive that repeats the 2024
 * one, a style profile exported here and imported back) records it here instead, as its content
 * hash. Forgetting the first source then keeps those replies and hands them to the later one
 * (forget-source.ts): the creator still has that file in memory, and its replies with it.
 *
 * Kept in `meta` (one record per source, read only when a source is forgotten), not on the
 * source row: the list of sources is a live query, and it must not carry thousands of hashes.
 */
import type { UnderstudyDB } from '../memory/db';

export const CLAIMS_KEY_PREFIX = 'source-claims:';

export function claimsKey(sourceId: number): string {
  return `${CLAIMS_KEY_PREFIX}${sourceId}`;
}

/** Adds `hashes` to what source `sourceId` claims. Run inside a transaction with `meta`. */
export async function addClaims(db: UnderstudyDB, sourceId: number, hashes: Iterable<number>, now = Date.now()): Promise<void> {
  const all = new Set([...(await readClaims(db, sourceId)), ...hashes]);
  if (all.size === 0) return;
  await db.meta.put({ key: claimsKey(sourceId), value: [...all], updatedAt: now });
}

/** The hashes source `sourceId` claims (none when it recorded no duplicates). */
export async function readClaims(db: UnderstudyDB, sourceId: number): Promise<number[]> {
  const value = (await db.meta.get(claimsKey(sourceId)))?.value;
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

/** Every source's claims, by source id. */
export async function allClaims(db: UnderstudyDB): Promise<Map<number, number[]>> {
  const rows = await db.meta.where(':id').startsWith(CLAIMS_KEY_PREFIX).toArray();
  const out = new Map<number, number[]>();
  for (const row of rows) {
    const id = Number(row.key.slice(CLAIMS_KEY_PREFIX.length));
    if (Number.isInteger(id) && Array.isArray(row.value)) out.set(id, row.value.filter((v): v is number => typeof v === 'number'));
  }
  return out;
}

/** Replaces source `sourceId`'s claims (an empty list deletes the record). */
export async function setClaims(db: UnderstudyDB, sourceId: number, hashes: readonly number[], now = Date.now()): Promise<void> {
  if (hashes.length === 0) await db.meta.delete(claimsKey(sourceId));
  else await db.meta.put({ key: claimsKey(sourceId), value: [...hashes], updatedAt: now });
}
