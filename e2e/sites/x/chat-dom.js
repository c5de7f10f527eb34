/**
 * DOM for the X chat fixture (x.com/i/chat, "XChat"): the chat UI as X renders it, inside the
 * OPEN shadow root of [data-testid="xchatEmbedRoute"] (docs/sites-reference.md, "X / Twitter").
 * The inbox panel lists the shared conversations of ../shared/chat-kit.js as
 * dm-conversation-item-A:B rows linking to /i/chat/A-B; /i/chat/requests lists a message
 * request. The open conversation is dm-conversation-panel: a header (profile links,
 * dm-conversation-username), a virtualized message list (a pool of rows reused in place:
 * [data-dm-item-key] > [data-dm-message-row] with data-testid message-UUID, data-send-status,
 * `flex justify-end` for the creator's own, `justify-start` for theirs, hidden labels
 * UUID-sender / UUID-time / UUID-kind, the body message-text-UUID whose words are a
 * span[dir="auto"] beside a time decoration), and the composer: dm-composer-form with a
 * React-controlled textarea (composers.js reactTextarea) that sends on Enter (chat-kit
 * guardEnterToSend) and a send button that exists only while the box holds text (a voice
 * button stands there otherwise).
 *
 * Shared by the fixture page (app.js) and the unit tests (lib/sites/x-dm.test.ts). Every piece
 * of data is set as text or attributes, never innerHTML: the data is hostile on purpose.
 */
import { h } from '../shared/kit.js';
import { CONVERSATIONS, MEDIA_LABELS, fillerMessage, guardEnterToSend } from '../shared/chat-kit.js';
import { reactTextarea, submitButton } from '../shared/composers.js';

/** The creator's X user id: 1:1 conversation ids are the two user ids, lower first (A-B). */
export const CREATOR_USER_ID = '1600000000000000001';

/** X handles are letters, digits and underscores only. */
const xHandle = (handle) => String(handle ?? '').replace(/\W/g, '_').slice(0, 15);

/** A message request from someone the creator doesn't follow (/i/chat/requests). */
export const DM_REQUEST = {
  id: 'priya-4004',
  title: 'Priya',
  group: false,
  messages: [
    { id: 'p1', from: 'them', sender: 'Priya', handle: 'priya.cooks', text: 'My first loaf with real ear!! Never thought I would get there without a stand mixer.', at: '2026-11-27T07:30:00.000Z' },
  ],
};

/** A kit conversation as X shows it: its X id (the URL's), inbox row key and members. */
function asXChat(conv, n, { request = false } = {}) {
  const others = [];
  for (const m of conv.messages) {
    if (m.from === 'them' && !others.some((o) => o.name === m.sender)) others.push({ name: m.sender, handle: xHandle(m.handle) });
  }
  // Group ids are opaque tokens; a 1:1 conversation is the two user ids.
  const otherId = `17${String(n).padStart(2, '0')}00000000000${String(n * 1001).padStart(4, '0')}`;
  const id = conv.group ? `g18600000000000${String(n * 1001).padStart(4, '0')}` : `${CREATOR_USER_ID}-${otherId}`;
  const itemKey = conv.group ? id : `${CREATOR_USER_ID}:${otherId}`;
  return { kit: conv, id, itemKey, others, request };
}

/** The inbox, in order, and the requests folder. */
export const X_CHATS = CONVERSATIONS.map((conv, i) => asXChat(conv, i + 1));
export const X_REQUESTS = [asXChat(DM_REQUEST, 9, { request: true })];

/** The X chat for a chat-kit conversation id ('maria-1001'), or for its X id. */
export function xChat(id) {
  return [...X_CHATS, ...X_REQUESTS].find((c) => c.kit.id === id || c.id === id) ?? null;
}

