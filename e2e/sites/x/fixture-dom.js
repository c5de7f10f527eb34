/**
 * DOM for the X fixture: posts as X renders them (article[data-testid="tweet"] in
 * cellInnerDiv rows, User-Name, tweetText, the time link as permalink, the action bar
 * div[role="group"] with data-testid="reply"), the focal post of a status page (tabindex="-1"),
 * the conversation as a virtualized list whose rows are reused in place, and the two Draft.js
 * reply boxes: the inline one under the focal post (tweetButtonInline) and the reply modal
 * (/compose/post, [role="dialog"], tweetButton) that a reply's own Reply button opens. X puts
 * no @mention in the box: "Replying to @bob" is a line above the editor.
 *
 * Shared by the fixture page (app.js) and the unit tests (lib/sites/x.test.ts). Every piece of
 * data is set with textContent or attributes, never innerHTML: the data is hostile on purpose.
 */
import { BAKER_COMMENTS, fillerComment, h, hostileComments } from '../shared/kit.js';
import { draftjs, submitButton } from '../shared/composers.js';
import { virtualList } from '../shared/virtual-list.js';

export { BAKER_COMMENTS, HOSTILE } from '../shared/kit.js';

export const CREATOR = { author: 'Crumb & Crust Kitchen', handle: 'crumbandcrust' };

/** Status ids as X has them: long decimal strings. */
export const statusId = (n) => `17900000000${String(n).padStart(8, '0')}`;

export const FOCAL = {
  id: statusId(1),
  ...CREATOR,
  text: 'My 72-hour sourdough method, start to finish: cold retard, 78% hydration, rice flour on the banneton. Questions below and I will answer them all!',
  time: '2026-05-16T12:00:00.000Z',
};

/** Posts on the home timeline; the first is the focal post of the status page. */
export const HOME_POSTS = [
  FOCAL,
  { id: statusId(2), author: 'Grain Nerd', handle: 'grainnerd', text: 'Milled my own rye this morning. The smell!', time: '2026-05-16T09:30:00.000Z' },
  { id: statusId(3), ...CREATOR, text: 'Shaping a batard: the 5 mistakes I made for years. Video out Friday.', time: '2026-05-15T18:00:00.000Z' },
];

/** Conversation times: a minute apart, from an hour after the focal post. */
const BASE_TIME = Date.parse('2026-05-16T13:00:00.000Z');

/**
 * The conversation under the focal post, in order: the comments the sample creator's memory
 * answers, a reply to one of them (threaded under it), the hostile corpus, one deleted post,
 * then filler up to `count` items.
 */
export function conversation(count = 60) {
  const items = [];
  const push = (c, extra = {}) => {
    const n = items.length;
    items.push({
      id: statusId(1000 + n),
      author: c.author,
      // X handles are letters, digits and underscores only.
      handle: c.handle.replace(/\W/g, '_'),
      text: c.text,
      time: new Date(BASE_TIME + n * 60_000).toISOString(),
      ...extra,
    });
  };
  BAKER_COMMENTS.forEach((c, i) => {
    // Grain Nerd's question gets an answer from another follower, threaded under it.
    push(c, i === 2 ? { continues: true } : {});
    if (i === 2) push({ author: 'Rye Baker', handle: 'ryebaker', text: 'I did 30% rye with this method and it worked, just shorten the bulk.' }, { replyTo: c.handle });
  });
  for (const c of hostileComments()) push(c);
  push({ author: '', handle: '', text: '' }, { deleted: true });
  let i = 0;
  while (items.length < count) push(fillerComment(i++));
  return items;
}

export const fillerItem = (i) => ({ ...fillerComment(i), id: statusId(500000 + i), time: new Date(BASE_TIME + (1000 + i) * 60_000).toISOString() });

