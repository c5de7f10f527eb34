/**
 * Boots the Threads fixture app (www.threads.com / www.threads.net): the home feed and a post
 * page, switched by in-app navigation (a click anywhere on a feed post, or on its time link;
 * pushState, no page load). The post page shows the main post, then its replies in a
 * virtualized list whose row nodes are reused for other replies as it scrolls. `?comments=N`
 * renders N replies (about 200 live rows from 2,000 on). Test hooks on window.__fixture.
 */
import { h, installFixtureApi, installRouter, later } from '../shared/kit.js';
import { virtualList } from '../shared/virtual-list.js';
import {
  MAIN_POST,
  OTHER_POSTS,
  buildPost,
  createRow,
  creatorReply,
  dialogController,
  fillerReply,
  installReplyButtons,
  postOf,
  postPath,
  renderRow,
  repliesFor,
  showPostedReply,
} from './post-dom.js';

const column = document.querySelector('.fx-column');
const POSTS = [MAIN_POST, ...OTHER_POSTS];
let page = 'home';
/** The post page's replies and its virtual list, while one is shown. */
let current = null;
let nextFiller = 0;

const dialogs = dialogController(document, {
  onPost(replyTo, text) {
    api.recordPost({ text });
    if (current) showPostedReply(current.replies, current.virtual, replyTo, creatorReply(text));
  },
});
installReplyButtons(document, dialogs);

function renderHome() {
  page = 'home';
  current = null;
  column.replaceChildren(
    h(document, 'div', { class: 'fx-column-head' }, [h(document, 'span', { class: 'fx-on' }, ['For you']), h(document, 'span', {}, ['Following'])]),
    ...POSTS.map((p) => h(document, 'div', { class: 'x1n2onr6 fx-feed-cell' }, [buildPost(document, p)])),
  );
  document.title = 'Threads';
}

async function renderPost(url, code) {
  page = 'post';
  const main = POSTS.find((p) => p.code === code);
  column.replaceChildren(h(document, 'div', { class: 'fx-column-head' }, [h(document, 'a', { href: '/', class: 'fx-back', 'aria-label': 'Back' }, ['←']), h(document, 'span', {}, ['Thread'])]));
  if (!main) return;
  column.append(buildPost(document, main));
  document.title = `${main.username} on Threads`;
  await later();
  const n = url.searchParams.get('comments');
  const total = n !== null && /^\d+$/.test(n) ? Number(n) : null;
  const replies = main === MAIN_POST ? repliesFor(total === null ? {} : { total }) : [];
  nextFiller = replies.filter((r) => r.code.startsWith('DHfill')).length;
  const list = h(document, 'div', { class: 'fx-replies' });
  column.append(h(document, 'div', { class: 'fx-replies-head' }, [h(document, 'b', {}, ['Replies']), h(document, 'span', {}, ['View activity ›'])]), list);
  const virtual = virtualList({
    container: list,
    items: replies,
    poolSize: replies.length >= 2000 ? 200 : 30,
    createRow: () => createRow(document),
    renderRow: (row, p) => renderRow(document, row, p),
  });
  current = { replies, virtual };
}

async function render(url) {
  dialogs.close();
  const match = /^\/@[\w.]+\/post\/([\w-]+)\/?$/.exec(url.pathname);
  if (match) return renderPost(url, match[1]);
  renderHome();
}

const router = installRouter(document, render);

// A post opens wherever it is clicked, as on Threads (links and buttons inside keep their own).
column.addEventListener('click', (event) => {
  if (page !== 'home' || !(event.target instanceof Element) || event.target.closest('a[href], [role="button"]')) return;
  const container = event.target.closest('[data-pressable-container="true"]');
  const p = container && postOf.get(container);
  if (p) void router.go(postPath(p));
});

const api = installFixtureApi(window, {
  page: () => page,
  composerState: () => dialogs.state(),
  /** A scroll: every live row is reused, in place, for another reply. */
  async recycle() {
    current?.virtual.scrollBy(7);
    await later(20);
  },
  editComment(fragment, text) {
    const p = current?.replies.find((r) => !r.deleted && r.text.includes(fragment));
    if (!p) return false;
    p.text = text;
    current.virtual.redraw();
    return true;
  },
  appendComments(n) {
    if (!current) return 0;
    for (let i = 0; i < n; i++) current.replies.push(fillerReply(nextFiller++));
    current.virtual.redraw();
    return n;
  },
});

void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});
