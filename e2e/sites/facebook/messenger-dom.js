/**
 * The Messenger fixture's data and markup (direct messages on facebook.com/messages and on
 * messenger.com), shared by the fixture app (messenger-app.js, served at
 * https://<host>/__fixture/facebook/messenger-dom.js) and the adapter's unit tests, so both read
 * one markup. It imitates Messenger's "Comet" markup (docs/sites-reference.md, Facebook /
 * Messenger): the open conversation is the page's `[role="main"]`; its messages sit in a list
 * labelled "Messages in conversation with Maria" (a group: "… titled Sourdough club"), each
 * message a `div[role="row"]`; the first row of each sender's run carries a heading (`h5`):
 * "You sent" for the creator's own messages, else the sender's name (shown above the bubble in
 * group chats, visually hidden otherwise). The text is a `div[dir="auto"]` in the bubble; a photo
 * is a `/messenger_media/` link around an image, a voice message an audio player (a Play button
 * and a slider), a sticker an image labelled "Sticker". Days are told apart by divider rows
 * without a bubble. Every label is localized (English, Spanish). Class names are obfuscated
 * atomic ones, as Facebook ships (never anchors).
 *
 * The composer is Lexical (`[role="textbox"][aria-label="Message"][data-lexical-editor]`,
 * composers.js lexical): Enter sends (guardEnterToSend). Beside it Messenger shows a thumbs-up
 * "Send a like" while the box is empty, replaced by the send arrow "Press enter to send" once it
 * holds text (kept in the DOM, hidden and aria-disabled, while empty).
 *
 * Everything is built with textContent/attributes only: the data is hostile on purpose.
 */
import { h } from '../shared/kit.js';
import { lexical, submitButton } from '../shared/composers.js';
import { CONVERSATIONS, DM_GROUP, DM_HOSTILE, DM_ONE_TO_ONE, MEDIA_LABELS, fillerMessage, guardEnterToSend } from '../shared/chat-kit.js';

export { CONVERSATIONS, DM_GROUP, DM_HOSTILE, DM_ONE_TO_ONE, MEDIA_LABELS } from '../shared/chat-kit.js';
export { HOSTILE } from '../shared/kit.js';

/** Messenger's UI strings per language; every label is localized, the pane's label included. */
export const DM_LOCALES = {
  en: {
    lang: 'en',
    youSent: 'You sent',
    paneWith: (name) => `Messages in conversation with ${name}`,
    paneTitled: (name) => `Messages in conversation titled ${name}`,
    conversationWith: (name) => `Conversation with ${name}`,
    conversationTitled: (name) => `Conversation titled ${name}`,
    message: 'Message',
    send: 'Press enter to send',
    like: 'Send a like',
    chats: 'Chats',
    searchMessenger: 'Search Messenger',
    selectChat: 'Select a chat or start a new conversation',
    you: 'You',
    activeNow: 'Active now',
    members: (n) => `${n} members`,
    openPhoto: 'Open photo',
    play: 'Play',
    scrubber: 'Audio scrubber',
    media: { photo: MEDIA_LABELS.photo, voice: MEDIA_LABELS.voice, video: MEDIA_LABELS.video, sticker: MEDIA_LABELS.sticker },
    moreActions: 'Open more actions',
    attach: 'Attach a file',
    sticker: 'Choose a sticker',
    gif: 'Choose a GIF',
    emoji: 'Choose an emoji',
    call: 'Start a voice call',
    video: 'Start a video call',
    info: 'Conversation information',
    e2ee: 'Messages and calls are secured with end-to-end encryption.',
    day: (iso) => new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }),
    messenger: 'Messenger',
  },
  es: {
    lang: 'es',
    youSent: 'Enviaste',
    paneWith: (name) => `Mensajes de la conversación con ${name}`,
    paneTitled: (name) => `Mensajes de la conversación titulada ${name}`,
    conversationWith: (name) => `Conversación con ${name}`,
    conversationTitled: (name) => `Conversación titulada ${name}`,
    message: 'Mensaje',
    send: 'Pulsa Intro para enviar',
    like: 'Enviar un Me gusta',
    chats: 'Chats',
    searchMessenger: 'Buscar en Messenger',
    selectChat: 'Selecciona un chat o inicia una conversación nueva',
    you: 'Tú',
    activeNow: 'Activo ahora',
    members: (n) => `${n} miembros`,
    openPhoto: 'Abrir foto',
    play: 'Reproducir',
    scrubber: 'Barra de audio',
    media: { photo: 'Foto', voice: 'Mensaje de voz', video: 'Video', sticker: 'Sticker' },
    moreActions: 'Abrir más acciones',
    attach: 'Adjuntar un archivo',
    sticker: 'Elegir un sticker',
    gif: 'Elegir un GIF',
    emoji: 'Elegir un emoji',
    call: 'Iniciar una llamada de voz',
    video: 'Iniciar una videollamada',
    info: 'Información de la conversación',
    e2ee: 'Los mensajes y las llamadas están protegidos con el cifrado de extremo a extremo.',
    day: (iso) => new Date(iso).toLocaleString('es-ES', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }),
    messenger: 'Messenger',
  },
};