const ICONS = {
  reply: 'M1.75 10c0-4.42 3.58-8 8-8h4.37c4.49 0 8.13 3.64 8.13 8.13 0 2.96-1.6 5.68-4.19 7.11L10 21.6v-3.6h-.07C5.48 18 1.75 14.4 1.75 10z',
  retweet: 'M4.5 3.9l4.4 4.1-1.4 1.5-2-1.9V16c0 1.1.9 2 2 2H13v2H7.5c-2.2 0-4-1.8-4-4V7.6l-2 1.9L.1 8l4.4-4.1zM16.5 6H11V4h5.5c2.2 0 4 1.8 4 4v8.4l2-1.9 1.4 1.5-4.4 4.1-4.4-4.1 1.4-1.5 2 1.9V8c0-1.1-.9-2-2-2z',
  like: 'M16.7 3.5c-1.7 0-3.4.8-4.7 2.3-1.3-1.5-3-2.3-4.7-2.3C4 3.5 1.8 6 2 9.2c.3 4.7 5.8 8.6 10 11.3 4.2-2.7 9.7-6.6 10-11.3.2-3.2-2-5.7-5.3-5.7z',
  views: 'M8.75 21V3h2v18h-2zM18 21V8.5h2V21h-2zM4 21l.004-10h2L6 21H4zm9.248 0v-7h2v7h-2z',
  share: 'M12 2.59l5.7 5.7-1.41 1.42L13 6.41V16h-2V6.41l-3.3 3.3-1.41-1.42L12 2.59zM21 15l-.02 3.51c0 1.38-1.12 2.49-2.5 2.49H5.5C4.11 21 3 19.88 3 18.5V15h2v3.5c0 .28.22.5.5.5h12.98c.28 0 .5-.22.5-.5L19 15h2z',
};

function icon(doc, name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'r-4qtqp9 r-yyyyoo r-dnmrzs');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

const AVATAR_COLOURS = ['#8b5a2b', '#c98c4f', '#1d9bf0', '#7856ff', '#f91880', '#00ba7c', '#ffad1f'];
function colourFor(handle) {
  let sum = 0;
  for (const ch of handle) sum += ch.charCodeAt(0);
  return AVATAR_COLOURS[sum % AVATAR_COLOURS.length];
}

/** "2h" style, as X shows times in lists; the focal post shows the full date. */
function shortTime(iso) {
  const d = new Date(iso);
  return `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}`;
}
function longTime(iso) {
  const d = new Date(iso);
  const time = d.toLocaleString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return `${time} · ${shortTime(iso)}, ${d.getUTCFullYear()}`;
}

function actionBar(doc, item, { focal = false } = {}) {
  const n = (parseInt(item.id.slice(-3), 10) % 40) + 1;
  const action = (testid, label, count, name) =>
    h(doc, 'button', { 'data-testid': testid, 'aria-label': label, role: 'button', type: 'button', class: 'x-action' }, [
      icon(doc, name),
      count ? h(doc, 'span', { 'data-testid': 'app-text-transition-container' }, [String(count)]) : null,
    ]);
  return h(doc, 'div', { role: 'group', id: `id__${item.id}`, 'aria-label': `${n} replies, ${n * 2} likes`, class: 'css-175oi2r r-1kbdv8c r-18u37iz x-actions' }, [
    action('reply', `${n} Replies. Reply`, n, 'reply'),
    action('retweet', `${n} reposts. Repost`, focal ? 0 : n, 'retweet'),
    action('like', `${n * 2} Likes. Like`, n * 2, 'like'),
    h(doc, 'a', { href: `/${item.handle}/status/${item.id}/analytics`, 'aria-label': 'View post analytics', class: 'x-action' }, [icon(doc, 'views')]),
    action('share', 'Share post', 0, 'share'),
  ]);
}

function userName(doc, item, { focal = false } = {}) {
  const timeLink = h(doc, 'a', { href: `/${item.handle}/status/${item.id}`, role: 'link', class: 'x-time' }, [
    h(doc, 'time', { datetime: item.time }, [focal ? longTime(item.time) : shortTime(item.time)]),
  ]);
  return {
    name: h(doc, 'div', { 'data-testid': 'User-Name', class: 'css-175oi2r r-1wbh5a2 r-dnmrzs x-user-name' }, [
      h(doc, 'div', { class: 'x-name-row' }, [
        h(doc, 'a', { href: `/${item.handle}`, role: 'link', class: 'x-name' }, [h(doc, 'span', {}, [item.author])]),
      ]),
      h(doc, 'div', { class: 'x-handle-row' }, [
        h(doc, 'a', { href: `/${item.handle}`, role: 'link', tabindex: '-1', class: 'x-handle' }, [h(doc, 'span', {}, [`@${item.handle}`])]),
        focal ? null : h(doc, 'span', { 'aria-hidden': 'true', class: 'x-dot' }, ['·']),
        focal ? null : timeLink,
      ]),
    ]),
    timeLink,
  };
}

