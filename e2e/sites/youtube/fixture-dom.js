/**
 * DOM for the YouTube watch-page fixture: comment threads in both markup variants, and the
 * reply box with YouTube's real rule (its Reply button stays disabled until the editor's text
 * changes through a real input path). Shared by the fixture page and the unit tests.
 *
 * Every piece of comment data is set with textContent or attributes, never innerHTML: the data
 * includes hostile strings on purpose.
 */
import { CHANNEL, plainText, threadAt, videoTitle } from './fixture-data.js';

/** Create an element with attributes and children (strings become text nodes). */
export function h(doc, tag, attrs = {}, children = []) {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child == null) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

const ICONS = {
  comment: 'M4 3h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H8l-5 4V4a1 1 0 0 1 1-1z',
  like: 'M2 10h3v10H2z M7 10l4-8c1.5 0 2.5 1 2.5 2.5L13 9h6c1 0 2 1 1.8 2l-1.6 7.5c-.2 1-1 1.5-2 1.5H7z',
  pin: 'M9 2h6l-1 6 3 3v2h-4v7l-1 2-1-2v-7H7v-2l3-3z',
};

/** A small inline SVG icon (no fonts or images to fetch; emoji fonts are missing on CI). */
export function icon(doc, name, { flip = false } = {}) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', 'currentColor');
  if (flip) svg.setAttribute('transform', 'rotate(180)');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

function avatar(doc, author) {
  const letter = Array.from(author.replace(/^@/, ''))[0] ?? '?';
  const hue = [...author].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 7);
  const el = h(doc, 'div', { class: 'fx-avatar', style: `background:hsl(${hue} 45% 55%)` }, [
    letter.toUpperCase(),
  ]);
  return h(doc, 'div', { id: 'author-thumbnail' }, [
    h(doc, 'a', { href: `/${author.startsWith('@') ? author : '@' + author}`, tabindex: '-1' }, [el]),
  ]);
}

function contentText(doc, text, videoId, variant) {
  const segments = typeof text === 'string' ? [text] : text;
  const children = segments.map((s) =>
    typeof s === 'string'
      ? h(doc, 'span', { class: 'yt-core-attributed-string--link-inherit-color' }, [s])
      : h(doc, 'a', { class: 'yt-core-attributed-string__link', href: s.href.replace('{VID}', videoId) }, [
          s.link,
        ]),
  );
  // The current markup wraps text in yt-attributed-string; the older one in yt-formatted-string.
  const tag = variant === 'legacy' ? 'yt-formatted-string' : 'yt-attributed-string';
  return h(doc, tag, { id: 'content-text', class: 'style-scope' }, children);
}

function likeButtons(doc, likes) {
  return [
    h(doc, 'ytd-toggle-button-renderer', { id: 'like-button' }, [
      h(doc, 'button', { 'aria-label': `Like this comment along with ${likes} other people`, 'aria-pressed': 'false' }, [
        icon(doc, 'like'),
      ]),
    ]),
    h(doc, 'span', { id: 'vote-count-middle', 'aria-label': `${likes} likes` }, [likes === '0' ? '' : likes]),
    h(doc, 'ytd-toggle-button-renderer', { id: 'dislike-button' }, [
      h(doc, 'button', { 'aria-label': 'Dislike this comment', 'aria-pressed': 'false' }, [icon(doc, 'like', { flip: true })]),
    ]),
  ];
}

function replyButton(doc) {
  return h(doc, 'ytd-button-renderer', { id: 'reply-button-end', class: 'style-scope' }, [
    h(doc, 'button', { 'aria-label': 'Reply', class: 'fx-text-button' }, ['Reply']),
  ]);
}

/**
 * One comment (top-level or reply). `variant` 'vm' → ytd-comment-view-model with
 * ytd-comment-engagement-bar; 'legacy' → ytd-comment-renderer with
 * ytd-comment-action-buttons-renderer. Replies carry no id="comment", as on YouTube.
 */
