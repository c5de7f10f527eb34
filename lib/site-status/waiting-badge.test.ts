import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDb } from '../memory/fresh-db.testutil';
import type { DraftRow } from '../memory/db';
import type { RequestPayload } from '../messaging/protocol';
import { BADGE_TEXT, createSiteStatus } from './service';
import { showWaitingCount, waitingBadgeText } from './waiting-badge';

beforeEach(() => fakeBrowser.reset());

function row(commentId: string, status: DraftRow['status'] = 'queued'): DraftRow {
  return {
    site: 'youtube',
    commentId,
    author: '@maya',
    commentText: 'How long?',
    pageUrl: 'https://www.youtube.com/watch?v=abc',
    text: 'About three days.',
    engineText: 'About three days.',
    engine: 'memory',
    exampleIds: [],
    status,
    createdAt: 1,
    updatedAt: 1,
  };
}

/** The badge every tab without its own shows, once it reads `text`. */
async function globalBadge(text: string): Promise<void> {
  await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe(text);
}

describe('the toolbar badge counting drafts waiting', () => {
  it('shows nothing for none, the count up to 999, then 999+', () => {
    expect(waitingBadgeText(0)).toBe('');
    expect(waitingBadgeText(3)).toBe('3');
    expect(waitingBadgeText(999)).toBe('999');
    expect(waitingBadgeText(1_200)).toBe('999+');
  });

  it('counts queued drafts live: up when one is queued, down when one is inserted or discarded', async () => {
    const db = freshDb();
    await db.drafts.bulkAdd([row('a'), row('b'), row('c', 'sent'), row('d', 'skipped')]);
    const stop = new AbortController();
    showWaitingCount(db, fakeBrowser.action, stop.signal);
    await globalBadge('2');
    const id = (await db.drafts.add(row('e'))) as number;
    await globalBadge('3');
    await db.drafts.update(id, { status: 'inserted' });
    await globalBadge('2');
    await db.drafts.filter((draft) => ['a', 'b'].includes(draft.commentId)).modify({ status: 'discarded' });
    await globalBadge('');
    stop.abort();
  });

  it("leaves a tab whose page can't be read its own \"!\", and shows the count there again once the page reads", async () => {
    const db = freshDb();
    await db.drafts.add(row('a'));
    showWaitingCount(db, fakeBrowser.action);
    await globalBadge('1');
    const status = createSiteStatus({ version: '1', defaultTitle: 'Open Understudy drafts' });
    const sender = { id: 'ext-id', url: 'https://www.youtube.com/', tab: { id: 4 } };
    const unreadable: RequestPayload<'site.health'> = {
      healthy: false,
      problem: 'no-comments',
      pageKind: 'watch',
      counts: { marks: 2, comments: 0, readable: 0, selectors: { thread: 0 } },
    };
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await status.report(unreadable, sender);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe(BADGE_TEXT);
    // Other tabs have no text of their own: the browser shows them the global count.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    await status.report({ healthy: true }, sender);
    // The tab's own text is dropped, not set to '' (which would hide the count on that tab):
    // the browser falls back to the global count (chrome.action.setBadgeText: no text + tabId).
    const cleared = setText.mock.calls.at(-1)?.[0];
    expect(cleared).toEqual({ tabId: 4 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
