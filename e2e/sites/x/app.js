/**
 * Boots the X fixture app (x.com): the home timeline at /home, a status page per post reached
 * by clicking a post's time link (in-app navigation: pushState, no page load), and the reply
 * modal at /compose/post, which X opens over the page it came from (the page stays rendered
 * under the mask) and leaves with Back. `?comments=N` on a status URL renders N replies (for
 * benchmarks).
 *
 * The chat (chat-dom.js): the Messages link opens /i/chat, the inbox; a conversation opens at
 * /i/chat/ID beside it, and /i/chat/requests lists message requests, all inside the open
 * shadow root of [data-testid="xchatEmbedRoute"]. The older /messages and /messages/A-B
 * redirect there, as on X. `?messages=N` on a conversation URL grows it to N messages.
 *
 * Test hooks on window.__fixture (e2e/sites/fixture-api.ts): the comment pages' and the chat's,
 * each answering for the page on screen.
 */
import { installFixtureApi, installRouter, later } from '../shared/kit.js';
import { installChatApi } from '../shared/chat-kit.js';
import { FOCAL, mountHome, mountStatusPage } from './fixture-dom.js';
import { mountChat } from './chat-dom.js';

const primary = document.querySelector('[data-testid="primaryColumn"]');
const header = document.querySelector('.x-header-title');
const STATUS_PATH = /^\/(\w{1,20})\/status\/(\d+)\/?$/;

let page = 'home';
/** The status page on screen, if any. */
let status = null;
/** Where the modal was opened from, to go back to. */
let modalFrom = null;

/** The chat UI while a chat route shows. */
let chat = null;
const conversation = () => chat?.open() ?? null;

const fixture = installFixtureApi(window, {
  page: () => page,
  composerState: () => (chat ? (conversation()?.composerState() ?? null) : (status?.composerState() ?? null)),
  async recycle() {
    if (chat) {
      // The message list's pool recycles: every row node shows another message, in place.
      conversation()?.recycle();
      return;
    }
    // Scrolling: every row of the list gets another reply, in place.
    status?.list.scrollBy(12);
  },
  editComment: (fragment, text) => status?.editComment(fragment, text) ?? false,
  appendComments: (n) => status?.appendComments(n) ?? 0,
});
const chatFixture = installChatApi(window, {
  page: window.__fixture.page,
  composerState: window.__fixture.composerState,
  recycle: window.__fixture.recycle,
  keyEvents: () => conversation()?.keyEvents() ?? 0,
  receive: (text) => conversation()?.receive(text),
  showSent: (text) => conversation()?.showSent(text),
  fill: (n) => conversation()?.fill(n) ?? 0,
});

function countParam(url, name) {
  const n = url.searchParams.get(name);
  return n !== null && /^\d+$/.test(n) ? Number(n) : null;
}

const CHAT_PATH = /^\/i\/chat(?:\/([A-Za-z0-9_:-]{1,100}))?(?:\/(other))?\/?$/;
const LEGACY_PATH = /^\/messages(\/.*)?$/;

/** The chat routes: true when `url` is one (and it is drawn). */
async function renderChat(url) {
  const legacy = LEGACY_PATH.exec(url.pathname);
  if (legacy) {
    // X redirects its older DM URLs to the chat.
    history.replaceState({}, '', `/i/chat${legacy[1] ?? ''}${url.search}`);
    url = new URL(location.href);
  }
  const match = CHAT_PATH.exec(url.pathname);
  if (!match) {
    chat?.remove();
    chat = null;
    document.body.removeAttribute('data-route');
    return false;
  }
  status?.closeModal();
  primary.querySelector('section')?.remove();
  status = null;
  document.body.dataset.route = 'chat';
  if (!chat) {
    chat = mountChat(document, document.querySelector('main[role="main"]'), {
      navigate: (href) => void router.go(href),
      onSend: ({ text }) => chatFixture.recordSend({ text }),
    });
    // The chat app loads its conversations a moment after the route.
    await later(80);
  }
  const id = match[1];
  if (!id || id === 'requests') {
    page = id === 'requests' ? 'dm-requests' : 'inbox';
    chat.showInbox(id === 'requests' ? 'requests' : 'all');
    document.title = id === 'requests' ? 'Message requests / X' : 'Chat / X';
    return true;
  }
  const opened = chat.openConversation(id, { count: countParam(url, 'messages') ?? undefined });
  page = opened ? 'dm' : 'inbox';
  document.title = opened ? `${opened.chat.kit.title.slice(0, 40)} / Chat / X` : 'Chat / X';
  return true;
}

function commentsParam(url) {
  const n = url.searchParams.get('comments');
  return n !== null && /^\d+$/.test(n) ? Number(n) : null;
}

async function render(url) {
  if (await renderChat(url)) return;
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
