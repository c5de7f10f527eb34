/**
 * The Facebook fixture's data and markup, shared by the fixture app (app.js, served at
 * https://www.facebook.com/__fixture/facebook/fixture-dom.js) and the adapter's unit tests, so
 * both read one markup. It imitates Facebook's "Comet" markup (docs/sites-reference.md,
 * Facebook): every comment is a `div[role="article"]` whose aria-label is localized ("Comment by
 * Jane Doe 2 days ago", "Comentario de Jane Doe hace 2 días"), the author a profile link
 * holding `span[dir="auto"]`, the text `div[dir="auto"]` paragraphs, an action row (`ul`) with
 * the timestamp link (`…/posts/ID?comment_id=…`, replies add `&reply_comment_id=…`), Like and
 * Reply; class names are the obfuscated atomic ones Facebook ships (never anchors). Replies come
 * in two placements Facebook has used: nested inside the parent's article ('nested', pages) or
 * in a list after it ('sibling', groups). The reply box is a Lexical editor inside
 * `form[role="presentation"]` with the send arrow in `#focused-state-composer-submit`
 * (aria-disabled until the editor holds text); Enter submits, as on Facebook.
 *
 * Everything is built with textContent/attributes only: the data is hostile on purpose.
 */
import { BAKER_COMMENTS, fillerComment, h, hostileComments } from '../shared/kit.js';
import { lexical, submitButton } from '../shared/composers.js';

export { HOSTILE } from '../shared/kit.js';

export const ORIGIN = 'https://www.facebook.com';

/** The creator: a Facebook Page. */
export const CREATOR = { name: 'Crumb & Crust Kitchen', handle: 'crumbandcrustkitchen' };

/** UI strings per language; Facebook localizes every label, including the comments' aria-labels. */
export const LOCALES = {
  en: {
    lang: 'en',
    commentBy: (author, ago) => `Comment by ${author} ${ago}`,
    replyBy: (author, parent, ago) => `Reply by ${author} to ${parent}'s comment ${ago}`,
    ago: (hours) => (hours < 24 ? `${hours} hours ago` : hours < 24 * 7 ? `${Math.round(hours / 24)} days ago` : `${Math.round(hours / 168)} weeks ago`),
    short: (hours) => (hours < 24 ? `${hours}h` : hours < 24 * 7 ? `${Math.round(hours / 24)}d` : `${Math.round(hours / 168)}w`),
    like: 'Like',
    reply: 'Reply',
    share: 'Share',
    comment: 'Comment',
    writeComment: 'Write a comment…',
    replyTo: (author) => `Reply to ${author}`,
    send: 'Comment',
    deleted: 'This comment has been deleted.',
    comments: (n) => `${n} comments`,
    mostRelevant: 'Most relevant',
    dialogTitle: (author) => `${author}'s post`,
    close: 'Close',
    home: 'Home',
    groups: 'Groups',
    search: 'Search Facebook',
    seeReplies: (n) => `View all ${n} replies`,
  },
  es: {
    lang: 'es',
    commentBy: (author, ago) => `Comentario de ${author} ${ago}`,
    replyBy: (author, parent, ago) => `Respuesta de ${author} al comentario de ${parent} ${ago}`,
    ago: (hours) => (hours < 24 ? `hace ${hours} horas` : hours < 24 * 7 ? `hace ${Math.round(hours / 24)} días` : `hace ${Math.round(hours / 168)} semanas`),
    short: (hours) => (hours < 24 ? `${hours} h` : hours < 24 * 7 ? `${Math.round(hours / 24)} d` : `${Math.round(hours / 168)} sem`),
    like: 'Me gusta',
    reply: 'Responder',
    share: 'Compartir',
    comment: 'Comentar',
    writeComment: 'Escribe un comentario…',
    replyTo: (author) => `Responder a ${author}`,
    send: 'Comentar',
    deleted: 'Este comentario se eliminó.',
    comments: (n) => `${n} comentarios`,
    mostRelevant: 'Más relevantes',
    dialogTitle: (author) => `Publicación de ${author}`,
    close: 'Cerrar',
    home: 'Inicio',
    groups: 'Grupos',
    search: 'Buscar en Facebook',
    seeReplies: (n) => `Ver las ${n} respuestas`,
  },
};