export function buildComment(doc, c, { videoId, isReply = false, variant = 'vm' }) {
  const creator = c.author === CHANNEL.handle;
  const authorLink = h(
    doc,
    'a',
    { id: 'author-text', class: creator ? 'fx-creator' : null, href: `/${c.author.startsWith('@') ? c.author : '@' + c.author}` },
    [h(doc, 'span', { class: 'style-scope ytd-comment-renderer' }, [` ${c.author}\n `])],
  );
  const header = h(doc, 'div', { id: 'header' }, [
    c.pinned
      ? h(doc, 'div', { id: 'pinned-comment-badge' }, [
          h(doc, 'ytd-pinned-comment-badge-renderer', {}, [icon(doc, 'pin'), ` Pinned by ${CHANNEL.handle}`]),
        ])
      : null,
    h(doc, 'div', { id: 'header-author' }, [
      h(doc, 'h3', {}, [authorLink]),
      h(doc, 'span', { id: 'published-time-text' }, [
        h(doc, 'a', { href: `/watch?v=${videoId}&lc=${c.id}` }, [c.time]),
      ]),
    ]),
  ]);
  const expander = h(doc, 'ytd-expander', { id: 'expander', collapsed: true }, [
    h(doc, 'div', { id: 'content' }, [contentText(doc, c.text, videoId, variant)]),
  ]);
  const toolbar = h(doc, 'div', { id: 'toolbar' }, [
    ...likeButtons(doc, c.likes ?? '0'),
    h(doc, 'div', { id: 'creator-heart' }),
    replyButton(doc),
  ]);
  const actions =
    variant === 'legacy'
      ? h(doc, 'ytd-comment-action-buttons-renderer', { id: 'action-buttons' }, [
          toolbar,
          h(doc, 'div', { id: 'reply-dialog' }),
        ])
      : h(doc, 'ytd-comment-engagement-bar', { id: 'action-buttons' }, [
          toolbar,
          h(doc, 'div', { id: 'reply-dialog' }),
        ]);
  const main = h(doc, 'div', { id: 'main' }, [
    header,
    h(doc, 'div', { id: 'comment-content' }, [expander]),
    actions,
  ]);
  const tag = variant === 'legacy' ? 'ytd-comment-renderer' : 'ytd-comment-view-model';
  const attrs = isReply
    ? { class: 'style-scope ytd-comment-replies-renderer', 'data-fixture-id': c.id }
    : { id: 'comment', class: 'style-scope ytd-comment-thread-renderer', 'data-fixture-id': c.id };
  // A comment with nothing to reply to (emptied or deleted): no Draft reply button belongs here.
  if (plainText(c.text).trim() === '') attrs['data-fixture-deleted'] = '';
  if (isReply) attrs['is-reply'] = true;
  return h(doc, tag, attrs, [h(doc, 'div', { id: 'body' }, [avatar(doc, c.author), main])]);
}

function repliesRenderer(doc, count) {
  const contents = h(doc, 'div', { id: 'contents' });
  const toggle = h(doc, 'button', { class: 'fx-replies-toggle', 'aria-expanded': 'true' }, [
    repliesLabel(count),
  ]);
  return h(doc, 'div', { id: 'replies' }, [
    h(doc, 'ytd-comment-replies-renderer', {}, [
      h(doc, 'div', { id: 'expander' }, [
        h(doc, 'div', { id: 'expander-header' }, [toggle]),
        h(doc, 'div', { id: 'expander-contents' }, [contents]),
      ]),
    ]),
  ]);
}

function repliesLabel(count) {
  return `▲ ${count} ${count === 1 ? 'reply' : 'replies'}`;
}

/** A whole ytd-comment-thread-renderer for thread data from threadAt(). */
export function buildThread(doc, thread, videoId) {
  const top = buildComment(doc, thread, { videoId, variant: thread.variant });
  const el = h(doc, 'ytd-comment-thread-renderer', { class: 'style-scope ytd-item-section-renderer' }, [top]);
  if (thread.replies.length) {
    const replies = repliesRenderer(doc, thread.replies.length);
    const contents = replies.querySelector('#contents');
    for (const r of thread.replies) {
      contents.append(buildComment(doc, r, { videoId, isReply: true, variant: thread.variant }));
    }
    el.append(replies);
  }
  return el;
}

/** Threads [from, from + count) of a video, as elements (not yet attached). */
export function buildThreads(doc, videoId, from, count, offset = 0) {
  const out = [];
  for (let i = from; i < from + count; i++) out.push(buildThread(doc, threadAt(videoId, i, offset), videoId));
  return out;
}

/**
 * The text a contenteditable shows: <br> and block children (what insertParagraph makes) are
 * line breaks; a trailing <br> in a block is the caret placeholder, not a line.
 */
export function editorText(el) {
  let out = '';
  let needBreak = false;
  const isBlock = (node) => node.nodeName === 'DIV' || node.nodeName === 'P';
  const newline = () => {
    if (needBreak && out) out += '\n';
    needBreak = false;
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        if (!child.data) continue;
        newline();
        out += child.data;
      } else if (child.nodeName === 'BR') {
        const placeholder = child === node.lastChild && (isBlock(node) || node === el);
        newline();
        if (!placeholder) out += '\n';
      } else if (child.nodeType === 1) {
        if (isBlock(child)) {
          if (out && !out.endsWith('\n')) needBreak = true;
          newline();
          walk(child);
          needBreak = true;
        } else {
          walk(child);
        }
      }
    }
  };
  walk(el);
  return out;
}

