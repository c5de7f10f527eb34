/**
 * Bluesky (bsky.app): replies in a post's thread. The web client is open source, so its anchors
 * are its own `testID` props (rendered as data-testid), which are stable across its releases;
 * see docs/sites-reference.md ("Bluesky"). Every post of a thread screen is one
 * `postThreadItem-by-<handle>`: the anchor (the post the URL names, the thread's context) and
 * the posts around it. The client keeps earlier screens mounted, hidden, so only the last
 * visible thread screen is read.
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, MAX_URL_CHARS, SITE_REPLY_LIMITS } from '../core/limits';
import { stableCommentId } from './comment-id';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';
import { commentShowing } from './posted-reply';

export const BLUESKY_ORIGIN = 'https://bsky.app';


const SEL = {
  /** A post thread screen (PostThread); earlier ones stay mounted behind the current one. */
  screen: '[data-testid="postThreadScreen"]',
  /** Every post of a thread, anchor included (ThreadItemAnchor, ThreadItemPost, tree view). */
  item: '[data-testid^="postThreadItem-by-"]',
  /** Post text (RichText). Thread items lack the feed's `postText` testid. */
  text: '[data-word-wrap]',
  /**
   * PostMeta's timestamp link to the post, labelled (and titled) with the full date. The anchor
   * has none: its date is plain text in its expanded details.
   */
  timeLink: 'a[href*="/post/"][title], a[href*="/post/"][aria-label]',
  /** The two "View profile" links (display name, then "@handle"). */
  profileLink: 'a[href^="/profile/"]',
  /** PostControls. */
  replyButton: '[data-testid="replyBtn"]',
  likeButton: '[data-testid="likeBtn"]',
  /** The composer opens in a dialog; its TipTap editor is labelled "Rich-Text Editor". */
  dialog: '[role="dialog"]',
  editor: [
    '[role="dialog"] .ProseMirror[contenteditable="true"]',
    '[role="dialog"] [contenteditable="true"][aria-label="Rich-Text Editor"]',
  ].join(', '),
  publish: '[data-testid="composerPublishBtn"]',
} as const;

