/**
 * YouTube (www.youtube.com): watch pages and the Shorts comments panel (same thread markup,
 * inside the active short's engagement panel). YouTube Studio, another app on its own origin,
 * has its own adapter in youtube-studio.ts (see the note on `youtube` below).
 * Selectors anchor on YouTube's custom tag names and ids, which have outlived many redesigns;
 * both the current `ytd-comment-view-model` and the older `ytd-comment-renderer` are read.
 * See docs/sites-reference.md ("YouTube").
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, MAX_URL_CHARS } from '../core/limits';
import { stableCommentId } from './comment-id';
import { clampText, normaliseText, readText } from './page-text';
import type { Composer, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';
import { commentShowing } from './posted-reply';


export const YOUTUBE_ORIGIN = 'https://www.youtube.com';

/*
 * Inside one comment, ids are looked up with one query and told apart in script (see
 * partsOf), and other lookups use selector lists. A lone `#id` query makes Blink check every element in the document with that
 * id, and YouTube repeats ids like #content-text in every comment: on a 2,000-comment page,
 * reading all comments took 1.2 s that way instead of well under 100 ms. Keep them lists.
 */
const SEL = {
  /** A thread: one top-level comment and its replies. */
  thread: 'ytd-comment-thread-renderer',
  /**
   * Every comment, top-level and reply. Current markup: ytd-comment-view-model (id="comment"
   * on the top-level one, none on replies); older: ytd-comment-renderer. Scoped to threads so
   * nothing outside the comments section (e.g. the comment box) ever matches.
   */
  comment:
    'ytd-comment-thread-renderer ytd-comment-view-model, ytd-comment-thread-renderer ytd-comment-renderer',
  /** The thread's own comment, a direct child of the thread in both variants. */
  topLevel: ':scope > ytd-comment-view-model, :scope > ytd-comment-renderer, :scope > #comment',
  /** Replies live in a ytd-comment-replies-renderer inside the thread. */
  replies: 'ytd-comment-replies-renderer',
  /**
   * The parts of a comment are found by id, same ids in both variants (see partsOf):
   * #content-text (yt-attributed-string, older yt-formatted-string), #author-text
   * (#header-author > h3 > a), #published-time-text (its link is /watch?v=VID&lc=COMMENT_ID)
   * and #toolbar (the like/dislike/Reply row). Open reply boxes are found to skip their parts.
   */
  parts: '#content-text, #author-text, #published-time-text, #toolbar, ytd-commentbox',
  /** The channel owner's own comments may show a badge in place of a plain author link. */
  authorBadge: ['ytd-author-comment-badge-renderer #name', 'ytd-author-comment-badge-renderer'],
  /** Toolbar fallbacks when #toolbar is missing, best first. */
  actionRow: ['ytd-comment-engagement-bar', 'ytd-comment-action-buttons-renderer', '#action-buttons'],
  /** The comment's Reply button, best first; the aria-label is localised, so it comes last. */
  replyButton: ['#reply-button-end button', '#reply-button-end', 'button[aria-label="Reply"]'],
  commentbox: 'ytd-commentbox',
  /** The reply box's editor (a plain contenteditable, driven by input events). */
  editor: ['ytd-commentbox #contenteditable-root[contenteditable]', 'ytd-commentbox #contenteditable-root'],
  submit: ['#submit-button button', 'ytd-button-renderer#submit-button', '#submit-button'],
  /** Watch page title. */
  title: 'ytd-watch-metadata h1, #title h1',
  /**
   * Shorts: several reels are preloaded, the one on screen is [is-active]; each holds its own
   * comments panel, which YouTube shows and hides (its `visibility` attribute) instead of
   * re-adding it. The watch page stays in the document, hidden, after going to a Short.
   */
  reel: 'ytd-reel-video-renderer',
  activeReel: 'ytd-reel-video-renderer[is-active]',
  shortsPanel:
    'ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-comments-section"][visibility="ENGAGEMENT_PANEL_VISIBILITY_EXPANDED"]',
  /** A Short's title: the current view model, then the older reel header. */
  shortTitle: 'yt-shorts-video-title-view-model h2, ytd-reel-player-header-renderer h2, h2.title',
} as const;

/**
 * Pages whose comments we read, by kind.
 *   https://www.youtube.com/watch?v=dQw4w9WgXcQ               → 'watch'
 *   https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxAbc      → 'watch' (comment permalink)
 *   https://www.youtube.com/shorts/abcDEF12345                 → 'shorts' (Shorts comments panel)
 *   https://www.youtube.com/, /@channel, /results?search_query → null
 *   https://m.youtube.com/watch?v=…, http://…, youtube.com/…   → null (other markup / not matched)
 */