/** Every reply posted through a fixture reply box, in order (tests read this via __fixture). */
export const posted = [];

/** Each open reply box's own model of its text (what YouTube would post). */
const models = new WeakMap();

/** The model text of the reply box open on the page (the last one opened), or null. */
export function openBoxState(doc) {
  const editors = doc.querySelectorAll('ytd-commentbox #contenteditable-root');
  const editor = editors[editors.length - 1];
  return editor ? (models.get(editor)?.() ?? null) : null;
}

/**
 * Open (or focus) the reply box under a comment. The box keeps its own model of the text and
 * updates it ONLY from `input` events (typing, execCommand) and `paste` with text/plain: a
 * script writing textContent changes what is shown but not what would be posted, exactly like
 * YouTube, so the submit button stays disabled.
 */
export function openReplyBox(comment) {
  const doc = comment.ownerDocument;
  const dialog = comment.querySelector('#reply-dialog');
  if (!dialog) return null;
  const existing = dialog.querySelector('#contenteditable-root');
  if (existing) {
    existing.focus();
    return existing;
  }
  const editor = h(doc, 'div', {
    id: 'contenteditable-root',
    contenteditable: 'true',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': 'Add a reply...',
    'data-placeholder': 'Add a reply...',
    class: 'style-scope yt-formatted-string',
  });
  const submit = h(doc, 'button', { 'aria-label': 'Reply', class: 'fx-filled-button', disabled: true, 'aria-disabled': 'true' }, [
    'Reply',
  ]);
  const cancel = h(doc, 'button', { 'aria-label': 'Cancel', class: 'fx-text-button' }, ['Cancel']);
  const box = h(doc, 'ytd-commentbox', { id: 'commentbox', class: 'style-scope ytd-comment-reply-dialog-renderer' }, [
    avatar(doc, CHANNEL.handle),
    h(doc, 'div', { id: 'main' }, [
      h(doc, 'ytd-emoji-input', { id: 'emoji-input' }, [
        h(doc, 'yt-user-mention-autosuggest-input', {}, [h(doc, 'div', { id: 'input-container' }, [editor])]),
      ]),
      h(doc, 'div', { id: 'footer' }, [
        h(doc, 'div', { id: 'buttons' }, [
          h(doc, 'ytd-button-renderer', { id: 'cancel-button' }, [cancel]),
          h(doc, 'ytd-button-renderer', { id: 'submit-button', disabled: true }, [submit]),
        ]),
      ]),
    ]),
  ]);
  dialog.append(h(doc, 'ytd-comment-reply-dialog-renderer', {}, [box]));

  let model = '';
  models.set(editor, () => model);
  const sync = () => {
    const empty = model.trim() === '';
    submit.disabled = empty;
    submit.setAttribute('aria-disabled', String(empty));
    submit.parentElement.toggleAttribute('disabled', empty);
    editor.toggleAttribute('data-has-text', !empty);
  };
  editor.addEventListener('input', () => {
    model = editorText(editor);
    sync();
  });
  editor.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain');
    event.preventDefault();
    if (!text) return;
    insertPlainText(editor, text);
    model = editorText(editor);
    sync();
  });
  cancel.addEventListener('click', () => dialog.replaceChildren());
  submit.addEventListener('click', () => {
    if (submit.disabled || model.trim() === '') return;
    postReply(comment, model.trim());
    dialog.replaceChildren();
  });
  editor.focus();
  return editor;
}

/** Put pasted text at the caret (or at the end), as the box's paste handler does. */
function insertPlainText(editor, text) {
  const doc = editor.ownerDocument;
  const view = doc.defaultView;
  const selection = view?.getSelection?.();
  let range = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
  if (!range || !editor.contains(range.commonAncestorContainer)) {
    range = doc.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
  }
  range.deleteContents();
  const frag = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) frag.append(doc.createElement('br'));
    if (line) frag.append(doc.createTextNode(line));
  });
  const last = frag.lastChild;
  range.insertNode(frag);
  if (last && selection) {
    const after = doc.createRange();
    after.setStartAfter(last);
    after.collapse(true);
    selection.removeAllRanges();
    selection.addRange(after);
  }
}

let postedCount = 0;

