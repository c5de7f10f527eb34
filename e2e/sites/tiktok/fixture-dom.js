/**
 * DOM for the TikTok fixture: the comment panel of a video (the same panel on a video page and
 * in the feed's comment sidebar), shared by the fixture app (app.js) and the unit tests
 * (lib/sites/tiktok.test.ts), so both read one markup.
 *
 * Markup as docs/sites-reference.md describes TikTok: stable `data-e2e` anchors (comment-item,
 * comment-username-1/-2, comment-level-1/-2, comment-time-1/-2, comment-reply-1/-2,
 * comment-input, comment-post) and hashed emotion class names (`css-1k8xzzl-DivCommentItemWrapper
 * e1970p9w1`). One row (`[data-e2e="comment-item"]`, a DivCommentObjectWrapper) per thread: the
 * top-level comment's DivCommentItemWrapper, then a DivReplyContainer holding the replies'.
 *
 * The list is virtualized as TikTok's is: a fixed pool of rows whose nodes are reused in place
 * for other threads as it scrolls (text nodes, links and attributes rewritten, the row kept).
 *
 * The reply box is a Draft.js editor that ignores untrusted events (composers.js draftjs with
 * trustedOnly), as TikTok's does: no synthetic paste, beforeinput or DOM write reaches its
 * model, so Post stays disabled and the extension must fall back to Copy.
 *
 * Every piece of comment data is set with textContent or attributes, never innerHTML: the data
 * includes hostile strings on purpose.
 */
import { BAKER_COMMENTS, HOSTILE, fillerComment, h, hostileComments } from '../shared/kit.js';
import { draftjs, submitButton } from '../shared/composers.js';
import { virtualList } from '../shared/virtual-list.js';

export { HOSTILE, BAKER_COMMENTS };

/** The sample creator's account (public/samples/sample-profile.json bakes sourdough). */
export const CREATOR = { name: 'Crumb & Crust Kitchen', handle: 'crumbandcrust' };

/** The creator's videos, as the feed and the video pages show them. */
export const VIDEOS = [
  {
    id: '7312345678901234567',
    caption: 'My 72-hour sourdough method, start to finish #sourdough #breadtok #baking',
    likes: '48.2K',
    comments: '1,204',
  },
  {
    id: '7318765432109876543',
    caption: 'Reviving a neglected starter in 3 days #sourdoughstarter #fyp',
    likes: '12.9K',
    comments: '388',
  },
  {
    id: '7320000000000000001',
    caption: 'Shaping a batard: the 5 mistakes I made for years #bread',
    likes: '30.1K',
    comments: '702',
  },
];

/** Rows kept alive by the list: ~30, ~200 on a 2,000-comment benchmark page. */
export function poolSizeFor(count) {
  return count >= 2000 ? 200 : 30;
}

/** Hashed emotion class names, as TikTok ships them: a hash, the component name, a suffix. */
const CLS = {
  row: 'css-13wx63w-DivCommentObjectWrapper ezgpko42',
  item: 'css-1gstnae-DivCommentItemWrapper eo72wou0',
  avatar: 'css-1lxlbhe-StyledLink-StyledUserLinkAvatar e1g2yhv81',
  content: 'css-1k8xzzl-DivCommentContentWrapper e1g2yhv83',
  username: 'css-1665s4c-DivUsernameContentWrapper e1g2yhv85',
  userLink: 'css-fx1avz-StyledLink-StyledUserLinkName e1g2yhv86',
  text: 'css-xm2h10-PCommentText e1g2yhv88',
  sub: 'css-1ivw6bb-DivCommentSubContentWrapper e1g2yhv813',
  time: 'css-4tru0g-SpanCreatedTime e1g2yhv815',
  reply: 'css-1vvhsw9-SpanReplyButton e1g2yhv816',
  like: 'css-1nd5cw-DivLikeWrapper ezxoskx0',
  replies: 'css-zmjbty-DivReplyContainer ezgpko43',
  deleted: 'css-1dvtpm5-PCommentDeleted e1g2yhv89',
  box: 'css-13rdvyz-DivCommentInputContainer e1ciaho80',
  inputWrap: 'css-1vz3kl7-DivInputEditorContainer e1ciaho81',
  post: 'css-1p3sj3r-DivPostButton e1ciaho85',
};