/** The posts the fixture shows: a Page post, a group post, and one opened in a dialog from the feed. */
export const POSTS = {
  page: {
    key: 'page',
    kind: 'post',
    number: '1092837465019283',
    path: '/crumbandcrustkitchen/posts/pfbid02Kq7Lm3sourdough72hNoMixer',
    author: CREATOR.name,
    caption: 'My 72-hour sourdough, start to finish: open crumb, no stand mixer. Full timeline with grams in the first comment. Ask me anything below! 🍞',
    variant: 'nested',
  },
  group: {
    key: 'group',
    kind: 'group-post',
    number: '2039485761',
    group: { id: 'masamadreclub', name: 'Masa Madre Club' },
    path: '/groups/masamadreclub/posts/2039485761',
    author: CREATOR.name,
    caption: 'Pan de masa madre de 72 horas: os dejo mi horario completo. Sorry for the English in the replies, I answer everyone!',
    variant: 'sibling',
  },
  dialog: {
    key: 'dialog',
    kind: 'feed',
    number: '1092837465019999',
    path: '/crumbandcrustkitchen/posts/pfbid0Dz9DiscardCrackersSnap',
    author: CREATOR.name,
    caption: 'Sourdough discard crackers that actually snap. Recipe in the comments, questions welcome.',
    variant: 'nested',
  },
};

/** Facebook's newer comment ids: base64 of "comment:POST_COMMENT" (older pages show digits). */
export function commentIdFor(post, n) {
  return btoa(`comment:${post.number}_${n}`);
}

const SOURDOUGH_REPLIES = [
  { author: 'Grain Nerd', handle: 'grainnerd', text: 'Whole wheat ferments a lot faster, I would cut the cold retard to 36h.' },
  { author: 'Liam Bakes', handle: 'liambakesbread', mention: { author: 'Grain Nerd', handle: 'grainnerd' }, text: 'thanks, will try that this weekend' },
];

/**
 * The comment threads of a post, in page order: the sample creator's answerable comments first,
 * replies in threads (one a reply to a reply, with Facebook's mention), the hostile corpus, one
 * deleted comment, a comment in the page's other language, then filler. `count` top-level
 * comments in all (filler pads, fewer cuts).
 */
export function threadsFor(post, { count } = {}) {
  const fixed = [
    { ...BAKER_COMMENTS[0], hours: 49, replies: SOURDOUGH_REPLIES },
    { ...BAKER_COMMENTS[1], hours: 48, replies: [{ author: 'Priya', handle: 'priya.cooks', text: 'Semolina works fine too, it just browns a bit more.' }] },
    { ...BAKER_COMMENTS[2], hours: 47 },
    { ...BAKER_COMMENTS[3], hours: 30 },
    { ...BAKER_COMMENTS[4], hours: 26, replies: [{ author: CREATOR.name, handle: CREATOR.handle, text: 'Cut side down on a board for a day, then a bread bag.' }] },
    { ...BAKER_COMMENTS[5], hours: 25 },
    ...hostileComments().map((c, i) => ({ ...c, hours: 22 - i })),
    { author: 'Former Follower', handle: 'former.follower', text: '', deleted: true, hours: 15 },
    { author: 'Lucía Fernández', handle: 'lucia.fdz', text: '¡Qué miga tan bonita! ¿A qué temperatura horneas?\nYo lo hago a 230 °C.', hours: 14 },
  ];
  const total = count ?? fixed.length + 26;
  const threads = [];
  for (let i = 0; i < total; i++) threads.push(threadAt(post, i, fixed));
  return threads;
}

function threadAt(post, i, fixed) {
  const seed = fixed[i] ?? { ...fillerComment(i), hours: Math.max(1, 12 - (i % 12)) };
  const id = commentIdFor(post, 100_000 + i);
  const replies = (seed.replies ?? []).map((r, j) => ({
    ...r,
    id: commentIdFor(post, 500_000 + i * 100 + j),
    hours: Math.max(1, seed.hours - 2 - j),
  }));
  return { ...seed, id, replies };
}

/** Top-level comments from `from` on, for infinite scroll (filler past the fixed list). */
export function moreThreads(post, from, n) {
  const all = threadsFor(post, { count: from + n });
  return all.slice(from);
}

const AVATAR_COLOURS = ['#8a5a44', '#4267b2', '#2e7d32', '#c0392b', '#6a1b9a', '#00838f', '#ef6c00', '#5d4037'];

function colourFor(name) {
  let sum = 0;
  for (const ch of name) sum = (sum + ch.codePointAt(0)) % 997;
  return AVATAR_COLOURS[sum % AVATAR_COLOURS.length];
}

