/**
 * YouTube Studio's comments pages (studio.youtube.com): the adapter the registry picks on
 * Studio's origin, for site 'youtube' (see the note on `youtube` in youtube.ts and
 * BY_ORIGIN in registry.ts). Docs: docs/sites-reference.md, "YouTube", Studio.
 *
 * Studio is a separate Polymer app with its own tags: `ytcp-comment-thread > ytcp-comment`,
 * replies `ytcp-comment[is-reply]`, a Reply button `ytcp-comment-button#reply-button`, and a
 * reply box `ytcp-commentbox[is-reply]` holding a real <textarea> inside
 * `tp-yt-iron-autogrow-textarea` (native value setter + input). The thread list is a
 * `tp-yt-iron-list`: rows are reused in place for other comments as it scrolls, so nothing is
 * keyed by node. The DOM carries no comment id: ids are a hash of author + time + video +
 * parent (an `lc=` link, where one shows, wins).
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, MAX_URL_CHARS } from '../core/limits';
import { stableCommentId } from './comment-id';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';
import { commentShowing } from './posted-reply';

export const STUDIO_ORIGIN = 'https://studio.youtube.com';
/** The tag of every Studio comment, top-level and reply. */
const STUDIO_COMMENT_TAG = 'ytcp-comment';


/*
 * Tags first: a lone `#id` query walks every element in the document carrying that id, and
 * Studio repeats its ids in every row (see the note on SEL in youtube.ts).
 */
const SEL = {
  /** A row of the iron-list: one top-level comment, its replies, and (inbox) its video. */
  thread: 'ytcp-comment-thread',
  /** Every comment, top-level and reply, scoped to threads (never a stray ytcp-comment). */
  comment: 'ytcp-comment-thread ytcp-comment',
  /** The comment's text, author (#author-text, often inside a channel link) and time. */
  text: 'yt-formatted-string#content-text, #content-text',
  author: 'yt-formatted-string#author-text, #author-text',
  time: 'yt-formatted-string#published-time-text, #published-time-text, .published-time-text',
  /** The action row: the Reply button's parent (#toolbar, ytcp-comment-action-buttons). */
  replyButton: 'ytcp-comment-button#reply-button',
  actionRow: ['ytcp-comment-action-buttons', 'div#toolbar', '#toolbar'],
  /** The reply box and its real textarea. */
  commentbox: 'ytcp-commentbox',
  editor: 'ytcp-commentbox tp-yt-iron-autogrow-textarea textarea, ytcp-commentbox textarea',
  /** Older Studio: the submit's id; 2026: no id, just a "Reply" button after the field. */
  submit: 'ytcp-comment-button#submit-button button, #submit-button button, #submit-button',
  cancel: '#cancel-button',
  /** Inbox rows name their video; a video's own comments page names it in the drawer. */
  videoTitle: 'ytcp-comment-video-thumbnail #video-title, #video-title',
  videoLink: 'a[href*="/video/"]',
  entityName: 'ytcp-navigation-drawer #entity-name, #entity-name, .entity-name',
} as const;

/**
 * Studio pages whose comments we read, by kind.
 *   https://studio.youtube.com/channel/UCx9z…/comments/inbox          → 'studio-comments'
 *   https://studio.youtube.com/channel/UCx9z…/comments                → 'studio-comments'
 *   https://studio.youtube.com/video/k3BfqS0urD0/comments             → 'studio-video-comments'
 *   https://studio.youtube.com/video/k3BfqS0urD0/comments/inbox       → 'studio-video-comments'
 *   https://studio.youtube.com/channel/UCx9z… (dashboard), /channel/UCx9z…/videos,
 *   /video/VID/edit, /channel/UCx9z…/comments/spam                    → null
 *   https://www.youtube.com/…, http://studio.youtube.com/…            → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== STUDIO_ORIGIN) return null;
  if (/^\/channel\/UC[\w-]+\/comments(?:\/inbox)?\/?$/.test(url.pathname)) return 'studio-comments';
  if (/^\/video\/[\w-]+\/comments(?:\/inbox)?\/?$/.test(url.pathname)) return 'studio-video-comments';
  return null;
}

/** The comment's own parts: first matches that are not inside an open reply box. */
function own(el: HTMLElement, selector: string): HTMLElement | null {
  const found = el.querySelectorAll<HTMLElement>(selector);
  for (let i = 0; i < found.length; i++) {
    const node = found[i]!;
    if (!insideBox(node, el)) return node;
  }
  return null;
}

