import { commentContextSchema } from '../core/draft';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BAKER_COMMENTS,
  HOSTILE,
  CREATOR,
  FOCAL,
  buildTweet,
  conversation,
  mountStatusPage,
  statusId,
  type XItem,
  type XStatusPage,
} from '../../e2e/sites/x/fixture-dom.js';
import { insertText } from './insert';
import { scanComments } from './observe';
import { x } from './x';

const PAGE_URL = `https://x.com/${FOCAL.handle}/status/${FOCAL.id}`;
const read = (el: HTMLElement) => x.readComment(el, PAGE_URL);

let page: XStatusPage;
let posts: { text: string; replyTo: string }[];

function mount(count = 60) {
  document.body.replaceChildren();
  posts = [];
  page = mountStatusPage(document, { count, onPost: (p) => posts.push(p) });
}

/** The row element showing the post whose text contains `fragment`. */
function postWith(fragment: string): HTMLElement {
  const el = [...document.querySelectorAll<HTMLElement>(x.commentSelector)].find((a) =>
    a.querySelector('[data-testid="tweetText"]')?.textContent?.includes(fragment),
  );
  if (!el) throw new Error(`no post with "${fragment}"`);
  return el;
}
const itemWith = (fragment: string) => page.items.find((i) => i.text.includes(fragment)) as XItem;

describe('x.pageKind', () => {
  it.each([
    ['https://x.com/crumbandcrust/status/1790000000000000001', 'status'],
    ['https://x.com/crumbandcrust/status/1790000000000000001?s=20&t=abc', 'status'],
    ['https://x.com/crumbandcrust/status/1790000000000000001/', 'status'],
    ['https://x.com/crumbandcrust/status/1790000000000000001/photo/1', 'status'],
    ['https://x.com/i/web/status/1790000000000000001', 'status'],
    ['https://x.com/home', null],
    ['https://x.com/', null],
    ['https://x.com/explore', null],
    ['https://x.com/crumbandcrust', null],
    ['https://x.com/compose/post', null],
    ['https://x.com/i/chat/123-456', null],
    ['https://x.com/crumbandcrust/status/1790000000000000001/analytics', null],
    ['https://x.com/crumbandcrust/status/notanumber', null],
    ['https://twitter.com/crumbandcrust/status/1790000000000000001', null],
    ['http://x.com/crumbandcrust/status/1790000000000000001', null],
    ['https://x.com.evil.example/crumbandcrust/status/1790000000000000001', null],
  ])('%s → %s', (url, expected) => {
    expect(x.pageKind(new URL(url))).toBe(expected);
  });
});

