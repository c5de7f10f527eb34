/**
 * Boots the YouTube fixture app: home, watch and Shorts pages in one document, switched by
 * in-app navigation as YouTube does (links are intercepted, history.pushState, the old page
 * hidden, `yt-navigate-start` / `yt-navigate-finish` on document; Back works via popstate).
 * On a watch page: title, comments (?threads=N or ?comments=N to choose how many render
 * first), lazy loading on scroll. On a Short: the reels (neighbours preloaded, the shown one
 * [is-active]); its comments button opens its comments panel (visibility attribute toggled,
 * never re-added), whose comments load a moment later; the arrows move to the next Short.
 * The test hooks on window.__fixture act on whichever comment list is shown.
 */
import { DEFAULT_VIDEO_ID, QA_COMMENTS, QA_VIDEO, SHORTS, THREADS, VIDEOS, threadOffset, videoTitle } from './fixture-data.js';
import {
  buildReel,
  buildThreads,
  installCommentBehaviour,
  openBoxState,
  panelOf,
  posted,
  setPanelOpen,
} from './fixture-dom.js';

const BATCH = 20;
const MAX_LAZY_BATCHES = 3;
/** Comments arrive a moment after the page, as they do from YouTube's continuation request. */
const LOAD_DELAY_MS = 120;

const params = new URL(location.href).searchParams;
const threadsParam = params.get('threads') ?? params.get('comments');
/** null: the default (the whole data list once). */
const initialThreads = threadsParam !== null && /^\d+$/.test(threadsParam) ? Number(threadsParam) : null;

const state = {
  videoId: params.get('v') || DEFAULT_VIDEO_ID,
  /** Which page the app shows: 'home', 'watch' or 'shorts'. */
  page: 'watch',
  navigated: false,
  next: 0,
  lazyBatches: 0,
  /** The comment list shown: the watch page's, or the active Short's panel list. */
  list: null,
  /** Bumped on every render, so a late comment load for a page left behind does nothing. */
  generation: 0,
};

const contents = document.querySelector('ytd-comments#comments #sections > #contents');
const countEl = document.querySelector('#count .count-text');
const titleEl = document.querySelector('ytd-watch-metadata #title h1 yt-formatted-string');
const views = {
  home: document.querySelector('ytd-browse'),
  watch: document.querySelector('ytd-watch-flexy'),
  shorts: document.querySelector('ytd-shorts'),
};
state.list = contents;
const sentinel = document.createElement('ytd-continuation-item-renderer');
sentinel.append(Object.assign(document.createElement('div'), { className: 'fx-spinner', textContent: 'Loading…' }));

function renderTitle() {
  const title = videoTitle(state.videoId, { navigated: state.navigated });
  titleEl.textContent = title;
  document.title = `${title} - YouTube`;
}

function updateCount() {
  countEl.textContent = `${threadCount().toLocaleString('en-US')} Comments`;
}

function threadCount() {
  return state.list.querySelectorAll(':scope > ytd-comment-thread-renderer').length;
}

function appendThreads(n) {
  const list = state.list;
  const shorts = list !== contents;
  const offset = shorts ? 0 : threadOffset(state.videoId, { navigated: state.navigated });
  const threads = buildThreads(document, state.videoId, state.next, n, offset);
  state.next += n;
  const frag = document.createDocumentFragment();
  frag.append(...threads);
  if (sentinel.parentNode === list) list.insertBefore(frag, sentinel);
  else list.append(frag);
  if (!shorts) updateCount();
  return threads.length;
}

function removeThread(commentId) {
  const el = state.list.querySelector(`[data-fixture-id="${CSS.escape(commentId)}"]`);
  if (!el) return false;
  const thread = el.closest('ytd-comment-thread-renderer');
  // A top-level id removes its whole thread; a reply id removes just that reply.
  (el.id === 'comment' ? thread : el)?.remove();
  updateCount();
  return true;
}

function resetComments(initial) {
  state.list = contents;
  contents.replaceChildren();
  state.next = 0;
  state.lazyBatches = 0;
  appendThreads(initial);
  contents.append(sentinel);
}

