/**
 * LinkedIn post comments, in both markups LinkedIn serves today (docs/sites-reference.md,
 * "LinkedIn"): "v1" (Ember, `comments-*` BEM classes, a Quill reply box) and "v2" (React
 * SSR/SDUI, `data-view-name` anchors, a TipTap/ProseMirror reply box). An account can get either,
 * and a page can switch on navigation, so the markup is told per comment element each time it
 * is read (v1 comments are `article`s, v2 ones carry `data-view-name`); `markupVersion` tells it
 * for a whole document from the body's marks. v1's Quill keeps its model apart from the DOM:
 * text goes in through Quill's own API from the page's main world (kind 'quill',
 * entrypoints/editor-api.content).
 */
import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, MAX_URL_CHARS, SITE_REPLY_LIMITS } from '../core/limits';
import { stableCommentId } from './comment-id';
import { linkedinConversations } from './linkedin-dm';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, EditorKind, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';

export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';


export type MarkupVersion = 'v1' | 'v2';

const SEL = {
  // ---- v1 (Ember; feed and post pages of accounts on the older UI) ----
  /** A comment or a reply: LinkedIn's comment URN on an article. Replies nest in their parent. */
  v1Comment: 'article[data-id^="urn:li:comment:"]',
  /** The comment's text (its BEM class; the older comments-comment-item markup used the same). */
  v1Text: ['.comments-comment-item__main-content', '.comments-comment-item-content-body'],
  /** The author's name and profile link in the comment's meta header. */
  v1Name: ['.comments-comment-meta__description-title', '.comments-post-meta__name-text'],
  v1AuthorLink: ['a.comments-comment-meta__description-container', 'a.comments-comment-meta__image-link', 'a.comments-post-meta__actor-link'],
  v1Time: 'time',
  /** The Like · Reply row (the "--cr" modifier is the current one). */
  v1Actions: ['.comments-comment-social-bar--cr', '.comments-comment-social-bar', '.comments-comment-item__social-actions'],
  v1Reply: [
    'button.comments-comment-social-bar__reply-action-button--cr',
    'button.comments-comment-social-bar__reply-action-button',
    'button[aria-label^="Reply"]',
  ],
  /** The post around the comments: `data-urn` on the feed, `data-id` on some post pages. */
  v1Post: 'div[data-urn^="urn:li:"], div[data-id^="urn:li:activity:"]',
  v1Caption: '.update-components-text, .feed-shared-update-v2__description, .feed-shared-text',
  /** The reply box: Quill's `.ql-editor` inside LinkedIn's comment text editor. */
  v1Editor: '.comments-comment-texteditor .ql-editor',
  v1Box: '.comments-comment-box, form.comments-comment-box__form',
  v1Submit: [
    'button.comments-comment-box__submit-button--cr',
    'button.comments-comment-box__submit-button',
    'form.comments-comment-box__form button[type="submit"]',
  ],
  // ---- v2 (React SSR/SDUI: body[data-rehydrated] or body > #root) ----
  /** A comment or a reply; replies nest in their parent's container. */
  v2Comment: '[data-view-name="comment-container"]',
  v2Text: ['[data-testid="expandable-text-box"]', '[data-view-name="comment-commentary"]', '[data-view-name="comment-reply-commentary"]'],
  /** Name + headline link; replies use reply-actor-*. */
  v2Actor: ['a[data-view-name="comment-actor-description"]', 'a[data-view-name="reply-actor-description"]'],
  v2Picture: ['a[data-view-name="comment-actor-picture"]', 'a[data-view-name="reply-actor-picture"]'],
  v2Reaction: '[data-view-name="comment-reaction-button"]',
  v2Reply: ['button[data-view-name="comment-reply"]', '[data-view-name="comment-reply"]'],
  /** The post: a feed list item holding feed-full-update (its caption is feed-commentary). */
  v2Post: '[role="listitem"]',
  v2Caption: '[data-view-name="feed-commentary"]',
  v2Box: '[data-view-name="comment-box"]',
  v2Editor: '[data-view-name="comment-box"] [contenteditable="true"]',
  /** No <form>: the post button sits beside the box (comment-reply-post under a comment). */
  v2Submit: ['button[data-view-name="comment-reply-post"]', 'button[data-view-name="comment-post"]'],
  /** An ancestor's tracking scope holds the comment URN (JSON whose bytes are JSON). */
  v2Scope: '[data-view-tracking-scope]',
  /** Where the URN sits plainly: "replaceableComment_<urn>". */
  v2Key: 'componentkey',
} as const;

const COMMENT = `${SEL.v1Comment}, ${SEL.v2Comment}`;
/** A comment URN in either markup: (activity:1,2) in v1, (urn:li:activity:1,2) in v2. */
const URN = /urn:li:comment:\((?:urn:li:)?(activity|ugcPost|share):(\d+),(\d+)\)/;

