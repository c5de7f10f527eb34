/**
 * Boots the Instagram fixture app: the home feed, a post page (/p/CODE/), a reel page
 * (/reel/CODE/) and a post opened as a modal over the feed, in one document switched by
 * in-app navigation as Instagram does (links intercepted, pushState, Back via popstate). The
 * feed's "View all N comments" opens the post in a [role=dialog] over the feed with the URL
 * pushed to /p/CODE/ while the feed stays behind; a post's timestamp opens its own page.
 * `?comments=N` renders N comment threads (with ~200 live rows from 1,000 on, else ~30).
 *
 * Direct messages (dm-dom.js): Messages in the side nav opens /direct/inbox/, the list of the
 * shared chat-kit conversations; a click opens one at /direct/t/ID/ beside the list (pushState,
 * no page load). Requests (/direct/requests/) lists a message request, which shows Block /
 * Delete / Accept until accepted. `?messages=N` on a thread URL grows it to N messages.
 */
import { h, installFixtureApi, installRouter, later } from '../shared/kit.js';
import { CREATOR, POSTS, buildCommentForm, buildPost, composerStateOf } from './fixture-dom.js';
import { installChatApi } from '../shared/chat-kit.js';
import { CONVERSATIONS, buildInboxList, buildThread, installDmStyles } from './dm-dom.js';

const main = document.querySelector('main[role="main"]');
const initialComments = new URL(location.href).searchParams.get('comments');

/** What shows now: 'home', 'post' (its page or the modal) or 'reel'; and the open post. */
const state = { page: 'home', modal: false, box: null, dialog: null, thread: null };

const fixture = installFixtureApi(window, {
  page: () => state.page,
  composerState: () => composerStateOf(state.box),
  async recycle() {
    // Scrolling the list reuses every row node for threads further down.
    state.box?.scrollBy(15);
    await later(50);
  },
  editComment: (fragment, text) => state.box?.edit(fragment, text) ?? false,
  appendComments: (n) => state.box?.append(n) ?? 0,
});

/** The conversation hooks (ChatFixtureApi); page, composerState and recycle serve both. */
const chat = installChatApi(window, {
  page: () => state.page,
  composerState: () => (state.thread ? (state.thread.composer?.composer.state() ?? null) : composerStateOf(state.box)),
  keyEvents: () => state.thread?.keyEvents() ?? 0,
  receive: (text) => state.thread?.receive(text),
  showSent(text) {
    state.thread?.showSent(text);
    state.thread?.composer?.composer.clear();
  },
  fill: (n) => state.thread?.fill(n) ?? 0,
  async recycle() {
    if (state.thread) {
      // Scrolling up and back: every row node shows older messages, then the newest again.
      state.thread.list.shift(3);
      await later(30);
      state.thread.list.showTail();
      await later(30);
      return;
    }
    state.box?.scrollBy(15);
    await later(50);
  },
  editComment: (fragment, text) => state.box?.edit(fragment, text) ?? false,
  appendComments: (n) => state.box?.append(n) ?? 0,
});

/** A message request from someone the creator doesn't follow. */
const DM_REQUEST = {
  id: 'request-4004',
  title: 'Oven Spring Theory',
  group: false,
  messages: [
    { id: 'q1', from: 'them', sender: 'Oven Spring Theory', handle: 'ovenspringtheory', text: 'The jiggle test explanation is the best I have seen. Could we collab on a video?', at: '2026-11-27T12:00:00.000Z' },
  ],
};

/** Open threads by id: what was sent or received stays while the creator moves around. */
const threads = new Map();
function threadFor(conversation, url) {
  const raw = url.searchParams.get('messages');
  const count = raw !== null && /^\d+$/.test(raw) ? Number(raw) : 0;
  let thread = threads.get(conversation.id);
  if (!thread || count) {
    thread = buildThread(document, conversation, {
      count,
      request: conversation === DM_REQUEST,
      onSend: (text) => chat.recordSend({ text }),
    });
    threads.set(conversation.id, thread);
  }
  return thread;
}

