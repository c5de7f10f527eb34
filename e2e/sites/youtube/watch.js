/**
 * Boots the YouTube watch-page fixture: title, comments (?threads=N to choose how many render
 * first), lazy loading on scroll, SPA navigation and the test hooks on window.__fixture.
 */
import { DEFAULT_VIDEO_ID, THREADS, threadOffset, videoTitle } from './fixture-data.js';
import { buildThreads, installCommentBehaviour, posted } from './fixture-dom.js';

const BATCH = 20;
const MAX_LAZY_BATCHES = 3;
/** Comments arrive a moment after the page, as they do from YouTube's continuation request. */
const LOAD_DELAY_MS = 120;

const params = new URL(location.href).searchParams;
const threadsParam = params.get('threads');
/** null: the default (the whole data list once). */
const initialThreads = threadsParam !== null && /^\d+$/.test(threadsParam) ? Number(threadsParam) : null;

const state = {
  videoId: params.get('v') || DEFAULT_VIDEO_ID,
  navigated: false,
  next: 0,
  lazyBatches: 0,
};

const contents = document.querySelector('ytd-comments#comments #sections > #contents');
const countEl = document.querySelector('#count .count-text');
const titleEl = document.querySelector('ytd-watch-metadata #title h1 yt-formatted-string');
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
  return contents.querySelectorAll(':scope > ytd-comment-thread-renderer').length;
}

function appendThreads(n) {
  const offset = threadOffset(state.videoId, { navigated: state.navigated });
  const threads = buildThreads(document, state.videoId, state.next, n, offset);
  state.next += n;
  const frag = document.createDocumentFragment();
  frag.append(...threads);
  if (sentinel.parentNode === contents) contents.insertBefore(frag, sentinel);
  else contents.append(frag);
  updateCount();
  return threads.length;
}

function removeThread(commentId) {
  const el = contents.querySelector(`[data-fixture-id="${CSS.escape(commentId)}"]`);
  if (!el) return false;
  const thread = el.closest('ytd-comment-thread-renderer');
  // A top-level id removes its whole thread; a reply id removes just that reply.
  (el.id === 'comment' ? thread : el)?.remove();
  updateCount();
  return true;
}

function resetComments(initial) {
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
  if (state.lazyBatches >= MAX_LAZY_BATCHES) {
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

/** SPA navigation as YouTube does it: new URL and title, comments cleared then reloaded. */
function navigate(videoId, initial = initialThreads ?? THREADS.length) {
  document.dispatchEvent(new CustomEvent('yt-navigate-start', { bubbles: true }));
  state.videoId = videoId;
  state.navigated = true;
  const url = new URL(location.href);
  url.searchParams.set('v', videoId);
  url.searchParams.delete('lc');
  history.pushState({}, '', url);
  renderTitle();
  contents.replaceChildren();
  updateCount();
  document.dispatchEvent(
    new CustomEvent('yt-navigate-finish', { bubbles: true, detail: { pageType: 'watch', endpoint: { watchEndpoint: { videoId } } } }),
  );
  return new Promise((resolve) => {
    setTimeout(() => {
      resetComments(initial);
      io.observe(sentinel);
      resolve(threadCount());
    }, LOAD_DELAY_MS);
  });
}

installCommentBehaviour(document);
renderTitle();
updateCount();
setTimeout(() => {
  resetComments(initialThreads ?? THREADS.length);
  io.observe(sentinel);
  document.documentElement.dataset.fixtureReady = 'true';
}, LOAD_DELAY_MS);

window.__fixture = {
  appendThreads,
  removeThread,
  threadCount,
  navigate,
  /** Replies posted through the fixture's reply boxes: { parentId, commentId, replyId, text }. */
  postedReplies: () => posted.map((p) => ({ ...p })),
  videoId: () => state.videoId,
};