function tweetText(doc, text, { focal = false } = {}) {
  const lines = text.split('\n');
  const children = [];
  lines.forEach((line, i) => {
    if (i > 0) children.push(h(doc, 'br'));
    children.push(h(doc, 'span', { class: 'css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3' }, [line]));
  });
  return h(doc, 'div', { 'data-testid': 'tweetText', lang: 'en', dir: 'auto', class: `css-146c3p1 r-bcqeeo x-text${focal ? ' x-text-focal' : ''}` }, children);
}

/** The parts of a post: avatar column (with the thread line when it continues) and body. */
function tweetParts(doc, item, { focal = false } = {}) {
  const avatar = h(doc, 'div', { 'data-testid': 'Tweet-User-Avatar', class: 'x-avatar-box' }, [
    h(doc, 'a', { href: `/${item.handle}`, role: 'link', tabindex: '-1', class: 'x-avatar', style: `background:${colourFor(item.handle)}`, 'aria-hidden': 'true' }, [
      (item.author.trim()[0] ?? '?').toUpperCase(),
    ]),
  ]);
  // X draws the line that joins a post to the reply threaded under it below the avatar
  // (class r-m5arl1 is the line's colour); no attribute names the relation.
  const line = item.continues ? h(doc, 'div', { class: 'css-175oi2r r-m5arl1 r-16y2uox r-14gqq1x x-thread-line' }) : null;
  const { name, timeLink } = userName(doc, item, { focal });
  const body = h(doc, 'div', { class: 'css-175oi2r r-1iusvr4 r-16y2uox x-body' }, [
    name,
    tweetText(doc, item.text, { focal }),
    focal ? h(doc, 'div', { class: 'x-focal-meta' }, [timeLink, h(doc, 'span', {}, [' · 48.2K Views'])]) : null,
    actionBar(doc, item, { focal }),
  ]);
  return [h(doc, 'div', { class: 'css-175oi2r r-18kxxzh r-1wron08 x-avatar-col' }, [avatar, line]), body];
}

function tombstone(doc) {
  return [
    h(doc, 'div', { class: 'x-tombstone' }, [
      h(doc, 'span', {}, ['This post was deleted by the post author. ']),
      h(doc, 'a', { href: '/help', role: 'link' }, ['Learn more']),
    ]),
  ];
}

/**
 * Show `item` in `article`, reusing the article node as X's list does: a post's parts are
 * patched in place when the row already shows a post (same action bar, so anything placed in
 * it stays), rebuilt when it switches between a post and a deleted one.
 */
