/**
 * Threads (www.threads.com, older www.threads.net): replies on a post page. Meta ships Atomic
 * CSS class names that change with every build, so nothing here reads a class: posts are
 * `data-pressable-container` elements, and their parts are found by links (`/@user`,
 * `/@user/post/CODE` around a `time[datetime]`), `span[dir="auto"]` text and the aria-labels
 * of the action icons. The main post (the one the URL names) is the thread's context, not a
 * reply. The replies list is virtualized: rows are reused for other replies in place, so
 * everything is read from what a row shows now. See docs/sites-reference.md ("Threads"):
 * one project's selectors, low-medium confidence; the editor engine is unconfirmed.
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_THREAD_TITLE_CHARS, MAX_URL_CHARS, SITE_REPLY_LIMITS } from '../core/limits';
import { SITE_ORIGINS } from '../core/sites';
import { stableCommentId } from './comment-id';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';
import { commentShowing } from './posted-reply';


const SEL = {
  /** Every post: feed items, the main post and replies on a post page. */
  post: '[data-pressable-container="true"]',
  /** Post text (also any other text the post shows in its own direction). */
  text: 'span[dir="auto"]',
  /** The author's profile link, "/@user". */
  author: 'a[href^="/@"]',
  /** The permalink holds the post's time. */
  permalink: 'a[href*="/post/"]',
  time: 'a[href*="/post/"] time[datetime]',
  /** Action icons; their svg aria-labels are the one handle on them (English UI). */
  replyIcon: 'svg[aria-label="Reply"]',
  likeIcon: 'svg[aria-label="Like"]',
  dialog: '[role="dialog"]',
  /** The reply dialog's editor (Lexical suspected). */
  editor: '[role="dialog"] [role="textbox"][contenteditable="true"]',
  dialogButton: '[role="dialog"] [role="button"]',
} as const;

const POST_PATH = /^\/@([\w.]+)\/post\/([\w-]+)\/?$/;
const HAS_TEXT = /\S/;

/**
 * Pages whose replies we read.
 *   https://www.threads.com/@crumbandcrust/post/DHsourdough72        → 'post'
 *   https://www.threads.net/@crumbandcrust/post/DHsourdough72?xmt=1  → 'post' (older domain)
 *   https://www.threads.com/, /@crumbandcrust, /search?q=sourdough    → null
 *   https://www.threads.com/@crumbandcrust/post/DHsourdough72/media   → null (a media viewer)
 *   https://threads.com/@…/post/…, http://www.threads.com/…           → null (redirects / not matched)
 */
function pageKind(url: URL): string | null {
  if (!SITE_ORIGINS.threads.includes(url.origin)) return null;
  return POST_PATH.test(url.pathname) ? 'post' : null;
}

/** The code of the post a page shows, from its path ("/@user/post/CODE" → "CODE"). */
function pageCode(pathname: string): string | null {
  return POST_PATH.exec(pathname)?.[2] ?? null;
}

/** The post's text element: the first span[dir="auto"] that is not part of a link. */
function textOf(element: Element): Element | null {
  const spans = element.querySelectorAll(SEL.text);
  for (let i = 0; i < spans.length; i++) {
    if (!spans[i]!.closest('a')) return spans[i]!;
  }
  return null;
}

function permalinkOf(element: Element): HTMLAnchorElement | null {
  for (const link of element.querySelectorAll<HTMLAnchorElement>(SEL.permalink)) {
    if (POST_PATH.test(link.getAttribute('href') ?? '')) return link;
  }
  return null;
}

/** Is this the post the page is about (its context), rather than a reply? */
function isMainPost(element: Element, code: string | null): boolean {
  if (!code) return false;
  const href = permalinkOf(element)?.getAttribute('href');
  return !!href && pageCode(href) === code;
}

/**
 * What the reply shows: its permalink and its text. Null off post pages (feed posts are not
 * replies), for the main post, and for a deleted reply (no text).
 */
function commentKey(element: HTMLElement): string | null {
  const code = pageCode(element.ownerDocument.location?.pathname ?? '');
  if (!code) return null;
  const text = textOf(element)?.textContent;
  if (!text || !HAS_TEXT.test(text)) return null;
  const href = permalinkOf(element)?.getAttribute('href') ?? '';
  if (pageCode(href) === code) return null;
  return `${href}\u0000${text}`;
}

interface PostParts {
  text: string;
  author: string;
  handle?: string;
  code?: string;
  permalink?: string;
  postedAt?: string;
}

