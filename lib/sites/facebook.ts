/**
 * Facebook post comments: permalink posts, group posts, and the post dialog opened over the
 * feed (docs/sites-reference.md, "Facebook"). Facebook's class names are generated and change
 * with every release, and every label is localized ("Comment by …", "Comentario de …", "留言
 * by …"), so nothing here reads a label's words to find a comment: a comment is an element with
 * role=article carrying an aria-label (feed posts are labelled by reference instead), its id is
 * the `comment_id` / `reply_comment_id` query of its own links, and its parts are told apart by
 * structure (the author's `span[dir="auto"]` inside a link, the text in `div[dir="auto"]`, the
 * action row `ul`). Replies are either nested inside their parent's article or follow it in a
 * list; both are read, and a parent never reads its nested replies as its own.
 *
 * The reply box is Lexical. Enter posts a comment on Facebook, so nothing here ever sends a key;
 * the box's send arrow (`#focused-state-composer-submit`, aria-disabled while empty) is what
 * insertion verification watches when Facebook shows it.
 */

import type { CommentContext } from '../core/draft';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_PARENT_CONTEXT_CHARS, MAX_THREAD_TITLE_CHARS, MAX_URL_CHARS, SITE_REPLY_LIMITS } from '../core/limits';
import { stableCommentId } from './comment-id';
import { facebookConversations } from './facebook-dm';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, SiteAdapter } from './types';
import { COMPOSER_TIMEOUT_MS, waitFor } from './wait-for';

export const FACEBOOK_ORIGIN = 'https://www.facebook.com';

/** How far up from a reply to look for the article its list follows (sibling placement). */
const PARENT_SEARCH_LEVELS = 6;
/** How many elements after a top-level comment may hold its replies list. */
const FOLLOWERS = 4;

const SEL = {
  /**
   * Every comment and reply, in every page variant (permalink, group post, post dialog, under
   * feed posts): an article with an aria-label, whatever its words. Feed posts are articles too,
   * but labelled by reference (aria-labelledby) and numbered (aria-posinset).
   */
  comment: 'div[role="article"][aria-label]:not([aria-posinset])',
  /** Any article: a comment's own parts are those whose nearest article is the comment. */
  article: '[role="article"]',
  /** The comment's text: paragraphs of `div[dir="auto"]` under one `div[dir="auto"]`. */
  text: 'div[dir="auto"]',
  /** The author's name: `span[dir="auto"]` in the profile link (the avatar link is aria-hidden). */
  authorName: 'a[role="link"]:not([aria-hidden="true"]) span[dir="auto"], a:not([aria-hidden="true"]) span[dir="auto"]',
  /** Links carrying the comment's id: the timestamp (a post permalink) and the profile links. */
  idLink: 'a[href*="comment_id="]',
  /** The action row (timestamp, Like, Reply): where the Draft reply button goes. */
  actionRow: 'ul',
  /** Controls in the action row; Reply is found by its label, else by its place after Like. */
  control: '[role="button"]:not(understudy-draft-button), button',
  /** The reply box: Lexical's contenteditable (data-lexical-editor), role=textbox. */
  editor: '[contenteditable="true"][role="textbox"]',
  /** The send arrow beside a comment box; Facebook repeats the id in every open box. */
  submit: '[id="focused-state-composer-submit"] [role="button"], [id="focused-state-composer-submit"] button',
  /** The post's text, for context: the permalink page's, the dialog's or the feed post's. */
  postText: '[data-ad-comet-preview="message"], [data-ad-rendering-role="story_message"], [data-ad-preview="message"]',
  /** Where a comment's post lives: the dialog over the feed, a feed post, the page's main column. */
  dialog: '[role="dialog"]',
  feedPost: '[aria-posinset]',
  main: '[role="main"]',
} as const;

/**
 * The Reply control's label in Facebook's most used languages; when none matches, the control
 * after Like (the second in the row) is taken, the order Facebook keeps in every language.
 */
