import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentContextSchema } from '../core/draft';
import { SITE_REPLY_LIMITS } from '../core/limits';
import {
  CREATOR,
  HOSTILE,
  POSTS,
  buildThreads,
  installCommentBehaviour,
  mountPage,
  openBoxState,
  posted,
  shownText,
  type FixtureThread,
  type Locale,
  type PostKey,
} from '../../e2e/sites/facebook/fixture-dom.js';

import { facebook } from './facebook';
import { insertText } from './insert';
import { scanComments } from './observe';

const ORIGIN = 'https://www.facebook.com';

function urlOf(key: PostKey): string {
  return key === 'dialog' ? `${ORIGIN}/` : `${ORIGIN}${POSTS[key].path}`;
}

function byId(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-fixture-id="${id}"]`);
  if (!el) throw new Error(`comment ${id} is not on the page`);
  return el;
}

function permalinkOf(key: PostKey, id: string, parentId?: string): string {
  const url = new URL(POSTS[key].path, ORIGIN);
  if (parentId) {
    url.searchParams.set('comment_id', parentId);
    url.searchParams.set('reply_comment_id', id);
  } else url.searchParams.set('comment_id', id);
  return url.href;
}

describe('facebook.pageKind', () => {
  it.each([
    ['https://www.facebook.com/crumbandcrustkitchen/posts/pfbid02Kq7Lm3sourdough72hNoMixer', 'post'],
    ['https://www.facebook.com/crumbandcrustkitchen/posts/1092837465019283/', 'post'],
    ['https://www.facebook.com/crumbandcrustkitchen/posts/pfbid02Kq7?comment_id=Y29tbWVudDox', 'post'],
    ['https://www.facebook.com/permalink.php?story_fbid=pfbid0abc&id=100064', 'post'],
    ['https://www.facebook.com/story.php?story_fbid=123&id=456', 'post'],
    ['https://www.facebook.com/groups/masamadreclub/posts/2039485761', 'group-post'],
    ['https://www.facebook.com/groups/123456789/permalink/2039485761/', 'group-post'],
    ['https://www.facebook.com/groups/masamadreclub/?multi_permalinks=2039485761', 'group-post'],
    ['https://www.facebook.com/', 'feed'],
    ['https://www.facebook.com/?sk=h_chr', 'feed'],
    ['https://www.facebook.com/groups/masamadreclub', 'feed'],
    ['https://www.facebook.com/crumbandcrustkitchen', null],
    ['https://www.facebook.com/groups/feed/', null],
    ['https://www.facebook.com/permalink.php?id=100064', null],
    ['https://www.facebook.com/messages/t/1000123', null],
    ['https://www.facebook.com/watch/?v=123', null],
    ['https://www.facebook.com/reel/123', null],
    ['https://www.facebook.com/photo/?fbid=123', null],
    ['https://www.facebook.com/search/top?q=sourdough', null],
    ['https://m.facebook.com/crumbandcrustkitchen/posts/123', null],
    ['https://web.facebook.com/crumbandcrustkitchen/posts/123', null],
    ['http://www.facebook.com/crumbandcrustkitchen/posts/123', null],
    ['https://www.facebook.com.evil.example/crumbandcrustkitchen/posts/123', null],
  ])('%s → %s', (url, expected) => {
    expect(facebook.pageKind(new URL(url))).toBe(expected);
  });
});

const VARIANTS: { key: PostKey; locale: Locale; name: string }[] = [
  { key: 'page', locale: 'en', name: 'a Page post in English (replies nested in their parent)' },
  { key: 'page', locale: 'es', name: 'a Page post in Spanish (replies nested in their parent)' },
  { key: 'group', locale: 'es', name: 'a group post in Spanish (replies listed after their parent)' },
  { key: 'group', locale: 'en', name: 'a group post in English (replies listed after their parent)' },
  { key: 'dialog', locale: 'en', name: 'the post dialog over the feed in English' },
  { key: 'dialog', locale: 'es', name: 'the post dialog over the feed in Spanish' },
];

describe.each(VARIANTS)('facebook adapter on $name', ({ key, locale }) => {
  const pageUrl = urlOf(key);
  let threads: FixtureThread[];
  beforeEach(() => {
    ({ threads } = mountPage(document, { post: key, locale }));
  });
  const read = (el: HTMLElement) => facebook.readComment(el, pageUrl);

  it('gives every comment and reply with text a button, and none to the deleted comment or the post', () => {
    const elements = [...document.querySelectorAll<HTMLElement>(facebook.commentSelector)];
    const total = threads.reduce((n, t) => n + 1 + t.replies.length, 0);
    expect(elements).toHaveLength(total);
    const deleted = elements.filter((el) => el.hasAttribute('data-fixture-deleted'));
    expect(deleted).toHaveLength(1);
    for (const el of elements) expect(facebook.commentKey(el) === null).toBe(deleted.includes(el));
    const found = scanComments(facebook, document, pageUrl);
    expect(found).toHaveLength(total - 1);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
    expect(document.querySelector('[aria-posinset], [data-ad-comet-preview]')?.matches(facebook.commentSelector) ?? false).toBe(false);
    expect(document.querySelector(facebook.commentsMark)).not.toBeNull();
  });

  it('reads author, profile handle, text, id, the permalink to its post, post text and page kind of a comment', () => {
    const thread = threads[1]!;
    expect(read(byId(thread.id))).toEqual({
      site: 'facebook',
      commentId: thread.id,
      author: 'Maria',
      handle: 'maria.bakes',
      text: 'Is the rice flour on the banneton necessary?',
      permalink: permalinkOf(key, thread.id),
      threadTitle: POSTS[key].caption,
      pageKind: POSTS[key].kind,
      replyLimit: SITE_REPLY_LIMITS.facebook,
      pageUrl,
    });
  });

  it('reads a parent comment without the text of its replies', () => {
    const thread = threads[0]!;
    const comment = read(byId(thread.id));
    expect(comment?.text).toBe(thread.text);
    expect(comment?.parentText).toBeUndefined();
    expect(comment?.parentId).toBeUndefined();
    expect(facebook.commentKey(byId(thread.id))).toBe(thread.text);
  });

  it('gives a reply its own id and the comment it answers, also for a reply to a reply', () => {
    const thread = threads[0]!;
    const [first, second] = thread.replies;
    const reply = read(byId(first!.id));
    expect(reply).toMatchObject({
      commentId: first!.id,
      author: 'Grain Nerd',
      text: first!.text,
      parentId: thread.id,
      parentAuthor: 'Liam Bakes',
      parentText: thread.text,
    });
    const nested = read(byId(second!.id));
    expect(nested?.text).toBe(shownText(second!));
    expect(nested?.text.startsWith('Grain Nerd thanks')).toBe(true);
    expect(nested?.parentId).toBe(thread.id);
    expect(nested?.parentText).toBe(thread.text);
  });

  it('keeps line breaks of a comment written in paragraphs', () => {
    const thread = threads.find((t) => t.author === 'Lucía Fernández')!;
    expect(read(byId(thread.id))?.text).toBe('¡Qué miga tan bonita! ¿A qué temperatura horneas?\nYo lo hago a 230 °C.');
  });

  it('returns hostile names and comments as exact text and never turns them into markup', () => {
    const texts = scanComments(facebook, document, pageUrl).map((f) => f.comment);
    expect(texts.find((c) => c.text === HOSTILE.imgText)?.author).toBe(HOSTILE.imgAuthor);
    expect(texts.some((c) => c.text === HOSTILE.scriptText)).toBe(true);
    const rtl = texts.find((c) => c.text === HOSTILE.rtlText);
    expect(rtl?.text).toContain('\u202E');
    expect(texts.some((c) => c.text === HOSTILE.zeroWidthText)).toBe(true);
    expect(texts.some((c) => c.text === HOSTILE.emojiOnly)).toBe(true);
    expect(texts.find((c) => c.author === 'Wall Of Text')?.text).toBe(HOSTILE.hugeText);
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('skips the deleted comment, which shows no text', () => {
    const deleted = document.querySelector<HTMLElement>('[data-fixture-deleted]')!;
    expect(read(deleted)).toBeNull();
    expect(facebook.commentKey(deleted)).toBeNull();
  });

  it('keeps every id across a re-render with new nodes, and across an edit of the text', () => {
    const first = scanComments(facebook, document, pageUrl).map((f) => f.comment.commentId);
    expect(new Set(first).size).toBe(first.length);
    const list = document.querySelector('.fx-comment-list')!;
    list.replaceChildren(...buildThreads(document, threads, { post: POSTS[key], locale }));
    const again = scanComments(facebook, document, pageUrl).map((f) => f.comment.commentId);
    expect(again).toEqual(first);

    const el = byId(threads[3]!.id);
    const before = facebook.commentKey(el);
    el.querySelector('div[dir="auto"] div[dir="auto"]')!.textContent = 'Edited: the jiggle test is the best explanation.';
    expect(facebook.commentKey(el)).not.toBe(before);
    expect(read(el)?.commentId).toBe(threads[3]!.id);
    expect(read(el)?.text).toBe('Edited: the jiggle test is the best explanation.');
  });

  it('falls back to a stable hash id, different for a reply and its parent, when links carry no id', () => {
    const thread = threads[0]!;
    for (const link of document.querySelectorAll('a[href*="comment_id="]')) link.setAttribute('href', '/');
    const a = read(byId(thread.id));
    const b = read(byId(thread.id));
    expect(a?.commentId).toMatch(/^h-[0-9a-f]+$/);
    expect(a?.commentId).toBe(b?.commentId);
    expect(a?.permalink).toBeUndefined();
    const reply = read(byId(thread.replies[0]!.id));
    expect(reply?.commentId).toMatch(/^h-/);
    expect(reply?.commentId).not.toBe(a?.commentId);
  });

  it("puts the Draft reply button in the comment's own action row, a reply's in the reply's", () => {
    const top = byId(threads[0]!.id);
    const host = facebook.buttonHost(top)!;
    expect(host.localName).toBe('ul');
    expect(host.closest('[role="article"]')).toBe(top);
    const reply = byId(threads[0]!.replies[0]!.id);
    const replyHost = facebook.buttonHost(reply)!;
    expect(replyHost.closest('[role="article"]')).toBe(reply);
  });
});

describe('facebook reply box', () => {
  let uninstall: () => void;
  let threads: FixtureThread[];
  const pageUrl = urlOf('page');

  function mount(key: PostKey, locale: Locale) {
    const mounted = mountPage(document, { post: key, locale });
    threads = mounted.threads;
    uninstall = installCommentBehaviour(document, { locale, post: () => mounted.post });
  }
  afterEach(() => {
    uninstall();
    vi.useRealTimers();
  });

  it.each([
    ['page', 'en', 'Reply to Maria', 'Comment'],
    ['group', 'es', 'Responder a Maria', 'Comentar'],
    ['dialog', 'en', 'Reply to Maria', 'Comment'],
  ] as const)("opens the comment's own Lexical reply box on %s (%s) with its send arrow disabled", async (key, locale, label, send) => {
    mount(key, locale);
    const el = byId(threads[1]!.id);
    const composer = await facebook.openComposer(el);
    expect(composer?.kind).toBe('lexical');
    expect(composer?.prefix).toBeUndefined();
    expect(composer?.editor.getAttribute('aria-label')).toBe(label);
    expect(composer?.editor.getAttribute('data-lexical-editor')).toBe('true');
    const submit = facebook.submitButtonFor(composer!)!;
    expect(submit.getAttribute('aria-label')).toBe(send);
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    // The box belongs to this thread, not to the post's own "Write a comment…" box.
    expect(composer?.editor.closest('.fx-thread')).toBe(el.closest('.fx-thread'));
  });

  it('reuses the open reply box instead of opening a second one', async () => {
    mount('page', 'en');
    const el = byId(threads[1]!.id);
    const first = await facebook.openComposer(el);
    const second = await facebook.openComposer(el);
    expect(second?.editor).toBe(first?.editor);
    expect(document.querySelectorAll('.fx-reply-box')).toHaveLength(1);
  });

  it.each(['page', 'group'] as const)(
    "keeps the mention Facebook prefills when replying to a reply (%s)",
    async (key) => {
      mount(key, 'en');
      const reply = byId(threads[0]!.replies[0]!.id);
      const composer = (await facebook.openComposer(reply))!;
      expect(composer.prefix).toBe('Grain Nerd ');
      const outcome = await insertText(composer.editor, 'Agreed, 36 hours is plenty.', facebook.submitButtonFor(composer), {
        kind: composer.kind,
        prefix: composer.prefix,
      });
      expect(outcome).toEqual({ ok: true, method: 'paste' });
      expect(openBoxState()).toBe('Grain Nerd Agreed, 36 hours is plenty.');
    },
  );

  it("finds a group thread's reply box and fills it while Understudy's editor sits between the comment and its replies", async () => {
    mount('group', 'es');
    const el = byId(threads[1]!.id);
    el.after(document.createElement('understudy-editor'));
    const composer = (await facebook.openComposer(el))!;
    expect(composer.editor.getAttribute('aria-label')).toBe('Responder a Maria');
    const outcome = await insertText(composer.editor, '¡Sí! Rice flour sticks least.', facebook.submitButtonFor(composer), { kind: composer.kind });
    expect(outcome.ok).toBe(true);
    expect(openBoxState()).toBe('¡Sí! Rice flour sticks least.');
    const reply = byId(threads[1]!.replies[0]!.id);
    expect(facebook.readComment(reply, urlOf('group'))?.parentText).toBe(threads[1]!.text);
  });

  it('leaves the send arrow disabled when a script only writes textContent', async () => {
    mount('page', 'en');
    const composer = (await facebook.openComposer(byId(threads[1]!.id)))!;
    composer.editor.textContent = 'Thanks Maria!';
    expect(facebook.submitButtonFor(composer)?.getAttribute('aria-disabled')).toBe('true');
    expect(openBoxState()).toBe('');
  });

  it('fills the box through paste so the send arrow is enabled, and only the creator posting it adds the reply', async () => {
    mount('page', 'en');
    const el = byId(threads[1]!.id);
    const composer = (await facebook.openComposer(el))!;
    const submit = facebook.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const keys = vi.fn();
    composer.editor.addEventListener('keydown', keys);
    const draft = 'Not strictly! Rice flour just stops sticking best.\nSemolina works too.';
    const outcome = await insertText(composer.editor, draft, submit, { kind: composer.kind, prefix: composer.prefix });
    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(openBoxState()).toBe(draft);
    expect(submit.getAttribute('aria-disabled')).toBe('false');
    expect(clicks).not.toHaveBeenCalled();
    expect(keys).not.toHaveBeenCalled();
    expect(facebook.findPostedReply(el, draft)).toBeNull();
    const before = posted.length;

    submit.click(); // the creator presses the send arrow
    expect(posted.length).toBe(before + 1);
    const mine = facebook.findPostedReply(el, draft);
    expect(mine).not.toBeNull();
    const comment = facebook.readComment(mine!, pageUrl);
    expect(comment?.author).toBe(CREATOR.name);
    expect(comment?.parentText).toBe(threads[1]!.text);
  });

  it('gives up after about two seconds when the reply box never appears', async () => {
    mount('page', 'en');
    vi.useFakeTimers();
    uninstall(); // Reply clicks now do nothing, like a page that changed its markup.
    const pending = facebook.openComposer(byId(threads[1]!.id));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });

  it('finds Reply by its place after Like in a language it has no label for', async () => {
    mount('page', 'en');
    const el = byId(threads[2]!.id);
    const controls = el.querySelectorAll('ul [role="button"]');
    controls[0]!.textContent = 'Tetap';
    controls[1]!.textContent = 'Ответить на комментарий';
    const composer = await facebook.openComposer(el);
    expect(composer?.editor.getAttribute('aria-label')).toBe('Reply to Grain Nerd');
  });
});