function readParts(element: Element, origin: string): PostParts | null {
  const body = textOf(element);
  const text = body ? normaliseText(readText(body)) : '';
  if (!text) return null;
  let author = '';
  let handle: string | undefined;
  for (const a of element.querySelectorAll(SEL.author)) {
    const match = /^\/@([^/?#]+)\/?$/.exec(a.getAttribute('href') ?? '');
    if (!match) continue;
    handle = match[1];
    author = normaliseText(readText(a));
    break;
  }
  const parts: PostParts = { text, author: clampText(author || handle || '', MAX_AUTHOR_CHARS) };
  if (handle) parts.handle = clampText(handle, MAX_AUTHOR_CHARS);
  const link = permalinkOf(element);
  if (link) {
    const href = link.getAttribute('href')!;
    parts.code = pageCode(href) ?? undefined;
    const url = new URL(href, origin);
    if (url.href.length <= MAX_URL_CHARS) parts.permalink = url.href;
    const datetime = link.querySelector('time[datetime]')?.getAttribute('datetime');
    const ms = datetime ? Date.parse(datetime) : NaN;
    if (!Number.isNaN(ms)) parts.postedAt = new Date(ms).toISOString();
  }
  return parts;
}

function originOf(pageUrl: string): string {
  try {
    const origin = new URL(pageUrl).origin;
    return SITE_ORIGINS.threads.includes(origin) ? origin : SITE_ORIGINS.threads[0]!;
  } catch {
    return SITE_ORIGINS.threads[0]!;
  }
}

/** The main post on this page, for the thread's context. */
function mainPostOf(doc: Document, code: string | null): Element | null {
  if (!code) return null;
  for (const post of doc.querySelectorAll(SEL.post)) if (isMainPost(post, code)) return post;
  return null;
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  let path = '';
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    return null;
  }
  const code = pageCode(path);
  if (isMainPost(element, code)) return null;
  const origin = originOf(pageUrl);
  const parts = readParts(element, origin);
  if (!parts) return null;
  const comment: CommentContext = {
    site: 'threads',
    // The post's shortcode is Threads' own id; without one, author + time (+ text).
    commentId: stableCommentId({
      siteId: parts.code,
      author: parts.handle ?? parts.author,
      text: parts.postedAt ? '' : parts.text,
      time: parts.postedAt,
    }),
    author: parts.author,
    text: clampText(parts.text, MAX_COMMENT_CHARS),
    pageUrl,
    replyLimit: SITE_REPLY_LIMITS.threads,
  };
  if (parts.handle) comment.handle = parts.handle;
  if (parts.permalink) comment.permalink = parts.permalink;
  if (parts.postedAt) comment.postedAt = parts.postedAt;
  const kind = pageKind(new URL(pageUrl));
  if (kind) comment.pageKind = kind;
  const main = mainPostOf(element.ownerDocument, code);
  const mainParts = main ? readParts(main, origin) : null;
  if (mainParts) comment.threadTitle = clampText(mainParts.text, MAX_THREAD_TITLE_CHARS);
  return comment;
}

/** The icon button (div[role=button]) wrapping an action icon. */
function iconButton(element: Element, icon: string): HTMLElement | null {
  return element.querySelector(icon)?.closest<HTMLElement>('[role="button"]') ?? null;
}

/** The action row: the ancestor of the Reply button that also holds Like. */
function buttonHost(element: HTMLElement): HTMLElement | null {
  const reply = iconButton(element, SEL.replyIcon);
  if (!reply) return element;
  const like = element.querySelector(SEL.likeIcon);
  let row = reply.parentElement;
  while (like && row && row !== element && !row.contains(like)) row = row.parentElement;
  return row ?? element;
}

function openEditor(doc: Document): HTMLElement | null {
  const editors = doc.querySelectorAll<HTMLElement>(SEL.editor);
  return editors[editors.length - 1] ?? null;
}

/** Does the open dialog reply to this post? It shows the post above the editor. */
function repliesTo(editor: HTMLElement, element: HTMLElement): boolean {
  const dialog = editor.closest(SEL.dialog);
  const body = textOf(element);
  const text = body ? collapseWhitespace(body.textContent ?? '').slice(0, 80) : '';
  return !!dialog && !!text && collapseWhitespace(dialog.textContent ?? '').includes(text);
}


/** Lexical is suspected behind Threads' box (unconfirmed): paste, then beforeinput. */
const composerOf = (editor: HTMLElement): Composer => ({ editor, kind: 'lexical' });

async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const doc = element.ownerDocument;
  const before = openEditor(doc);
  if (before && repliesTo(before, element)) {
    before.focus();
    return composerOf(before);
  }
  const button = iconButton(element, SEL.replyIcon);
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
  return editor ? composerOf(editor) : null;
}

/** The dialog's "Post" button; else the last button there that can be disabled. */
function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const dialog = editor.closest(SEL.dialog);
  if (!dialog) return null;
  const buttons = [...dialog.querySelectorAll<HTMLElement>('[role="button"], button')];
  return (
    buttons.find((b) => collapseWhitespace(b.textContent ?? '') === 'Post') ??
    buttons.filter((b) => b.hasAttribute('aria-disabled') || b.hasAttribute('disabled')).pop() ??
    null
  );
}

/** A post on the page whose text is `text`: the creator's reply, posted. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  return commentShowing(element.ownerDocument.querySelectorAll<HTMLElement>(SEL.post), element, text, textOf);
}

export const threads: SiteAdapter = {
  site: 'threads',
  pageKind,
  commentSelector: SEL.post,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  replyLimit: () => SITE_REPLY_LIMITS.threads,
  // A post's permalink time. The main post carries one too, and no reply-only mark is known
  // (unconfirmed markup): a post with no replies yet also shows this mark.
  commentsMark: '[data-pressable-container="true"] a[href*="/post/"] time[datetime]',
  selectors: {
    post: SEL.post,
    text: SEL.text,
    author: SEL.author,
    time: SEL.time,
    replyButton: SEL.replyIcon,
    editor: SEL.editor,
    submit: SEL.dialogButton,
  },
  navigationEvents: [],
};