/** The timestamp link before the text (a reply), or the text first (the anchor): one query. */
const QUICK_META = 'a[href*="/post/"][title], [data-word-wrap]';
const POST_PATH = /^\/profile\/([^/?#]+)\/post\/([^/?#]+)\/?$/;
const HAS_TEXT = /\S/;

/**
 * Pages whose replies we read.
 *   https://bsky.app/profile/alice.bsky.social/post/3kx2abcdefg22       → 'thread'
 *   https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kx → 'thread'
 *   https://bsky.app/, /profile/alice.bsky.social, /search?q=sourdough → null
 *   https://bsky.app/profile/alice.bsky.social/post/3kx/liked-by        → null (a list of likes)
 *   http://bsky.app/profile/…/post/…, https://bsky.app.evil.example/…   → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== BLUESKY_ORIGIN) return null;
  return POST_PATH.test(url.pathname) ? 'thread' : null;
}

/**
 * Is this screen the one on show? Read from what the navigator writes on the element and its
 * ancestors (inline display:none, hidden, aria-hidden), never from computed style: that forced
 * a style recalculation of thousands of just-inserted replies inside every scan (measured with
 * `npm run bench`: 844 ms of a 919 ms batch). When the client hides screens some other way,
 * every screen looks shown and the last one mounted, the newest, is taken: the one on top.
 */
function isShown(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const node = at as HTMLElement;
    if (node.hidden || node.style?.display === 'none' || node.getAttribute('aria-hidden') === 'true') return false;
  }
  return true;
}

/**
 * The thread screen the creator sees: the last one shown. Looked up once per batch of
 * comments (the observer keys a whole batch in one task), not once per comment.
 */
let screenCache: { doc: Document; screen: Element | null } | null = null;
function currentScreen(doc: Document): Element | null {
  if (screenCache?.doc === doc) return screenCache.screen;
  const screens = doc.querySelectorAll(SEL.screen);
  let screen: Element | null = null;
  for (let i = screens.length - 1; i >= 0 && !screen; i--) if (isShown(screens[i]!)) screen = screens[i]!;
  screenCache = { doc, screen };
  queueMicrotask(() => {
    screenCache = null;
  });
  return screen;
}

function onCurrentScreen(el: Element): boolean {
  const screen = el.closest(SEL.screen);
  return !screen || screen === currentScreen(el.ownerDocument);
}

/**
 * The text the reply shows, as its key; null for the anchor (the thread's context, not a
 * reply: its text comes before any timestamp link), a deleted post (no text), and posts on a
 * screen the creator left.
 */
function commentKey(element: HTMLElement): string | null {
  const first = element.querySelector(QUICK_META);
  if (!first || first.hasAttribute('data-word-wrap')) return null;
  const text = element.querySelector(SEL.text)?.textContent;
  if (!text || !HAS_TEXT.test(text)) return null;
  return onCurrentScreen(element) ? text : null;
}

interface PostParts {
  text: string;
  author: string;
  handle?: string;
  permalink?: URL;
  timeLabel?: string;
}

function timeLinkOf(el: Element): HTMLAnchorElement | null {
  for (const link of el.querySelectorAll<HTMLAnchorElement>(SEL.timeLink)) {
    if (POST_PATH.test(link.getAttribute('href') ?? '')) return link;
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Display names are wrapped in LEFT-TO-RIGHT EMBEDDING … POP by the client (forceLTR). */
function stripLtrWrap(name: string): string {
  return name.replace(/^\u202A/, '').replace(/\u202C$/, '');
}

function readParts(el: Element): PostParts | null {
  const body = el.querySelector(SEL.text);
  const text = body ? normaliseText(readText(body)) : '';
  if (!text) return null;
  const testid = el.getAttribute('data-testid') ?? '';
  let handle = testid.startsWith('postThreadItem-by-') ? testid.slice('postThreadItem-by-'.length) : '';
  const link = timeLinkOf(el);
  let permalink: URL | undefined;
  if (link) {
    try {
      const url = new URL(link.getAttribute('href')!, BLUESKY_ORIGIN);
      if (url.origin === BLUESKY_ORIGIN && url.href.length <= MAX_URL_CHARS) permalink = url;
    } catch {
      // An unreadable link: the post keeps a hashed id.
    }
  }
  if (!handle && permalink) handle = safeDecode(POST_PATH.exec(permalink.pathname)?.[1] ?? '');
  // The display-name link is the first link to the author's profile (the second shows "@handle").
  let author = '';
  for (const a of el.querySelectorAll(SEL.profileLink)) {
    const href = a.getAttribute('href') ?? '';
    if (href.includes('/post/')) continue;
    author = normaliseText(stripLtrWrap(readText(a).trim()));
    if (author) break;
  }
  author = clampText(author || handle, MAX_AUTHOR_CHARS);
  const timeLabel = link?.getAttribute('aria-label') || link?.getAttribute('title') || undefined;
  return { text, author, handle: handle || undefined, permalink, timeLabel };
}

/** The post's AT URI (with its handle or DID as the client links it): Bluesky's own post id. */
function postUri(permalink: URL | undefined): string | undefined {
  const match = permalink && POST_PATH.exec(permalink.pathname);
  return match ? `at://${safeDecode(match[1]!)}/app.bsky.feed.post/${safeDecode(match[2]!)}` : undefined;
}

/** "March 27, 2026 at 8:35 AM" (the client's niceDate) → ISO; else the label as shown. */
function parseDate(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const tidy = label.replace(/\s+/g, ' ').trim();
  const ms = Date.parse(tidy.replace(/ at /, ' '));
  return Number.isNaN(ms) ? clampText(tidy, 200) : new Date(ms).toISOString();
}

/** The screen's anchor: the post that has text but no timestamp link. */
function anchorOf(screen: Element | null): Element | null {
  if (!screen) return null;
  for (const item of screen.querySelectorAll(SEL.item)) {
    if (item.querySelector(QUICK_META)?.hasAttribute('data-word-wrap')) return item;
  }
  return null;
}

/**
 * A reply whose parent is the post just above it starts with the client's parent reply line:
 * an element with no text, link or control before the post's row (ThreadItemPostParentReplyLine).
 */
function hasParentLine(el: Element): boolean {
  const first = el.firstElementChild;
  return (
    !!first && first.childElementCount > 0 && first.nextElementSibling !== null && !HAS_TEXT.test(first.textContent ?? '') &&
    !first.querySelector('a, button, img, [data-word-wrap]')
  );
}

function previousItem(el: Element, screen: Element | null): Element | null {
  if (!screen) return null;
  const items = screen.querySelectorAll(SEL.item);
  for (let i = 1; i < items.length; i++) if (items[i] === el) return items[i - 1]!;
  return null;
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  if (!timeLinkOf(element)) return null; // the anchor (context), or a deleted post
  const parts = readParts(element);
  if (!parts) return null;
  const uri = postUri(parts.permalink);
  const postedAt = parseDate(parts.timeLabel);
  const commentId = stableCommentId({ siteId: uri, author: parts.handle ?? parts.author, text: parts.text, time: postedAt });
  const comment: CommentContext = {
    site: 'bluesky',
    commentId,
    author: parts.author,
    text: clampText(parts.text, MAX_COMMENT_CHARS),
    pageUrl,
    replyLimit: SITE_REPLY_LIMITS.bluesky,
  };
  if (parts.handle) comment.handle = clampText(parts.handle, MAX_AUTHOR_CHARS);
  if (parts.permalink) comment.permalink = parts.permalink.href;
  if (postedAt) comment.postedAt = postedAt;
  try {
    const kind = pageKind(new URL(pageUrl));
    if (kind) comment.pageKind = kind;
  } catch {
    // pageUrl is what the page reports; a bad one just leaves the kind out.
  }
  const screen = element.closest(SEL.screen);
  const anchor = anchorOf(screen);
  const anchorParts = anchor ? readParts(anchor) : null;
  if (anchorParts) comment.threadTitle = clampText(anchorParts.text, MAX_THREAD_TITLE_CHARS);
  if (hasParentLine(element)) {
    const parent = previousItem(element, screen);
    const parentParts = parent ? readParts(parent) : null;
    if (parentParts) {
      comment.parentText = clampText(parentParts.text, MAX_PARENT_CONTEXT_CHARS);
      if (parentParts.author) comment.parentAuthor = parentParts.author;
      const parentId = postUri(parentParts.permalink) ?? (parent === anchor ? postUri(new URL(pageUrl)) : undefined);
      if (parentId) comment.parentId = parentId;
    }
  }
  return comment;
}

/** The PostControls row: the ancestor of the Reply button that holds the Like button too. */
function buttonHost(element: HTMLElement): HTMLElement | null {
  const reply = element.querySelector<HTMLElement>(SEL.replyButton);
  if (!reply) return element;
  const like = element.querySelector(SEL.likeButton);
  let row = reply.parentElement;
  while (like && row && row !== element && !row.contains(like)) row = row.parentElement;
  return row ?? element;
}

function openEditor(doc: Document): HTMLElement | null {
  const editors = doc.querySelectorAll<HTMLElement>(SEL.editor);
  return editors[editors.length - 1] ?? null;
}

/** Does the open composer reply to this post? Its reply-to preview shows the post's text. */
function repliesTo(editor: HTMLElement, element: HTMLElement): boolean {
  const dialog = editor.closest(SEL.dialog);
  const body = element.querySelector(SEL.text);
  const text = body ? collapseWhitespace(body.textContent ?? '').slice(0, 80) : '';
  return !!dialog && !!text && collapseWhitespace(dialog.textContent ?? '').includes(text);
}


async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const doc = element.ownerDocument;
  const before = openEditor(doc);
  if (before && repliesTo(before, element)) {
    before.focus();
    return { editor: before, kind: 'prosemirror' };
  }
  const button = element.querySelector<HTMLElement>(SEL.replyButton);
  if (!button) return null;
  button.click();
  const editor = await waitFor(
    doc.body ?? doc.documentElement,
    () => {
      const found = openEditor(doc);
      return found && (found !== before || repliesTo(found, element)) ? found : null;
    },
    COMPOSER_TIMEOUT_MS,
  );
  return editor ? { editor, kind: 'prosemirror' } : null;
}

function submitButtonFor({ editor }: Composer): HTMLElement | null {
  return (
    editor.closest(SEL.dialog)?.querySelector<HTMLElement>(SEL.publish) ??
    editor.ownerDocument.querySelector<HTMLElement>(SEL.publish)
  );
}

/** A post on this reply's screen whose text is `text`: the creator's reply, posted. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  const screen = element.closest(SEL.screen);
  return screen ? commentShowing(screen.querySelectorAll<HTMLElement>(SEL.item), element, text, (item) => item.querySelector(SEL.text)) : null;
}

export const bluesky: SiteAdapter = {
  site: 'bluesky',
  pageKind,
  commentSelector: SEL.item,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  replyLimit: () => SITE_REPLY_LIMITS.bluesky,
  // Reply posts' timestamp links on a thread screen: there are replies to read.
  commentsMark: '[data-testid="postThreadScreen"] a[href^="/profile/"][href*="/post/"][title]',
  selectors: {
    screen: SEL.screen,
    item: SEL.item,
    text: SEL.text,
    timeLink: SEL.timeLink,
    replyButton: SEL.replyButton,
    editor: SEL.editor,
    publish: SEL.publish,
  },
  navigationEvents: [],
};
