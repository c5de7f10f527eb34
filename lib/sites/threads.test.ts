import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentContextSchema } from '../core/draft';
import {
  CREATOR,
  FIXED_REPLIES,
  HOSTILE,
  MAIN_POST,
  buildPost,
  mountPostPage,
  postPath,
} from '../../e2e/sites/threads/post-dom.js';
import { insertText } from './insert';
import { scanComments } from './observe';
import { threads } from './threads';

const PATH = postPath(MAIN_POST);
const PAGE_URL = `https://www.threads.com${PATH}`;

type Page = ReturnType<typeof mountPostPage>;
let page: Page;

/** The live reply container whose text contains `fragment`. */
function post(fragment: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>(threads.commentSelector)].find((el) =>
    el.querySelector('span[dir="auto"]')?.textContent?.includes(fragment),
  );
  if (!found) throw new Error(`no post with "${fragment}"`);
  return found;
}

const mainPost = () => document.querySelector<HTMLElement>(threads.commentSelector)!;
const read = (el: HTMLElement, url = PAGE_URL) => threads.readComment(el, url);
const fixed = (fragment: string) => FIXED_REPLIES.find((r) => r.text.includes(fragment))!;

describe('threads.pageKind', () => {
  it.each([
    ['https://www.threads.com/@crumbandcrust/post/DHsourdough72', 'post'],
    ['https://www.threads.net/@crumbandcrust/post/DHsourdough72?xmt=AQG', 'post'],
    ['https://www.threads.com/@maria.bakes/post/C9x-Yz_12/', 'post'],
    ['https://www.threads.com/', null],
    ['https://www.threads.com/@crumbandcrust', null],
    ['https://www.threads.com/@crumbandcrust/post/DHsourdough72/media', null],
    ['https://www.threads.com/search?q=sourdough', null],
    ['https://threads.com/@crumbandcrust/post/DHsourdough72', null],
    ['http://www.threads.com/@crumbandcrust/post/DHsourdough72', null],
    ['https://www.threads.com.evil.example/@crumbandcrust/post/DHsourdough72', null],
  ])('%s → %s', (url, expected) => {
    expect(threads.pageKind(new URL(url))).toBe(expected);
  });
});

