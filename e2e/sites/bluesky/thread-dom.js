/**
 * DOM for the Bluesky fixture (bsky.app), shared by the fixture page (app.js) and the unit
 * tests (lib/sites/bluesky.test.ts), so both read one markup. It imitates what the open-source
 * client renders on the web (docs/sites-reference.md, "Bluesky"):
 * - a thread screen `data-testid="postThreadScreen"`; earlier screens stay mounted, hidden with
 *   `display: none`, as the client's navigator keeps them;
 * - every post in it `data-testid="postThreadItem-by-<handle>"`: the anchor (the post the URL
 *   names; its date is plain text in its expanded details), and reply posts whose PostMeta has
 *   two "View profile" links (display name wrapped in LTR marks by forceLTR, then "\u00A0@handle")
 *   and a timestamp link to the post labelled with the full date; text in `[data-word-wrap]`;
 *   PostControls with `replyBtn`; a nested reply starts with its parent reply line;
 * - a deleted reply shows "Post not found." with no text, meta or controls;
 * - the composer: a dialog with a TipTap/ProseMirror editor (aria-label "Rich-Text Editor") and
 *   `composerPublishBtn` ("Publish reply", text "Reply", disabled until the editor has text).
 *
 * Data is set with textContent and attributes only: it includes the hostile corpus on purpose.
 */
import { BAKER_COMMENTS, fillerComment, h, hostileComments } from '../shared/kit.js';
import { prosemirror, submitButton } from '../shared/composers.js';

export const ORIGIN = 'https://bsky.app';

/** The sample creator (public/samples/sample-profile.json): a sourdough baker. */
export const CREATOR = { name: 'Crumb & Crust Kitchen', handle: 'crumbandcrust.bsky.social' };

/** Handles on Bluesky are domain names: no underscores, a bsky.social suffix. */
export const bskyHandle = (handle) => `${handle.replace(/[^a-z0-9.-]/gi, '-').toLowerCase()}.bsky.social`;

/** A fixed moment so dates (and the ids built from them) are the same on every run. */
const BASE_TIME = Date.parse('2026-03-27T15:35:00Z');

/** The full date the client puts in the timestamp link's label (niceDate: long date, short time). */
export function niceDate(iso) {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

function ago(iso) {
  const minutes = Math.max(1, Math.round((BASE_TIME + 3 * 3600_000 - Date.parse(iso)) / 60_000));
  return minutes < 60 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
}

/** A TID-looking record key (base32-sortable, 13 characters). */
function rkeyOf(seed) {
  const alphabet = '234567abcdefghijklmnopqrstuvwxyz';
  let n = seed * 2654435761 + 987654321;
  let out = '3l';
  for (let i = 0; i < 11; i++) {
    out += alphabet[n % 32];
    n = Math.floor(n / 32) + i * 7919;
  }
  return out;
}

/** The thread's main post, and a second one in the feed. */
export const MAIN_POST = {
  rkey: '3lsourdough72h',
  name: CREATOR.name,
  handle: CREATOR.handle,
  text: 'My 72-hour sourdough method, start to finish: cold retard, the jiggle test, and why I stopped using a stand mixer. Ask me anything below 👇',
  time: new Date(BASE_TIME).toISOString(),
};
export const RYE_POST = {
  rkey: '3lryeloafbake',
  name: CREATOR.name,
  handle: CREATOR.handle,
  text: 'Tried a 40% rye loaf this weekend. Denser, tangier, and the crumb is gorgeous.',
  time: new Date(BASE_TIME - 86_400_000).toISOString(),
};

let made = 0;
function post(root, parent, comment, extra = {}) {
  const i = made++;
  return {
    rkey: rkeyOf(i + 1),
    root,
    parent,
    name: comment.author,
    handle: bskyHandle(comment.handle),
    text: comment.text,
    time: new Date(BASE_TIME + (i + 1) * 60_000).toISOString(),
    ...extra,
  };
}

/** Filler reply `i` for the main post (long lists, benchmarks); the same post every time. */
export function fillerReply(i) {
  const c = fillerComment(i);
  return {
    rkey: `3lfill${String(i).padStart(7, '0')}`,
    root: MAIN_POST.rkey,
    parent: MAIN_POST.rkey,
    name: c.author,
    handle: bskyHandle(c.handle),
    text: c.text,
    time: new Date(BASE_TIME + 3_600_000 + i * 1000).toISOString(),
  };
}

/**
 * The replies of the main post, in the order the client lists them (depth first): the
 * comments the sample creator's memory answers, a reply to one of them, the hostile corpus,
 * a deleted reply, then filler.
 */
function mainReplies() {
  const root = MAIN_POST.rkey;
  const baker = BAKER_COMMENTS.map((c) => post(root, root, c));
  const maria = baker[1];
  const nested = post(root, maria.rkey, {
    author: 'Semolina Sam',
    handle: 'semolina_sam',
    text: 'I use semolina instead of rice flour on mine and it never sticks.',
  });
  const out = [baker[0], maria, nested, ...baker.slice(2)];
  out.push(...hostileComments().map((c) => post(root, root, c)));
  out.push(post(root, root, { author: 'Gone Now', handle: 'gone_now', text: '' }, { deleted: true }));
  return out;
}

export const MAIN_REPLIES = mainReplies();
/** How many filler replies the main post shows by default. */
export const DEFAULT_FILLER = 20;

export const RYE_REPLIES = [
  post(RYE_POST.rkey, RYE_POST.rkey, BAKER_COMMENTS[2]),
  post(RYE_POST.rkey, RYE_POST.rkey, { author: 'Crust Fan', handle: 'crustfan', text: 'What hydration did you use for the rye?' }),
];

/** Every post the fixture knows, by record key. */
export function postIndex(replies) {
  const all = [MAIN_POST, RYE_POST, ...RYE_REPLIES, ...replies];
  return new Map(all.map((p) => [p.rkey, p]));
}

export const postPath = (p) => `/profile/${p.handle}/post/${p.rkey}`;

function avatar(doc, name, size = 42) {
  const letter = Array.from(name.replace(/[^\p{L}\p{N}]/gu, ''))[0] ?? '?';
  const hue = [...name].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 11);
  return h(doc, 'div', { class: 'fx-avatar', style: `width:${size}px;height:${size}px;background:hsl(${hue} 50% 55%)`, 'aria-hidden': 'true' }, [
    letter.toUpperCase(),
  ]);
}

