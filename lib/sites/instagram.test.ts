import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentContextSchema } from '../core/draft';
import {
  BAKER_COMMENTS,
  HOSTILE,
  POSTS,
  buildCommentForm,
  buildPost,
  createComment,
  fillComment,
  type PostBox,
} from '../../e2e/sites/instagram/fixture-dom.js';
import { instagram } from './instagram';
import { insertText } from './insert';
import { scanComments } from './observe';

const CODE = POSTS.photo.code;
const PAGE_URL = `https://www.instagram.com/p/${CODE}/`;

let box: PostBox;
let posted: { text: string; parentId: string | null }[];

/** Mount a post as the post page shows it, or in a dialog over a feed post. */
function mount({ dialog = false, count = 60 } = {}): PostBox {
  posted = [];
  const built = buildPost(document, { post: POSTS.photo, count, onPost: (entry) => posted.push(entry) });
  if (dialog) {
    // The feed stays behind the dialog, with its own article and comment box.
    const feedPost = document.createElement('article');
    feedPost.append(buildCommentForm(document, { onSubmit: (text) => posted.push({ text, parentId: null }) }).form);
    const overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.append(built.article);
    const main = document.createElement('main');
    main.append(feedPost);
    document.body.replaceChildren(main, overlay);
  } else {
    const main = document.createElement('main');
    main.append(built.article);
    document.body.replaceChildren(main);
  }
  document.title = `crumbandcrust on Instagram: "${POSTS.photo.caption}"`;
  return built;
}

/** The comment element showing `fragment` now (the innermost, latest in page order). */
function commentShowing(fragment: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>(instagram.commentSelector)].filter((el) =>
    el.textContent?.includes(fragment),
  );
  const el = found[found.length - 1];
  if (!el) throw new Error(`no comment shows "${fragment}"`);
  return el;
}

const read = (el: HTMLElement, url = PAGE_URL) => instagram.readComment(el, url);
const MARIA = BAKER_COMMENTS[1]!.text;
const LIAM = BAKER_COMMENTS[0]!.text;

describe('instagram.pageKind', () => {
  it.each([
    [`https://www.instagram.com/p/${CODE}/`, 'post'],
    [`https://www.instagram.com/p/${CODE}/?img_index=2`, 'post'],
    [`https://www.instagram.com/p/${CODE}/c/17900000000079190/`, 'post'],
    [`https://www.instagram.com/p/${CODE}/c/17900000000079190/r/17900000000158380/`, 'post'],
    [`https://www.instagram.com/crumbandcrust/p/${CODE}/`, 'post'],
    ['https://www.instagram.com/reel/C9ReElCrUmB/', 'reel'],
    ['https://www.instagram.com/', null],
    ['https://www.instagram.com/explore/', null],
    ['https://www.instagram.com/reels/', null],
    ['https://www.instagram.com/crumbandcrust/', null],
    ['https://www.instagram.com/direct/inbox/', null],
    ['https://www.instagram.com/stories/crumbandcrust/3301/', null],
    [`https://www.instagram.com/p/${CODE}/liked_by/`, null],
    [`http://www.instagram.com/p/${CODE}/`, null],
    [`https://instagram.com/p/${CODE}/`, null],
    [`https://www.instagram.com.evil.example/p/${CODE}/`, null],
  ])('%s → %s', (url, expected) => {
    expect(instagram.pageKind(new URL(url))).toBe(expected);
  });
});

