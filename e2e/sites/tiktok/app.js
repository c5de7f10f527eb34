/**
 * Boots the TikTok fixture app: the For You feed and video pages in one document, switched by
 * in-app navigation (kit.js installRouter: links intercepted, pushState, Back via popstate).
 * The feed's comment icon opens the comment sidebar for that video; a video page shows its
 * comments in the side panel. Comments arrive a moment after, as from TikTok's API.
 * ?comments=N renders N filler comments (benchmarks). Test hooks on window.__fixture
 * (e2e/sites/fixture-api.ts). Markup comes from fixture-dom.js, shared with the unit tests.
 *
 * Direct messages (messages-dom.js): the header's Messages icon opens /messages?lang=en, the inbox
 * (virtual-scrolled); a click on a conversation opens it beside the inbox at
 * /messages?lang=en&u=ID (pushState, no page load). `?messages=N` grows the opened conversation
 * to N messages. The chat hooks (ChatFixtureApi) answer for the open conversation.
 */
import { h, installFixtureApi, installRouter, later } from '../shared/kit.js';
import { installChatApi } from '../shared/chat-kit.js';
import { buildConversation, buildInbox, conversationById, CLS as DM_CLS } from './messages-dom.js';
import {
  VIDEOS,
  buildFeedItem,
  buildSidebar,
  buildVideoPage,
  commentThreads,
  moreThreads,
  mountCommentList,
} from './fixture-dom.js';

const main = document.getElementById('main-content');

const state = {
  /** 'feed', 'video' or 'other'. */
  page: 'feed',
  /** The comment list shown now (video panel or feed sidebar), or null. */
  comments: null,
  nextFiller: 10_000,
  /** Bumped on every render, so a late comment load for a page left behind does nothing. */
  generation: 0,
  /** The open conversation on /messages (messages-dom.js buildConversation), or null. */
  chat: null,
};

const api = installFixtureApi(window, {
  page: () => state.page,
  composerState: () => (state.chat ? state.chat.composer.state() : (state.comments?.composerState() ?? null)),
  async recycle() {
    if (state.chat) state.chat.recycle();
    else state.comments?.recycle();
  },
  editComment: (fragment, text) => state.comments?.edit(fragment, text) ?? false,
  appendComments(n) {
    if (!state.comments) return 0;
    const added = state.comments.append(moreThreads(state.nextFiller, n));
    state.nextFiller += n;
    return added;
  },
});

const chatApi = installChatApi(window, {
  page: window.__fixture.page,
  composerState: window.__fixture.composerState,
  recycle: window.__fixture.recycle,
  keyEvents: () => state.chat?.composer.keyEvents() ?? 0,
  receive: (text) => state.chat?.receive(text),
  showSent: (text) => state.chat?.showSent(text),
  fill: (n) => state.chat?.fill(n) ?? 0,
});

const postTopLevel = (text) => api.recordPost({ text, parentId: null });

function threadsForPage() {
  const param = new URL(location.href).searchParams.get('comments');
  return /^\d+$/.test(param ?? '') ? commentThreads(Number(param), { onlyFiller: true }) : commentThreads();
}

/** Comments arrive a moment after the panel opens; then the list is mounted into `container`. */
async function loadComments(container, generation) {
  container.replaceChildren(h(document, 'div', { class: 'fx-missing' }, ['Loading…']));
  await later();
  if (generation !== state.generation) return;
  state.comments = mountCommentList(document, container, {
    threads: threadsForPage(),
    onPost: (post) => api.recordPost(post),
  });
}

function renderFeed() {
  const slot = h(document, 'div', { class: 'fx-sidebar-slot' });
  function openComments(video) {
    state.generation += 1;
    const { sidebar, list } = buildSidebar(document, video, {
      onPost: postTopLevel,
      onClose() {
        state.generation += 1;
        state.comments = null;
        slot.replaceChildren();
      },
    });
    slot.replaceChildren(sidebar);
    void loadComments(list, state.generation);
  }
  const feed = h(document, 'div', { class: 'css-feed-DivOneColumnContainer e108hwin0' }, VIDEOS.map((v) => buildFeedItem(document, v, { onComments: openComments })));
  main.replaceChildren(feed, slot);
  document.title = 'TikTok - Make Your Day';
}

function renderVideo(video, generation) {
  const { page, list } = buildVideoPage(document, video, { onPost: postTopLevel });
  main.replaceChildren(page);
  document.title = `${video.caption.split('#')[0].trim()} | TikTok`;
  return loadComments(list, generation);
}

function countParam(url, name) {
  const n = url.searchParams.get(name);
  return n !== null && /^\d+$/.test(n) ? Number(n) : null;
}

/** /messages: the inbox, and the conversation ?u= names beside it (loaded a moment after). */
async function renderMessages(url, generation) {
  const id = url.searchParams.get('u');
  const conversation = id ? conversationById(id) : null;
  const chatSlot = h(document, 'div', { class: 'fx-chat-slot' }, [h(document, 'div', { class: 'fx-missing' }, ['Loading…'])]);
  const inbox = buildInbox(document, {
    activeId: conversation?.id ?? null,
    onOpen: (open) => void router.go(`/messages?lang=en&u=${encodeURIComponent(open)}`),
  });
  main.replaceChildren(h(document, 'div', { class: DM_CLS.page }, [inbox.inbox, chatSlot]));
  state.page = conversation ? 'dm' : 'inbox';
  document.title = 'Messages | TikTok';
  await later();
  if (generation !== state.generation) return;
  if (!conversation) {
    chatSlot.replaceChildren(h(document, 'div', { class: 'fx-missing' }, ['Select a message to start']));
    return;
  }
  state.chat = buildConversation(document, conversation, {
    count: countParam(url, 'messages') ?? undefined,
    onSend: (text) => chatApi.recordSend({ text }),
  });
  chatSlot.replaceChildren(state.chat.pane);
  state.chat.scrollToEnd();
}

/** Which page a URL shows, as TikTok's router decides it. */
function render(url) {
  state.generation += 1;
  const generation = state.generation;
  state.comments = null;
  state.chat = null;
  if (/^\/messages\/?$/.test(url.pathname)) {
    document.body.dataset.route = 'messages';
    return renderMessages(url, generation);
  }
  document.body.removeAttribute('data-route');
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === url.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const video = /^\/@[^/]+\/(?:video|photo)\/(\d+)\/?$/.exec(url.pathname);
  if (video) {
    state.page = 'video';
    return renderVideo(VIDEOS.find((v) => v.id === video[1]) ?? VIDEOS[0], generation);
  }
  if (/^\/(?:foryou|following)?\/?$/.test(url.pathname)) {
    state.page = 'feed';
    renderFeed();
    return Promise.resolve();
  }
  state.page = 'other';
  main.replaceChildren(h(document, 'div', { class: 'fx-missing' }, ["Couldn't find this page"]));
  return Promise.resolve();
}

const router = installRouter(document, render);
void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});
