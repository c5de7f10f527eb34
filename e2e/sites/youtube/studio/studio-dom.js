/**
 * DOM for the YouTube Studio fixture (studio.youtube.com comments pages), shared by the app
 * (app.js) and the unit tests. Markup per docs/sites-reference.md (YouTube, Studio):
 * `ytcp-comment-thread > ytcp-comment` with #author-text, #published-time-text (plain text: no
 * comment id anywhere in the DOM), #content-text and the Reply button
 * `ytcp-comment-button#reply-button`; replies `ytcp-comment[is-reply]`; the reply box
 * `ytcp-commentbox[is-reply]` holds a real <textarea> inside `tp-yt-iron-autogrow-textarea`
 * whose model follows only the native value setter + input (the shared reactTextarea), and
 * its submit is a "Reply" button after the field with no id (Studio, 2026), disabled until
 * the model holds text. The list is a `tp-yt-iron-list`: a fixed pool of rows reused in place
 * for other comments as it scrolls (shared virtualList).
 *
 * Data is set with textContent and attributes only: it includes hostile strings on purpose.
 */
import { BAKER_COMMENTS, fillerComment, h, hostileComments } from '../../shared/kit.js';
import { reactTextarea, submitButton } from '../../shared/composers.js';
import { virtualList } from '../../shared/virtual-list.js';
import { icon } from '../fixture-dom.js';

/** The shared hostile corpus, re-exported with types for the unit tests. */
export { HOSTILE } from '../../shared/kit.js';

export const CHANNEL = { id: 'UCcrumbAndCrustKitchen01', name: 'Crumb & Crust Kitchen', handle: 'CrumbAndCrustKitchen' };

export const STUDIO_VIDEOS = [
  { id: 'k3BfqS0urD0', title: 'My 72-Hour Sourdough Method (Open Crumb, No Stand Mixer)' },
  { id: 'Q7pLm2cRt9w', title: 'Reviving a Neglected Sourdough Starter in 3 Days' },
  { id: 'crumbShort1', title: 'The 10-second crumb check' },
];

const TIMES = ['2 hours ago', '5 hours ago', '1 day ago', '2 days ago', '3 days ago', '1 week ago'];

let nextId = 1;
const item = (c, extra = {}) => ({ key: `s${nextId++}`, author: c.author, handle: c.handle, text: c.text, replies: [], ...extra });

/**
 * The threads a Studio comments page lists, newest first: the comments the sample creator's
 * memory answers (some with replies, one from the creator), the hostile corpus, one deleted
 * comment, then filler. `onlyFiller` with `count` gives `count` filler threads (benchmarks).
 * `videoId` keeps one video's comments (its own comments page); else the inbox mixes videos.
 */
export function studioThreads({ count, onlyFiller = false, videoId } = {}) {
  const video = (i) => (videoId ? STUDIO_VIDEOS.find((v) => v.id === videoId) ?? STUDIO_VIDEOS[0] : STUDIO_VIDEOS[i % 2]);
  const out = [];
  if (!onlyFiller) {
    BAKER_COMMENTS.forEach((c, i) => out.push(item(c, { time: TIMES[i % TIMES.length], video: videoId ? video(i) : STUDIO_VIDEOS[0] })));
    out[0].replies.push(
      { key: 's-r1', author: 'Grain Nerd', handle: 'grainnerd', text: '@liambakesbread I did 80% whole wheat and it was fine at 60 hours', time: '1 hour ago' },
    );
    out[5].replies.push({ key: 's-r2', author: CHANNEL.name, handle: CHANNEL.handle, text: 'That ear!! So proud of you.', time: '3 hours ago' });
    hostileComments().forEach((c, i) =>
      out.push(item(c, { time: TIMES[(i + 2) % TIMES.length], video: video(i), showName: c.handle === 'img_author' })),
    );
    out.push(item({ author: 'Gone Viewer', handle: 'gone_viewer', text: '' }, { time: '4 days ago', video: video(0), deleted: true }));
  }
  const fillers = onlyFiller ? count : (count ?? 40);
  for (let i = 0; i < fillers; i++) out.push(item(fillerComment(i), { time: TIMES[i % TIMES.length], video: video(i) }));
  return out;
}

