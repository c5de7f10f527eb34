/**
 * DOM for the Threads fixture (www.threads.com, older www.threads.net), shared by the fixture
 * page (app.js) and the unit tests (lib/sites/threads.test.ts), so both read one markup. It
 * imitates what automation projects report of the web app (docs/sites-reference.md,
 * "Threads"; low-medium confidence):
 * - every post a `div[data-pressable-container="true"]`; on a post page the first is the main
 *   post (the thread's context), the ones after it are replies;
 * - the author a link `a[href="/@user"]`, the permalink `a[href="/@user/post/CODE"]` holding
 *   `time[datetime]`, the text in `span[dir="auto"]`; Atomic-CSS class names (x1…) as Meta
 *   ships them, which the adapter never relies on;
 * - an action row of `div[role="button"]` icon buttons (svg aria-label Like, Reply, Repost,
 *   Share);
 * - a deleted reply shows "Post unavailable" with no text, author or permalink;
 * - the reply dialog: `[role="textbox"][contenteditable]` (Lexical suspected, so the shared
 *   Lexical composer) and a "Post" `div[role="button"]`, aria-disabled until it holds text.
 *
 * Replies are a virtualized list: a fixed pool of rows whose nodes get other replies' content
 * in place as the list scrolls. Data is set with textContent and attributes only.
 */
import { BAKER_COMMENTS, fillerComment, h, hostileComments } from '../shared/kit.js';
import { lexical, submitButton } from '../shared/composers.js';
import { virtualList } from '../shared/virtual-list.js';

export { HOSTILE } from '../shared/kit.js';

/** The sample creator (public/samples/sample-profile.json): a sourdough baker. */
export const CREATOR = { username: 'crumbandcrust' };

/** Threads usernames: letters, digits, periods and underscores. */
export const username = (handle) => handle.replace(/[^a-z0-9._]/gi, '_').toLowerCase();

const BASE_TIME = Date.parse('2026-03-27T15:35:00Z');

function codeOf(i) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let n = i * 2654435761 + 12345;
  let out = 'DH';
  for (let k = 0; k < 9; k++) {
    out += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) + k * 104729;
  }
  return out;
}

export const MAIN_POST = {
  code: 'DHsourdough72',
  username: CREATOR.username,
  text: 'My 72-hour sourdough method, start to finish: cold retard, the jiggle test, and why I stopped using a stand mixer. Ask me anything 👇',
  time: new Date(BASE_TIME).toISOString(),
  likes: 1204,
  replies: 86,
};

export const OTHER_POSTS = [
  { code: 'DHcoffeebrew1', username: 'beanthere', text: 'Pour-over Sunday. What are you all brewing?', time: new Date(BASE_TIME - 5_400_000).toISOString(), likes: 31, replies: 4 },
  { code: 'DHryeloafbake', username: CREATOR.username, text: 'Tried a 40% rye loaf this weekend. Denser, tangier, and the crumb is gorgeous.', time: new Date(BASE_TIME - 86_400_000).toISOString(), likes: 402, replies: 12 },
];

function reply(i, c, extra = {}) {
  return { code: codeOf(i + 1), username: username(c.handle), text: c.text, time: new Date(BASE_TIME + (i + 1) * 60_000).toISOString(), likes: i % 5, ...extra };
}

/** The fixed replies: the creator's memory answers the first ones; the hostile corpus; a deleted one. */
export const FIXED_REPLIES = (() => {
  const out = BAKER_COMMENTS.map((c, i) => reply(i, c));
  hostileComments().forEach((c, i) => {
    // Threads shows usernames only; the hostile name goes in as one (the page shows it as text).
    const name = c.author.startsWith('<') ? c.author : username(c.handle);
    out.push(reply(BAKER_COMMENTS.length + i, c, { username: name }));
  });
  out.push(reply(out.length, { handle: 'gone_now', text: '' }, { deleted: true }));
  return out;
})();

export function fillerReply(i) {
  const c = fillerComment(i);
  return { code: `DHfill${String(i).padStart(7, '0')}`, username: username(c.handle), text: c.text, time: new Date(BASE_TIME + 3_600_000 + i * 1000).toISOString(), likes: i % 7 };
}

/** The main post's replies: the fixed list, then filler (`total` in all when given). */
export function repliesFor({ filler = 60, total = null } = {}) {
  if (total != null) {
    const fixed = FIXED_REPLIES.slice(0, total);
    return [...fixed, ...Array.from({ length: Math.max(0, total - fixed.length) }, (_, i) => fillerReply(i))];
  }
  return [...FIXED_REPLIES, ...Array.from({ length: filler }, (_, i) => fillerReply(i))];
}

export const postPath = (p) => `/@${p.username}/post/${p.code}`;

function ago(iso) {
  const minutes = Math.max(1, Math.round((BASE_TIME + 3 * 3600_000 - Date.parse(iso)) / 60_000));
  return minutes < 60 ? `${minutes}m` : minutes < 1440 ? `${Math.round(minutes / 60)}h` : `${Math.round(minutes / 1440)}d`;
}