const ICONS = {
  reply: 'M20 4H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h3v4l5-4h8a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2z',
  repost: 'M7 7h10v3l4-4-4-4v3H5v6h2zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2z',
  like: 'M12 21l-1.5-1.3C5 15 2 12.3 2 8.9 2 6.2 4.2 4 6.9 4c1.6 0 3.1.7 4.1 1.9C12 4.7 13.5 4 15.1 4 17.8 4 20 6.2 20 8.9c0 3.4-3 6.1-8.5 10.8z',
  more: 'M5 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm7 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm7 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
};

export function icon(doc, name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '1.8');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** forceLTR in the client wraps display names in LEFT-TO-RIGHT EMBEDDING … POP. */
const forceLTR = (s) => `\u202A${s}\u202C`;

function controls(doc, p, replies) {
  const count = (n) => (n ? String(n) : '');
  return h(doc, 'div', { class: 'fx-controls' }, [
    h(doc, 'button', { type: 'button', 'data-testid': 'replyBtn', 'aria-label': `Reply (${replies})`, class: 'fx-ctl' }, [icon(doc, 'reply'), count(replies)]),
    h(doc, 'button', { type: 'button', 'data-testid': 'repostBtn', 'aria-label': 'Repost (0)', class: 'fx-ctl' }, [icon(doc, 'repost')]),
    h(doc, 'button', { type: 'button', 'data-testid': 'likeBtn', 'aria-label': `Like (${p.likes ?? 0})`, class: 'fx-ctl' }, [icon(doc, 'like'), count(p.likes ?? 0)]),
    h(doc, 'button', { type: 'button', 'data-testid': 'postDropdownBtn', 'aria-label': 'Open post options menu', class: 'fx-ctl' }, [icon(doc, 'more')]),
  ]);
}

/** The parent reply line the client draws above a reply whose parent is the post just above. */
function parentReplyLine(doc) {
  return h(doc, 'div', { class: 'fx-parent-line' }, [h(doc, 'div', { class: 'fx-line-box' }, [h(doc, 'div', { class: 'fx-line' })])]);
}

/** The post each item shows (the fixture's own bookkeeping; the adapter never reads it). */
export const postOf = new WeakMap();

/** One reply post (ThreadItemPost), or its tombstone when deleted. */
export function buildReply(doc, p, options = {}) {
  const item = buildReplyItem(doc, p, options);
  postOf.set(item, p);
  return item;
}

