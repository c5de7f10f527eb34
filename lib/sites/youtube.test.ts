import { commentContextSchema } from '../core/draft';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANNEL,
  DEFAULT_VIDEO_ID,
  HOSTILE,
  HUGE_TEXT,
  SHORTS,
  THREADS,
  plainText,
  threadAt,
  videoTitle,
} from '../../e2e/sites/youtube/fixture-data.js';
import {
  buildThread,
  installCommentBehaviour,
  mountShortsPage,
  mountWatchPage,
  panelOf,
  posted,
  setPanelOpen,
} from '../../e2e/sites/youtube/fixture-dom.js';

import { insertText } from './insert';
import { scanComments } from './observe';
import { youtube } from './youtube';

const VIDEO = DEFAULT_VIDEO_ID;
const PAGE_URL = `https://www.youtube.com/watch?v=${VIDEO}`;
const TITLE = videoTitle(VIDEO);

/** The comment element of thread `index` (top-level) on the mounted page. */
function topLevel(index: number): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-fixture-id="${threadAt(VIDEO, index).id}"]`);
  if (!el) throw new Error(`thread ${index} is not on the page`);
  return el;
}

function replyOf(index: number, reply = 0): HTMLElement {
  const id = threadAt(VIDEO, index).replies[reply]?.id;
  const el = id ? document.querySelector<HTMLElement>(`[data-fixture-id="${id}"]`) : null;
  if (!el) throw new Error(`reply ${reply} of thread ${index} is not on the page`);
  return el;
}

function read(el: HTMLElement) {
  return youtube.readComment(el, PAGE_URL);
}

const totalReplies = THREADS.reduce((sum, t) => sum + (t.replies?.length ?? 0), 0);
const emptyThreads = THREADS.filter((t) => plainText(t.text) === '').length;

describe('youtube.pageKind', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'watch'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxAbc&t=42s', 'watch'],
    ['https://www.youtube.com/shorts/abcDEF12345', 'shorts'],
    ['https://www.youtube.com/', null],
    ['https://www.youtube.com/watch', null],
    ['https://www.youtube.com/@CrumbAndCrustKitchen', null],
    ['https://www.youtube.com/results?search_query=sourdough', null],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', null],
    ['http://www.youtube.com/watch?v=dQw4w9WgXcQ', null],
    ['https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ', null],
  ])('%s → %s', (url, expected) => {
    expect(youtube.pageKind(new URL(url))).toBe(expected);
  });
});

describe('youtube adapter on the fixture watch page', () => {
  beforeEach(() => {
    mountWatchPage(document, { videoId: VIDEO, threads: THREADS.length });
  });

  it('keys each comment by the text it shows, and gives no key to a comment with no text', () => {
    const elements = [...document.querySelectorAll<HTMLElement>(youtube.commentSelector)];
    const keys = elements.map((el) => youtube.commentKey(el));
    expect(keys.filter((k) => k === null)).toHaveLength(emptyThreads);
    const texts = elements.map((el) => (youtube.commentKey(el) ? read(el)?.text : null));
    const present = keys.filter((k): k is string => k !== null);
    expect(new Set(present).size).toBe(new Set(texts.filter((t) => t != null)).size);

    const el = topLevel(1);
    const before = youtube.commentKey(el);
    expect(youtube.commentKey(el)).toBe(before);
    el.querySelector('#content-text span')!.textContent = 'A different comment';
    expect(youtube.commentKey(el)).not.toBe(before);
  });

  it('keys an older-markup comment, and one whose text element changed its tag', () => {
    const legacy = topLevel(2);
    expect(legacy.localName).toBe('ytd-comment-renderer');
    expect(youtube.commentKey(legacy)).toEqual(expect.any(String));

    const el = topLevel(1);
    const before = youtube.commentKey(el);
    const text = el.querySelector('#content-text')!;
    const renamed = document.createElement('span');
    renamed.id = 'content-text';
    renamed.append(...text.childNodes);
    text.replaceWith(renamed);
    expect(youtube.commentKey(el)).toBe(before);
  });

  it('finds every comment and every reply, in both markups, and skips the one with no text', () => {
    const elements = document.querySelectorAll(youtube.commentSelector);
    expect(elements.length).toBe(THREADS.length + totalReplies);
    const found = scanComments(youtube, document, PAGE_URL);
    expect(found.length).toBe(THREADS.length + totalReplies - emptyThreads);
    const tags = new Set(found.map((f) => f.element.localName));
    expect(tags).toEqual(new Set(['ytd-comment-view-model', 'ytd-comment-renderer']));
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it('reads author, text, id, permalink and video title of a current-markup comment', () => {
    const thread = threadAt(VIDEO, 1);
    const el = topLevel(1);
    expect(el.localName).toBe('ytd-comment-view-model');
    expect(read(el)).toEqual({
      site: 'youtube',
      commentId: thread.id,
      author: '@maria.bakes',
      text: 'My first loaf with real ear!! Never thought I would get there without a stand mixer.',
      handle: 'maria.bakes',
      permalink: `https://www.youtube.com/watch?v=${VIDEO}&lc=${thread.id}`,
      threadTitle: TITLE,
      pageKind: 'watch',
      pageUrl: PAGE_URL,
    });
  });

  it('reads an older-markup comment, including the timestamp link inside its text', () => {
    const thread = threadAt(VIDEO, 2);
    const el = topLevel(2);
    expect(el.localName).toBe('ytd-comment-renderer');
    const comment = read(el);
    expect(comment?.author).toBe('@danny_k');
    expect(comment?.text).toBe('At 4:12 you say 75°F water — is that for the autolyse too or just the levain?');
    expect(comment?.commentId).toBe(thread.id);
    expect(comment?.permalink).toBe(`https://www.youtube.com/watch?v=${VIDEO}&lc=${thread.id}`);
  });

  it('gives a reply its own id and the text of the comment it answers', () => {
    const reply = read(replyOf(4, 1));
    expect(reply?.author).toBe('@LiamBakesBread');
    expect(reply?.text).toBe('@grainnerd thanks, will try that this weekend');
    expect(reply?.commentId).toBe(threadAt(VIDEO, 4).replies[1]?.id);
    expect(reply?.commentId.startsWith(`${threadAt(VIDEO, 4).id}.`)).toBe(true);
    expect(reply?.parentText).toBe(plainText(THREADS[4]!.text));
    expect(read(topLevel(4))?.parentText).toBeUndefined();
  });

  it('returns hostile names and comments as exact text and never turns them into markup', () => {
    expect(read(topLevel(7))?.author).toBe(HOSTILE.imgAuthor);
    expect(read(topLevel(9))?.text).toBe(HOSTILE.imgText);
    expect(read(topLevel(12))?.text).toBe(HOSTILE.scriptText);
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('keeps direction overrides and zero-width characters so the creator sees the trick', () => {
    expect(read(topLevel(15))?.text).toBe(HOSTILE.rtlText);
    expect(read(topLevel(15))?.text).toContain('\u202E');
    expect(read(topLevel(18))?.text).toBe(HOSTILE.zeroWidthText);
  });

  it('reads a 20,000-character comment whole', () => {
    const text = read(topLevel(22))?.text;
    expect(text).toBe(HUGE_TEXT.trim());
    expect(text!.length).toBeGreaterThan(19_990);
  });

  it('keeps line breaks and emoji but tidies padding around the author name', () => {
    expect(read(topLevel(54))?.text).toBe(
      'Tried with 50% spelt and it was amazing, very nutty.\nThe dough was stickier though, so I did one extra fold.',
    );
    expect(read(topLevel(5))?.text).toBe('🍞🔥🔥🔥 that oven spring!!! 😍😍😍 👏👏👏 🥖✨');
    // The fixture pads author names with spaces and a newline, as YouTube's templates do.
    expect(topLevel(5).querySelector('#author-text')?.textContent).not.toBe('@priya.cooks');
    expect(read(topLevel(5))?.author).toBe('@priya.cooks');
  });

  it('skips a comment whose text is empty', () => {
    expect(plainText(THREADS[28]!.text)).toBe('');
    expect(read(topLevel(28))).toBeNull();
  });

  it('gives every comment a unique id that stays the same across reads', () => {
    const first = scanComments(youtube, document, PAGE_URL).map((f) => f.comment.commentId);
    const second = scanComments(youtube, document, PAGE_URL).map((f) => f.comment.commentId);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('falls back to a stable hash id when a comment has no permalink', () => {
    const el = topLevel(3);
    el.querySelector('#published-time-text a')?.removeAttribute('href');
    const a = read(el);
    const b = read(el);
    expect(a?.commentId).toMatch(/^h-[0-9a-f]+$/);
    expect(a?.commentId).toBe(b?.commentId);
    expect(a?.permalink).toBeUndefined();
  });

  it('truncates the parent text of a reply to 2,000 characters', () => {
    const contents = document.querySelector('#contents')!;
    const thread = { ...threadAt(VIDEO, 9000), text: HUGE_TEXT, variant: 'vm' as const };
    thread.replies = [{ id: `${thread.id}.Areply`, author: '@a', text: 'ok!', time: 'now' }];
    contents.append(buildThread(document, thread, VIDEO));
    const reply = read(document.querySelector<HTMLElement>(`[data-fixture-id="${thread.id}.Areply"]`)!);
    expect(reply?.parentText?.length).toBe(2_000);
    expect(reply?.parentText?.endsWith('…')).toBe(true);
    expect(HUGE_TEXT.startsWith(reply!.parentText!.slice(0, -1))).toBe(true);
  });

  it('puts the Draft reply button in the comment toolbar, in both markups', () => {
    for (const index of [1, 2]) {
      const host = youtube.buttonHost(topLevel(index));
      expect(host?.id).toBe('toolbar');
      expect(host?.querySelector('button[aria-label="Reply"]')).not.toBeNull();
      expect(topLevel(index).contains(host)).toBe(true);
    }
    const reply = replyOf(0);
    expect(reply.contains(youtube.buttonHost(reply))).toBe(true);
  });

  it('finds the toolbar by id when YouTube wraps it differently, but never one in a reply box', () => {
    const el = topLevel(1);
    const toolbar = youtube.buttonHost(el)!;
    const wrapper = document.createElement('div');
    toolbar.replaceWith(wrapper);
    wrapper.append(toolbar);
    expect(youtube.buttonHost(el)).toBe(toolbar);

    const box = document.createElement('ytd-commentbox');
    const boxToolbar = document.createElement('div');
    boxToolbar.id = 'toolbar';
    box.append(boxToolbar);
    wrapper.before(box);
    expect(youtube.buttonHost(el)).toBe(toolbar);
  });

  it('falls back to the comment itself when it has no toolbar', () => {
    const el = topLevel(3);
    el.querySelector('#action-buttons')?.remove();
    expect(youtube.buttonHost(el)).toBe(el);
  });

  it('reads the video title from the page, and from the document title when the heading is missing', () => {
    expect(read(topLevel(1))?.threadTitle).toBe(TITLE);
    document.querySelector('ytd-watch-metadata')?.remove();
    document.title = 'Shorts clip - YouTube';
    expect(read(topLevel(1))?.threadTitle).toBe('Shorts clip');
  });
});

describe('youtube reply box', () => {
  let uninstall: () => void;
  beforeEach(() => {
    mountWatchPage(document, { videoId: VIDEO, threads: 10 });
    uninstall = installCommentBehaviour(document);
  });
  afterEach(() => {
    uninstall();
    vi.useRealTimers();
  });

  it("opens this comment's reply box and returns its editor and disabled Reply button", async () => {
    const el = topLevel(1);
    const composer = await youtube.openComposer(el);
    const editor = composer?.editor;
    expect(composer?.kind).toBe('plain');
    expect(editor?.id).toBe('contenteditable-root');
    expect(editor?.getAttribute('contenteditable')).toBe('true');
    expect(el.contains(editor!)).toBe(true);
    const submit = youtube.submitButtonFor(composer!);
    expect(submit?.localName).toBe('button');
    expect(submit?.textContent).toBe('Reply');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
  });

  it('reuses the reply box that is already open instead of opening a second one', async () => {
    const el = topLevel(1);
    const first = await youtube.openComposer(el);
    const second = await youtube.openComposer(el);
    expect(second?.editor).toBe(first?.editor);
    expect(el.querySelectorAll('ytd-commentbox').length).toBe(1);
  });

  it("opens a reply's own box, not the one already open on its thread", async () => {
    const top = topLevel(0);
    const topEditor = await youtube.openComposer(top);
    const reply = replyOf(0, 1);
    const replyEditor = await youtube.openComposer(reply);
    expect(replyEditor?.editor).not.toBe(topEditor?.editor);
    expect(reply.contains(replyEditor!.editor)).toBe(true);
  });

  it('keeps reading the comment correctly while its reply box is open', async () => {
    const el = topLevel(1);
    const before = read(el);
    await youtube.openComposer(el);
    expect(read(el)).toEqual(before);
    expect(youtube.buttonHost(el)?.id).toBe('toolbar');
  });

  it('gives up after about two seconds when the reply box never appears', async () => {
    vi.useFakeTimers();
    uninstall(); // Reply clicks now do nothing, like a page that changed its markup.
    const pending = youtube.openComposer(topLevel(1));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });

  it('leaves Reply disabled when a script only writes textContent', async () => {
    const composer = (await youtube.openComposer(topLevel(1)))!;
    composer.editor.textContent = 'Thanks Maria!';
    expect((youtube.submitButtonFor(composer) as HTMLButtonElement).disabled).toBe(true);
  });

  it('fills the box so Reply is enabled, and only the creator posting it adds the reply', async () => {
    const el = topLevel(1);
    const composer = (await youtube.openComposer(el))!;
    const editor = composer.editor;
    const submit = youtube.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const outcome = await insertText(editor, 'That ear!! So proud of you.', submit);
    expect(outcome.ok).toBe(true);
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    expect(clicks).not.toHaveBeenCalled();
    const postedBefore = posted.length;

    submit.click(); // the creator presses Reply
    expect(posted.length).toBe(postedBefore + 1);
    expect(el.querySelector('ytd-commentbox')).toBeNull();
    const replies = scanComments(youtube, document, PAGE_URL).filter(
      (f) => f.comment.author === CHANNEL.handle && f.comment.text === 'That ear!! So proud of you.',
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]?.comment.parentText).toBe(plainText(THREADS[1]!.text));
  });

  it('returns null when the comment has no Reply button', async () => {
    const el = topLevel(1);
    el.querySelector('#reply-button-end')?.remove();
    await expect(youtube.openComposer(el)).resolves.toBeNull();
  });
});

describe('youtube adapter on the Shorts comments panel', () => {
  const SHORT = SHORTS[1]!;
  const SHORT_URL = `https://www.youtube.com/shorts/${SHORT.id}`;
  let uninstall: () => void;
  beforeEach(() => {
    mountShortsPage(document, { shorts: SHORTS, activeId: SHORT.id, threads: 12 });
    uninstall = installCommentBehaviour(document);
  });
  afterEach(() => uninstall());

  const inPanel = (index: number) => {
    const el = document.querySelector<HTMLElement>(`[data-fixture-id="${threadAt(SHORT.id, index).id}"]`);
    if (!el) throw new Error(`thread ${index} is not in the panel`);
    return el;
  };

  it("reads a comment in the active short's panel with the short's title, not the hidden watch page's", () => {
    const el = inPanel(1);
    expect(el.closest('ytd-reel-video-renderer[is-active] ytd-engagement-panel-section-list-renderer')).not.toBeNull();
    expect(youtube.readComment(el, SHORT_URL)).toMatchObject({
      author: '@maria.bakes',
      handle: 'maria.bakes',
      text: 'My first loaf with real ear!! Never thought I would get there without a stand mixer.',
      commentId: threadAt(SHORT.id, 1).id,
      threadTitle: SHORT.title,
      pageKind: 'shorts',
    });
  });

  it('finds every comment in the panel and gives replies their parent', () => {
    const found = scanComments(youtube, document, SHORT_URL);
    const replies = THREADS.slice(0, 12).reduce((n, t) => n + (t.replies?.length ?? 0), 0);
    const empty = THREADS.slice(0, 12).filter((t) => plainText(t.text) === '').length;
    expect(found.length).toBe(12 + replies - empty);
    const reply = youtube.readComment(document.querySelector<HTMLElement>(`[data-fixture-id="${threadAt(SHORT.id, 4).replies[1]!.id}"]`)!, SHORT_URL);
    expect(reply?.parentText).toBe(plainText(THREADS[4]!.text));
  });

  it('keeps its comments when the panel is closed and opened again: YouTube toggles it, never re-adds it', () => {
    const reel = document.querySelector('ytd-reel-video-renderer[is-active]')!;
    const { panel } = panelOf(reel);
    const before = youtube.readComment(inPanel(3), SHORT_URL);
    setPanelOpen(reel, false);
    expect(panel?.getAttribute('visibility')).toBe('ENGAGEMENT_PANEL_VISIBILITY_HIDDEN');
    setPanelOpen(reel, true);
    expect(panelOf(reel).panel).toBe(panel);
    expect(youtube.readComment(inPanel(3), SHORT_URL)).toEqual(before);
    expect(document.querySelector(youtube.commentsMark)).not.toBeNull();
  });

  it("opens the comment's reply box inside the panel and fills it so Reply is enabled", async () => {
    const el = inPanel(1);
    const composer = (await youtube.openComposer(el))!;
    expect(composer.kind).toBe('plain');
    expect(el.contains(composer.editor)).toBe(true);
    const submit = youtube.submitButtonFor(composer) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    const outcome = await insertText(composer.editor, 'That ear!! So proud of you.', submit);
    expect(outcome.ok).toBe(true);
    expect(submit.disabled).toBe(false);
  });

  it('shows no comments mark on a video without comments, so it is never called unreadable', () => {
    mountWatchPage(document, { videoId: DEFAULT_VIDEO_ID, threads: 0 });
    expect(document.querySelector(youtube.commentsMark)).toBeNull();
    mountWatchPage(document, { videoId: DEFAULT_VIDEO_ID, threads: 2 });
    expect(document.querySelector(youtube.commentsMark)).not.toBeNull();
  });

  it('shows no comments mark while the panel is closed, so a short without its panel open is not "unreadable"', () => {
    for (const reel of document.querySelectorAll('ytd-reel-video-renderer')) setPanelOpen(reel, false);
    expect(document.querySelector(youtube.commentsMark)).toBeNull();
  });
});

describe('youtube adapter and Studio', () => {
  it("leaves Studio's comments to Studio's adapter, so watch pages never query for them", () => {
    expect(youtube.commentSelector).not.toContain('ytcp');
    expect(youtube.commentsMark).not.toContain('ytcp');
  });
});
