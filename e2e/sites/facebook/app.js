/**
 * Boots the Facebook fixture app: the News Feed, a Page post, a group post and the post dialog
 * over the feed in one document, switched by in-app navigation (links intercepted, pushState,
 * Back through popstate), as Facebook's router does. Comments arrive a moment after the page.
 * The test hooks on window.__fixture act on the comments shown now (the dialog's when one is
 * open). /messages URLs are Messenger's (messenger-app.js), which adds the chat hooks
 * (ChatFixtureApi) and answers the shared ones while a Messenger page shows. See facebook.html
 * for the URLs it answers.
 */
import { h, installFixtureApi, installRouter, later } from '../shared/kit.js';
import {
  CREATOR,
  LOCALES,
  POSTS,
  buildBody,
  buildCommentsSection,
  buildDialog,
  buildFeedPost,
  buildPostBody,
  buildThreads,
  installCommentBehaviour,
  moreThreads,
  openBoxState,
  threadsFor,
} from './fixture-dom.js';
import { createMessenger } from './messenger-app.js';

const first = new URL(location.href).searchParams;
/** Facebook's UI language is an account setting: fixed for the session by the first URL. */
const locale = /^es/i.test(first.get('locale') ?? '') ? 'es' : 'en';
const countParam = first.get('comments');
const count = countParam !== null && /^\d+$/.test(countParam) ? Number(countParam) : undefined;
const L = LOCALES[locale];

document.documentElement.lang = L.lang;
document.querySelector('[data-fixture-search]').textContent = L.search;
document.querySelector('[data-fixture-home]').textContent = L.home;
document.querySelector('[data-fixture-groups]').textContent = L.groups;

const main = document.getElementById('fx-main');
const layers = document.getElementById('fx-layers');

const state = {
  /** The page kind the app shows: 'feed', 'post' or 'group-post'. */
  page: 'feed',
  /** The comments shown now: their post, list element and how many top-level comments. */
  post: null,
  list: null,
  rendered: 0,
  /** Bumped on every navigation, so a late comment load never lands on the next page. */
  generation: 0,
};

const { recordPost } = installFixtureApi(window, {
  page: () => state.page,
  composerState: () => openBoxState(),
  async recycle() {
    // Facebook re-renders the list (a sort change, a refetch): new nodes, same comments.
    if (!state.list) return;
    const threads = threadsFor(state.post, { count: state.rendered });
    state.list.replaceChildren(...buildThreads(document, threads, { post: state.post, locale }));
  },
  editComment(fragment, text) {
    for (const article of document.querySelectorAll('[role="article"][aria-label]')) {
      const body = [...article.querySelectorAll('div[dir="auto"]')].find((el) => el.closest('[role="article"]') === article);
      if (body?.textContent.includes(fragment)) {
        body.replaceWith(buildBody(document, { text }));
        return true;
      }
    }
    return false;
  },
  appendComments(n) {
    if (!state.list) return 0;
    const threads = moreThreads(state.post, state.rendered, n);
    state.list.append(...buildThreads(document, threads, { post: state.post, locale }));
    state.rendered += threads.length;
    return threads.length;
  },
});

const pageBox = document.getElementById('fx-page');
const commentHooks = window.__fixture;
const messenger = createMessenger(document, {
  locale,
  base: '/messages',
  nav: document.getElementById('mx-nav'),
  main,
  fallback: { page: () => state.page, composerState: commentHooks.composerState, recycle: commentHooks.recycle },
});

installCommentBehaviour(document, { locale, post: () => state.post ?? POSTS.page, onPost: recordPost });

function closeDialog() {
  if (!layers.firstChild) return;
  layers.replaceChildren();
  state.list = null;
  state.post = null;
}

async function openDialog(post) {
  closeDialog();
  const generation = state.generation;
  const threads = threadsFor(post, { count });
  // The dialog opens at once; its comments follow from the network.
  const { dialog, list } = buildDialog(document, post, { locale, threads: [] });
  layers.append(h(document, 'div', { class: 'fx-overlay' }, [dialog]));
  await later(120);
  if (generation !== state.generation || !dialog.isConnected) return;
  list.append(...buildThreads(document, threads, { post, locale }));
  dialog.querySelector('.fx-comment-count').textContent = L.comments(threads.length);
  Object.assign(state, { post, list, rendered: threads.length });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const opener = target?.closest('[data-fixture-open-dialog]');
  if (opener && !opener.closest('[role="dialog"]')) {
    void openDialog(POSTS[opener.getAttribute('data-fixture-open-dialog')]);
    return;
  }
  if (target?.closest('[data-fixture-close]')) closeDialog();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeDialog();
});

function feedPosts() {
  return [POSTS.dialog, POSTS.page, POSTS.group];
}

function renderFeed(url) {
  const group = /^\/groups\/([^/]+)\/?$/.exec(url.pathname);
  const posts = group ? [POSTS.group] : feedPosts();
  const children = posts.map((post, i) => buildFeedPost(document, post, { locale, position: i + 1, count: threadsFor(post, { count }).length }));
  if (group) {
    children.unshift(h(document, 'div', { class: 'fx-group-banner' }, [h(document, 'div', { class: 'fx-cover' }), h(document, 'h1', {}, [POSTS.group.group.name])]));
  }
  main.replaceChildren(h(document, 'div', { role: 'feed' }, children));
  document.title = 'Facebook';
}

async function renderPost(post) {
  const generation = state.generation;
  const threads = threadsFor(post, { count });
  const article = h(document, 'div', { class: 'fx-permalink' }, [buildPostBody(document, post, { locale, commentCount: threads.length })]);
  main.replaceChildren(article);
  document.title = `${post.caption.slice(0, 60)} | ${post.group ? post.group.name : CREATOR.name} | Facebook`;
  await later(120);
  if (generation !== state.generation) return;
  const { section, list } = buildCommentsSection(document, post, { locale, threads });
  article.append(section);
  Object.assign(state, { post, list, rendered: threads.length });
}

/** Which page a URL shows, as Facebook's router decides it. */
function postFor(url) {
  return Object.values(POSTS).find((post) => url.pathname.replace(/\/$/, '') === post.path) ?? null;
}

async function render(url) {
  state.generation += 1;
  closeDialog();
  Object.assign(state, { post: null, list: null, rendered: 0 });
  const inMessenger = url.pathname === '/messages' || url.pathname.startsWith('/messages/');
  pageBox.classList.toggle('mx-layout', inMessenger);
  const messengerLink = document.querySelector('[data-fixture-messenger]');
  if (inMessenger) messengerLink.setAttribute('aria-current', 'page');
  else messengerLink.removeAttribute('aria-current');
  if (await messenger.render(url)) return;
  const post = postFor(url);
  state.page = post ? (post.group ? 'group-post' : 'post') : 'feed';
  if (post) await renderPost(post);
  else renderFeed(url);
  window.scrollTo(0, 0);
}

const router = installRouter(document, render);
void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});
