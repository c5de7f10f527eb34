import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentContextSchema } from '../core/draft';
import {
  CREATOR,
  HOSTILE,
  MAIN_POST,
  MAIN_REPLIES,
  RYE_POST,
  mountThreadPage,
  niceDate,
  postPath,
  renderReplies,
  replyList,
} from '../../e2e/sites/bluesky/thread-dom.js';
import { bluesky } from './bluesky';
import { insertText } from './insert';
import { scanComments } from './observe';

const PAGE_URL = `https://bsky.app${postPath(MAIN_POST)}`;

type Page = ReturnType<typeof mountThreadPage>;
let page: Page;

/** The item on the visible thread screen whose text contains `fragment`. */
function item(fragment: string): HTMLElement {
  const found = [...page.screen.querySelectorAll<HTMLElement>(bluesky.commentSelector)].find((el) =>
    el.querySelector('[data-word-wrap]')?.textContent?.includes(fragment),
  );
  if (!found) throw new Error(`no post with "${fragment}"`);
  return found;
}

const read = (el: HTMLElement) => bluesky.readComment(el, PAGE_URL);
const byHandle = (handle: string) => MAIN_REPLIES.find((p) => p.handle === handle)!;
/** The date the page shows, read back: the label has minutes, not seconds. */
const minuteIso = (iso: string) => new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000).toISOString();

describe('bluesky.pageKind', () => {
  it.each([
    ['https://bsky.app/profile/alice.bsky.social/post/3kx2abcdefg22', 'thread'],
    ['https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kx2abcdefg22', 'thread'],
    ['https://bsky.app/profile/alice.bsky.social/post/3kx2abcdefg22?comments=2000', 'thread'],
    ['https://bsky.app/', null],
    ['https://bsky.app/profile/alice.bsky.social', null],
    ['https://bsky.app/profile/alice.bsky.social/post/3kx2abcdefg22/liked-by', null],
    ['https://bsky.app/search?q=sourdough', null],
    ['http://bsky.app/profile/alice.bsky.social/post/3kx2abcdefg22', null],
    ['https://bsky.app.evil.example/profile/alice.bsky.social/post/3kx2abcdefg22', null],
    ['https://staging.bsky.app/profile/alice.bsky.social/post/3kx2abcdefg22', null],
  ])('%s → %s', (url, expected) => {
    expect(bluesky.pageKind(new URL(url))).toBe(expected);
  });
});