/** The inbox: its tabs and list on the left, the open conversation (or a prompt) on the right. */
function renderDirect(url) {
  installDmStyles(document);
  const threadId = /^\/direct\/t\/([\w-]+)\/?/.exec(url.pathname)?.[1];
  const requests = /^\/direct\/requests\//.test(url.pathname);
  const conversation = [...CONVERSATIONS, DM_REQUEST].find((c) => c.id === threadId);
  const isRequest = conversation === DM_REQUEST || (requests && !conversation);
  const tab = (label, href, current) => h(document, 'a', { href, role: 'tab', 'aria-selected': String(current), class: `fx-dm-tab${current ? ' fx-bold' : ''}` }, [label]);
  const side = h(document, 'div', { class: 'fx-dm-side' }, [
    h(document, 'div', { class: 'fx-dm-side-head' }, [h(document, 'h1', { class: 'fx-dm-me' }, [CREATOR.handle]), h(document, 'div', { role: 'button', tabindex: '0', 'aria-label': 'New message' }, ['✎'])]),
    h(document, 'div', { role: 'tablist', class: 'fx-dm-tabs' }, [
      tab('Primary', '/direct/inbox/', !isRequest),
      tab('General', '/direct/general/', false),
      tab('Requests (1)', '/direct/requests/', isRequest),
    ]),
    isRequest ? buildInboxList(document, [DM_REQUEST], { openId: threadId }) : buildInboxList(document, CONVERSATIONS, { openId: threadId }),
  ]);
  state.thread = conversation ? threadFor(conversation, url) : null;
  const right = state.thread
    ? state.thread.pane
    : h(document, 'div', { class: 'fx-dm-empty' }, [
        h(document, 'div', { class: 'fx-dm-empty-icon' }, ['✉']),
        h(document, 'h2', {}, ['Your messages']),
        h(document, 'span', { class: 'fx-muted' }, ['Send a message to start a chat.']),
      ]);
  main.replaceChildren(h(document, 'div', { class: 'fx-dm-page' }, [side, right]));
  state.page = conversation ? (isRequest ? 'request' : 'dm') : requests ? 'requests' : 'inbox';
  document.title = conversation ? `${conversation.title} • Direct • Instagram` : 'Inbox • Direct';
}

function commentCount(url) {
  const raw = url.searchParams.get('comments') ?? initialComments;
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : 60;
}

function postByCode(code) {
  return Object.values(POSTS).find((p) => p.code === code) ?? { ...POSTS.photo, code };
}

/** A post with its comments, which arrive a moment after it (Instagram's GraphQL request). */
async function mountPost(container, post, url) {
  const count = commentCount(url);
  const box = buildPost(document, {
    post,
    count,
    poolSize: count >= 1000 ? 200 : 30,
    onPost: (entry) => fixture.recordPost(entry),
  });
  const list = box.list;
  const placeholder = h(document, 'li', { class: 'fx-loading' }, ['Loading comments…']);
  const rows = [...list.children].slice(1);
  for (const row of rows) row.remove();
  list.append(placeholder);
  container.append(box.article);
  state.box = box;
  await later(80);
  if (state.box !== box) return box;
  placeholder.replaceWith(...rows);
  return box;
}

