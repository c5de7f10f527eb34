/**
 * Instagram post markup for the fixture app (app.js) and the adapter's unit tests, so both read
 * one markup. Modelled on docs/sites-reference.md ("Instagram"): the post is an <article> (in a
 * [role=dialog] when opened over the feed); its comment list is a <ul> whose first list item is
 * the caption; each thread is a nested <ul> holding the comment (a <div>: h3 > a author,
 * span[dir=auto] text, a[href=/p/CODE/c/CID/] > time[datetime], a "Reply" button) and, in a
 * <li>, a <ul> of replies. Class names are Instagram-style obfuscated ones (never anchors).
 *
 * The list is virtualized as Instagram's is: a fixed pool of thread rows whose nodes are reused
 * in place for other threads as it scrolls (new author link, text, time, permalink). The
 * "Add a comment…" box is a React-controlled textarea (shared reactTextarea) with a
 * div[role=button] "Post", aria-disabled while empty; Reply prefills "@user ".
 *
 * Text is set with textContent and attributes only: the data is hostile on purpose.
 */
import { BAKER_COMMENTS, fillerComment, h, hostileComments } from '../shared/kit.js';
import { reactTextarea, submitButton } from '../shared/composers.js';
import { virtualList } from '../shared/virtual-list.js';

export { BAKER_COMMENTS, HOSTILE } from '../shared/kit.js';

export const ORIGIN = 'https://www.instagram.com';
export const CREATOR = { handle: 'crumbandcrust', name: 'Crumb & Crust Kitchen' };

/** The posts the feed shows: a photo post and a reel. */
export const POSTS = {
  photo: {
    code: 'C8sDoUgh72h',
    kind: 'post',
    caption:
      'My 72-hour sourdough, open crumb and no stand mixer 🍞 Full timeline in the highlights. Drop your crumb shots below!',
    time: '2026-03-02T16:20:00.000Z',
    label: '2d',
    colour: 'linear-gradient(135deg, #3b2a1a, #c98c4f)',
  },
  reel: {
    code: 'C9ReElCrUmB',
    kind: 'reel',
    caption: 'The 10-second crumb check 👀 Does yours jiggle?',
    time: '2026-03-03T09:05:00.000Z',
    label: '1d',
    colour: 'linear-gradient(160deg, #6b3f1d, #e7c9a0)',
  },
};

/** Machine time of the n-th comment: a minute apart, newest last. */
function timeOf(n) {
  return new Date(Date.UTC(2026, 2, 3, 8, 0, 0) + n * 60_000).toISOString();
}

/** Instagram comment ids are long numbers (past Number's safe range, so built as text). */
function commentId(n) {
  return `179${String(n * 7919).padStart(14, '0')}`;
}

/** A comment as the fixture stores it; `name` is what the page shows (the username). */
function comment(c, n) {
  return {
    id: commentId(n),
    // Instagram shows the username; the hostile corpus keeps its markup-laden name.
    name: c.author.includes('<') ? c.author : c.handle,
    handle: c.handle,
    text: c.text,
    time: timeOf(n),
    likes: (n * 7) % 23,
    deleted: false,
    replies: [],
  };
}

/**
 * The threads of a post, in page order: the sample creator's answerable comments (two with
 * replies), the hostile corpus, one deleted comment, then filler up to `count` threads.
 */
export function buildThreads(count = 60) {
  const threads = [];
  let n = 0;
  for (const c of BAKER_COMMENTS) threads.push(comment(c, n++));
  threads[0].replies.push(
    comment({ author: 'grainnerd', handle: 'grainnerd', text: 'Whole wheat ferments a lot faster, I would cut the cold retard to 36h.' }, n++),
    comment({ author: 'liambakesbread', handle: 'liambakesbread', text: '@grainnerd thanks, will try that this weekend' }, n++),
  );
  threads[1].replies.push(comment({ author: 'priya.cooks', handle: 'priya.cooks', text: 'Semolina works fine too, it just browns a bit more.' }, n++));
  for (const c of hostileComments()) threads.push(comment(c, n++));
  const gone = comment({ author: 'removed.account', handle: 'removed.account', text: '' }, n++);
  gone.deleted = true;
  threads.push(gone);
  for (let i = threads.length; i < count; i++) threads.push(comment(fillerComment(i), n++));
  return threads.slice(0, count);
}

/** A filler thread for infinite scroll. */
export function fillerThread(i) {
  return comment(fillerComment(i), 100_000 + i);
}

function permalinkOf(code, c, parent) {
  return parent ? `/p/${code}/c/${parent.id}/r/${c.id}/` : `/p/${code}/c/${c.id}/`;
}