/**
 * The panel's threads, in order: the comments the sample creator's memory answers (some with
 * replies), the hostile corpus, one deleted comment, then filler up to `count` threads.
 * Times mix relative ("2d ago") and dated (TikTok shows "M-D" this year, "YYYY-M-D" before).
 * With `onlyFiller` (benchmarks: ?comments=N) every thread is filler.
 */
export function commentThreads(count = 60, { onlyFiller = false } = {}) {
  const times = ['2024-11-3', '11-2', '3d ago', '2024-10-28', '5h ago', '2024-10-30'];
  const threads = [];
  const push = (c, extra = {}) => threads.push({ id: `c${threads.length}`, likes: String((threads.length * 37) % 500), replies: [], ...c, ...extra });
  if (!onlyFiller) {
    BAKER_COMMENTS.forEach((c, i) => push(c, { time: times[i % times.length] }));
    threads[0].replies = [
      { id: 'c0r0', author: CREATOR.name, handle: CREATOR.handle, text: 'Yes! Drop the hydration to 75% and check it at 60 hours.', time: '2024-11-4', likes: '52', creator: true },
      { id: 'c0r1', author: 'Grain Nerd', handle: 'grainnerd', text: 'Whole wheat ferments faster, so watch it closely after day two.', time: '1d ago', likes: '8' },
    ];
    threads[3].replies = [{ id: 'c3r0', author: 'Maria', handle: 'maria.bakes', text: 'Same, saved it to my baking folder!', time: '2024-10-29', likes: '3' }];
    for (const c of hostileComments()) push(c, { time: '2024-10-21' });
    push({ author: '', handle: '', text: '', deleted: true }, { time: '2024-10-20' });
  }
  for (let i = 0; threads.length < count; i++) {
    push(fillerComment(i), { time: `2024-${1 + (i % 9)}-${1 + (i % 28)}` });
  }
  return threads;
}

/** An empty row as TikTok's list creates it; renderRow fills it (and refills it when reused). */
export function createRow(doc) {
  const row = h(doc, 'div', { 'data-e2e': 'comment-item', class: CLS.row });
  row.append(createItem(doc, 1), h(doc, 'div', { class: CLS.replies }));
  return row;
}

/** One comment's DivCommentItemWrapper; `level` 1 is top-level, 2 a reply (data-e2e suffixes). */
function createItem(doc, level) {
  const avatarLink = h(doc, 'a', { class: CLS.avatar, 'data-e2e': `comment-avatar-${level}`, tabindex: '-1' }, [
    h(doc, 'span', { class: 'fx-avatar' }),
  ]);
  const userLink = h(doc, 'a', { class: CLS.userLink }, [h(doc, 'p', { class: 'fx-name' })]);
  const username = h(doc, 'div', { 'data-e2e': `comment-username-${level}`, class: CLS.username }, [userLink]);
  const text = h(doc, 'span', { 'data-e2e': `comment-level-${level}`, class: CLS.text }, [h(doc, 'p', {})]);
  const time = h(doc, 'span', { 'data-e2e': `comment-time-${level}`, class: CLS.time });
  const reply = h(doc, 'span', { role: 'button', tabindex: '0', 'data-e2e': `comment-reply-${level}`, class: CLS.reply }, ['Reply']);
  const sub = h(doc, 'div', { class: CLS.sub }, [time, reply]);
  const like = h(doc, 'div', { class: CLS.like, 'data-e2e': `comment-like-${level}` }, [
    h(doc, 'span', { class: 'fx-heart', 'aria-hidden': 'true' }, ['♡']),
    h(doc, 'span', { 'data-e2e': `comment-like-count` }),
  ]);
  const deleted = h(doc, 'p', { class: CLS.deleted, hidden: true }, ['This comment has been deleted']);
  const content = h(doc, 'div', { class: CLS.content }, [username, text, deleted, sub]);
  return h(doc, 'div', { class: CLS.item }, [avatarLink, content, like]);
}