/**
 * Where conversations live on each host: facebook.com nests Messenger under /messages, and
 * messenger.com has it at the root. One-to-one chats are end-to-end encrypted (/e2ee/t/ID), as
 * Messenger made them by default; group chats stay at /t/ID.
 */
export const HOST_BASES = { 'www.facebook.com': '/messages', 'www.messenger.com': '' };

export function threadPath(base, conversation) {
  return `${base}${conversation.group ? '' : '/e2ee'}/t/${encodeURIComponent(conversation.id)}`;
}

/** The inbox: facebook.com/messages/t/ and messenger.com/ (the chat list with nothing open). */
export function inboxPath(base) {
  return base ? `${base}/t/` : '/';
}

/** The conversation a path opens, or null (the inbox, or an unknown thread). */
export function conversationForPath(base, pathname) {
  const rest = base ? (pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : null) : pathname;
  if (rest === null) return null;
  const match = /^(?:\/e2ee)?\/t\/([^/]+)\/?$/.exec(rest);
  if (!match) return null;
  const id = decodeURIComponent(match[1]);
  return CONVERSATIONS.find((c) => c.id === id) ?? null;
}

/** Is this path one of Messenger's (inbox or conversation) on this host? */
export function isMessengerPath(base, pathname) {
  if (!base) return true;
  return pathname === base || pathname.startsWith(`${base}/`);
}

/** A fresh copy of a conversation's messages, optionally grown to `total` with older filler history. */
export function messagesFor(conversation, total) {
  const messages = conversation.messages.map((m) => ({ ...m }));
  if (!total || total <= messages.length) return messages;
  const other = conversation.messages.find((m) => m.from === 'them') ?? conversation.messages[0];
  const filler = [];
  for (let i = 0; i < total - messages.length; i++) filler.push(fillerMessage(i, other));
  return [...filler, ...messages];
}

/** The profile link of the other person in a one-to-one chat (facebook.com vanity URL). */
function profileHref(base, handle) {
  return base ? `/${handle}` : `https://www.facebook.com/${handle}`;
}

const COLORS = ['#f5533d', '#0084ff', '#44bec7', '#ffc300', '#fa3c4c', '#d696bb', '#6699cc', '#13cf13'];
function colorFor(name) {
  let n = 0;
  for (const ch of name) n = (n * 31 + ch.codePointAt(0)) >>> 0;
  return COLORS[n % COLORS.length];
}

function avatar(doc, name, size = 28) {
  const letter = [...(name.replace(/[^\p{L}\p{N}]/gu, '') || '?')][0].toUpperCase();
  return h(doc, 'div', { class: 'x1rg5ohu mx-avatar', 'aria-hidden': 'true', style: `width:${size}px;height:${size}px;background:${colorFor(name)}` }, [letter]);
}

