/**
 * Boots the X fixture app (x.com): the home timeline at /home, a status page per post reached
 * by clicking a post's time link (in-app navigation: pushState, no page load), and the reply
 * modal at /compose/post, which X opens over the page it came from (the page stays rendered
 * under the mask) and leaves with Back. `?comments=N` on a status URL renders N replies (for
 * benchmarks). Test hooks on window.__fixture (e2e/sites/fixture-api.ts).
 */
import { installFixtureApi, installRouter, later } from '../shared/kit.js';
import { FOCAL, mountHome, mountStatusPage } from './fixture-dom.js';

const primary = document.querySelector('[data-testid="primaryColumn"]');
const header = document.querySelector('.x-header-title');
const STATUS_PATH = /^\/(\w{1,20})\/status\/(\d+)\/?$/;

let page = 'home';
/** The status page on screen, if any. */
let status = null;
/** Where the modal was opened from, to go back to. */
let modalFrom = null;

const fixture = installFixtureApi(window, {
  page: () => page,
  composerState: () => status?.composerState() ?? null,
  async recycle() {
    // Scrolling: every row of the list gets another reply, in place.
    status?.list.scrollBy(12);
  },
  editComment: (fragment, text) => status?.editComment(fragment, text) ?? false,
  appendComments: (n) => status?.appendComments(n) ?? 0,
});

function commentsParam(url) {
  const n = url.searchParams.get('comments');
  return n !== null && /^\d+$/.test(n) ? Number(n) : null;
}

async function render(url) {
  if (url.pathname === '/compose/post' || url.pathname === '/compose/tweet') {
    // The modal route: opened by a Reply button; the page under it stays as it was.
    if (status?.modal()) return;
    modalFrom = null;
  } else {
    status?.closeModal();
  }
  const match = STATUS_PATH.exec(url.pathname);
  // The fixture has one conversation: the focal post's.
  const post = match && match[1] === FOCAL.handle && match[2] === FOCAL.id ? FOCAL : null;
  if (post && status && page === 'status') return;
  primary.querySelector('section')?.remove();
  status = null;
  if (!post) {
    page = 'home';
    header.textContent = 'Home';
    document.title = 'Home / X';
    const section = primary.appendChild(document.createElement('section'));
    section.setAttribute('aria-label', 'Home timeline');
    mountHome(document, section);
    return;
  }
  page = 'status';
  header.textContent = 'Post';
  document.title = `${post.author} on X: "${post.text.slice(0, 60)}…" / X`;
  // Replies arrive a moment after the page, from X's TweetDetail request.
  await later(120);
  status = mountStatusPage(document, {
    count: commentsParam(url) ?? 60,
    onPost: ({ text }) => fixture.recordPost({ text }),
    onModal(open) {
      if (open) {
        modalFrom = location.href;
        history.pushState({}, '', '/compose/post');
        document.title = 'Post / X';
      } else if (location.pathname.startsWith('/compose/') && modalFrom) {
        history.back();
      }
    },
  });
}

const router = installRouter(document, render);
void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});