function setText(el, text) {
  // Reuse the text node as React does when a recycled row gets new props.
  if (el.firstChild && el.firstChild.nodeType === 3 && !el.firstChild.nextSibling) {
    if (el.firstChild.data !== text) el.firstChild.data = text;
  } else {
    el.textContent = text;
  }
}

/** Fill a comment item in place with `comment` (the node keeps its identity). */
export function renderItem(item, comment) {
  const level = item.querySelector('[data-e2e^="comment-level-"]').getAttribute('data-e2e').slice(-1);
  item.setAttribute('data-fixture-id', comment.id);
  if (comment.deleted) item.setAttribute('data-fixture-deleted', '');
  else item.removeAttribute('data-fixture-deleted');
  const href = comment.handle ? `/@${comment.handle}` : null;
  for (const link of item.querySelectorAll('a')) {
    if (href) link.setAttribute('href', href);
    else link.removeAttribute('href');
  }
  const avatar = item.querySelector('.fx-avatar');
  const letter = Array.from(comment.handle || '?')[0] ?? '?';
  setText(avatar, letter.toUpperCase());
  const hue = [...(comment.handle || '?')].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 7);
  avatar.setAttribute('style', `background:hsl(${hue} 45% 55%)`);
  setText(item.querySelector('.fx-name'), comment.author);
  item.querySelector(`[data-e2e="comment-username-${level}"]`).classList.toggle('fx-creator', Boolean(comment.creator));
  setText(item.querySelector(`[data-e2e="comment-level-${level}"] > p`), comment.text);
  item.querySelector(`.${CLS.deleted.split(' ')[0]}`).hidden = !comment.deleted;
  setText(item.querySelector(`[data-e2e="comment-time-${level}"]`), comment.time);
  item.querySelector(`[data-e2e="comment-reply-${level}"]`).hidden = Boolean(comment.deleted);
  setText(item.querySelector('[data-e2e="comment-like-count"]'), comment.deleted ? '' : comment.likes ?? '0');
}

/**
 * Show `thread` in `row`, reusing the row's nodes: the top-level item, then as many reply items
 * as the thread has (extra ones are removed, missing ones created). An inline reply box open
 * for the thread that used to be here goes, as React unmounts it with its key.
 */
export function renderRow(row, thread) {
  const doc = row.ownerDocument;
  if (row.getAttribute('data-fixture-thread') !== thread.id) {
    for (const box of row.querySelectorAll('[data-fixture-reply-box]')) box.remove();
  }
  row.setAttribute('data-fixture-thread', thread.id);
  const [top, replies] = [row.firstElementChild, row.lastElementChild];
  renderItem(top, thread);
  const items = [...replies.children].filter((el) => el.hasAttribute('data-fixture-id') || el.classList.contains(CLS.item.split(' ')[0]));
  thread.replies.forEach((reply, i) => {
    let item = items[i];
    if (!item) {
      item = createItem(doc, 2);
      replies.append(item);
    }
    renderItem(item, reply);
  });
  for (const extra of items.slice(thread.replies.length)) extra.remove();
}

/** The reply box TikTok opens under a comment: Draft.js behind comment-input, then Post. */
export function buildReplyBox(doc, { replyTo, onPost }) {
  const composer = draftjs(doc, { 'aria-label': 'Add comment...', class: 'notranslate public-DraftEditor-content' }, { trustedOnly: true });
  const placeholder = h(doc, 'div', { class: 'public-DraftEditorPlaceholder-root' }, [`Reply to ${replyTo}`]);
  const root = h(doc, 'div', { class: 'DraftEditor-root' }, [placeholder, h(doc, 'div', { class: 'DraftEditor-editorContainer' }, [composer.editor])]);
  composer.onChange((text) => {
    placeholder.hidden = text.length > 0;
  });
  const input = h(doc, 'div', { 'data-e2e': 'comment-input', class: CLS.inputWrap }, [root]);
  const post = submitButton(doc, composer, {
    label: 'Post',
    tag: 'div',
    attrs: { 'data-e2e': 'comment-post', class: CLS.post },
    onSubmit: (text) => onPost(text),
  });
  const box = h(doc, 'div', { class: CLS.box, 'data-fixture-reply-box': '' }, [input, post]);
  return { box, composer, post };
}