function avatar(doc, name, small = false) {
  const first = [...(name.replace(/[^\p{L}\p{N}]/gu, '') || '?')][0].toUpperCase();
  return h(doc, 'div', { class: `fx-avatar${small ? ' fx-small' : ''}`, style: `background:${colourFor(name)}` }, [first]);
}

/** Facebook's tracking tail on every link (__cft__/__tn__); adapters must not be thrown by it. */
const TRACKING = '&__cft__[0]=AZUx9q2Lw-fixture&__tn__=R]-R';

function idQuery(id, parentId) {
  return parentId
    ? `comment_id=${encodeURIComponent(parentId)}&reply_comment_id=${encodeURIComponent(id)}`
    : `comment_id=${encodeURIComponent(id)}`;
}

/** Profile links carry the comment's ids too, as Facebook's do. */
function profileHref(handle, id, parentId) {
  return `/${encodeURIComponent(handle)}?${idQuery(id, parentId)}${TRACKING}`;
}

function permalinkHref(post, id, parentId) {
  return `${post.path}?${idQuery(id, parentId)}${TRACKING}`;
}

/** Comment text as Facebook renders it: one `div[dir="auto"]` per paragraph, mentions as links. */
export function buildBody(doc, comment) {
  const lines = String(comment.text).split('\n');
  const paragraphs = lines.map((line, i) => {
    const children = [];
    if (i === 0 && comment.mention) {
      children.push(h(doc, 'a', { role: 'link', tabindex: '0', class: 'x1i10hfl xjbqb8w x1a2a7pz fx-mention', href: `/${encodeURIComponent(comment.mention.handle)}` }, [comment.mention.author]), ' ');
    }
    children.push(line);
    return h(doc, 'div', { dir: 'auto', style: 'text-align: start;' }, children);
  });
  return h(doc, 'div', { class: 'x1lliihq xjkvuk6 x1iorvi4', dir: 'auto' }, [
    h(doc, 'span', { class: 'x193iq5w xeuugli x13faqbe x1vvkbs x10flsy6', dir: 'auto', lang: comment.lang ?? null }, [
      h(doc, 'div', { class: 'xdj266r x11i5rnm xat24cr x1mh8g0r x1vvkbs' }, paragraphs),
    ]),
  ]);
}

/** The text a comment's body shows, as the fixture wrote it (mention included). */
export function shownText(comment) {
  return comment.mention ? `${comment.mention.author} ${comment.text}` : String(comment.text);
}

/**
 * One comment's article. `parent` is the top-level comment when this is a reply. The fixture's
 * own `data-fixture-*` attributes are for tests; the adapter must not (and does not) read them.
 */
export function buildArticle(doc, comment, { post, locale, parent = null }) {
  const L = LOCALES[locale];
  const label = parent ? L.replyBy(comment.author, parent.author, L.ago(comment.hours)) : L.commentBy(comment.author, L.ago(comment.hours));
  const profile = profileHref(comment.handle, comment.id, parent?.id);
  const nameLink = h(doc, 'span', { class: 'xt0psk2' }, [
    h(doc, 'a', { role: 'link', tabindex: '0', href: profile, class: 'x1i10hfl xjbqb8w x1ejq31n fx-name' }, [
      h(doc, 'span', { class: 'x3nfvp2' }, [h(doc, 'span', { class: 'x193iq5w xeuugli x13faqbe', dir: 'auto' }, [comment.author])]),
    ]),
  ]);
  const bubble = h(doc, 'div', { class: 'xmjcpbm x1tlxs6b x1g8br2z x1gn5b1j x230xth x9f619 fx-bubble' }, [
    nameLink,
    comment.deleted ? h(doc, 'span', { class: 'x1lliihq fx-deleted' }, [L.deleted]) : buildBody(doc, comment),
  ]);
  const actions = comment.deleted
    ? null
    : h(doc, 'ul', { class: 'html-ul x1lliihq x1iyjqo2 fx-actions' }, [
        h(doc, 'li', { class: 'html-li x1rg5ohu' }, [
          h(doc, 'span', { class: 'x4k7w5x' }, [
            h(doc, 'a', { role: 'link', tabindex: '0', class: 'x1i10hfl xi81zsa fx-time', href: permalinkHref(post, comment.id, parent?.id) }, [L.short(comment.hours)]),
          ]),
        ]),
        h(doc, 'li', { class: 'html-li x1rg5ohu' }, [h(doc, 'div', { role: 'button', tabindex: '0', class: 'x1i10hfl xjbqb8w fx-action' }, [L.like])]),
        h(doc, 'li', { class: 'html-li x1rg5ohu' }, [
          h(doc, 'div', { role: 'button', tabindex: '0', class: 'x1i10hfl xjbqb8w fx-action', 'data-fixture-reply': '' }, [L.reply]),
        ]),
      ]);
  return h(
    doc,
    'div',
    {
      role: 'article',
      'aria-label': label,
      tabindex: '-1',
      class: `x1n2onr6 x1ye3gou x1iorvi4 fx-comment${parent ? ' fx-reply' : ''}`,
      'data-fixture-id': comment.id,
      'data-fixture-deleted': comment.deleted ? '' : null,
    },
    [
      h(doc, 'div', { class: 'x1r8uery x1iyjqo2 fx-avatar-col' }, [
        h(doc, 'a', { 'aria-hidden': 'true', tabindex: '-1', role: 'link', href: profile, class: 'x1i10hfl' }, [avatar(doc, comment.author, Boolean(parent))]),
      ]),
      h(doc, 'div', { class: 'x1iorvi4 x1r8uery fx-main' }, [bubble, actions]),
    ],
  );
}

