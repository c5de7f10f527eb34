/**
 * New Reddit ("shreddit") markup, per docs/sites-reference.md (Reddit): web components whose
 * attributes carry what a comment is (thingid, author, depth, parentid, permalink, created),
 * light-DOM children slotted into each component's shadow root (`slot="commentMeta"`,
 * `"comment"`, `"actionRow"`, `"children"` for nested replies), and a comment action row whose
 * own shadow root draws the vote buttons and slots the light-DOM Reply button. Reply mounts
 * `shreddit-composer` with a Lexical editor (`[name="body"]`, shared `lexical` composer) and a
 * submit button that stays disabled until the editor's model holds text. The top-level box is a
 * `faceplate-textarea-input` whose textarea lives in its shadow root: only a trigger.
 *
 * Shadow roots are real (attachShadow), so the adapter reads only what a content script can
 * reach. Built with textContent and attributes only: the data is hostile on purpose. Shared by
 * the fixture page (shreddit-app.js) and the adapter's unit tests.
 */
import { h, later } from '../shared/kit.js';
import { lexical, submitButton } from '../shared/composers.js';
import { CREATOR, POST, SUBREDDIT, ago, postPath, redditTime } from './data.js';

export const ORIGIN = 'https://www.reddit.com';

/** Replies posted through the fixture's submit buttons: { parentId, text }. */
export const posted = [];
const postListeners = [];
/** Be told of each reply the creator posts (the page passes installFixtureApi's recordPost). */
export function onPosted(fn) {
  postListeners.push(fn);
}
function record(entry) {
  posted.push(entry);
  for (const fn of postListeners) fn({ ...entry });
}
/** Open composers' models, newest last (composerState reads the newest still on the page). */
const open = [];

const SHADOW_CSS = {
  comment: `
    :host { display: block; position: relative; }
    .row { display: flex; gap: 8px; }
    .avatar { flex: none; width: 28px; display: flex; flex-direction: column; align-items: center; }
    .thread-line { flex: 1; width: 1px; background: #d7dadc; margin-top: 4px; }
    .main { flex: 1; min-width: 0; padding-bottom: 4px; }
    .children { margin-left: -8px; }`,
  actionRow: `
    :host { display: flex; align-items: center; gap: 4px; color: #576f76; font: 600 12px/16px inherit; }
    .vote { display: inline-flex; align-items: center; gap: 4px; }
    button { all: unset; cursor: pointer; padding: 6px 8px; border-radius: 999px; color: inherit; }
    button:hover { background: #e5ebee; }
    .score { min-width: 16px; text-align: center; color: #0f1a1c; }
    .composer { flex-basis: 100%; }`,
  post: `
    :host { display: block; position: relative; }
    .actions { display: flex; gap: 8px; margin-top: 10px; color: #576f76; font: 600 12px/16px inherit; }
    .pill { background: #e5ebee; border-radius: 999px; padding: 6px 12px; }
    ::slotted(a[slot="full-post-link"]) { position: absolute; inset: 0; }
    ::slotted([slot="title"]) { position: relative; z-index: 1; }`,
  composer: `
    :host { display: block; border: 1px solid #8ba2ad; border-radius: 20px; padding: 8px 12px; margin: 6px 0; background: #fff; }
    .footer { display: flex; justify-content: flex-end; gap: 8px; margin-top: 6px; }`,
  textarea: `
    textarea { box-sizing: border-box; width: 100%; border: 1px solid #8ba2ad; border-radius: 20px; padding: 10px 16px; font: 14px/20px inherit; resize: none; cursor: text; background: #fff; }`,
};

/** One constructed sheet per component, shared by every instance, as Lit adopts them. */
const sheets = new Map();

function adopt(root, css) {
  const view = root.ownerDocument.defaultView;
  if (!view?.CSSStyleSheet || !('adoptedStyleSheets' in root)) {
    root.append(h(root.ownerDocument, 'style', {}, [css]));
    return;
  }
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  root.adoptedStyleSheets = [sheet];
}

/** A real shadow root holding `parts`: what Reddit's Lit components render. */
function withShadow(el, css, parts) {
  const root = el.attachShadow({ mode: 'open' });
  adopt(root, css);
  root.append(...parts);
  return el;
}

function slot(doc, name) {
  return h(doc, 'slot', name ? { name } : {});
}

function paragraphs(doc, text) {
  return text.split('\n').map((line) => h(doc, 'p', {}, [line]));
}

const AVATAR_COLOURS = ['#ff4500', '#0079d3', '#46d160', '#ffb000', '#7193ff', '#ff66ac'];