/** More filler threads (infinite scroll), numbered from `from`. */
export function moreStudioThreads(from, n, videoId) {
  const out = [];
  for (let i = from; i < from + n; i++) {
    const video = videoId ? STUDIO_VIDEOS.find((v) => v.id === videoId) ?? STUDIO_VIDEOS[0] : STUDIO_VIDEOS[i % 2];
    out.push(item(fillerComment(i), { time: TIMES[i % TIMES.length], video }));
  }
  return out;
}

function avatar(doc, comment) {
  const name = comment.handle || comment.author || '?';
  const hue = [...name].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 7);
  return h(doc, 'div', { class: 'fx-avatar', style: `background:hsl(${hue} 45% 55%)` }, [(Array.from(name)[0] ?? '?').toUpperCase()]);
}

/** One comment's skeleton (iron-list stamps these once and rebinds them). */
function commentSkeleton(doc, { reply = false } = {}) {
  return h(doc, 'ytcp-comment', { id: reply ? null : 'comment', class: 'style-scope ytcp-comment-thread', 'is-reply': reply }, [
    h(doc, 'div', { id: 'body' }, [
      h(doc, 'div', { id: 'author-thumbnail' }, [h(doc, 'a', { target: '_blank', tabindex: '-1' })]),
      h(doc, 'div', { id: 'main' }, [
        h(doc, 'div', { id: 'header' }, [
          h(doc, 'div', { id: 'header-author' }, [
            h(doc, 'a', { id: 'name', class: 'author-link', target: '_blank' }, [
              h(doc, 'yt-formatted-string', { id: 'author-text', class: 'style-scope ytcp-comment' }),
            ]),
            h(doc, 'yt-formatted-string', { id: 'published-time-text', class: 'published-time-text style-scope ytcp-comment' }),
          ]),
        ]),
        h(doc, 'ytcp-comment-expander', { id: 'expander' }, [
          h(doc, 'div', { id: 'content' }, [h(doc, 'yt-formatted-string', { id: 'content-text', class: 'style-scope ytcp-comment' })]),
        ]),
        h(doc, 'ytcp-comment-action-buttons', { id: 'action-buttons' }, [
          h(doc, 'div', { id: 'toolbar' }, [
            h(doc, 'ytcp-comment-button', { id: 'reply-button' }, [
              h(doc, 'ytcp-button', { class: 'fx-text-button' }, [h(doc, 'button', { type: 'button', 'aria-label': 'Reply' }, ['Reply'])]),
            ]),
            h(doc, 'ytcp-comment-toggle-button', { id: 'like-button' }, [
              h(doc, 'button', { type: 'button', 'aria-label': 'Like', class: 'fx-icon-button' }, [icon(doc, 'like')]),
            ]),
            h(doc, 'ytcp-comment-toggle-button', { id: 'dislike-button' }, [
              h(doc, 'button', { type: 'button', 'aria-label': 'Dislike', class: 'fx-icon-button' }, [icon(doc, 'like', { flip: true })]),
            ]),
            h(doc, 'ytcp-comment-creator-heart', { id: 'creator-heart' }, [
              h(doc, 'button', { type: 'button', 'aria-label': 'Heart', class: 'fx-icon-button' }, ['♡']),
            ]),
          ]),
        ]),
        h(doc, 'div', { id: 'reply-dialog-container' }),
      ]),
    ]),
  ]);
}

/** Bind a comment skeleton to comment data, in place (new text in the same nodes). */
function bindComment(el, c) {
  const doc = el.ownerDocument;
  const handleUrl = `https://www.youtube.com/@${c.handle}`;
  const thumb = el.querySelector('#author-thumbnail a');
  thumb.setAttribute('href', handleUrl);
  thumb.replaceChildren(avatar(doc, c));
  el.querySelector('#header-author a#name').setAttribute('href', handleUrl);
  el.querySelector('#author-text').textContent = c.showName ? c.author : `@${c.handle}`;
  el.querySelector('#published-time-text').textContent = c.time + (c.edited ? ' (edited)' : '');
  el.querySelector('#content-text').textContent = c.text;
  el.toggleAttribute('data-fixture-deleted', Boolean(c.deleted) || !c.text.trim());
  el.toggleAttribute('creator', c.handle === CHANNEL.handle);
  // A rebound row starts without the previous comment's reply box.
  if (el.getAttribute('data-fixture-key') !== c.key) el.querySelector('#reply-dialog-container').replaceChildren();
  el.setAttribute('data-fixture-key', c.key);
}