const ICONS = {
  Like: 'M12 20s-7-4.4-9.3-9A5 5 0 0 1 12 6a5 5 0 0 1 9.3 5c-2.3 4.6-9.3 9-9.3 9z',
  Reply: 'M20.7 16.3A9 9 0 1 0 17 20l4 1-0.3-4.7z',
  Repost: 'M17 3l3 3-3 3M4 12V9a3 3 0 0 1 3-3h13M7 21l-3-3 3-3M20 12v3a3 3 0 0 1-3 3H4',
  Share: 'M21 3L10 14M21 3l-7 18-4-7-7-4z',
  More: 'M6 12h.01M12 12h.01M18 12h.01',
};

export function icon(doc, name, size = 19) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('aria-label', name);
  svg.setAttribute('role', 'img');
  const title = doc.createElementNS(ns, 'title');
  title.textContent = name;
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(title, path);
  return svg;
}

function avatar(doc, name, size = 36) {
  const letter = Array.from(name.replace(/[^\p{L}\p{N}]/gu, ''))[0] ?? '?';
  const hue = [...name].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 3);
  return h(doc, 'div', { class: 'x1avatar fx-avatar', style: `width:${size}px;height:${size}px;background:hsl(${hue} 40% 50%)`, 'aria-hidden': 'true' }, [letter.toUpperCase()]);
}

function action(doc, name, count) {
  return h(doc, 'div', { class: 'x6s0dn4 fx-action' }, [
    h(doc, 'div', { role: 'button', tabindex: '0', class: 'x1i10hfl fx-icon-btn' }, [icon(doc, name), h(doc, 'span', { class: 'fx-count' }, [count ? String(count) : ''])]),
  ]);
}

/**
 * One post's pressable container, built empty; `fillPost` puts a post in it (and puts another
 * one in it later, in place, when a row is recycled).
 */
export function createPost(doc) {
  const container = h(doc, 'div', { 'data-pressable-container': 'true', class: 'x1lliihq x1n2onr6 fx-post' });
  return container;
}

/** The parts of a filled container, kept to update them in place. */
const partsOf = new WeakMap();

/** The post each container shows (the fixture's own bookkeeping; the adapter never reads it). */
export const postOf = new WeakMap();

function buildParts(doc, container) {
  const name = h(doc, 'a', { href: '/', role: 'link', class: 'x1i10hfl fx-username' });
  const time = h(doc, 'time', { class: 'x1rg5ohu fx-time' });
  const permalink = h(doc, 'a', { href: '/', role: 'link', class: 'x1i10hfl fx-permalink' }, [time]);
  const text = h(doc, 'span', { dir: 'auto', class: 'x1lliihq x1plvlek fx-text' });
  const likes = action(doc, 'Like', 0);
  const replies = action(doc, 'Reply', 0);
  const ava = h(doc, 'div', { class: 'fx-avatar-col' });
  const row = h(doc, 'div', { class: 'x78zum5 fx-row' }, [
    ava,
    h(doc, 'div', { class: 'x1iyjqo2 fx-body' }, [
      h(doc, 'div', { class: 'x78zum5 fx-meta' }, [h(doc, 'span', { class: 'fx-name-wrap' }, [name]), permalink, h(doc, 'div', { role: 'button', tabindex: '0', class: 'fx-more', 'aria-label': 'More' }, [icon(doc, 'More', 18)])]),
      h(doc, 'div', { class: 'x1a6qonq fx-text-wrap' }, [text]),
      h(doc, 'div', { class: 'x78zum5 x1jj2tci fx-actions' }, [likes, replies, action(doc, 'Repost', 0), action(doc, 'Share', 0)]),
    ]),
  ]);
  container.replaceChildren(row);
  const parts = { name, permalink, time, text, likes: likes.querySelector('.fx-count'), replies: replies.querySelector('.fx-count'), ava };
  partsOf.set(container, parts);
  return parts;
}

/** Show post `p` in `container`, reusing its nodes where it already shows a post. */
export function fillPost(doc, container, p) {
  postOf.set(container, p);
  if (p.deleted) {
    partsOf.delete(container);
    container.setAttribute('data-fixture-deleted', '');
    container.replaceChildren(h(doc, 'div', { class: 'fx-unavailable' }, ['Post unavailable']));
    return container;
  }
  container.removeAttribute('data-fixture-deleted');
  const parts = partsOf.get(container) ?? buildParts(doc, container);
  parts.name.setAttribute('href', `/@${p.username}`);
  parts.name.textContent = p.username;
  parts.permalink.setAttribute('href', postPath(p));
  parts.time.setAttribute('datetime', p.time);
  parts.time.setAttribute('title', new Date(p.time).toUTCString());
  parts.time.textContent = ago(p.time);
  parts.text.textContent = p.text;
  parts.likes.textContent = p.likes ? String(p.likes) : '';
  parts.replies.textContent = p.replies ? String(p.replies) : '';
  parts.ava.replaceChildren(avatar(doc, p.username));
  return container;
}

export function buildPost(doc, p) {
  return fillPost(doc, createPost(doc), p);
}

