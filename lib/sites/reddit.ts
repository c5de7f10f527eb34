/**
 * Reddit post pages, new and old (docs/sites-reference.md, "Reddit").
 *
 * New Reddit ("shreddit") renders comments as web components whose attributes are what Reddit's
 * own components read (thingid, author, depth, parentid, permalink, created): those are the
 * stable anchors. Each component draws into its own shadow root and shows light-DOM children
 * through named slots, so a comment's parts are its direct children with `slot="comment"` /
 * `"actionRow"` / `"commentMeta"`, and its replies are child shreddit-comment elements (nested
 * inside it, so every lookup stays among the comment's own children). Shadow roots hold only
 * drawing (vote buttons, the collapsed box's trigger textarea); nothing here reads inside one.
 * The reply box is a Lexical editor.
 *
 * Old Reddit (old.reddit.com, and www.reddit.com for accounts that kept the old layout) is
 * server-rendered `.thing.comment` markup whose data-* attributes carry the same facts; its
 * reply box is a plain textarea that old Reddit's script reads on save.
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, MAX_URL_CHARS, SITE_REPLY_LIMITS } from '../core/limits';
import { SITE_ORIGINS } from '../core/sites';
import { stableCommentId } from './comment-id';
import { clampText, normaliseText, readText } from './page-text';
import type { Composer, EditorKind, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';
import { commentShowing } from './posted-reply';

const NEW_ORIGIN = 'https://www.reddit.com';
const OLD_ORIGIN = 'https://old.reddit.com';

const SEL = {
  /** New Reddit: every comment, top-level and nested (t1_ = a comment; t3_ = a post). */
  newComment: 'shreddit-comment[thingid^="t1_"]',
  /** Old Reddit: a comment thing (not a post, not "load more comments"). */
  oldComment: '.thing.comment[data-fullname^="t1_"]',
  /** New Reddit, inside the comment's `slot="comment"` child: the rich-text body. */
  newBody: '[id$="-comment-rtjson-content"]',
  /** New Reddit, inside the `slot="actionRow"` child: the Reply button (slotted by name). */
  newReply: 'button[slot="comment-reply"], [slot="comment-reply"] button',
  /** New Reddit: the reply box the Reply button mounts (shreddit-composer's Lexical editor). */
  newEditor: 'shreddit-composer [contenteditable][name="body"], shreddit-composer [data-lexical-editor="true"]',
  /** New Reddit: the composer's submit, by slot; the live-site id as a fallback. */
  newSubmit: 'button[slot="submit-button"], button#comment-composer-submit-button, button[type="submit"]',
  /** New Reddit: the post a comment belongs to (found by its postid) carries the title. */
  post: 'shreddit-post[post-title]',
  /** Old Reddit, inside the comment's own `.entry`: body, time, action links. */
  oldBody: '.usertext-body .md',
  oldTime: '.tagline time[datetime]:not(.edited-timestamp)',
  oldReply: 'a[onclick*="reply"], .reply-button a',
  /** Old Reddit: the reply form cloned into the comment's `.child`. */
  oldEditor: 'textarea[name="text"]',
  oldSubmit: '.usertext-buttons button.save',
  /** Old Reddit: the post's title on its comments page. */
  oldTitle: '.thing.link a.title',
} as const;

/** What Reddit shows in place of a removed or deleted comment's body (no reply to draft). */
const GONE = new Set(['[deleted]', '[removed]']);
const HAS_TEXT = /\S/;

