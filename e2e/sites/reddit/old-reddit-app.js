/**
 * Boots an old.reddit.com fixture page. Old Reddit is server-rendered: the subreddit listing
 * (/r/Sourdough/) and a post's comments page (/r/Sourdough/comments/ID/SLUG/) are separate
 * page loads, and its "comments" links are real navigations. This script draws whichever page
 * the URL names (standing in for the server) and wires old Reddit's page script. `?comments=N`
 * on a comments URL renders N top-level comments, for benchmarks.
 */
import { installFixtureApi } from '../shared/kit.js';
import { OTHER_POSTS, POST, SUBREDDIT, commentsFor, fillerComments, postComments } from './data.js';
import { buildComment, buildCommentsPage, buildLink, composerState, editComment, installBehaviour, onPosted } from './old-reddit.js';

const content = document.querySelector('.content');
const url = new URL(location.href);
const isPost = /^\/r\/[^/]+\/comments\/[a-z0-9]+(\/|$)/i.test(url.pathname);
const state = { comments: isPost ? commentsFor(url.search) : [], next: 0 };
state.next = state.comments.length;

function clearleft() {
  const el = document.createElement('div');
  el.className = 'clearleft';
  return el;
}

if (isPost) {
  document.title = `${POST.title} : ${SUBREDDIT}`;
  document.body.classList.add('comments-page');
  const { link, area } = buildCommentsPage(document, state.comments);
  content.append(link, area);
} else {
  document.title = `${SUBREDDIT}`;
  document.body.classList.add('listing-page');
  const table = document.createElement('div');
  table.id = 'siteTable';
  table.className = 'sitetable linklisting';
  const posts = [{ ...POST, comments: postComments().length }, ...OTHER_POSTS];
  posts.forEach((p, i) => table.append(buildLink(document, p, { rank: i + 1 }), clearleft()));
  content.append(table);
}
installBehaviour(document);
document.documentElement.dataset.fixtureReady = 'true';

const listing = () => document.querySelector('.commentarea .nestedlisting');

const fixture = installFixtureApi(window, {
  page: () => (isPost ? 'old-post' : 'listing'),
  composerState: () => composerState(document),
  /** A kept list drawn again with new nodes for the same comments (a sort change re-renders). */
  async recycle() {
    const el = listing();
    if (!el) return;
    el.replaceChildren(...state.comments.flatMap((c) => [buildComment(document, c), clearleft()]));
  },
  editComment: (fragment, text) => editComment(document, fragment, text),
  /** "load more comments": n more top-level comments at the end of the listing. */
  appendComments(n) {
    const el = listing();
    if (!el) return 0;
    const more = fillerComments(state.next, n);
    state.next += n;
    state.comments.push(...more);
    el.append(...more.flatMap((c) => [buildComment(document, c), clearleft()]));
    return more.length;
  },
});
onPosted((entry) => fixture.recordPost(entry));
