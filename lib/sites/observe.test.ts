import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIDEO_ID, plainText, threadAt } from '../../e2e/sites/youtube/fixture-data.js';
import { buildThread, buildThreads, mountWatchPage } from '../../e2e/sites/youtube/fixture-dom.js';
import type { SeenComment } from './types';
import { observeComments, scanComments } from './observe';
import { youtube } from './youtube';

const VIDEO = DEFAULT_VIDEO_ID;

/** Enough time for the observer's animation-frame batch to run. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 40));

/** How many readable comments (top-level with text, and replies) threads [from, from+count) hold. */
function commentsIn(from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const thread = threadAt(VIDEO, i);
    n += (plainText(thread.text) ? 1 : 0) + thread.replies.length;
  }
  return n;
}

describe('scanComments', () => {
  beforeEach(() => {
    mountWatchPage(document, { videoId: VIDEO, threads: 10 });
  });

  it('returns each readable comment with its element, in page order', () => {
    const found = scanComments(youtube, document, `https://www.youtube.com/watch?v=${VIDEO}`);
    expect(found.length).toBe(commentsIn(0, 10));
    expect(found[0]?.comment.commentId).toBe(threadAt(VIDEO, 0).id);
    expect(found[1]?.comment.commentId).toBe(threadAt(VIDEO, 0).replies[0]?.id);
    for (const { element, comment } of found) {
      expect(element.getAttribute('data-fixture-id')).toBe(comment.commentId);
    }
  });

  it('scans only inside the given root, including the root when it is a comment', () => {
    const thread = document.querySelector<HTMLElement>('ytd-comment-thread-renderer')!;
    expect(scanComments(youtube, thread, 'https://www.youtube.com/watch?v=x').length).toBe(commentsIn(0, 1));
    const top = thread.querySelector<HTMLElement>('#comment')!;
    expect(scanComments(youtube, top, 'https://www.youtube.com/watch?v=x').map((f) => f.element)).toEqual([top]);
  });
});

describe('observeComments on a page without comments to read', () => {
  it('scans nothing while the page kind says there is nothing to reply to, and everything once there is', async () => {
    mountWatchPage(document, { videoId: VIDEO, threads: 3 });
    const controller = new AbortController();
    const batches: SeenComment[][] = [];
    let active = false;
    const observer = observeComments(youtube, document, (found) => batches.push(found), controller.signal, () => active);
    await nextFrame();
    expect(batches).toEqual([]);
    active = true;
    observer.rescan();
    await nextFrame();
    expect(batches.flat().length).toBe(commentsIn(0, 3));
    controller.abort();
  });
});