// Lazy loading: when the continuation sentinel scrolls into view, fetch the next batch.
let loading = false;
const io = new IntersectionObserver((entries) => {
  if (!entries.some((e) => e.isIntersecting) || loading) return;
  // The Q&A video shows its 60 comments and no more (unless ?threads= asks for more).
  if (state.lazyBatches >= MAX_LAZY_BATCHES || (state.videoId === QA_VIDEO.id && initialThreads === null)) {
    sentinel.remove();
    return;
  }
  loading = true;
  setTimeout(() => {
    state.lazyBatches += 1;
    appendThreads(BATCH);
    if (state.lazyBatches >= MAX_LAZY_BATCHES) sentinel.remove();
    loading = false;
    // Still in view (short page): the observer will not re-fire on its own.
    io.unobserve(sentinel);
    if (sentinel.isConnected) io.observe(sentinel);
  }, LOAD_DELAY_MS);
});

function renderHome() {
  const grid = document.getElementById('home-grid');
  if (grid.childElementCount) return;
  const colours = ['#c98c4f', '#d2a56d', '#e7c9a0', '#8b5a2b'];
  const item = (href, title, meta, colour) => {
    const el = document.createElement('ytd-rich-item-renderer');
    const link = Object.assign(document.createElement('a'), { id: 'video-title-link', href });
    const thumb = Object.assign(document.createElement('div'), { className: 'fx-thumb' });
    thumb.style.background = colour;
    const name = Object.assign(document.createElement('div'), { className: 'fx-compact-title', textContent: title });
    link.append(thumb, name);
    el.append(link, Object.assign(document.createElement('div'), { className: 'fx-compact-meta', textContent: meta }));
    return el;
  };
  Object.entries(VIDEOS).forEach(([id, title], i) =>
    grid.append(item(`/watch?v=${id}`, title, 'Crumb & Crust Kitchen · 3 days ago', colours[i % colours.length])),
  );
  for (const short of SHORTS) grid.append(item(`/shorts/${short.id}`, short.title, 'Shorts', '#6b3f1d'));
  grid.append(item(`/watch?v=${QA_VIDEO.id}`, QA_VIDEO.title, 'Crumb & Crust Kitchen · Live Q&A', '#b07a45'));
}

/** Which page a URL shows, as YouTube's router decides it. */
function pageOf(url) {
  if (url.pathname === '/watch') return 'watch';
  if (url.pathname.startsWith('/shorts/')) return 'shorts';
  return 'home';
}

const reelsEl = document.getElementById('shorts-inner-container');

/** The reel on screen. */
function activeReel() {
  return reelsEl.querySelector('ytd-reel-video-renderer[is-active]');
}

/**
 * Shows the Short `id`: its reel [is-active], its neighbours preloaded (YouTube keeps the reels
 * it has built). Each reel's comments panel stays closed until its comments button is pressed.
 */
function renderShort(id) {
  const index = Math.max(0, SHORTS.findIndex((s) => s.id === id));
  if (!reelsEl.childElementCount) SHORTS.forEach((short, i) => reelsEl.append(buildReel(document, short, { index: i })));
  for (const reel of reelsEl.children) {
    const active = reel.getAttribute('data-fixture-short') === SHORTS[index].id;
    reel.toggleAttribute('is-active', active);
    if (!active) setPanelOpen(reel, false);
  }
  activeReel().scrollIntoView({ block: 'center' });
  state.videoId = SHORTS[index].id;
  state.list = panelOf(activeReel()).list;
  document.title = `${SHORTS[index].title} - YouTube`;
}

