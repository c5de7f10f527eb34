/**
 * The Today view's numbers. Days and weeks are the local calendar: this file runs in Berlin time
 * (Vitest gives each test file its own process, so the zone set here stays here), where clocks
 * went forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
 */
import type { DraftRow } from './db';
import { freshDb } from './fresh-db.testutil';
import {
  computeTodayStats,
  distinctSent,
  localeWeekStart,
  median,
  readTodayStats,
  startOfDay,
  startOfWeek,
  type TodayRow,
} from './today-stats';

const previousTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = previousTz;
});

const MINUTE = 60_000;
let nextComment = 0;

function sent(sentAt: Date, overrides: Partial<TodayRow> = {}): TodayRow {
  nextComment += 1;
  return {
    site: 'youtube',
    commentId: `c${nextComment}`,
    commentText: 'Love this!',
    pageUrl: 'https://www.youtube.com/watch?v=a',
    text: `Thanks so much ${nextComment}`,
    status: 'sent',
    createdAt: sentAt.getTime() - 10 * MINUTE,
    sentAt: sentAt.getTime(),
    editDistance: 0,
    ...overrides,
  };
}

function waiting(commentText: string, overrides: Partial<TodayRow> = {}): TodayRow {
  nextComment += 1;
  return {
    site: 'youtube',
    commentId: `w${nextComment}`,
    commentText,
    pageUrl: 'https://www.youtube.com/watch?v=a',
    text: 'A draft',
    status: 'queued',
    createdAt: Date.UTC(2026, 0, 1),
    ...overrides,
  };
}

describe('the local calendar', () => {
  it('starts today at local midnight, not UTC midnight', () => {
    // 00:30 in Berlin on 4 March is still 3 March in UTC.
    const now = new Date(2026, 2, 4, 0, 30);
    expect(startOfDay(now)).toEqual(new Date(2026, 2, 4));
    expect(startOfDay(now).toISOString()).toBe('2026-03-03T23:00:00.000Z');
  });

  it('starts the week on Monday at local midnight by default, and on Sunday where the locale says so', () => {
    const wednesday = new Date(2026, 2, 4, 15, 0);
    expect(startOfWeek(wednesday)).toEqual(new Date(2026, 2, 2));
    expect(startOfWeek(wednesday, 7)).toEqual(new Date(2026, 2, 1));
    const sunday = new Date(2026, 2, 8, 23, 59);
    expect(startOfWeek(sunday)).toEqual(new Date(2026, 2, 2));
    expect(startOfWeek(sunday, 7)).toEqual(new Date(2026, 2, 8));
  });

  it('keeps the week starting at Monday midnight across the night the clocks go forward', () => {
    // Monday 30 March 2026, after the switch to summer time on the Sunday before.
    expect(startOfWeek(new Date(2026, 2, 30, 12, 0), 7)).toEqual(new Date(2026, 2, 29));
    expect(startOfWeek(new Date(2026, 2, 29, 12, 0))).toEqual(new Date(2026, 2, 23));
    expect(startOfDay(new Date(2026, 9, 25, 23, 0)).getHours()).toBe(0);
  });

  it('reads the first day of the week from the locale, Monday when it cannot tell', () => {
    expect([1, 7]).toContain(localeWeekStart('en-US'));
    expect(localeWeekStart('de-DE')).toBe(1);
    expect(localeWeekStart('not a locale!')).toBe(1);
  });
});

