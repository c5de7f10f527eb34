/**
 * Instagram direct-message markup for the fixture app (app.js) and the DM adapter's unit tests
 * (lib/sites/instagram-dm.test.ts), so both read one markup. Modelled on
 * docs/sites-reference.md ("Instagram", DMs): every line of the thread is a div[role=row]; a
 * message's bubble is a [role=presentation] inside it; time separators are rows without a
 * bubble. Nothing marks a message as the creator's own except how it is drawn: Instagram lines
 * the creator's bubbles up at the end of the row (flex-end) and paints them blue, the other
 * side's at the start in grey. In a group, the sender's name sits on a line above the first
 * bubble of each run, and the sender's avatar (a link to their profile) beside the last one.
 * Class names are Instagram-style atomic ones; the styles behind them are in DM_CSS, which
 * `installDmStyles` adds to the document (the page and happy-dom compute them alike).
 *
 * The message list is CSS-inverted as Instagram's is (a column-reverse scroller, newest at
 * scrollTop 0) around a list in chronological order, and virtualized: a fixed pool of row nodes
 * showing the newest lines, refilled in place when the window moves.
 *
 * The composer is Lexical-like (composers.js `lexical`, the editor Instagram's DMs are believed
 * to use): div[contenteditable][role=textbox] labelled "Message", Enter sends
 * (chat-kit guardEnterToSend). Its Send control, a div[role=button] reading "Send", exists only
 * while the composer holds text; the voice, photo and like icons stand there otherwise.
 *
 * Text is set with textContent and attributes only: the data is hostile on purpose.
 */
import { h } from '../shared/kit.js';
import { lexical } from '../shared/composers.js';
import { CONVERSATIONS, MEDIA_LABELS, fillerMessage, guardEnterToSend } from '../shared/chat-kit.js';

export { CONVERSATIONS, DM_GROUP, DM_HOSTILE, DM_ONE_TO_ONE, MEDIA_LABELS } from '../shared/chat-kit.js';

/** Rows the list keeps mounted (Instagram renders a window of the newest lines). */
export const POOL_SIZE = 40;

/** A separator row goes before a message sent more than this long after the one before. */
const SEPARATOR_GAP_MS = 60 * 60 * 1000;