/**
 * Pages whose comments we read, by kind.
 *   https://www.linkedin.com/feed/update/urn:li:activity:7301000000000000001/   → 'post'
 *   https://www.linkedin.com/feed/update/urn:li:ugcPost:7301/?commentUrn=…      → 'post'
 *   https://www.linkedin.com/posts/jane_sourdough-activity-7301-Xk2p/          → 'post'
 *   https://www.linkedin.com/feed/, /feed/?highlightedUpdateUrns=…             → 'feed'
 *   https://www.linkedin.com/, /in/jane/, /messaging/, /jobs/, /feed/hashtag/x → null
 *   http://www.linkedin.com/feed/, https://linkedin.com/feed/, other origins   → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== LINKEDIN_ORIGIN) return null;
  const path = url.pathname;
  if (/^\/feed\/?$/.test(path)) return 'feed';
  if (/^\/feed\/update\/urn:li:(activity|ugcPost|share):\d+\/?$/.test(path)) return 'post';
  if (/^\/posts\/[^/]+\/?$/.test(path)) return 'post';
  return null;
}

/** The document's markup, from the marks LinkedIn's v2 app leaves on the body [L1]. */
export function markupVersion(doc: Document): MarkupVersion {
  const body = doc.body;
  if (!body) return 'v1';
  return body.hasAttribute('data-rehydrated') || body.querySelector(':scope > #root') ? 'v2' : 'v1';
}

/** A comment element's markup: v1 comments are articles; v2 ones carry data-view-name. */
function versionOf(el: Element): MarkupVersion {
  return el.localName === 'article' ? 'v1' : 'v2';
}

const commentSel = (v: MarkupVersion) => (v === 'v1' ? SEL.v1Comment : SEL.v2Comment);

/** The first match of a priority list inside `el` that belongs to `el` itself, not a nested reply. */
function own(el: HTMLElement, selectors: readonly string[], v: MarkupVersion): HTMLElement | null {
  const sel = commentSel(v);
  for (const selector of selectors) {
    // The comment's own part comes before its replies' in page order: the first match usually
    // is it, and querySelector stops there where querySelectorAll walks every nested reply.
    const first = el.querySelector<HTMLElement>(selector);
    if (!first) continue;
    if (first.closest(sel) === el) return first;
    for (const found of el.querySelectorAll<HTMLElement>(selector)) {
      if (found.closest(sel) === el) return found;
    }
  }
  return null;
}

/** The comment's text element: one query for the current anchor, the lists only as fallback. */
function textElement(el: HTMLElement, v: MarkupVersion): HTMLElement | null {
  const quick = el.querySelector<HTMLElement>(v === 'v1' ? SEL.v1Text[0] : SEL.v2Text[0]);
  if (quick && quick.closest(commentSel(v)) === el) return quick;
  return own(el, v === 'v1' ? SEL.v1Text : SEL.v2Text, v);
}

/** Any visible character: the test stops at the first one (comments run to 20,000 chars). */
const HAS_TEXT = /\S/;

/**
 * The text the comment shows, as its key (cheap: one query and the text node's contents). Only
 * compared with the last key seen on the same node, to notice a re-rendered or edited comment.
 */
function commentKey(element: HTMLElement): string | null {
  const text = textElement(element, versionOf(element))?.textContent;
  return text && HAS_TEXT.test(text) ? text : null;
}

function bodyText(el: HTMLElement | null): string {
  return el ? normaliseText(readText(el)) : '';
}

