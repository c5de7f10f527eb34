/**
 * Boots the LinkedIn fixture app: the feed (/feed/) and a post page (/feed/update/urn:li:activity:ID/
 * or /posts/SLUG) in one document, switched by in-app navigation (links intercepted, pushState,
 * Back through popstate; no page loads), as LinkedIn's app does. The markup is "v1" (Ember) by
 * default and "v2" (React SDUI: body[data-rehydrated], body > #root) when the first URL carries
 * ?ui=v2, since LinkedIn serves either to an account. ?comments=N renders N top-level comments
 * on the main post (filler after the named ones) for benchmarks. Test hooks on window.__fixture.
 *
 * Messaging (messaging.js): the nav's Messaging link opens /messaging/ (the conversation list; a
 * click opens /messaging/thread/ID/), and the messaging overlay sits over every other page. The
 * conversation hooks (ChatFixtureApi) act on the open thread, else the overlay bubble in use;
 * composerState and recycle act on the comments while no conversation is open.
 */
import { installFixtureApi, installRouter, later, h } from '../shared/kit.js';
import { installChatApi } from '../shared/chat-kit.js';
import { createMessaging } from './messaging.js';
import {
  COMMENT_SELECTOR,
  CREATOR,
  POSTS,
  buildComments,
  buildPost,
  defaultCount,
  installCommentBehaviour,
  openBoxState,
  openComments,
  postByActivity,
  posted,
  textElementOf,
} from './fixture-dom.js';

const first = new URL(location.href);
const version = first.searchParams.get('ui') === 'v2' ? 'v2' : 'v1';

const state = {
  page: 'feed',
  /** The post whose comments are open, its list element, and how many top-level comments it shows. */
  post: null,
  list: null,
  next: 0,
  /** Bumped on navigation so a late comment load for the old page is dropped. */
  generation: 0,
};

// ---- shell --------------------------------------------------------------------------------
const nav = h(document, 'header', { class: 'global-nav' }, [
  h(document, 'div', { class: 'global-nav__content' }, [
    h(document, 'a', { class: 'fx-logo', href: '/feed/', 'aria-label': 'LinkedIn' }, ['in']),
    h(document, 'div', { class: 'fx-search' }, ['Search']),
    h(document, 'nav', { class: 'fx-nav' }, [
      h(document, 'a', { href: '/feed/' }, ['Home']),
      h(document, 'span', {}, ['My Network']),
      h(document, 'span', {}, ['Jobs']),
      h(document, 'a', { href: '/messaging/' }, ['Messaging']),
      h(document, 'span', {}, ['Notifications']),
    ]),
  ]),
]);
const main = h(document, 'main', { class: 'scaffold-layout__main', 'aria-label': 'Main Feed' });
const side = h(document, 'aside', { class: 'scaffold-layout__sidebar' }, [
  h(document, 'div', { class: 'fx-card fx-profile' }, [
    h(document, 'div', { class: 'fx-banner' }),
    h(document, 'div', { class: 'fx-avatar fx-avatar--xl', style: 'background:#a0522d' }, ['C']),
    h(document, 'p', { class: 'fx-strong' }, [CREATOR.author]),
    h(document, 'p', { class: 'fx-muted fx-small' }, ['Sourdough teacher. Eleven years, one loaf at a time.']),
  ]),
]);
const layout = h(document, 'div', { class: 'scaffold-layout' }, [side, main]);
// Messages the site sent through its own paths (Enter, Send): the conversation suite wants none.
let recordSend = () => {};
const messaging = createMessaging(document, { onSend: (text) => recordSend({ text }) });
if (version === 'v2') {
  document.body.setAttribute('data-rehydrated', 'true');
  document.body.append(h(document, 'div', { id: 'root' }, [nav, layout]));
} else {
  document.body.append(h(document, 'div', { class: 'application-outlet' }, [nav, layout]));
}
document.body.append(messaging.overlay);

// ---- pages --------------------------------------------------------------------------------
function countFor(post, url) {
  const param = url.searchParams.get('comments');
  if (post === POSTS[0] && param !== null && /^\d+$/.test(param)) return Number(param);
  return defaultCount(post);
}