export function createThreadRow(doc) {
  return h(doc, 'ytcp-comment-thread', { class: 'style-scope ytcp-comments-section', role: 'listitem' }, [
    h(doc, 'div', { id: 'thread-content' }, [
      commentSkeleton(doc),
      h(doc, 'div', { id: 'replies' }, [h(doc, 'ytcp-comment-replies', {}, [h(doc, 'div', { id: 'loaded-replies' })])]),
    ]),
    h(doc, 'div', { id: 'video-thumbnail-container' }, [
      h(doc, 'ytcp-comment-video-thumbnail', {}, [
        h(doc, 'a', { id: 'video-link', tabindex: '-1' }, [h(doc, 'div', { class: 'fx-thumb' })]),
        h(doc, 'a', { id: 'video-title', class: 'fx-video-title' }),
      ]),
    ]),
  ]);
}

/** Bind a thread row to a thread: the top comment, its replies (reused, added, removed), its video. */
export function renderThreadRow(row, thread, { showVideo = true } = {}) {
  const doc = row.ownerDocument;
  bindComment(row.querySelector(':scope > #thread-content > ytcp-comment'), thread);
  const loaded = row.querySelector('#loaded-replies');
  while (loaded.children.length > thread.replies.length) loaded.lastElementChild.remove();
  while (loaded.children.length < thread.replies.length) loaded.append(commentSkeleton(doc, { reply: true }));
  thread.replies.forEach((r, i) => bindComment(loaded.children[i], r));
  row.querySelector('#replies').hidden = thread.replies.length === 0;
  const box = row.querySelector('#video-thumbnail-container');
  box.hidden = !showVideo;
  const href = `/video/${thread.video.id}/comments`;
  row.querySelector('#video-link').setAttribute('href', href);
  const title = row.querySelector('#video-title');
  title.setAttribute('href', href);
  title.textContent = thread.video.title;
  row.setAttribute('data-fixture-thread', thread.key);
}

/** Each open reply box's composer, by textarea. */
const composers = new WeakMap();

/**
 * Open (or focus) the reply box under a Studio comment: ytcp-commentbox[is-reply] with an
 * iron-autogrow-textarea around a React-like textarea, Cancel, then the id-less "Reply" submit.
 * Replying to a reply prefills "@handle ", as Studio does. A submit posts through `onPost`.
 */
