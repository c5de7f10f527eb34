/** "Wipe everything": the creator's data leaves this browser entirely, or not at all. */
import type { UnderstudyDB } from './db';
import { exampleIdHighWater, keepExampleIdHighWater } from './examples-repo';
import { invalidateIndexFor } from './index-store';
import { WIPE_EPOCH_KEY, wipeEpoch } from './wipe-epoch';

export interface WipeOptions {
  /**
   * Stops background work on memory (the embedding job) and resolves once it has stopped. Given
   * where the wipe runs beside that work (the background). A wipe from another context (the
   * options page) cannot reach it: the work then stops at its next write, when it sees the
   * wipe epoch move (wipe-epoch.ts).
   */
  stopJobs?: () => Promise<void>;
}

export async function wipeEverything(db: UnderstudyDB, options: WipeOptions = {}): Promise<void> {
  await options.stopJobs?.();
  // Every table, including ones later schema versions add (contacts with their private notes,
  // sources, the saved index), in one all-or-nothing transaction. Two counters survive, neither
  // of them the creator's data: the highest reply id given out, so ids never restart and nothing
  // computed for an old reply can attach to a new one, and the wipe epoch, which tells work
  // still running elsewhere that its replies are gone.
  await db.transaction('rw', db.tables, async () => {
    const [highWater, epoch] = await Promise.all([exampleIdHighWater(db), wipeEpoch(db)]);
    await Promise.all(db.tables.map((t) => t.clear()));
    await keepExampleIdHighWater(db, highWater);
    await db.meta.put({ key: WIPE_EPOCH_KEY, value: epoch + 1, updatedAt: Date.now() });
  });
  // The in-memory index of this context must not answer from wiped replies either.
  invalidateIndexFor(db);
}
