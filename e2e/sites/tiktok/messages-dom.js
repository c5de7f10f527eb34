/**
 * DOM for TikTok's direct messages in the fixture (docs/sites-reference.md, "TikTok", DMs): the
 * /messages page, an inbox on the left and the open conversation (the chat box) on the right.
 * Shared by the fixture app (app.js) and the unit tests (lib/sites/tiktok-dm.test.ts), so both
 * read one markup.
 *
 * - The inbox lists the conversations as `[data-e2e="chat-list-item"]` rows, virtual-scrolled as
 *   TikTok's is (a pool of row nodes rewritten in place; a row knows its conversation by
 *   data-fixture-id, a fixture-only attribute the suite clicks by).
 * - The chat box: a header with `[data-e2e="chat-nickname"]` (the other person's or the group's
 *   name) and `[data-e2e="chat-uniqueid"]` ("@handle", 1:1 only), the message list
 *   (DivChatMainContent) whose children are `[data-e2e="chat-item"]` rows and, where the day
 *   changes, a DivTimeContainer line. Each row has the sender's avatar link (`/@handle`) and the
 *   bubble; the creator's own rows carry a class naming them ("…-DivChatItemWrapper-Self…"),
 *   the mark the adapter's heuristic looks for, and are laid out on the right. In a group, a run
 *   of one member's messages opens with their name (PSenderNickname). Media bubbles show their
 *   MEDIA_LABELS word (a photo as role=img, a voice message with an <audio>): no network.
 * - TikTok keeps the loaded messages in the list (no virtualization there); recycle() re-renders
 *   every row in place, as a React re-render does.
 * - The composer: `[data-e2e="message-input-area"]` holding a Draft.js editor that ignores
 *   untrusted input (composers.js draftjs with trustedOnly), Enter sends (guardEnterToSend), and
 *   `[data-e2e="message-send"]`, a div that stays aria-disabled until the box holds text.
 *
 * Text is set with textContent only: the hostile corpus is in here on purpose.
 */
import { h } from '../shared/kit.js';
import { draftjs, submitButton } from '../shared/composers.js';
import { CONVERSATIONS, MEDIA_LABELS, fillerMessage, guardEnterToSend } from '../shared/chat-kit.js';
import { virtualList } from '../shared/virtual-list.js';
import { CREATOR } from './fixture-dom.js';

export { CONVERSATIONS, CREATOR };

/** Hashed emotion class names, as TikTok ships them (a hash, the component name, a suffix). */
export const CLS = {
  page: 'css-1xt8k4r-DivMessagePageContainer e1kmzj6u0',
  inbox: 'css-149gota-DivConversationListContainer e1kmzj6u1',
  inboxScroll: 'css-1n0gxc1-DivScrollWrapper e1kmzj6u2',
  listItem: 'css-1ojajeq-DivItemWrapper eii3f6d0',
  listItemActive: 'css-1ojajeq-DivItemWrapper-StyledActiveItem eii3f6d1',
  listInfo: 'css-1b4p6f9-DivInfoContainer eii3f6d3',
  listName: 'css-1l1cwdw-PInfoNickname eii3f6d4',
  listSnippet: 'css-1ilu1kq-SpanInfoExtract eii3f6d6',
  box: 'css-1kcp8i6-DivChatBox ediam1h0',
  header: 'css-1d8wkcm-DivChatHeader ediam1h1',
  headerContent: 'css-u1xby4-DivChatHeaderContentWrapper ediam1h2',
  main: 'css-q3lnff-DivChatMainContent ediam1h3',
  time: 'css-1jcf5cf-DivTimeContainer e1ps6h2y0',
  item: 'css-1rdbp3k-DivChatItemWrapper e1ps6h2y1',
  itemSelf: 'css-1rdbp3k-DivChatItemWrapper-DivSelfChatItem e1ps6h2y2',
  avatar: 'css-1x8m5jx-StyledLink-StyledChatAvatar e1ps6h2y3',
  vertical: 'css-1u9zcgr-DivMessageVerticalContainer e1ps6h2y4',
  sender: 'css-1ucfmaq-PSenderNickname e1ps6h2y5',
  bubble: 'css-13wr7zr-DivCommentContainer e1ps6h2y6',
  textBox: 'css-1rdxtjl-DivTextContainer e1ps6h2y7',
  text: 'css-1f2s6rl-PText e1ps6h2y8',
  image: 'css-1ut4u9d-DivImageContainer e1ps6h2y9',
  audio: 'css-14kbsa3-DivAudioContainer e1ps6h2y10',
  video: 'css-6mu3d6-DivVideoContainer e1ps6h2y11',
  bottom: 'css-1lq2bi6-DivChatBottom e1823izs0',
  inputArea: 'css-ef8u5d-DivInputAreaContainer e1823izs1',
  editor: 'css-1y2m6ze-DivEditorContainer e1823izs2',
  emoji: 'css-1ipjtl8-DivEmojiButton e1823izs3',
  send: 'css-d7yhdo-StyledSendButton e1823izs4',
};