function mediaNode(doc, message, { L, threadId }) {
  const word = L.media[message.media] ?? message.media;
  switch (message.media) {
    case 'photo':
      return h(doc, 'a', { href: `/messenger_media/?thread_id=${encodeURIComponent(threadId)}&attachment_id=${message.id}&message_id=mid.${message.id}`, role: 'link', 'aria-label': L.openPhoto, class: 'x1i10hfl mx-photo-link' }, [
        h(doc, 'div', { role: 'img', 'aria-label': word, class: 'mx-photo' }),
      ]);
    case 'voice':
      return h(doc, 'div', { class: 'x78zum5 mx-voice' }, [
        h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': L.play, class: 'mx-play' }),
        h(doc, 'div', { role: 'slider', 'aria-label': L.scrubber, 'aria-valuemin': '0', 'aria-valuemax': '12', 'aria-valuenow': '0', tabindex: '0', class: 'mx-scrubber' }),
        h(doc, 'span', { class: 'mx-duration' }, ['0:12']),
      ]);
    case 'video':
      return h(doc, 'div', { class: 'mx-video-wrap' }, [h(doc, 'video', { 'aria-label': word, class: 'mx-video', preload: 'none' })]);
    case 'sticker':
      return h(doc, 'div', { role: 'img', 'aria-label': word, class: 'mx-sticker' }, ['🥖']);
    default:
      return h(doc, 'span', {}, [word]);
  }
}

/**
 * One message row. `first`/`last` say where it sits in its sender's run: the first carries the
 * run's heading, the last the sender's avatar (other people only).
 */
export function buildRow(doc, message, { locale = 'en', group = false, first = true, last = true, threadId = 'thread' } = {}) {
  const L = DM_LOCALES[locale];
  const mine = message.from === 'me';
  const heading = first
    ? h(doc, 'h5', { class: mine || !group ? 'x1i10hfl mx-sr' : 'x1i10hfl mx-sender' }, [h(doc, 'span', { class: 'x1lliihq' }, [mine ? L.youSent : message.sender])])
    : null;
  const content = message.media
    ? mediaNode(doc, message, { L, threadId })
    : h(doc, 'div', { class: 'x1gslohp mx-bubble' }, [h(doc, 'div', { dir: 'auto', class: 'html-div xexx8yu x1lliihq' }, [message.text])]);
  const line = h(doc, 'div', { class: `x78zum5 mx-line${mine ? ' mx-mine' : ''}` }, [
    mine ? null : last ? avatar(doc, message.sender) : h(doc, 'div', { class: 'mx-avatar-space' }),
    h(doc, 'div', { class: 'x1n2onr6 mx-content' }, [content]),
  ]);
  return h(doc, 'div', { role: 'row', class: `x1n2onr6 mx-row${mine ? ' mx-own' : ''}`, 'data-fixture-id': message.id }, [
    h(doc, 'div', { role: 'gridcell', class: 'x1n2onr6 mx-cell', tabindex: '-1' }, [heading, line]),
  ]);
}

/** A day divider: a row without a bubble, its time as text (Messenger shows no machine time). */
export function buildDivider(doc, iso, { locale = 'en' } = {}) {
  return h(doc, 'div', { role: 'row', class: 'x1n2onr6 mx-divider-row' }, [
    h(doc, 'div', { role: 'gridcell', class: 'mx-divider' }, [h(doc, 'span', { class: 'x1lliihq' }, [DM_LOCALES[locale].day(iso)])]),
  ]);
}

const HOUR = 3_600_000;

