/**
 * The side panel's Today view, in numbers computed on this machine from the drafts table alone:
 * replies sent today and this week, the share sent exactly as drafted, the median time from a
 * draft being written to it being sent, and the questions still waiting for a reply.
 *
 * What the data honestly supports, and so what each number claims:
 * - Understudy does not record when a creator first saw a comment, only when a draft for it was
 *   written (`createdAt`, kept when the draft is re-queued or edited) and when the reply was
 *   sent (`sentAt`). So the time is "from draft to sent", never "from seen".
 * - Nothing records every question on every page visited; what is known is the questions a draft
 *   was written for (or Draft all set aside) and not sent or discarded. So the last number is
 *   "questions waiting in your queue or set aside", with the pages they are on.
 *
 * Days and weeks are the creator's local calendar (the Date's local time zone), so "today"
 * starts at their midnight, including across daylight-saving changes.
 */
import type { DraftRow, UnderstudyDB } from './db';
import { classifyIntent } from './intent';

/** 1 = Monday … 7 = Sunday, as Intl.Locale's week info numbers days. */
export type WeekDay = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface TodayStats {
  /** Start of today and of this week (ms), in the local time zone. */
  dayStart: number;
  weekStart: number;
  sentToday: number;
  sentThisWeek: number;
  /** This week's sent replies that went out exactly as drafted (edit distance 0)… */
  unchangedThisWeek: number;
  /** …out of this week's sent replies whose edit distance is known. */
  comparedThisWeek: number;
  /** Median of this week's sent replies' time from draft written to sent (ms); undefined with none. */
  medianDraftToSentMs?: number;
  /** Questions whose draft waits in the queue or which Draft all set aside: not sent, not discarded. */
  waitingQuestions: number;
  /** The distinct pages those questions are on. */
  waitingQuestionPages: number;
}

/** The rows the stats read: sent drafts, and drafts still waiting (queued or set aside). */
export type TodayRow = Pick<
  DraftRow,
  'site' | 'commentId' | 'commentText' | 'pageUrl' | 'text' | 'status' | 'createdAt' | 'sentAt' | 'editDistance'
>;

/** Local midnight at the start of `now`'s day. */
export function startOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Local midnight at the start of `now`'s week, the week starting on `weekStartsOn` (Monday by default). */
export function startOfWeek(now: Date, weekStartsOn: WeekDay = 1): Date {
  const isoDay = now.getDay() === 0 ? 7 : now.getDay();
  const back = (isoDay - weekStartsOn + 7) % 7;
  // Date's own day arithmetic, not 24-hour steps: a week with a daylight-saving change is 167 or 169 hours.
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
}

/** The first day of the week where the creator lives, as the browser's locale says; Monday when it cannot say. */
export function localeWeekStart(locale: string | undefined): WeekDay {
  try {
    const info = (
      new Intl.Locale(locale ?? 'en') as Intl.Locale & {
        getWeekInfo?: () => { firstDay: number };
        weekInfo?: { firstDay: number };
      }
    );
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return firstDay !== undefined && firstDay >= 1 && firstDay <= 7 ? (firstDay as WeekDay) : 1;
  } catch {
    return 1;
  }
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Sent replies, one per reply actually sent: the same text recorded as sent twice for the same
 * comment (the creator marked it sent and the page then showed it posted, or it was drafted and
 * sent again word for word) counts once, at its first time. Different replies in one DM
 * conversation (which share its draft id) stay separate.
 */
export function distinctSent<T extends TodayRow>(rows: readonly T[]): (T & { sentAt: number })[] {
  const first = new Map<string, T & { sentAt: number }>();
  for (const row of rows) {
    if (row.status !== 'sent' || row.sentAt === undefined) continue;
    const key = `${row.site}\u0000${row.commentId}\u0000${row.text.trim()}`;
    const seen = first.get(key);
    if (!seen || row.sentAt < seen.sentAt) first.set(key, row as T & { sentAt: number });
  }
  return [...first.values()];
}

const WAITING: ReadonlySet<DraftRow['status']> = new Set(['queued', 'skipped']);

export function computeTodayStats(rows: readonly TodayRow[], now: Date, weekStartsOn: WeekDay = 1): TodayStats {
  const dayStart = startOfDay(now).getTime();
  const weekStart = startOfWeek(now, weekStartsOn).getTime();
  const sent = distinctSent(rows);
  const thisWeek = sent.filter((row) => row.sentAt >= weekStart);
  const compared = thisWeek.filter((row) => row.editDistance !== undefined);
  // A sent time before the draft's own creation is a clock change, not a duration: left out.
  const durations = thisWeek.map((row) => row.sentAt - row.createdAt).filter((ms) => ms >= 0);
  const questions = rows.filter((row) => WAITING.has(row.status) && classifyIntent(row.commentText) === 'question');

  const stats: TodayStats = {
    dayStart,
    weekStart,
    sentToday: sent.filter((row) => row.sentAt >= dayStart).length,
    sentThisWeek: thisWeek.length,
    unchangedThisWeek: compared.filter((row) => row.editDistance === 0).length,
    comparedThisWeek: compared.length,
    waitingQuestions: questions.length,
    waitingQuestionPages: new Set(questions.map((row) => row.pageUrl)).size,
  };
  const mid = median(durations);
  if (mid !== undefined) stats.medianDraftToSentMs = mid;
  return stats;
}

/**
 * Reads what the stats need (this week's sent drafts by their sentAt index, and the waiting ones
 * by status) and computes them. Suits a liveQuery: it re-runs when a draft is sent or queued.
 */
export async function readTodayStats(db: UnderstudyDB, now = new Date(), weekStartsOn: WeekDay = 1): Promise<TodayStats> {
  // Today is always inside this week.
  const from = startOfWeek(now, weekStartsOn).getTime();
  const [sent, waiting] = await db.transaction('r', db.drafts, () =>
    Promise.all([
      db.drafts.where('sentAt').aboveOrEqual(from).toArray(),
      db.drafts.where('status').anyOf([...WAITING]).toArray(),
    ]),
  );
  return computeTodayStats([...sent, ...waiting], now, weekStartsOn);
}