function handleFrom(href: string | null | undefined): string | undefined {
  const m = /\/in\/([^/?#]+)/.exec(href ?? '');
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

interface Who {
  author: string;
  handle?: string;
}

function readWho(el: HTMLElement, v: MarkupVersion): Who {
  if (v === 'v1') {
    const name = own(el, SEL.v1Name, v);
    const link = own(el, SEL.v1AuthorLink, v);
    return { author: clampText(bodyText(name ?? link), MAX_AUTHOR_CHARS), handle: handleFrom(link?.getAttribute('href')) };
  }
  const actor = own(el, SEL.v2Actor, v);
  // The first line of the description link is the name; the rest is the headline.
  const nameEl = actor?.firstElementChild as HTMLElement | null | undefined;
  const author = bodyText(nameEl ?? actor).split('\n')[0] ?? '';
  const link = actor ?? own(el, SEL.v2Picture, v);
  return { author: clampText(author, MAX_AUTHOR_CHARS), handle: handleFrom(link?.getAttribute('href')) };
}

/** The comment's URN: v1's data-id; v2's componentkey, else its tracking scope's bytes. */
function readUrn(el: HTMLElement, v: MarkupVersion): string | undefined {
  if (v === 'v1') return el.getAttribute('data-id') ?? undefined;
  const key = el.getAttribute(SEL.v2Key);
  if (key?.startsWith('replaceableComment_')) return key.slice('replaceableComment_'.length);
  const scope = el.closest(SEL.v2Scope)?.getAttribute('data-view-tracking-scope');
  return scope ? urnFromScope(scope) : undefined;
}

/** LinkedIn's tracking scope: a JSON list whose breadcrumbs carry JSON as a byte array. */
export function urnFromScope(scope: string): string | undefined {
  try {
    const entries = JSON.parse(scope) as { breadcrumb?: { content?: { data?: unknown } } }[];
    if (!Array.isArray(entries)) return undefined;
    for (const entry of entries) {
      const data = entry?.breadcrumb?.content?.data;
      if (!Array.isArray(data) || data.length > 100_000) continue;
      const text = String.fromCharCode(...data.filter((n): n is number => typeof n === 'number'));
      const found = URN.exec(text)?.[0];
      if (found) return found;
    }
  } catch {
    // Not JSON: no id from here.
  }
  return undefined;
}

/** The comment's own page: LinkedIn's post URL with the comment's dashCommentUrn. */
export function permalinkFor(urn: string): string | undefined {
  const m = URN.exec(urn);
  if (!m) return undefined;
  const post = `urn:li:${m[1]}:${m[2]}`;
  const url = new URL(`/feed/update/${post}/`, LINKEDIN_ORIGIN);
  url.searchParams.set('dashCommentUrn', `urn:li:fsd_comment:(${m[3]},${post})`);
  return url.href.length <= MAX_URL_CHARS ? url.href : undefined;
}

function readTitle(el: HTMLElement, v: MarkupVersion): string | undefined {
  let caption: Element | null = null;
  if (v === 'v1') {
    caption = el.closest(SEL.v1Post)?.querySelector(SEL.v1Caption) ?? null;
  } else {
    // The comments are a sibling of the update inside the post's list item.
    for (let item = el.closest(SEL.v2Post); item && !caption; item = item.parentElement?.closest(SEL.v2Post) ?? null) {
      caption = item.querySelector(SEL.v2Caption);
    }
  }
  const title = caption ? normaliseText(readText(caption)) : '';
  return title ? clampText(title, MAX_THREAD_TITLE_CHARS) : undefined;
}

function parentOf(el: HTMLElement, v: MarkupVersion): HTMLElement | null {
  return el.parentElement?.closest<HTMLElement>(commentSel(v)) ?? null;
}

function readPostedAt(el: HTMLElement, v: MarkupVersion): string | undefined {
  if (v !== 'v1') return undefined;
  const time = own(el, [SEL.v1Time], v);
  const iso = time?.getAttribute('datetime');
  if (iso && !Number.isNaN(Date.parse(iso))) return new Date(iso).toISOString();
  const shown = time ? normaliseText(readText(time)) : '';
  return shown ? clampText(shown, 200) : undefined;
}

function pageKindFromHref(href: string): string | null {
  try {
    return pageKind(new URL(href));
  } catch {
    return null;
  }
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  const v = versionOf(element);
  const text = bodyText(textElement(element, v));
  if (!text) return null;
  const { author, handle } = readWho(element, v);
  const urn = readUrn(element, v);
  const parent = parentOf(element, v);
  const parentUrn = parent ? readUrn(parent, versionOf(parent)) : undefined;
  // LinkedIn's URN is the id; without it, author + parent (+ text: the time shown is relative
  // and drifts, "3h" becomes "4h", so it stays out).
  const commentId = stableCommentId({ siteId: urn, author, text: `${parentUrn ?? ''}\u0000${text}` });
  const comment: CommentContext = {
    site: 'linkedin',
    commentId,
    author,
    text: clampText(text, MAX_COMMENT_CHARS),
    pageUrl,
    replyLimit: SITE_REPLY_LIMITS.linkedin,
  };
  if (handle) comment.handle = clampText(handle, MAX_AUTHOR_CHARS);
  const permalink = urn ? permalinkFor(urn) : undefined;
  if (permalink) comment.permalink = permalink;
  const postedAt = readPostedAt(element, v);
  if (postedAt) comment.postedAt = postedAt;
  const title = readTitle(element, v);
  if (title) comment.threadTitle = title;
  const kind = pageKindFromHref(pageUrl);
  if (kind) comment.pageKind = kind;
  if (parent) {
    const pv = versionOf(parent);
    const parentText = bodyText(textElement(parent, pv));
    if (parentText) comment.parentText = clampText(parentText, MAX_PARENT_CONTEXT_CHARS);
    const parentAuthor = readWho(parent, pv).author;
    if (parentAuthor) comment.parentAuthor = parentAuthor;
    if (parentUrn) comment.parentId = parentUrn;
  }
  return comment;
}

function buttonHost(element: HTMLElement): HTMLElement | null {
  const v = versionOf(element);
  if (v === 'v1') return own(element, SEL.v1Actions, v) ?? element;
  // v2's action row has no name of its own: the Like button's row.
  const anchor = own(element, [SEL.v2Reaction, ...SEL.v2Reply], v);
  return anchor?.parentElement && anchor.parentElement !== element ? anchor.parentElement : element;
}

/** The thread's top comment: LinkedIn has one reply box per thread, under it. */
function topOf(element: HTMLElement, v: MarkupVersion): HTMLElement {
  let top = element;
  for (let at = parentOf(element, v); at; at = parentOf(at, v)) top = at;
  return top;
}

function findEditor(element: HTMLElement, v: MarkupVersion): HTMLElement | null {
  return topOf(element, v).querySelector<HTMLElement>(v === 'v1' ? SEL.v1Editor : SEL.v2Editor);
}


const KIND: Record<MarkupVersion, EditorKind> = { v1: 'quill', v2: 'prosemirror' };

/**
 * The box's text when it is exactly the mention LinkedIn prefills (the name of the reply's
 * author), kept in front of the draft; anything else in the box is the creator's and replaced.
 */
function prefixOf(editor: HTMLElement, author: string): string | undefined {
  const shown = collapseWhitespace(readText(editor));
  return author && shown === collapseWhitespace(author) ? `${shown} ` : undefined;
}

async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const v = versionOf(element);
  const isReply = parentOf(element, v) !== null;
  let editor = findEditor(element, v);
  // A top comment's open box is its own: focus it. A reply's Reply is clicked even when its
  // thread's box is open, so LinkedIn names the reply's author in it.
  if (!editor || isReply) {
    const button = own(element, v === 'v1' ? SEL.v1Reply : SEL.v2Reply, v);
    if (button) button.click();
    else if (!editor) return null;
    editor = editor ?? (await waitFor(topOf(element, v), () => findEditor(element, v), COMPOSER_TIMEOUT_MS, { characterData: true }));
  }
  if (!editor) return null;
  editor.focus();
  return composerOf(editor, v, element);
}

function composerOf(editor: HTMLElement, v: MarkupVersion, element: HTMLElement): Composer {
  const composer: Composer = { editor, kind: KIND[v] };
  const prefix = parentOf(element, v) ? prefixOf(editor, readWho(element, v).author) : undefined;
  if (prefix) composer.prefix = prefix;
  return composer;
}

function firstIn(root: Element, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const v1Box = editor.closest(SEL.v1Box);
  if (v1Box) return firstIn(v1Box, SEL.v1Submit);
  // v2: the button is beside the comment-box, in the box's parent.
  const box = editor.closest(SEL.v2Box);
  if (!box) return null;
  return firstIn(box, SEL.v2Submit) ?? (box.parentElement ? firstIn(box.parentElement, SEL.v2Submit) : null);
}

/** A comment in this comment's thread showing `text` (after the mention it may start with). */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  const wanted = collapseWhitespace(text);
  if (!wanted) return null;
  const v = versionOf(element);
  for (const candidate of topOf(element, v).querySelectorAll<HTMLElement>(commentSel(v))) {
    if (candidate === element) continue;
    const shown = collapseWhitespace(bodyText(textElement(candidate, v)));
    if (shown === wanted || shown.endsWith(` ${wanted}`)) return candidate;
  }
  return null;
}

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  pageKind,
  commentSelector: COMMENT,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  replyLimit: () => SITE_REPLY_LIMITS.linkedin,
  // Marks of comments that do not depend on the comment selector: v1's list and comment
  // classes, v2's actor pictures. Present while no comment is found = the markup changed.
  commentsMark: `.comments-comments-list .comments-comment-entity, .comments-comment-item, ${SEL.v2Picture.join(', ')}`,
  selectors: {
    v1Comment: SEL.v1Comment,
    v1Text: SEL.v1Text.join(', '),
    v1Actions: SEL.v1Actions.join(', '),
    v1Reply: SEL.v1Reply.join(', '),
    v1Editor: SEL.v1Editor,
    v2Comment: SEL.v2Comment,
    v2Text: SEL.v2Text.join(', '),
    v2Actor: SEL.v2Actor.join(', '),
    v2Reply: SEL.v2Reply.join(', '),
    v2Editor: SEL.v2Editor,
  },
  navigationEvents: [],
  conversations: linkedinConversations,
};