const REPLY_LABELS = new Set([
  'reply', 'responder', 'répondre', 'antworten', 'rispondi', 'odpowiedz', 'beantwoorden', 'yanıtla', 'ответить',
  'balas', 'trả lời', 'svara', 'svar', 'vastaa', 'odpovědět', 'válasz', 'răspunde', 'απάντηση', 'відповісти',
  'ตอบกลับ', 'tumugon', 'jibu', '回覆', '回复', '返信', '답글 달기', 'उत्तर दें', 'رد',
]);

/**
 * Pages whose comments we read, by kind.
 *   https://www.facebook.com/crumbandcrustkitchen/posts/pfbid02Kq7…         → 'post'
 *   https://www.facebook.com/crumbandcrustkitchen/posts/1092837465019283    → 'post'
 *   https://www.facebook.com/permalink.php?story_fbid=pfbid0…&id=1000…      → 'post'
 *   https://www.facebook.com/story.php?story_fbid=123&id=456                → 'post'
 *   https://www.facebook.com/groups/masamadreclub/posts/2039485761          → 'group-post'
 *   https://www.facebook.com/groups/123456/permalink/2039485761/            → 'group-post'
 *   https://www.facebook.com/groups/masamadreclub/?multi_permalinks=2039…   → 'group-post'
 *   https://www.facebook.com/, /?sk=h_chr, /groups/masamadreclub            → 'feed' (post
 *     dialogs open over the feed without changing the URL; comments show under feed posts)
 *   /crumbandcrustkitchen (a profile), /groups/feed/, /messages/t/1, /watch/?v=1, /reel/1,
 *   /photo/?fbid=1, /search/top?q=bread, /permalink.php (no story_fbid)     → null
 *   https://m.facebook.com/…, https://web.facebook.com/…, http://www.facebook.com/… → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== FACEBOOK_ORIGIN) return null;
  const path = url.pathname;
  const group = /^\/groups\/([^/]+)(\/.*)?$/.exec(path);
  if (group) {
    const [, id, rest = ''] = group;
    if (id === 'feed' || id === 'discover' || id === 'joins') return null;
    if (/^\/(posts|permalink)\/[\w.-]+\/?$/.test(rest)) return 'group-post';
    if (rest === '' || rest === '/') return url.searchParams.has('multi_permalinks') ? 'group-post' : 'feed';
    return null;
  }
  if (path === '/permalink.php' || path === '/story.php') return url.searchParams.get('story_fbid') ? 'post' : null;
  if (/^\/[\w.-]+\/posts\/[\w.-]+\/?$/.test(path)) return 'post';
  if (path === '/' || path === '/home.php') return 'feed';
  return null;
}

function pageKindFromHref(href: string): string | null {
  try {
    return pageKind(new URL(href));
  } catch {
    return null;
  }
}

/** Is `node` one of `comment`'s own parts (not a nested reply's)? */
function isOwn(node: Element, comment: Element): boolean {
  return node.closest(SEL.article) === comment;
}

/** The first element matching `selector` that belongs to `comment` itself. */
function ownFirst(comment: HTMLElement, selector: string): HTMLElement | null {
  const first = comment.querySelector<HTMLElement>(selector);
  if (!first || isOwn(first, comment)) return first;
  const all = comment.querySelectorAll<HTMLElement>(selector);
  for (let i = 1; i < all.length; i++) if (isOwn(all[i]!, comment)) return all[i]!;
  return null;
}

function ownAll(comment: HTMLElement, selector: string): HTMLElement[] {
  return [...comment.querySelectorAll<HTMLElement>(selector)].filter((node) => isOwn(node, comment));
}

/** Any visible character: the test stops at the first one (comments run to 20,000 chars). */
const HAS_TEXT = /\S/;

/**
 * The text the comment shows, as its key: only compared with the last key seen on the same
 * node, to notice a node re-used for another comment. A comment with no text of its own
 * (deleted, a sticker) has none, and gets no button.
 */