/** A thread: the top-level comment and its replies, placed as `post.variant` says. */
export function buildThread(doc, thread, { post, locale }) {
  const top = buildArticle(doc, thread, { post, locale });
  const wrapper = h(doc, 'div', { class: 'x1n2onr6 x1xb5h2r fx-thread' }, [top]);
  const replies = h(doc, 'div', { class: 'x1n2onr6 x1swvt13 fx-replies' });
  for (const reply of thread.replies) replies.append(h(doc, 'div', { class: 'x1n2onr6' }, [buildArticle(doc, reply, { post, locale, parent: thread })]));
  if (post.variant === 'nested') top.append(replies);
  else wrapper.append(replies);
  return wrapper;
}

export function buildThreads(doc, threads, ctx) {
  return threads.map((t) => buildThread(doc, t, ctx));
}

/** The thread's replies list (where its reply box opens), whichever placement the post uses. */
function repliesOf(top) {
  const nested = [...top.children].find((c) => c.classList.contains('fx-replies'));
  if (nested) return nested;
  const thread = top.closest('.fx-thread');
  return thread?.querySelector(':scope > .fx-replies') ?? null;
}

/** The post itself: author, time link, text (Facebook's `data-ad-comet-preview="message"`). */
export function buildPostBody(doc, post, { locale, commentCount, headingId }) {
  const L = LOCALES[locale];
  const byline = post.group
    ? [h(doc, 'a', { href: `/${CREATOR.handle}`, role: 'link' }, [post.author]), ' ▸ ', h(doc, 'a', { href: `/groups/${post.group.id}`, role: 'link' }, [post.group.name])]
    : [h(doc, 'a', { href: `/${CREATOR.handle}`, role: 'link' }, [post.author])];
  return h(doc, 'div', { class: 'x1yztbdb fx-post-body' }, [
    h(doc, 'div', { class: 'fx-post-head' }, [
      avatar(doc, post.author),
      h(doc, 'div', {}, [
        h(doc, 'h2', { id: headingId ?? null, class: 'fx-post-author' }, [h(doc, 'span', {}, byline)]),
        h(doc, 'a', { href: post.path, role: 'link', class: 'fx-post-time' }, [L.short(50)]),
      ]),
    ]),
    h(doc, 'div', { 'data-ad-comet-preview': 'message', 'data-ad-rendering-role': 'story_message', class: 'fx-caption' }, [
      h(doc, 'div', { dir: 'auto', style: 'text-align: start;' }, [post.caption]),
    ]),
    h(doc, 'div', { class: 'fx-post-photo', role: 'img', 'aria-label': 'Sourdough loaf' }),
    h(doc, 'div', { class: 'fx-post-stats' }, [
      h(doc, 'span', {}, ['👍❤️ 1.4K']),
      h(doc, 'div', { role: 'button', tabindex: '0', class: 'fx-comment-count', 'data-fixture-open-dialog': post.key }, [L.comments(commentCount)]),
    ]),
    h(doc, 'div', { class: 'fx-post-actions' }, [
      h(doc, 'div', { role: 'button', tabindex: '0' }, [L.like]),
      h(doc, 'div', { role: 'button', tabindex: '0' }, [L.comment]),
      h(doc, 'div', { role: 'button', tabindex: '0' }, [L.share]),
    ]),
  ]);
}