describe('instagram adapter on the fixture post', () => {
  beforeEach(() => {
    box = mount();
  });

  it('finds every live comment and reply, but not the caption, and skips the deleted one', () => {
    const elements = [...document.querySelectorAll<HTMLElement>(instagram.commentSelector)];
    const live = box.rows.rows().length;
    const replies = box.threads.slice(0, live).reduce((sum, t) => sum + t.replies.length, 0);
    expect(elements.length).toBe(live + replies);
    const deleted = elements.filter((el) => el.hasAttribute('data-fixture-deleted'));
    expect(deleted).toHaveLength(1);
    expect(instagram.commentKey(deleted[0]!)).toBeNull();
    expect(read(deleted[0]!)).toBeNull();
    const found = scanComments(instagram, document, PAGE_URL);
    expect(found).toHaveLength(elements.length - 1);
    expect(found.some((f) => f.comment.text === POSTS.photo.caption)).toBe(false);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it("reads a comment's author, handle, text, time, permalink id and the post caption", () => {
    const el = commentShowing(MARIA);
    const id = el.getAttribute('data-fixture-id')!;
    expect(read(el)).toEqual({
      site: 'instagram',
      commentId: id,
      author: 'maria.bakes',
      handle: 'maria.bakes',
      text: MARIA,
      postedAt: box.threads[1]!.time,
      permalink: `https://www.instagram.com/p/${CODE}/c/${id}/`,
      threadTitle: POSTS.photo.caption,
      pageKind: 'post',
      replyLimit: 2_200,
      pageUrl: PAGE_URL,
    });
  });

  it('gives a reply its own id and the text, author and id of the comment it answers', () => {
    const reply = read(commentShowing('will try that this weekend'))!;
    const parent = box.threads[0]!;
    expect(reply.commentId).toBe(parent.replies[1]!.id);
    expect(reply.text).toBe('@grainnerd thanks, will try that this weekend');
    expect(reply.parentText).toBe(LIAM);
    expect(reply.parentAuthor).toBe('liambakesbread');
    expect(reply.parentId).toBe(parent.id);
    expect(reply.permalink).toBe(`https://www.instagram.com/p/${CODE}/c/${parent.id}/r/${reply.commentId}/`);
    expect(read(commentShowing(LIAM))?.parentText).toBeUndefined();
  });

  it('reads a reel page as a reel', () => {
    expect(read(commentShowing(MARIA), 'https://www.instagram.com/reel/C9ReElCrUmB/')?.pageKind).toBe('reel');
  });

  it('returns hostile names and comments as exact text and never turns them into markup', () => {
    expect(read(commentShowing(HOSTILE.imgText))?.text).toBe(HOSTILE.imgText);
    expect(read(commentShowing(HOSTILE.imgText))?.author).toBe(HOSTILE.imgAuthor);
    expect(read(commentShowing('still flat, what am I missing?'))?.text).toBe(HOSTILE.scriptText);
    expect(read(commentShowing('printable recipe here'))?.text).toBe(HOSTILE.rtlText);
    expect(read(commentShowing('internet'))?.text).toBe(HOSTILE.zeroWidthText);
    expect(read(commentShowing('😍😍'))?.text).toBe(HOSTILE.emojiOnly);
    expect(read(commentShowing('eleven years'))?.text).toBe(HOSTILE.hugeText.trim());
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('keeps the same id when the comment is drawn again with new nodes', () => {
    const el = commentShowing(MARIA);
    const again = createComment(document);
    fillComment(document, again, box.threads[1]!, CODE);
    el.replaceWith(again);
    expect(read(again)?.commentId).toBe(el.getAttribute('data-fixture-id'));
    expect(instagram.commentKey(again)).toBe(instagram.commentKey(el));
  });

  it('without a permalink, ids hash author and time: stable across re-renders and edits', () => {
    const el = commentShowing(MARIA);
    el.querySelector('time')!.parentElement!.removeAttribute('href');
    const first = read(el)!;
    expect(first.commentId).toMatch(/^h-[0-9a-f]+$/);
    expect(first.permalink).toBeUndefined();
    expect(box.edit(MARIA, 'Is the rice flour really necessary? Edited.')).toBe(true);
    const edited = commentShowing('Edited.');
    expect(edited).toBe(el);
    el.querySelector('time')!.parentElement!.removeAttribute('href');
    expect(read(edited)?.text).toBe('Is the rice flour really necessary? Edited.');
    expect(read(edited)?.commentId).toBe(first.commentId);
    // Another comment by someone else at another time never shares it.
    const other = commentShowing(LIAM);
    other.querySelector('time')!.parentElement!.removeAttribute('href');
    expect(read(other)?.commentId).not.toBe(first.commentId);
  });

  it('a row scrolled to another comment reads and keys as that comment', () => {
    const row = commentShowing(MARIA);
    const before = { key: instagram.commentKey(row), id: read(row)?.commentId };
    box.scrollBy(15);
    expect(row.isConnected).toBe(true);
    expect(row.textContent).not.toContain(MARIA);
    expect(instagram.commentKey(row)).not.toBe(before.key);
    expect(read(row)?.commentId).not.toBe(before.id);
    expect(read(row)?.text).toBe(box.threads[16]!.text);
  });

  it('two comments with the same text still key apart', () => {
    const a = commentShowing(MARIA);
    const b = commentShowing(LIAM);
    box.edit(LIAM, MARIA);
    expect(instagram.commentKey(b)).not.toBe(instagram.commentKey(a));
  });

  it("puts the Draft reply button in the comment's own action row", () => {
    const el = commentShowing(LIAM);
    const host = instagram.buttonHost(el)!;
    expect(el.contains(host)).toBe(true);
    expect(host.querySelector('time')).not.toBeNull();
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'Reply')).toBe(true);
    const reply = commentShowing('will try that this weekend');
    expect(reply.contains(instagram.buttonHost(reply))).toBe(true);
  });

  it('reads the caption from the document title when the list no longer holds it', () => {
    document.querySelector('ul > li h1')?.remove();
    expect(read(commentShowing(MARIA))?.threadTitle).toBe(POSTS.photo.caption);
  });

  it("reads the box's own length limit when it sets one", () => {
    box.composer.editor.maxLength = 500;
    expect(read(commentShowing(MARIA))?.replyLimit).toBe(500);
  });
});

describe('instagram comment box', () => {
  afterEach(() => vi.useRealTimers());

  it('Reply points the box at the comment and prefills "@user ", which the composer reports', async () => {
    box = mount();
    const submit = box.submit;
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    const composer = await instagram.openComposer(commentShowing(MARIA));
    expect(composer?.kind).toBe('textarea');
    expect(composer?.editor).toBe(box.composer.editor);
    expect(composer?.prefix).toBe('@maria.bakes ');
    expect(instagram.submitButtonFor(composer!)).toBe(submit);
    expect(submit.textContent).toBe('Post');
  });

  it("a reply's Reply prefills that reply's author", async () => {
    box = mount();
    const composer = await instagram.openComposer(commentShowing('will try that this weekend'));
    expect(composer?.prefix).toBe('@liambakesbread ');
  });

  it("picks the dialog's own comment box, not the feed post's behind it", async () => {
    box = mount({ dialog: true });
    expect(document.querySelectorAll('textarea')).toHaveLength(2);
    const el = commentShowing(MARIA);
    expect(read(el)?.commentId).toBe(el.getAttribute('data-fixture-id'));
    const composer = await instagram.openComposer(el);
    expect(composer?.editor).toBe(box.composer.editor);
    expect(instagram.submitButtonFor(composer!)).toBe(box.submit);
  });

  it('a plain value write leaves the box model and Post untouched', async () => {
    box = mount();
    const composer = (await instagram.openComposer(commentShowing(MARIA)))!;
    (composer.editor as HTMLTextAreaElement).value = '@maria.bakes Thanks!';
    composer.editor.dispatchEvent(new Event('input', { bubbles: true }));
    expect(box.composer.state()).toBe('@maria.bakes ');
  });

  it('Insert keeps the @mention, fills the model, enables Post and posts nothing', async () => {
    box = mount();
    const composer = (await instagram.openComposer(commentShowing(MARIA)))!;
    const submit = instagram.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const outcome = await insertText(composer.editor, 'Semolina works too, rice flour just sticks less.', submit, {
      kind: composer.kind,
      prefix: composer.prefix,
    });
    expect(outcome).toEqual({ ok: true, method: 'native-setter' });
    expect(box.composer.state()).toBe('@maria.bakes Semolina works too, rice flour just sticks less.');
    expect(submit.getAttribute('aria-disabled')).toBe('false');
    expect(clicks).not.toHaveBeenCalled();
    expect(posted).toHaveLength(0);
  });

  it("the creator's own Post adds the reply to the thread, where it is found", async () => {
    box = mount();
    const el = commentShowing(MARIA);
    const composer = (await instagram.openComposer(el))!;
    await insertText(composer.editor, 'Semolina is fine!', instagram.submitButtonFor(composer), composer);
    instagram.submitButtonFor(composer)!.click(); // the creator presses Post
    expect(posted).toEqual([{ text: '@maria.bakes Semolina is fine!', parentId: box.threads[1]!.id }]);
    const reply = instagram.findPostedReply(el, 'Semolina is fine!');
    expect(reply).not.toBeNull();
    expect(read(reply!)?.author).toBe('crumbandcrust');
    expect(read(reply!)?.parentText).toBe(MARIA);
  });

  it('returns no composer when the comment has no Reply control', async () => {
    box = mount();
    const el = commentShowing(MARIA);
    for (const b of el.querySelectorAll('button')) if (b.textContent === 'Reply') b.remove();
    await expect(instagram.openComposer(el)).resolves.toBeNull();
  });

  it('gives up after about two seconds when the post has no comment box', async () => {
    box = mount();
    box.composer.editor.closest('form')!.remove();
    vi.useFakeTimers();
    const pending = instagram.openComposer(commentShowing(MARIA));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });
});