export const DM_CSS = `
  .fx-dm-page { display: flex; height: 100vh; margin: -24px 0; }
  .fx-dm-side { width: 350px; flex: none; border-right: 1px solid #dbdbdb; overflow-y: auto; }
  .fx-dm-side-head { display: flex; align-items: center; justify-content: space-between; padding: 28px 24px 12px; font-size: 20px; }
  .fx-dm-side-head h1 { font-size: 20px; margin: 0; font-weight: 700; }
  .fx-dm-tabs { display: flex; gap: 24px; padding: 8px 24px 12px; font-size: 15px; }
  .fx-dm-tab { color: #737373; }
  .fx-dm-tab[aria-selected="true"] { color: #000; }
  .fx-dm-inbox-list .fx-dm-item { display: flex; align-items: center; gap: 12px; padding: 8px 24px; }
  .fx-dm-inbox-list .fx-dm-item:hover { background: #fafafa; }
  .fx-dm-inbox-list .fx-dm-item[aria-current="page"] { background: #efefef; }
  .fx-dm-inbox-list .fx-avatar { width: 56px; height: 56px; font-size: 18px; }
  .fx-dm-item-text { display: grid; gap: 2px; min-width: 0; }
  .fx-dm-item-text span { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .fx-dm-empty { flex: 1; display: grid; place-content: center; justify-items: center; gap: 8px; }
  .fx-dm-empty-icon { font-size: 56px; border: 2px solid #000; border-radius: 50%; width: 96px; height: 96px; display: grid; place-items: center; }
  .fx-dm-empty h2 { margin: 0; font-size: 20px; font-weight: 400; }
  .fx-dm-page > .fx-dm-thread { flex: 1; }
  .fx-dm-thread { display: flex; flex-direction: column; height: 100%; min-width: 0; background: #fff; }
  .fx-dm-head { display: flex; align-items: center; gap: 12px; padding: 12px 16px; border-bottom: 1px solid #dbdbdb; min-height: 50px; }
  .fx-dm-head h2 { margin: 0; font-size: 16px; font-weight: 600; line-height: 20px; }
  .fx-dm-head .fx-dm-sub { color: #737373; font-size: 12px; }
  .fx-dm-head .fx-dm-icons { margin-left: auto; display: flex; gap: 16px; font-size: 20px; }
  .fx-dm-scroll { flex: 1; overflow-y: auto; display: flex; flex-direction: column-reverse; padding: 0 16px; }
  .fx-dm-list { display: flex; flex-direction: column; padding: 16px 0 8px; }
  div[role="row"][hidden] { display: none; }
  .x78zum5 { display: flex; }
  .x13a6bvl { justify-content: flex-end; }
  .x1nhvcw1 { justify-content: flex-start; }
  .xdt5ytf { flex-direction: column; }
  .xuk3077 { align-items: flex-end; }
  .x1cy8zhl { align-items: flex-start; }
  .fx-dm-line { gap: 8px; padding: 1px 0; }
  .fx-dm-avatar-slot { width: 28px; flex: none; align-self: flex-end; }
  .fx-dm-avatar-slot .fx-avatar { width: 28px; height: 28px; font-size: 11px; }
  .fx-dm-col { max-width: 70%; min-width: 0; }
  .fx-dm-name { color: #737373; font-size: 12px; padding: 8px 12px 2px; }
  .fx-dm-bubble { border-radius: 18px; padding: 7px 12px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 20px; }
  .xo1l8bm { background-color: rgb(55, 151, 240); color: #fff; }
  .x1vjfegm { background-color: rgb(239, 239, 239); color: #000; }
  .fx-dm-media { padding: 0; background: none; }
  .fx-dm-photo { width: 180px; height: 220px; border-radius: 18px; background: linear-gradient(135deg, #3b2a1a, #c98c4f); }
  .fx-dm-voice { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-radius: 18px; background-color: rgb(239, 239, 239); }
  .xuk3077 .fx-dm-voice { background-color: rgb(55, 151, 240); color: #fff; }
  .fx-dm-wave { width: 110px; height: 18px; background: repeating-linear-gradient(90deg, currentColor 0 2px, transparent 2px 5px); opacity: .6; }
  .fx-dm-shared { display: block; width: 200px; border-radius: 18px; overflow: hidden; border: 1px solid #dbdbdb; background: #fff; color: #000; }
  .fx-dm-shared .fx-dm-shared-media { height: 120px; background: linear-gradient(160deg, #6b3f1d, #e7c9a0); }
  .fx-dm-shared span { display: block; padding: 8px 12px; font-size: 13px; }
  .fx-dm-sep { justify-content: center; color: #737373; font-size: 12px; padding: 14px 0 6px; }
  .fx-dm-composer { padding: 12px 16px 16px; }
  .fx-dm-box { display: flex; align-items: center; gap: 10px; border: 1px solid #dbdbdb; border-radius: 22px; padding: 0 14px; min-height: 44px; }
  .fx-dm-box [role="textbox"] { flex: 1; outline: 0; max-height: 120px; overflow-y: auto; padding: 10px 0; line-height: 20px; }
  .fx-dm-box [role="textbox"] p { margin: 0; }
  .fx-dm-box [role="button"] { cursor: pointer; font-size: 20px; }
  .fx-dm-box .fx-dm-send { color: #0095f6; font-weight: 600; font-size: 14px; }
  .fx-dm-request { border-top: 1px solid #dbdbdb; padding: 16px; text-align: center; display: grid; gap: 10px; }
  .fx-dm-request .fx-dm-request-actions { display: flex; border-top: 1px solid #dbdbdb; }
  .fx-dm-request [role="button"] { flex: 1; padding: 12px; font-weight: 600; cursor: pointer; }
`;

/** Adds DM_CSS to the document once. */
export function installDmStyles(doc) {
  if (doc.getElementById('fx-dm-css')) return;
  const style = h(doc, 'style', { id: 'fx-dm-css' });
  style.textContent = DM_CSS;
  doc.head.append(style);
}

const AVATAR_COLOURS = ['#c98c4f', '#8b5a2b', '#d2a56d', '#6b3f1d', '#b0764a', '#e0a96d'];

export function avatar(doc, handle = '?') {
  const dot = h(doc, 'span', { class: 'fx-avatar' }, [handle.slice(0, 1).toUpperCase()]);
  dot.style.background = AVATAR_COLOURS[handle.length % AVATAR_COLOURS.length];
  return dot;
}

