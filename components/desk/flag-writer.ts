/**
 * The desk's cards report the claim guard's count on their draft here; the counts are written
 * together after a short pause (drafts-repo setFlagCounts), so scrolling through unchecked
 * drafts re-reads the table once per batch instead of once per card.
 */
import { getDb } from '@/lib/memory/db';
import { setFlagCounts } from '@/lib/memory/drafts-repo';

const BATCH_DELAY_MS = 800;
const waiting = new Map<number, { id: number; text: string; flagCount: number }>();
let timer: ReturnType<typeof setTimeout> | undefined;

export function reportFlagCount(id: number, text: string, flagCount: number): void {
  waiting.set(id, { id, text, flagCount });
  if (timer !== undefined) return;
  timer = setTimeout(() => {
    timer = undefined;
    const batch = [...waiting.values()];
    waiting.clear();
    setFlagCounts(getDb(), batch).catch(() => {});
  }, BATCH_DELAY_MS);
}