const AVATAR_COLOURS = ['#c98c4f', '#8b5a2b', '#d2a56d', '#6b3f1d', '#b0764a', '#e0a96d'];

/** The text of a comment: @mentions become profile links, as Instagram renders them. */
function fillText(doc, span, text) {
  const parts = text.split(/(@[\w.]+)/);
  span.replaceChildren(
    ...parts.filter(Boolean).map((part) =>
      part.startsWith('@') ? h(doc, 'a', { href: `/${part.slice(1)}/`, class: 'x1i10hfl xjbqb8w _a6hd', role: 'link', tabindex: '0' }, [part]) : doc.createTextNode(part),
    ),
  );
}

function actionRow(doc) {
  const time = h(doc, 'time', { class: '_a9ze _a9zf' });
  const link = h(doc, 'a', { class: 'x1i10hfl xjbqb8w _a6hd', role: 'link', tabindex: '0' }, [time]);
  const likes = h(doc, 'button', { class: '_a9ze', type: 'button' }, [h(doc, 'span', { class: 'fx-likes' })]);
  const reply = h(doc, 'button', { class: '_a9ze', type: 'button' }, [h(doc, 'span', {}, ['Reply'])]);
  return h(doc, 'div', { class: '_a9zg x6s0dn4 x78zum5' }, [link, likes, reply]);
}

/**
 * One comment's element, empty; `fillComment` puts a comment in it, in place (a reused row
 * keeps this node and its children, as React reconciles them).
 */
export function createComment(doc) {
  const avatar = h(doc, 'a', { class: '_a9zn', tabindex: '-1' }, [h(doc, 'span', { class: 'fx-avatar' })]);
  const author = h(doc, 'a', { class: 'x1i10hfl xjbqb8w _a6hd', role: 'link', tabindex: '0' });
  const body = h(doc, 'div', { class: '_a9zr' }, [
    h(doc, 'h3', { class: '_a9zc' }, [h(doc, 'div', { class: 'xt0psk2' }, [h(doc, 'span', { class: 'xt0psk2' }, [author])])]),
    h(doc, 'div', { class: '_a9zs' }, [h(doc, 'span', { class: '_aacl _aaco _aacu _aacx _aad7 _aade', dir: 'auto' })]),
    h(doc, 'div', { class: '_a9zo' }, [actionRow(doc)]),
  ]);
  const like = h(doc, 'span', { class: '_a9zu' }, [h(doc, 'button', { class: 'fx-heart', type: 'button', 'aria-label': 'Like' }, ['♡'])]);
  return h(doc, 'div', { class: '_a9zm x9f619 xjbqb8w' }, [avatar, body, like]);
}

