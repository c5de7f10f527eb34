/**
 * Open & insert from the review desk (issue 14): the background ('desk.insert',
 * lib/drafting/desk-insert.ts) brings the comment's tab to the front (or opens its permalink),
 * fills its reply box with the draft and marks it inserted. A flagged draft goes with the flags
 * the creator confirmed. Returns what to tell the creator.
 */
import type { GuardFlagKind } from '@/lib/core/guard';
import { request } from '@/lib/messaging/client';

/** Whether the background answers 'desk.insert' (it does since the desk's Open & insert landed). */
export const OPEN_AND_INSERT_READY: boolean = true;

export async function openAndInsert(draftId: number, confirmedFlags: readonly GuardFlagKind[] = []): Promise<string> {
  try {
    await request('desk.insert', { draftId, ...(confirmedFlags.length ? { confirmedFlags: [...new Set(confirmedFlags)] } : {}) });
    return 'Inserted into the reply box: check it there and press send yourself.';
  } catch (error) {
    return `Could not insert: ${(error as Error).message}`;
  }
}