/**
 * A comment panel's list in `container`: a virtual list of thread rows, the inline reply box
 * behaviour (Reply opens a box under that comment; one box at a time), posting through Post.
 */
export function mountCommentList(doc, container, { threads, poolSize = poolSizeFor(threads.length), onPost = () => {} }) {
  let list = makeList();
  /** The reply box open now: { box, composer, commentId }. */
  let open = null;

  function makeList() {
    container.replaceChildren();
    return virtualList({ container, items: threads, poolSize, renderRow, createRow: () => createRow(doc) });
  }

  function closeBox() {
    open?.box.remove();
    open = null;
  }

  function find(id) {
    for (const thread of threads) {
      if (thread.id === id) return { thread, comment: thread };
      const reply = thread.replies.find((r) => r.id === id);
      if (reply) return { thread, comment: reply };
    }
    return null;
  }

  function openFor(item) {
    const id = item.getAttribute('data-fixture-id');
    const found = find(id);
    if (!found || found.comment.deleted) return null;
    if (open?.commentId === id && open.box.isConnected) {
      open.composer.editor.focus();
      return open;
    }
    closeBox();
    const { box, composer } = buildReplyBox(doc, {
      replyTo: found.comment.author,
      onPost(text) {
        onPost({ text, parentId: found.thread.id });
        found.thread.replies.push({ id: `${found.thread.id}r${found.thread.replies.length}`, author: CREATOR.name, handle: CREATOR.handle, text, time: 'Just now', likes: '0', creator: true });
        closeBox();
        list.redraw();
      },
    });
    item.after(box);
    open = { box, composer, commentId: id };
    composer.editor.focus();
    return open;
  }

  function onActivate(event) {
    const button = event.target instanceof Element ? event.target.closest('[data-e2e^="comment-reply-"]') : null;
    if (!button || !container.contains(button)) return;
    const item = button.closest('[data-fixture-id]');
    if (item) openFor(item);
  }
  container.addEventListener('click', onActivate);
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') onActivate(event);
  });

  return {
    list: () => list,
    threads,
    /** The open reply box's model text (what TikTok would post), or null. */
    composerState: () => (open?.box.isConnected ? open.composer.state() : null),
    openBox: () => (open?.box.isConnected ? open : null),
    /** Scroll: every row is reused in place for threads further down (wraps to the top). */
    recycle(step = Math.max(1, Math.floor(list.rows().length / 3))) {
      const rows = list.rows().length;
      const next = list.first() + step;
      list.scrollTo(next + rows > threads.length ? 0 : next);
    },
    append(more) {
      threads.push(...more);
      if (list.rows().length < Math.min(poolSize, threads.length)) {
        const first = list.first();
        list = makeList();
        list.scrollTo(first);
      } else {
        list.redraw();
      }
      return more.length;
    },
    /** The author edits a comment: its text changes in place (the row is redrawn). */
    edit(fragment, text) {
      for (const thread of threads) {
        for (const c of [thread, ...thread.replies]) {
          if (!c.deleted && c.text.includes(fragment)) {
            c.text = text;
            list.redraw();
            return true;
          }
        }
      }
      return false;
    },
  };
}

/** Filler threads i…i+n-1, numbered after what a list already holds. */
export function moreThreads(from, n) {
  return Array.from({ length: n }, (_, k) => ({
    id: `f${from + k}`,
    ...fillerComment(from + k),
    time: `2024-${1 + ((from + k) % 9)}-${1 + ((from + k) % 28)}`,
    likes: '1',
    replies: [],
  }));
}

const GRADIENTS = ['#6b3f1d, #e0a96d', '#3b2a1a, #c98c4f', '#8b5a2b, #e7c9a0'];