/** Replies posted through a reply box's own send arrow or Enter: should stay empty in tests. */
export const posted = [];
/** Reply boxes opened, newest last: the conformance suite reads the newest one's model. */
const openBoxes = [];

/**
 * A comment box: Lexical editor, a placeholder, and the send arrow (`#focused-state-composer-submit`,
 * aria-disabled until there is text). Enter (without Shift) submits, as on Facebook.
 */
export function buildComposer(doc, { locale, label, prefill = '', onSubmit }) {
  const L = LOCALES[locale];
  const model = lexical(doc, {
    class: 'xzsf02u x1a2a7pz x1n2onr6 x14wi4xw notranslate fx-editor',
    'aria-label': label,
    'aria-placeholder': label,
    spellcheck: 'true',
    tabindex: '0',
    style: 'user-select: text; white-space: pre-wrap; word-break: break-word;',
  });
  const placeholder = h(doc, 'div', { class: 'fx-placeholder', 'aria-hidden': 'true' }, [label]);
  const submit = () => {
    const text = model.state();
    if (!text.trim()) return;
    onSubmit(text);
    model.clear();
  };
  const send = submitButton(doc, model, { tag: 'div', label: '', attrs: { 'aria-label': L.send, class: 'x1i10hfl x1ypdohk fx-send' }, onSubmit: (text) => onSubmit(text) });
  model.editor.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    submit();
  });
  const sync = (text) => {
    placeholder.hidden = Boolean(text);
  };
  model.onChange(sync);
  if (prefill) model.set([prefill]);
  sync(model.state());
  const form = h(doc, 'form', { role: 'presentation', class: 'x1ed109x x1n2onr6 fx-form' }, [
    h(doc, 'div', { class: 'xi81zsa x6ikm8r x10wlt62 fx-field' }, [placeholder, model.editor]),
    h(doc, 'div', { class: 'x6s0dn4 x78zum5 fx-tools' }, [h(doc, 'div', { id: 'focused-state-composer-submit', class: 'x1n2onr6' }, [h(doc, 'span', {}, [send])])]),
  ]);
  form.addEventListener('submit', (event) => event.preventDefault());
  return { form, model };
}

/**
 * Reply clicks open (or focus) the thread's reply box under the top-level comment; replying to
 * a reply prefills a mention of its author, as Facebook does. A posted reply shows up in the
 * thread as the creator's. Returns a function that removes the behaviour.
 */
export function installCommentBehaviour(doc, { locale = 'en', post: postFor = () => POSTS.page, onPost } = {}) {
  const onClick = (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-fixture-reply]') : null;
    if (!button) return;
    event.preventDefault();
    const article = button.closest('[role="article"]');
    const top = article.classList.contains('fx-reply') ? topOf(article) : article;
    if (!top) return;
    openReplyBox(doc, top, article === top ? null : article, { locale, post: postFor(top), onPost });
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}

function topOf(reply) {
  const outer = reply.parentElement?.closest('[role="article"]');
  if (outer) return outer;
  const thread = reply.closest('.fx-thread');
  return thread?.querySelector(':scope > [role="article"]') ?? null;
}

function authorOf(article) {
  return article.querySelector('.fx-name span[dir="auto"]')?.textContent ?? '';
}

export function openReplyBox(doc, top, replyTarget, { locale, post, onPost }) {
  const L = LOCALES[locale];
  let list = repliesOf(top);
  if (!list) {
    list = h(doc, 'div', { class: 'x1n2onr6 x1swvt13 fx-replies' });
    if (post.variant === 'nested') top.append(list);
    else top.after(list);
  }
  const mention = replyTarget ? `${authorOf(replyTarget)} ` : '';
  const existing = list.querySelector(':scope > .fx-reply-box');
  if (existing) {
    const entry = openBoxes.find((b) => b.box === existing);
    if (entry && mention && !entry.model.state().trim()) entry.model.set([mention]);
    existing.querySelector('[contenteditable]')?.focus();
    return existing;
  }
  const topAuthor = authorOf(top);
  const parentId = top.getAttribute('data-fixture-id');
  let entry;
  const { form, model } = buildComposer(doc, {
    locale,
    label: L.replyTo(topAuthor),
    prefill: mention,
    onSubmit(text) {
      posted.push({ parentId, text });
      onPost?.({ text });
      const reply = {
        author: CREATOR.name,
        handle: CREATOR.handle,
        text,
        hours: 1,
        id: commentIdFor(post, 900_000 + posted.length),
      };
      const row = h(doc, 'div', { class: 'x1n2onr6' }, [buildArticle(doc, reply, { post, locale, parent: { author: topAuthor, id: parentId } })]);
      entry.box.before(row);
    },
  });
  const box = h(doc, 'div', { class: 'x1n2onr6 fx-reply-box' }, [avatar(doc, CREATOR.name, true), form]);
  entry = { box, model };
  openBoxes.push(entry);
  list.append(box);
  model.editor.focus();
  return box;
}

