/**
 * X (x.com): replies on a status page, and the reply modal they open.
 * Selectors anchor on X's data-testid attributes (docs/sites-reference.md, "X / Twitter"); its
 * class names are generated per build and are used only beside a testid (the thread line).
 *
 * - A status page shows the focal post (the page's post, `tabindex="-1"`), then the replies in
 *   a virtualized list of cellInnerDiv rows whose nodes are reused for other posts as the page
 *   scrolls. The focal post is the context of every reply (threadTitle), not a comment: the
 *   inline box under it answers the post itself, which is the creator's own post in the case
 *   Understudy serves.
 * - A reply's Reply button opens the reply modal ([role="dialog"], Draft.js, `tweetButton`) and
 *   X pushes /compose/post while the status page stays rendered under it. The modal is how
 *   replies are answered, not a page of its own: pageKind('/compose/post') is null, and a post
 *   shown in the modal (when the creator opened it with X's own Reply) is a comment like the
 *   ones under it, whose box is the modal's.
 * - X puts nothing in the box when replying to a reply ("Replying to @bob" is a line above the
 *   editor), so there is no prefix to keep.
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, SITE_REPLY_LIMITS } from '../core/limits';
import { stableCommentId } from './comment-id';
import { clampText, normaliseText, readText } from './page-text';
import type { Composer, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';
import { commentShowing } from './posted-reply';
import { xConversations } from './x-dm';

export const X_ORIGIN = 'https://x.com';


const SEL = {
  /** Any post, in every timeline, on status pages and in the reply modal. */
  tweet: 'article[data-testid="tweet"]',
  /**
   * Every post we offer a Draft reply on: all but a status page's focal post, which X renders
   * focusable only by script (tabindex="-1"; list posts have tabindex="0").
   */
  comment: 'article[data-testid="tweet"]:not([tabindex="-1"])',
  /** The focal post of a status page: the post the replies answer. */
  focal: 'article[data-testid="tweet"][tabindex="-1"]',
  /** The post's text; a quoted post inside it has its own, inside a [role="link"] card. */
  text: '[data-testid="tweetText"]',
  /** Display name link, then @handle link, then (in lists) the time link. */
  userName: '[data-testid="User-Name"]',
  /** The time, whose parent link is the post's permalink /HANDLE/status/ID. */
  time: 'time[datetime]',
  statusLink: 'a[href*="/status/"]',
  /** The reply, repost, like, views, share row: where the Draft reply button goes. */
  replyButton: '[data-testid="reply"]',
  actionBar: '[role="group"]',
  /** A row of X's virtualized timelines. */
  cell: '[data-testid="cellInnerDiv"]',
  /**
   * The line X draws below a post's avatar when the next row is a reply to it. Only a generated
   * class names it (r-m5arl1, its colour), so it counts only beside the avatar's testid.
   */
  threadLine: '[data-testid="Tweet-User-Avatar"] ~ .r-m5arl1',
  dialog: '[role="dialog"]',
  /** The Draft.js editor, inline and in the modal (unconfirmed: _1, _2… for threads being written). */
  editor: [
    '[data-testid="tweetTextarea_0"][contenteditable="true"]',
    '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    '.DraftEditor-root [contenteditable="true"]',
  ],
  /** Submit: `tweetButton` in the modal, `tweetButtonInline` under the focal post. */
  submit: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
} as const;

/** /HANDLE/status/ID (handles are 1–15 word characters; X's own pages use longer names). */
const STATUS_PATH = /^\/(\w{1,20})\/status\/(\d{1,25})(?:\/(?:photo|video)\/\d)?\/?$/;
/** /i/web/status/ID: the same status page, reached without the author's handle. */
const WEB_STATUS_PATH = /^\/i\/web\/status\/(\d{1,25})\/?$/;