describe('the Today view numbers', () => {
  const now = new Date(2026, 2, 4, 15, 0); // Wednesday 4 March 2026, 15:00 in Berlin

  it('are all zero, with no median, when nothing was sent and nothing waits', () => {
    const stats = computeTodayStats([], now);
    expect(stats).toMatchObject({
      sentToday: 0,
      sentThisWeek: 0,
      unchangedThisWeek: 0,
      comparedThisWeek: 0,
      waitingQuestions: 0,
      waitingQuestionPages: 0,
    });
    expect(stats.medianDraftToSentMs).toBeUndefined();
  });

  it('count a reply sent just after local midnight as today, and one just before as yesterday but this week', () => {
    const rows = [sent(new Date(2026, 2, 4, 0, 5)), sent(new Date(2026, 2, 3, 23, 55)), sent(new Date(2026, 2, 4, 14, 0))];
    const stats = computeTodayStats(rows, now);
    expect(stats.sentToday).toBe(2);
    expect(stats.sentThisWeek).toBe(3);
  });

  it('leave out replies sent before Monday from this week', () => {
    const rows = [sent(new Date(2026, 2, 1, 23, 59)), sent(new Date(2026, 2, 2, 0, 0))];
    expect(computeTodayStats(rows, now).sentThisWeek).toBe(1);
  });

  it('give the share sent unchanged out of the replies whose edits are known', () => {
    const rows = [
      sent(new Date(2026, 2, 4, 9), { editDistance: 0 }),
      sent(new Date(2026, 2, 3, 9), { editDistance: 0 }),
      sent(new Date(2026, 2, 3, 10), { editDistance: 12 }),
      sent(new Date(2026, 2, 2, 10), { editDistance: undefined }),
    ];
    const stats = computeTodayStats(rows, now);
    expect(stats.unchangedThisWeek).toBe(2);
    expect(stats.comparedThisWeek).toBe(3);
  });

  it('give the median time from draft to sent over this week, ignoring a sent time before its draft', () => {
    const at = (day: number, hour: number, minutesToSend: number) => {
      const sentAt = new Date(2026, 2, day, hour);
      return sent(sentAt, { createdAt: sentAt.getTime() - minutesToSend * MINUTE });
    };
    const rows = [at(4, 9, 2), at(3, 9, 30), at(2, 9, 5), at(2, 10, 60), at(3, 11, -5), at(1, 9, 999)];
    // 2, 5, 30, 60 → (5 + 30) / 2 minutes; the negative one and last week's are left out.
    expect(computeTodayStats(rows, now).medianDraftToSentMs).toBe(17.5 * MINUTE);
  });

  it('count a draft recorded as sent twice once, at its first time', () => {
    const first = sent(new Date(2026, 2, 3, 23, 50), { commentId: 'same', text: 'Thank you!' });
    const again = { ...first, sentAt: new Date(2026, 2, 4, 0, 10).getTime(), text: 'Thank you! ' };
    const stats = computeTodayStats([again, first], now);
    expect(stats.sentThisWeek).toBe(1);
    expect(stats.sentToday).toBe(0);
  });

  it('count two different replies in one DM conversation as two', () => {
    const a = sent(new Date(2026, 2, 4, 9), { commentId: 'dm:chat-1', text: 'Hi!' });
    const b = sent(new Date(2026, 2, 4, 10), { commentId: 'dm:chat-1', text: 'Sure, Friday works.' });
    expect(computeTodayStats([a, b], now).sentToday).toBe(2);
  });

  it('count questions waiting in the queue or set aside, on the pages they are on, but not praise, sent or discarded ones', () => {
    const rows = [
      waiting('How long do you proof the dough?'),
      waiting('What flour do you use?', { status: 'skipped', pageUrl: 'https://www.reddit.com/r/Breadit/comments/x' }),
      waiting('Can I freeze it?', { status: 'discarded' }),
      waiting('This looks amazing!'),
      sent(new Date(2026, 2, 4, 9), { commentText: 'Which oven is that?' }),
    ];
    const stats = computeTodayStats(rows, now);
    expect(stats.waitingQuestions).toBe(2);
    expect(stats.waitingQuestionPages).toBe(2);
  });
});

describe('helpers', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('keeps only sent rows with a sent time', () => {
    const rows = [sent(new Date(2026, 2, 4)), waiting('Why?'), { ...sent(new Date(2026, 2, 4)), sentAt: undefined }];
    expect(distinctSent(rows)).toHaveLength(1);
  });
});

describe('reading the numbers from memory', () => {
  it('reads this week’s sent drafts and the waiting ones from the drafts table', async () => {
    const db = freshDb();
    const now = new Date(2026, 2, 4, 15, 0);
    const base: Omit<DraftRow, 'status' | 'createdAt' | 'updatedAt' | 'commentId' | 'commentText'> = {
      site: 'youtube',
      author: '@fan',
      pageUrl: 'https://www.youtube.com/watch?v=a',
      text: 'Thanks!',
      engineText: 'Thanks!',
      engine: 'memory',
      exampleIds: [],
    };
    const t = (d: Date) => d.getTime();
    await db.drafts.bulkAdd([
      { ...base, commentId: '1', commentText: 'Nice', status: 'sent', createdAt: t(new Date(2026, 2, 4, 9)), updatedAt: 0, sentAt: t(new Date(2026, 2, 4, 9, 4)), editDistance: 0 },
      { ...base, commentId: '2', commentText: 'Nice', status: 'sent', createdAt: t(new Date(2026, 2, 2, 9)), updatedAt: 0, sentAt: t(new Date(2026, 2, 2, 9, 10)), editDistance: 3 },
      { ...base, commentId: '3', commentText: 'Nice', status: 'sent', createdAt: t(new Date(2026, 1, 20)), updatedAt: 0, sentAt: t(new Date(2026, 1, 20, 1)), editDistance: 0 },
      { ...base, commentId: '4', commentText: 'Where did you buy that pan?', status: 'queued', createdAt: 0, updatedAt: 0 },
    ]);
    const stats = await readTodayStats(db, now);
    expect(stats).toMatchObject({ sentToday: 1, sentThisWeek: 2, unchangedThisWeek: 1, comparedThisWeek: 2, waitingQuestions: 1 });
    expect(stats.medianDraftToSentMs).toBe(7 * MINUTE);
  });
});