/**
 * Pages whose comments we read, by kind.
 *   https://www.reddit.com/r/Sourdough/comments/1k2x9q7/my_72hour_method/        → 'post'
 *   https://www.reddit.com/r/Sourdough/comments/1k2x9q7/                          → 'post'
 *   https://www.reddit.com/r/Sourdough/comments/1k2x9q7/comment/mqabc/            → 'post' (a comment's permalink)
 *   https://www.reddit.com/r/Sourdough/comments/1k2x9q7/slug/mqabc/               → 'post' (older permalink form)
 *   https://www.reddit.com/user/crumbandcrust/comments/1k2x9q7/slug/              → 'post' (a profile post)
 *   https://old.reddit.com/r/Sourdough/comments/1k2x9q7/slug/                     → 'old-post'
 *   https://www.reddit.com/, /r/Sourdough/, /r/Sourdough/new/, /user/bob/, /search/?q=… → null
 *   https://reddit.com/…, http://…, https://new.reddit.com/…, https://np.reddit.com/… → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== NEW_ORIGIN && url.origin !== OLD_ORIGIN) return null;
  if (!/^\/(?:(?:r|u|user)\/[^/]+\/)?comments\/[a-z0-9]+(?:\/[^/]+){0,3}\/?$/i.test(url.pathname)) return null;
  return url.origin === OLD_ORIGIN ? 'old-post' : 'post';
}

function kindOfPage(pageUrl: string): string | null {
  try {
    return pageKind(new URL(pageUrl));
  } catch {
    return null;
  }
}

function isNew(element: Element): boolean {
  return element.localName === 'shreddit-comment';
}

/** The direct child with this slot name: slotted parts are always direct children. */
function slotted(element: Element, name: string): HTMLElement | null {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (child.getAttribute('slot') === name) return child as HTMLElement;
  }
  return null;
}

/** The direct child with this class (old Reddit's .entry, .child). */
function childWithClass(element: Element, name: string): HTMLElement | null {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (child.classList.contains(name)) return child as HTMLElement;
  }
  return null;
}

/** The element holding the comment's text, new or old markup. */
function bodyOf(element: HTMLElement): HTMLElement | null {
  if (isNew(element)) {
    const slot = slotted(element, 'comment');
    return slot ? (slot.querySelector<HTMLElement>(SEL.newBody) ?? slot) : null;
  }
  return childWithClass(element, 'entry')?.querySelector<HTMLElement>(SEL.oldBody) ?? null;
}

/** Text a deleted or removed comment shows, which is nothing to reply to. */
function isGone(text: string): boolean {
  return text.length < 12 && GONE.has(text.trim());
}

/**
 * The body's text as the key (the text element's textContent: one lookup among the comment's
 * few direct children, no walk over its replies). Null for a deleted comment, which shows no
 * body on new Reddit and "[deleted]" on old Reddit.
 */
function commentKey(element: HTMLElement): string | null {
  const body = isNew(element) ? slotted(element, 'comment') : bodyOf(element);
  const text = body?.textContent;
  return text && HAS_TEXT.test(text) && !isGone(text) ? text : null;
}

function authorOf(element: HTMLElement): string {
  const name = element.getAttribute(isNew(element) ? 'author' : 'data-author') ?? '';
  return GONE.has(name) ? '' : clampText(name.trim(), MAX_AUTHOR_CHARS);
}

function idOf(element: HTMLElement): string | null {
  return element.getAttribute(isNew(element) ? 'thingid' : 'data-fullname');
}

function bodyText(element: HTMLElement): string {
  const body = bodyOf(element);
  const text = body ? normaliseText(readText(body)) : '';
  return isGone(text) ? '' : text;
}

/** The site this page runs on (new or old Reddit), for resolving relative permalinks. */
function redditOrigin(pageUrl: string): string {
  try {
    const origin = new URL(pageUrl).origin;
    return SITE_ORIGINS.reddit.includes(origin) ? origin : NEW_ORIGIN;
  } catch {
    return NEW_ORIGIN;
  }
}

/** An absolute https permalink on a Reddit origin, or undefined. */
function absolutePermalink(href: string | null, pageUrl: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, redditOrigin(pageUrl));
    if (!SITE_ORIGINS.reddit.includes(url.origin) || url.href.length > MAX_URL_CHARS) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Reddit writes times as "2026-05-11T19:00:00.000000+0000": microseconds, offset without a colon. */