export function conversationById(id) {
  return CONVERSATIONS.find((c) => c.id === id) ?? null;
}

/** The messages shown, grown to `n` with older filler before the named ones. */
export function messagesFor(conversation, n) {
  const named = conversation.messages;
  if (!n || n <= named.length) return named.map((m) => ({ ...m }));
  const other = named.find((m) => m.from === 'them') ?? named[0];
  const filler = Array.from({ length: n - named.length }, (_, i) => fillerMessage(i, other));
  return [...filler, ...named.map((m) => ({ ...m }))];
}

function avatar(doc, name) {
  const letter = Array.from(String(name).replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '?';
  const hue = [...String(name)].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 360, 11);
  return h(doc, 'span', { class: 'fx-avatar', style: `background:hsl(${hue} 45% 55%)`, 'aria-hidden': 'true' }, [letter.toUpperCase()]);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Nov 26, 2026 6:00 PM", as TikTok's time line between messages (UTC, for stable tests). */
function timeLine(at) {
  const d = new Date(at ?? 0);
  const hours = d.getUTCHours();
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${hours % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
}
const dayOf = (at) => String(at ?? '').slice(0, 10);

function mediaBubble(doc, media) {
  const label = MEDIA_LABELS[media] ?? media;
  if (media === 'photo') return h(doc, 'div', { class: CLS.image }, [h(doc, 'div', { class: 'fx-media', role: 'img', 'aria-label': label }, [label])]);
  if (media === 'voice') return h(doc, 'div', { class: `${CLS.audio} fx-media` }, [h(doc, 'audio', { preload: 'none' }), `▶ ${label} · 0:12`]);
  if (media === 'video') return h(doc, 'div', { class: `${CLS.video} fx-media` }, [h(doc, 'video', { preload: 'none', 'aria-label': label }), label]);
  return h(doc, 'div', { class: `${CLS.image} fx-media` }, [label]);
}

/**
 * Fill one message row (a new one, or a row re-rendered in place). `group`: the conversation is
 * a group, where a run of one member's messages opens with their name.
 */
export function renderItem(doc, row, message, prev, { group = false } = {}) {
  const mine = message.from === 'me';
  const handle = mine ? CREATOR.handle : (message.handle ?? '');
  const name = mine ? CREATOR.name : message.sender;
  row.setAttribute('class', mine ? CLS.itemSelf : CLS.item);
  row.setAttribute('data-e2e', 'chat-item');
  const column = [];
  if (group && !mine && (!prev || prev.from !== 'them' || prev.sender !== message.sender)) {
    column.push(h(doc, 'p', { class: CLS.sender }, [message.sender]));
  }
  const bubble = [];
  if (message.media) bubble.push(mediaBubble(doc, message.media));
  if (message.text) bubble.push(h(doc, 'div', { class: CLS.textBox }, [h(doc, 'p', { class: CLS.text }, [message.text])]));
  column.push(h(doc, 'div', { class: CLS.bubble }, bubble));
  row.replaceChildren(
    h(doc, 'a', { class: CLS.avatar, href: `/@${encodeURIComponent(handle)}`, 'data-e2e': 'chat-avatar', 'aria-label': name }, [avatar(doc, name)]),
    h(doc, 'div', { class: CLS.vertical }, column),
  );
  return row;
}

/** The list's children for `messages`: a time line where the day changes, then each row. */
function listChildren(doc, messages, group) {
  const out = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    const prev = messages[i - 1];
    if (!prev || dayOf(prev.at) !== dayOf(m.at)) out.push(h(doc, 'div', { class: CLS.time }, [timeLine(m.at)]));
    out.push(renderItem(doc, doc.createElement('div'), m, prev, { group }));
  }
  return out;
}

/** TikTok's message composer: Draft.js that takes trusted input only; Enter sends. */
export function buildComposer(doc, { onSend }) {
  const model = draftjs(doc, { 'aria-label': 'Send a message...', spellcheck: 'false' }, { trustedOnly: true });
  const { editor } = model;
  const send = () => {
    const now = model.state();
    if (!now.trim()) return;
    onSend(now);
    model.clear();
  };
  const guard = guardEnterToSend(editor, send);
  const submit = submitButton(doc, model, {
    label: '➤',
    tag: 'div',
    attrs: { 'data-e2e': 'message-send', class: CLS.send, 'aria-label': 'Send' },
    onSubmit: (t) => onSend(t),
  });
  const placeholder = h(doc, 'div', { class: 'public-DraftEditorPlaceholder-root' }, ['Send a message...']);
  model.onChange((t) => {
    placeholder.hidden = t.length > 0;
  });
  const area = h(doc, 'div', { class: CLS.inputArea }, [
    h(doc, 'div', { class: CLS.editor, 'data-e2e': 'message-input-area' }, [
      h(doc, 'div', { class: 'DraftEditor-root' }, [placeholder, h(doc, 'div', { class: 'DraftEditor-editorContainer' }, [editor])]),
    ]),
    h(doc, 'div', { class: CLS.emoji, role: 'button', 'aria-label': 'Emoji' }, ['☺']),
  ]);
  const bottom = h(doc, 'div', { class: CLS.bottom }, [area, submit]);
  return { bottom, area, editor, submit, state: model.state, clear: model.clear, keyEvents: () => guard.syntheticKeyEvents() };
}

function otherHandle(conversation) {
  return conversation.group ? null : (conversation.messages.find((m) => m.from === 'them')?.handle ?? null);
}

function buildHeader(doc, conversation) {
  const handle = otherHandle(conversation);
  const members = new Set(conversation.messages.filter((m) => m.from === 'them').map((m) => m.sender)).size + 1;
  const names = [h(doc, 'p', { 'data-e2e': 'chat-nickname', class: 'css-1nr9f0q-PNickname ediam1h4' }, [conversation.title])];
  if (handle) names.push(h(doc, 'p', { 'data-e2e': 'chat-uniqueid', class: 'css-1f1vhvd-PUniqueId ediam1h5' }, [`@${handle}`]));
  else names.push(h(doc, 'p', { class: 'css-1f1vhvd-PGroupMembers ediam1h6' }, [`${members} members`]));
  const content = h(doc, 'div', { class: CLS.headerContent }, names);
  return h(doc, 'div', { class: CLS.header }, [
    handle ? h(doc, 'a', { href: `/@${encodeURIComponent(handle)}`, class: 'css-7k5ygc-StyledLink' }, [avatar(doc, conversation.title)]) : avatar(doc, conversation.title),
    handle ? h(doc, 'a', { href: `/@${encodeURIComponent(handle)}`, class: 'css-7k5ygc-StyledLink' }, [content]) : content,
    h(doc, 'div', { class: 'css-1jkwn6a-DivMoreActions ediam1h7', role: 'button', 'aria-label': 'More' }, ['⋯']),
  ]);
}

/** One open conversation: the chat box, with its hooks (receive, showSent, fill, recycle). */
export function buildConversation(doc, conversation, { count, onSend } = {}) {
  const group = conversation.group;
  let messages = messagesFor(conversation, count);
  const list = h(doc, 'div', { class: CLS.main });
  const draw = () => list.replaceChildren(...listChildren(doc, messages, group));
  const scrollToEnd = () => {
    list.scrollTop = list.scrollHeight;
  };
  const append = (message) => {
    const prev = messages[messages.length - 1];
    messages.push(message);
    if (!prev || dayOf(prev.at) !== dayOf(message.at)) list.append(h(doc, 'div', { class: CLS.time }, [timeLine(message.at)]));
    list.append(renderItem(doc, doc.createElement('div'), message, prev, { group }));
    scrollToEnd();
  };
  let next = 0;
  const composer = buildComposer(doc, {
    onSend: (text) => {
      onSend?.(text);
      append({ id: `sent-${++next}`, from: 'me', sender: 'You', text, at: new Date().toISOString() });
    },
  });
  draw();
  const pane = h(doc, 'div', { class: CLS.box }, [buildHeader(doc, conversation), list, composer.bottom]);
  return {
    pane,
    list,
    conversation,
    composer,
    messages: () => messages,
    /** A new message from the other side (in a group, the member who wrote last). */
    receive(text) {
      const last = [...messages].reverse().find((m) => m.from === 'them') ?? conversation.messages[0];
      append({ id: `in-${++next}`, from: 'them', sender: last.sender, handle: last.handle, text, at: new Date().toISOString() });
    },
    /** The creator's message as the conversation shows it once sent; the composer clears. */
    showSent(text) {
      append({ id: `sent-${++next}`, from: 'me', sender: 'You', text, at: new Date().toISOString() });
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
    /** A re-render: every row node kept and rewritten in place. */
    recycle() {
      const rows = list.querySelectorAll('[data-e2e="chat-item"]');
      for (let i = 0; i < rows.length && i < messages.length; i++) renderItem(doc, rows[i], messages[i], messages[i - 1], { group });
    },
    scrollToEnd,
  };
}

/** The inbox: a virtual-scrolled list of chat-list-item rows; a click opens that conversation. */
export function buildInbox(doc, { conversations = CONVERSATIONS, onOpen, activeId = null, pool = 8 } = {}) {
  const scroller = h(doc, 'div', { class: CLS.inboxScroll });
  const createRow = () => {
    const row = h(doc, 'div', { class: CLS.listItem, 'data-e2e': 'chat-list-item', role: 'button', tabindex: '0' });
    row.addEventListener('click', () => {
      const id = row.getAttribute('data-fixture-id');
      if (id) onOpen?.(id);
    });
    return row;
  };
  const renderRow = (row, conversation) => {
    const last = conversation.messages[conversation.messages.length - 1];
    const snippet = last?.media ? MEDIA_LABELS[last.media] : (last?.text ?? '');
    row.setAttribute('data-fixture-id', conversation.id);
    row.setAttribute('class', conversation.id === activeId ? CLS.listItemActive : CLS.listItem);
    row.replaceChildren(
      avatar(doc, conversation.title),
      h(doc, 'div', { class: CLS.listInfo }, [
        h(doc, 'p', { class: CLS.listName }, [conversation.title]),
        h(doc, 'p', { class: 'fx-muted' }, [h(doc, 'span', { class: CLS.listSnippet }, [`${snippet}`.slice(0, 60)]), ' · 11-26']),
      ]),
    );
  };
  const virtual = virtualList({ container: scroller, items: conversations, poolSize: pool, renderRow, createRow });
  const inbox = h(doc, 'div', { class: CLS.inbox }, [h(doc, 'h2', { class: 'fx-inbox-title' }, ['Messages']), scroller]);
  return {
    inbox,
    virtual,
    setActive(id) {
      activeId = id;
      virtual.redraw();
    },
  };
}

/** For unit tests: the /messages page with `conversation` open (or none) in `doc`. */
export function mountMessages(doc, conversation, { count } = {}) {
  const sent = [];
  const { inbox } = buildInbox(doc, { activeId: conversation?.id ?? null });
  const view = conversation ? buildConversation(doc, conversation, { count, onSend: (text) => sent.push(text) }) : null;
  const page = h(doc, 'div', { class: CLS.page }, [inbox, view ? view.pane : h(doc, 'div', { class: 'fx-missing' }, ['Select a message to start'])]);
  doc.body.append(page);
  return { page, view, sent: () => [...sent] };
}