function commentKey(element: HTMLElement): string | null {
  const text = ownFirst(element, SEL.text)?.textContent;
  return text && HAS_TEXT.test(text) ? text : null;
}

interface Ids {
  /** This comment's id: reply_comment_id for a reply, else comment_id. */
  id?: string;
  /** For a reply: its parent's comment_id. */
  parentId?: string;
  /** The timestamp link, absolute, when it points at a post page of this site. */
  permalink?: string;
}

function parseHref(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function readIds(element: HTMLElement, pageUrl: string): Ids {
  const ids: Ids = {};
  let commentId: string | undefined;
  for (const link of ownAll(element, SEL.idLink)) {
    const url = parseHref(link.getAttribute('href') ?? '', pageUrl);
    if (!url) continue;
    const comment = url.searchParams.get('comment_id') || undefined;
    const reply = url.searchParams.get('reply_comment_id') || undefined;
    // A reply's links name it by reply_comment_id and its parent by comment_id.
    if (reply && !ids.id) {
      ids.id = reply;
      ids.parentId = comment;
    }
    commentId ??= comment;
    if (!ids.permalink && url.origin === FACEBOOK_ORIGIN && isPostPage(url)) {
      // Facebook's tracking parameters (__cft__, __tn__) say nothing about the comment.
      for (const key of [...url.searchParams.keys()]) if (key.startsWith('__')) url.searchParams.delete(key);
      if (url.href.length <= MAX_URL_CHARS) ids.permalink = url.href;
    }
  }
  ids.id ??= commentId;
  return ids;
}

function isPostPage(url: URL): boolean {
  const kind = pageKind(url);
  return kind === 'post' || kind === 'group-post';
}

function readAuthor(element: HTMLElement): { author: string; handle?: string } {
  const name = ownFirst(element, SEL.authorName);
  const author = name ? clampText(normaliseText(readText(name)), MAX_AUTHOR_CHARS) : '';
  const href = name?.closest('a')?.getAttribute('href');
  const url = href ? parseHref(href, FACEBOOK_ORIGIN) : null;
  // Vanity profile URLs (/jane.doe) name the person; profile.php?id=…, /groups/…/user/… and
  // /people/… carry only numbers or the display name.
  const vanity = url?.origin === FACEBOOK_ORIGIN ? /^\/([\w.-]+)\/?$/.exec(url.pathname)?.[1] : undefined;
  const handle = vanity && !/\.php$/.test(vanity) ? clampText(vanity, MAX_AUTHOR_CHARS) : undefined;
  return handle ? { author, handle } : { author };
}

function bodyText(element: HTMLElement): string {
  const body = ownFirst(element, SEL.text);
  return body ? normaliseText(readText(body)) : '';
}

/** Is this a reply? Its own links carry reply_comment_id (any language, any placement). */
function isReply(element: HTMLElement): boolean {
  return ownAll(element, SEL.idLink).some((link) => /[?&]reply_comment_id=/.test(link.getAttribute('href') ?? ''));
}

function idOf(element: HTMLElement): string | undefined {
  return readIds(element, FACEBOOK_ORIGIN).id;
}

/**
 * The comment a reply answers: the article it is nested in, else the article its replies list
 * follows, else (markup moved) the comment whose id the reply's link names.
 */
function parentOf(reply: HTMLElement, parentId: string | undefined): HTMLElement | null {
  const outer = reply.parentElement?.closest<HTMLElement>(SEL.comment);
  if (outer) return outer;
  let at: Element | null = reply;
  for (let level = 0; at && level < PARENT_SEARCH_LEVELS; level++, at = at.parentElement) {
    for (let prev = at.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const candidate = prev.matches(SEL.comment) ? (prev as HTMLElement) : null;
      if (candidate && (!parentId || idOf(candidate) === parentId)) return candidate;
    }
  }
  if (!parentId) return null;
  const scope = reply.closest(SEL.dialog) ?? reply.ownerDocument;
  for (const candidate of scope.querySelectorAll<HTMLElement>(SEL.comment)) {
    if (candidate !== reply && !isReply(candidate) && idOf(candidate) === parentId) return candidate;
  }
  return null;
}

/** The post the comment is under: the dialog's, the feed post's, or the page's. */
function readTitle(element: HTMLElement): string | undefined {
  const scope = element.closest(SEL.dialog) ?? element.closest(SEL.feedPost) ?? element.closest(SEL.main) ?? element.ownerDocument;
  for (const node of scope.querySelectorAll(SEL.postText)) {
    if (node.closest(SEL.comment)) continue;
    const text = normaliseText(readText(node));
    if (text) return clampText(text, MAX_THREAD_TITLE_CHARS);
  }
  return undefined;
}

function readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
  const text = bodyText(element);
  if (!text) return null;
  const { author, handle } = readAuthor(element);
  const ids = readIds(element, pageUrl);
  const reply = ids.parentId !== undefined;
  // Facebook shows no machine time ("2d" drifts), so the fallback hashes author, text and parent.
  const commentId = stableCommentId({ siteId: ids.id, author, text, time: ids.parentId ?? '' });
  const comment: CommentContext = {
    site: 'facebook',
    commentId,
    author,
    text: clampText(text, MAX_COMMENT_CHARS),
    pageUrl,
    replyLimit: SITE_REPLY_LIMITS.facebook,
  };
  if (handle) comment.handle = handle;
  if (ids.permalink) comment.permalink = ids.permalink;
  const title = readTitle(element);
  if (title) comment.threadTitle = title;
  const kind = pageKindFromHref(pageUrl);
  if (kind) comment.pageKind = kind;
  const parent = reply || element.parentElement?.closest(SEL.comment) ? parentOf(element, ids.parentId) : null;
  if (parent) {
    const parentText = bodyText(parent);
    if (parentText) comment.parentText = clampText(parentText, MAX_PARENT_CONTEXT_CHARS);
    const parentAuthor = readAuthor(parent).author;
    if (parentAuthor) comment.parentAuthor = parentAuthor;
  }
  const parentId = ids.parentId ?? (parent ? idOf(parent) : undefined);
  if (parentId) comment.parentId = parentId;
  return comment;
}