/** The comments button: opens (or closes) the active reel's panel; comments load a moment later. */
function toggleComments(reel) {
  const { panel, list } = panelOf(reel);
  const open = panel.getAttribute('visibility') !== 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED';
  setPanelOpen(reel, open);
  if (!open || list.childElementCount) return;
  const generation = state.generation;
  list.append(Object.assign(document.createElement('ytd-continuation-item-renderer'), { textContent: 'Loading…' }));
  setTimeout(() => {
    if (generation !== state.generation || state.list !== list) return;
    list.replaceChildren();
    state.next = 0;
    appendThreads(initialThreads ?? THREADS.length);
  }, LOAD_DELAY_MS);
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const reel = target?.closest('ytd-reel-video-renderer');
  if (!reel) {
    const arrow = target?.closest('#navigation-button-up button, #navigation-button-down button');
    if (!arrow || state.page !== 'shorts') return;
    const index = SHORTS.findIndex((s) => s.id === state.videoId);
    const next = SHORTS[index + (arrow.closest('#navigation-button-down') ? 1 : -1)];
    // The next Short: the URL changes in place, as when scrolling the Shorts player.
    if (next) void go(`/shorts/${next.id}`, { replace: true });
    return;
  }
  if (target.closest('#comments-button button') && reel.hasAttribute('is-active')) toggleComments(reel);
  else if (target.closest('ytd-engagement-panel-title-header-renderer #visibility-button button')) setPanelOpen(reel, false);
});

/** Shows the page for the current URL; a watch page (re)loads its comments. */
function render({ initial = initialThreads ?? THREADS.length } = {}) {
  const url = new URL(location.href);
  state.generation += 1;
  state.page = pageOf(url);
  for (const [name, view] of Object.entries(views)) view.hidden = name !== state.page;
  contents.replaceChildren();
  state.list = contents;
  io.unobserve(sentinel);
  if (state.page === 'home') {
    renderHome();
    document.title = 'YouTube';
    return Promise.resolve(0);
  }
  if (state.page === 'shorts') {
    renderShort(url.pathname.split('/')[2] ?? '');
    return Promise.resolve(0);
  }
  state.videoId = url.searchParams.get('v') || DEFAULT_VIDEO_ID;
  if (state.videoId === QA_VIDEO.id && initialThreads === null) initial = QA_COMMENTS.length;
  renderTitle();
  updateCount();
  return new Promise((resolve) => {
    setTimeout(() => {
      if (state.page !== 'watch') return resolve(0);
      resetComments(initial);
      io.observe(sentinel);
      resolve(threadCount());
    }, LOAD_DELAY_MS);
  });
}

/** In-app navigation as YouTube does it: no page load, the URL pushed, events around it. */
function go(href, options = {}) {
  document.dispatchEvent(new CustomEvent('yt-navigate-start', { bubbles: true }));
  state.navigated = true;
  if (options.replace) history.replaceState({}, '', href);
  else history.pushState({}, '', href);
  const loaded = render(options);
  const pageType = state.page === 'home' ? 'browse' : state.page;
  document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true, detail: { pageType } }));
  return loaded;
}

/** SPA navigation to another video: new URL and title, comments cleared then reloaded. */
function navigate(videoId, initial = initialThreads ?? THREADS.length) {
  const url = new URL(location.href);
  url.pathname = '/watch';
  url.search = '';
  url.searchParams.set('v', videoId);
  return go(url, { initial });
}

// Every same-site link navigates in-app, like YouTube's router.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  void go(url);
});
window.addEventListener('popstate', () => {
  document.dispatchEvent(new CustomEvent('yt-navigate-start', { bubbles: true }));
  void render();
  document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true, detail: { pageType: state.page } }));
});

installCommentBehaviour(document);
void render().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});

window.__fixture = {
  appendThreads,
  removeThread,
  threadCount,
  navigate,
  /** Replies posted through the fixture's reply boxes: { parentId, commentId, replyId, text }. */
  postedReplies: () => posted.map((p) => ({ ...p })),
  videoId: () => state.videoId,
  page: () => state.page,
  // The hooks every site fixture offers (e2e/sites/fixture-api.ts).
  posted: () => posted.map((p) => ({ text: p.text })),
  composerState: () => openBoxState(document),
  appendComments: (n) => appendThreads(n),
  /** YouTube re-renders the list with new nodes for the same comments (e.g. a sort change). */
  async recycle() {
    const n = threadCount();
    state.list.replaceChildren();
    state.next = 0;
    appendThreads(n);
  },
  editComment(fragment, text) {
    const body = [...state.list.querySelectorAll('#content-text')].find((el) => el.textContent.includes(fragment));
    if (!body) return false;
    body.replaceChildren(Object.assign(document.createElement('span'), { textContent: text }));
    return true;
  },
};
