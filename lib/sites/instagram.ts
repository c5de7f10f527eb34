/**
 * Instagram post and reel comments: the post page (/p/CODE/), the reel page (/reel/CODE/) and a
 * post opened over the feed ([role=dialog] article, URL pushed to /p/CODE/, feed behind).
 * Instagram's atomic class names change with every deploy, so nothing here anchors on a class:
 * the post is an <article>, its comment list a <ul> whose first item is the caption, each
 * comment a <div> directly under a list (h3 > a author, span[dir=auto] text,
 * a[href=/p/CODE/c/CID/] > time[datetime]), replies in a nested <ul> of their thread. The list
 * is virtualized: rows are reused in place for other comments, so comments are keyed by what
 * they show, never by node. See docs/sites-reference.md ("Instagram"), confidence low–medium.
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, SITE_REPLY_LIMITS } from '../core/limits';
import { stableCommentId } from './comment-id';
import { instagramConversations } from './instagram-dm';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';

export const INSTAGRAM_ORIGIN = 'https://www.instagram.com';

/** How long it then waits for Instagram's "@user " prefill, which lands a render later. */
const PREFILL_WAIT_MS = 300;

const SEL = {
  /** The post: the page's own article, or the one in the dialog over the feed. */
  article: 'article',
  /**
   * Every comment, top-level and reply, on the post page, the reel page and the dialog: a
   * <div> directly under a list in the post (the caption is a list item, not a div). Feed
   * posts show no comment list, so nothing in the feed behind a dialog matches.
   */
  comment: 'article ul > div',
  /** The author link, in the comment's heading; any profile link as a fallback. */
  author: 'h3 a[href]',
  authorFallback: 'a[href^="/"]:not([href*="/p/"]):not([href*="/reel/"])',
  /** The comment text (Instagram sets dir=auto on user text; the heading may hold one too). */
  text: 'span[dir="auto"]',
  /** Machine time; its parent link is the comment's permalink (/p/CODE/c/CID/[r/RID/]). */
  time: 'time[datetime]',
  /** The caption: the first item of the comment list (an h1 on post pages). */
  caption: 'ul > li h1, ul > li:first-child span[dir="auto"]',
  /** The post's comment box (React textarea); the aria-label is English, so a fallback. */
  editor: ['textarea[aria-label="Add a comment…"]', 'textarea[placeholder="Add a comment…"]', 'form textarea'],
  /** Post: a div[role=button] (or a submit button in older markup) in the box's form. */
  submit: '[role="button"], button[type="submit"]',
  /** Controls in a comment's action row: its Reply is the one reading "Reply". */
  controls: 'button, [role="button"]',
} as const;

/**
 * Pages whose comments we read, by kind.
 *   https://www.instagram.com/p/C8sDoUgh72h/                          → 'post' (page or dialog)
 *   https://www.instagram.com/p/C8sDoUgh72h/c/17900000000079190/      → 'post' (comment permalink)
 *   https://www.instagram.com/p/C8sDoUgh72h/c/179…/r/179…/            → 'post' (reply permalink)
 *   https://www.instagram.com/crumbandcrust/p/C8sDoUgh72h/            → 'post' (profile-scoped link)
 *   https://www.instagram.com/reel/C9ReElCrUmB/                       → 'reel'
 *   https://www.instagram.com/, /explore/, /reels/, /crumbandcrust/   → null (feed, grids)
 *   https://www.instagram.com/direct/inbox/, /stories/crumbandcrust/  → null (DMs: another issue)
 *   http://www.instagram.com/p/…, https://instagram.com/p/…           → null (not the app's origin)
 */
function pageKind(url: URL): string | null {
  if (url.origin !== INSTAGRAM_ORIGIN) return null;
  const match = /^\/(?:[\w.]+\/)?(p|reel)\/[\w-]+\/(?:c\/\d+\/(?:r\/\d+\/)?)?$/.exec(url.pathname);
  if (!match) return null;
  return match[1] === 'reel' ? 'reel' : 'post';
}

function pageKindFromHref(href: string): string | null {
  try {
    return pageKind(new URL(href));
  } catch {
    return null;
  }
}

/** Does `node` sit inside `boundary` (an element of the comment) — walks only that far. */
function within(node: Element, boundary: Element | null, stop: Element): boolean {
  if (!boundary) return false;
  for (let at: Element | null = node; at && at !== stop; at = at.parentElement) {
    if (at === boundary) return true;
  }
  return false;
}

/** The comment's own text: the first dir=auto span outside its heading (the author). */
function textOf(element: HTMLElement): HTMLElement | null {
  const spans = element.querySelectorAll<HTMLElement>(SEL.text);
  if (spans.length === 0) return null;
  const heading = element.querySelector('h3');
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (!within(span, heading, element)) return span;
  }
  return null;
}