/** "Nov 26, 6:01 PM", as a separator row shows it (UTC, so tests read the same text). */
export function separatorLabel(iso) {
  return new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
}

/**
 * The lines a conversation shows, in order: separators and messages. A message knows whether
 * it starts and ends its sender's run (the name line above the first, the avatar beside the
 * last). `group` shows name lines.
 */
export function linesOf(messages, group) {
  const lines = [];
  let previous = null;
  messages.forEach((message, i) => {
    const gap = previous?.at && message.at ? Date.parse(message.at) - Date.parse(previous.at) : 0;
    const separated = message.at && (!previous || gap > SEPARATOR_GAP_MS);
    if (separated) lines.push({ kind: 'separator', label: separatorLabel(message.at) });
    const next = messages[i + 1];
    const sameAs = (other) => other && other.from === message.from && other.sender === message.sender;
    const nextSeparated = next?.at && message.at && Date.parse(next.at) - Date.parse(message.at) > SEPARATOR_GAP_MS;
    lines.push({
      kind: 'message',
      message,
      group,
      runStart: separated || !sameAs(previous),
      runEnd: nextSeparated || !sameAs(next),
    });
    previous = message;
  });
  return lines;
}

function mediaBubble(doc, message) {
  const label = MEDIA_LABELS[message.media] ?? message.media;
  if (message.media === 'voice') {
    return h(doc, 'div', { class: 'fx-dm-voice' }, [
      h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Play' }, ['▶']),
      h(doc, 'div', { role: 'img', 'aria-label': label, class: 'fx-dm-wave' }),
      h(doc, 'span', {}, ['0:07']),
    ]);
  }
  return h(doc, 'div', { role: 'img', 'aria-label': label, class: 'fx-dm-photo' });
}

/** The bubble's content: text, media, or a shared post (a link to it with its caption). */
function bubbleContent(doc, message) {
  if (message.shared) {
    return h(doc, 'a', { href: `/p/${message.shared.code}/`, role: 'link', class: 'fx-dm-shared' }, [
      h(doc, 'div', { class: 'fx-dm-shared-media' }),
      h(doc, 'span', { dir: 'auto' }, [message.shared.title]),
    ]);
  }
  if (message.media) return mediaBubble(doc, message);
  return h(doc, 'div', { dir: 'auto', class: 'html-div' }, [message.text]);
}

/** An empty row node of the list (the pool's unit). */
export function createRow(doc) {
  return h(doc, 'div', { role: 'row', class: 'x1n2onr6' });
}

/**
 * Show `line` in `row`, in place: the row node stays, what is inside is remounted (React
 * remounts a different component type; a message in place of a message keeps the row).
 */
export function fillRow(doc, row, line) {
  row.hidden = false;
  if (line.kind === 'separator') {
    row.replaceChildren(h(doc, 'div', { class: 'x78zum5 fx-dm-sep' }, [h(doc, 'span', { dir: 'auto' }, [line.label])]));
    return;
  }
  const { message, group, runStart, runEnd } = line;
  const mine = message.from === 'me';
  const slot = h(doc, 'div', { class: 'fx-dm-avatar-slot' });
  if (!mine && runEnd && message.handle) {
    slot.append(h(doc, 'a', { href: `/${message.handle}/`, role: 'link', tabindex: '-1' }, [avatar(doc, message.handle)]));
  }
  const nameLine = !mine && group && runStart ? h(doc, 'span', { dir: 'auto', class: 'fx-dm-name' }, [message.sender]) : null;
  const bubble = h(doc, 'div', { role: 'presentation', class: `fx-dm-bubble ${message.media || message.shared ? 'fx-dm-media' : mine ? 'xo1l8bm' : 'x1vjfegm'}` }, [
    bubbleContent(doc, message),
  ]);
  const col = h(doc, 'div', { class: `x78zum5 xdt5ytf fx-dm-col ${mine ? 'xuk3077' : 'x1cy8zhl'}` }, [nameLine, bubble]);
  row.replaceChildren(h(doc, 'div', { class: `x78zum5 fx-dm-line ${mine ? 'x13a6bvl' : 'x1nhvcw1'}` }, [mine ? null : slot, col]));
}