function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/.exec(value.trim());
  if (!m) return undefined;
  const millis = (m[2] ?? '').slice(0, 3).padEnd(3, '0');
  const zone = !m[3] || m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  const ms = Date.parse(`${m[1]}.${millis}${zone}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function postedAtOf(element: HTMLElement): string | undefined {
  if (isNew(element)) {
    return (
      isoTime(element.getAttribute('created')) ??
      isoTime(slotted(element, 'commentMeta')?.querySelector('time[datetime]')?.getAttribute('datetime'))
    );
  }
  return isoTime(childWithClass(element, 'entry')?.querySelector(SEL.oldTime)?.getAttribute('datetime'));
}

function permalinkOf(element: HTMLElement, pageUrl: string): string | undefined {
  return absolutePermalink(element.getAttribute(isNew(element) ? 'permalink' : 'data-permalink'), pageUrl);
}

/** The comment this one answers: its parent comment element, when it is a reply. */
function parentOf(element: HTMLElement): HTMLElement | null {
  if (isNew(element)) {
    const parentId = element.getAttribute('parentid');
    if (!parentId?.startsWith('t1_')) return null;
    const up = element.parentElement?.closest<HTMLElement>(SEL.newComment) ?? null;
    if (up?.getAttribute('thingid') === parentId) return up;
    return element.ownerDocument.querySelector<HTMLElement>(`shreddit-comment[thingid="${CSS.escape(parentId)}"]`);
  }
  return element.parentElement?.closest<HTMLElement>(SEL.oldComment) ?? null;
}

function readTitle(element: HTMLElement): string | undefined {
  const doc = element.ownerDocument;
  let title = '';
  if (isNew(element)) {
    // The post's element id is its thing id, which each comment names in postid.
    const postId = element.getAttribute('postid');
    const byId = postId ? doc.getElementById(postId) : null;
    const post = byId?.localName === 'shreddit-post' ? byId : doc.querySelector(SEL.post);
    title = post?.getAttribute('post-title') ?? '';
  } else {
    const link = doc.querySelector(SEL.oldTitle);
    title = link ? readText(link) : '';
  }
  title = normaliseText(title) || normaliseText(doc.title.replace(/\s+:\s+\S+\s*$/, ''));
  return title ? clampText(title, MAX_THREAD_TITLE_CHARS) : undefined;
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  const text = bodyText(element);
  const author = authorOf(element);
  if (!text || !author) return null;
  const postedAt = postedAtOf(element);
  const parent = parentOf(element);
  const comment: CommentContext = {
    site: 'reddit',
    commentId: stableCommentId({ siteId: idOf(element), author, text, time: postedAt ?? '' }),
    author,
    handle: author,
    text: clampText(text, MAX_COMMENT_CHARS),
    pageUrl,
    replyLimit: SITE_REPLY_LIMITS.reddit,
  };
  if (postedAt) comment.postedAt = postedAt;
  const permalink = permalinkOf(element, pageUrl);
  if (permalink) comment.permalink = permalink;
  const title = readTitle(element);
  if (title) comment.threadTitle = title;
  const kind = kindOfPage(pageUrl);
  if (kind) comment.pageKind = kind;
  if (parent) {
    const parentId = idOf(parent);
    if (parentId) comment.parentId = parentId;
    const parentText = bodyText(parent);
    if (parentText) comment.parentText = clampText(parentText, MAX_PARENT_CONTEXT_CHARS);
    const parentAuthor = authorOf(parent);
    if (parentAuthor) comment.parentAuthor = parentAuthor;
  }
  return comment;
}

/**
 * New Reddit: the comment's `slot="actionRow"` child. Today that is a plain wrapper around
 * shreddit-comment-action-row, whose shadow root shows only its named slots: a button added to
 * the row itself would never be drawn, one added to the wrapper is. Old Reddit: the comment's
 * own link list (permalink, save, report, reply).
 */
function buttonHost(element: HTMLElement): HTMLElement | null {
  if (isNew(element)) return slotted(element, 'actionRow') ?? element;
  const entry = childWithClass(element, 'entry');
  if (!entry) return element;
  for (let child = entry.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'ul' && child.classList.contains('buttons')) return child as HTMLElement;
  }
  return entry;
}

function visible(el: HTMLElement): boolean {
  return !el.closest('[hidden]');
}

/** The reply box open under this comment (not one of its replies' boxes), if any. */
function findEditor(element: HTMLElement): HTMLElement | null {
  if (isNew(element)) {
    // The composer mounts in the action row; a variant may put it beside it, still a direct
    // child of the comment. Replies (child shreddit-comments) are skipped: their boxes are theirs.
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (child.localName === 'shreddit-comment') continue;
      const editor = child.querySelector<HTMLElement>(SEL.newEditor);
      if (editor && visible(editor)) return editor;
    }
    return null;
  }
  const child = childWithClass(element, 'child');
  if (!child) return null;
  for (let form = child.firstElementChild; form; form = form.nextElementSibling) {
    if (form.localName !== 'form') continue;
    const editor = form.querySelector<HTMLElement>(SEL.oldEditor);
    if (editor && visible(editor)) return editor;
  }
  return null;
}

function replyControlOf(element: HTMLElement): HTMLElement | null {
  if (isNew(element)) return slotted(element, 'actionRow')?.querySelector<HTMLElement>(SEL.newReply) ?? null;
  return buttonHost(element)?.querySelector<HTMLElement>(SEL.oldReply) ?? null;
}


function composerOf(element: HTMLElement, editor: HTMLElement): Composer {
  const kind: EditorKind = isNew(element) ? 'lexical' : 'textarea';
  return { editor, kind };
}

async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const open = findEditor(element);
  if (open) {
    open.focus();
    return composerOf(element, open);
  }
  const control = replyControlOf(element);
  if (!control) return null;
  control.click();
  const editor = await waitFor(element, () => findEditor(element), COMPOSER_TIMEOUT_MS, { attributes: true, attributeFilter: ['hidden'] });
  return editor ? composerOf(element, editor) : null;
}

function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const composer = editor.closest('shreddit-composer');
  if (composer) return composer.querySelector<HTMLElement>(SEL.newSubmit);
  return editor.closest('form')?.querySelector<HTMLElement>(SEL.oldSubmit) ?? null;
}

/** The comment's direct replies: child shreddit-comments, or things in old Reddit's .child listing. */
function repliesOf(element: HTMLElement): HTMLElement[] {
  if (isNew(element)) {
    return [...element.children].filter((c): c is HTMLElement => c.localName === 'shreddit-comment');
  }
  const child = childWithClass(element, 'child');
  const listing = child ? childWithClass(child, 'sitetable') : null;
  return listing ? [...listing.children].filter((c): c is HTMLElement => c.matches(SEL.oldComment)) : [];
}

/** A direct reply to this comment whose text is `text`: the creator's reply, posted. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  return commentShowing(repliesOf(element), element, text, bodyOf);
}

export const reddit: SiteAdapter = {
  site: 'reddit',
  pageKind,
  commentSelector: `${SEL.newComment}, ${SEL.oldComment}`,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  replyLimit: () => SITE_REPLY_LIMITS.reddit,
  // Marks that only a post with comments shows, looser than the comment selector: any
  // shreddit-comment or rich-text comment body; old Reddit's listed things and bodies. The
  // comment box and the empty tree are left out: every post shows those, even with no comments.
  commentsMark:
    'shreddit-comment, [id$="-comment-rtjson-content"], .commentarea .nestedlisting > .thing, .commentarea .nestedlisting .usertext-body',
  selectors: {
    newComment: SEL.newComment,
    oldComment: SEL.oldComment,
    newBody: SEL.newBody,
    newReply: SEL.newReply,
    newEditor: SEL.newEditor,
    oldBody: SEL.oldBody,
    oldReply: SEL.oldReply,
    oldEditor: SEL.oldEditor,
  },
  // Reddit's router uses the Navigation API, whose events don't reach window or document;
  // WXT's location-change event covers it.
  navigationEvents: [],
};