/** Any visible character: the test stops at the first one (comments run to 20,000 chars). */
const HAS_TEXT = /\S/;

/**
 * What the comment shows: its text and its permalink. The list reuses row nodes for other
 * comments, and two comments may share a text ("Love this!"), so the permalink (the comment's
 * id) goes in too: a reused row always reads as changed. Two lookups, no hashing.
 */
function commentKey(element: HTMLElement): string | null {
  const text = textOf(element)?.textContent;
  if (!text || !HAS_TEXT.test(text)) return null;
  const link = element.querySelector(SEL.time)?.parentElement;
  return `${link?.getAttribute('href') ?? ''}\n${text}`;
}

interface Permalink {
  url?: string;
  /** The comment's id: the reply id for a reply, else the comment id. */
  id?: string;
  /** The id of the comment a reply answers (/c/ID/ of a /c/ID/r/RID/ link). */
  parentId?: string;
}

function readPermalink(time: Element | null, pageUrl: string): Permalink {
  const href = time?.closest('a')?.getAttribute('href');
  if (!href) return {};
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return {};
  }
  const ids = /\/c\/(\d+)\/(?:r\/(\d+)\/)?/.exec(url.pathname);
  const out: Permalink = {};
  if (ids) {
    out.id = ids[2] ?? ids[1];
    if (ids[2]) out.parentId = ids[1];
  }
  // Only a link into this site's post pages is kept (never another origin or scheme).
  if (url.protocol === 'https:' && pageKind(url)) out.url = url.href;
  return out;
}

function authorLink(element: HTMLElement): HTMLElement | null {
  return element.querySelector<HTMLElement>(SEL.author) ?? element.querySelector<HTMLElement>(SEL.authorFallback);
}

function handleOf(link: Element | null): string | undefined {
  return /^\/([\w.]+)\/?$/.exec(link?.getAttribute('href') ?? '')?.[1];
}

function readAuthor(link: HTMLElement | null): string {
  let author = link ? normaliseText(readText(link)) : '';
  if (!author) author = handleOf(link) ?? '';
  return clampText(author, MAX_AUTHOR_CHARS);
}

/** ISO time from time[datetime], when it parses. */
function isoTime(time: Element | null): string | undefined {
  const raw = time?.getAttribute('datetime');
  if (!raw) return undefined;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/**
 * The comment a reply answers: replies sit in a list inside their thread's list item
 * (thread ul > li > ul > div), and the thread's own comment is its first div.
 */
function parentOf(element: HTMLElement): HTMLElement | null {
  const item = element.parentElement?.parentElement;
  const thread = item?.localName === 'li' ? item.parentElement : null;
  if (!thread || thread.localName !== 'ul') return null;
  for (let child = thread.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'div' && child !== element) return child as HTMLElement;
  }
  return null;
}

/** The caption, else the document title ("user on Instagram: "caption""). */
function readTitle(article: Element | null, doc: Document): string | undefined {
  const caption = article?.querySelector(SEL.caption);
  let title = caption ? normaliseText(readText(caption)) : '';
  if (!title) title = /on Instagram: "([\s\S]*)"\s*$/.exec(doc.title)?.[1]?.trim() ?? '';
  return title ? clampText(title, MAX_THREAD_TITLE_CHARS) : undefined;
}

function editorIn(root: Element | null): HTMLTextAreaElement | null {
  if (!root) return null;
  for (const selector of SEL.editor) {
    const found = root.querySelector<HTMLTextAreaElement>(selector);
    if (found) return found;
  }
  return null;
}

/** The longest comment the box takes: its maxlength where set, else Instagram's 2,200. */
function replyLimit(element: HTMLElement): number {
  const max = editorIn(element.closest(SEL.article))?.maxLength ?? -1;
  return max > 0 ? max : SITE_REPLY_LIMITS.instagram;
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  const body = textOf(element);
  const text = body ? normaliseText(readText(body)) : '';
  if (!text) return null;
  const link = authorLink(element);
  const author = readAuthor(link);
  const time = element.querySelector(SEL.time);
  const postedAt = isoTime(time);
  const permalink = readPermalink(time, pageUrl);
  const parent = parentOf(element);
  const parentLink = parent ? readPermalink(parent.querySelector(SEL.time), pageUrl) : {};
  const parentId = permalink.parentId ?? parentLink.id;
  // Without Instagram's id: author + time + parent, so an edited comment keeps its id; the
  // text only when there is no time.
  const commentId = stableCommentId({
    siteId: permalink.id,
    author,
    text: postedAt ? '' : text,
    time: `${postedAt ?? ''}\u0001${parentId ?? (parent ? parent.querySelector(SEL.time)?.getAttribute('datetime') : '') ?? ''}`,
  });

  const comment: CommentContext = {
    site: 'instagram',
    commentId,
    author,
    text: clampText(text, MAX_COMMENT_CHARS),
    pageUrl,
    replyLimit: replyLimit(element),
  };
  const handle = handleOf(link);
  if (handle) comment.handle = clampText(handle, MAX_AUTHOR_CHARS);
  if (postedAt) comment.postedAt = postedAt;
  if (permalink.url) comment.permalink = permalink.url;
  const article = element.closest(SEL.article);
  const title = readTitle(article, element.ownerDocument);
  if (title) comment.threadTitle = title;
  const kind = pageKindFromHref(pageUrl);
  if (kind) comment.pageKind = kind;
  if (parent) {
    const parentBody = textOf(parent);
    const parentText = parentBody ? normaliseText(readText(parentBody)) : '';
    if (parentText) comment.parentText = clampText(parentText, MAX_PARENT_CONTEXT_CHARS);
    const parentAuthor = readAuthor(authorLink(parent));
    if (parentAuthor) comment.parentAuthor = parentAuthor;
    if (parentId) comment.parentId = parentId;
  }
  return comment;
}