describe('threads adapter on the fixture post page', () => {
  beforeEach(() => {
    history.replaceState({}, '', PATH);
    page = mountPostPage(document);
  });
  afterEach(() => page.uninstall());

  it('offers every reply in view but not the main post, nor a deleted reply', () => {
    const posts = [...document.querySelectorAll<HTMLElement>(threads.commentSelector)];
    expect(posts).toHaveLength(31); // the main post and 30 live rows
    expect(threads.commentKey(mainPost())).toBeNull();
    expect(read(mainPost())).toBeNull();
    const deleted = document.querySelector<HTMLElement>('[data-fixture-deleted]')!;
    expect(posts).toContain(deleted);
    expect(threads.commentKey(deleted)).toBeNull();
    expect(read(deleted)).toBeNull();
    const found = scanComments(threads, document, PAGE_URL);
    expect(found).toHaveLength(29);
    expect(posts.filter((el) => threads.commentKey(el) !== null)).toHaveLength(29);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it('offers nothing on pages that are not a post page, such as the home feed', () => {
    history.replaceState({}, '', '/');
    expect([...document.querySelectorAll<HTMLElement>(threads.commentSelector)].every((el) => threads.commentKey(el) === null)).toBe(true);
  });

  it('reads username, text, time, permalink, id and the main post as context', () => {
    const maria = fixed('rice flour');
    expect(read(post('rice flour on the banneton'))).toEqual({
      site: 'threads',
      commentId: maria.code,
      author: 'maria.bakes',
      handle: 'maria.bakes',
      text: 'Is the rice flour on the banneton necessary?',
      postedAt: maria.time,
      permalink: `https://www.threads.com/@maria.bakes/post/${maria.code}`,
      threadTitle: MAIN_POST.text,
      pageKind: 'post',
      replyLimit: 500,
      pageUrl: PAGE_URL,
    });
  });

  it('keeps permalinks on threads.net when the creator browses the older domain', () => {
    const url = `https://www.threads.net${PATH}`;
    expect(read(post('rice flour on the banneton'), url)?.permalink).toBe(`https://www.threads.net/@maria.bakes/post/${fixed('rice flour').code}`);
  });

  it('keeps a reply id when it is rendered again in new nodes, and when its text is edited', () => {
    const before = read(post('rice flour on the banneton'))!;
    const fresh = buildPost(document, fixed('rice flour'));
    document.body.append(fresh);
    expect(read(fresh)?.commentId).toBe(before.commentId);
    const el = post('rice flour on the banneton');
    el.querySelector('span[dir="auto"]')!.textContent = 'Is the rice flour on the banneton necessary? Edit: or semolina?';
    expect(read(el)?.commentId).toBe(before.commentId);
    expect(read(el)?.text).toBe('Is the rice flour on the banneton necessary? Edit: or semolina?');
  });

  it('reads a recycled row as the reply it shows now, with a new key and id', () => {
    const row = post('rice flour on the banneton');
    const key = threads.commentKey(row);
    const id = read(row)?.commentId;
    page.virtual.scrollBy(7);
    expect(row.isConnected).toBe(true);
    expect(threads.commentKey(row)).not.toBe(key);
    expect(read(row)?.commentId).not.toBe(id);
    expect(read(row)?.text).not.toContain('rice flour');
  });

  it('shows hostile names and texts as exact text and never as markup', () => {
    expect(read(post('Love this recipe'))?.author).toBe(HOSTILE.imgAuthor);
    expect(read(post('Love this recipe'))?.text).toBe(HOSTILE.imgText);
    expect(read(post('still flat'))?.text).toBe(HOSTILE.scriptText);
    expect(read(post('printable recipe'))?.text).toBe(HOSTILE.rtlText);
    expect(read(post('cr\u200Dumb'))?.text).toBe(HOSTILE.zeroWidthText);
    expect(read(post('🍞'))?.text).toBe(HOSTILE.emojiOnly);
    expect(read(post('eleven years'))?.text).toBe(HOSTILE.hugeText.trim());
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('puts the Draft reply button in the action row, inside the reply', () => {
    const el = post('rice flour on the banneton');
    const host = threads.buttonHost(el)!;
    expect(el.contains(host)).toBe(true);
    expect(host.querySelector('svg[aria-label="Reply"]')).not.toBeNull();
    expect(host.querySelector('svg[aria-label="Like"]')).not.toBeNull();
  });
});

describe('threads reply dialog', () => {
  beforeEach(() => {
    history.replaceState({}, '', PATH);
    page = mountPostPage(document, { filler: 5 });
  });
  afterEach(() => {
    page.uninstall();
    page.dialogs.close();
    vi.useRealTimers();
  });

  it("opens the reply's dialog with its text field and an aria-disabled Post button", async () => {
    const composer = await threads.openComposer(post('rice flour on the banneton'));
    expect(composer?.kind).toBe('lexical');
    expect(composer?.prefix).toBeUndefined();
    expect(composer?.editor.getAttribute('role')).toBe('textbox');
    expect(composer?.editor.closest('[role="dialog"]')?.textContent).toContain('Is the rice flour on the banneton necessary?');
    const submit = threads.submitButtonFor(composer!)!;
    expect(submit.textContent).toBe('Post');
    expect(submit.getAttribute('aria-disabled')).toBe('true');
  });

  it('reuses the dialog open for the same reply, and replaces one open for another', async () => {
    const first = await threads.openComposer(post('rice flour on the banneton'));
    expect((await threads.openComposer(post('rice flour on the banneton')))?.editor).toBe(first?.editor);
    const other = await threads.openComposer(post('Does this method work with rye?'));
    expect(other?.editor).not.toBe(first?.editor);
    expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(1);
  });

  it('leaves Post disabled when a script only writes the text field', async () => {
    const composer = (await threads.openComposer(post('rice flour on the banneton')))!;
    composer.editor.textContent = 'Thanks!';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.dialogs.state()).toBe('');
    expect(threads.submitButtonFor(composer)?.getAttribute('aria-disabled')).toBe('true');
  });

  it('fills the text field by paste so Post is enabled, and only the creator posting it adds the reply', async () => {
    const el = post('rice flour on the banneton');
    const composer = (await threads.openComposer(el))!;
    const submit = threads.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const draft = 'Not strictly!\nIt just stops sticking. Semolina works too.';
    const outcome = await insertText(composer.editor, draft, submit, { kind: composer.kind, prefix: composer.prefix });
    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(page.dialogs.state()).toBe(draft);
    expect(submit.getAttribute('aria-disabled')).toBe('false');
    expect(clicks).not.toHaveBeenCalled();
    expect(page.posted).toHaveLength(0);

    submit.click(); // the creator presses Post
    expect(page.posted).toEqual([{ text: draft }]);
    const posted = threads.findPostedReply(el, draft);
    expect(read(posted!)?.author).toBe(CREATOR.username);
  });

  it('gives up after about two seconds when no dialog appears', async () => {
    vi.useFakeTimers();
    page.uninstall();
    const pending = threads.openComposer(post('rice flour on the banneton'));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });
});
