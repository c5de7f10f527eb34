/**
 * Boots the YouTube Studio fixture app (studio.youtube.com): the channel dashboard, the
 * channel's comments inbox and one video's comments page in one document, switched by in-app
 * navigation (kit.js installRouter: links intercepted, pushState, Back via popstate), as Studio
 * does. Comments arrive a moment after the page, into a tp-yt-iron-list whose rows are reused
 * in place as it scrolls. ?comments=N renders N filler comments (benchmarks). Test hooks on
 * window.__fixture (e2e/sites/fixture-api.ts). Markup comes from studio-dom.js, shared with the
 * unit tests.
 */
import { h, installFixtureApi, installRouter, later } from '../../shared/kit.js';
import {
  CHANNEL,
  STUDIO_VIDEOS,
  installStudioBehaviour,
  moreStudioThreads,
  mountStudioList,
  studioComposerState,
  studioThreads,
} from './studio-dom.js';

const main = document.getElementById('main-content');
const entityName = document.getElementById('entity-name');
const nav = document.getElementById('nav-items');

const state = {
  /** 'dashboard', 'comments', 'video-comments' or 'other'. */
  page: 'dashboard',
  /** The mounted comment list, or null. */
  comments: null,
  videoId: null,
  nextFiller: 10_000,
  generation: 0,
};

const api = installFixtureApi(window, {
  page: () => state.page,
  composerState: () => studioComposerState(document),
  /** The iron-list scrolls: every row is rebound to another thread, in place. */
  async recycle() {
    state.comments?.scrollBy(20);
  },
  editComment: (fragment, text) => state.comments?.edit(fragment, text) ?? false,
  appendComments(n) {
    if (!state.comments) return 0;
    const added = state.comments.append(moreStudioThreads(state.nextFiller, n, state.videoId ?? undefined));
    state.nextFiller += n;
    return added;
  },
});

installStudioBehaviour(document, {
  onPost(post) {
    api.recordPost(post);
    if (post.threadKey) state.comments?.addReply(post.threadKey, post.text);
  },
});

const channelPath = `/channel/${CHANNEL.id}`;

function navItems(links) {
  nav.replaceChildren(
    ...links.map(([label, href, current]) =>
      h(document, 'li', {}, [h(document, 'a', { class: 'fx-nav-item', href, 'aria-current': current ? 'page' : null }, [label])]),
    ),
  );
}

function threadsFor(videoId) {
  const param = new URL(location.href).searchParams.get('comments');
  if (/^\d+$/.test(param ?? '')) return studioThreads({ count: Number(param), onlyFiller: true, videoId });
  return studioThreads({ videoId });
}

async function renderComments(videoId, generation) {
  const video = videoId ? (STUDIO_VIDEOS.find((v) => v.id === videoId) ?? STUDIO_VIDEOS[0]) : null;
  const listHost = h(document, 'div', { id: 'list-container' }, [h(document, 'div', { class: 'fx-loading' }, ['Loading…'])]);
  main.replaceChildren(
    h(document, 'ytcp-comments-section', { id: 'comments-section' }, [
      h(document, 'div', { id: 'header' }, [
        h(document, 'h1', { class: 'page-title' }, [video ? 'Video comments' : 'Channel comments']),
        h(document, 'tp-yt-paper-tabs', { role: 'tablist' }, [
          h(document, 'tp-yt-paper-tab', { role: 'tab', 'aria-selected': 'true', class: 'iron-selected' }, ['Comments']),
          h(document, 'tp-yt-paper-tab', { role: 'tab', 'aria-selected': 'false' }, ['Mentions']),
        ]),
        h(document, 'ytcp-comments-filter', {}, [h(document, 'div', { class: 'fx-filter' }, ['☰  Filter    Published · Sort by: Newest'])]),
      ]),
      listHost,
    ]),
  );
  await later(120);
  if (generation !== state.generation) return;
  state.comments = mountStudioList(document, listHost, { threads: threadsFor(videoId ?? undefined), showVideo: !video });
}

function renderDashboard() {
  const card = (title, children) => h(document, 'div', { class: 'fx-card' }, [h(document, 'h2', {}, [title]), ...children]);
  main.replaceChildren(
    h(document, 'ytcd-channel-dashboard', {}, [
      h(document, 'h1', { class: 'page-title' }, ['Channel dashboard']),
      h(document, 'div', { class: 'fx-cards' }, [
        card('Channel analytics', [
          h(document, 'div', { class: 'fx-big' }, ['412,381']),
          h(document, 'div', { class: 'fx-muted' }, ['Current subscribers · +1,204 in last 28 days']),
        ]),
        card('Latest comments', [
          h(document, 'div', { class: 'fx-muted' }, ['Channel comments that you haven\u2019t responded to']),
          h(document, 'p', {}, ['@liambakesbread · Can I do the 72 hours with a 100% whole wheat dough…']),
          h(document, 'a', { class: 'fx-link', href: `${channelPath}/comments/inbox` }, ['View more']),
        ]),
        card('Latest published video', [
          h(document, 'div', { class: 'fx-thumb fx-thumb-wide' }),
          h(document, 'p', {}, [STUDIO_VIDEOS[0].title]),
        ]),
      ]),
    ]),
  );
}

function render(url) {
  state.generation += 1;
  state.comments = null;
  state.videoId = null;
  const generation = state.generation;
  const channel = /^\/channel\/(UC[\w-]+)(\/.*)?$/.exec(url.pathname);
  const video = /^\/video\/([\w-]+)\/comments(?:\/inbox)?\/?$/.exec(url.pathname);
  if (video) {
    const v = STUDIO_VIDEOS.find((x) => x.id === video[1]) ?? STUDIO_VIDEOS[0];
    state.page = 'video-comments';
    state.videoId = v.id;
    entityName.textContent = v.title;
    document.title = 'Video comments - YouTube Studio';
    navItems([
      ['Details', `/video/${v.id}/edit`],
      ['Analytics', `/video/${v.id}/analytics`],
      ['Comments', `/video/${v.id}/comments`, true],
      ['← Channel content', `${channelPath}/videos`],
    ]);
    return renderComments(v.id, generation);
  }
  entityName.textContent = CHANNEL.name;
  const rest = channel?.[2] ?? '';
  const links = (current) => [
    ['Dashboard', channelPath, current === 'dashboard'],
    ['Content', `${channelPath}/videos`, current === 'content'],
    ['Analytics', `${channelPath}/analytics`, current === 'analytics'],
    ['Comments', `${channelPath}/comments`, current === 'comments'],
  ];
  if (url.pathname === '/' || (channel && (rest === '' || rest === '/'))) {
    if (url.pathname === '/') history.replaceState({}, '', channelPath);
    state.page = 'dashboard';
    document.title = 'Channel dashboard - YouTube Studio';
    navItems(links('dashboard'));
    renderDashboard();
    return Promise.resolve();
  }
  if (channel && /^\/comments(?:\/inbox)?\/?$/.test(rest)) {
    state.page = 'comments';
    document.title = 'Channel comments - YouTube Studio';
    navItems(links('comments'));
    return renderComments(null, generation);
  }
  state.page = 'other';
  document.title = 'YouTube Studio';
  navItems(links(''));
  main.replaceChildren(h(document, 'div', { class: 'fx-muted fx-missing' }, ['Nothing to see here in the fixture.']));
  return Promise.resolve();
}

const router = installRouter(document, render);
void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});
