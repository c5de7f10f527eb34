import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIDEO_ID } from '../../e2e/sites/youtube/fixture-data.js';
import { buildThreads, mountWatchPage } from '../../e2e/sites/youtube/fixture-dom.js';
import type { PageHealth } from '../sites/health';
import { youtube } from '../sites/youtube';
import { createHealthMonitor } from './health-monitor';

const SETTLE = 1000;

/**
 * A watch page with `threads` comment threads. With none, the list holds a row in a markup
 * Understudy doesn't know (the site changed it): a comments section it can't read. (An empty
 * list is a video without comments, which is healthy.)
 */
function page({ threads }: { threads: number }) {
  const contents = mountWatchPage(document, { videoId: DEFAULT_VIDEO_ID, threads });
  document.querySelector('ytd-comments#comments')?.prepend(document.createElement('ytd-comments-header-renderer'));
  if (threads === 0) {
    const row = document.createElement('ytd-comment-thread-view-model-v2');
    row.textContent = 'A comment in a markup Understudy does not know';
    contents.append(row);
  }
  return contents;
}

function start(kind: string | null = 'watch') {
  const sent: PageHealth[] = [];
  const controller = new AbortController();
  let pageKind = kind;
  const monitor = createHealthMonitor({
    adapter: youtube,
    root: document,
    pageKind: () => pageKind,
    send: (health) => sent.push(health),
    signal: controller.signal,
    settleMs: SETTLE,
  });
  return { sent, monitor, controller, goTo: (next: string | null) => (pageKind = next) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('health monitor (content script)', () => {
  it('says nothing about a page whose comments it reads', () => {
    page({ threads: 5 });
    const { sent } = start();
    vi.advanceTimersByTime(SETTLE * 10);
    expect(sent).toEqual([]);
  });

  it('reports a comments section with no comment read only once the page had time to settle', () => {
    page({ threads: 0 });
    const { sent } = start();
    vi.advanceTimersByTime(SETTLE);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(SETTLE);
    expect(sent).toEqual([expect.objectContaining({ healthy: false, problem: 'no-comments', pageKind: 'watch' })]);
    // Said once, not on every look.
    vi.advanceTimersByTime(SETTLE * 5);
    expect(sent).toHaveLength(1);
  });

  it("doesn't report comments that arrive a moment after their section", () => {
    const contents = page({ threads: 0 });
    const { sent, monitor } = start();
    vi.advanceTimersByTime(SETTLE);
    contents.append(...buildThreads(document, DEFAULT_VIDEO_ID, 0, 3));
    monitor.commentsFound();
    vi.advanceTimersByTime(SETTLE * 5);
    expect(sent).toEqual([]);
  });

  it('clears the report when the comments show up later (a page that recovered)', () => {
    const contents = page({ threads: 0 });
    const { sent, monitor } = start();
    vi.advanceTimersByTime(SETTLE * 2);
    expect(sent).toHaveLength(1);
    contents.append(...buildThreads(document, DEFAULT_VIDEO_ID, 0, 3));
    monitor.commentsFound();
    expect(sent.at(-1)).toEqual({ healthy: true });
  });

  it('reports a reply box it could not find or fill at once, and clears it when an Insert works', () => {
    page({ threads: 3 });
    const { sent, monitor } = start();
    monitor.insertFailed('composer-missing');
    expect(sent).toEqual([expect.objectContaining({ healthy: false, problem: 'composer-missing', pageKind: 'watch' })]);
    vi.advanceTimersByTime(SETTLE * 5);
    expect(sent).toHaveLength(1);
    monitor.insertWorked();
    expect(sent.at(-1)).toEqual({ healthy: true });
  });

  it('after in-app navigation to a page without comments, a report made before is cleared', () => {
    page({ threads: 0 });
    const { sent, monitor, goTo } = start();
    vi.advanceTimersByTime(SETTLE * 2);
    expect(sent).toHaveLength(1);
    goTo(null);
    monitor.navigated();
    vi.advanceTimersByTime(SETTLE);
    expect(sent.at(-1)).toEqual({ healthy: true });
  });

  it('stops looking when the page is torn down (site switched off, extension reloaded)', () => {
    page({ threads: 0 });
    const { sent, controller } = start();
    controller.abort();
    vi.advanceTimersByTime(SETTLE * 5);
    expect(sent).toEqual([]);
  });
});
