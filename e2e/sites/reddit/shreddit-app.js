/**
 * Boots the new-Reddit fixture app: the subreddit listing (/r/Sourdough/, also /) and a post's
 * comments page (/r/Sourdough/comments/ID/SLUG/), one document switched by in-app navigation as
 * Reddit's router does (links intercepted, pushState, Back through popstate). Comments render
 * a moment after the page, as they arrive from Reddit's server-rendered partial. `?comments=N`
 * on a post URL renders N top-level comments, for benchmarks.
 */
import { h, installFixtureApi, installRouter, later } from '../shared/kit.js';
import { OTHER_POSTS, POST, SUBREDDIT, commentsFor, fillerComments, postComments } from './data.js';
import { buildComment, buildCommentsArea, buildPost, composerState, editComment, installBehaviour, onPosted } from './shreddit.js';

const main = document.getElementById('main-content');
const state = { page: 'home', comments: [], next: 0 };

function isPostPath(pathname) {
  return /^\/r\/[^/]+\/comments\/[a-z0-9]+(\/|$)/i.test(pathname);
}

function renderListing() {
  state.page = 'listing';
  document.title = `r/${SUBREDDIT}`;
  const banner = h(document, 'div', { class: 'fx-banner' }, [
    h(document, 'span', { class: 'fx-sub-icon', 'aria-hidden': 'true' }, ['r/']),
    h(document, 'h1', {}, [`r/${SUBREDDIT}`]),
  ]);
  const feed = h(document, 'shreddit-feed', {}, [
    buildPost(document, { ...POST, comments: postComments().length }),
    ...OTHER_POSTS.map((p) => buildPost(document, p)),
  ]);
  main.replaceChildren(banner, feed);
}

async function renderPost(url) {
  state.page = 'post';
  document.title = `${POST.title} : r/${SUBREDDIT}`;
  state.comments = commentsFor(url.search);
  state.next = state.comments.length;
  main.replaceChildren(buildPost(document, { ...POST, comments: state.comments.length }, { full: true }));
  await later(100);
  if (state.page !== 'post') return;
  const { header, tree } = buildCommentsArea(document, state.comments);
  main.append(header, tree);
}

async function render(url) {
  if (isPostPath(url.pathname)) await renderPost(url);
  else renderListing();
  document.documentElement.dataset.fixtureReady = 'true';
}

installBehaviour(document);
const router = installRouter(document, render);
void router.start();

const tree = () => document.querySelector('shreddit-comment-tree');

const fixture = installFixtureApi(window, {
  page: () => state.page,
  composerState,
  /** Reddit re-renders the comment tree with new nodes for the same comments (a sort change). */
  async recycle() {
    const el = tree();
    if (!el) return;
    el.replaceChildren(...state.comments.map((c) => buildComment(document, c)));
  },
  editComment: (fragment, text) => editComment(document, fragment, text),
  /** "View more comments": n more top-level comments at the end of the tree. */
  appendComments(n) {
    const el = tree();
    if (!el) return 0;
    const more = fillerComments(state.next, n);
    state.next += n;
    state.comments.push(...more);
    el.append(...more.map((c) => buildComment(document, c)));
    return more.length;
  },
});
onPosted((entry) => fixture.recordPost(entry));
