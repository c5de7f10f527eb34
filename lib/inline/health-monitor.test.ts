import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIDEO_ID } from '../../e2e/sites/youtube/fixture-data.js';
import { buildThreads, mountWatchPage } from '../../e2e/sites/youtube/fixture-dom.js';
import { mountChat, type XOpenChat } from '../../e2e/sites/x/chat-dom.js';
import type { PageHealth } from '../sites/health';
import { x } from '../sites/x';
import { xConversations } from '../sites/x-dm';
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

describe('health monitor: conversations (direct messages on)', () => {
  /** X's chat with a conversation open (the kind the page has: 'dm'). */
  function chatPage(): XOpenChat {
    const ui = mountChat(document, document.body);
    const open = ui.openConversation('maria-1001');
    if (!open) throw new Error('no conversation');
    return open;
  }
  /** X re-rendered its composer in a markup Understudy doesn't know (a new testid). */
  const breakComposer = (open: XOpenChat) => open.model.editor.setAttribute('data-testid', 'dm-composer-input-v2');
  const fixComposer = (open: XOpenChat) => open.model.editor.setAttribute('data-testid', 'dm-composer-textarea');

  function startDm({ dms = true, commentsKind = null as string | null, adapter = x } = {}) {
    const sent: PageHealth[] = [];
    const controller = new AbortController();
    let dmKind: string | null = 'dm';
    const monitor = createHealthMonitor({
      adapter,
      root: document,
      pageKind: () => commentsKind,
      ...(dms ? { conversations: { adapter: xConversations, doc: document, pageKind: () => dmKind } } : {}),
      send: (health) => sent.push(health),
      signal: controller.signal,
      settleMs: SETTLE,
    });
    return { sent, monitor, controller, goTo: (next: string | null) => (dmKind = next) };
  }

  it("reports a conversation whose message box can't be found only once the page had time to settle", () => {
    breakComposer(chatPage());
    const { sent } = startDm();
    vi.advanceTimersByTime(SETTLE);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(SETTLE);
    expect(sent).toEqual([expect.objectContaining({ healthy: false, problem: 'no-conversation', pageKind: 'dm' })]);
    const [report] = sent;
    if (!report || report.healthy) throw new Error('expected a report');
    expect(report.counts.selectors['dm-editor']).toBe(0);
    expect(Object.keys(report.counts.selectors).every((name) => name.startsWith('dm-'))).toBe(true);
    vi.advanceTimersByTime(SETTLE * 5);
    expect(sent).toHaveLength(1);
  });

  it('says nothing about a conversation with its message box', () => {
    chatPage();
    const { sent } = startDm();
    vi.advanceTimersByTime(SETTLE * 10);
    expect(sent).toEqual([]);
  });

  it('clears the report when the message box shows up again: at the next look, or at once when the conversation controller sees it', () => {
    const open = chatPage();
    breakComposer(open);
    const { sent, monitor } = startDm();
    vi.advanceTimersByTime(SETTLE * 2);
    expect(sent).toHaveLength(1);
    fixComposer(open);
    monitor.conversationsSeen(true);
    expect(sent.at(-1)).toEqual({ healthy: true });

    // Broken again after a healthy look (X re-rendered the box): the controller's scan says so.
    breakComposer(open);
    monitor.conversationsSeen(false);
    vi.advanceTimersByTime(SETTLE * 2);
    expect(sent.at(-1)).toMatchObject({ healthy: false, problem: 'no-conversation' });
    fixComposer(open);
    vi.advanceTimersByTime(SETTLE);
    expect(sent.at(-1)).toEqual({ healthy: true });
  });

  it('with the DMs off, a conversation page is never looked at, so nothing is reported', () => {
    breakComposer(chatPage());
    const { sent, monitor } = startDm({ dms: false });
    monitor.conversationsSeen(false);
    vi.advanceTimersByTime(SETTLE * 10);
    expect(sent).toEqual([]);
  });

  it("reports a message box that couldn't be found or filled at once, with the conversation's counts, until an Insert works", () => {
    chatPage();
    const { sent, monitor } = startDm();
    monitor.insertFailed('composer-missing', 'conversation');
    expect(sent).toEqual([expect.objectContaining({ healthy: false, problem: 'composer-missing', pageKind: 'dm' })]);
    const [report] = sent;
    if (!report || report.healthy) throw new Error('expected a report');
    expect(report.counts.selectors).toHaveProperty('dm-editor', 1);
    vi.advanceTimersByTime(SETTLE * 5);
    expect(sent).toHaveLength(1);
    monitor.insertWorked();
    expect(sent.at(-1)).toEqual({ healthy: true });
  });

  it("comments and a conversation on one page don't overwrite each other's report: the comments' shows first, then the conversation's", () => {
    // A watch page whose comments can't be read, with a broken chat open over it.
    const contents = page({ threads: 0 });
    const open = chatPage();
    breakComposer(open);
    const { sent, monitor } = startDm({ commentsKind: 'watch', adapter: youtube });
    vi.advanceTimersByTime(SETTLE * 2);
    expect(sent).toEqual([expect.objectContaining({ healthy: false, problem: 'no-comments', pageKind: 'watch' })]);
    // The comments recover: the conversation's problem is still there, so it is what is said now.
    contents.replaceChildren(...buildThreads(document, DEFAULT_VIDEO_ID, 0, 3));
    monitor.commentsFound();
    expect(sent.at(-1)).toMatchObject({ healthy: false, problem: 'no-conversation', pageKind: 'dm' });
    // Then the conversation recovers too: all clear.
    fixComposer(open);
    monitor.conversationsSeen(true);
    expect(sent.at(-1)).toEqual({ healthy: true });
  });

  it('after in-app navigation away from the conversation, its report is cleared', () => {
    breakComposer(chatPage());
    const { sent, monitor, goTo } = startDm();
    vi.advanceTimersByTime(SETTLE * 2);
    expect(sent).toHaveLength(1);
    goTo(null);
    monitor.navigated();
    vi.advanceTimersByTime(SETTLE);
    expect(sent.at(-1)).toEqual({ healthy: true });
  });
});