export function fillTweet(doc, article, item) {
  article.setAttribute('aria-labelledby', `id__${item.id}`);
  article.toggleAttribute('data-fixture-deleted', Boolean(item.deleted));
  article.dataset.fixtureId = item.id;
  const wasDeleted = article.querySelector('.x-tombstone') !== null;
  const empty = article.childElementCount === 0;
  if (item.deleted) {
    if (!wasDeleted || empty) article.replaceChildren(...tombstone(doc));
    return article;
  }
  if (wasDeleted || empty || article.hasAttribute('data-fixture-focal')) {
    article.replaceChildren(...tweetParts(doc, item, { focal: article.hasAttribute('data-fixture-focal') }));
    return article;
  }
  // In place: new link targets and new text nodes in the same elements.
  const col = article.querySelector('.x-avatar-col');
  const avatar = col.querySelector('.x-avatar');
  avatar.setAttribute('href', `/${item.handle}`);
  avatar.setAttribute('style', `background:${colourFor(item.handle)}`);
  avatar.textContent = (item.author.trim()[0] ?? '?').toUpperCase();
  col.querySelector('.x-thread-line')?.remove();
  if (item.continues) col.append(h(doc, 'div', { class: 'css-175oi2r r-m5arl1 r-16y2uox r-14gqq1x x-thread-line' }));
  const name = article.querySelector('.x-name');
  name.setAttribute('href', `/${item.handle}`);
  name.firstElementChild.textContent = item.author;
  const handle = article.querySelector('.x-handle');
  handle.setAttribute('href', `/${item.handle}`);
  handle.firstElementChild.textContent = `@${item.handle}`;
  const timeLink = article.querySelector('.x-time');
  timeLink.setAttribute('href', `/${item.handle}/status/${item.id}`);
  const time = timeLink.querySelector('time');
  time.setAttribute('datetime', item.time);
  time.textContent = shortTime(item.time);
  const text = article.querySelector('[data-testid="tweetText"]');
  text.replaceWith(tweetText(doc, item.text));
  const bar = article.querySelector('[role="group"]');
  bar.id = `id__${item.id}`;
  return article;
}

export function buildTweet(doc, item, { focal = false } = {}) {
  const article = h(doc, 'article', {
    'data-testid': 'tweet',
    role: 'article',
    tabindex: focal ? '-1' : '0',
    'data-fixture-focal': focal || null,
    class: `css-175oi2r r-18u37iz r-1ny4l3l x-tweet${focal ? ' x-tweet-focal' : ''}`,
  });
  return fillTweet(doc, article, item);
}

/** A row of X's virtualized timelines. */
export function buildCell(doc, child) {
  return h(doc, 'div', { 'data-testid': 'cellInnerDiv', class: 'css-175oi2r x-cell' }, [
    h(doc, 'div', { class: 'css-175oi2r r-1igl3o0 r-qklmqi' }, [child ?? null]),
  ]);
}

function composerBox(doc, { inline, label, onPost }) {
  const model = draftjs(doc, {
    'data-testid': 'tweetTextarea_0',
    'aria-label': label,
    'aria-multiline': 'true',
    spellcheck: 'true',
    'data-placeholder': label,
  });
  const root = h(doc, 'div', { class: 'DraftEditor-root' }, [h(doc, 'div', { class: 'DraftEditor-editorContainer' }, [model.editor])]);
  const submit = submitButton(doc, model, {
    label: 'Reply',
    aria: true,
    attrs: { 'data-testid': inline ? 'tweetButtonInline' : 'tweetButton', class: 'x-reply-button' },
    onSubmit: onPost,
  });
  const box = h(doc, 'div', { class: 'x-composer' }, [
    h(doc, 'div', { 'data-testid': 'tweetTextarea_0RichTextInputContainer', class: 'x-rich-input' }, [root]),
    h(doc, 'div', { 'data-testid': 'toolBar', class: 'x-toolbar' }, [h(doc, 'div', { class: 'x-tools' }, ['GIF']), submit]),
  ]);
  return { box, model, submit };
}

/**
 * A status page: focal post, inline reply box, conversation list (virtualized: `poolSize` rows
 * reused in place), and the reply modal a reply's Reply button opens. `onModal(open)` lets the
 * app push /compose/post and go back as X does; `onPost({ text, replyTo })` records a post.
 */
