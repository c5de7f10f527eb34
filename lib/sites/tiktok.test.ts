import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentContextSchema } from '../core/draft';
import { SITE_REPLY_LIMITS } from '../core/limits';
import {
  CREATOR,
  HOSTILE,
  VIDEOS,
  commentThreads,
  mountFeedPanel,
  mountVideoPage,
  videoPath,
  type CommentList,
} from '../../e2e/sites/tiktok/fixture-dom.js';
import { insertText } from './insert';
import { scanComments } from './observe';
import { absoluteDate, tiktok } from './tiktok';

const VIDEO = VIDEOS[0]!;
const VIDEO_URL = `https://www.tiktok.com${videoPath(VIDEO)}`;
const FEED_URL = 'https://www.tiktok.com/foryou';
const THIS_YEAR = new Date().getFullYear();

/** The comment element (top-level or reply) showing the fixture comment `id` now. */
function commentEl(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-fixture-id="${id}"]`);
  if (!el) throw new Error(`comment ${id} is not on the page`);
  return el;
}

/** The comment element whose text contains `fragment`. */
function byText(fragment: string): HTMLElement {
  const el = [...document.querySelectorAll<HTMLElement>(tiktok.commentSelector)].find((c) => c.textContent?.includes(fragment));
  if (!el) throw new Error(`no comment shows "${fragment}"`);
  return el;
}

const read = (el: HTMLElement, url = VIDEO_URL) => tiktok.readComment(el, url);

describe('tiktok.pageKind', () => {
  it.each([
    ['https://www.tiktok.com/@crumbandcrust/video/7312345678901234567', 'video'],
    ['https://www.tiktok.com/@crumbandcrust/video/7312345678901234567?lang=en&is_from_webapp=1', 'video'],
    ['https://www.tiktok.com/@crumbandcrust/photo/7312345678901234567', 'video'],
    ['https://www.tiktok.com/', 'feed'],
    ['https://www.tiktok.com/foryou', 'feed'],
    ['https://www.tiktok.com/foryou?lang=en', 'feed'],
    ['https://www.tiktok.com/following', 'feed'],
    ['https://www.tiktok.com/@crumbandcrust', null],
    ['https://www.tiktok.com/@crumbandcrust/video/', null],
    ['https://www.tiktok.com/explore', null],
    ['https://www.tiktok.com/search?q=sourdough', null],
    ['https://www.tiktok.com/messages', null],
    ['https://m.tiktok.com/@crumbandcrust/video/7312345678901234567', null],
    ['http://www.tiktok.com/@crumbandcrust/video/7312345678901234567', null],
    ['https://www.tiktok.com.evil.example/@crumbandcrust/video/7312345678901234567', null],
  ])('%s → %s', (url, expected) => {
    expect(tiktok.pageKind(new URL(url))).toBe(expected);
  });
});

describe('absoluteDate', () => {
  it('turns the dates TikTok prints into YYYY-MM-DD and leaves relative times out', () => {
    expect(absoluteDate('2024-11-3')).toBe('2024-11-03');
    expect(absoluteDate('11-2', new Date(2025, 5, 1))).toBe('2025-11-02');
    expect(absoluteDate('2d ago')).toBeNull();
    expect(absoluteDate('5h ago')).toBeNull();
    expect(absoluteDate('Just now')).toBeNull();
    expect(absoluteDate('13-40')).toBeNull();
  });
});

describe('tiktok adapter on the fixture video page', () => {
  let panel: CommentList;
  beforeEach(() => {
    panel = mountVideoPage(document);
  });

  it('finds every comment and reply on screen, and skips the deleted one', () => {
    const elements = document.querySelectorAll<HTMLElement>(tiktok.commentSelector);
    const shown = panel.threads.slice(0, panel.list().rows().length);
    const replies = shown.reduce((n, t) => n + t.replies.length, 0);
    expect(elements.length).toBe(shown.length + replies);
    const found = scanComments(tiktok, document, VIDEO_URL);
    expect(found.length).toBe(elements.length - 1);
    expect(found.some((f) => f.element.hasAttribute('data-fixture-deleted'))).toBe(false);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it("reads a comment's author, handle, text, date, caption and limit", () => {
    const el = byText('Is the rice flour on the banneton necessary?');
    expect(read(el)).toEqual({
      site: 'tiktok',
      commentId: expect.stringMatching(/^h-[0-9a-f]+$/),
      author: 'Maria',
      handle: 'maria.bakes',
      text: 'Is the rice flour on the banneton necessary?',
      postedAt: `${THIS_YEAR}-11-02`,
      permalink: VIDEO_URL,
      threadTitle: VIDEO.caption,
      pageKind: 'video',
      replyLimit: SITE_REPLY_LIMITS.tiktok,
      pageUrl: VIDEO_URL,
    });
    expect(tiktok.replyLimit?.(el)).toBe(150);
  });

  it('keeps a relative time as TikTok shows it', () => {
    expect(read(byText('Does this method work with rye?'))?.postedAt).toBe('3d ago');
  });

  it('gives a reply the text, author and id of the comment it answers', () => {
    const parent = read(commentEl('c0'))!;
    const reply = read(commentEl('c0r0'))!;
    expect(reply.author).toBe(CREATOR.name);
    expect(reply.handle).toBe(CREATOR.handle);
    expect(reply.parentText).toBe('Can I do the 72 hours with a 100% whole wheat dough or will it overproof?');
    expect(reply.parentAuthor).toBe('Liam Bakes');
    expect(reply.parentId).toBe(parent.commentId);
    expect(reply.commentId).not.toBe(parent.commentId);
    expect(parent.parentText).toBeUndefined();
  });

  it('gives every comment on screen its own id', () => {
    const ids = scanComments(tiktok, document, VIDEO_URL).map((f) => f.comment.commentId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps ids when the list is drawn again with new nodes', () => {
    const oldNode = commentEl('c1');
    const before = scanComments(tiktok, document, VIDEO_URL).map((f) => f.comment);
    mountVideoPage(document);
    const after = scanComments(tiktok, document, VIDEO_URL).map((f) => f.comment);
    expect(commentEl('c1')).not.toBe(oldNode);
    expect(after.map((c) => c.commentId)).toEqual(before.map((c) => c.commentId));
  });

  it('keeps ids when a row scrolls away and another row shows the comment again', () => {
    const id = read(commentEl('c1'))!.commentId;
    const rowBefore = commentEl('c1').closest('[data-e2e="comment-item"]');
    panel.recycle(10);
    expect(document.querySelector('[data-fixture-id="c1"]')).toBeNull();
    panel.list().scrollTo(1);
    expect(commentEl('c1').closest('[data-e2e="comment-item"]')).not.toBe(rowBefore);
    expect(read(commentEl('c1'))!.commentId).toBe(id);
  });

  it('keeps the id of a dated comment its author edits, and reads the new text', () => {
    const before = read(commentEl('c1'))!;
    expect(panel.edit('rice flour on the banneton', 'Is rice flour on the banneton really needed?')).toBe(true);
    const after = read(commentEl('c1'))!;
    expect(after.text).toBe('Is rice flour on the banneton really needed?');
    expect(after.commentId).toBe(before.commentId);
  });

  it('tells apart comments of one author that show only a relative time, by their text', () => {
    const a = read(byText('Does this method work with rye?'))!;
    panel.edit('Does this method work with rye?', 'And with spelt?');
    const b = read(byText('And with spelt?'))!;
    expect(b.commentId).not.toBe(a.commentId);
  });

  it('reads a recycled row as the comment it shows now', () => {
    const el = commentEl('c1');
    const key = tiktok.commentKey(el);
    const before = read(el)!;
    panel.recycle(3);
    expect(el.isConnected).toBe(true);
    expect(el.getAttribute('data-fixture-id')).toBe('c4');
    expect(tiktok.commentKey(el)).not.toBe(key);
    const now = read(el)!;
    expect(now.author).toBe('Danny K');
    expect(now.commentId).not.toBe(before.commentId);
  });

  it('returns hostile names and comments as exact text and never turns them into markup', () => {
    expect(read(byText('Love this recipe'))?.author).toBe(HOSTILE.imgAuthor);
    expect(read(byText('Love this recipe'))?.text).toBe(HOSTILE.imgText);
    expect(read(byText('Tried it twice'))?.text).toBe(HOSTILE.scriptText);
    expect(read(byText('Download the printable'))?.text).toBe(HOSTILE.rtlText);
    expect(read(byText('Download the printable'))?.text).toContain('\u202E');
    expect(read(byText('Per\u200Bfect'))?.text).toBe(HOSTILE.zeroWidthText);
    expect(read(byText('🍞🔥🔥🔥'))?.text).toBe(HOSTILE.emojiOnly);
    expect(read(byText('eleven years'))?.text).toBe(HOSTILE.hugeText.trim());
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('gives a deleted comment no key and nothing to draft for', () => {
    const deleted = document.querySelector<HTMLElement>('[data-fixture-deleted]')!;
    expect(deleted.matches(tiktok.commentSelector)).toBe(true);
    expect(tiktok.commentKey(deleted)).toBeNull();
    expect(read(deleted)).toBeNull();
  });

  it('puts the Draft reply button in the row with the time and Reply, inside the comment', () => {
    for (const id of ['c1', 'c0r1']) {
      const el = commentEl(id);
      const host = tiktok.buttonHost(el)!;
      expect(el.contains(host)).toBe(true);
      expect(host).not.toBe(el);
      expect(host.querySelector('[data-e2e^="comment-reply-"]')).not.toBeNull();
    }
  });

  it("finds the creator's posted reply under the comment it answers", () => {
    const found = tiktok.findPostedReply(commentEl('c0'), 'Yes!  Drop the hydration to 75% and check it at 60 hours.');
    expect(found).toBe(commentEl('c0r0'));
    expect(tiktok.findPostedReply(commentEl('c1'), 'Yes! Drop the hydration to 75% and check it at 60 hours.')).toBeNull();
  });

  it('shows the marks of a comments section the adapter reads', () => {
    expect(document.querySelector(tiktok.commentsMark)).not.toBeNull();
    for (const selector of Object.values(tiktok.selectors)) expect(() => document.querySelectorAll(selector)).not.toThrow();
  });
});

describe("tiktok adapter on the feed's comment sidebar", () => {
  beforeEach(() => {
    mountFeedPanel(document, { video: VIDEOS[0] });
  });

  it('reads the caption and the video link of the feed video whose comments are open', () => {
    const comment = read(byText('Is the rice flour on the banneton necessary?'), FEED_URL)!;
    expect(comment.pageKind).toBe('feed');
    expect(comment.threadTitle).toBe(VIDEO.caption);
    expect(comment.permalink).toBe(VIDEO_URL);
    expect(comment.author).toBe('Maria');
    expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it('gives a comment the same id in the feed as on its video page', () => {
    const inFeed = read(byText('Is the rice flour'), FEED_URL)!.commentId;
    mountVideoPage(document);
    expect(read(byText('Is the rice flour'))!.commentId).toBe(inFeed);
  });
});

describe('tiktok reply box', () => {
  let panel: CommentList;
  beforeEach(() => {
    panel = mountVideoPage(document, { threads: commentThreads(40) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("opens this comment's reply box and returns its Draft.js editor and disabled Post", async () => {
    const el = commentEl('c1');
    const composer = (await tiktok.openComposer(el))!;
    expect(composer.kind).toBe('draftjs');
    expect(composer.prefix).toBeUndefined();
    expect(composer.editor.getAttribute('contenteditable')).toBe('true');
    expect(composer.editor.closest('[data-e2e="comment-input"]')).not.toBeNull();
    expect(el.nextElementSibling?.contains(composer.editor)).toBe(true);
    const post = tiktok.submitButtonFor(composer)!;
    expect(post.getAttribute('data-e2e')).toBe('comment-post');
    expect(post.getAttribute('aria-disabled')).toBe('true');
    expect(post.closest('[class*="DivBottomCommentContainer"]')).toBeNull();
  });

  it('reuses the reply box that is already open instead of opening a second one', async () => {
    const first = await tiktok.openComposer(commentEl('c1'));
    const second = await tiktok.openComposer(commentEl('c1'));
    expect(second?.editor).toBe(first?.editor);
    expect(document.querySelectorAll('[class*="DivCommentInputContainer"]').length).toBe(1);
  });

  it("opens a reply's own box, not its thread's", async () => {
    const top = await tiktok.openComposer(commentEl('c0'));
    const reply = await tiktok.openComposer(commentEl('c0r1'));
    expect(reply?.editor).not.toBe(top?.editor);
    expect(commentEl('c0r1').nextElementSibling?.contains(reply!.editor)).toBe(true);
  });

  it('keeps reading the comment the same while its reply box is open', async () => {
    const el = commentEl('c0');
    const before = read(el);
    await tiktok.openComposer(el);
    expect(read(el)).toEqual(before);
    expect(read(commentEl('c0r0'))?.parentText).toBe(before?.text);
  });

  it('gives up after about two seconds when no reply box appears', async () => {
    vi.useFakeTimers();
    const el = commentEl('c1');
    // Reply clicks now do nothing, like a page that changed how it opens its box.
    el.addEventListener('click', (event) => event.stopPropagation());
    const pending = tiktok.openComposer(el);
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });

  it('returns null when the comment has no Reply control', async () => {
    const el = commentEl('c1');
    el.querySelector('[data-e2e="comment-reply-1"]')!.remove();
    await expect(tiktok.openComposer(el)).resolves.toBeNull();
  });

  it('leaves Post disabled when a script only writes into the editor', async () => {
    const composer = (await tiktok.openComposer(commentEl('c1')))!;
    composer.editor.textContent = 'Thanks Maria!';
    await Promise.resolve();
    expect(panel.composerState()).toBe('');
    expect(tiktok.submitButtonFor(composer)?.getAttribute('aria-disabled')).toBe('true');
  });

  it('fails to insert into the Draft.js box that ignores synthetic input, says to use Copy, and never posts', async () => {
    const composer = (await tiktok.openComposer(commentEl('c1')))!;
    const post = tiktok.submitButtonFor(composer)!;
    const clicks = vi.fn();
    post.addEventListener('click', clicks);
    const outcome = await insertText(composer.editor, 'Not needed, but it stops sticking.', post, {
      kind: composer.kind,
      prefix: composer.prefix,
      boxLabel: "TikTok's reply box",
      settleMs: 20,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toMatch(/Copy/);
    expect(panel.composerState()).toBe('');
    expect(post.getAttribute('aria-disabled')).toBe('true');
    expect(clicks).not.toHaveBeenCalled();
  });

  it('drops the reply box of a row recycled for another comment', async () => {
    await tiktok.openComposer(commentEl('c1'));
    panel.recycle(3);
    expect(panel.composerState()).toBeNull();
    expect(document.querySelector('[class*="DivCommentInputContainer"]')).toBeNull();
  });
});