/** A row of the virtualized replies list: a wrapper (the list's cell) around one container. */
export function createRow(doc) {
  return h(doc, 'div', { class: 'x1n2onr6 fx-cell' }, [createPost(doc)]);
}

export function renderRow(doc, row, p) {
  fillPost(doc, row.firstElementChild, p);
}

/**
 * The reply dialog for post `p`: the post it answers, the composer (Lexical-like: its model
 * changes only through paste and beforeinput) and the "Post" button, aria-disabled until the
 * model holds text.
 */
export function buildReplyDialog(doc, p, { onSubmit, onClose }) {
  const editor = lexical(doc, {
    'aria-label': 'Empty text field. Type to compose a new post.',
    'aria-placeholder': `Reply to ${p.username}...`,
    class: 'xzsf02u x1a2a7pz fx-editor',
    spellcheck: 'true',
  });
  const post = submitButton(doc, editor, { label: 'Post', tag: 'div', attrs: { class: 'x1i10hfl fx-post-btn' }, onSubmit });
  const cancel = h(doc, 'div', { role: 'button', tabindex: '0', class: 'fx-cancel' }, ['Cancel']);
  cancel.addEventListener('click', () => onClose());
  const dialog = h(doc, 'div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'fx-reply-title', class: 'fx-dialog' }, [
    h(doc, 'div', { class: 'fx-dialog-head' }, [cancel, h(doc, 'h1', { id: 'fx-reply-title' }, ['Reply']), h(doc, 'span', { class: 'fx-spacer' })]),
    h(doc, 'div', { class: 'fx-quoted' }, [
      avatar(doc, p.username),
      h(doc, 'div', {}, [h(doc, 'div', { class: 'fx-quoted-name' }, [p.username]), h(doc, 'div', { class: 'fx-quoted-text' }, [p.text])]),
    ]),
    h(doc, 'div', { class: 'fx-compose' }, [
      avatar(doc, CREATOR.username),
      h(doc, 'div', { class: 'fx-compose-body' }, [h(doc, 'div', { class: 'fx-quoted-name' }, [CREATOR.username]), editor.editor]),
    ]),
    h(doc, 'div', { class: 'fx-dialog-foot' }, [h(doc, 'span', {}, ['Anyone can reply & quote']), post]),
  ]);
  return { backdrop: h(doc, 'div', { class: 'fx-backdrop' }, [dialog]), dialog, editor, post };
}

/** The one open reply dialog. */
export function dialogController(doc, { onPost }) {
  let open = null;
  function close() {
    open?.backdrop.remove();
    open = null;
  }
  function show(p) {
    close();
    const built = buildReplyDialog(doc, p, {
      onSubmit: (text) => {
        close();
        onPost(p, text);
      },
      onClose: close,
    });
    doc.body.append(built.backdrop);
    open = { ...built, post: p };
    built.editor.editor.focus();
  }
  return { show, close, state: () => (open ? open.editor.state() : null), current: () => open };
}

/** A post's Reply icon button opens the reply dialog for that post. Returns an uninstaller. */
export function installReplyButtons(doc, dialogs) {
  const onClick = (event) => {
    const button = event.target instanceof Element ? event.target.closest('[role="button"]') : null;
    if (!button?.querySelector(':scope > svg[aria-label="Reply"]')) return;
    const container = button.closest('[data-pressable-container="true"]');
    const p = container ? postOf.get(container) : undefined;
    if (p && !p.deleted) dialogs.show(p);
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}

let postedCount = 0;
/** The creator's reply as a post. */
export function creatorReply(text) {
  postedCount += 1;
  return { code: `DHmine${String(postedCount).padStart(7, '0')}`, username: CREATOR.username, text, time: new Date(BASE_TIME + 4 * 3_600_000 + postedCount * 60_000).toISOString(), likes: 0 };
}

/** The creator's posted reply, listed right after the post it answers. */
export function showPostedReply(replies, virtual, replyTo, reply) {
  replies.splice(replies.indexOf(replyTo) + 1, 0, reply);
  virtual.redraw();
}

/**
 * A post page on its own, for unit tests: the main post and a virtualized replies list, the
 * reply dialog and the Reply buttons. `poolSize` rows are live.
 */
export function mountPostPage(doc, { filler = 60, poolSize = 30 } = {}) {
  const replies = repliesFor({ filler });
  const posted = [];
  const column = h(doc, 'div', { class: 'fx-column' });
  const list = h(doc, 'div', { class: 'fx-replies', 'data-fixture-list': '' });
  column.append(buildPost(doc, MAIN_POST), h(doc, 'div', { class: 'fx-replies-head' }, ['Replies']), list);
  doc.body.replaceChildren(column);
  const virtual = virtualList({ container: list, items: replies, poolSize, createRow: () => createRow(doc), renderRow: (row, p) => renderRow(doc, row, p) });
  const dialogs = dialogController(doc, {
    onPost(replyTo, text) {
      posted.push({ text });
      showPostedReply(replies, virtual, replyTo, creatorReply(text));
    },
  });
  const uninstall = installReplyButtons(doc, dialogs);
  return { column, list, replies, virtual, dialogs, posted, uninstall };
}