function avatar(doc, name) {
  const colour = AVATAR_COLOURS[[...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % AVATAR_COLOURS.length];
  const img = h(doc, 'span', { class: 'fx-avatar', 'aria-hidden': 'true' }, [([...name][0] ?? '?').toUpperCase()]);
  img.style.background = colour;
  return img;
}

function timeago(doc, c) {
  return h(doc, 'faceplate-timeago', { ts: c.created, format: 'short' }, [
    h(doc, 'time', { datetime: new Date(c.ms).toISOString(), title: new Date(c.ms).toUTCString() }, [ago(c.ms)]),
  ]);
}

function actionRow(doc, thingId, score) {
  const row = h(doc, 'shreddit-comment-action-row', { 'comment-id': thingId, slot: 'actionRow' }, [
    h(doc, 'button', { slot: 'comment-reply', type: 'button', 'aria-label': 'Reply', class: 'fx-reply' }, ['Reply']),
    h(doc, 'shreddit-comment-share-button', { slot: 'comment-share' }, [h(doc, 'button', { type: 'button', class: 'fx-pill' }, ['Share'])]),
    h(doc, 'shreddit-overflow-menu', { slot: 'overflow' }, [h(doc, 'button', { type: 'button', 'aria-label': 'More options', class: 'fx-pill' }, ['…'])]),
  ]);
  // The vote buttons live in the row's shadow root; the light-DOM controls are slotted by name.
  return withShadow(row, SHADOW_CSS.actionRow, [
    h(doc, 'span', { class: 'vote' }, [
      h(doc, 'button', { upvote: true, 'aria-label': 'Upvote', 'aria-pressed': 'false' }, ['⇧']),
      h(doc, 'span', { class: 'score' }, [String(score)]),
      h(doc, 'button', { downvote: true, 'aria-label': 'Downvote', 'aria-pressed': 'false' }, ['⇩']),
    ]),
    slot(doc, 'comment-reply'),
    slot(doc, 'comment-award'),
    slot(doc, 'comment-share'),
    slot(doc, 'overflow'),
  ]);
}

/**
 * One shreddit-comment and its replies (nested as child shreddit-comment elements, as Reddit
 * renders them). A deleted comment keeps its place and its replies but has no body.
 */
export function buildComment(doc, c, { post = POST, depth = 0, parentId = `t3_${post.id}` } = {}) {
  const thingId = `t1_${c.id}`;
  const el = h(doc, 'shreddit-comment', {
    thingid: thingId,
    author: c.deleted ? '[deleted]' : c.author,
    depth: String(depth),
    parentid: parentId,
    postid: `t3_${post.id}`,
    permalink: `/r/${SUBREDDIT}/comments/${post.id}/comment/${c.id}/`,
    created: c.created,
    score: String(c.score),
    'content-type': 'text',
    arialabel: `Thread level ${depth + 1}`,
    slot: depth > 0 ? 'children' : null,
    'data-fixture-id': c.id,
    'data-fixture-deleted': c.deleted || null,
  });
  const meta = c.deleted
    ? h(doc, 'div', { slot: 'commentMeta', class: 'fx-meta' }, [
        h(doc, 'span', { class: 'fx-deleted' }, ['[deleted]']),
        ' · ',
        timeago(doc, c),
        h(doc, 'p', { class: 'fx-deleted-note' }, ['Comment deleted by user']),
      ])
    : h(doc, 'div', { slot: 'commentMeta', class: 'fx-meta' }, [
        h(doc, 'faceplate-hovercard', {}, [
          h(doc, 'a', { href: `/user/${encodeURIComponent(c.author)}/`, class: 'fx-author' }, [c.author]),
        ]),
        c.author === CREATOR ? h(doc, 'span', { class: 'fx-op' }, ['OP']) : null,
        ' · ',
        timeago(doc, c),
      ]);
  el.append(
    h(doc, 'div', { slot: 'commentAvatar' }, [avatar(doc, c.deleted ? '?' : c.author)]),
    meta,
    c.deleted
      ? null
      : h(doc, 'div', { slot: 'comment' }, [
          h(doc, 'div', { id: `${thingId}-comment-rtjson-content`, class: 'md fx-body' }, paragraphs(doc, c.text)),
        ]),
    h(doc, 'div', { slot: 'actionRow' }, [actionRow(doc, thingId, c.score)]),
    ...c.replies.map((r) => buildComment(doc, r, { post, depth: depth + 1, parentId: thingId })),
  );
  return withShadow(el, SHADOW_CSS.comment, [
    h(doc, 'div', { class: 'row' }, [
      h(doc, 'div', { class: 'avatar' }, [slot(doc, 'commentAvatar'), h(doc, 'div', { class: 'thread-line' })]),
      h(doc, 'div', { class: 'main' }, [
        slot(doc, 'commentMeta'),
        slot(doc, 'comment'),
        slot(doc, 'actionRow'),
        h(doc, 'div', { class: 'children' }, [slot(doc, 'children')]),
        // Anything else a script adds under the comment (unconfirmed on the live site).
        slot(doc),
      ]),
    ]),
  ]);
}

/** A post as shreddit renders it: the listing card, or the full post on its page. */
export function buildPost(doc, post, { full = false } = {}) {
  const path = postPath(post);
  const el = h(doc, 'shreddit-post', {
    id: `t3_${post.id}`,
    author: post.author,
    'post-title': post.title,
    permalink: path,
    'content-href': `${ORIGIN}${path}`,
    'subreddit-prefixed-name': `r/${SUBREDDIT}`,
    'created-timestamp': post.created ?? redditTime(Date.parse('2026-05-11T12:00:00Z')),
    'comment-count': String(post.comments ?? 0),
    score: String(post.score),
    'post-type': 'text',
    'view-context': full ? 'CommentsPage' : 'SubredditFeed',
  });
  el.append(
    h(doc, 'div', { slot: 'credit-bar', class: 'fx-credit' }, [
      h(doc, 'span', { class: 'fx-sub' }, [`r/${SUBREDDIT}`]),
      ` · ${post.author} · ${full ? '4h ago' : '5h ago'}`,
    ]),
    full
      ? h(doc, 'h1', { slot: 'title', id: `post-title-t3_${post.id}`, class: 'fx-post-title' }, [post.title])
      : h(doc, 'a', { slot: 'title', id: `post-title-t3_${post.id}`, href: path, class: 'fx-post-title' }, [post.title]),
    post.body && full ? h(doc, 'div', { slot: 'text-body', class: 'md fx-body' }, paragraphs(doc, post.body)) : null,
    full ? null : h(doc, 'a', { slot: 'full-post-link', href: path, tabindex: '-1', 'aria-hidden': 'true' }),
  );
  return withShadow(el, SHADOW_CSS.post, [
    slot(doc, 'credit-bar'),
    slot(doc, 'title'),
    slot(doc, 'text-body'),
    h(doc, 'div', { class: 'actions' }, [
      h(doc, 'span', { class: 'pill' }, [`⇧ ${post.score} ⇩`]),
      h(doc, 'span', { class: 'pill' }, [`${post.comments ?? 0} comments`]),
      h(doc, 'span', { class: 'pill' }, ['Share']),
    ]),
    slot(doc, 'full-post-link'),
  ]);
}

/** The collapsed "Join the conversation" box: its textarea is in a shadow root, a trigger only. */
function textareaTrigger(doc) {
  const input = h(doc, 'faceplate-textarea-input', { name: 'comment', placeholder: 'Join the conversation', 'aria-label': 'Join the conversation' });
  return withShadow(input, SHADOW_CSS.textarea, [
    h(doc, 'textarea', { id: 'innerTextArea', rows: '1', placeholder: 'Join the conversation', readonly: true }),
  ]);
}

/** The comments area of a post page: the top-level box, then the comment tree. */
export function buildCommentsArea(doc, comments, post = POST) {
  const header = h(doc, 'comment-body-header', {}, [
    h(doc, 'shreddit-async-loader', { bundlename: 'comment_body_header' }, [
      h(doc, 'comment-composer-host', { id: 'top-composer-host' }, [h(doc, 'faceplate-tracker', { noun: 'comment_composer' }, [textareaTrigger(doc)])]),
    ]),
    h(doc, 'div', { class: 'fx-sort' }, ['Sort by: ', h(doc, 'strong', {}, ['Best'])]),
  ]);
  const tree = h(doc, 'shreddit-comment-tree', { id: 'comment-tree', 'post-id': `t3_${post.id}`, totalcomments: String(comments.length) });
  tree.append(...comments.map((c) => buildComment(doc, c, { post })));
  return { header, tree };
}

/** A composer as the Reply button (or the top-level trigger) mounts it. */
function buildComposer(doc, parentId) {
  const model = lexical(doc, {
    name: 'body',
    slot: 'rte',
    'aria-label': parentId.startsWith('t1_') ? 'Reply' : 'Comment',
    'aria-placeholder': 'Add your reply',
    class: 'fx-rte',
  });
  const composer = h(doc, 'shreddit-composer', { 'event-source': parentId.startsWith('t1_') ? 'reply_composer' : 'comment_composer', 'parent-id': parentId });
  const cancel = h(doc, 'button', { slot: 'cancel-button', type: 'button', class: 'fx-pill' }, ['Cancel']);
  const submit = submitButton(doc, model, {
    label: parentId.startsWith('t1_') ? 'Reply' : 'Comment',
    attrs: { slot: 'submit-button', type: 'submit', class: 'fx-submit' },
    onSubmit: (text) => onPost(doc, composer, parentId, text),
  });
  composer.append(model.editor, cancel, submit);
  withShadow(composer, SHADOW_CSS.composer, [slot(doc, 'rte'), h(doc, 'div', { class: 'footer' }, [slot(doc, 'cancel-button'), slot(doc, 'submit-button')])]);
  cancel.addEventListener('click', () => composer.closest('shreddit-async-loader')?.remove());
  const form = h(doc, 'faceplate-form', { method: 'post', action: '/svc/shreddit/comments/create' }, [composer]);
  const host = h(doc, 'comment-composer-host', {}, [form]);
  open.push({ editor: model.editor, state: model.state });
  return { loader: h(doc, 'shreddit-async-loader', { bundlename: 'comment_composer' }, [host]), editor: model.editor };
}

/** The creator pressed the site's own submit: record it and show the posted reply. */
function onPost(doc, composer, parentId, text) {
  record({ parentId, text });
  const loader = composer.closest('shreddit-async-loader');
  const parent = parentId.startsWith('t1_') ? doc.querySelector(`shreddit-comment[thingid="${parentId}"]`) : null;
  const mine = { id: `mz${posted.length.toString(36)}`, author: CREATOR, text, created: redditTime(Date.now()), ms: Date.now(), score: 1, replies: [] };
  if (parent) {
    const depth = Number(parent.getAttribute('depth')) + 1;
    parent.append(buildComment(doc, mine, { depth, parentId }));
    loader?.remove();
  } else {
    doc.querySelector('shreddit-comment-tree')?.prepend(buildComment(doc, mine));
  }
}

/** Open (or focus) the reply composer under a comment, as its Reply button does. */
export async function openReply(comment, { delay = 60 } = {}) {
  const doc = comment.ownerDocument;
  const wrapper = [...comment.children].find((c) => c.getAttribute('slot') === 'actionRow');
  if (!wrapper) return null;
  const existing = wrapper.querySelector('shreddit-composer [name="body"]');
  if (existing) {
    existing.focus();
    return existing;
  }
  // The composer's bundle loads asynchronously before it renders.
  await later(delay);
  if (wrapper.querySelector('shreddit-composer')) return wrapper.querySelector('shreddit-composer [name="body"]');
  const { loader, editor } = buildComposer(doc, comment.getAttribute('thingid'));
  wrapper.append(loader);
  editor.focus();
  return editor;
}

/** Reply buttons and the top-level trigger, as Reddit's components handle them. */
export function installBehaviour(doc) {
  const onClick = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const reply = target?.closest('button[slot="comment-reply"]');
    if (reply) {
      const comment = reply.closest('shreddit-comment');
      if (comment) void openReply(comment);
      return;
    }
    const trigger = target?.closest('faceplate-textarea-input');
    const host = trigger?.closest('comment-composer-host');
    if (trigger && host && !host.querySelector('shreddit-composer')) {
      const postId = doc.querySelector('shreddit-comment-tree')?.getAttribute('post-id') ?? `t3_${POST.id}`;
      const { loader, editor } = buildComposer(doc, postId);
      trigger.closest('faceplate-tracker')?.setAttribute('hidden', '');
      host.append(loader);
      editor.focus();
    }
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}

/** The newest open composer's model text (what Reddit would post), or null. */
export function composerState() {
  for (let i = open.length - 1; i >= 0; i--) {
    if (open[i].editor.isConnected) return open[i].state();
  }
  return null;
}

/** Change a comment's body in place, as an edit by its author shows. */
export function editComment(doc, fragment, text) {
  const body = [...doc.querySelectorAll('shreddit-comment > [slot="comment"] > .md')].find((el) => el.textContent.includes(fragment));
  if (!body) return false;
  body.replaceChildren(...paragraphs(doc, text));
  return true;
}

/** The whole post page in `doc.body` (unit tests): the post, its comments, no app around it. */
export function mountPostPage(doc, comments) {
  const main = h(doc, 'main', { id: 'main-content' }, [buildPost(doc, { ...POST, comments: comments.length }, { full: true })]);
  const { header, tree } = buildCommentsArea(doc, comments);
  main.append(header, tree);
  doc.body.replaceChildren(h(doc, 'shreddit-app', { pagetype: 'post_detail' }, [main]));
  return { main, tree };
}
