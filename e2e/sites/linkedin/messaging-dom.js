/**
 * DOM for LinkedIn's messaging in the fixture (docs/sites-reference.md, "LinkedIn", messaging):
 * the thread page's conversation (/messaging/thread/ID/, `.msg-convo-wrapper`) and the
 * messaging overlay's conversation bubbles over any other page (`.msg-overlay-conversation-bubble`,
 * title `h2.msg-overlay-bubble-header__title`), both holding the same message list and composer.
 *
 * - A message is `li.msg-s-message-list__event` holding `div.msg-s-event-listitem` with its
 *   `data-event-urn`; the other side's rows carry `msg-s-event-listitem--other` (its absence
 *   marks the creator's own). A run of one sender starts with a name line
 *   (`.msg-s-message-group__meta`: profile link, `span.msg-s-message-group__name`,
 *   `time.msg-s-message-group__timestamp` showing the clock time only); the run's following rows
 *   have none. A date heading (`time.msg-s-message-list__time-heading`) opens each new day. The
 *   creator's own runs show the creator's name, as LinkedIn does.
 * - Media: a photo `.msg-s-event-listitem__image`, a voice message
 *   `.msg-s-event-listitem__voice-message` with an <audio>, a video <video>; each shows its
 *   MEDIA_LABELS word (no network: no image or sound is loaded).
 * - The composer: `form.msg-form`, a plain contenteditable `.msg-form__contenteditable` (one <p>
 *   per line; its text is read on `input`, as the site's own plain editor does) with Enter sending
 *   (guardEnterToSend; Shift+Enter breaks the line), and `button.msg-form__send-button`
 *   (type=submit) disabled until the box holds text.
 * - LinkedIn keeps every loaded message in the list (no virtualization); a re-render reuses the
 *   rows in place (recycle()).
 *
 * Shared by the fixture app (messaging.js) and the unit tests (lib/sites/linkedin-dm.test.ts), so
 * both read one markup. Text is set with textContent only: the hostile corpus is in here.
 */
import { h } from '../shared/kit.js';
import { submitButton, plain } from '../shared/composers.js';
import { CONVERSATIONS, MEDIA_LABELS, fillerMessage, guardEnterToSend } from '../shared/chat-kit.js';
import { CREATOR } from './fixture-dom.js';

export { CONVERSATIONS, CREATOR };

/** The creator's member URN, as LinkedIn puts it in every message URN. */
const ME_URN = 'urn:li:fsd_profile:ACoAACrumbAndCrust';

/** LinkedIn's thread id for a chat-kit conversation ("2-…", as in /messaging/thread/2-…/). */
export function threadIdFor(conversation) {
  return `2-${conversation.id}`;
}

export function conversationByThread(threadId) {
  return CONVERSATIONS.find((c) => threadIdFor(c) === threadId) ?? null;
}

export function conversationById(id) {
  return CONVERSATIONS.find((c) => c.id === id) ?? null;
}

export function eventUrn(message) {
  return `urn:li:msg_message:(${ME_URN},2-${message.id})`;
}

/**
 * The conversation's messages, grown to `n` with older filler before the named ones (so the
 * latest messages, the ones a draft answers, stay the chat kit's).
 */
export function messagesFor(conversation, n) {
  const named = conversation.messages;
  if (!n || n <= named.length) return named.map((m) => ({ ...m }));
  const other = named.find((m) => m.from === 'them') ?? named[0];
  const filler = Array.from({ length: n - named.length }, (_, i) => fillerMessage(i, other));
  return [...filler, ...named.map((m) => ({ ...m }))];
}