/** Show comment `c` (of post `code`, under `parent` when a reply) in element `el`, in place. */
export function fillComment(doc, el, c, code, parent = null) {
  const [avatar, body] = el.children;
  const author = body.querySelector('h3 a');
  const text = body.querySelector('span[dir="auto"]');
  const actions = body.querySelector('._a9zo');
  el.setAttribute('data-fixture-id', c.id);
  el.toggleAttribute('data-fixture-deleted', c.deleted);
  avatar.setAttribute('href', `/${c.handle}/`);
  const dot = avatar.firstElementChild;
  dot.textContent = c.handle.slice(0, 1).toUpperCase();
  dot.style.background = AVATAR_COLOURS[c.handle.length % AVATAR_COLOURS.length];
  author.setAttribute('href', `/${c.handle}/`);
  author.textContent = c.name;
  if (c.deleted) {
    // A removed comment renders without text or actions: nothing to reply to.
    text.replaceChildren();
    actions.replaceChildren();
    return;
  }
  fillText(doc, text, c.text);
  // Remounted after a removed comment showed here (React mounts new nodes), else reused.
  if (!actions.firstElementChild) actions.append(actionRow(doc));
  const row = actions.firstElementChild;
  const link = row.querySelector('a');
  const time = link.querySelector('time');
  link.setAttribute('href', permalinkOf(code, c, parent));
  time.setAttribute('datetime', c.time);
  time.setAttribute('title', new Date(c.time).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' }));
  time.textContent = '1d';
  row.querySelector('.fx-likes').textContent = c.likes ? `${c.likes} likes` : '';
}

/** A thread row: the comment, then (in a list item) its replies behind a toggle. */
export function createThreadRow(doc) {
  const toggle = h(doc, 'button', { class: '_a9yi', type: 'button', 'aria-expanded': 'true' }, [h(doc, 'span', { class: 'fx-line' }), h(doc, 'span', { class: 'fx-toggle-label' })]);
  const replies = h(doc, 'ul', { class: '_a9yo' });
  return h(doc, 'ul', { class: '_a9ym' }, [createComment(doc), h(doc, 'li', { class: 'fx-replies' }, [toggle, replies])]);
}

/** Show thread `t` in a row, reusing its comment and reply nodes in place. */
export function fillThreadRow(doc, row, t, code) {
  // By tag: the extension may have put its editor frame beside the comment.
  const top = row.querySelector(':scope > div');
  const li = row.querySelector(':scope > li');
  fillComment(doc, top, t, code);
  const toggle = li.querySelector('._a9yi');
  const list = li.querySelector('._a9yo');
  li.hidden = t.replies.length === 0;
  const open = !t.collapsed;
  toggle.setAttribute('aria-expanded', String(open));
  toggle.querySelector('.fx-toggle-label').textContent = open ? 'Hide replies' : `View replies (${t.replies.length})`;
  list.hidden = !open;
  const existing = [...list.children].filter((el) => el.localName === 'div');
  t.replies.forEach((r, i) => {
    let el = existing[i];
    if (!el) {
      el = createComment(doc);
      list.append(el);
    }
    fillComment(doc, el, r, code, t);
  });
  for (const extra of existing.slice(t.replies.length)) extra.remove();
}

function captionItem(doc, post) {
  return h(doc, 'li', { class: '_a9zj _a9zl' }, [
    h(doc, 'div', { class: '_a9zm' }, [
      h(doc, 'a', { class: '_a9zn', href: `/${CREATOR.handle}/`, tabindex: '-1' }, [h(doc, 'span', { class: 'fx-avatar fx-creator' }, ['C'])]),
      h(doc, 'div', { class: '_a9zr' }, [
        h(doc, 'h2', { class: '_a9zc' }, [h(doc, 'a', { href: `/${CREATOR.handle}/`, class: 'x1i10hfl _a6hd', role: 'link' }, [CREATOR.handle])]),
        h(doc, 'div', { class: '_a9zs' }, [h(doc, 'h1', { class: '_ap3a _aaco _aacu _aacx _aad7 _aade', dir: 'auto' }, [post.caption])]),
        h(doc, 'div', { class: '_a9zg' }, [h(doc, 'time', { class: '_a9ze _a9zf', datetime: post.time }, [post.label])]),
      ]),
    ]),
  ]);
}

/**
 * The "Add a comment…" box of a post: a React-controlled textarea and Instagram's "Post"
 * div-button (aria-disabled until the box holds text), with an emoji button before them.
 */
export function buildCommentForm(doc, { onSubmit }) {
  const composer = reactTextarea(doc, {
    'aria-label': 'Add a comment…',
    placeholder: 'Add a comment…',
    autocomplete: 'off',
    autocorrect: 'off',
    class: 'x1i0vuye xvbhtw8 x1ejq31n xd10rxx x1sy0etr x17r0tee',
  });
  const post = submitButton(doc, composer, {
    label: 'Post',
    tag: 'div',
    aria: true,
    attrs: { class: 'x1i10hfl xjqpnuy xa49m3k fx-post' },
    onSubmit,
  });
  const emoji = h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Emoji', class: 'x1i10hfl fx-emoji' }, ['☺']);
  const form = h(doc, 'form', { class: '_aao9', method: 'POST' }, [emoji, composer.editor, post]);
  form.addEventListener('submit', (event) => event.preventDefault());
  return { form, composer, submit: post };
}

/** Set the box's text as the app's own React state does (the model follows). */
export function prefill(editor, text) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(editor), 'value').set;
  setter.call(editor, text);
  editor.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * One post with its comments: media, header, the virtualized comment list, the action bar and
 * the comment box. `count` threads; `poolSize` live rows. Replies posted through the box are
 * added to their thread and recorded through `onPost`. Returns the article and its hooks.
 */