/** The video itself: a gradient card (no video, no image is ever fetched). */
export function buildPlayer(doc, video) {
  const i = Math.max(0, VIDEOS.indexOf(video));
  return h(doc, 'div', { class: 'fx-video', style: `background: linear-gradient(160deg, ${GRADIENTS[i % GRADIENTS.length]})` }, [
    h(doc, 'div', { class: 'fx-overlay' }, [h(doc, 'b', {}, [`@${CREATOR.handle}`]), '▶ 0:42']),
  ]);
}

export function videoPath(video) {
  return `/@${CREATOR.handle}/video/${video.id}`;
}

/** The panel's own "Add comment..." box at the bottom (a new top-level comment). */
export function buildBottomComposer(doc, { onPost }) {
  const composer = draftjs(doc, { 'aria-label': 'Add comment...', class: 'notranslate public-DraftEditor-content' }, { trustedOnly: true });
  const placeholder = h(doc, 'div', { class: 'public-DraftEditorPlaceholder-root' }, ['Add comment...']);
  composer.onChange((text) => {
    placeholder.hidden = text.length > 0;
  });
  const post = submitButton(doc, composer, {
    label: 'Post',
    tag: 'div',
    attrs: { 'data-e2e': 'comment-post', class: CLS.post },
    onSubmit: (text) => onPost(text),
  });
  return h(doc, 'div', { class: 'css-pfq5wx-DivBottomCommentContainer e1ciaho82' }, [
    h(doc, 'div', { 'data-e2e': 'comment-input', class: CLS.inputWrap }, [
      h(doc, 'div', { class: 'DraftEditor-root' }, [placeholder, h(doc, 'div', { class: 'DraftEditor-editorContainer' }, [composer.editor])]),
    ]),
    post,
  ]);
}

/** The comment list's scroll container, where mountCommentList draws the rows. */
export function buildListContainer(doc) {
  return h(doc, 'div', { class: 'css-7whb78-DivCommentListContainer ekjxngi3' });
}

/** TikTok's speech-bubble icon, inline (CI machines have no emoji font). */
function bubbleIcon(doc) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '22');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', 'currentColor');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', 'M12 3C6.5 3 2 6.6 2 11c0 2.4 1.3 4.5 3.4 6L4.5 21l4.6-2.4c.9.2 1.9.4 2.9.4 5.5 0 10-3.6 10-8s-4.5-8-10-8zM7.5 12.3a1.3 1.3 0 110-2.6 1.3 1.3 0 010 2.6zm4.5 0a1.3 1.3 0 110-2.6 1.3 1.3 0 010 2.6zm4.5 0a1.3 1.3 0 110-2.6 1.3 1.3 0 010 2.6z');
  svg.append(path);
  return svg;
}

/**
 * One video of the For You feed: the player (a link to the video page), author and caption,
 * and the action bar whose comment icon opens the comment sidebar (`onComments`).
 */
export function buildFeedItem(doc, video, { onComments = () => {} } = {}) {
  const comment = h(doc, 'button', { type: 'button', 'aria-label': `Read or add comments. ${video.comments} comments` }, [
    h(doc, 'span', { 'data-e2e': 'comment-icon' }, [bubbleIcon(doc)]),
    h(doc, 'strong', { 'data-e2e': 'comment-count' }, [video.comments]),
  ]);
  comment.addEventListener('click', () => onComments(video));
  return h(doc, 'article', { 'data-e2e': 'recommend-list-item-container', class: 'css-14bp9b0-ArticleItemContainer e1bh0wg70' }, [
    h(doc, 'div', {}, [
      h(doc, 'a', { href: videoPath(video), 'aria-label': video.caption }, [buildPlayer(doc, video)]),
      h(doc, 'div', { class: 'fx-feed-meta' }, [
        h(doc, 'a', { href: `/@${CREATOR.handle}`, 'data-e2e': 'video-author-uniqueid' }, [h(doc, 'b', {}, [CREATOR.handle])]),
        h(doc, 'div', { 'data-e2e': 'video-desc' }, [video.caption]),
      ]),
    ]),
    h(doc, 'section', { class: 'css-act-SectionActionBarContainer ees02z00' }, [
      h(doc, 'button', { type: 'button', 'aria-label': `Like video. ${video.likes} likes` }, [
        h(doc, 'span', { 'data-e2e': 'like-icon' }, ['♥']),
        h(doc, 'strong', { 'data-e2e': 'like-count' }, [video.likes]),
      ]),
      comment,
      h(doc, 'button', { type: 'button', 'aria-label': 'Share video' }, [h(doc, 'span', { 'data-e2e': 'share-icon' }, ['↪'])]),
    ]),
  ]);
}

