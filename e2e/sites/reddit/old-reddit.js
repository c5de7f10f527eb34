/**
 * old.reddit.com markup, per docs/sites-reference.md (Reddit, old): server-rendered pages (every
 * link is a real page load), comments as `.thing.comment` with `data-fullname` / `data-author`
 * / `data-permalink`, the body in `.entry .usertext-body .md`, replies in the thing's `.child`
 * listing, and a "reply" link that clones the comment form into `.child`.
 *
 * The reply box is old Reddit's plain textarea: jQuery reads its `.value` when the form is
 * saved, so the fixture's model is the textarea's value, and its "save" button is never
 * disabled (an empty save shows "we need something here", as old Reddit does). Not the shared
 * reactTextarea: old Reddit has no React, and a stricter rule here would test something the
 * site doesn't do. Built with textContent and attributes only. Shared by the fixture page
 * (old-reddit-app.js) and the adapter's unit tests.
 */
import { h } from '../shared/kit.js';
import { CREATOR, POST, SUBREDDIT, ago, postPath } from './data.js';

export const ORIGIN = 'https://old.reddit.com';

/** Replies saved through the fixture's reply forms: { parentId, text }. */
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

function paragraphs(doc, text) {
  return text.split('\n').map((line) => h(doc, 'p', {}, [line]));
}

const link = (doc, text, attrs = {}) => h(doc, 'a', { href: 'javascript:void(0)', ...attrs }, [text]);

function arrows(doc) {
  return h(doc, 'div', { class: 'midcol unvoted' }, [
    h(doc, 'div', { class: 'arrow up login-required access-required', role: 'button', 'aria-label': 'upvote', tabindex: '0' }),
    h(doc, 'div', { class: 'arrow down login-required access-required', role: 'button', 'aria-label': 'downvote', tabindex: '0' }),
  ]);
}

function time(doc, ms) {
  return h(doc, 'time', { title: new Date(ms).toUTCString(), datetime: new Date(ms).toISOString().replace('.000Z', '+00:00'), class: 'live-timestamp' }, [ago(ms)]);
}

/** One `.thing.comment` and its replies in its `.child` listing. */
export function buildComment(doc, c, { post = POST } = {}) {
  const thingId = `t1_${c.id}`;
  const permalink = `${postPath(post)}${c.id}/`;
  const author = c.deleted ? '[deleted]' : c.author;
  const childCount = c.replies.length;
  const el = h(doc, 'div', {
    class: `thing id-${thingId} noncollapsed comment${c.deleted ? ' deleted' : ''}`,
    id: `thing_${thingId}`,
    'data-fullname': thingId,
    'data-type': 'comment',
    'data-subreddit': SUBREDDIT,
    'data-subreddit-prefixed': `r/${SUBREDDIT}`,
    'data-author': author,
    'data-replies': String(childCount),
    'data-permalink': permalink,
    'data-fixture-id': c.id,
    'data-fixture-deleted': c.deleted || null,
  });
  const tagline = h(doc, 'p', { class: 'tagline' }, [
    link(doc, '[–]', { class: 'expand' }),
    c.deleted
      ? h(doc, 'em', {}, ['[deleted]'])
      : h(doc, 'a', { href: `${ORIGIN}/user/${encodeURIComponent(c.author)}`, class: `author may-blank${c.author === CREATOR ? ' submitter' : ''}` }, [c.author]),
    h(doc, 'span', { class: 'userattrs' }),
    ' ',
    c.deleted ? null : h(doc, 'span', { class: 'score unvoted', title: String(c.score) }, [`${c.score} points`]),
    ' ',
    time(doc, c.ms),
    ' ',
    childCount ? link(doc, `(${childCount} ${childCount === 1 ? 'child' : 'children'})`, { class: 'numchildren' }) : null,
  ]);
  const body = h(doc, 'form', { action: '#', class: 'usertext warn-on-unload', id: `form-${thingId}` }, [
    h(doc, 'input', { type: 'hidden', name: 'thing_id', value: thingId }),
    h(doc, 'div', { class: 'usertext-body may-blank-within md-container' }, [
      h(doc, 'div', { class: 'md' }, paragraphs(doc, c.deleted ? '[deleted]' : c.text)),
    ]),
  ]);
  const buttons = h(doc, 'ul', { class: 'flat-list buttons' }, [
    h(doc, 'li', { class: 'first' }, [h(doc, 'a', { href: `${ORIGIN}${permalink}`, 'data-event-action': 'permalink', class: 'bylink', rel: 'nofollow' }, ['permalink'])]),
    h(doc, 'li', {}, [link(doc, 'embed', { class: 'embed-comment' })]),
    h(doc, 'li', { class: 'comment-save-button save-button login-required' }, [link(doc, 'save')]),
    h(doc, 'li', { class: 'report-button login-required' }, [link(doc, 'report', { class: 'reportbtn access-required' })]),
    h(doc, 'li', { class: 'reply-button login-required' }, [
      link(doc, 'reply', { class: 'access-required', 'data-event-action': 'comment', onclick: 'return reply(this)' }),
    ]),
  ]);
  const replies = h(doc, 'div', { id: `siteTable_${thingId}`, class: 'sitetable listing' });
  for (const r of c.replies) replies.append(buildComment(doc, r, { post }), h(doc, 'div', { class: 'clearleft' }));
  el.append(
    h(doc, 'p', { class: 'parent' }, [h(doc, 'a', { name: c.id })]),
    arrows(doc),
    h(doc, 'div', { class: 'entry unvoted' }, [tagline, body, buttons, h(doc, 'div', { class: `reportform report-${thingId}` })]),
    h(doc, 'div', { class: 'child' }, childCount ? [replies] : []),
    h(doc, 'div', { class: 'clearleft' }),
  );
  return el;
}