export function buildPost(doc, { post = POSTS.photo, count = 60, poolSize = 30, onPost = () => {} } = {}) {
  const threads = buildThreads(count);
  const list = h(doc, 'ul', { class: '_a9z6 _a9za' }, [captionItem(doc, post)]);
  const rows = virtualList({
    container: list,
    items: threads,
    poolSize,
    createRow: () => createThreadRow(doc),
    renderRow: (row, t) => fillThreadRow(doc, row, t, post.code),
  });
  /** The comment the box replies to (set by Reply), as Instagram's own state holds it. */
  let replyingTo = null;
  let postedCount = 0;
  const { form, composer, submit } = buildCommentForm(doc, {
    onSubmit(text) {
      const reply = comment({ author: CREATOR.handle, handle: CREATOR.handle, text }, 200_000 + ++postedCount);
      const thread = replyingTo && threads.find((t) => t === replyingTo || t.replies.includes(replyingTo));
      if (thread) thread.replies.push(reply);
      else threads.unshift(reply);
      replyingTo = null;
      rows.redraw();
      onPost({ text, parentId: thread?.id ?? null });
    },
  });
  const media = h(doc, 'div', { class: '_aatk fx-media', role: 'button', tabindex: '-1', 'aria-label': post.kind === 'reel' ? 'Reel by crumbandcrust' : 'Photo by Crumb & Crust Kitchen' }, [
    post.kind === 'reel' ? h(doc, 'div', { class: 'fx-play', 'aria-hidden': 'true' }) : null,
  ]);
  media.style.background = post.colour;
  const sortHeader =
    post.kind === 'reel' ? h(doc, 'div', { class: 'fx-sort', role: 'button', tabindex: '0' }, ['For you ⌄']) : null;
  const pane = h(doc, 'div', { class: '_aasi fx-pane' }, [
    h(doc, 'header', { class: '_aaqw' }, [
      h(doc, 'span', { class: 'fx-avatar fx-creator' }, ['C']),
      h(doc, 'a', { href: `/${CREATOR.handle}/`, class: 'x1i10hfl _a6hd fx-bold', role: 'link' }, [CREATOR.handle]),
      h(doc, 'span', { class: 'fx-muted' }, ['•']),
      h(doc, 'div', { role: 'button', tabindex: '0', class: 'fx-follow' }, ['Follow']),
    ]),
    sortHeader,
    h(doc, 'div', { class: '_aasx fx-scroll' }, [list]),
    h(doc, 'section', { class: '_aamu fx-actions' }, [
      h(doc, 'span', { 'aria-label': 'Like', role: 'button', tabindex: '0' }, ['♡']),
      h(doc, 'span', { 'aria-label': 'Comment', role: 'button', tabindex: '0' }, ['◯']),
      h(doc, 'span', { 'aria-label': 'Share', role: 'button', tabindex: '0' }, ['➤']),
      h(doc, 'span', { class: 'fx-spacer' }),
      h(doc, 'span', { 'aria-label': 'Save', role: 'button', tabindex: '0' }, ['⚑']),
    ]),
    h(doc, 'section', { class: 'fx-likes-line' }, [h(doc, 'span', { class: 'fx-bold' }, ['1,284 likes']), h(doc, 'time', { datetime: post.time, class: 'fx-muted fx-small' }, [post.label])]),
    h(doc, 'section', { class: '_aaoe' }, [h(doc, 'div', { class: 'fx-form-wrap' }, [form])]),
  ]);
  const article = h(doc, 'article', { class: 'x1iyjqo2 fx-post-article', role: 'presentation' }, [media, pane]);

  // Reply: Instagram remembers which comment the box answers and prefills "@user ".
  article.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || !article.contains(button)) return;
    if (button.textContent === 'Reply') {
      const el = button.closest('[data-fixture-id]');
      const id = el?.getAttribute('data-fixture-id');
      const found = threads.flatMap((t) => [t, ...t.replies]).find((c) => c.id === id);
      if (!found) return;
      replyingTo = found;
      prefill(composer.editor, `@${found.handle} `);
      composer.editor.focus();
      const end = composer.editor.value.length;
      composer.editor.setSelectionRange(end, end);
    } else if (button.classList.contains('_a9yi')) {
      const row = button.closest('ul._a9ym');
      const index = rows.rows().indexOf(row);
      const t = threads[rows.first() + index];
      if (t) t.collapsed = !t.collapsed;
      rows.redraw();
    }
  });

  return {
    article,
    list,
    threads,
    rows,
    composer,
    submit,
    /** Scroll the list: rows are reused in place for the threads further down. */
    scrollBy: (n) => rows.scrollBy(n),
    /** Infinite scroll: more threads arrive at the end, and the list scrolls to them. */
    append(n) {
      const from = threads.length;
      for (let i = 0; i < n; i++) threads.push(fillerThread(from + i));
      rows.scrollTo(threads.length);
      return n;
    },
    /** A comment's author edits it: same id and time, new text. */
    edit(fragment, text) {
      const c = threads.flatMap((t) => [t, ...t.replies]).find((x) => x.text.includes(fragment));
      if (!c) return false;
      c.text = text;
      rows.redraw();
      return true;
    },
  };
}

/** The conformance hook: the open box's model, or null when no box is on the page. */
export function composerStateOf(box) {
  return box ? box.composer.state() : null;
}