/** Append the creator's reply to the comment's thread, as YouTube does after posting. */
function postReply(comment, text) {
  const doc = comment.ownerDocument;
  const thread = comment.closest('ytd-comment-thread-renderer');
  if (!thread) return;
  const top = thread.querySelector(':scope > #comment');
  const parentId = top?.getAttribute('data-fixture-id') ?? 'unknown';
  const variant = top?.localName === 'ytd-comment-renderer' ? 'legacy' : 'vm';
  const url = new URL(doc.defaultView?.location.href ?? 'https://www.youtube.com/');
  const videoId = url.searchParams.get('v') ?? /^\/shorts\/([\w-]+)/.exec(url.pathname)?.[1] ?? '';
  postedCount += 1;
  const reply = {
    id: `${parentId}.Posted${String(postedCount).padStart(3, '0')}`,
    author: CHANNEL.handle,
    text,
    time: 'Just now',
    likes: '0',
  };
  let contents = thread.querySelector('ytd-comment-replies-renderer #contents');
  if (!contents) {
    thread.append(repliesRenderer(doc, 0));
    contents = thread.querySelector('ytd-comment-replies-renderer #contents');
  }
  contents.append(buildComment(doc, reply, { videoId, isReply: true, variant }));
  const toggle = thread.querySelector('.fx-replies-toggle');
  if (toggle) toggle.textContent = repliesLabel(contents.children.length);
  posted.push({ parentId, commentId: comment.getAttribute('data-fixture-id'), replyId: reply.id, text });
}

/**
 * One delegated click handler for every thread under `root`: Reply opens the box, the replies
 * toggle shows or hides replies. Returns a function that removes it.
 */
export function installCommentBehaviour(root) {
  const onClick = (event) => {
    const target = event.target;
    if (typeof target?.closest !== 'function') return;
    const reply = target.closest('#reply-button-end button');
    if (reply) {
      const comment = reply.closest('ytd-comment-view-model, ytd-comment-renderer');
      if (comment) openReplyBox(comment);
      return;
    }
    const toggle = target.closest('.fx-replies-toggle');
    if (toggle) {
      const open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!open));
      const contents = toggle.closest('#expander')?.querySelector('#expander-contents');
      if (contents) contents.hidden = open;
    }
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

export { plainText };

/**
 * The parts of a watch page the adapter reads, without the page's styling or scripts: a
 * title and an empty comments list, with `threads` threads of `videoId` in it. For unit tests
 * (happy-dom); the real page is watch.html. Returns the list element (#contents).
 */
export function mountWatchPage(doc, { videoId, threads = 0, title }) {
  const contents = h(doc, 'div', { id: 'contents' });
  doc.body.replaceChildren(
    h(doc, 'ytd-watch-metadata', {}, [
      h(doc, 'div', { id: 'title' }, [h(doc, 'h1', {}, [h(doc, 'yt-formatted-string', {}, [title ?? videoTitle(videoId)])])]),
    ]),
    h(doc, 'ytd-comments', { id: 'comments' }, [h(doc, 'ytd-item-section-renderer', { id: 'sections' }, [contents])]),
  );
  contents.append(...buildThreads(doc, videoId, 0, threads));
  return contents;
}

/**
 * Shorts: one ytd-reel-video-renderer per short (YouTube preloads the neighbours; the one on
 * screen carries [is-active]). Each reel holds its player, its overlay (title, action buttons
 * with the comments button) and its own comments panel, an
 * ytd-engagement-panel-section-list-renderer that is shown and hidden through its
 * `visibility` attribute, never re-added. Inside: the same threads as a watch page.
 */
export const PANEL_EXPANDED = 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED';
export const PANEL_HIDDEN = 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN';

