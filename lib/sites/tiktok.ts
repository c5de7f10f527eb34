/**
 * TikTok video comments: the side panel of a video page (/@user/video/ID) and the same panel
 * opened from the feed ([data-e2e="comment-icon"] on /foryou or /). Selectors anchor on
 * TikTok's `data-e2e` test attributes; its emotion class names (`css-1gstnae-DivCommentItemWrapper
 * eo72wou0`) change their hash on every deploy, so only their component name is matched, and
 * only under a data-e2e anchor. See docs/sites-reference.md ("TikTok").
 *
 * The list is virtualized: rows are reused in place for other comments as it scrolls, so the
 * key is what a comment shows, never the node. TikTok shows no comment id and no permalink per
 * comment, so ids are hashes (see commentIdOf). Its reply box is Draft.js, which acts only on
 * trusted input: every synthetic path fails there, and Insert ends in Copy + focus.
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, SITE_REPLY_LIMITS } from '../core/limits';
import { stableCommentId } from './comment-id';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';
import { commentShowing } from './posted-reply';
import { tiktokConversations } from './tiktok-dm';

export const TIKTOK_ORIGIN = 'https://www.tiktok.com';


const SEL = {
  /**
   * One thread row of the comment list (video page panel and feed sidebar alike): the
   * top-level comment and its replies' container. Rows are recycled in place.
   */
  thread: '[data-e2e="comment-item"]',
  /**
   * Every comment, top-level and reply: the DivCommentItemWrapper inside a thread row (the row
   * itself also holds the replies, so it is not "one comment").
   */
  comment: '[data-e2e="comment-item"] [class*="DivCommentItemWrapper"]',
  /** The comment body: `-1` top-level, `-2` replies; a <span> or <p> holding the text. */
  text: '[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]',
  /** The author's display name, inside a link to /@handle. */
  username: '[data-e2e="comment-username-1"], [data-e2e="comment-username-2"]',
  /** "2d ago", "5h ago", "11-2" (this year), "2024-11-3" (an earlier year). */
  time: '[data-e2e="comment-time-1"], [data-e2e="comment-time-2"]',
  /** The comment's own Reply control (a span with role=button). */
  reply: '[data-e2e="comment-reply-1"], [data-e2e="comment-reply-2"]',
  /** Where a thread's replies are rendered, after its top-level comment. */
  replies: '[class*="DivReplyContainer"]',
  /** The reply box TikTok opens under a comment, and its Draft.js editor and Post button. */
  input: '[data-e2e="comment-input"]',
  editor: '[data-e2e="comment-input"] [contenteditable="true"]',
  post: '[data-e2e="comment-post"]',
  /** Video page: the caption above the comments. */
  caption: '[data-e2e="browse-video-desc"]',
  /** Feed: each video of the list, with its caption and its link to the video page. */
  feedItem: '[data-e2e="recommend-list-item-container"]',
  feedCaption: '[data-e2e="video-desc"]',
  feedLink: 'a[href*="/video/"]',
} as const;

/**
 * Pages whose comments we read, by kind.
 *   https://www.tiktok.com/@crumbandcrust/video/7312345678901234567       → 'video'
 *   https://www.tiktok.com/@crumbandcrust/video/7312345678901234567?lang=en → 'video'
 *   https://www.tiktok.com/@crumbandcrust/photo/7312345678901234567       → 'video' (photo posts
 *     use the same comment panel)
 *   https://www.tiktok.com/, /foryou, /following                          → 'feed' (comments in
 *     the sidebar opened by a video's comment icon)
 *   https://www.tiktok.com/@crumbandcrust, /explore, /search?q=…, /messages → null
 *   https://m.tiktok.com/…, http://www.tiktok.com/…, www.tiktok.com.evil.example → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== TIKTOK_ORIGIN) return null;
  if (/^\/@[^/]+\/(?:video|photo)\/\d+\/?$/.test(url.pathname)) return 'video';
  return /^\/(?:foryou|following)?\/?$/.test(url.pathname) ? 'feed' : null;
}

function pageKindFromHref(href: string): string | null {
  try {
    return pageKind(new URL(href));
  } catch {
    return null;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Any visible character: the test stops at the first one (comments run to 20,000 chars). */
const HAS_TEXT = /\S/;

/**
 * The text the comment shows, as its key: one query within the comment (its replies sit in a
 * sibling container, so the first match is its own) and the page's own copy of the text.
 */
function commentKey(element: HTMLElement): string | null {
  const text = element.querySelector(SEL.text)?.textContent;
  return text && HAS_TEXT.test(text) ? text : null;
}

function bodyText(element: Element): string {
  const body = element.querySelector(SEL.text);
  return body ? normaliseText(readText(body)) : '';
}

interface Author {
  name: string;
  handle?: string;
}