/** The rows for a run of messages in order: dividers where an hour passed, runs grouped by sender. */
export function buildRows(doc, messages, { locale = 'en', group = false, threadId = 'thread', before = null } = {}) {
  const rows = [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    const prev = i > 0 ? messages[i - 1] : before;
    const next = messages[i + 1];
    const gap = prev?.at && message.at ? Date.parse(message.at) - Date.parse(prev.at) : 0;
    const divided = message.at && (!prev || gap > HOUR);
    if (divided) rows.push(buildDivider(doc, message.at, { locale }));
    const sameAsPrev = prev && !divided && prev.from === message.from && prev.sender === message.sender;
    const nextGap = next?.at && message.at ? Date.parse(next.at) - Date.parse(message.at) : 0;
    const sameAsNext = next && nextGap <= HOUR && next.from === message.from && next.sender === message.sender;
    rows.push(buildRow(doc, message, { locale, group, first: !sameAsPrev, last: !sameAsNext, threadId }));
  }
  return rows;
}

function iconButton(doc, label, glyph, extra = {}) {
  return h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': label, class: 'x1i10hfl mx-icon', ...extra }, [h(doc, 'span', { 'aria-hidden': 'true' }, [glyph])]);
}

/**
 * The composer row: actions (more, attach, sticker, GIF), the Lexical box with its emoji button,
 * then the thumbs-up / send arrow. Enter sends the box's text (`onSend`).
 */
export function buildComposer(doc, { locale = 'en', onSend }) {
  const L = DM_LOCALES[locale];
  const model = lexical(doc, {
    'aria-label': L.message,
    'aria-placeholder': 'Aa',
    'aria-describedby': 'mx-composer-hint',
    spellcheck: 'true',
    tabindex: '0',
    class: 'xzsf02u x1a2a7pz notranslate mx-editor',
    style: 'user-select: text; white-space: pre-wrap; word-break: break-word;',
  });
  const send = (text) => {
    if (!text.trim()) return;
    onSend?.(text);
    model.clear();
  };
  const guard = guardEnterToSend(model.editor, () => send(model.state()));
  const placeholder = h(doc, 'div', { class: 'mx-placeholder', 'aria-hidden': 'true', id: 'mx-composer-hint' }, ['Aa']);
  const sendButton = submitButton(doc, model, { tag: 'div', label: '', attrs: { 'aria-label': L.send, class: 'x1i10hfl x1ypdohk mx-send' }, onSubmit: (text) => onSend?.(text) });
  const like = iconButton(doc, L.like, '♥', { class: 'x1i10hfl mx-icon mx-like' });
  const sync = (text) => {
    const empty = !text.trim();
    placeholder.hidden = !empty;
    sendButton.hidden = empty;
    like.hidden = !empty;
  };
  model.onChange(sync);
  sync(model.state());
  const row = h(doc, 'div', { class: 'x78zum5 x1q0g3np mx-composer' }, [
    h(doc, 'div', { class: 'x78zum5 mx-actions' }, [
      iconButton(doc, L.moreActions, '+'),
      iconButton(doc, L.attach, '▣'),
      iconButton(doc, L.sticker, '◪'),
      iconButton(doc, L.gif, 'GIF'),
    ]),
    h(doc, 'div', { class: 'x1n2onr6 xh8yej3 mx-field' }, [
      h(doc, 'div', { class: 'mx-field-inner' }, [placeholder, model.editor]),
      iconButton(doc, L.emoji, '☺'),
    ]),
    h(doc, 'span', { class: 'x4k7w5x mx-send-slot' }, [like, sendButton]),
  ]);
  return { row, model, sendButton, guard };
}

/**
 * The open conversation inside `main` (the page's [role="main"]): header, the labelled message
 * list, the composer. Returns what the app and the tests act on.
 */