function insideBox(node: Element, el: Element): boolean {
  for (let at: Element | null = node.parentElement; at && at !== el; at = at.parentElement) {
    if (at.localName === SEL.commentbox) return true;
  }
  return false;
}

const HAS_TEXT = /\S/;

/** The text the comment shows (cheap: one query), or null when it shows none. */
function commentKey(element: HTMLElement): string | null {
  const text = element.querySelector(SEL.text)?.textContent;
  return text && HAS_TEXT.test(text) ? text : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function readAuthor(el: HTMLElement): { author: string; handle?: string } {
  const node = own(el, SEL.author);
  const author = node ? normaliseText(readText(node)) : '';
  // The channel link around the name, where Studio renders one (/@handle, or /channel/UC…).
  const href = node?.closest('a[href]')?.getAttribute('href') ?? '';
  let handle = /\/@([^/?#]+)/.exec(href)?.[1];
  handle = handle ? safeDecode(handle) : /^@(\S+)$/.exec(author)?.[1];
  return { author: clampText(author, MAX_AUTHOR_CHARS), handle: handle ? clampText(handle, MAX_AUTHOR_CHARS) : undefined };
}

/** The time as shown, without the "(edited)" an edit adds: part of the fallback id. */
function readTime(el: HTMLElement): { time: string; lc?: string; permalink?: string } {
  const node = own(el, SEL.time);
  if (!node) return { time: '' };
  const time = collapseWhitespace(readText(node).replace(/\((?:edited)\)/i, ''));
  // Should Studio link the time to the comment (watch?v=…&lc=…), that id wins.
  const href = node.querySelector('a[href]')?.getAttribute('href');
  if (!href) return { time };
  try {
    const url = new URL(href, 'https://www.youtube.com/');
    const lc = url.searchParams.get('lc') ?? undefined;
    const permalink = url.protocol === 'https:' && /^(?:www|studio)\.youtube\.com$/.test(url.host) && url.href.length <= MAX_URL_CHARS ? url.href : undefined;
    return { time, lc, permalink: lc ? permalink : undefined };
  } catch {
    return { time };
  }
}

/** The video a thread belongs to: its row's video link (inbox), else the page URL's. */
function videoIdOf(thread: Element | null, pageUrl: string): string {
  const href = thread?.querySelector(SEL.videoLink)?.getAttribute('href') ?? '';
  const fromRow = /\/video\/([\w-]+)/.exec(href)?.[1];
  if (fromRow) return fromRow;
  try {
    return /^\/video\/([\w-]+)/.exec(new URL(pageUrl).pathname)?.[1] ?? '';
  } catch {
    return '';
  }
}

function readTitle(thread: Element | null, doc: Document): string | undefined {
  const node = thread?.querySelector(SEL.videoTitle) ?? doc.querySelector(SEL.entityName);
  const title = node ? normaliseText(readText(node)) : '';
  return title ? clampText(title, MAX_THREAD_TITLE_CHARS) : undefined;
}

function topLevelOf(thread: Element): HTMLElement | null {
  const comments = thread.querySelectorAll<HTMLElement>(STUDIO_COMMENT_TAG);
  for (let i = 0; i < comments.length; i++) {
    if (!comments[i]!.hasAttribute('is-reply')) return comments[i]!;
  }
  return null;
}

function isReply(el: HTMLElement): boolean {
  return el.hasAttribute('is-reply');
}

/** The id of a comment: Studio's own (lc) when shown, else a hash that survives an edit. */
function idOf(el: HTMLElement, author: string, text: string, pageUrl: string, parentId = ''): string {
  const { time, lc } = readTime(el);
  const video = videoIdOf(el.closest(SEL.thread), pageUrl);
  // Author + time + video + parent; the text only when the comment shows no time.
  return stableCommentId({ siteId: lc, author, text: time ? '' : text, time: [time, video, parentId].join('\u0001') });
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  const body = own(element, SEL.text);
  const text = body ? normaliseText(readText(body)) : '';
  if (!text) return null;
  const { author, handle } = readAuthor(element);
  const thread = element.closest(SEL.thread);
  const parent = isReply(element) && thread ? topLevelOf(thread) : null;

  const comment: CommentContext = {
    site: 'youtube',
    commentId: '',
    author,
    text: clampText(text, MAX_COMMENT_CHARS),
    pageUrl,
  };
  let parentId = '';
  if (parent && parent !== element) {
    const parentBody = own(parent, SEL.text);
    const parentText = parentBody ? normaliseText(readText(parentBody)) : '';
    const parentAuthor = readAuthor(parent).author;
    parentId = idOf(parent, parentAuthor, parentText, pageUrl);
    if (parentText) comment.parentText = clampText(parentText, MAX_PARENT_CONTEXT_CHARS);
    if (parentAuthor) comment.parentAuthor = parentAuthor;
    comment.parentId = parentId;
  }
  comment.commentId = idOf(element, author, text, pageUrl, parentId);
  const permalink = readTime(element).permalink;
  if (permalink) comment.permalink = permalink;
  if (handle) comment.handle = handle;
  const title = readTitle(thread, element.ownerDocument);
  if (title) comment.threadTitle = title;
  try {
    const kind = pageKind(new URL(pageUrl));
    if (kind) comment.pageKind = kind;
  } catch {
    // An unparseable page URL: no page kind.
  }
  return comment;
}

function buttonHost(element: HTMLElement): HTMLElement | null {
  const reply = own(element, SEL.replyButton);
  if (reply?.parentElement && element.contains(reply.parentElement) && reply.parentElement !== element) return reply.parentElement;
  for (const selector of SEL.actionRow) {
    const row = own(element, selector);
    if (row) return row;
  }
  return element;
}

/** The reply box open under this comment (Studio mounts it inside the comment), if any. */
function findComposer(element: HTMLElement): HTMLTextAreaElement | null {
  const editors = element.querySelectorAll<HTMLTextAreaElement>(SEL.editor);
  for (let i = 0; i < editors.length; i++) {
    const editor = editors[i]!;
    // Not a box under a nested comment (none today; replies sit beside the top comment).
    if (editor.closest(STUDIO_COMMENT_TAG) === element) return editor;
  }
  return null;
}


/** What Studio put in the box itself (an "@name " when replying to a reply). */
function composerOf(editor: HTMLTextAreaElement, fresh: boolean): Composer {
  const prefill = fresh ? editor.value : '';
  return /^@\S+\s$/.test(prefill) ? { editor, kind: 'textarea', prefix: prefill } : { editor, kind: 'textarea' };
}

async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const open = findComposer(element);
  if (open) {
    open.focus();
    return composerOf(open, false);
  }
  const host = own(element, SEL.replyButton);
  if (!host) return null;
  const button = host.querySelector<HTMLElement>('button') ?? host;
  button.click();
  const editor = await waitFor(element, () => findComposer(element), COMPOSER_TIMEOUT_MS);
  return editor ? composerOf(editor, true) : null;
}

/**
 * The box's submit: the older `#submit-button`, else (2026, no id) the last button after the
 * field that is not Cancel. Never clicked by Understudy; only checked for being enabled.
 */
function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const box = editor.closest(SEL.commentbox);
  if (!box) return null;
  const legacy = box.querySelector<HTMLElement>(SEL.submit);
  if (legacy) return legacy.localName === 'button' ? legacy : (legacy.querySelector('button') ?? legacy);
  let found: HTMLElement | null = null;
  for (const button of box.querySelectorAll<HTMLElement>('button, [role="button"]')) {
    const after = editor.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (after && !button.closest(SEL.cancel)) found = button;
  }
  return found;
}

/** The creator's reply in this comment's thread, once Studio shows it posted. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  const thread = element.closest(SEL.thread);
  return thread ? commentShowing(thread.querySelectorAll<HTMLElement>(STUDIO_COMMENT_TAG), element, text, (c) => own(c, SEL.text)) : null;
}

/**
 * YouTube Studio's adapter (site 'youtube'). Not in the registry's one-per-site list: the
 * registry picks it by origin on studio.youtube.com (registry.ts).
 */
export const youtubeStudio: SiteAdapter = {
  site: 'youtube',
  pageKind,
  commentSelector: SEL.comment,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  // The comments section renders its list (and filter bar) before any row arrives.
  commentsMark: 'ytcp-comment-thread, ytcp-comments-section tp-yt-iron-list',
  selectors: {
    studioThread: SEL.thread,
    studioComment: SEL.comment,
    studioText: SEL.text,
    studioReplyButton: SEL.replyButton,
    studioEditor: SEL.editor,
  },
  navigationEvents: [],
};