describe('observeComments', () => {
  let controller: AbortController;
  let batches: SeenComment[][];
  let contents: HTMLElement;

  const start = () =>
    observeComments(youtube, document, (found) => batches.push(found), controller.signal);
  const idsOf = (batch: SeenComment[] | undefined) => batch?.map((f) => f.element.getAttribute('data-fixture-id'));
  const reportedIds = () => idsOf(batches.flat())!;

  beforeEach(() => {
    controller = new AbortController();
    batches = [];
    contents = mountWatchPage(document, { videoId: VIDEO, threads: 10 });
  });
  afterEach(() => controller.abort());

  it('reports the comments already on the page at once', () => {
    start();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.length).toBe(commentsIn(0, 10));
  });

  it("reports where each comment's button goes: its toolbar", () => {
    start();
    for (const { element, host } of batches[0]!) {
      expect(host.id).toBe('toolbar');
      expect(host.closest(youtube.commentSelector)).toBe(element);
    }
  });

  it('reports a lazily loaded batch once, in one call, without repeating earlier comments', async () => {
    start();
    contents.append(...buildThreads(document, VIDEO, 10, 20));
    await nextFrame();
    expect(batches).toHaveLength(2);
    expect(batches[1]?.length).toBe(commentsIn(10, 20));
    expect(new Set(reportedIds()).size).toBe(reportedIds().length);
    await nextFrame();
    expect(batches).toHaveLength(2);
  });

  it('reports a comment added empty once its text arrives', async () => {
    start();
    const thread = buildThread(document, threadAt(VIDEO, 40), VIDEO);
    const text = thread.querySelector('#content-text')!;
    const saved = [...text.childNodes];
    text.replaceChildren();
    contents.append(thread);
    await nextFrame();
    expect(batches).toHaveLength(1);
    text.append(...saved);
    await nextFrame();
    expect(batches).toHaveLength(2);
    expect(idsOf(batches[1])).toEqual([threadAt(VIDEO, 40).id]);
  });

  it("ignores Understudy's own buttons appearing in comments", async () => {
    start();
    for (const toolbar of document.querySelectorAll('#toolbar')) {
      toolbar.append(document.createElement('understudy-draft-button'));
    }
    await nextFrame();
    expect(batches).toHaveLength(1);
  });

  it('on SPA navigation reports comments whose node now shows a different comment', async () => {
    start();
    // A node YouTube reused for another video's comment: same element, new permalink and text.
    const reused = document.querySelector<HTMLElement>('ytd-comment-thread-renderer #comment')!;
    const other = threadAt('Q7pLm2cRt9w', 0);
    reused.querySelector('#published-time-text a')!.setAttribute('href', `/watch?v=Q7pLm2cRt9w&lc=${other.id}`);
    reused.querySelector('#content-text span')!.textContent = 'A different comment';
    document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true }));
    await nextFrame();
    expect(batches).toHaveLength(2);
    expect(batches[1]?.map((f) => f.element)).toEqual([reused]);
  });

  it('reports a comment whose text the site rewrote in place, as a reused row gets it', async () => {
    start();
    const el = document.querySelector<HTMLElement>('ytd-comment-thread-renderer #comment')!;
    const text = el.querySelector('#content-text span')!.firstChild as Text;
    text.data = 'Rewritten in place';
    await nextFrame();
    expect(batches).toHaveLength(2);
    expect(batches[1]?.map((f) => [f.element, f.key])).toEqual([[el, 'Rewritten in place']]);
  });

  it('reports a reported comment that now shows no text with an empty key, once', async () => {
    start();
    const el = document.querySelector<HTMLElement>('ytd-comment-thread-renderer #comment')!;
    const text = el.querySelector('#content-text span')!.firstChild as Text;
    text.data = '';
    await nextFrame();
    expect(batches[1]?.map((f) => [f.element, f.key])).toEqual([[el, '']]);
    text.data = ' ';
    await nextFrame();
    expect(batches).toHaveLength(2);
    text.data = 'Back again';
    await nextFrame();
    expect(batches[2]?.map((f) => [f.element, f.key])).toEqual([[el, 'Back again']]);
  });

  it('rescan() finds what the page replaced without adding nodes the observer saw', async () => {
    const observer = start();
    const el = document.querySelector<HTMLElement>('ytd-comment-thread-renderer #comment')!;
    el.querySelector('#published-time-text a')!.setAttribute('href', '/watch?v=x&lc=Fresh1');
    el.querySelector('#content-text span')!.textContent = 'A fresh comment';
    observer.rescan();
    observer.rescan(); // coalesced into one scan
    await nextFrame();
    expect(batches).toHaveLength(2);
    expect(batches[1]?.map((f) => f.element)).toEqual([el]);
  });

  it('stops reporting once aborted', async () => {
    start();
    controller.abort();
    contents.append(...buildThreads(document, VIDEO, 10, 5));
    document.dispatchEvent(new CustomEvent('yt-navigate-finish'));
    await nextFrame();
    expect(batches).toHaveLength(1);
  });

  it('does nothing when started with an already aborted signal', () => {
    controller.abort();
    const observer = start();
    observer.rescan();
    expect(batches).toHaveLength(0);
  });
});