let feed = null;
function buildFeed() {
  const item = (post) => {
    const link = `/${post.kind === 'reel' ? 'reel' : 'p'}/${post.code}/`;
    const { form } = buildCommentForm(document, { onSubmit: (text) => fixture.recordPost({ text, parentId: null }) });
    const media = h(document, 'div', { class: 'fx-feed-media', role: 'button', tabindex: '-1' }, [
      post.kind === 'reel' ? h(document, 'div', { class: 'fx-play', 'aria-hidden': 'true' }) : null,
    ]);
    media.style.background = post.colour;
    const viewAll = h(document, 'a', { href: `/p/${post.code}/`, class: 'fx-view-all', role: 'link' }, [
      h(document, 'span', {}, [`View all ${post.kind === 'reel' ? 48 : 64} comments`]),
    ]);
    // Instagram opens the post over the feed from here, with the URL pushed to /p/CODE/.
    viewAll.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState({ modal: true }, '', `/p/${post.code}/`);
      void render(new URL(location.href));
    });
    return h(document, 'article', { class: 'x1lliihq fx-feed-post' }, [
      h(document, 'header', { class: 'fx-feed-header' }, [
        h(document, 'span', { class: 'fx-avatar fx-creator' }, ['C']),
        h(document, 'a', { href: `/${CREATOR.handle}/`, class: 'fx-bold', role: 'link' }, [CREATOR.handle]),
        h(document, 'span', { class: 'fx-muted' }, ['•']),
        // The timestamp opens the post's own page.
        h(document, 'a', { href: link, class: 'fx-muted', role: 'link' }, [h(document, 'time', { datetime: post.time, title: 'Mar 2, 2026' }, [post.label])]),
      ]),
      media,
      h(document, 'section', { class: 'fx-actions' }, [
        h(document, 'span', { 'aria-label': 'Like', role: 'button', tabindex: '0' }, ['♡']),
        h(document, 'span', { 'aria-label': 'Comment', role: 'button', tabindex: '0' }, ['◯']),
        h(document, 'span', { 'aria-label': 'Share', role: 'button', tabindex: '0' }, ['➤']),
      ]),
      h(document, 'div', { class: 'fx-feed-text' }, [
        h(document, 'span', { class: 'fx-bold' }, ['1,284 likes']),
        h(document, 'div', {}, [h(document, 'a', { href: `/${CREATOR.handle}/`, class: 'fx-bold' }, [CREATOR.handle]), ' ', h(document, 'span', { dir: 'auto' }, [post.caption])]),
        viewAll,
      ]),
      h(document, 'section', { class: 'fx-feed-form' }, [form]),
    ]);
  };
  return h(document, 'div', { class: 'fx-feed' }, [item(POSTS.photo), item(POSTS.reel)]);
}

function closeModal() {
  state.dialog?.remove();
  state.dialog = null;
  state.modal = false;
}

/** Draws the page for `url`, as Instagram's router does (no page load). */
async function render(url) {
  const post = /^\/p\/([\w-]+)\/?/.exec(url.pathname);
  const reel = /^\/reel\/([\w-]+)\/?/.exec(url.pathname);
  if (post && history.state?.modal && feed?.isConnected) {
    // The post over the feed: the feed stays mounted behind the dialog.
    closeModal();
    state.page = 'post';
    state.modal = true;
    const close = h(document, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Close', class: 'fx-close' }, ['✕']);
    close.addEventListener('click', () => history.back());
    const frame = h(document, 'div', { class: 'fx-dialog-frame' });
    state.dialog = h(document, 'div', { class: 'fx-overlay' }, [close, h(document, 'div', { role: 'dialog', 'aria-modal': 'true', class: 'fx-dialog' }, [frame])]);
    document.body.append(state.dialog);
    document.title = `${CREATOR.handle} on Instagram: "${postByCode(post[1]).caption}"`;
    await mountPost(frame, postByCode(post[1]), url);
    return;
  }
  closeModal();
  state.box = null;
  state.thread = null;
  if (url.pathname.startsWith('/direct/')) {
    renderDirect(url);
    return;
  }
  if (post || reel) {
    const shown = postByCode((post ?? reel)[1]);
    state.page = reel ? 'reel' : 'post';
    const page = h(document, 'div', { class: `fx-post-page${reel ? ' fx-reel-page' : ''}` });
    main.replaceChildren(page);
    document.title = `${CREATOR.handle} on Instagram: "${shown.caption}"`;
    await mountPost(page, { ...shown, kind: reel ? 'reel' : 'post' }, url);
    page.append(h(document, 'div', { class: 'fx-more' }, [`More posts from ${CREATOR.handle}`]));
    return;
  }
  state.page = 'home';
  feed ??= buildFeed();
  main.replaceChildren(feed);
  document.title = 'Instagram';
}

const router = installRouter(document, render);
void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});