/**
 * The action row follows the text's bubble: climbing a few levels from the text finds it
 * without walking the text's paragraphs (a 20,000-character comment has many), which a query
 * for `ul` from the comment would. Runs for every comment on the page.
 */
function quickActionRow(element: HTMLElement): HTMLElement | null {
  let at: Element | null = ownFirst(element, SEL.text);
  for (let level = 0; at && at !== element && level < 4; level++, at = at.parentElement) {
    const next = at.nextElementSibling;
    if (next?.localName === 'ul') return next as HTMLElement;
  }
  return null;
}

function buttonHost(element: HTMLElement): HTMLElement | null {
  return quickActionRow(element) ?? ownFirst(element, SEL.actionRow) ?? replyButtonOf(element)?.parentElement ?? element;
}

function labelOf(control: Element): string {
  return collapseWhitespace(control.getAttribute('aria-label') || control.textContent || '').toLowerCase();
}

function replyButtonOf(element: HTMLElement): HTMLElement | null {
  const row = ownFirst(element, SEL.actionRow) ?? element;
  const controls = [...row.querySelectorAll<HTMLElement>(SEL.control)].filter((c) => isOwn(c, element));
  return controls.find((c) => REPLY_LABELS.has(labelOf(c))) ?? controls[1] ?? null;
}

/** The comment a reply box belongs to: replies share their thread's box under the top comment. */
function threadTop(element: HTMLElement): HTMLElement {
  if (!isReply(element) && !element.parentElement?.closest(SEL.comment)) return element;
  return parentOf(element, readIds(element, FACEBOOK_ORIGIN).parentId) ?? element;
}