export function buildReel(doc, short, { active = false, index = 0 } = {}) {
  const commentsButton = h(doc, 'div', { id: 'comments-button' }, [
    h(doc, 'ytd-button-renderer', { class: 'style-scope ytd-reel-player-overlay-renderer' }, [
      h(doc, 'yt-button-shape', {}, [
        h(doc, 'button', { class: 'fx-round-button', 'aria-label': `View ${short.comments} comments`, 'aria-expanded': 'false' }, [
          icon(doc, 'comment'),
        ]),
      ]),
      h(doc, 'div', { class: 'fx-action-label' }, [short.comments]),
    ]),
  ]);
  const likeButton = h(doc, 'div', { id: 'like-button' }, [
    h(doc, 'button', { class: 'fx-round-button', 'aria-label': `like this video along with ${short.likes} other people`, 'aria-pressed': 'false' }, [
      icon(doc, 'like'),
    ]),
    h(doc, 'div', { class: 'fx-action-label' }, [short.likes]),
  ]);
  const overlay = h(doc, 'ytd-reel-player-overlay-renderer', {}, [
    h(doc, 'div', { id: 'metadata-container' }, [
      h(doc, 'div', { class: 'fx-reel-channel' }, [CHANNEL.handle]),
      h(doc, 'yt-shorts-video-title-view-model', {}, [
        h(doc, 'h2', { class: 'ytShortsVideoTitleViewModelShortsVideoTitle' }, [h(doc, 'span', {}, [short.title])]),
      ]),
    ]),
  ]);
  const actions = h(doc, 'div', { id: 'actions', class: 'style-scope ytd-reel-player-overlay-renderer' }, [likeButton, commentsButton]);
  const panel = h(
    doc,
    'ytd-engagement-panel-section-list-renderer',
    { 'target-id': 'engagement-panel-comments-section', visibility: PANEL_HIDDEN, class: 'style-scope ytd-shorts' },
    [
      h(doc, 'div', { id: 'header' }, [
        h(doc, 'ytd-engagement-panel-title-header-renderer', {}, [
          h(doc, 'div', { id: 'title-container' }, [
            h(doc, 'h2', { id: 'title' }, [h(doc, 'yt-formatted-string', { id: 'title-text' }, ['Comments'])]),
            h(doc, 'yt-formatted-string', { id: 'contextual-info' }, [short.comments]),
          ]),
          h(doc, 'div', { id: 'visibility-button' }, [
            h(doc, 'button', { class: 'fx-round-button', 'aria-label': 'Close' }, ['✕']),
          ]),
        ]),
      ]),
      h(doc, 'div', { id: 'content' }, [
        h(doc, 'ytd-section-list-renderer', {}, [
          h(doc, 'div', { id: 'contents' }, [
            h(doc, 'ytd-item-section-renderer', { id: 'sections', 'section-identifier': 'comment-item-section' }, [
              h(doc, 'div', { id: 'header' }, [
                h(doc, 'ytd-comments-header-renderer', {}, [
                  h(doc, 'div', { id: 'sort-menu' }, ['Top comments']),
                ]),
              ]),
              h(doc, 'div', { id: 'contents', class: 'fx-panel-list' }),
            ]),
          ]),
        ]),
      ]),
    ],
  );
  const reel = h(
    doc,
    'ytd-reel-video-renderer',
    { id: String(index), class: 'reel-video-in-sequence style-scope ytd-shorts', 'is-active': active, 'data-fixture-short': short.id },
    [
      h(doc, 'div', { id: 'player-container', class: 'fx-reel-player', 'aria-label': 'Shorts player' }, [overlay]),
      actions,
      h(doc, 'div', { id: 'watch-while-engagement-panel', class: 'style-scope ytd-reel-video-renderer' }, [panel]),
    ],
  );
  return reel;
}

/** A reel's comments panel and its thread list. */
export function panelOf(reel) {
  const panel = reel.querySelector('ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-comments-section"]');
  return { panel, list: panel?.querySelector('.fx-panel-list') ?? null };
}

/** Show or hide a reel's comments panel, as YouTube does: by its visibility attribute. */
export function setPanelOpen(reel, open) {
  const { panel } = panelOf(reel);
  panel?.setAttribute('visibility', open ? PANEL_EXPANDED : PANEL_HIDDEN);
  reel.querySelector('#comments-button button')?.setAttribute('aria-expanded', String(open));
}

/**
 * A Shorts page for unit tests (happy-dom): the reels of `shorts`, the one with `activeId`
 * active with its comments panel open and `threads` threads in it; a hidden watch page behind
 * them, as after navigating from a video. Returns the active reel's thread list.
 */
export function mountShortsPage(doc, { shorts, activeId, threads = 0, watchTitle = 'A video watched before' }) {
  const reels = shorts.map((short, index) => buildReel(doc, short, { active: short.id === activeId, index }));
  doc.body.replaceChildren(
    h(doc, 'ytd-watch-flexy', { hidden: true }, [
      h(doc, 'ytd-watch-metadata', {}, [h(doc, 'div', { id: 'title' }, [h(doc, 'h1', {}, [watchTitle])])]),
    ]),
    h(doc, 'ytd-shorts', {}, [h(doc, 'div', { id: 'shorts-container' }, [h(doc, 'div', { id: 'shorts-inner-container' }, reels)])]),
  );
  const active = reels.find((r) => r.hasAttribute('is-active'));
  setPanelOpen(active, true);
  const { list } = panelOf(active);
  list.append(...buildThreads(doc, activeId, 0, threads));
  return list;
}