/** The feed's comment sidebar for `video`: header, list container, the panel's own box. */
export function buildSidebar(doc, video, { onClose = () => {}, onPost = () => {} } = {}) {
  const list = buildListContainer(doc);
  const close = h(doc, 'button', { type: 'button', 'aria-label': 'Close' }, ['×']);
  close.addEventListener('click', onClose);
  const sidebar = h(doc, 'div', { class: 'css-side-DivCommentSidebarTransitionWrapper e1mecfx00' }, [
    h(doc, 'div', { class: 'fx-side-head' }, [`Comments (${video.comments})`, close]),
    list,
    buildBottomComposer(doc, { onPost }),
  ]);
  return { sidebar, list };
}

/** A video page: the player, and the side panel with author, caption, comments and the box. */
export function buildVideoPage(doc, video, { onPost = () => {} } = {}) {
  const list = buildListContainer(doc);
  const panel = h(doc, 'div', { class: 'css-vid-DivContentContainer e1mecfx01' }, [
    h(doc, 'div', { class: 'fx-profile' }, [
      h(doc, 'span', { class: 'fx-avatar', style: 'background:#a0522d' }, ['C']),
      h(doc, 'div', {}, [
        h(doc, 'a', { href: `/@${CREATOR.handle}`, 'data-e2e': 'browser-nickname' }, [h(doc, 'b', {}, [CREATOR.name])]),
        h(doc, 'div', { class: 'fx-sub' }, [`${CREATOR.handle} · 3d ago`]),
      ]),
    ]),
    h(doc, 'h1', { 'data-e2e': 'browse-video-desc', class: 'css-1wdx3tj-H1Container ejg0rhn1' }, [h(doc, 'span', {}, [video.caption])]),
    h(doc, 'div', { class: 'fx-tabs', role: 'tablist' }, [
      h(doc, 'span', { role: 'tab', 'aria-selected': 'true' }, [`Comments (${video.comments})`]),
      h(doc, 'span', { role: 'tab', 'aria-selected': 'false' }, ['Creator videos']),
    ]),
    list,
    buildBottomComposer(doc, { onPost }),
  ]);
  const page = h(doc, 'div', { class: 'css-vid-DivVideoDetailContainer eqrezik0' }, [
    h(doc, 'div', { class: 'css-vid-DivVideoContainer eqrezik1' }, [buildPlayer(doc, video)]),
    panel,
  ]);
  return { page, list };
}

/** A video page mounted into `doc.body` with its comments (unit tests: no app, no router). */
export function mountVideoPage(doc, { video = VIDEOS[0], threads = commentThreads(), onPost } = {}) {
  const { page, list } = buildVideoPage(doc, video);
  doc.body.replaceChildren(page);
  return mountCommentList(doc, list, { threads, onPost });
}

/** The feed with `video`'s comment sidebar open, mounted into `doc.body` (unit tests). */
export function mountFeedPanel(doc, { video = VIDEOS[0], threads = commentThreads(), onPost } = {}) {
  const feed = h(doc, 'div', { class: 'css-feed-DivOneColumnContainer e108hwin0' }, VIDEOS.map((v) => buildFeedItem(doc, v)));
  const { sidebar, list } = buildSidebar(doc, video);
  doc.body.replaceChildren(feed, sidebar);
  return mountCommentList(doc, list, { threads, onPost });
}