function readAuthor(element: Element): Author {
  const box = element.querySelector(SEL.username);
  const link = box?.querySelector('a[href]') ?? element.querySelector('a[href^="/@"]');
  const handle = /^\/@([^/?#]+)/.exec(link?.getAttribute('href') ?? '')?.[1];
  const out: Author = { name: box ? normaliseText(readText(box)) : '' };
  if (handle) out.handle = clampText(safeDecode(handle), MAX_AUTHOR_CHARS);
  // A name TikTok left blank: the handle stands in, as TikTok shows it then.
  out.name = clampText(out.name || (out.handle ? `@${out.handle}` : ''), MAX_AUTHOR_CHARS);
  return out;
}

/**
 * TikTok's time text as a date that does not drift, or null for a relative one ("2d ago",
 * "5h ago", "Just now": tomorrow it says something else). It shows "M-D" for this year and
 * "YYYY-M-D" before; both become YYYY-MM-DD (the year of "M-D" is the current one, which is
 * what TikTok means by leaving it out).
 */
export function absoluteDate(text: string, now = new Date()): string | null {
  const m = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const year = m[1] ?? String(now.getFullYear());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function timeText(element: Element): string {
  const time = element.querySelector(SEL.time);
  return time ? normaliseText(time.textContent ?? '') : '';
}

/** The top-level comment of the thread a reply belongs to (null for a top-level comment). */
function parentOf(element: HTMLElement): HTMLElement | null {
  if (!element.closest(SEL.replies)) return null;
  const thread = element.closest(SEL.thread);
  const top = thread?.querySelector<HTMLElement>(SEL.comment);
  return top && top !== element ? top : null;
}

/**
 * TikTok shows no comment id, so the id is a hash (stableCommentId) of:
 * - the author (handle when shown: names change more often than handles);
 * - the time, when it is a date (YYYY-MM-DD): then the text stays out, so the id survives an
 *   edit. A relative time ("2d ago") drifts from visit to visit, so it stays out and the text
 *   goes in instead (TikTok comments can't be edited, so that id is stable in practice);
 * - the parent's id for a reply, so the same words under two threads stay apart.
 * Known limit: one author's two comments on the same day under the same parent share an id
 * when a date is shown. Day precision is all TikTok prints.
 */
function commentIdOf(element: HTMLElement, author: Author, parentId?: string): string {
  const date = absoluteDate(timeText(element));
  const who = author.handle ? `@${author.handle}` : author.name;
  const time = [date ?? '', parentId ?? ''].join('\u0001');
  return stableCommentId({ author: who, text: date ? '' : bodyText(element), time });
}

function readTitle(element: HTMLElement): string | undefined {
  const doc = element.ownerDocument;
  const caption = doc.querySelector(SEL.caption) ?? activeFeedItem(doc)?.querySelector(SEL.feedCaption);
  const title = caption ? normaliseText(readText(caption)) : '';
  return title ? clampText(title, MAX_THREAD_TITLE_CHARS) : undefined;
}

/**
 * The feed video whose comments the sidebar shows: the one across the middle of the viewport
 * (the feed snaps one video into view). Read only when a comment is read for a draft, never
 * per comment: it measures a handful of feed items.
 */
function activeFeedItem(doc: Document): Element | null {
  const items = doc.querySelectorAll(SEL.feedItem);
  const middle = (doc.defaultView?.innerHeight ?? 0) / 2;
  for (const item of items) {
    const rect = item.getBoundingClientRect();
    if (rect.height > 0 && rect.top <= middle && rect.bottom >= middle) return item;
  }
  return items[0] ?? null;
}

/**
 * The video's address: TikTok links no single comment, so the permalink is the video's. On a
 * video page, the page itself; in the feed, the link of the video whose comments are open.
 * Only https on TikTok's origin.
 */
function readPermalink(element: HTMLElement, pageUrl: string): string | undefined {
  const kind = pageKindFromHref(pageUrl);
  let href: string | null | undefined;
  if (kind === 'video') href = pageUrl;
  else href = activeFeedItem(element.ownerDocument)?.querySelector(SEL.feedLink)?.getAttribute('href');
  if (!href) return undefined;
  try {
    const url = new URL(href, TIKTOK_ORIGIN);
    if (url.origin !== TIKTOK_ORIGIN || pageKind(url) !== 'video') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  const text = bodyText(element);
  if (!text) return null;
  const author = readAuthor(element);
  const parent = parentOf(element);
  let parentId: string | undefined;
  let parentAuthor: string | undefined;
  let parentText: string | undefined;
  if (parent) {
    const pAuthor = readAuthor(parent);
    parentId = commentIdOf(parent, pAuthor);
    parentAuthor = pAuthor.name || undefined;
    parentText = bodyText(parent) || undefined;
  }
  const comment: CommentContext = {
    site: 'tiktok',
    commentId: commentIdOf(element, author, parentId),
    author: author.name,
    text: clampText(text, MAX_COMMENT_CHARS),
    pageUrl,
    replyLimit: SITE_REPLY_LIMITS.tiktok,
  };
  if (author.handle) comment.handle = author.handle;
  const time = timeText(element);
  if (time) comment.postedAt = absoluteDate(time) ?? clampText(time, 200);
  const permalink = readPermalink(element, pageUrl);
  if (permalink) comment.permalink = permalink;
  const title = readTitle(element);
  if (title) comment.threadTitle = title;
  const kind = pageKindFromHref(pageUrl);
  if (kind) comment.pageKind = kind;
  if (parentId) comment.parentId = parentId;
  if (parentAuthor) comment.parentAuthor = parentAuthor;
  if (parentText) comment.parentText = clampText(parentText, MAX_PARENT_CONTEXT_CHARS);
  return comment;
}

/** The row with the time and Reply: the Reply control's parent, else the time's, else the comment. */
function buttonHost(element: HTMLElement): HTMLElement | null {
  const anchor = element.querySelector(SEL.reply) ?? element.querySelector(SEL.time);
  const row = anchor?.parentElement;
  return row && row !== element && element.contains(row) ? row : element;
}

/**
 * The reply box open for this comment: TikTok renders it right after the comment, before the
 * next comment (or inside the comment in some layouts). Boxes further on belong to others.
 */
function findComposer(element: HTMLElement): HTMLElement | null {
  const inside = element.querySelector<HTMLElement>(SEL.editor);
  if (inside) return inside;
  for (let at = element.nextElementSibling; at; at = at.nextElementSibling) {
    if (at.matches(SEL.comment) || at.matches(SEL.replies)) break;
    const editor = at.matches(SEL.editor) ? (at as HTMLElement) : at.querySelector<HTMLElement>(SEL.editor);
    if (editor) return editor;
  }
  return null;
}

/**
 * The panel's own comment box when Reply focused it instead of opening one under the comment
 * (TikTok's layouts differ here): the focused Draft.js editor behind comment-input.
 */
function focusedComposer(element: HTMLElement): HTMLElement | null {
  const active = element.ownerDocument.activeElement;
  return active instanceof HTMLElement && active.matches(SEL.editor) ? active : null;
}


/** The @mention TikTok put in the box itself, if that is all it holds; kept before the draft. */
function composerOf(editor: HTMLElement): Composer {
  const shown = collapseWhitespace(readText(editor));
  const composer: Composer = { editor, kind: 'draftjs' };
  if (/^@\S+$/.test(shown)) composer.prefix = `${shown} `;
  return composer;
}

async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const open = findComposer(element);
  if (open) {
    open.focus();
    return composerOf(open);
  }
  const reply = element.querySelector<HTMLElement>(SEL.reply);
  if (!reply) return null;
  reply.click();
  const root = element.closest(SEL.thread) ?? element.parentElement ?? element;
  const editor = await waitFor(
    element.ownerDocument,
    () => (root.isConnected ? findComposer(element) : null) ?? focusedComposer(element),
    COMPOSER_TIMEOUT_MS,
    { attributes: true, attributeFilter: ['contenteditable'] },
  );
  if (!editor) return null;
  editor.focus();
  return composerOf(editor);
}

/** The Post button of the box holding this editor (TikTok's is a div, aria-disabled). */
function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const input = editor.closest(SEL.input);
  for (let at = input?.parentElement; at && at !== at.ownerDocument.body; at = at.parentElement) {
    const post = at.querySelector<HTMLElement>(SEL.post);
    if (post) return post;
    if (at.matches(SEL.thread)) break;
  }
  return null;
}

/** A comment in this comment's thread row whose text is `text`: the creator's reply, posted. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  const thread = element.closest(SEL.thread);
  return thread ? commentShowing(thread.querySelectorAll<HTMLElement>(SEL.comment), element, text, (c) => c.querySelector(SEL.text)) : null;
}

export const tiktok: SiteAdapter = {
  site: 'tiktok',
  pageKind,
  commentSelector: SEL.comment,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  // TikTok's composer shows no counter to read; its limit is the known one.
  replyLimit: () => SITE_REPLY_LIMITS.tiktok,
  // A comment's text or a thread row by its component name: present while no comment is found
  // means the item wrapper or the row's data-e2e changed.
  commentsMark: '[data-e2e="comment-level-1"], [class*="DivCommentListContainer"] [class*="DivCommentObjectWrapper"]',
  selectors: {
    thread: SEL.thread,
    comment: SEL.comment,
    text: SEL.text,
    username: SEL.username,
    time: SEL.time,
    replyButton: SEL.reply,
    editor: SEL.editor,
    post: SEL.post,
  },
  // TikTok fires no navigation event of its own; WXT's locationchange covers it.
  navigationEvents: [],
  conversations: tiktokConversations,
};