/** A post as a listing row, or as the self post heading its comments page. */
export function buildLink(doc, post, { rank, full = false } = {}) {
  const path = postPath(post);
  const count = post.comments ?? 0;
  return h(doc, 'div', {
    class: 'thing link self',
    id: `thing_t3_${post.id}`,
    'data-fullname': `t3_${post.id}`,
    'data-type': 'link',
    'data-author': post.author,
    'data-subreddit': SUBREDDIT,
    'data-permalink': path,
    'data-comments-count': String(count),
  }, [
    rank ? h(doc, 'span', { class: 'rank' }, [String(rank)]) : null,
    arrows(doc),
    h(doc, 'a', { class: 'thumbnail self may-blank', href: path, 'aria-hidden': 'true' }),
    h(doc, 'div', { class: 'entry unvoted' }, [
      h(doc, 'div', { class: 'top-matter' }, [
        h(doc, 'p', { class: 'title' }, [
          h(doc, 'a', { class: 'title may-blank', href: path, 'data-event-action': 'title' }, [post.title]),
          ' ',
          h(doc, 'span', { class: 'domain' }, [`(self.${SUBREDDIT})`]),
        ]),
        h(doc, 'p', { class: 'tagline' }, [
          'submitted 5 hours ago by ',
          h(doc, 'a', { href: `${ORIGIN}/user/${post.author}`, class: 'author may-blank' }, [post.author]),
          ' to ',
          h(doc, 'a', { href: `${ORIGIN}/r/${SUBREDDIT}/`, class: 'subreddit hover may-blank' }, [`r/${SUBREDDIT}`]),
        ]),
        h(doc, 'ul', { class: 'flat-list buttons' }, [
          h(doc, 'li', { class: 'first' }, [
            h(doc, 'a', { href: `${ORIGIN}${path}`, 'data-event-action': 'comments', class: 'bylink comments may-blank', rel: 'nofollow' }, [`${count} comments`]),
          ]),
          h(doc, 'li', { class: 'share' }, [link(doc, 'share', { class: 'post-sharing-button' })]),
          h(doc, 'li', { class: 'link-save-button save-button login-required' }, [link(doc, 'save')]),
          h(doc, 'li', {}, [link(doc, 'hide')]),
          h(doc, 'li', { class: 'report-button login-required' }, [link(doc, 'report', { class: 'reportbtn access-required' })]),
        ]),
      ]),
      full && post.body
        ? h(doc, 'div', { class: 'expando' }, [
            h(doc, 'form', { action: '#', class: 'usertext warn-on-unload' }, [
              h(doc, 'div', { class: 'usertext-body may-blank-within md-container' }, [h(doc, 'div', { class: 'md' }, paragraphs(doc, post.body))]),
            ]),
          ])
        : null,
    ]),
    h(doc, 'div', { class: 'child' }),
    h(doc, 'div', { class: 'clearleft' }),
  ]);
}

/**
 * The comment form old Reddit clones for top-level comments and replies: a plain textarea,
 * "save" (type=submit, never disabled) and "cancel".
 */
export function buildForm(doc, thingId, { cloneable = true } = {}) {
  const form = h(doc, 'form', {
    action: '#',
    class: `usertext${cloneable ? ' cloneable' : ''} warn-on-unload`,
    id: `commentreply_${thingId}`,
  }, [
    h(doc, 'input', { type: 'hidden', name: 'thing_id', value: thingId }),
    h(doc, 'div', { class: 'usertext-edit md-container' }, [
      h(doc, 'div', { class: 'md' }, [h(doc, 'textarea', { rows: '1', cols: '1', name: 'text', 'data-event-action': 'comment' })]),
      h(doc, 'div', { class: 'bottom-area' }, [
        h(doc, 'span', { class: 'help-toggle toggle' }, [h(doc, 'a', { class: 'option active', href: '#', tabindex: '100' }, ['formatting help'])]),
        h(doc, 'span', { class: 'error NO_TEXT field-text', hidden: true }, ['we need something here']),
        h(doc, 'div', { class: 'usertext-buttons' }, [
          h(doc, 'button', { type: 'submit', class: 'save' }, ['save']),
          cloneable ? h(doc, 'button', { type: 'button', class: 'cancel' }, ['cancel']) : null,
          h(doc, 'span', { class: 'status' }),
        ]),
      ]),
    ]),
  ]);
  return form;
}