export function mountStatusPage(doc, { count = 60, poolSize, onPost = () => {}, onModal = () => {} } = {}) {
  const items = conversation(count);
  const main = doc.querySelector('[data-testid="primaryColumn"]') ?? doc.body;
  const focal = buildTweet(doc, FOCAL, { focal: true });
  const inline = composerBox(doc, { inline: true, label: 'Post text', onPost: (text) => post(text, FOCAL) });
  const timeline = h(doc, 'div', { 'aria-label': 'Timeline: Conversation', class: 'x-timeline' });
  const inner = h(doc, 'div', { class: 'css-175oi2r x-list', style: 'position: relative' });
  timeline.append(
    buildCell(doc, focal),
    buildCell(doc, h(doc, 'div', { class: 'x-inline-reply' }, [h(doc, 'div', { class: 'x-avatar x-avatar-small', style: `background:${colourFor(CREATOR.handle)}` }, ['C']), inline.box])),
    inner,
  );
  const section = h(doc, 'section', { 'aria-labelledby': 'accessible-list-1', role: 'region' }, [
    h(doc, 'h1', { id: 'accessible-list-1', class: 'x-visually-hidden' }, ['Conversation']),
    timeline,
  ]);
  main.append(section);

  const list = virtualList({
    container: inner,
    items,
    poolSize: poolSize ?? (count >= 2000 ? 200 : 30),
    createRow: () => buildCell(doc, buildTweet(doc, { id: statusId(0), author: ' ', handle: 'x', text: ' ', time: FOCAL.time })),
    renderRow: (row, item) => fillTweet(doc, row.querySelector('article'), item),
  });

  let modal = null;
  function post(text, replyTo) {
    onPost({ text, replyTo: replyTo.id });
    const at = items.findIndex((i) => i.id === replyTo.id);
    items.splice(at + 1, 0, {
      id: statusId(900000 + items.length),
      ...CREATOR,
      text,
      time: new Date().toISOString(),
    });
    list.redraw();
  }

  function closeModal() {
    if (!modal) return;
    modal.layer.remove();
    modal = null;
    onModal(false);
  }

  function openModal(item) {
    closeModal();
    const box = composerBox(doc, { inline: false, label: 'Post text', onPost: (text) => { post(text, item); closeModal(); } });
    const close = h(doc, 'button', { 'data-testid': 'app-bar-close', 'aria-label': 'Close', type: 'button', class: 'x-close' }, ['✕']);
    close.addEventListener('click', closeModal);
    const dialog = h(doc, 'div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'modal-header', class: 'x-dialog' }, [
      h(doc, 'div', { class: 'x-modal-top', id: 'modal-header' }, [close, h(doc, 'span', { class: 'x-drafts' }, ['Drafts'])]),
      buildTweet(doc, item),
      h(doc, 'div', { class: 'x-replying' }, ['Replying to ', h(doc, 'a', { href: `/${item.handle}`, role: 'link' }, [`@${item.handle}`])]),
      box.box,
    ]);
    const layer = h(doc, 'div', { id: 'layers', class: 'x-layers' }, [h(doc, 'div', { 'data-testid': 'mask', class: 'x-mask' }), dialog]);
    doc.body.append(layer);
    modal = { layer, dialog, item, ...box };
    onModal(true);
    return modal;
  }

  // Each post's Reply button opens the modal for that post (the focal post's too).
  section.addEventListener('click', (event) => {
    const reply = event.target instanceof Element ? event.target.closest('[data-testid="reply"]') : null;
    if (!reply) return;
    const article = reply.closest('article[data-testid="tweet"]');
    const id = article?.dataset.fixtureId;
    const item = id === FOCAL.id ? FOCAL : items.find((i) => i.id === id);
    if (item) openModal(item);
  });

  return {
    section,
    items,
    list,
    focal,
    inline,
    modal: () => modal,
    openModal,
    closeModal,
    /** The open box's model: the modal's when it is open, else the inline one's. */
    composerState: () => (modal ? modal.model.state() : inline.model.state()),
    appendComments(n) {
      const start = items.length;
      for (let i = 0; i < n; i++) items.push(fillerItem(start + i));
      // New posts load at the end of the list; X scrolls rows onto them.
      list.scrollTo(items.length);
      return n;
    },
    editComment(fragment, text) {
      const item = items.find((i) => i.text.includes(fragment));
      if (!item) return false;
      item.text = text;
      list.redraw();
      return true;
    },
  };
}

/** The home timeline: a few posts, each linking to its status page. */
export function mountHome(doc, container) {
  const cells = HOME_POSTS.map((p) => buildCell(doc, buildTweet(doc, p)));
  container.append(h(doc, 'div', { 'aria-label': 'Timeline: Your Home Timeline', class: 'x-timeline' }, cells));
}