/**
 * Pages whose comments we read, by kind.
 *   https://x.com/crumbandcrust/status/1790000000000000001           → 'status'
 *   https://x.com/crumbandcrust/status/1790000000000000001?s=20      → 'status'
 *   https://x.com/crumbandcrust/status/1790000000000000001/photo/1   → 'status' (media over the replies)
 *   https://x.com/i/web/status/1790000000000000001                   → 'status'
 *   https://x.com/home, /explore, /crumbandcrust, /i/chat            → null
 *   https://x.com/compose/post                                       → null (the reply modal over the page it opened from)
 *   https://x.com/crumbandcrust/status/1790000000000000001/analytics → null (no replies)
 *   https://twitter.com/…, http://x.com/…, https://x.com.evil.test/… → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== X_ORIGIN) return null;
  return STATUS_PATH.test(url.pathname) || WEB_STATUS_PATH.test(url.pathname) ? 'status' : null;
}

function pageKindFromHref(href: string): string | null {
  try {
    return pageKind(new URL(href));
  } catch {
    return null;
  }
}

/**
 * Is `node` inside a quoted post's card of `article` (rather than the post's own part)? The
 * card is a div[role="link"]; X's real links carry role="link" too, and don't count.
 */
function inQuote(node: Element, article: Element): boolean {
  for (let at = node.parentElement; at && at !== article; at = at.parentElement) {
    if (at.localName !== 'a' && at.getAttribute('role') === 'link') return true;
  }
  return false;
}

/** The post's own element for `selector`, not its quoted post's. */
function own(article: Element, selector: string): HTMLElement | null {
  const first = article.querySelector<HTMLElement>(selector);
  if (!first || !inQuote(first, article)) return first;
  for (const found of article.querySelectorAll<HTMLElement>(selector)) {
    if (!inQuote(found, article)) return found;
  }
  return null;
}

/** Any visible character: the test stops at the first one (posts run to 20,000 chars here). */
const HAS_TEXT = /\S/;

/**
 * The text the post shows and the link of its time, as its key: a row X reuses for another
 * post changes both. Runs for every row as the list scrolls.
 */
function commentKey(element: HTMLElement): string | null {
  const text = own(element, SEL.text)?.textContent;
  if (!text || !HAS_TEXT.test(text)) return null;
  const link = element.querySelector(SEL.time)?.parentElement?.getAttribute('href') ?? '';
  return `${link}\n${text}`;
}

interface Permalink {
  url: string;
  id: string;
  handle: string;
}

/** A link to /HANDLE/status/ID on X itself, made absolute; null for anything else. */
function statusLink(href: string | null | undefined): Permalink | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, X_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== X_ORIGIN) return null;
  const match = /^\/(\w{1,20})\/status\/(\d{1,25})\/?$/.exec(url.pathname);
  if (!match) return null;
  return { url: `${X_ORIGIN}/${match[1]}/status/${match[2]}`, handle: match[1]!, id: match[2]! };
}

/** The post's permalink: its time's link, else its own first plain status link. */
function permalinkOf(article: Element): Permalink | null {
  const time = own(article, SEL.time);
  const viaTime = statusLink(time?.closest('a[href]')?.getAttribute('href'));
  if (viaTime) return viaTime;
  for (const link of article.querySelectorAll(SEL.statusLink)) {
    if (inQuote(link, article)) continue;
    const found = statusLink(link.getAttribute('href'));
    if (found) return found;
  }
  return null;
}

function statusIdOfUrl(pageUrl: string): string | null {
  try {
    const path = new URL(pageUrl).pathname;
    return STATUS_PATH.exec(path)?.[2] ?? WEB_STATUS_PATH.exec(path)?.[1] ?? null;
  } catch {
    return null;
  }
}

interface Who {
  author: string;
  handle?: string;
}

/** Display name and handle from User-Name: its first link is /handle with the name in it. */
function readWho(article: Element): Who {
  const box = own(article, SEL.userName);
  let author = '';
  let handle: string | undefined;
  for (const link of box?.querySelectorAll('a[href]') ?? []) {
    const path = /^\/(\w{1,15})\/?$/.exec(link.getAttribute('href') ?? '');
    if (!path) continue;
    handle ??= path[1];
    const shown = normaliseText(readText(link));
    if (!author && shown && shown !== `@${path[1]}`) author = shown;
  }
  if (!author && handle) author = `@${handle}`;
  return { author: clampText(author, MAX_AUTHOR_CHARS), handle: handle && clampText(handle, MAX_AUTHOR_CHARS) };
}