/** Deterministic message UUIDs, as X gives every message. */
function hash(text, seed) {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
export function messageUuid(chatId, messageId) {
  const a = hash(`${chatId}:${messageId}`, 1);
  const b = hash(`${chatId}:${messageId}`, 2);
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-8${b.slice(1, 4)}-${b.slice(4, 16)}`;
}

/** "10:01 AM", as X labels a message's time (no machine time reaches the DOM). */
export function timeLabel(iso) {
  return new Date(iso).toLocaleString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
}
function dayLabel(iso) {
  const d = new Date(iso);
  return `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}`;
}

const AVATAR_COLOURS = ['#8b5a2b', '#c98c4f', '#1d9bf0', '#7856ff', '#f91880', '#00ba7c', '#ffad1f'];
function colourFor(name) {
  let sum = 0;
  for (const ch of String(name)) sum += ch.charCodeAt(0);
  return AVATAR_COLOURS[sum % AVATAR_COLOURS.length];
}
const initial = (name) => (String(name).trim()[0] ?? '?').toUpperCase();

function svgIcon(doc, d) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}
const ICONS = {
  media: 'M3 5.5C3 4.12 4.12 3 5.5 3h13C19.88 3 21 4.12 21 5.5v13c0 1.38-1.12 2.5-2.5 2.5h-13C4.12 21 3 19.88 3 18.5v-13zM5.5 5c-.28 0-.5.22-.5.5v9.09l3.5-3.5 3.5 3.5 3.5-3.5 3.5 3.5V5.5c0-.28-.22-.5-.5-.5h-13zM8.5 9.75a1.25 1.25 0 100-2.5 1.25 1.25 0 000 2.5z',
  gif: 'M3 5.5C3 4.12 4.12 3 5.5 3h13C19.88 3 21 4.12 21 5.5v13c0 1.38-1.12 2.5-2.5 2.5h-13C4.12 21 3 19.88 3 18.5v-13zM9 9H7v6h3v-2H9v-1h1v-1H9V9zm3 0h-1v6h1V9zm5 0h-3v6h1v-2h2v-1h-2v-1h2V9z',
  emoji: 'M8 9.5C8 8.67 8.67 8 9.5 8s1.5.67 1.5 1.5S10.33 11 9.5 11 8 10.33 8 9.5zm6.5 1.5c.83 0 1.5-.67 1.5-1.5S15.33 8 14.5 8 13 8.67 13 9.5s.67 1.5 1.5 1.5zM12 16c-2.22 0-3.02-1.6-3.06-1.68L7.14 15.2C7.25 15.42 8.48 18 12 18s4.75-2.58 4.86-2.8l-1.8-.88C15.02 14.4 14.22 16 12 16zm10-4c0 5.52-4.48 10-10 10S2 17.52 2 12 6.48 2 12 2s10 4.48 10 10zm-2 0c0-4.41-3.59-8-8-8s-8 3.59-8 8 3.59 8 8 8 8-3.59 8-8z',
  send: 'M2.5 3.5l19 8.5-19 8.5 2.8-8.5-2.8-8.5zm4.44 9.5l-1.6 4.9L16.6 13H6.94zm9.66-2L5.34 6.1l1.6 4.9h9.66z',
  voice: 'M12 2a3.5 3.5 0 00-3.5 3.5v6a3.5 3.5 0 007 0v-6A3.5 3.5 0 0012 2zm-5.5 9.5h-2a7.5 7.5 0 006.5 7.43V21h2v-2.07a7.5 7.5 0 006.5-7.43h-2a5.5 5.5 0 01-11 0z',
  info: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z',
  play: 'M8 5v14l11-7z',
};

/** The chat's own styles (X ships them into the shadow root): Tailwind-like utilities. */
const CSS = `
:host { display: block; flex: 1; min-width: 0; }
* { box-sizing: border-box; }
a { color: inherit; text-decoration: none; }
.xchat { display: grid; grid-template-columns: 380px minmax(0, 1fr); height: 100vh; color: #0f1419;
  font: 15px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; border-left: 1px solid #eff3f4; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.flex { display: flex; } .justify-end { justify-content: flex-end; } .justify-start { justify-content: flex-start; }
.whitespace-pre-wrap { white-space: pre-wrap; overflow-wrap: anywhere; }
.user-select-none { user-select: none; }
.inbox { border-right: 1px solid #eff3f4; display: flex; flex-direction: column; min-height: 0; }
.inbox-head { display: flex; align-items: center; justify-content: space-between; padding: 0 16px; height: 53px; }
.inbox-head h2 { font-size: 20px; margin: 0; }
.tabs { display: flex; gap: 8px; padding: 4px 16px 8px; }
.tabs a { padding: 6px 14px; border-radius: 9999px; border: 1px solid #cfd9de; font-weight: 700; font-size: 14px; }
.tabs a[aria-current="page"] { background: #0f1419; color: #fff; border-color: #0f1419; }
.scroller { overflow-y: auto; min-height: 0; flex: 1; }
.item a { display: flex; gap: 12px; padding: 12px 16px; }
.item:hover, .item[aria-selected="true"] { background: #f7f9f9; }
.item[aria-selected="true"] { box-shadow: inset -2px 0 0 #1d9bf0; }
.avatar { width: 40px; height: 40px; border-radius: 50%; color: #fff; display: grid; place-items: center; font-weight: 700; flex: none; }
.avatar.small { width: 28px; height: 28px; font-size: 12px; }
.item-body { min-width: 0; flex: 1; }
.item-top { display: flex; gap: 4px; }
.item-name { font-weight: 700; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 200px; }
.item-time, .item-preview, .muted { color: #536471; }
.item-preview { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.request-info { color: #536471; padding: 8px 16px 12px; font-size: 14px; }
.empty { display: grid; place-items: center; align-content: center; gap: 8px; color: #536471; }
.empty h3 { color: #0f1419; font-size: 31px; line-height: 36px; margin: 0; }
.panel { display: flex; flex-direction: column; min-height: 0; height: 100vh; }
.conv-header { display: flex; align-items: center; gap: 12px; padding: 0 16px; height: 53px; border-bottom: 1px solid #eff3f4; flex: none; }
.conv-header .avatars { display: flex; }
.conv-header .avatars a + a { margin-left: -10px; border: 2px solid #fff; }
.conv-names { flex: 1; min-width: 0; }
[data-testid="dm-conversation-username"] { font-weight: 700; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.conv-sub { color: #536471; font-size: 13px; line-height: 16px; }
.icon-button { background: none; border: 0; width: 36px; height: 36px; border-radius: 50%; color: #1d9bf0; display: grid; place-items: center; cursor: pointer; padding: 0; }
.icon-button:hover { background: #e8f5fd; }
.icon-button svg, .send svg { width: 20px; height: 20px; fill: currentColor; }
.messages { flex: 1; overflow-y: auto; padding: 16px; min-height: 0; }
[data-testid="dm-message-list"] { display: flex; flex-direction: column; gap: 2px; }
.msg-row { gap: 8px; align-items: flex-end; }
.msg-col { display: flex; flex-direction: column; max-width: 75%; min-width: 0; }
.justify-end .msg-col { align-items: flex-end; }
.sender-name { color: #536471; font-size: 13px; margin: 8px 0 2px 12px; }
.avatar-slot { width: 28px; flex: none; }
.bubble { padding: 10px 14px; border-radius: 22px; background: #eff3f4; color: #0f1419; min-width: 0; }
.justify-end .bubble { background: #1d9bf0; color: #fff; }
.time-deco { font-size: 11px; margin-left: 8px; opacity: .7; float: right; margin-top: 4px; }
.media-photo { display: block; width: 220px; height: 160px; border-radius: 16px; background: linear-gradient(135deg, #c98c4f, #8b5a2b); color: #fff; }
.media-voice { display: flex; align-items: center; gap: 8px; min-width: 200px; }
.media-voice .wave { flex: 1; height: 18px; background: repeating-linear-gradient(90deg, currentColor 0 2px, transparent 2px 5px); opacity: .6; border-radius: 2px; }
.media-voice button { border: 0; border-radius: 50%; width: 28px; height: 28px; display: grid; place-items: center; background: #0f1419; color: #fff; padding: 0; }
.media-voice button svg { width: 16px; height: 16px; fill: currentColor; }
.pending { opacity: .6; }
.request-prompt { border-top: 1px solid #eff3f4; padding: 12px 16px; color: #536471; font-size: 14px; display: flex; gap: 12px; align-items: center; }
.request-prompt button { border-radius: 9999px; border: 1px solid #cfd9de; background: #fff; font-weight: 700; padding: 6px 16px; }
.composer-area { border-top: 1px solid #eff3f4; padding: 8px 12px; flex: none; }
.composer { display: flex; align-items: flex-end; gap: 4px; background: #eff3f4; border-radius: 16px; padding: 4px; }
.tools { display: flex; }
.input-wrap { flex: 1; min-width: 0; padding: 8px 4px; }
textarea[data-testid="dm-composer-textarea"] { width: 100%; border: 0; outline: none; background: transparent; resize: none; font: inherit; color: inherit; max-height: 160px; display: block; }
.send { background: none; border: 0; width: 36px; height: 36px; border-radius: 50%; color: #1d9bf0; display: grid; place-items: center; cursor: pointer; padding: 0; }
`;

/**
 * A message list as X virtualizes it: a window of at most `pool` rows showing the newest
 * messages, each row node reused in place for another message as the list scrolls.
 */
function chatList({ container, pool, createRow, renderRow }) {
  const rows = [];
  let items = [];
  let first = 0;
  function draw() {
    rows.forEach((row, i) => renderRow(row, items, first + i));
  }
  return {
    rows: () => rows,
    items: () => items,
    /** Show these messages, scrolled to the newest. */
    set(next) {
      items = next;
      const want = Math.min(pool, items.length);
      while (rows.length < want) {
        const row = createRow();
        rows.push(row);
        container.append(row);
      }
      while (rows.length > want) rows.pop().remove();
      first = items.length - rows.length;
      draw();
    },
    redraw: draw,
    /**
     * Recycle the pool as a scrolling virtualizer does: the top row's node moves to the bottom
     * and every row gets the message of its new place, so each node now shows another message
     * while the view stays the same.
     */
    recycle() {
      if (rows.length < 2) return;
      const row = rows.shift();
      rows.push(row);
      container.append(row);
      draw();
    },
  };
}

/**
 * Mount X's chat UI into `container`: the embed route host and its open shadow root. `navigate`
 * is the app's router (links inside the shadow root reach it here: a click's target outside is
 * the host). `onSend({ text })` is called for a message the site sends (Enter, Send).
 */
export function mountChat(doc, container, { navigate = () => {}, onSend = () => {}, pool = 40 } = {}) {
  const host = h(doc, 'div', { 'data-testid': 'xchatEmbedRoute', class: 'x-chat-host' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const app = h(doc, 'div', { class: 'xchat' });
  shadow.append(style, app);
  container.append(host);

  shadow.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    const url = new URL(link.getAttribute('href'), doc.defaultView?.location.href ?? 'https://x.com/');
    if (url.origin !== (doc.defaultView?.location.origin ?? url.origin)) return;
    event.preventDefault();
    navigate(url.href);
  });

  const inbox = h(doc, 'section', { 'data-testid': 'dm-inbox-panel', class: 'inbox', 'aria-label': 'Chat' });
  let side = h(doc, 'div', { class: 'empty' });
  app.append(inbox, side);

  let open = null;

  function inboxItem(chat, selected, { request = false } = {}) {
    const conv = chat.kit;
    const last = conv.messages[conv.messages.length - 1];
    const preview = last?.media ? MEDIA_LABELS[last.media] : (last?.text ?? '');
    const testid = `${request ? 'dm-message-request-item' : 'dm-conversation-item'}-${chat.itemKey}`;
    return h(doc, 'div', { 'data-testid': testid, role: 'listitem', class: 'item', 'aria-selected': String(selected) }, [
      h(doc, 'a', { href: `/i/chat/${chat.id}`, role: 'link' }, [
        h(doc, 'div', { class: 'avatar', style: `background:${colourFor(conv.title)}`, 'aria-hidden': 'true' }, [initial(conv.title)]),
        h(doc, 'div', { class: 'item-body' }, [
          h(doc, 'div', { class: 'item-top' }, [
            h(doc, 'span', { class: 'item-name', dir: 'auto' }, [conv.title]),
            last?.at ? h(doc, 'span', { class: 'item-time' }, [`· ${dayLabel(last.at)}`]) : null,
          ]),
          h(doc, 'div', { class: 'item-preview', dir: 'auto' }, [preview.slice(0, 80)]),
        ]),
      ]),
    ]);
  }

  /** The inbox panel: all conversations, or the requests folder. */
  function drawInbox(folder) {
    const selectedId = open?.chat.id;
    const tabs = h(doc, 'nav', { class: 'tabs', 'aria-label': 'Folders' }, [
      h(doc, 'a', { href: '/i/chat', 'aria-current': folder === 'all' ? 'page' : null }, ['All']),
      h(doc, 'a', { href: '/i/chat/requests', 'aria-current': folder === 'requests' ? 'page' : null }, ['Requests']),
    ]);
    const list =
      folder === 'requests'
        ? h(doc, 'div', { 'data-testid': 'dm-message-requests', class: 'scroller' }, [
            h(doc, 'div', { class: 'request-info' }, ['Message requests from accounts you don’t follow live here. To reply to their messages, you need to accept the request.']),
            h(doc, 'div', { 'data-testid': 'dm-message-requests-scroller', role: 'list' }, X_REQUESTS.map((c) => inboxItem(c, c.id === selectedId, { request: true }))),
          ])
        : h(doc, 'div', { 'data-testid': 'dm-conversation-scroller', class: 'scroller', role: 'list' }, X_CHATS.map((c, i) => {
            const item = inboxItem(c, c.id === selectedId);
            item.setAttribute('data-index', String(i));
            return item;
          }));
    inbox.replaceChildren(h(doc, 'div', { class: 'inbox-head' }, [h(doc, 'h2', {}, ['Chat'])]), tabs, list);
  }

  function showEmpty() {
    open = null;
    const empty = h(doc, 'div', { class: 'empty' }, [
      h(doc, 'h3', {}, ['Select a message']),
      h(doc, 'div', {}, ['Choose from your existing conversations, start a new one, or just keep swimming.']),
    ]);
    side.replaceWith(empty);
    side = empty;
  }

  /** Fill one pooled row (wrapper + row nodes kept) with message `index` of `items`. */
  function renderRow(chat, wrapper, items, index) {
    const m = items[index];
    const uuid = m.uuid;
    const own = m.from === 'me';
    const group = chat.kit.group;
    const prev = items[index - 1];
    const next = items[index + 1];
    const firstOfRun = !prev || prev.from !== m.from || prev.sender !== m.sender;
    const lastOfRun = !next || next.from !== m.from || next.sender !== m.sender;
    wrapper.setAttribute('data-dm-item-key', uuid);
    const row = wrapper.firstElementChild;
    row.setAttribute('data-testid', `message-${uuid}`);
    row.setAttribute('data-dm-message-row', uuid);
    row.setAttribute('data-send-status', m.status ?? 'sent');
    row.setAttribute('class', `flex ${own ? 'justify-end' : 'justify-start'} msg-row${m.status === 'pending' ? ' pending' : ''}`);
    row.setAttribute('aria-labelledby', `${uuid}-sender ${uuid}-time ${uuid}-kind`);

    const labels = [
      h(doc, 'span', { id: `${uuid}-sender`, class: 'sr-only' }, [own ? 'You' : m.sender]),
      m.at ? h(doc, 'span', { id: `${uuid}-time`, class: 'sr-only' }, [timeLabel(m.at)]) : null,
      h(doc, 'span', { id: `${uuid}-kind`, class: 'sr-only' }, [m.media ? MEDIA_LABELS[m.media] : 'Text']),
    ];
    const deco = m.at ? h(doc, 'span', { 'aria-hidden': 'true', class: 'user-select-none time-deco' }, [timeLabel(m.at)]) : null;
    const body = [];
    if (m.media === 'photo') {
      body.push(h(doc, 'div', { role: 'group', 'aria-label': MEDIA_LABELS.photo }, [
        h(doc, 'img', { alt: MEDIA_LABELS.photo, class: 'media-photo', src: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' }),
      ]));
    } else if (m.media) {
      body.push(h(doc, 'div', { role: 'group', 'aria-label': MEDIA_LABELS[m.media], class: 'media-voice' }, [
        h(doc, 'button', { type: 'button', 'aria-label': 'Play' }, [svgIcon(doc, ICONS.play)]),
        h(doc, 'div', { class: 'wave', 'aria-hidden': 'true' }),
        h(doc, 'span', {}, ['0:12']),
      ]));
    }
    if (m.text) {
      body.push(h(doc, 'div', { 'data-testid': `message-text-${uuid}` }, [
        h(doc, 'span', { dir: 'auto', class: 'whitespace-pre-wrap' }, [m.text]),
        deco,
      ]));
    } else if (deco) {
      body.push(deco);
    }
    const bubble = h(doc, 'div', { 'data-dm-message-focus-target': '', tabindex: '0', class: 'bubble' }, body);
    const col = h(doc, 'div', { class: 'msg-col' }, [group && !own && firstOfRun ? h(doc, 'div', { class: 'sender-name', 'aria-hidden': 'true' }, [m.sender]) : null, bubble]);
    // In a group X shows the member's avatar beside the last message of their run.
    const avatar =
      group && !own
        ? lastOfRun && m.handle
          ? h(doc, 'a', { href: `/${m.handle}`, class: 'avatar small', style: `background:${colourFor(m.sender)}`, 'aria-label': m.sender }, [initial(m.sender)])
          : h(doc, 'div', { class: 'avatar-slot' })
        : null;
    row.replaceChildren(...[...labels, avatar, col].filter(Boolean));
  }

  /** Open a conversation (an entry of X_CHATS / X_REQUESTS) with `count` messages if given. */
  function openChat(chat, { count } = {}) {
    const conv = chat.kit;
    const toItem = (m) => ({ ...m, handle: m.handle ? xHandle(m.handle) : undefined, uuid: messageUuid(chat.id, m.id), status: 'sent' });
    const other = conv.messages.find((m) => m.from === 'them') ?? conv.messages[0];
    const history = [];
    for (let i = 0; count && conv.messages.length + history.length < count; i++) history.push(fillerMessage(i, other));
    const items = [...history, ...conv.messages].map(toItem);

    const header = h(doc, 'div', { 'data-testid': 'dm-conversation-header', class: 'conv-header' }, [
      h(doc, 'div', { class: 'avatars' }, chat.others.map((o) =>
        h(doc, 'a', { href: `/${o.handle}`, class: conv.group ? 'avatar small' : 'avatar', style: `background:${colourFor(o.name)}`, 'aria-label': o.name }, [initial(o.name)]),
      )),
      h(doc, 'div', { class: 'conv-names' }, [
        h(doc, 'div', { 'data-testid': 'dm-conversation-username' }, [h(doc, 'div', {}, [h(doc, 'div', { dir: 'auto' }, [conv.title])])]),
        h(doc, 'div', { class: 'conv-sub' }, [conv.group ? `${chat.others.length + 1} people` : `@${chat.others[0]?.handle ?? ''}`]),
      ]),
      h(doc, 'button', { type: 'button', class: 'icon-button', 'aria-label': 'Conversation info' }, [svgIcon(doc, ICONS.info)]),
    ]);
    const listEl = h(doc, 'div', { 'data-testid': 'dm-message-list', role: 'list' });
    const scroller = h(doc, 'div', { 'data-testid': 'dm-message-scroller', class: 'messages' }, [listEl]);

    const model = reactTextarea(doc, { 'data-testid': 'dm-composer-textarea', placeholder: 'Start a message', 'aria-label': 'Start a message', rows: '1', dir: 'auto' });
    const sendMessage = (text) => {
      onSend({ text });
      appendOwn(text);
    };
    const guard = guardEnterToSend(model.editor, () => {
      const text = model.state();
      if (!text.trim()) return;
      sendMessage(text);
      model.clear();
    });
    const send = submitButton(doc, model, { label: '', attrs: { 'data-testid': 'dm-composer-send-button', 'aria-label': 'Send', class: 'send' }, onSubmit: sendMessage });
    send.append(svgIcon(doc, ICONS.send));
    const voice = h(doc, 'button', { type: 'button', 'data-testid': 'dm-composer-voice-button', 'aria-label': 'Voice message', class: 'send' }, [svgIcon(doc, ICONS.voice)]);
    const sendSlot = h(doc, 'div', { class: 'send-slot' }, [voice]);
    model.onChange((text) => {
      // X renders the send button only while there is text; a voice button otherwise.
      const want = text.trim() ? send : voice;
      if (sendSlot.firstElementChild !== want) sendSlot.replaceChildren(want);
      model.editor.style.height = 'auto';
      if (model.editor.scrollHeight) model.editor.style.height = `${model.editor.scrollHeight}px`;
    });
    const tool = (label, icon) => h(doc, 'button', { type: 'button', class: 'icon-button', 'aria-label': label }, [svgIcon(doc, icon)]);
    const form = h(doc, 'form', { 'data-testid': 'dm-composer-form', class: 'composer' }, [
      h(doc, 'div', { class: 'tools' }, [tool('Add photos or video', ICONS.media), tool('Add a GIF', ICONS.gif), tool('Add emoji', ICONS.emoji)]),
      h(doc, 'div', { class: 'input-wrap' }, [model.editor]),
      sendSlot,
    ]);
    form.addEventListener('submit', (event) => event.preventDefault());
    const area = h(doc, 'div', { class: 'composer-area' }, [form]);
    const prompt = chat.request
      ? h(doc, 'div', { 'data-testid': 'dm-message-request-prompt', class: 'request-prompt' }, [
          h(doc, 'span', {}, [`${conv.title} wants to chat with you.`]),
          h(doc, 'button', { type: 'button' }, ['Accept']),
          h(doc, 'button', { type: 'button' }, ['Delete']),
        ])
      : null;
    const panel = h(doc, 'section', { 'data-testid': 'dm-conversation-panel', class: 'panel', 'aria-label': 'Conversation' }, [header, scroller, prompt, area]);
    side.replaceWith(panel);
    side = panel;

    const list = chatList({
      container: listEl,
      pool,
      createRow: () => h(doc, 'div', { 'data-dm-item-key': '' }, [h(doc, 'div', { 'data-dm-message-row': '' })]),
      renderRow: (wrapper, all, index) => renderRow(chat, wrapper, all, index),
    });
    list.set(items);
    scroller.scrollTop = scroller.scrollHeight;

    let counter = 0;
    function append(message) {
      list.set([...list.items(), message]);
      scroller.scrollTop = scroller.scrollHeight;
      return message;
    }
    function appendOwn(text) {
      counter += 1;
      const message = append({ id: `s${counter}`, uuid: messageUuid(chat.id, `s${counter}:${Date.now()}`), from: 'me', sender: 'You', text, at: new Date().toISOString(), status: 'pending' });
      // X shows the message pending until the server acknowledges it.
      setTimeout(() => {
        message.status = 'sent';
        list.redraw();
      }, 50);
      return message;
    }

    open = {
      chat,
      panel,
      header,
      form,
      area,
      model,
      list,
      send,
      composerState: () => model.state(),
      keyEvents: () => guard.syntheticKeyEvents(),
      receive(text) {
        const last = [...list.items()].reverse().find((m) => m.from === 'them') ?? other;
        counter += 1;
        append({ id: `r${counter}`, uuid: messageUuid(chat.id, `r${counter}:${Date.now()}`), from: 'them', sender: last.sender, handle: last.handle ? xHandle(last.handle) : undefined, text, at: new Date().toISOString(), status: 'sent' });
      },
      showSent(text) {
        appendOwn(text);
        model.clear();
      },
      fill(n) {
        const items = list.items();
        const extra = [];
        for (let i = 0; items.length + extra.length < n; i++) {
          const m = fillerMessage(items.length + i, other);
          extra.push({ ...m, handle: m.handle ? xHandle(m.handle) : undefined, uuid: messageUuid(chat.id, m.id), status: 'sent' });
        }
        // Older history, loaded above what shows.
        list.set([...extra, ...items]);
        return list.items().length;
      },
      recycle: () => list.recycle(),
    };
    return open;
  }

  return {
    host,
    shadow,
    /** The conversation on screen, or null. */
    open: () => open,
    /** /i/chat or /i/chat/requests: the inbox panel with no conversation open. */
    showInbox(folder = 'all') {
      showEmpty();
      drawInbox(folder);
    },
    /** /i/chat/ID: the conversation with this X id (or chat-kit id); the inbox stays beside it. */
    openConversation(id, options = {}) {
      const chat = xChat(id);
      if (!chat) {
        showEmpty();
        drawInbox('all');
        return null;
      }
      const opened = openChat(chat, options);
      drawInbox(chat.request ? 'requests' : 'all');
      return opened;
    },
    remove: () => host.remove(),
  };
}