export function buildConversation(doc, conversation, { locale = 'en', base = '/messages', messages = conversation.messages, onSend } = {}) {
  const L = DM_LOCALES[locale];
  const other = conversation.messages.find((m) => m.from === 'them');
  const label = conversation.group ? L.paneTitled(conversation.title) : L.paneWith(conversation.title);
  const list = h(doc, 'div', { 'aria-label': label, role: 'grid', class: 'x1n2onr6 mx-list' }, buildRows(doc, messages, { locale, group: conversation.group, threadId: conversation.id }));
  const title = h(doc, 'h2', { class: 'x1heor9g mx-title' }, [h(doc, 'span', { dir: 'auto' }, [conversation.title])]);
  const who = conversation.group || !other?.handle ? title : h(doc, 'a', { href: profileHref(base, other.handle), role: 'link', class: 'x1i10hfl mx-who' }, [title]);
  const header = h(doc, 'div', { class: 'x78zum5 mx-header' }, [
    avatar(doc, conversation.title, 40),
    h(doc, 'div', { class: 'mx-header-text' }, [who, h(doc, 'span', { class: 'mx-subtitle' }, [conversation.group ? L.members(3) : L.activeNow])]),
    h(doc, 'div', { class: 'x78zum5 mx-header-actions' }, [iconButton(doc, L.call, '☎'), iconButton(doc, L.video, '▶'), iconButton(doc, L.info, 'i')]),
  ]);
  const notice = conversation.group ? null : h(doc, 'div', { class: 'mx-e2ee' }, [L.e2ee]);
  const scroller = h(doc, 'div', { class: 'x1odjw0f mx-scroller' }, [notice, list]);
  const composer = buildComposer(doc, { locale, onSend });
  const thread = h(doc, 'div', { class: 'x1n2onr6 mx-thread', 'aria-label': conversation.group ? L.conversationTitled(conversation.title) : L.conversationWith(conversation.title) }, [
    header,
    scroller,
    composer.row,
  ]);
  return { thread, list, scroller, composer };
}

/** The chat list (the inbox): every shared conversation, each a link to its thread. */
export function buildChatList(doc, { locale = 'en', base = '/messages', current = null } = {}) {
  const L = DM_LOCALES[locale];
  const rows = CONVERSATIONS.map((conversation) => {
    const last = conversation.messages[conversation.messages.length - 1];
    const snippet = last.media ? L.media[last.media] : last.text;
    const href = threadPath(base, conversation);
    return h(doc, 'div', { role: 'row', class: `mx-chat-row${current === conversation.id ? ' mx-current' : ''}` }, [
      h(doc, 'div', { role: 'gridcell' }, [
        h(doc, 'a', { href, role: 'link', class: 'x1i10hfl mx-chat-link', 'data-fixture-conversation': conversation.id, 'aria-current': current === conversation.id ? 'page' : null }, [
          avatar(doc, conversation.title, 48),
          h(doc, 'div', { class: 'mx-chat-text' }, [
            h(doc, 'span', { dir: 'auto', class: 'mx-chat-name' }, [conversation.title]),
            h(doc, 'span', { dir: 'auto', class: 'mx-chat-snippet' }, [`${last.from === 'me' ? `${L.you}: ` : ''}${snippet}`]),
          ]),
        ]),
      ]),
    ]);
  });
  return h(doc, 'div', { class: 'mx-chats' }, [
    h(doc, 'div', { class: 'mx-chats-head' }, [h(doc, 'h1', {}, [L.chats])]),
    h(doc, 'div', { class: 'mx-search' }, [L.searchMessenger]),
    h(doc, 'div', { role: 'grid', 'aria-label': L.chats, class: 'mx-chat-grid' }, rows),
  ]);
}

/**
 * Mount one open conversation synchronously (unit tests): a `[role="main"]` holding it, as the
 * page shows it. `total` grows the history with filler messages.
 */
export function mountConversation(doc, { conversation = DM_ONE_TO_ONE, locale = 'en', base = '/messages', total, onSend } = {}) {
  const messages = messagesFor(conversation, total);
  doc.documentElement.lang = DM_LOCALES[locale].lang;
  doc.body.replaceChildren();
  const nav = h(doc, 'div', { role: 'navigation', 'aria-label': DM_LOCALES[locale].chats }, [buildChatList(doc, { locale, base, current: conversation.id })]);
  const main = h(doc, 'div', { role: 'main', class: 'mx-main' });
  const built = buildConversation(doc, conversation, { locale, base, messages, onSend });
  main.append(built.thread);
  doc.body.append(nav, main);
  return { main, messages, ...built };
}