function pageKind(url: URL): string | null {
  if (url.origin !== YOUTUBE_ORIGIN) return null;
  if (url.pathname === '/watch') return /^[\w-]+$/.test(url.searchParams.get('v') ?? '') ? 'watch' : null;
  return /^\/shorts\/[\w-]+\/?$/.test(url.pathname) ? 'shorts' : null;
}

function isComment(node: Element): boolean {
  return node.localName === 'ytd-comment-view-model' || node.localName === 'ytd-comment-renderer';
}

function outsideBoxes(found: Element, el: Element): boolean {
  // A reply box opened under this comment holds buttons and ids of its own; skip them unless
  // the lookup itself starts inside a box.
  return !found.closest(SEL.commentbox) || el.closest(SEL.commentbox) !== null;
}

/**
 * The best match inside `el` for a priority list of selectors, outside any open reply box.
 * One querySelectorAll over the whole list (see the note on SEL), then ranked by priority.
 */
function ownFirst(el: Element, selectors: readonly string[]): HTMLElement | null {
  return bestOf(el, selectors, (found) => outsideBoxes(found, el));
}

function bestOf(
  el: Element,
  selectors: readonly string[],
  accept: (found: Element) => boolean = () => true,
): HTMLElement | null {
  const matches = el.querySelectorAll<HTMLElement>(selectors.join(', '));
  if (matches.length === 0) return null;
  for (const selector of selectors) {
    for (const found of matches) {
      if (found.matches(selector) && accept(found)) return found;
    }
  }
  return null;
}

function topLevelOf(thread: Element): HTMLElement | null {
  const direct = thread.querySelector<HTMLElement>(SEL.topLevel);
  if (direct) return direct;
  for (const c of thread.querySelectorAll<HTMLElement>(SEL.comment)) {
    if (!c.closest(SEL.replies)) return c;
  }
  return null;
}

interface Parts {
  text?: HTMLElement;
  author?: HTMLElement;
  time?: HTMLElement;
  toolbar?: HTMLElement;
}

/**
 * The comment's own parts in one query, told apart by id. Anything inside an open reply box
 * under the comment is skipped (it follows the box in document order). Indexed loop: iterating
 * a NodeList with for…of costs twice as much, and this runs for every comment on the page.
 */