/**
 * A virtualized, inverted message list: the newest POOL_SIZE lines in a pool of row nodes.
 * `showTail()` fills the pool with the newest lines; `shift(n)` shows the window `n` lines older
 * in the same nodes.
 */
export function messageList(doc, { poolSize = POOL_SIZE } = {}) {
  const list = h(doc, 'div', { class: 'fx-dm-list' });
  const scroller = h(doc, 'div', { class: 'fx-dm-scroll', tabindex: '-1' }, [list]);
  const rows = [];
  let lines = [];
  function showWindow(offset) {
    const count = Math.min(poolSize, lines.length);
    while (rows.length < count) {
      const row = createRow(doc);
      rows.push(row);
      list.append(row);
    }
    const start = Math.max(0, lines.length - count - offset);
    rows.forEach((row, i) => {
      const line = lines[start + i];
      if (i < count && line) fillRow(doc, row, line);
      else {
        row.hidden = true;
        row.replaceChildren();
      }
    });
  }
  return {
    scroller,
    list,
    rows: () => rows,
    setLines(next) {
      lines = next;
      showWindow(0);
    },
    showTail: () => showWindow(0),
    shift: (n) => showWindow(n),
  };
}

function header(doc, conversation) {
  const other = conversation.messages.find((m) => m.from === 'them');
  const link = conversation.group
    ? h(doc, 'div', { role: 'button', tabindex: '0' }, [avatar(doc, conversation.title)])
    : h(doc, 'a', { href: `/${other?.handle ?? ''}/`, role: 'link', tabindex: '0' }, [avatar(doc, other?.handle)]);
  return h(doc, 'div', { class: 'fx-dm-head' }, [
    link,
    h(doc, 'div', {}, [
      h(doc, 'h2', {}, [h(doc, 'span', { dir: 'auto' }, [conversation.title])]),
      h(doc, 'div', { class: 'fx-dm-sub' }, [conversation.group ? `${new Set(conversation.messages.filter((m) => m.from === 'them').map((m) => m.sender)).size + 1} members` : other?.handle ?? '']),
    ]),
    h(doc, 'div', { class: 'fx-dm-icons' }, [
      h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Audio call' }, ['✆']),
      h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Video call' }, ['▭']),
      h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Conversation information' }, ['⋯']),
    ]),
  ]);
}

/**
 * The message composer: the Lexical-like textbox labelled "Message" between the emoji button
 * and the icons, which give way to "Send" while it holds text. `onSend(text)` is the site
 * sending (Enter or Send); the box clears after.
 */
export function buildComposer(doc, { onSend }) {
  const composer = lexical(doc, { 'aria-label': 'Message', 'aria-placeholder': 'Message...', spellcheck: 'true', class: 'xzsf02u x1a2a7pz' });
  const send = h(doc, 'div', { role: 'button', tabindex: '0', class: 'x1i10hfl fx-dm-send' }, ['Send']);
  const icons = [
    h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Voice Clip' }, ['◉']),
    h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Add Photo or Video' }, ['▣']),
    h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Like' }, ['♡']),
  ];
  const emoji = h(doc, 'div', { role: 'button', tabindex: '0', 'aria-label': 'Choose an emoji' }, ['☺']);
  const box = h(doc, 'div', { class: 'x78zum5 fx-dm-box' }, [emoji, composer.editor, ...icons]);
  const sendNow = () => {
    const text = composer.state();
    if (!text.trim()) return;
    onSend(text);
    composer.clear();
  };
  const guard = guardEnterToSend(composer.editor, sendNow);
  send.addEventListener('click', sendNow);
  composer.onChange((text) => {
    // Instagram swaps its icons for Send while there is something to send.
    const hasText = Boolean(text.trim());
    if (hasText && !send.isConnected) {
      for (const icon of icons) icon.remove();
      box.append(send);
    } else if (!hasText && send.isConnected) {
      send.remove();
      box.append(...icons);
    }
  });
  const container = h(doc, 'div', { class: 'fx-dm-composer' }, [box]);
  return { container, box, composer, send, keyEvents: guard.syntheticKeyEvents };
}

/**
 * The open conversation: header, the inverted virtualized list, and the composer (or, for a
 * message request not yet accepted, the request bar with Accept in its place).
 * `options.count`: grow the conversation to this many messages with older filler history.
 */