/** The newest open reply box's model text (what Facebook would post), or null. */
export function openBoxState() {
  for (let i = openBoxes.length - 1; i >= 0; i--) {
    const entry = openBoxes[i];
    if (entry.box.isConnected) return entry.model.state();
  }
  return null;
}

/** The comments section of a post: sort control, list, and the post's own comment box. */
export function buildCommentsSection(doc, post, { locale, threads }) {
  const L = LOCALES[locale];
  const list = h(doc, 'div', { class: 'x1gslohp fx-comment-list' }, buildThreads(doc, threads, { post, locale }));
  const { form } = buildComposer(doc, {
    locale,
    label: L.writeComment,
    onSubmit(text) {
      posted.push({ parentId: null, text });
    },
  });
  const section = h(doc, 'div', { class: 'x1jx94hy fx-comments' }, [
    h(doc, 'div', { class: 'fx-sort', role: 'button', tabindex: '0' }, [`${L.mostRelevant} ▾`]),
    list,
    h(doc, 'div', { class: 'fx-main-composer' }, [avatar(doc, CREATOR.name, true), form]),
  ]);
  return { section, list };
}

/** The post dialog Facebook opens over the feed: `[role="dialog"][aria-labelledby]`. */
export function buildDialog(doc, post, { locale, threads }) {
  const L = LOCALES[locale];
  const titleId = 'fx-dialog-title';
  const { section, list } = buildCommentsSection(doc, post, { locale, threads });
  const close = h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': L.close, class: 'fx-close', 'data-fixture-close': '' }, ['✕']);
  const dialog = h(doc, 'div', { role: 'dialog', 'aria-labelledby': titleId, class: 'x1n2onr6 fx-dialog' }, [
    h(doc, 'div', { class: 'fx-dialog-head' }, [h(doc, 'h2', { id: titleId }, [L.dialogTitle(post.author)]), close]),
    h(doc, 'div', { class: 'fx-dialog-scroll' }, [buildPostBody(doc, post, { locale, commentCount: threads.length }), section]),
  ]);
  return { dialog, list };
}

/**
 * Mount one page kind synchronously (unit tests): a permalink post ('page'), a group post
 * ('group'), or the feed with a post dialog open ('dialog').
 */
export function mountPage(doc, { post: key = 'page', locale = 'en', count } = {}) {
  const post = POSTS[key];
  const threads = threadsFor(post, { count });
  doc.documentElement.lang = LOCALES[locale].lang;
  doc.body.replaceChildren();
  const main = h(doc, 'div', { role: 'main' });
  doc.body.append(main);
  if (key === 'dialog') {
    main.append(h(doc, 'div', { role: 'feed' }, [buildFeedPost(doc, post, { locale, position: 1, count: threads.length })]));
    const { dialog, list } = buildDialog(doc, post, { locale, threads });
    doc.body.append(dialog);
    return { post, threads, list };
  }
  const article = h(doc, 'div', { class: 'fx-permalink' }, [buildPostBody(doc, post, { locale, commentCount: threads.length })]);
  const { section, list } = buildCommentsSection(doc, post, { locale, threads });
  article.append(section);
  main.append(article);
  return { post, threads, list };
}

/**
 * A post in the feed, as Facebook marks it: `[aria-posinset][role="article"][aria-labelledby]`
 * (no aria-label, unlike comments).
 */
export function buildFeedPost(doc, post, { locale, position, count }) {
  const headingId = `fx-feed-heading-${post.key}`;
  return h(doc, 'div', { 'aria-posinset': String(position), 'aria-setsize': '-1', role: 'article', 'aria-labelledby': headingId, class: 'x1yztbdb fx-feed-post' }, [
    buildPostBody(doc, post, { locale, commentCount: count, headingId }),
  ]);
}