function buildReplyItem(doc, p, { parentLine = false, replies = 0 } = {}) {
  const testid = `postThreadItem-by-${p.handle}`;
  if (p.deleted) {
    return h(doc, 'div', { class: 'fx-item', 'data-testid': testid, 'data-fixture-deleted': '' }, [
      h(doc, 'div', { class: 'fx-tombstone' }, ['Post not found.']),
    ]);
  }
  const profile = `/profile/${p.handle}`;
  const label = niceDate(p.time);
  return h(doc, 'div', { class: 'fx-item', 'data-testid': testid }, [
    parentLine ? parentReplyLine(doc) : null,
    h(doc, 'div', { class: 'fx-row' }, [
      h(doc, 'div', { class: 'fx-avatar-col' }, [avatar(doc, p.name)]),
      h(doc, 'div', { class: 'fx-body' }, [
        h(doc, 'div', { class: 'fx-meta' }, [
          h(doc, 'a', { href: profile, 'aria-label': 'View profile', class: 'fx-name', dir: 'auto' }, [forceLTR(p.name)]),
          h(doc, 'a', { href: profile, 'aria-label': 'View profile', class: 'fx-handle' }, [`\u00A0@${p.handle}`]),
          h(doc, 'a', { href: postPath(p), 'aria-label': label, title: label, class: 'fx-time' }, [h(doc, 'span', {}, ['· ']), ago(p.time)]),
        ]),
        h(doc, 'div', { class: 'fx-text', 'data-word-wrap': '1', dir: 'auto' }, [p.text]),
        controls(doc, p, replies),
      ]),
    ]),
  ]);
}

/** The anchor post (ThreadItemAnchor): big text, the date as plain text, no timestamp link. */
export function buildAnchor(doc, p, options = {}) {
  const item = buildAnchorItem(doc, p, options);
  postOf.set(item, p);
  return item;
}

function buildAnchorItem(doc, p, { parentLine = false, replies = 0 } = {}) {
  const profile = `/profile/${p.handle}`;
  const d = new Date(p.time);
  const time = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(d);
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(d);
  return h(doc, 'div', { class: 'fx-item fx-anchor', 'data-testid': `postThreadItem-by-${p.handle}`, 'data-fixture-anchor': '' }, [
    parentLine ? parentReplyLine(doc) : null,
    h(doc, 'div', { class: 'fx-row' }, [
      avatar(doc, p.name),
      h(doc, 'a', { href: profile, 'aria-label': p.name, class: 'fx-anchor-author' }, [
        h(doc, 'div', { class: 'fx-name' }, [p.name]),
        h(doc, 'div', { class: 'fx-handle' }, [`@${p.handle}`]),
      ]),
    ]),
    h(doc, 'div', { class: 'fx-text fx-anchor-text', 'data-word-wrap': '1', dir: 'auto' }, [p.text]),
    h(doc, 'div', { class: 'fx-details' }, [`${time} · ${date}`]),
    h(doc, 'div', { class: 'fx-stats' }, [
      h(doc, 'a', { href: `${postPath(p)}/liked-by`, 'aria-label': 'Likes on this post' }, [h(doc, 'b', {}, ['128']), ' likes']),
    ]),
    controls(doc, { ...p, likes: 128 }, replies),
  ]);
}

/** The "Write your reply" prompt under the anchor (ThreadComposePrompt). */
function composePrompt(doc) {
  return h(doc, 'button', { type: 'button', class: 'fx-prompt', 'aria-label': 'Compose reply' }, [
    avatar(doc, CREATOR.name, 24),
    h(doc, 'span', {}, ['Write your reply']),
  ]);
}

/** The posts above `anchor`, root first. */
function ancestorsOf(anchor, index) {
  const out = [];
  let p = anchor.parent ? index.get(anchor.parent) : undefined;
  while (p && out.length < 50) {
    out.unshift(p);
    p = p.parent ? index.get(p.parent) : undefined;
  }
  return out;
}

/** Replies below `anchor`, depth first, each with whether its parent is the item just above. */
function descendantsOf(anchor, replies) {
  const children = new Map();
  for (const r of replies) {
    if (!children.has(r.parent)) children.set(r.parent, []);
    children.get(r.parent).push(r);
  }
  const out = [];
  const walk = (p, depth) => {
    for (const c of children.get(p.rkey) ?? []) {
      const previous = out[out.length - 1]?.post;
      out.push({ post: c, parentLine: depth > 0 && previous === p, replies: (children.get(c.rkey) ?? []).length });
      walk(c, depth + 1);
    }
  };
  walk(anchor, 0);
  return { list: out, count: (p) => (children.get(p.rkey) ?? []).length };
}

/**
 * A thread screen for `anchor`: its ancestors, the anchor, the reply prompt and the replies.
 * Returns the screen and the element the replies live in (for appending and re-rendering).
 */