export function openStudioReplyBox(comment, { onPost }) {
  const doc = comment.ownerDocument;
  const container = comment.querySelector('#reply-dialog-container');
  if (!container) return null;
  const existing = container.querySelector('textarea');
  if (existing) {
    existing.focus();
    return existing;
  }
  const composer = reactTextarea(doc, {
    id: 'textarea',
    'aria-label': 'Add a reply...',
    placeholder: 'Add a reply...',
    rows: '1',
    class: 'style-scope tp-yt-iron-autogrow-textarea',
  });
  const mirror = h(doc, 'div', { id: 'mirror', class: 'mirror-text', 'aria-hidden': 'true' }, ['\u00a0']);
  const iron = h(doc, 'tp-yt-iron-autogrow-textarea', { id: 'textarea-container', class: 'style-scope ytcp-commentbox' }, [
    mirror,
    h(doc, 'div', { class: 'textarea-container fit' }, [composer.editor]),
  ]);
  // iron-autogrow-textarea's mirror follows its bindValue (what the model holds).
  composer.onChange((text) => {
    mirror.textContent = `${text}\u00a0`;
    iron.setAttribute('bind-value', text);
  });
  const thread = comment.closest('ytcp-comment-thread');
  const submit = submitButton(doc, composer, {
    label: 'Reply',
    attrs: { class: 'fx-filled-button', 'aria-label': 'Reply' },
    onSubmit(text) {
      onPost({ text, threadKey: thread?.getAttribute('data-fixture-thread') ?? null, commentKey: comment.getAttribute('data-fixture-key') });
      container.replaceChildren();
    },
  });
  const cancel = h(doc, 'ytcp-comment-button', { id: 'cancel-button' }, [
    h(doc, 'ytcp-button', {}, [h(doc, 'button', { type: 'button', class: 'fx-text-button', 'aria-label': 'Cancel' }, ['Cancel'])]),
  ]);
  cancel.addEventListener('click', () => container.replaceChildren());
  const box = h(doc, 'ytcp-commentbox', { id: 'commentbox', 'is-reply': true, class: 'style-scope ytcp-comment' }, [
    h(doc, 'div', { class: 'fx-avatar', style: 'background:#a0522d' }, ['C']),
    h(doc, 'div', { id: 'main' }, [
      iron,
      h(doc, 'div', { id: 'footer' }, [h(doc, 'div', { id: 'buttons' }, [cancel, h(doc, 'ytcp-button', { class: 'fx-submit' }, [submit])])]),
    ]),
  ]);
  container.append(box);
  composers.set(composer.editor, composer);
  if (comment.hasAttribute('is-reply')) {
    // Studio starts a reply to a reply with the author's @handle, as a real edit would.
    const handle = comment.querySelector('#author-text')?.textContent?.trim() ?? '';
    if (/^@\S+$/.test(handle)) {
      const native = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(composer.editor), 'value');
      native.set.call(composer.editor, `${handle} `);
      composer.editor.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  composer.editor.focus();
  return composer.editor;
}

/** The model text of the reply box opened last on the page, or null. */
export function studioComposerState(doc) {
  const editors = doc.querySelectorAll('ytcp-commentbox textarea');
  const editor = editors[editors.length - 1];
  return editor ? (composers.get(editor)?.state() ?? null) : null;
}

/** Reply clicks open the box under their own comment. Returns a function that removes it. */
export function installStudioBehaviour(root, { onPost }) {
  const onClick = (event) => {
    const target = event.target;
    if (typeof target?.closest !== 'function') return;
    const button = target.closest('ytcp-comment-button#reply-button');
    const comment = button?.closest('ytcp-comment');
    if (comment) openStudioReplyBox(comment, { onPost });
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

/**
 * The comment list: tp-yt-iron-list with a pool of rows (30, or 200 for long lists) reused in
 * place as it scrolls. Returns hooks to scroll, edit, append and post.
 */
export function mountStudioList(doc, container, { threads, showVideo = true, poolSize }) {
  const items = [...threads];
  const pool = poolSize ?? (items.length >= 1000 ? 200 : 30);
  const iron = h(doc, 'tp-yt-iron-list', { id: 'comments-list', role: 'list' }, []);
  const itemsEl = h(doc, 'div', { id: 'items' });
  iron.append(itemsEl);
  container.replaceChildren(iron);
  const list = virtualList({
    container: itemsEl,
    items,
    poolSize: pool,
    createRow: () => createThreadRow(doc),
    renderRow: (row, thread) => renderThreadRow(row, thread, { showVideo }),
  });
  return {
    list,
    items,
    iron,
    /** Scroll by `n` threads (rows get other comments in place). */
    scrollBy: (n) => list.scrollBy(n),
    append(more) {
      items.push(...more);
      list.redraw();
      return more.length;
    },
    edit(fragment, text) {
      for (const thread of items) {
        for (const c of [thread, ...thread.replies]) {
          if (c.text.includes(fragment)) {
            c.text = text;
            c.edited = true;
            list.redraw();
            return true;
          }
        }
      }
      return false;
    },
    /** Studio shows the creator's posted reply under its thread. */
    addReply(threadKey, text) {
      const thread = items.find((t) => t.key === threadKey);
      if (!thread) return;
      thread.replies.push({ key: `${thread.key}-p${thread.replies.length}`, author: CHANNEL.name, handle: CHANNEL.handle, text, time: 'Just now' });
      list.redraw();
    },
  };
}

/**
 * A Studio comments page for unit tests (happy-dom): the comments section with its iron-list
 * and `threads`, a drawer naming the channel (or the video). Returns the mounted list hooks.
 */
export function mountStudioCommentsPage(doc, { threads, showVideo = true, entityName = CHANNEL.name, poolSize }) {
  const section = h(doc, 'div', { id: 'list-container' });
  doc.body.replaceChildren(
    h(doc, 'ytcp-navigation-drawer', {}, [h(doc, 'div', { id: 'entity-name', class: 'entity-name' }, [entityName])]),
    h(doc, 'ytcp-comments-section', {}, [section]),
  );
  return mountStudioList(doc, section, { threads, showVideo, poolSize });
}