/**
 * What follows a top-level comment up to the next comment: its replies list in the sibling
 * placement (our own editor frame may sit in between).
 */
function followers(top: HTMLElement): Element[] {
  const out: Element[] = [];
  for (let next = top.nextElementSibling; next && out.length < FOLLOWERS && !next.matches(SEL.comment); next = next.nextElementSibling) {
    out.push(next);
  }
  return out;
}

/** An open reply box of this thread: inside its top comment, or in the replies list after it. */
function findComposer(top: HTMLElement): HTMLElement | null {
  for (const editor of top.querySelectorAll<HTMLElement>(SEL.editor)) {
    if (isOwn(editor, top)) return editor;
  }
  for (const next of followers(top)) {
    for (const editor of next.querySelectorAll<HTMLElement>(SEL.editor)) {
      if (!editor.closest(SEL.comment)) return editor;
    }
  }
  return null;
}


/**
 * What Facebook put in a freshly opened box: the mention of the person replied to ("Jane Doe ").
 * Only a mention of this comment's author counts, so a draft inserted earlier is never kept twice.
 */
function prefixOf(editor: HTMLElement, element: HTMLElement): string | undefined {
  const shown = collapseWhitespace(readText(editor));
  const author = readAuthor(element).author;
  return shown && author && shown === collapseWhitespace(author) ? `${shown} ` : undefined;
}

function composerOf(editor: HTMLElement, prefix?: string): Composer {
  const kind = editor.closest('[data-lexical-editor="true"]') ? 'lexical' : 'plain';
  return prefix ? { editor, kind, prefix } : { editor, kind };
}

async function openComposer(element: HTMLElement): Promise<Composer | null> {
  const top = threadTop(element);
  const open = findComposer(top);
  // A top-level comment's box is the thread's box; a reply's Reply adds its author's mention.
  if (open && top === element) {
    open.focus();
    return composerOf(open);
  }
  const button = replyButtonOf(element);
  if (!button) return open ? composerOf(open) : null;
  button.click();
  const root = top.parentElement ?? top;
  const editor = await waitFor(root, () => findComposer(top), COMPOSER_TIMEOUT_MS);
  if (!editor) return null;
  return composerOf(editor, top === element ? undefined : prefixOf(editor, element));
}

/**
 * The box's send arrow when Facebook shows one (aria-disabled until the editor holds text), so
 * verification sees Facebook accept the text; null when the box has none (Enter alone posts):
 * then verification checks the editor's text only.
 */
function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const form = editor.closest('form') ?? editor.parentElement?.parentElement;
  return form?.querySelector<HTMLElement>(SEL.submit) ?? null;
}

/** A reply in this comment's thread whose text is `text`: the creator's reply, posted. */
function findPostedReply(element: HTMLElement, text: string): HTMLElement | null {
  const wanted = collapseWhitespace(text);
  if (!wanted) return null;
  const top = threadTop(element);
  for (const scope of [top, ...followers(top)]) {
    for (const candidate of scope.querySelectorAll<HTMLElement>(SEL.comment)) {
      if (candidate === element) continue;
      if (collapseWhitespace(bodyText(candidate)) === wanted) return candidate;
    }
  }
  return null;
}

export const facebook: SiteAdapter = {
  site: 'facebook',
  pageKind,
  commentSelector: SEL.comment,
  commentKey,
  readComment,
  buttonHost,
  openComposer,
  submitButtonFor,
  findPostedReply,
  replyLimit: () => SITE_REPLY_LIMITS.facebook,
  // A comment's id link is there whenever a comment is, in any language and page variant.
  commentsMark: SEL.idLink,
  selectors: {
    comment: SEL.comment,
    text: SEL.text,
    authorName: SEL.authorName,
    idLink: SEL.idLink,
    actionRow: SEL.actionRow,
    editor: SEL.editor,
    submit: SEL.submit,
    postText: SEL.postText,
  },
  navigationEvents: [],
  conversations: facebookConversations,
};