export function buildThreadScreen(doc, anchor, replies, index) {
  const above = ancestorsOf(anchor, index);
  const { list, count } = descendantsOf(anchor, replies);
  const items = h(doc, 'div', { class: 'fx-replies' });
  renderReplies(doc, items, list);
  const screen = h(doc, 'div', { 'data-testid': 'postThreadScreen', class: 'fx-screen' }, [
    h(doc, 'div', { class: 'fx-header' }, [
      h(doc, 'button', { type: 'button', 'aria-label': 'Back', class: 'fx-back', 'data-fixture-back': '' }, ['←']),
      h(doc, 'h1', {}, ['Post']),
    ]),
    ...above.map((p, i) => wrap(doc, buildReply(doc, p, { parentLine: i > 0, replies: 1 }))),
    wrap(doc, buildAnchor(doc, anchor, { parentLine: above.length > 0, replies: count(anchor) })),
    composePrompt(doc),
    items,
  ]);
  return { screen, items };
}

/** The client wraps each item (SubtleHoverWrapper, ThreadItemPostOuterWrapper). */
function wrap(doc, item) {
  return h(doc, 'div', { class: 'fx-cell' }, [h(doc, 'div', { class: 'fx-outer' }, [item])]);
}

export function renderReplies(doc, items, list) {
  items.replaceChildren(...list.map(({ post: p, parentLine, replies }) => wrap(doc, buildReply(doc, p, { parentLine, replies }))));
}

export function appendReplies(doc, items, posts) {
  items.append(...posts.map((p) => wrap(doc, buildReply(doc, p))));
}

/** The list a thread screen shows (for re-rendering it with new nodes). */
export function replyList(anchor, replies) {
  return descendantsOf(anchor, replies).list;
}

/** A feed item on the home screen: the whole card opens the post. */
export function buildFeedItem(doc, p) {
  const label = niceDate(p.time);
  return h(doc, 'div', { class: 'fx-feed-item', 'data-testid': `feedItem-by-${p.handle}`, 'data-href': postPath(p), role: 'link', tabindex: '0' }, [
    h(doc, 'div', { class: 'fx-row' }, [
      h(doc, 'div', { class: 'fx-avatar-col' }, [avatar(doc, p.name)]),
      h(doc, 'div', { class: 'fx-body' }, [
        h(doc, 'div', { class: 'fx-meta' }, [
          h(doc, 'a', { href: `/profile/${p.handle}`, 'aria-label': 'View profile', class: 'fx-name' }, [forceLTR(p.name)]),
          h(doc, 'a', { href: `/profile/${p.handle}`, 'aria-label': 'View profile', class: 'fx-handle' }, [`\u00A0@${p.handle}`]),
          h(doc, 'a', { href: postPath(p), 'aria-label': label, title: label, class: 'fx-time' }, [h(doc, 'span', {}, ['· ']), ago(p.time)]),
        ]),
        h(doc, 'div', { class: 'fx-text', 'data-testid': 'postText', 'data-word-wrap': '1', dir: 'auto' }, [p.text]),
      ]),
    ]),
  ]);
}

/**
 * The composer dialog replying to `p`: Cancel, the reply-to preview, the TipTap editor and
 * the Reply button (disabled until the editor holds text). `onSubmit(text)` is the post.
 */
export function buildComposer(doc, p, { onSubmit, onClose }) {
  const editor = prosemirror(doc, { 'aria-label': 'Rich-Text Editor', translate: 'no', 'data-testid': 'composerTextInput' });
  const publish = submitButton(doc, editor, {
    label: 'Reply',
    attrs: { 'data-testid': 'composerPublishBtn', 'aria-label': 'Publish reply', class: 'fx-publish' },
    onSubmit,
  });
  const counter = h(doc, 'div', { class: 'fx-counter' }, ['300']);
  editor.onChange((text) => {
    counter.textContent = String(300 - [...text].length);
  });
  const cancel = h(doc, 'button', { type: 'button', 'data-testid': 'composerDiscardButton', class: 'fx-cancel' }, ['Cancel']);
  cancel.addEventListener('click', () => onClose());
  const dialog = h(doc, 'div', { role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Compose reply', class: 'fx-dialog', 'data-testid': 'composePostView' }, [
    h(doc, 'div', { class: 'fx-dialog-top' }, [cancel, publish]),
    h(doc, 'div', { class: 'fx-reply-to' }, [
      avatar(doc, p.name, 32),
      h(doc, 'div', {}, [h(doc, 'div', { class: 'fx-name' }, [p.name]), h(doc, 'div', { class: 'fx-reply-to-text' }, [p.text])]),
    ]),
    h(doc, 'div', { class: 'fx-editor-row' }, [avatar(doc, CREATOR.name, 42), editor.editor]),
    h(doc, 'div', { class: 'fx-dialog-bottom' }, [counter]),
  ]);
  const backdrop = h(doc, 'div', { class: 'fx-backdrop' }, [dialog]);
  return { backdrop, dialog, editor, publish };
}

