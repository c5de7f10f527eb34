/**
 * DOM for the LinkedIn fixture, in both comment markups LinkedIn serves today
 * (docs/sites-reference.md, "LinkedIn"):
 * - "v1" (Ember): a post is `div[data-urn]`, a comment `article[data-id="urn:li:comment:(…)"]`
 *   with `comments-*` BEM classes, replies nested in the comment's `.comments-replies-list`, and
 *   the reply box a Quill editor (`.ql-container > .ql-editor`) in
 *   `.comments-comment-texteditor`, posted by `.comments-comment-box__submit-button`.
 * - "v2" (React SSR/SDUI; `body[data-rehydrated]`, `body > #root`): a post is
 *   `div[role="listitem"]` holding `feed-full-update` and, beside it, the comments; a comment is
 *   `[data-view-name="comment-container"]` keyed by `componentkey="replaceableComment_<urn>"`
 *   and a `data-view-tracking-scope` JSON whose bytes hold the URN; `data-view-name` anchors
 *   (comment-actor-picture/description, comment-commentary, comment-reply, comment-box) and a
 *   TipTap/ProseMirror editor posted by `button[data-view-name="comment-reply-post"]`.
 *
 * Shared by the fixture app (app.js) and the unit tests (lib/sites/linkedin.test.ts), so both
 * read one markup. Every piece of comment data is set with textContent or attributes, never
 * innerHTML: the data is hostile on purpose.
 */
import { BAKER_COMMENTS, HOSTILE, fillerComment, h, hostileComments } from '../shared/kit.js';
import { prosemirror, quill, submitButton } from '../shared/composers.js';

export { HOSTILE, BAKER_COMMENTS };

export const CREATOR = { author: 'Crumb & Crust Kitchen', handle: 'crumbandcrust', headline: 'Sourdough' };

/** The posts of the fixture feed. The first is the one whose comments the creator answers. */
export const POSTS = [
  {
    activity: '7301000000000000001',
    slug: 'crumbandcrust_sourdough-72-hours-activity-7301000000000000001-Xk2p',
    time: '1d',
    text:
      'My 72-hour sourdough method, step by step.\n' +
      'Eleven years of baking taught me that time does more than any gadget. Full write-up below — ask me anything in the comments.',
    rich: true,
  },
  {
    activity: '7301000000000000002',
    slug: 'crumbandcrust_starter-revival-activity-7301000000000000002-Qw7e',
    time: '4d',
    text: 'Reviving a neglected starter in 3 days: feed it, warm it, be patient.',
    rich: false,
  },
];

export function postByActivity(activity) {
  return POSTS.find((p) => p.activity === activity) ?? null;
}

const HEADLINES = ['Home baker', 'Pastry chef', 'Miller', 'Food writer', 'Bread nerd', 'Chef'];
const TIMES = ['3h', '5h', '8h', '12h', '1d', '2d'];

/** How many filler comments follow the named ones on the main post, by default. */
export const DEFAULT_FILLER = 8;

function commentId(n) {
  return `7302${String(n).padStart(15, '0')}`;
}

/**
 * The top-level comments of a post, with their replies, as data. The main post: the baker
 * comments first (the sample creator's memory answers them), a thread with replies, the hostile
 * corpus, one deleted comment, then filler. `count` (from ?comments=N) sets how many top-level
 * comments there are, filler after the named ones.
 */
export function commentAt(post, i) {
  const id = commentId(Number(post.activity.slice(-1)) * 1_000_000 + i);
  const base = { id, headline: HEADLINES[i % HEADLINES.length], time: TIMES[i % TIMES.length], replies: [] };
  if (!post.rich) return { ...base, ...fillerComment(i) };
  const named = namedComments();
  const seed = named[i];
  if (!seed) return { ...base, ...fillerComment(i) };
  return {
    ...base,
    ...seed,
    replies: (seed.replies ?? []).map((r, j) => ({
      id: commentId(9_000_000 + i * 100 + j),
      headline: HEADLINES[(i + j + 1) % HEADLINES.length],
      time: TIMES[(j + 2) % TIMES.length],
      ...r,
    })),
  };
}