/** Which page a URL shows, as LinkedIn's router decides it. */
function route(url) {
  if (/^\/messaging(\/|$)/.test(url.pathname)) return { page: 'messaging', post: null };
  const update = /^\/feed\/update\/urn:li:activity:(\d+)\/?$/.exec(url.pathname);
  if (update) return { page: 'post', post: postByActivity(update[1]) };
  const slug = /^\/posts\/([^/]+)\/?$/.exec(url.pathname);
  if (slug) return { page: 'post', post: POSTS.find((p) => p.slug === slug[1]) ?? null };
  return { page: 'feed', post: null };
}

async function loadComments(postEl, url = new URL(location.href)) {
  const activity = postEl.getAttribute('data-urn')?.split(':').pop() ?? postEl.getAttribute('data-fixture-activity');
  const post = postByActivity(activity ?? '');
  if (!post) return 0;
  const list = openComments(document, version, postEl);
  if (state.list === list) return state.next;
  const generation = state.generation;
  // Comments arrive a moment later, as from LinkedIn's API.
  await later();
  if (generation !== state.generation || !list.isConnected) return 0;
  state.post = post;
  state.list = list;
  state.next = 0;
  return appendComments(countFor(post, url));
}

function appendComments(n) {
  if (!state.list || !state.post) return 0;
  const nodes = buildComments(document, version, state.post, state.next, n);
  state.next += n;
  state.list.append(...nodes);
  return nodes.length;
}

async function render(url) {
  state.generation += 1;
  state.post = null;
  state.list = null;
  state.next = 0;
  const { page, post } = route(url);
  state.page = page;
  const onMessaging = page === 'messaging';
  layout.classList.toggle('fx-layout--messaging', onMessaging);
  // LinkedIn hides the overlay on its messaging page; its bubbles stay open for other pages.
  messaging.overlay.hidden = onMessaging;
  if (onMessaging) {
    state.page = messaging.renderPage(url, main);
    return;
  }
  messaging.leavePage();
  if (page === 'post' && post) {
    document.title = `${CREATOR.author} on LinkedIn: ${post.text.split('\n')[0]}`;
    const el = buildPost(document, version, post, { open: true, count: countFor(post, url) });
    main.replaceChildren(el);
    await loadComments(el, url);
    return;
  }
  state.page = 'feed';
  document.title = 'Feed | LinkedIn';
  main.replaceChildren(
    h(document, 'div', { class: 'fx-card fx-share' }, [h(document, 'div', { class: 'fx-placeholder' }, ['Start a post'])]),
    ...POSTS.map((p) => buildPost(document, version, p, { count: countFor(p, url) })),
  );
}

installCommentBehaviour(document, version, { loadComments: (postEl) => loadComments(postEl) });
const router = installRouter(document, render);
void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});

installFixtureApi(window, {
  page: () => state.page,
  version: () => version,
  composerState: () => openBoxState(),
  appendComments: (n) => appendComments(n),
  /** LinkedIn keeps every comment in the page: a re-render puts new nodes for the same comments. */
  async recycle() {
    if (!state.list || !state.post) return;
    state.list.replaceChildren(...buildComments(document, version, state.post, 0, state.next));
  },
  editComment(fragment, text) {
    const comment = [...document.querySelectorAll(COMMENT_SELECTOR[version])].reverse().find((c) => textElementOf(c)?.textContent.includes(fragment));
    const el = comment && textElementOf(comment);
    if (!el) return false;
    el.replaceChildren(document.createTextNode(text));
    return true;
  },
  go: (href) => router.go(href),
});
// Replies posted through the fixture's own submit buttons (the conformance suite wants none).
const api = window.__fixture;
api.posted = () => posted.map((p) => ({ text: p.text }));

// The conversation hooks (ChatFixtureApi), on the open conversation; the comment hooks of the
// same names answer while none is open.
const comments = { page: api.page, composerState: api.composerState, recycle: api.recycle };
const chat = () => messaging.open();
({ recordSend } = installChatApi(window, {
  page: () => (chat() && state.page !== 'dm' ? 'dm-overlay' : state.page),
  composerState: () => {
    const open = chat();
    return open ? open.composer.state() : comments.composerState();
  },
  keyEvents: () => chat()?.composer.keyEvents() ?? 0,
  receive: (text) => chat()?.receive(text),
  showSent: (text) => chat()?.showSent(text),
  fill: (n) => chat()?.fill(n) ?? 0,
  async recycle() {
    const open = chat();
    if (open) open.recycle();
    else await comments.recycle();
  },
}));
