/**
 * How many times memory was wiped, kept in `meta` through every wipe. Work that runs across many
 * transactions (the embedding job, in the background) reads it when it starts and checks it in
 * each write: a wipe from any context (the options page wipes the database directly) then stops
 * that work before it writes anything derived from the replies that were deleted.
 */
import type { UnderstudyDB } from './db';

export const WIPE_EPOCH_KEY = 'memory-wipe-epoch';

/** Thrown by a write that was started before a wipe and refused after it. */
export class MemoryWipedError extends Error {
  constructor() {
    super('Memory was deleted while this work was running.');
    this.name = 'MemoryWipedError';
  }
}

/** The current epoch: 0 until the first wipe. */
export async function wipeEpoch(db: UnderstudyDB): Promise<number> {
  const value = (await db.meta.get(WIPE_EPOCH_KEY))?.value;
  return typeof value === 'number' ? value : 0;
}

/**
 * Throws MemoryWipedError when memory was wiped since `epoch` was read. Call it inside the
 * transaction of the write it guards (with `meta` in its scope), so a wipe cannot slip in between.
 */
export async function assertNotWipedSince(db: UnderstudyDB, epoch: number): Promise<void> {
  if ((await wipeEpoch(db)) !== epoch) throw new MemoryWipedError();
}