describe('x adapter on the fixture status page', () => {
  beforeEach(() => mount());

  it('offers every reply as a comment but not the focal post the replies answer', () => {
    const elements = [...document.querySelectorAll<HTMLElement>(x.commentSelector)];
    expect(elements).toHaveLength(30);
    expect(elements).not.toContain(page.focal);
    const found = scanComments(x, document, PAGE_URL);
    // The deleted post is in the list but has nothing to reply to.
    expect(found).toHaveLength(29);
    expect(found.map((f) => f.comment.text)).not.toContain(FOCAL.text);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it("reads a reply's author, handle, text, time, permalink and status id, with the focal post as context", () => {
    const maria = itemWith('rice flour');
    expect(read(postWith('rice flour'))).toEqual({
      site: 'x',
      commentId: maria.id,
      author: 'Maria',
      handle: 'maria_bakes',
      text: BAKER_COMMENTS[1]!.text,
      postedAt: maria.time,
      permalink: `https://x.com/${maria.handle}/status/${maria.id}`,
      threadTitle: FOCAL.text,
      parentText: FOCAL.text,
      parentAuthor: CREATOR.author,
      parentId: FOCAL.id,
      pageKind: 'status',
      replyLimit: 280,
      pageUrl: PAGE_URL,
    });
  });

  it('gives a reply threaded under another reply that reply as its parent', () => {
    const reply = read(postWith('30% rye'));
    const grain = itemWith('work with rye');
    expect(reply?.author).toBe('Rye Baker');
    expect(reply?.parentText).toBe(grain.text);
    expect(reply?.parentAuthor).toBe('Grain Nerd');
    expect(reply?.parentId).toBe(grain.id);
    expect(reply?.threadTitle).toBe(FOCAL.text);
  });

  it('keeps the same id when X renders the same post again in a new node', () => {
    const el = postWith('rice flour');
    const before = read(el)?.commentId;
    const again = buildTweet(document, itemWith('rice flour'));
    el.replaceWith(again);
    expect(read(again)?.commentId).toBe(before);
  });

  it('keeps the same id after the author edits the post, with or without a permalink', () => {
    const el = postWith('rice flour');
    const id = read(el)?.commentId;
    page.editComment('rice flour', 'Is the rice flour on the banneton necessary? (edited: or semolina?)');
    expect(read(el)?.text).toContain('semolina');
    expect(read(el)?.commentId).toBe(id);

    // Without the time link, the id is a hash of author + time + parent, not of the text.
    const item = { ...itemWith('semolina'), id: statusId(77) };
    const stray = buildTweet(document, item);
    page.section.after(stray);
    stray.querySelector('a[href*="/status/"]')!.removeAttribute('href');
    const hashed = read(stray)?.commentId;
    expect(hashed).toMatch(/^h-[0-9a-f]+$/);
    stray.querySelector('[data-testid="tweetText"] span')!.textContent = 'Rice flour or semolina, which one?';
    expect(read(stray)?.text).toBe('Rice flour or semolina, which one?');
    expect(read(stray)?.commentId).toBe(hashed);
  });

  it('notices a row X reused for another post and reads the post it shows now', () => {
    const el = postWith('rice flour');
    const key = x.commentKey(el);
    page.list.scrollBy(20);
    expect(el.isConnected).toBe(true);
    expect(x.commentKey(el)).not.toBe(key);
    const now = read(el);
    expect(now?.text).not.toBe(BAKER_COMMENTS[1]!.text);
    expect(now?.commentId).toBe(page.items[page.list.first() + 1]?.id);
  });

  it('returns hostile names and posts as exact text and never turns them into markup', () => {
    expect(read(postWith('Love this recipe'))?.author).toBe(HOSTILE.imgAuthor);
    expect(read(postWith('Love this recipe'))?.text).toBe(HOSTILE.imgText);
    expect(read(postWith('still flat'))?.text).toBe(HOSTILE.scriptText);
    expect(read(postWith('printable recipe'))?.text).toContain('\u202E');
    expect(read(postWith('Per\u200Bfect'))?.text).toBe(HOSTILE.zeroWidthText);
    expect(read(postWith('Okay so I have been'))?.text).toBe(HOSTILE.hugeText.trim());
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('gives a deleted post no key and no reading', () => {
    const deleted = document.querySelector<HTMLElement>('[data-fixture-deleted]')!;
    expect(deleted.matches(x.commentSelector)).toBe(true);
    expect(x.commentKey(deleted)).toBeNull();
    expect(read(deleted)).toBeNull();
  });

  it('puts the Draft reply button in the post\'s own action bar, beside Reply', () => {
    const el = postWith('rice flour');
    const host = x.buttonHost(el)!;
    expect(host.getAttribute('role')).toBe('group');
    expect(host.querySelector('[data-testid="reply"]')).not.toBeNull();
    expect(el.contains(host)).toBe(true);
  });

  it("reads a quoting post's own text and author, not the quoted post's", () => {
    const el = postWith('rice flour');
    const quote = document.createElement('div');
    quote.setAttribute('role', 'link');
    const quoted = buildTweet(document, { id: statusId(42), author: 'Quoted', handle: 'quoted', text: 'Quoted words', time: FOCAL.time });
    quote.append(...quoted.childNodes);
    el.querySelector('[data-testid="tweetText"]')!.after(quote);
    expect(read(el)?.text).toBe(BAKER_COMMENTS[1]!.text);
    expect(read(el)?.author).toBe('Maria');
    expect(read(el)?.commentId).toBe(itemWith('rice flour').id);
  });

  it('marks the page as a comments page while replies show', () => {
    expect(document.querySelector(x.commentsMark)).not.toBeNull();
    for (const selector of Object.values(x.selectors)) expect(() => document.querySelectorAll(selector)).not.toThrow();
  });
});

describe('x reply modal', () => {
  beforeEach(() => mount(40));
  afterEach(() => vi.useRealTimers());

  it("opens the reply modal from a reply's own Reply button: a Draft.js box with no prefill and Reply disabled", async () => {
    const composer = await x.openComposer(postWith('rice flour'));
    expect(composer?.kind).toBe('draftjs');
    expect(composer?.prefix).toBeUndefined();
    const dialog = composer!.editor.closest('[role="dialog"]')!;
    expect(dialog).not.toBeNull();
    expect(composer!.editor.getAttribute('data-testid')).toBe('tweetTextarea_0');
    expect(dialog.textContent).toContain('Replying to @maria_bakes');
    const submit = x.submitButtonFor(composer!)!;
    expect(submit.getAttribute('data-testid')).toBe('tweetButton');
    expect(submit.getAttribute('aria-disabled')).toBe('true');
  });

  it('reuses the modal already open for the same post instead of opening another', async () => {
    const el = postWith('rice flour');
    const first = await x.openComposer(el);
    const second = await x.openComposer(el);
    expect(second?.editor).toBe(first?.editor);
    expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(1);
  });

  it('uses the open modal for the post shown in it, which reads like the same post in the list', async () => {
    const inList = postWith('30% rye');
    await x.openComposer(inList);
    const inModal = document.querySelector<HTMLElement>(`[role="dialog"] ${x.commentSelector}`)!;
    expect(read(inModal)).toEqual(read(inList));
    const composer = await x.openComposer(inModal);
    expect(composer?.editor).toBe(page.modal()?.model.editor);
  });

  it('leaves Reply disabled when a script only writes textContent', async () => {
    const composer = (await x.openComposer(postWith('rice flour')))!;
    composer.editor.textContent = 'Thanks Maria!';
    expect(x.submitButtonFor(composer)?.getAttribute('aria-disabled')).toBe('true');
    expect(page.composerState()).toBe('');
  });

  it('fills the box by paste so Reply is enabled, and only the creator pressing Reply posts it', async () => {
    const el = postWith('rice flour');
    const composer = (await x.openComposer(el))!;
    const submit = x.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const draft = 'Not strictly!\n\nIt just stops sticking. Semolina works too.';
    const outcome = await insertText(composer.editor, draft, submit, { kind: composer.kind, prefix: composer.prefix });
    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(page.composerState()).toBe(draft);
    expect(submit.getAttribute('aria-disabled')).toBe('false');
    expect(clicks).not.toHaveBeenCalled();
    expect(posts).toHaveLength(0);

    submit.click(); // the creator presses Reply
    expect(posts).toEqual([{ text: draft, replyTo: itemWith('rice flour').id }]);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(x.findPostedReply(el, draft)?.querySelector('[data-testid="User-Name"]')?.textContent).toContain(CREATOR.author);
  });

  it('gives up after about two seconds when no modal opens', async () => {
    vi.useFakeTimers();
    // A post outside the conversation: its Reply button opens nothing.
    const stray = buildTweet(document, conversation(1)[0]!);
    document.body.append(stray);
    const pending = x.openComposer(stray);
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });
});
