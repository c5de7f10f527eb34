/**
 * The toolbar badge's count of drafts waiting in the side panel's queue (issue 14), on every
 * tab, kept live by a Dexie liveQuery in the background: any write to the drafts table (the
 * editor's Queue, the panel's edits, Insert, Discard, Draft all), from this worker or an
 * extension page, updates it.
 *
 * The count is the browser's global badge text; a tab whose page Understudy can't read keeps
 * its own "!" (service.ts sets it per tab), which the browser shows over the global count on
 * that tab only. The problem wins there because it is about the page in front of the creator;
 * the count is back once the problem clears (service.ts then drops the tab's own text).
 */
import { liveQuery } from 'dexie';
import type { UnderstudyDB } from '../memory/db';

/** The count's colour: quiet, so the red "!" of an unreadable page still stands out. */
export const WAITING_BADGE_COLOR = '#3c4043';
/** Beyond this the badge says "999+": the toolbar button fits about four characters. */
const MOST_SHOWN = 999;

/** What the badge says for this many waiting drafts: nothing for none. */
export function waitingBadgeText(count: number): string {
  if (count <= 0) return '';
  return count > MOST_SHOWN ? `${MOST_SHOWN}+` : String(count);
}

/** Drafts waiting for the creator: queued and not yet inserted, sent, discarded or set aside. */
export function countWaiting(db: UnderstudyDB): Promise<number> {
  return db.drafts.where('status').equals('queued').count();
}

export interface BadgeAction {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/** Shows the waiting count on the toolbar button until `signal` aborts (the worker stops). */
export function showWaitingCount(db: UnderstudyDB, action: BadgeAction, signal?: AbortSignal): void {
  let shown: string | undefined;
  void action.setBadgeBackgroundColor({ color: WAITING_BADGE_COLOR }).catch(() => {});
  const subscription = liveQuery(() => countWaiting(db)).subscribe({
    next(count) {
      const text = waitingBadgeText(count);
      if (text === shown) return;
      shown = text;
      void action.setBadgeText({ text }).catch(() => {});
    },
    // A database that can't be read (blocked by an upgrade elsewhere) leaves the badge as it was.
    error: () => {},
  });
  signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}