describe('bluesky adapter on the fixture thread', () => {
  beforeEach(() => {
    page = mountThreadPage(document);
  });
  afterEach(() => page.uninstall());

  it('offers every reply but not the post itself, nor a deleted reply', () => {
    const items = [...document.querySelectorAll<HTMLElement>(bluesky.commentSelector)];
    const keyed = items.filter((el) => bluesky.commentKey(el) !== null);
    const anchor = document.querySelector<HTMLElement>('[data-fixture-anchor]')!;
    const deleted = document.querySelector<HTMLElement>('[data-fixture-deleted]')!;
    expect(items).toContain(anchor);
    expect(items).toContain(deleted);
    expect(bluesky.commentKey(anchor)).toBeNull();
    expect(bluesky.commentKey(deleted)).toBeNull();
    expect(read(anchor)).toBeNull();
    expect(read(deleted)).toBeNull();
    expect(keyed).toHaveLength(items.length - 2);
    const found = scanComments(bluesky, document, PAGE_URL);
    expect(found).toHaveLength(items.length - 2);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it('reads author, handle, text, date, permalink and the post it answers', () => {
    const maria = byHandle('maria.bakes.bsky.social');
    expect(read(item('rice flour on the banneton'))).toEqual({
      site: 'bluesky',
      commentId: `at://maria.bakes.bsky.social/app.bsky.feed.post/${maria.rkey}`,
      author: 'Maria',
      handle: 'maria.bakes.bsky.social',
      text: 'Is the rice flour on the banneton necessary?',
      postedAt: minuteIso(maria.time),
      permalink: `https://bsky.app/profile/maria.bakes.bsky.social/post/${maria.rkey}`,
      threadTitle: MAIN_POST.text,
      pageKind: 'thread',
      replyLimit: 300,
      pageUrl: PAGE_URL,
    });
  });

  it('reads the full date from the timestamp link label the client writes', () => {
    const label = item('Does this method work with rye?').querySelector('a[title]')!.getAttribute('aria-label')!;
    expect(label).toMatch(/^March 27, 2026 at \d{1,2}:\d{2}\s[AP]M$/);
    expect(label).toBe(niceDate(byHandle('grainnerd.bsky.social').time));
    expect(read(item('Does this method work with rye?'))?.postedAt).toBe(minuteIso(byHandle('grainnerd.bsky.social').time));
  });

  it('gives a reply to a reply the text, author and id of the post it answers', () => {
    const maria = byHandle('maria.bakes.bsky.social');
    const reply = read(item('semolina instead of rice flour'));
    expect(reply?.parentText).toBe('Is the rice flour on the banneton necessary?');
    expect(reply?.parentAuthor).toBe('Maria');
    expect(reply?.parentId).toBe(`at://maria.bakes.bsky.social/app.bsky.feed.post/${maria.rkey}`);
    expect(read(item('rice flour on the banneton'))?.parentText).toBeUndefined();
  });

  it('keeps each reply id when the list is re-rendered with new nodes', () => {
    const before = scanComments(bluesky, document, PAGE_URL).map((f) => f.comment);
    const oldNode = item('rice flour on the banneton');
    renderReplies(document, page.items, replyList(MAIN_POST, page.replies));
    expect(oldNode.isConnected).toBe(false);
    const after = scanComments(bluesky, document, PAGE_URL).map((f) => f.comment);
    expect(after).toEqual(before);
    expect(new Set(after.map((c) => c.commentId)).size).toBe(after.length);
  });

  it('keeps the id of a reply whose text changed, and reads its new text', () => {
    const el = item('How do you store the loaf');
    const before = read(el)!;
    el.querySelector('[data-word-wrap]')!.textContent = 'How do you store the loaf after cutting? Bread box or bag?';
    const after = read(el)!;
    expect(after.commentId).toBe(before.commentId);
    expect(after.text).toBe('How do you store the loaf after cutting? Bread box or bag?');
    expect(bluesky.commentKey(el)).not.toBe(before.text);
  });

  it('does not read a reply whose timestamp no longer links to its post', () => {
    const el = item('How do you store the loaf');
    const link = el.querySelector('a[title]')!;
    link.setAttribute('href', '/profile/danny-k.bsky.social/post/');
    expect(read(el)).toBeNull();
  });

  it('shows hostile names and texts as exact text and never as markup', () => {
    expect(read(item('Love this recipe'))?.author).toBe(HOSTILE.imgAuthor);
    expect(read(item('Love this recipe'))?.text).toBe(HOSTILE.imgText);
    expect(read(item('still flat'))?.text).toBe(HOSTILE.scriptText);
    expect(read(item('printable recipe'))?.text).toBe(HOSTILE.rtlText);
    expect(read(item('cr\u200Dumb'))?.text).toBe(HOSTILE.zeroWidthText);
    expect(read(item('🍞'))?.text).toBe(HOSTILE.emojiOnly);
    expect(read(item('eleven years'))?.text).toBe(HOSTILE.hugeText.trim());
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('strips the direction marks the client wraps names in, but keeps those in the text', () => {
    const name = item('Does this method work with rye?').querySelector('a[aria-label="View profile"]')!.textContent!;
    expect(name.startsWith('\u202A')).toBe(true);
    expect(read(item('Does this method work with rye?'))?.author).toBe('Grain Nerd');
    expect(read(item('printable recipe'))?.text).toContain('\u202E');
  });

  it('puts the Draft reply button in the reply controls row, inside the reply', () => {
    const el = item('rice flour on the banneton');
    const host = bluesky.buttonHost(el)!;
    expect(el.contains(host)).toBe(true);
    expect(host.querySelector('[data-testid="replyBtn"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="likeBtn"]')).not.toBeNull();
  });

  it('shows the marks of a thread with replies, so a thread none can be read from is reported', () => {
    expect(document.querySelectorAll(bluesky.commentsMark).length).toBeGreaterThan(0);
  });
});

describe('bluesky earlier screens', () => {
  beforeEach(() => {
    page = mountThreadPage(document, { hiddenBefore: true });
  });
  afterEach(() => page.uninstall());

  it('reads only the thread on screen, not the one the creator came from', () => {
    const screens = document.querySelectorAll('[data-testid="postThreadScreen"]');
    expect(screens).toHaveLength(2);
    const hiddenItems = [...screens[0]!.querySelectorAll<HTMLElement>(bluesky.commentSelector)];
    expect(hiddenItems.length).toBeGreaterThan(1);
    for (const el of hiddenItems) expect(bluesky.commentKey(el)).toBeNull();
    const shown = [...screens[1]!.querySelectorAll<HTMLElement>(bluesky.commentSelector)];
    expect(shown.filter((el) => bluesky.commentKey(el) !== null).length).toBe(shown.length - 2);
    expect(read(item('rice flour on the banneton'))?.threadTitle).toBe(MAIN_POST.text);
    expect(RYE_POST.text).not.toBe(MAIN_POST.text);
  });
});

describe('bluesky composer', () => {
  beforeEach(() => {
    page = mountThreadPage(document, { filler: 3 });
  });
  afterEach(() => {
    page.uninstall();
    page.composer.close();
    vi.useRealTimers();
  });

  it("opens the reply's composer dialog with its TipTap editor and a disabled Reply button", async () => {
    const composer = await bluesky.openComposer(item('rice flour on the banneton'));
    expect(composer?.kind).toBe('prosemirror');
    expect(composer?.prefix).toBeUndefined();
    expect(composer?.editor.getAttribute('aria-label')).toBe('Rich-Text Editor');
    expect(composer?.editor.closest('[role="dialog"]')?.textContent).toContain('Is the rice flour on the banneton necessary?');
    const submit = bluesky.submitButtonFor(composer!) as HTMLButtonElement;
    expect(submit.getAttribute('aria-label')).toBe('Publish reply');
    expect(submit.textContent).toBe('Reply');
    expect(submit.disabled).toBe(true);
  });

  it('reuses the dialog already open for the same reply, and replaces one open for another', async () => {
    const first = await bluesky.openComposer(item('rice flour on the banneton'));
    const again = await bluesky.openComposer(item('rice flour on the banneton'));
    expect(again?.editor).toBe(first?.editor);
    const other = await bluesky.openComposer(item('Does this method work with rye?'));
    expect(other?.editor).not.toBe(first?.editor);
    expect(other?.editor.closest('[role="dialog"]')?.textContent).toContain('Does this method work with rye?');
    expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(1);
  });

  it('gives up after about two seconds when no composer appears', async () => {
    vi.useFakeTimers();
    page.uninstall();
    const pending = bluesky.openComposer(item('rice flour on the banneton'));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });

  it('fills the editor by paste so Reply is enabled, and only the creator posting it adds the reply', async () => {
    const el = item('rice flour on the banneton');
    const composer = (await bluesky.openComposer(el))!;
    const submit = bluesky.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const draft = 'Not strictly!\nIt just stops sticking. Semolina works too.';
    const outcome = await insertText(composer.editor, draft, submit, { kind: composer.kind, prefix: composer.prefix });
    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(page.composer.state()).toBe(draft);
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    expect(clicks).not.toHaveBeenCalled();
    expect(page.posted).toHaveLength(0);

    submit.click(); // the creator presses Reply
    expect(page.posted).toEqual([{ text: draft }]);
    const posted = bluesky.findPostedReply(el, draft);
    expect(posted?.getAttribute('data-testid')).toBe(`postThreadItem-by-${CREATOR.handle}`);
    expect(read(posted!)?.parentText).toBe('Is the rice flour on the banneton necessary?');
  });

  it('returns null when the reply has no Reply button', async () => {
    const el = item('rice flour on the banneton');
    el.querySelector('[data-testid="replyBtn"]')!.remove();
    await expect(bluesky.openComposer(el)).resolves.toBeNull();
  });
});
