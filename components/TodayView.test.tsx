/** The Today tab on the real Dexie database (fake-indexeddb): numbers a creator reads, kept live. */
import type { DraftRow } from '@/lib/memory/db';
import { getDb } from '@/lib/memory/db';
import { formatDuration, TodayView } from './TodayView';
import { mount, until, type Mounted } from './test-render';

let view: Mounted;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  view = mount();
});

afterEach(() => view.unmount());

const MINUTE = 60_000;

function draft(overrides: Partial<DraftRow>): DraftRow {
  return {
    site: 'youtube',
    commentId: crypto.randomUUID(),
    author: '@fan',
    commentText: 'Great video',
    pageUrl: 'https://www.youtube.com/watch?v=a',
    text: 'Thanks!',
    engineText: 'Thanks!',
    engine: 'memory',
    exampleIds: [],
    status: 'queued',
    createdAt: Date.now(),
    updatedAt: Date.now(),
    ...overrides,
  };
}

const value = (id: string) => view.container.querySelector(`[data-testid="${id}"]`)?.textContent;

describe('Today', () => {
  it('says plainly that nothing was sent yet when memory holds no sent drafts', async () => {
    view.render(<TodayView />);
    await until(() => expect(value('today-sent')).toBe('0'));
    expect(value('week-unchanged')).toBe('—');
    expect(view.container.textContent).toContain('No sent drafts to compare yet.');
    expect(value('waiting-questions')).toBe('0');
  });

  it('shows replies sent today, the share sent unchanged, the median draft-to-sent time and the waiting questions, and updates when one more is sent', async () => {
    const now = Date.now();
    const db = getDb();
    await db.drafts.bulkAdd([
      draft({ status: 'sent', createdAt: now - 4 * MINUTE, sentAt: now, editDistance: 0 }),
      draft({ status: 'sent', createdAt: now - 8 * MINUTE, sentAt: now, editDistance: 5 }),
      draft({ commentText: 'How long do you bake it?' }),
    ]);
    view.render(<TodayView />);
    await until(() => expect(value('today-sent')).toBe('2'));
    expect(value('week-unchanged')).toBe('50%');
    expect(view.container.textContent).toContain('1 of 2 replies went out exactly as drafted.');
    expect(value('week-median')).toBe('6 min');
    expect(value('waiting-questions')).toBe('1');
    expect(view.container.textContent).toContain('on 1 page.');

    const question = await db.drafts.where('status').equals('queued').first();
    await db.drafts.update(question!.id!, { status: 'sent', sentAt: Date.now(), editDistance: 0 });
    await until(() => expect(value('today-sent')).toBe('3'));
    expect(value('waiting-questions')).toBe('0');
  });
});

describe('durations', () => {
  it('reads as a creator would say them', () => {
    expect(formatDuration(20_000)).toBe('under a minute');
    expect(formatDuration(6 * MINUTE)).toBe('6 min');
    expect(formatDuration(80 * MINUTE)).toBe('1 h 20 min');
    expect(formatDuration(120 * MINUTE)).toBe('2 h');
    expect(formatDuration(3 * 24 * 60 * MINUTE)).toBe('3 days');
  });
});