export function buildThread(doc, conversation, { count = 0, onSend = () => {}, request = false, poolSize = POOL_SIZE } = {}) {
  installDmStyles(doc);
  const messages = conversation.messages.map((m) => ({ ...m }));
  const other = conversation.messages.find((m) => m.from === 'them');
  const list = messageList(doc, { poolSize });
  const render = () => list.setLines(linesOf(messages, conversation.group));
  const thread = {
    conversation,
    messages,
    list,
    pane: null,
    composer: null,
    keyEvents: () => 0,
    render,
    /** A message from the other side (the latest sender) arrives. */
    receive(text) {
      const last = [...messages].reverse().find((m) => m.from === 'them') ?? other;
      messages.push({ id: `r${messages.length}`, from: 'them', sender: last?.sender ?? conversation.title, handle: last?.handle, text, at: new Date().toISOString() });
      render();
    },
    /** The creator's own message shows as sent. */
    showSent(text) {
      messages.push({ id: `s${messages.length}`, from: 'me', sender: 'You', text, at: new Date().toISOString() });
      render();
    },
    /** Older history, so the conversation holds `n` messages; returns how many it holds. */
    fill(n) {
      const missing = n - messages.length;
      if (missing > 0) {
        const older = [];
        for (let i = 0; i < missing; i++) older.push(fillerMessage(i, other));
        messages.unshift(...older);
        render();
      }
      return messages.length;
    },
  };
  if (count) thread.fill(count);
  else render();

  const bottom = request ? requestBar(doc, conversation, () => mountComposer()) : null;
  function mountComposer() {
    const built = buildComposer(doc, {
      onSend(text) {
        onSend(text);
        thread.showSent(text);
      },
    });
    thread.composer = built;
    thread.keyEvents = built.keyEvents;
    if (bottom) bottom.replaceWith(built.container);
    return built.container;
  }
  thread.pane = h(doc, 'section', { class: 'x1n2onr6 fx-dm-thread' }, [header(doc, conversation), list.scroller, bottom ?? mountComposer()]);
  return thread;
}

/** A message request: Instagram shows Block / Delete / Accept until the creator accepts. */
function requestBar(doc, conversation, accept) {
  const acceptButton = h(doc, 'div', { role: 'button', tabindex: '0' }, ['Accept']);
  const bar = h(doc, 'div', { class: 'fx-dm-request' }, [
    h(doc, 'span', { dir: 'auto' }, [`Accept message request from ${conversation.title}?`]),
    h(doc, 'span', { class: 'fx-muted fx-small' }, ["If you accept, they will also be able to call you and see info such as your activity status and when you've read messages."]),
    h(doc, 'div', { class: 'fx-dm-request-actions' }, [
      h(doc, 'div', { role: 'button', tabindex: '0' }, ['Block']),
      h(doc, 'div', { role: 'button', tabindex: '0' }, ['Delete']),
      acceptButton,
    ]),
  ]);
  acceptButton.addEventListener('click', () => accept());
  return bar;
}

/** The inbox's conversation list: a link per conversation, the open one aria-current. */
export function buildInboxList(doc, conversations, { openId = null, base = '/direct/t/' } = {}) {
  return h(
    doc,
    'div',
    { class: 'fx-dm-inbox-list', 'aria-label': 'Thread list', role: 'list' },
    conversations.map((c) => {
      const last = c.messages[c.messages.length - 1];
      const preview = last ? (last.media ? `${last.from === 'me' ? 'You' : last.sender} sent a ${(MEDIA_LABELS[last.media] ?? '').toLowerCase()}` : last.text) : '';
      return h(doc, 'div', { role: 'listitem' }, [
        h(doc, 'a', { href: `${base}${c.id}/`, role: 'link', class: 'fx-dm-item', 'aria-current': c.id === openId ? 'page' : null }, [
          avatar(doc, c.title.replace(/[^\w]/g, '') || 'x'),
          h(doc, 'div', { class: 'fx-dm-item-text' }, [
            h(doc, 'span', { dir: 'auto', class: 'fx-bold' }, [c.title]),
            h(doc, 'span', { dir: 'auto', class: 'fx-muted fx-small' }, [preview.slice(0, 60)]),
          ]),
        ]),
      ]);
    }),
  );
}
