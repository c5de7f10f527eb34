/**
 * Boots the Bluesky fixture app (bsky.app): the home feed, and a thread screen per post,
 * reached by clicking a feed card or a timestamp link (in-app navigation: pushState, no page
 * load). As the client's navigator does, an earlier screen stays mounted, hidden, when another
 * is pushed over it, and Back unmounts the top one. `?comments=N` on a thread URL renders N
 * replies (for benchmarks). Test hooks on window.__fixture (e2e/sites/fixture-api.ts).
 */
import { installFixtureApi, installRouter, later } from '../shared/kit.js';
import {
  DEFAULT_FILLER,
  MAIN_POST,
  MAIN_REPLIES,
  RYE_POST,
  RYE_REPLIES,
  appendReplies,
  buildFeedItem,
  buildThreadScreen,
  composerController,
  creatorReply,
  fillerReply,
  installReplyControls,
  mainRepliesFor,
  postIndex,
  renderReplies,
  replyList,
  showPostedReply,
} from './thread-dom.js';

const main = document.querySelector('main');
const home = document.querySelector('[data-fixture-screen="home"]');
const feed = home.querySelector('.fx-feed');

/** Pushed thread screens, bottom first: { url, anchor, replies, screen, items }. */
const stack = [];
let page = 'home';
let nextFiller = 0;

const OTHER_POST = {
  rkey: '3lcoffeebrew01',
  name: 'Bean There',
  handle: 'beanthere.bsky.social',
  text: 'Pour-over Sunday. What are you all brewing?',
  time: '2026-03-27T14:00:00.000Z',
};
feed.replaceChildren(...[MAIN_POST, OTHER_POST, RYE_POST].map((p) => buildFeedItem(document, p)));

function commentsParam(url) {
  const n = url.searchParams.get('comments');
  return n !== null && /^\d+$/.test(n) ? Number(n) : null;
}

/** The thread for a post path, with fresh reply data each time it is opened. */
function threadFor(url) {
  const match = /^\/profile\/([^/]+)\/post\/([^/?#]+)\/?$/.exec(url.pathname);
  if (!match) return null;
  const total = commentsParam(url);
  const mainReplies = mainRepliesFor(total === null ? {} : { total });
  nextFiller = total === null ? DEFAULT_FILLER : Math.max(0, total - MAIN_REPLIES.length);
  const index = postIndex(mainReplies);
  const anchor = index.get(match[2]);
  if (!anchor) return null;
  const root = anchor.root ?? anchor.rkey;
  const replies = root === RYE_POST.rkey ? [...RYE_REPLIES] : root === MAIN_POST.rkey ? mainReplies : [];
  return { anchor, replies, index };
}

const composer = composerController(document, {
  onPost(replyTo, text) {
    api.recordPost({ text });
    const top = stack[stack.length - 1];
    const reply = creatorReply(replyTo, text);
    top?.replies.push(reply);
    if (top) showPostedReply(document, top.screen, replyTo, reply);
  },
});
installReplyControls(document, composer);

function show(name) {
  page = name;
  home.style.display = name === 'home' ? '' : 'none';
  stack.forEach((entry, i) => {
    entry.screen.style.display = name === 'thread' && i === stack.length - 1 ? '' : 'none';
  });
}

async function render(url) {
  composer.close();
  if (url.pathname === '/' || !url.pathname.startsWith('/profile/')) {
    // Home unmounts the pushed thread screens (the tab's stack pops to its root).
    for (const entry of stack.splice(0)) entry.screen.remove();
    show('home');
    document.title = 'Home — Bluesky';
    return;
  }
  // Back to the screen below: unmount the top one and show it again.
  const below = stack[stack.length - 2];
  if (below && below.url === url.pathname + url.search) {
    stack.pop()?.screen.remove();
    show('thread');
    return;
  }
  const thread = threadFor(url);
  show('thread');
  if (!thread) return;
  await later();
  const { screen, items } = buildThreadScreen(document, thread.anchor, thread.replies, thread.index);
  screen.querySelector('[data-fixture-back]')?.addEventListener('click', () => history.back());
  stack.push({ url: url.pathname + url.search, ...thread, screen, items });
  main.append(screen);
  show('thread');
  document.title = `${thread.anchor.name}: "${thread.anchor.text.slice(0, 40)}…" — Bluesky`;
}

const router = installRouter(document, render);

// A feed card opens its post wherever it is clicked (links inside it keep their own target).
feed.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || event.target.closest('a[href]')) return;
  const card = event.target.closest('[data-href]');
  if (card) void router.go(card.getAttribute('data-href'));
});

const api = installFixtureApi(window, {
  page: () => page,
  composerState: () => composer.state(),
  /** Bluesky keeps every reply mounted: a re-render (a sort change) gives them new nodes. */
  async recycle() {
    const top = stack[stack.length - 1];
    if (!top) return;
    renderReplies(document, top.items, replyList(top.anchor, top.replies));
    await later(20);
  },
  editComment(fragment, text) {
    const top = stack[stack.length - 1];
    const body = top && [...top.screen.querySelectorAll('[data-word-wrap]')].find((el) => el.textContent.includes(fragment));
    if (!body) return false;
    const p = top.replies.find((r) => r.text.includes(fragment));
    if (p) p.text = text;
    body.textContent = text;
    return true;
  },
  appendComments(n) {
    const top = stack[stack.length - 1];
    if (!top) return 0;
    const more = Array.from({ length: n }, () => ({ ...fillerReply(nextFiller++), root: top.anchor.root ?? top.anchor.rkey, parent: top.anchor.rkey }));
    top.replies.push(...more);
    appendReplies(document, top.items, more);
    return more.length;
  },
});

void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});