/** The one open composer dialog, as the client's shell keeps it. */
export function composerController(doc, { onPost }) {
  let open = null;
  function close() {
    open?.backdrop.remove();
    open = null;
  }
  function show(p) {
    close();
    const built = buildComposer(doc, p, {
      onSubmit: (text) => {
        const replyTo = p;
        close();
        onPost(replyTo, text);
      },
      onClose: close,
    });
    doc.body.append(built.backdrop);
    open = { ...built, post: p };
    built.editor.editor.focus();
  }
  return { show, close, state: () => (open ? open.editor.state() : null), current: () => open };
}

/**
 * Reply buttons and the "Write your reply" prompt open the composer for their post, as the
 * client's onPressReply does. Returns a function that removes the behaviour.
 */
export function installReplyControls(doc, composer) {
  const onClick = (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-testid="replyBtn"], button[aria-label="Compose reply"]') : null;
    if (!target) return;
    const screen = target.closest('[data-testid="postThreadScreen"]');
    const item = target.closest('[data-testid^="postThreadItem-by-"]') ?? screen?.querySelector('[data-fixture-anchor]');
    const p = item ? postOf.get(item) : undefined;
    if (p) composer.show(p);
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}

/** The creator's posted reply, shown right under the post it answers (as the client does). */
export function showPostedReply(doc, screen, replyTo, reply) {
  const item = [...screen.querySelectorAll('[data-testid^="postThreadItem-by-"]')].find((el) => postOf.get(el) === replyTo);
  const built = wrap(doc, buildReply(doc, reply, { parentLine: !item?.hasAttribute('data-fixture-anchor') }));
  if (!item || item.hasAttribute('data-fixture-anchor')) screen.querySelector('.fx-replies')?.prepend(built);
  else item.closest('.fx-cell')?.after(built);
}

let postedCount = 0;
/** The creator's reply as a post. */
export function creatorReply(replyTo, text) {
  postedCount += 1;
  return {
    rkey: `3lmine${String(postedCount).padStart(7, '0')}`,
    root: replyTo.root ?? replyTo.rkey,
    parent: replyTo.rkey,
    name: CREATOR.name,
    handle: CREATOR.handle,
    text,
    time: new Date(BASE_TIME + 4 * 3_600_000 + postedCount * 60_000).toISOString(),
  };
}

/** The main post's replies: the fixed list, then `filler` filler replies (or `total` in all). */
export function mainRepliesFor({ filler = DEFAULT_FILLER, total = null } = {}) {
  if (total != null) {
    const fixed = MAIN_REPLIES.slice(0, total);
    return [...fixed, ...Array.from({ length: Math.max(0, total - fixed.length) }, (_, i) => fillerReply(i))];
  }
  return [...MAIN_REPLIES, ...Array.from({ length: filler }, (_, i) => fillerReply(i))];
}

/**
 * A thread page on its own, for unit tests: the main post's thread screen in `doc.body`, its
 * composer and reply controls. `hiddenBefore` mounts an earlier screen (the rye post's thread)
 * first, hidden as the client keeps it.
 */
export function mountThreadPage(doc, { filler = DEFAULT_FILLER, hiddenBefore = false } = {}) {
  const replies = mainRepliesFor({ filler });
  const index = postIndex(replies);
  const posted = [];
  const main = h(doc, 'main', { class: 'fx-main' });
  doc.body.replaceChildren(main);
  if (hiddenBefore) {
    const earlier = buildThreadScreen(doc, RYE_POST, RYE_REPLIES, index).screen;
    earlier.style.display = 'none';
    main.append(earlier);
  }
  const { screen, items } = buildThreadScreen(doc, MAIN_POST, replies, index);
  main.append(screen);
  const composer = composerController(doc, {
    onPost(replyTo, text) {
      posted.push({ text });
      showPostedReply(doc, screen, replyTo, creatorReply(replyTo, text));
    },
  });
  const uninstall = installReplyControls(doc, composer);
  return { screen, items, replies, composer, posted, uninstall };
}

/** The hostile corpus, for the unit tests. */
export { HOSTILE } from '../shared/kit.js';