/** The action row: the time's link's parent (time, likes, Reply), inside the comment. */
function buttonHost(element: HTMLElement): HTMLElement | null {
  const row = element.querySelector(SEL.time)?.parentElement?.parentElement;
  if (row && row !== element && element.contains(row)) return row as HTMLElement;
  return replyButtonOf(element)?.parentElement ?? element;
}

/** This comment's own Reply control (not one of its replies'): the control reading "Reply". */
function replyButtonOf(element: HTMLElement): HTMLElement | null {
  for (const control of element.querySelectorAll<HTMLElement>(SEL.controls)) {
    if (collapseWhitespace(control.textContent ?? '') === 'Reply') return control;
  }
  return null;
}


/** A value the site wrote itself: one @mention (a textarea's value is no DOM mutation: poll). */
const MENTION = /^@[\w.]+\s*$/;

async function prefillOf(editor: HTMLTextAreaElement): Promise<string | undefined> {
  const deadline = Date.now() + PREFILL_WAIT_MS;
  while (!MENTION.test(editor.value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  const value = editor.value;
  if (!MENTION.test(value)) return undefined;
  return value.endsWith(' ') ? value : `${value.trimEnd()} `;
}

/**
 * Instagram has one comment box per post; Reply points it at this comment (its own state,
 * invisible in the DOM) and prefills "@user ". So Reply is always clicked, even when the box is
 * open: typing an @mention alone would post a new comment, not a reply.
 */
async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const reply = replyButtonOf(element);
  const article = element.closest(SEL.article);
  if (!reply || !article) return null;
  reply.click();
  const editor = await waitFor(article, () => editorIn(article), COMPOSER_TIMEOUT_MS);
  if (!editor) return null;
  editor.focus();
  const prefix = await prefillOf(editor);
  return prefix ? { editor, kind: 'textarea', prefix } : { editor, kind: 'textarea' };
}

function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const form = editor.closest('form') ?? editor.parentElement;
  if (!form) return null;
  const candidates = [...form.querySelectorAll<HTMLElement>(SEL.submit)];
  // "Post" in English; otherwise the control without an icon label (the emoji button has one).
  return (
    candidates.find((c) => collapseWhitespace(c.textContent ?? '') === 'Post') ??
    candidates.filter((c) => !c.hasAttribute('aria-label')).pop() ??
    null
  );
}

/** A comment in this comment's thread whose text is `text`: the creator's reply, posted. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  const wanted = collapseWhitespace(text);
  if (!wanted) return null;
  const thread = parentOf(element)?.parentElement ?? element.parentElement;
  if (!thread) return null;
  for (const candidate of thread.querySelectorAll<HTMLElement>('ul > div')) {
    if (candidate === element) continue;
    const body = textOf(candidate);
    // The posted reply starts with the @mention Instagram prefilled.
    const shown = body ? collapseWhitespace(readText(body)) : '';
    if (shown === wanted || shown.replace(/^@[\w.]+\s*/, '') === wanted.replace(/^@[\w.]+\s*/, '')) return candidate;
  }
  return null;
}

export const instagram: SiteAdapter = {
  site: 'instagram',
  pageKind,
  commentSelector: SEL.comment,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  replyLimit,
  // Comment permalinks, and comment authors' headings in a post's nested lists: both show only
  // when the post has comments, whatever shape the comment element itself takes.
  commentsMark: 'article a[href*="/c/"] > time, article ul ul h3',
  selectors: {
    article: SEL.article,
    comment: SEL.comment,
    author: SEL.author,
    text: SEL.text,
    time: SEL.time,
    caption: SEL.caption,
    editor: SEL.editor.join(', '),
    submit: SEL.submit,
  },
  // Instagram fires no navigation event; the content script watches the URL (wxt:locationchange).
  navigationEvents: [],
  conversations: instagramConversations,
};