function textOf(article: Element): string {
  const body = own(article, SEL.text);
  return body ? normaliseText(readText(body)) : '';
}

/** An ISO time from the post's own time[datetime], when it is one. */
function postedAtOf(article: Element): string | undefined {
  const value = own(article, SEL.time)?.getAttribute('datetime');
  if (!value || Number.isNaN(Date.parse(value))) return undefined;
  return new Date(value).toISOString();
}

function tweetOf(cell: Element | null): HTMLElement | null {
  return cell?.querySelector<HTMLElement>(SEL.tweet) ?? null;
}

/**
 * The post this one answers, as the page shows it: the post in the row above when X joins the
 * two with its thread line, else the focal post for a reply below it. The same post shown in
 * the reply modal answers what it answers in the list.
 */
function parentOf(element: HTMLElement, focal: HTMLElement | null): HTMLElement | null {
  let at: HTMLElement = element;
  if (element.closest(SEL.dialog)) {
    const id = permalinkOf(element)?.id;
    const twin = id ? findTweet(element.ownerDocument, id, element) : null;
    if (!twin) return focal && focal !== element ? focal : null;
    at = twin;
  }
  const cell = at.closest(SEL.cell);
  const above = tweetOf(cell?.previousElementSibling ?? null);
  if (above && !above.closest('[hidden]') && above.querySelector(SEL.threadLine)) return above;
  if (!focal || focal === at) return null;
  // Ancestors render above the focal post: they answer nothing shown below them.
  return focal.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING ? focal : null;
}

/** A post with this status id outside the reply modal (the list under it), other than `not`. */
function findTweet(doc: Document, id: string, not: Element): HTMLElement | null {
  for (const time of doc.querySelectorAll(`${SEL.tweet} ${SEL.statusLink} ${SEL.time}`)) {
    const article = time.closest<HTMLElement>(SEL.tweet);
    if (!article || article === not || article.closest(SEL.dialog)) continue;
    if (statusLink(time.closest('a[href]')?.getAttribute('href'))?.id === id) return article;
  }
  return null;
}

function focalOf(doc: Document, pageUrl: string): HTMLElement | null {
  const marked = doc.querySelector<HTMLElement>(SEL.focal);
  if (marked && !marked.closest(SEL.dialog)) return marked;
  // Without the tabindex mark: the post whose permalink is the page's own.
  const id = statusIdOfUrl(pageUrl);
  if (!id) return null;
  for (const article of doc.querySelectorAll<HTMLElement>(SEL.tweet)) {
    if (!article.closest(SEL.dialog) && permalinkOf(article)?.id === id) return article;
  }
  return null;
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  const text = textOf(element);
  if (!text) return null;
  const { author, handle } = readWho(element);
  const permalink = permalinkOf(element);
  const postedAt = postedAtOf(element);
  const focal = focalOf(element.ownerDocument, pageUrl);
  const parent = parentOf(element, focal);
  const parentLink = parent ? permalinkOf(parent) : null;

  const comment: CommentContext = {
    site: 'x',
    // X's status id; without one, author + time + parent (text only when there is no time,
    // so an edited post keeps its id).
    commentId: stableCommentId({
      siteId: permalink?.id,
      author: handle ?? author,
      text: postedAt ? '' : text,
      time: postedAt ? `${postedAt}\u0000${parentLink?.id ?? ''}` : (parentLink?.id ?? ''),
    }),
    author,
    text: clampText(text, MAX_COMMENT_CHARS),
    pageUrl,
    replyLimit: SITE_REPLY_LIMITS.x,
  };
  if (handle) comment.handle = handle;
  if (postedAt) comment.postedAt = postedAt;
  if (permalink) comment.permalink = permalink.url;
  const kind = pageKindFromHref(pageUrl);
  if (kind) comment.pageKind = kind;
  if (focal && focal !== element) {
    const title = textOf(focal);
    if (title) comment.threadTitle = clampText(title, MAX_THREAD_TITLE_CHARS);
  }
  if (parent) {
    const parentText = textOf(parent);
    if (parentText) comment.parentText = clampText(parentText, MAX_PARENT_CONTEXT_CHARS);
    const parentAuthor = readWho(parent).author;
    if (parentAuthor) comment.parentAuthor = parentAuthor;
    if (parentLink) comment.parentId = parentLink.id;
  }
  return comment;
}