/** The comments page body: the post, then the comment area with its top-level box. */
export function buildCommentsPage(doc, comments, post = POST) {
  const link = h(doc, 'div', { id: `siteTable_t3_${post.id}`, class: 'sitetable linklisting' }, [
    buildLink(doc, { ...post, comments: comments.length }, { full: true }),
  ]);
  const listing = h(doc, 'div', { id: `siteTable_t3_${post.id}_comments`, class: 'sitetable nestedlisting' });
  for (const c of comments) listing.append(buildComment(doc, c, { post }), h(doc, 'div', { class: 'clearleft' }));
  const area = h(doc, 'div', { class: 'commentarea' }, [
    h(doc, 'div', { class: 'panestack-title' }, [h(doc, 'span', { class: 'title' }, [`all ${comments.length} comments`])]),
    h(doc, 'div', { class: 'menuarea' }, ['sorted by: ', h(doc, 'span', { class: 'selected' }, ['best'])]),
    buildForm(doc, `t3_${post.id}`, { cloneable: false }),
    listing,
  ]);
  return { link, area, listing };
}

/** Open (or show again) the reply form under a comment, as old Reddit's reply() does. */
export function openReply(thing) {
  const doc = thing.ownerDocument;
  const child = [...thing.children].find((c) => c.classList.contains('child'));
  if (!child) return null;
  let form = [...child.children].find((c) => c.localName === 'form');
  if (!form) {
    form = buildForm(doc, thing.getAttribute('data-fullname'));
    child.prepend(form);
  }
  form.hidden = false;
  const textarea = form.querySelector('textarea[name="text"]');
  textarea.focus();
  return textarea;
}

/** The creator pressed save: record the reply and show it, as old Reddit does after posting. */
function save(doc, form) {
  const textarea = form.querySelector('textarea[name="text"]');
  const text = textarea.value;
  const error = form.querySelector('.error.NO_TEXT');
  if (!text.trim()) {
    error.hidden = false;
    return;
  }
  error.hidden = true;
  const parentId = form.querySelector('input[name="thing_id"]').value;
  record({ parentId, text });
  const now = Date.now();
  const mine = buildComment(doc, { id: `mz${posted.length.toString(36)}`, author: CREATOR, text, ms: now, score: 1, replies: [] });
  textarea.value = '';
  if (parentId.startsWith('t1_')) {
    const child = form.parentElement;
    let listing = [...child.children].find((c) => c.classList.contains('sitetable'));
    if (!listing) {
      listing = h(doc, 'div', { id: `siteTable_${parentId}`, class: 'sitetable listing' });
      child.append(listing);
    }
    listing.prepend(mine);
    form.remove();
  } else {
    doc.querySelector('.commentarea .nestedlisting')?.prepend(mine);
  }
}

/** old Reddit's page script: reply links, save and cancel. */
export function installBehaviour(doc) {
  const view = doc.defaultView;
  // The reply links call the global reply() from their onclick attribute, as on old Reddit.
  if (view) view.reply = () => false;
  const onClick = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const replyLink = target?.closest('.reply-button a');
    if (replyLink) {
      event.preventDefault();
      const thing = replyLink.closest('.thing.comment');
      if (thing) openReply(thing);
      return;
    }
    const cancel = target?.closest('.usertext-buttons button.cancel');
    if (cancel) {
      const form = cancel.closest('form');
      if (form) form.hidden = true;
    }
  };
  const onSubmit = (event) => {
    const form = event.target;
    if (!(form instanceof Element) || !form.matches('form.usertext')) return;
    // post_form(): an XHR in the real page, never a navigation.
    event.preventDefault();
    save(doc, form);
  };
  doc.addEventListener('click', onClick);
  doc.addEventListener('submit', onSubmit);
  return () => {
    doc.removeEventListener('click', onClick);
    doc.removeEventListener('submit', onSubmit);
  };
}

/** The open reply box's text (what old Reddit would post): the newest visible reply form's. */
export function composerState(doc) {
  const forms = [...doc.querySelectorAll('.commentarea .child > form.usertext')].filter((f) => !f.hidden);
  const last = forms[forms.length - 1];
  return last ? last.querySelector('textarea[name="text"]').value : null;
}

/** Change a comment's body in place, as an edit by its author shows. */
export function editComment(doc, fragment, text) {
  const body = [...doc.querySelectorAll('.thing.comment > .entry .usertext-body > .md')].find((el) => el.textContent.includes(fragment));
  if (!body) return false;
  body.replaceChildren(...paragraphs(doc, text));
  return true;
}

/** The comments page in `doc.body` (unit tests): the post and its comments, no chrome. */
export function mountPostPage(doc, comments) {
  const { link, area, listing } = buildCommentsPage(doc, comments);
  const content = h(doc, 'div', { class: 'content', role: 'main' }, [link, area]);
  doc.body.replaceChildren(content);
  return { content, listing };
}