function partsOf(el: HTMLElement): Parts {
  const parts: Parts = {};
  const insideBox = el.closest(SEL.commentbox) !== null;
  let box: Element | null = null;
  const found = el.querySelectorAll<HTMLElement>(SEL.parts);
  for (let i = 0; i < found.length; i++) {
    const node = found[i]!;
    if (node.localName === SEL.commentbox) {
      if (!insideBox) box = node;
      continue;
    }
    if (box?.contains(node)) continue;
    const id = node.id;
    if (id === 'content-text') parts.text ??= node;
    else if (id === 'author-text') parts.author ??= node;
    else if (id === 'published-time-text') parts.time ??= node;
    else if (id === 'toolbar') parts.toolbar ??= node;
  }
  return parts;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function pageKindFromHref(href: string): string | null {
  try {
    return pageKind(new URL(href));
  } catch {
    return null;
  }
}

function readAuthor(el: HTMLElement, link: HTMLElement | undefined): string {
  let author = link ? normaliseText(readText(link)) : '';
  if (!author) {
    const badge = ownFirst(el, SEL.authorBadge);
    author = badge ? normaliseText(readText(badge)) : '';
  }
  if (!author) {
    // Last resort: the handle in the channel link (/@handle).
    author = safeDecode(/\/(@[^/?#]+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? '');
  }
  return clampText(author, MAX_AUTHOR_CHARS);
}

function bodyText(body: HTMLElement | undefined): string {
  return body ? normaliseText(readText(body)) : '';
}

/** The timestamp link, absolute, and the comment id in its `lc` parameter. */
function readPermalink(time: HTMLElement | undefined, pageUrl: string): { url?: string; lc?: string } {
  const href = time?.querySelector('a[href]')?.getAttribute('href');
  if (!href) return {};
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return {};
  }
  const lc = url.searchParams.get('lc') ?? undefined;
  return url.href.length <= MAX_URL_CHARS ? { url: url.href, lc } : { lc };
}

/**
 * The video's title: on a Short, its own reel's (the hidden watch page behind it still holds
 * the last video's heading); on a watch page, the heading; else the document title.
 */
function readTitle(element: HTMLElement, shorts: boolean): string | undefined {
  const doc = element.ownerDocument;
  let heading: Element | null;
  if (shorts) {
    const reel = element.closest(SEL.reel) ?? doc.querySelector(SEL.activeReel);
    heading = reel?.querySelector(SEL.shortTitle) ?? null;
  } else {
    heading = doc.querySelector(SEL.title);
  }
  let title = heading ? normaliseText(readText(heading)) : '';
  if (!title) title = normaliseText(doc.title.replace(/\s+-\s+YouTube\s*$/, ''));
  return title ? clampText(title, MAX_THREAD_TITLE_CHARS) : undefined;
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  const parts = partsOf(element);
  const text = bodyText(parts.text);
  if (!text) return null;
  const author = readAuthor(element, parts.author);
  const permalink = readPermalink(parts.time, pageUrl);
  // "2 days ago" drifts from one visit to the next, so it stays out of the fallback hash.
  const commentId = stableCommentId({ siteId: permalink.lc, author, text });

  const comment: CommentContext = {
    site: 'youtube',
    commentId,
    author,
    text: clampText(text, MAX_COMMENT_CHARS),
    pageUrl,
  };
  if (permalink.url) comment.permalink = permalink.url;
  const kind = pageKindFromHref(pageUrl);
  if (kind) comment.pageKind = kind;
  const title = readTitle(element, kind === 'shorts');
  if (title) comment.threadTitle = title;

  const handle = /\/@([^/?#]+)/.exec(parts.author?.getAttribute('href') ?? '')?.[1];
  if (handle) comment.handle = clampText(safeDecode(handle), MAX_AUTHOR_CHARS);

  if (element.closest(SEL.replies)) {
    const thread = element.closest(SEL.thread);
    const parent = thread ? topLevelOf(thread) : null;
    if (parent && parent !== element) {
      const parentParts = partsOf(parent);
      const parentText = bodyText(parentParts.text);
      if (parentText) comment.parentText = clampText(parentText, MAX_PARENT_CONTEXT_CHARS);
      const parentAuthor = readAuthor(parent, parentParts.author);
      if (parentAuthor) comment.parentAuthor = parentAuthor;
      const parentLc = readPermalink(parentParts.time, pageUrl).lc;
      if (parentLc) comment.parentId = parentLc;
    }
  }
  return comment;
}

/*
 * The per-comment lookups below run for every comment on the page (2,574 on the benchmark
 * page), so each is measured in headless Chromium:
 * - A selector whose last part carries an id, alone (`#toolbar`, even `div#toolbar`), takes
 *   Blink's id fast path, which walks every element in the document with that id; YouTube
 *   repeats these ids in every comment, so it costs 300–650 ms. Never use one here.
 * - A lone tag (`ytd-comment-engagement-bar`) takes Blink's tag fast path: a plain walk with
 *   no selector matching, the cheapest lookup there is. The element it finds is then checked
 *   in script, and the exact lists below are the fallback.
 * - A list of selectors, or an id only in an ancestor part, runs the selector matcher on every
 *   element it passes: about twice the cost of a tag walk.
 * A reply box opened under a comment comes after the comment's own parts in document order,
 * so first matches are the comment's own.
 */
const QUICK = {
  /** The current markup's text element, by tag alone. */
  textTag: 'yt-attributed-string',
  text: 'yt-attributed-string#content-text, yt-formatted-string#content-text',
  /** Any other element carrying the id: slower, only when YouTube changes the text's tag. */
  textFallback: '[id="content-text"], #content-text',
  /** The current markup's action bar, by tag alone; #toolbar is its first child. */
  barTag: 'ytd-comment-engagement-bar',
  /** Both markups' toolbars; the one under the comment's own bar, not a reply box's. */
  ownToolbar: 'ytd-comment-engagement-bar > #toolbar, ytd-comment-action-buttons-renderer > #toolbar',
  toolbar: 'div#toolbar, #toolbar',
} as const;

/** Any visible character: the test stops at the first one (comments run to 20,000 chars). */
const HAS_TEXT = /\S/;

function quickText(element: HTMLElement): Element | null {
  const first = element.querySelector(QUICK.textTag);
  if (first?.id === 'content-text') return first;
  return element.querySelector(QUICK.text) ?? element.querySelector(QUICK.textFallback);
}

/**
 * The text the comment shows, as its key. Not YouTube's comment id: that sits in the timestamp
 * link, and looking it up cost about 5 ms of a 2,000-thread scan; nor a hash of the text, which
 * cost as much as finding the text. The key is only compared with the last one seen on the same
 * node, to notice a node YouTube reused for another comment, and holding it costs no more
 * memory than the page's own copy of the text.
 */
function commentKey(element: HTMLElement): string | null {
  const text = quickText(element)?.textContent;
  return text && HAS_TEXT.test(text) ? text : null;
}

function quickToolbar(element: HTMLElement): HTMLElement | null {
  const first = element.querySelector(QUICK.barTag)?.firstElementChild;
  if (first?.id === 'toolbar') return first as HTMLElement;
  return element.querySelector<HTMLElement>(QUICK.ownToolbar);
}

/** Is `node` inside a reply box below `element`? Walks only up to the comment, not the page. */
function insideBoxWithin(node: Element, element: Element): boolean {
  for (let at: Element | null = node.parentElement; at && at !== element; at = at.parentElement) {
    if (at.localName === SEL.commentbox) return true;
  }
  return false;
}

function buttonHost(element: HTMLElement): HTMLElement | null {
  const own = quickToolbar(element);
  if (own) return own;
  // Markup YouTube may change to: a toolbar with another parent, or none at all.
  const toolbar = element.querySelector<HTMLElement>(QUICK.toolbar);
  if (toolbar && !insideBoxWithin(toolbar, element)) return toolbar;
  return partsOf(element).toolbar ?? ownFirst(element, SEL.actionRow) ?? element;
}

/** The reply box that belongs to this comment, if one is open. */
function findComposer(element: HTMLElement): HTMLElement | null {
  // Current YouTube renders the box inside the comment's own #reply-dialog.
  const inside = bestOf(element, SEL.editor);
  if (inside) return inside;
  // Some variants place it right after the comment.
  const next = element.nextElementSibling;
  const after = next ? bestOf(next, SEL.editor) : null;
  if (after) return after;
  // Elsewhere in the thread: only a box that is not inside another comment (that one is
  // someone else's reply box).
  const thread = element.closest(SEL.thread);
  if (!thread) return null;
  for (const editor of thread.querySelectorAll<HTMLElement>(SEL.editor.join(', '))) {
    let owner: Element | null = editor.closest(SEL.commentbox)?.parentElement ?? null;
    while (owner && owner !== thread && !isComment(owner)) owner = owner.parentElement;
    if (!owner || owner === thread || owner === element) return editor;
  }
  return null;
}

function replyButtonOf(element: HTMLElement): HTMLElement | null {
  const host = buttonHost(element) ?? element;
  const found = ownFirst(host, SEL.replyButton) ?? ownFirst(element, SEL.replyButton);
  if (!found) return null;
  // The renderer wraps a real <button>; click that when present.
  return found.querySelector('button') ?? found;
}


function composerOf(editor: HTMLElement): Composer {
  return { editor, kind: 'plain' };
}

async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const open = findComposer(element);
  if (open) {
    open.focus();
    return composerOf(open);
  }
  const button = replyButtonOf(element);
  if (!button) return null;
  button.click();
  const root = element.closest(SEL.thread) ?? element.parentElement ?? element;
  const editor = await waitFor(root, () => findComposer(element), COMPOSER_TIMEOUT_MS, {
    attributes: true,
    attributeFilter: ['contenteditable', 'hidden'],
  });
  return editor ? composerOf(editor) : null;
}

function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const box = editor.closest(SEL.commentbox);
  if (!box) return null;
  const submit = bestOf(box, SEL.submit);
  if (!submit) return null;
  return submit.matches('button') ? submit : (submit.querySelector('button') ?? submit);
}

/** A comment in this comment's thread whose text is `text`: the creator's reply, posted. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  const thread = element.closest(SEL.thread);
  return thread ? commentShowing(thread.querySelectorAll<HTMLElement>(SEL.comment), element, text, (c) => partsOf(c).text) : null;
}

/**
 * The site's adapter, listed in the registry (one per site). YouTube Studio is the same site to
 * the creator but another app, at its own origin, with its own markup: its adapter
 * (youtube-studio.ts, also site 'youtube') is the one the registry picks on studio.youtube.com,
 * by origin, before any scan. So neither app pays for the other's selectors: adding Studio's
 * comment tag to this selector made the watch page's whole-page query a quarter slower
 * (2,000-thread fixture, 40 → 50 ms in headless Chromium).
 */
export const youtube: SiteAdapter = {
  site: 'youtube',
  pageKind,
  commentSelector: SEL.comment,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  // Something in the comments list other than its loading spinner: a video with no comments
  // (or comments turned off) shows the section's header and box but an empty list, and is not
  // "unreadable". On Shorts, the open comments panel's header.
  commentsMark: [
    'ytd-comments#comments #contents > :not(ytd-continuation-item-renderer)',
    `${SEL.shortsPanel} ytd-engagement-panel-title-header-renderer`,
  ].join(', '),
  selectors: {
    thread: SEL.thread,
    comment: SEL.comment,
    text: QUICK.text,
    toolbar: QUICK.toolbar,
    replyButton: SEL.replyButton.join(', '),
    editor: SEL.editor.join(', '),
    shortsPanel: SEL.shortsPanel,
  },
  navigationEvents: ['yt-navigate-finish'],
};