let namedCache = null;
function namedComments() {
  if (namedCache) return namedCache;
  const baker = BAKER_COMMENTS.map((c) => ({ ...c }));
  // A thread: the creator answered, then the commenter came back.
  baker[2].replies = [
    { author: CREATOR.author, handle: CREATOR.handle, text: 'Yes! Swap up to 30% of the flour for rye and shorten the bulk by an hour.' },
    { author: 'Ana Ferment', handle: 'anaferment', text: 'Grain Nerd I tried 20% rye last week and the crumb was lovely.' },
  ];
  namedCache = [
    ...baker,
    ...hostileComments(),
    { author: 'LinkedIn Member', handle: '', text: '', deleted: true },
  ];
  return namedCache;
}

/** How many named comments the main post has before filler (for tests). */
export function namedCount() {
  return namedComments().length;
}

export function defaultCount(post) {
  return post.rich ? namedCount() + DEFAULT_FILLER : 3;
}

const profileUrl = (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}/`;

function avatar(doc, name, size = 'md') {
  const letter = Array.from(name.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '?';
  const hue = [...name].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 7);
  return h(doc, 'div', { class: `fx-avatar fx-avatar--${size}`, style: `background:hsl(${hue} 40% 52%)`, 'aria-hidden': 'true' }, [
    letter.toUpperCase(),
  ]);
}

/** The URN LinkedIn's v2 tracking scope carries, as its JSON-in-bytes breadcrumb. */
function trackingScope(topic, payload) {
  const json = JSON.stringify(payload);
  const data = Array.from(json, (ch) => ch.charCodeAt(0));
  return JSON.stringify([{ topicName: topic, breadcrumb: { content: { type: 'Buffer', data } } }]);
}

export function v1CommentUrn(post, c) {
  return `urn:li:comment:(activity:${post.activity},${c.id})`;
}
export function v2CommentUrn(post, c) {
  return `urn:li:comment:(urn:li:activity:${post.activity},${c.id})`;
}

// ---------------------------------------------------------------- v1 (Ember) -------------

function v1Comment(doc, post, c, { reply = false } = {}) {
  const attrs = {
    class: `comments-comment-entity${reply ? ' comments-comment-entity--reply' : ''}`,
    'data-id': v1CommentUrn(post, c),
    'data-fixture-author': c.author,
  };
  if (c.deleted) {
    attrs['data-fixture-deleted'] = '';
    return h(doc, 'article', attrs, [
      h(doc, 'div', { class: 'comments-comment-meta__container' }, [avatar(doc, '?'), h(doc, 'span', { class: 'fx-muted' }, [c.author])]),
      h(doc, 'p', { class: 'fx-deleted' }, ['This comment has been deleted.']),
    ]);
  }
  const meta = h(doc, 'div', { class: 'comments-comment-meta__container' }, [
    h(doc, 'a', { class: 'comments-comment-meta__image-link', href: profileUrl(c.handle), 'aria-label': `View ${c.author}’s profile` }, [
      avatar(doc, c.author, reply ? 'sm' : 'md'),
    ]),
    h(doc, 'div', { class: 'comments-comment-meta__actor' }, [
      h(doc, 'a', { class: 'comments-comment-meta__description-container', href: profileUrl(c.handle) }, [
        h(doc, 'h3', { class: 'comments-comment-meta__description' }, [
          h(doc, 'span', { class: 'comments-comment-meta__description-title' }, [c.author]),
        ]),
        h(doc, 'div', { class: 'comments-comment-meta__description-subtitle' }, [c.headline]),
      ]),
    ]),
    h(doc, 'div', { class: 'comments-comment-meta__info' }, [h(doc, 'time', { class: 'comments-comment-meta__data' }, [c.time])]),
  ]);
  const body = h(doc, 'div', { class: 'comments-comment-item-content-body' }, [
    h(doc, 'span', { class: 'comments-comment-item__main-content feed-shared-main-content--comment', dir: 'ltr' }, [
      h(doc, 'span', { dir: 'ltr' }, [c.text]),
    ]),
  ]);
  const social = h(doc, 'div', { class: 'comments-comment-social-bar--cr' }, [
    h(doc, 'button', { type: 'button', class: 'comments-comment-social-bar__reactions-count--cr fx-link', 'aria-label': `React Like to ${c.author}’s comment` }, ['Like']),
    h(doc, 'span', { class: 'fx-sep', 'aria-hidden': 'true' }, ['|']),
    h(doc, 'button', { type: 'button', class: 'comments-comment-social-bar__reply-action-button--cr fx-link', 'aria-label': `Reply to ${c.author}’s comment` }, ['Reply']),
  ]);
  const children = [meta, body, social];
  if (!reply) {
    children.push(h(doc, 'div', { class: 'comments-replies-list' }, (c.replies ?? []).map((r) => v1Comment(doc, post, r, { reply: true }))));
  }
  return h(doc, 'article', attrs, children);
}

function v1Post(doc, post, { open, comments }) {
  const link = `/feed/update/urn:li:activity:${post.activity}/`;
  const actor = h(doc, 'div', { class: 'update-components-actor' }, [
    h(doc, 'a', { class: 'update-components-actor__image', href: profileUrl(CREATOR.handle), 'aria-label': `View ${CREATOR.author}’s profile` }, [avatar(doc, CREATOR.author, 'lg')]),
    h(doc, 'div', { class: 'update-components-actor__meta' }, [
      h(doc, 'span', { class: 'update-components-actor__title' }, [h(doc, 'span', { dir: 'ltr' }, [CREATOR.author])]),
      h(doc, 'span', { class: 'update-components-actor__description fx-muted' }, ['Sourdough teacher · 41,200 followers']),
      h(doc, 'a', { class: 'update-components-actor__sub-description fx-muted', href: link }, [`${post.time} • Edited`]),
    ]),
  ]);
  const caption = h(doc, 'div', { class: 'feed-shared-update-v2__description' }, [
    h(doc, 'div', { class: 'update-components-text' }, [h(doc, 'span', { class: 'break-words' }, [h(doc, 'span', { dir: 'ltr' }, [post.text])])]),
  ]);
  const counts = h(doc, 'div', { class: 'social-details-social-counts' }, [
    h(doc, 'span', { class: 'fx-muted' }, ['👍 1,204']),
    h(doc, 'button', { type: 'button', class: 'social-details-social-counts__comments fx-link fx-muted', 'aria-label': `${comments} comments on ${CREATOR.author}’s post` }, [`${comments} comments`]),
  ]);
  const actions = h(doc, 'div', { class: 'feed-shared-social-action-bar' }, [
    h(doc, 'button', { type: 'button', class: 'react-button__trigger', 'aria-label': 'React Like' }, ['Like']),
    h(doc, 'button', { type: 'button', class: 'comment-button', 'aria-label': 'Comment' }, ['Comment']),
    h(doc, 'button', { type: 'button', 'aria-label': 'Repost' }, ['Repost']),
    h(doc, 'button', { type: 'button', 'aria-label': 'Send' }, ['Send']),
  ]);
  const el = h(doc, 'div', { class: 'feed-shared-update-v2 fx-card', 'data-urn': `urn:li:activity:${post.activity}`, role: 'article' }, [
    actor,
    caption,
    counts,
    actions,
    h(doc, 'div', { class: 'feed-shared-update-v2__comments-container' }),
  ]);
  if (open) v1OpenComments(doc, el);
  return el;
}

function v1OpenComments(doc, postEl) {
  const container = postEl.querySelector('.feed-shared-update-v2__comments-container');
  if (container.firstChild) return container.querySelector('.comments-comments-list');
  const list = h(doc, 'div', { class: 'comments-comments-list' });
  // The post's own comment box, collapsed to a placeholder until clicked (not a reply box).
  const box = h(doc, 'div', { class: 'comments-comment-box fx-newbox' }, [
    avatar(doc, CREATOR.author, 'sm'),
    h(doc, 'div', { class: 'fx-placeholder' }, ['Add a comment…']),
  ]);
  container.append(box, list);
  return list;
}

// ---------------------------------------------------------------- v2 (React SDUI) --------

function v2Comment(doc, post, c, { reply = false } = {}) {
  const urn = v2CommentUrn(post, c);
  const attrs = {
    'data-view-name': 'comment-container',
    componentkey: `replaceableComment_${urn}`,
    'data-view-tracking-scope': trackingScope('CommentServedEvent', { commentUrn: urn, totalReactions: 3, totalReplies: (c.replies ?? []).length }),
    class: reply ? 'fx-c2 fx-c2--reply' : 'fx-c2',
    'data-fixture-author': c.author,
  };
  const prefix = reply ? 'reply' : 'comment';
  if (c.deleted) {
    attrs['data-fixture-deleted'] = '';
    return h(doc, 'div', attrs, [avatar(doc, '?'), h(doc, 'p', { class: 'fx-deleted' }, ['This comment has been deleted.'])]);
  }
  const main = h(doc, 'div', { class: 'fx-c2-main' }, [
    h(doc, 'div', { class: 'fx-c2-bubble' }, [
      h(doc, 'div', { class: 'fx-c2-head' }, [
        h(doc, 'a', { 'data-view-name': `${prefix}-actor-description`, href: profileUrl(c.handle) }, [
          h(doc, 'p', { class: 'fx-c2-name' }, [c.author]),
          h(doc, 'p', { class: 'fx-muted fx-small' }, [c.headline]),
        ]),
        h(doc, 'p', { class: 'fx-muted fx-small' }, [`${c.time} •`]),
      ]),
      h(doc, 'div', { 'data-view-name': reply ? 'comment-reply-commentary' : 'comment-commentary' }, [
        h(doc, 'span', { 'data-testid': 'expandable-text-box', class: 'fx-c2-text' }, [c.text]),
      ]),
    ]),
    h(doc, 'div', { class: 'fx-c2-actions' }, [
      h(doc, 'button', { type: 'button', 'data-view-name': 'comment-reaction-button', class: 'fx-link' }, [h(doc, 'span', { class: 'fx-sr' }, ['No reaction']), 'Like']),
      h(doc, 'span', { class: 'fx-sep', 'aria-hidden': 'true' }, ['|']),
      h(doc, 'button', { type: 'button', 'data-view-name': 'comment-reply', class: 'fx-link' }, ['Reply']),
    ]),
  ]);
  const children = [
    h(doc, 'a', { 'data-view-name': `${prefix}-actor-picture`, href: profileUrl(c.handle), 'aria-label': `View ${c.author}’s profile` }, [
      avatar(doc, c.author, reply ? 'sm' : 'md'),
    ]),
    main,
  ];
  const el = h(doc, 'div', attrs, children);
  if (!reply) {
    main.append(h(doc, 'div', { class: 'fx-c2-replies' }, (c.replies ?? []).map((r) => v2Comment(doc, post, r, { reply: true }))));
  }
  return el;
}

function v2Post(doc, post, { open, comments }) {
  const link = `/feed/update/urn:li:activity:${post.activity}/`;
  const update = h(
    doc,
    'div',
    {
      'data-view-name': 'feed-full-update',
      'data-view-tracking-scope': trackingScope('FeedUpdateServedEvent', { updateUrn: `urn:li:activity:${post.activity}` }),
    },
    [
      h(doc, 'div', { class: 'fx-actor' }, [
        h(doc, 'a', { 'data-view-name': 'feed-actor-image', href: profileUrl(CREATOR.handle), 'aria-label': `View ${CREATOR.author}’s profile` }, [avatar(doc, CREATOR.author, 'lg')]),
        h(doc, 'div', {}, [
          h(doc, 'p', { class: 'fx-strong' }, [CREATOR.author]),
          h(doc, 'p', { class: 'fx-muted fx-small' }, ['Sourdough teacher · 41,200 followers']),
          h(doc, 'a', { class: 'fx-muted fx-small', href: link }, [`${post.time} • Edited`]),
        ]),
      ]),
      h(doc, 'div', { 'data-view-name': 'feed-commentary' }, [h(doc, 'span', { 'data-testid': 'expandable-text-box' }, [post.text])]),
      h(doc, 'div', { class: 'fx-counts' }, [
        h(doc, 'span', { class: 'fx-muted' }, ['👍 1,204']),
        h(doc, 'button', { type: 'button', 'data-view-name': 'feed-comment-count', class: 'fx-link fx-muted' }, [`${comments} comments`]),
      ]),
      h(doc, 'div', { class: 'fx-actions' }, [
        h(doc, 'button', { type: 'button', 'data-view-name': 'reaction-button' }, ['Like']),
        h(doc, 'button', { type: 'button', 'data-view-name': 'feed-comment-button' }, ['Comment']),
        h(doc, 'button', { type: 'button', 'data-view-name': 'feed-share-button' }, ['Repost']),
        h(doc, 'button', { type: 'button', 'data-view-name': 'feed-send-as-message-button' }, ['Send']),
      ]),
    ],
  );
  const el = h(doc, 'div', { role: 'listitem', class: 'fx-card', 'data-fixture-activity': post.activity }, [update, h(doc, 'div', { class: 'fx-c2-section' })]);
  if (open) v2OpenComments(doc, el);
  return el;
}

function v2OpenComments(doc, postEl) {
  const section = postEl.querySelector('.fx-c2-section');
  if (section.firstChild) return section.querySelector('.fx-c2-list');
  const list = h(doc, 'div', { class: 'fx-c2-list' });
  section.append(
    h(doc, 'div', { class: 'fx-newbox' }, [avatar(doc, CREATOR.author, 'sm'), h(doc, 'div', { class: 'fx-placeholder' }, ['Add a comment…'])]),
    list,
  );
  return list;
}

// ---------------------------------------------------------------- both ---------------------

/** A post of the feed (closed comments) or a post page (comments open), in either markup. */
export function buildPost(doc, version, post, { open = false, count } = {}) {
  const comments = count ?? defaultCount(post);
  return version === 'v2' ? v2Post(doc, post, { open, comments }) : v1Post(doc, post, { open, comments });
}

/** The element comments go in, under a post element (opening the comments section). */
export function openComments(doc, version, postEl) {
  return version === 'v2' ? v2OpenComments(doc, postEl) : v1OpenComments(doc, postEl);
}

/** Top-level comments [from, from + n) of a post, as elements. */
export function buildComments(doc, version, post, from, n) {
  const out = [];
  for (let i = from; i < from + n; i++) {
    const c = commentAt(post, i);
    out.push(version === 'v2' ? v2Comment(doc, post, c) : v1Comment(doc, post, c));
  }
  return out;
}

export const COMMENT_SELECTOR = {
  v1: 'article[data-id^="urn:li:comment:"]',
  v2: '[data-view-name="comment-container"]',
};

/** The comment's text element (both markups), for edits. */
export function textElementOf(comment) {
  return comment.querySelector('.comments-comment-item__main-content > span, [data-testid="expandable-text-box"]');
}

// ---------------------------------------------------------------- reply boxes --------------

/** Every reply posted through a fixture reply box, in order. */
export const posted = [];
/** The reply box opened last: its model is what `composerState()` reports. */
let lastBox = null;

export function openBoxState() {
  return lastBox && lastBox.editor.isConnected ? lastBox.state() : null;
}

/** The thread's top-level comment (replies nest inside it in both markups). */
function topOf(comment, version) {
  let top = comment;
  for (let at = comment.parentElement?.closest(COMMENT_SELECTOR[version]); at; at = at.parentElement?.closest(COMMENT_SELECTOR[version])) top = at;
  return top;
}

/**
 * Open (or focus) the reply box of a comment's thread, as LinkedIn does: one box per thread,
 * at the end of its replies; replying to a reply prefills its author's name (a mention). v1's
 * box is Quill (model changes only through `container.__quill`), v2's TipTap.
 */
export function openReplyBox(comment, version) {
  const doc = comment.ownerDocument;
  const top = topOf(comment, version);
  const isReply = top !== comment;
  const replies = version === 'v2' ? top.querySelector('.fx-c2-replies') : top.querySelector('.comments-replies-list');
  if (!replies) return null;
  let box = replies.__fixtureBox;
  if (!box || !box.editor.isConnected) {
    box = version === 'v2' ? v2Box(doc) : v1Box(doc);
    replies.__fixtureBox = box;
    replies.append(box.root);
  }
  lastBox = box;
  if (isReply && !box.state().trim()) box.prefill(`${comment.getAttribute('data-fixture-author') ?? ''} `);
  box.editor.focus();
  return box;
}

function record(text) {
  posted.push({ text });
}

function v1Box(doc) {
  const composer = quill(doc, { 'data-placeholder': 'Add a reply…', 'aria-label': 'Text editor for creating content', 'aria-multiline': 'true' });
  const submit = submitButton(doc, composer, {
    label: 'Reply',
    attrs: { class: 'comments-comment-box__submit-button comments-comment-box__submit-button--cr artdeco-button artdeco-button--1' },
    onSubmit: record,
  });
  const root = h(doc, 'div', { class: 'comments-comment-box comments-comment-box--reply' }, [
    h(doc, 'form', { class: 'comments-comment-box__form' }, [
      h(doc, 'div', { class: 'comments-comment-box__form-container' }, [
        h(doc, 'div', { class: 'comments-comment-texteditor' }, [h(doc, 'div', { class: 'editor-container' }, [composer.container])]),
      ]),
      h(doc, 'div', { class: 'comments-comment-box__button-group' }, [submit]),
    ]),
  ]);
  // The form never submits by itself (Enter makes a new line in Quill).
  root.querySelector('form').addEventListener('submit', (e) => e.preventDefault());
  return { root, editor: composer.editor, submit, state: composer.state, prefill: (text) => composer.container.__quill.setText(text) };
}

function v2Box(doc) {
  const composer = prosemirror(doc, { 'aria-label': 'Text editor for creating comment', translate: 'no' });
  const submit = submitButton(doc, composer, { label: 'Reply', attrs: { 'data-view-name': 'comment-reply-post', class: 'fx-primary' }, onSubmit: record });
  const root = h(doc, 'div', { class: 'fx-c2-replybox' }, [
    h(doc, 'div', { 'data-view-name': 'comment-box' }, [h(doc, 'div', { 'aria-label': 'Text editor for creating comment', class: 'fx-editor-frame' }, [composer.editor])]),
    submit,
  ]);
  return {
    root,
    editor: composer.editor,
    submit,
    state: composer.state,
    prefill: (text) => composer.editor.replaceChildren(h(doc, 'p', {}, [text])),
  };
}

/**
 * The page's own behaviour: Reply buttons open their thread's box; a post's Comment button (or
 * its comment count) opens its comments, which arrive a moment later. `loadComments(postEl)`
 * is the app's loader.
 */
export function installCommentBehaviour(doc, version, { loadComments } = {}) {
  const onClick = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const reply = target.closest('.comments-comment-social-bar__reply-action-button--cr, [data-view-name="comment-reply"]');
    if (reply) {
      const comment = reply.closest(COMMENT_SELECTOR[version]);
      if (comment) openReplyBox(comment, version);
      return;
    }
    const opener = target.closest('button.comment-button, .social-details-social-counts__comments, [data-view-name="feed-comment-button"], [data-view-name="feed-comment-count"]');
    if (opener && loadComments) {
      const postEl = opener.closest('[data-urn], [role="listitem"]');
      if (postEl) void loadComments(postEl);
    }
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}

/**
 * For unit tests: the main post's page in one markup, comments open and rendered, in `doc`.
 * Returns the post element.
 */
export function mountPostPage(doc, { version = 'v1', count } = {}) {
  const post = POSTS[0];
  const n = count ?? defaultCount(post);
  doc.body.replaceChildren();
  doc.body.removeAttribute('data-rehydrated');
  const root = h(doc, 'div', version === 'v2' ? { id: 'root' } : { class: 'application-outlet' });
  if (version === 'v2') doc.body.setAttribute('data-rehydrated', 'true');
  const postEl = buildPost(doc, version, post, { open: true, count: n });
  root.append(postEl);
  doc.body.append(root);
  openComments(doc, version, postEl).append(...buildComments(doc, version, post, 0, n));
  return postEl;
}