const profileHref = (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}/`;

function avatar(doc, name, size = 'sm') {
  const letter = Array.from(String(name).replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '?';
  const hue = [...String(name)].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 7);
  return h(doc, 'div', { class: `fx-avatar fx-avatar--${size}`, style: `background:hsl(${hue} 40% 52%)`, 'aria-hidden': 'true' }, [
    letter.toUpperCase(),
  ]);
}

/** "6:01 PM", as LinkedIn's name line shows a message's time (UTC, so tests are stable). */
function clock(at) {
  const d = new Date(at ?? 0);
  const hours = d.getUTCHours();
  return `${hours % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
function day(at) {
  const d = new Date(at ?? 0);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** Who a row shows as its sender: the creator's own runs carry the creator's name. */
function shownName(message) {
  return message.from === 'me' ? CREATOR.author : message.sender;
}
function shownHandle(message) {
  return message.from === 'me' ? CREATOR.handle : (message.handle ?? '');
}

/** A name line opens a run: another sender than the previous row's, or another day. */
function startsRun(message, prev) {
  return !prev || prev.from !== message.from || prev.sender !== message.sender || day(prev.at) !== day(message.at);
}

function mediaBubble(doc, media) {
  const label = MEDIA_LABELS[media] ?? media;
  if (media === 'photo') {
    return h(doc, 'div', { class: 'msg-s-event-listitem__image-container' }, [
      h(doc, 'div', { class: 'msg-s-event-listitem__image fx-media', role: 'img', 'aria-label': label }, [label]),
    ]);
  }
  if (media === 'voice') {
    return h(doc, 'div', { class: 'msg-s-event-listitem__voice-message fx-media', 'aria-label': label }, [
      h(doc, 'audio', { preload: 'none' }),
      h(doc, 'span', {}, [`▶ ${label} · 0:12`]),
    ]);
  }
  if (media === 'video') {
    return h(doc, 'div', { class: 'msg-s-event-listitem__video fx-media' }, [h(doc, 'video', { preload: 'none', 'aria-label': label }), label]);
  }
  return h(doc, 'div', { class: 'msg-s-event-listitem__attachment-item fx-media' }, [label]);
}

/** Fill one row element for `message` (a new row, or a row reused in place). */
export function renderEvent(doc, li, message, prev) {
  const other = message.from === 'them';
  const first = startsRun(message, prev);
  const children = [];
  if (!prev || day(prev.at) !== day(message.at)) {
    children.push(h(doc, 'time', { class: 'msg-s-message-list__time-heading t-12' }, [day(message.at)]));
  }
  const item = [];
  if (first) {
    const name = shownName(message);
    const href = profileHref(shownHandle(message));
    item.push(
      h(doc, 'a', { class: 'msg-s-event-listitem__link', href, 'aria-label': `View ${name}’s profile` }, [avatar(doc, name)]),
      h(doc, 'div', { class: 'msg-s-message-group__meta' }, [
        h(doc, 'a', { class: 'msg-s-message-group__profile-link', href }, [h(doc, 'span', { class: 'msg-s-message-group__name' }, [name])]),
        h(doc, 'time', { class: 'msg-s-message-group__timestamp' }, [clock(message.at)]),
      ]),
    );
  }
  const bubble = [];
  if (message.media) bubble.push(mediaBubble(doc, message.media));
  if (message.text) bubble.push(h(doc, 'p', { class: 'msg-s-event-listitem__body t-14' }, [message.text]));
  item.push(h(doc, 'div', { class: 'msg-s-event-listitem__message-bubble' }, bubble));
  children.push(
    h(
      doc,
      'div',
      {
        class: `msg-s-event-listitem${other ? ' msg-s-event-listitem--other' : ''}${first ? '' : ' msg-s-event-listitem--group-continuation'}`,
        'data-event-urn': eventUrn(message),
      },
      item,
    ),
  );
  li.replaceChildren(...children);
  return li;
}

export function buildEvent(doc, message, prev) {
  return renderEvent(doc, h(doc, 'li', { class: 'msg-s-message-list__event clearfix' }), message, prev);
}

/** The lines the editor shows: one per <p> (LinkedIn's plain editor), text outside one as a line. */
function editorLines(editor) {
  const lines = [];
  let loose = '';
  for (const node of editor.childNodes) {
    if (node.nodeType === 1 && (node.localName === 'p' || node.localName === 'div')) {
      if (loose) lines.push(loose);
      loose = '';
      lines.push(node.textContent ?? '');
    } else if (node.nodeType === 1 && node.localName === 'br') {
      lines.push(loose);
      loose = '';
    } else {
      loose += node.textContent ?? '';
    }
  }
  if (loose) lines.push(loose);
  return lines;
}

/**
 * LinkedIn's message composer: a plain contenteditable whose text the site reads on `input`
 * (composers.js plain), one <p> per line, Enter sends. `onSend(text)` is the site sending.
 */
export function buildComposer(doc, conversation, { onSend }) {
  const base = plain(doc, {
    class: 'msg-form__contenteditable t-14 t-black--light t-normal flex-grow-1 full-height notranslate',
    'aria-multiline': 'true',
    'aria-label': 'Write a message…',
  });
  const { editor } = base;
  const empty = () => editor.replaceChildren(h(doc, 'p', {}, [h(doc, 'br')]));
  empty();
  let text = '';
  const listeners = [];
  base.onChange(() => {
    text = editorLines(editor).join('\n').replace(/\n+$/, '');
    for (const fn of listeners) fn(text);
  });
  const composer = {
    editor,
    state: () => text,
    onChange: (fn) => listeners.push(fn),
    clear() {
      empty();
      text = '';
      for (const fn of listeners) fn(text);
    },
  };
  const send = () => {
    const now = composer.state();
    if (!now.trim()) return;
    onSend(now);
    composer.clear();
  };
  const guard = guardEnterToSend(editor, send);
  const submit = submitButton(doc, composer, {
    label: 'Send',
    attrs: { class: 'msg-form__send-button artdeco-button artdeco-button--1', type: 'submit' },
    onSubmit: (t) => onSend(t),
  });
  const placeholder = h(doc, 'div', { class: 'msg-form__placeholder t-14', 'aria-hidden': 'true' }, ['Write a message…']);
  composer.onChange((t) => {
    placeholder.hidden = t.length > 0;
  });
  const who = conversation.title;
  const form = h(doc, 'form', { class: 'msg-form' }, [
    h(doc, 'div', { class: 'msg-form__msg-content-container' }, [
      h(doc, 'div', { class: 'msg-form__message-texteditor relative flex-grow-1' }, [editor, placeholder]),
    ]),
    h(doc, 'footer', { class: 'msg-form__footer' }, [
      h(doc, 'div', { class: 'msg-form__left-actions display-flex' }, [
        h(doc, 'button', { type: 'button', class: 'msg-form__footer-action fx-icon', 'aria-label': `Attach an image to your conversation with ${who}` }, ['▣']),
        h(doc, 'button', { type: 'button', class: 'msg-form__footer-action fx-icon', 'aria-label': `Attach a file to your conversation with ${who}` }, ['⊕']),
        h(doc, 'button', { type: 'button', class: 'msg-form__footer-action fx-icon', 'aria-label': 'Open GIF Keyboard' }, ['GIF']),
        h(doc, 'button', { type: 'button', class: 'msg-form__footer-action fx-icon', 'aria-label': 'Open Emoji Keyboard' }, ['☺']),
      ]),
      h(doc, 'div', { class: 'msg-form__right-actions display-flex' }, [submit]),
    ]),
  ]);
  // The send button is a submit button: the form never loads a page.
  form.addEventListener('submit', (event) => event.preventDefault());
  return { form, editor, submit, state: composer.state, clear: composer.clear, keyEvents: () => guard.syntheticKeyEvents() };
}

function groupFacepile(doc, conversation) {
  const senders = [...new Set(conversation.messages.filter((m) => m.from === 'them').map((m) => m.sender))];
  return h(
    doc,
    'div',
    { class: `msg-facepile-grid msg-facepile-grid--group-size-${senders.length}` },
    senders.slice(0, 2).map((s) => avatar(doc, s)),
  );
}

/** The other person's profile (1:1), for the title's link; none for a group. */
function otherHandle(conversation) {
  if (conversation.group) return null;
  return conversation.messages.find((m) => m.from === 'them')?.handle ?? null;
}

function threadHeader(doc, conversation) {
  const handle = otherHandle(conversation);
  const title = h(doc, 'h2', { class: 'msg-entity-lockup__entity-title', id: 'thread-detail-jump-target' }, [conversation.title]);
  return h(doc, 'div', { class: 'msg-title-bar' }, [
    conversation.group ? groupFacepile(doc, conversation) : avatar(doc, conversation.title, 'md'),
    h(doc, 'div', { class: 'msg-title-bar__title-bar-title' }, [
      handle ? h(doc, 'a', { class: 'msg-thread__link-to-profile', href: profileHref(handle) }, [title]) : title,
      h(doc, 'p', { class: 'fx-muted fx-small' }, [conversation.group ? `${groupFacepile(doc, conversation).childElementCount + 1} participants` : 'Home baker']),
    ]),
  ]);
}

function overlayHeader(doc, conversation, { onClose }) {
  const handle = otherHandle(conversation);
  const span = h(doc, 'span', { class: 'truncate' }, [conversation.title]);
  const close = h(doc, 'button', { type: 'button', class: 'msg-overlay-bubble-header__control fx-icon', 'aria-label': `Close your conversation with ${conversation.title}` }, ['✕']);
  close.addEventListener('click', () => onClose?.());
  return h(doc, 'header', { class: 'msg-overlay-bubble-header' }, [
    conversation.group ? groupFacepile(doc, conversation) : avatar(doc, conversation.title),
    h(doc, 'div', { class: 'msg-overlay-bubble-header__details' }, [
      h(doc, 'h2', { class: 'msg-overlay-bubble-header__title' }, [
        handle ? h(doc, 'a', { class: 'profile-card-one-to-one__profile-link', href: profileHref(handle) }, [span]) : span,
      ]),
    ]),
    h(doc, 'div', { class: 'msg-overlay-bubble-header__controls' }, [
      h(doc, 'button', { type: 'button', class: 'msg-overlay-bubble-header__control fx-icon', 'aria-label': 'Minimize your conversation' }, ['▾']),
      close,
    ]),
  ]);
}

/**
 * One open conversation: the thread page's `.msg-convo-wrapper` or an overlay bubble. Returns
 * the pane and its hooks (messages, append, recycle, the composer's state and key events).
 */
export function buildConversation(doc, conversation, { variant = 'thread', count, onSend, onClose } = {}) {
  let messages = messagesFor(conversation, count);
  const list = h(doc, 'ul', { class: 'msg-s-message-list-content list-style-none full-width' });
  const scroller = h(doc, 'div', { class: 'msg-s-message-list full-width scrollable', tabindex: '0' }, [list]);
  const draw = () => {
    const rows = [];
    for (let i = 0; i < messages.length; i++) rows.push(buildEvent(doc, messages[i], messages[i - 1]));
    list.replaceChildren(...rows);
  };
  const scrollToEnd = () => {
    scroller.scrollTop = scroller.scrollHeight;
  };
  const append = (message) => {
    const prev = messages[messages.length - 1];
    messages.push(message);
    list.append(buildEvent(doc, message, prev));
    scrollToEnd();
  };
  let next = 0;
  const composer = buildComposer(doc, conversation, {
    onSend: (text) => {
      onSend?.(text);
      append({ id: `sent-${conversation.id}-${++next}`, from: 'me', sender: 'You', text, at: new Date().toISOString() });
    },
  });
  draw();
  const body = [h(doc, 'div', { class: 'msg-s-message-list-container relative' }, [scroller]), composer.form];
  const pane =
    variant === 'overlay'
      ? h(doc, 'div', { class: 'msg-overlay-conversation-bubble msg-overlay-conversation-bubble--is-active', 'aria-label': `Messaging with ${conversation.title}` }, [
          overlayHeader(doc, conversation, { onClose }),
          h(doc, 'div', { class: 'msg-overlay-conversation-bubble__content-wrapper' }, body),
        ])
      : h(doc, 'div', { class: 'msg-convo-wrapper msg-thread' }, [threadHeader(doc, conversation), ...body]);
  return {
    pane,
    conversation,
    composer,
    messages: () => messages,
    /** A new message from the other side (in a group, the one who wrote last). */
    receive(text) {
      const last = [...messages].reverse().find((m) => m.from === 'them') ?? conversation.messages[0];
      append({ id: `in-${conversation.id}-${++next}`, from: 'them', sender: last.sender, handle: last.handle, text, at: new Date().toISOString() });
    },
    /** The creator's message as the conversation shows it once sent; the composer clears. */
    showSent(text) {
      append({ id: `sent-${conversation.id}-${++next}`, from: 'me', sender: 'You', text, at: new Date().toISOString() });
      composer.clear();
    },
    /** Older filler before what the conversation shows, until it holds `n` messages. */
    fill(n) {
      if (n > messages.length) {
        const fillers = messages.filter((m) => /^f\d+$/.test(m.id)).length;
        const other = conversation.messages.find((m) => m.from === 'them') ?? conversation.messages[0];
        const older = Array.from({ length: fillers + n - messages.length }, (_, i) => fillerMessage(i, other));
        messages = [...older, ...messages.slice(fillers)];
        draw();
        scrollToEnd();
      }
      return messages.length;
    },
    /** A re-render: every row node is kept and rewritten in place. */
    recycle() {
      const rows = list.children;
      for (let i = 0; i < rows.length && i < messages.length; i++) renderEvent(doc, rows[i], messages[i], messages[i - 1]);
    },
    scrollToEnd,
  };
}

/** The conversation list's entry (thread page: a link; overlay list: a selectable card). */
export function conversationCard(doc, conversation, { href } = {}) {
  const last = conversation.messages[conversation.messages.length - 1];
  const snippet = last?.media ? MEDIA_LABELS[last.media] : (last?.text ?? '');
  const content = [
    conversation.group ? groupFacepile(doc, conversation) : avatar(doc, conversation.title, 'lg'),
    h(doc, 'div', { class: 'msg-conversation-card__content' }, [
      h(doc, 'h3', { class: 'msg-conversation-listitem__participant-names' }, [h(doc, 'span', { class: 'truncate' }, [conversation.title])]),
      h(doc, 'p', { class: 'msg-conversation-card__message-snippet fx-muted' }, [`${last?.from === 'me' ? 'You: ' : ''}${snippet}`.slice(0, 80)]),
    ]),
  ];
  const inner = href
    ? h(doc, 'a', { class: 'msg-conversation-listitem__link', href }, content)
    : h(doc, 'div', { class: 'msg-conversation-card__content--selectable', role: 'button', tabindex: '0' }, content);
  return h(doc, 'li', { class: 'msg-conversation-listitem' }, [inner]);
}

/** For unit tests: one conversation open in `doc`, as the thread page or an overlay bubble. */
export function mountConversation(doc, conversation, { variant = 'thread', count } = {}) {
  const sent = [];
  const view = buildConversation(doc, conversation, { variant, count, onSend: (text) => sent.push(text) });
  const host =
    variant === 'overlay'
      ? h(doc, 'aside', { id: 'msg-overlay', class: 'msg-overlay-container' }, [view.pane])
      : h(doc, 'main', { class: 'scaffold-layout__main' }, [h(doc, 'div', { class: 'scaffold-layout__detail msg__detail' }, [view.pane])]);
  doc.body.append(host);
  return { ...view, sent: () => [...sent] };
}