function buttonHost(element: HTMLElement): HTMLElement | null {
  const reply = own(element, SEL.replyButton);
  const bar = reply?.closest<HTMLElement>(SEL.actionBar);
  if (bar && element.contains(bar)) return bar;
  return own(element, SEL.actionBar) ?? element;
}

function editorIn(root: Element): HTMLElement | null {
  for (const selector of SEL.editor) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/** The open reply modal for the post with this id (any open one when X shows no id in it). */
function dialogFor(doc: Document, id: string | undefined, before: ReadonlySet<Element>): HTMLElement | null {
  let fresh: HTMLElement | null = null;
  for (const dialog of doc.querySelectorAll<HTMLElement>(SEL.dialog)) {
    if (!editorIn(dialog)) continue;
    const shown = dialog.querySelector(SEL.tweet);
    const shownId = shown ? permalinkOf(shown)?.id : undefined;
    if (id && shownId === id) return dialog;
    if (!shownId && !before.has(dialog)) fresh ??= dialog;
  }
  return fresh;
}


function composerOf(editor: HTMLElement): Composer {
  // No prefix: X shows "Replying to @bob" above the editor and leaves the box empty.
  return { editor, kind: 'draftjs' };
}

async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const doc = element.ownerDocument;
  const id = permalinkOf(element)?.id;
  // Already open: the modal this post is shown in, or the modal replying to it.
  const open = element.closest<HTMLElement>(SEL.dialog) ?? (id ? dialogFor(doc, id, new Set(doc.querySelectorAll(SEL.dialog))) : null);
  const openEditor = open ? editorIn(open) : null;
  if (openEditor) {
    openEditor.focus();
    return composerOf(openEditor);
  }
  const button = own(element, SEL.replyButton);
  if (!button) return null;
  const before = new Set(doc.querySelectorAll(SEL.dialog));
  button.click();
  const editor = await waitFor(
    doc.body ?? doc.documentElement,
    () => {
      const dialog = dialogFor(doc, id, before);
      return dialog ? editorIn(dialog) : null;
    },
    COMPOSER_TIMEOUT_MS,
  );
  return editor ? composerOf(editor) : null;
}

function submitButtonFor({ editor }: Composer): HTMLElement | null {
  // The nearest box around the editor that holds a submit: the modal's, or the inline one's.
  for (let at = editor.parentElement; at; at = at.parentElement) {
    const submit = at.querySelector<HTMLElement>(SEL.submit);
    if (submit) return submit;
    if (at.matches(SEL.dialog)) return null;
  }
  return null;
}

/** A post other than this one, outside the modal, whose text is `text`: the creator's reply. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  // The modal's copy of a post is not where a posted reply shows.
  const shownIn = (article: HTMLElement) => (article.closest(SEL.dialog) ? null : own(article, SEL.text));
  return commentShowing(element.ownerDocument.querySelectorAll<HTMLElement>(SEL.tweet), element, text, shownIn);
}

/** The reply modal's route opens over the status page without leaving it. */
function isOverlay(url: URL): boolean {
  return /^\/compose\/(post|tweet)\/?$/.test(url.pathname);
}

export const x: SiteAdapter = {
  site: 'x',
  pageKind,
  isOverlay,
  commentSelector: SEL.comment,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  replyLimit: () => SITE_REPLY_LIMITS.x,
  // A post's name block outside the focal post: replies are shown, whatever became of
  // article[data-testid="tweet"].
  commentsMark: 'article:not([tabindex="-1"]) [data-testid="User-Name"]',
  selectors: {
    comment: SEL.comment,
    focal: SEL.focal,
    text: SEL.text,
    userName: SEL.userName,
    time: SEL.time,
    replyButton: SEL.replyButton,
    cell: SEL.cell,
    dialog: SEL.dialog,
    editor: SEL.editor.join(', '),
    submit: SEL.submit,
  },
  // X fires no navigation event: WXT's location watch rescans.
  navigationEvents: [],
  conversations: xConversations,
};
