/**
 * Messenger as an in-app page of the fixture: the inbox (chat list) and an open conversation,
 * drawn into the host page's navigation column and `[role="main"]`. facebook.com's app (app.js)
 * hands it every /messages URL; messenger.com's shell (messenger.js) every URL. A conversation's
 * messages arrive a moment after the click, as from the network. Sends (Enter, the send arrow)
 * are recorded and shown as the creator's message; Understudy must never cause one.
 *
 * URLs (HOST_BASES in messenger-dom.js): facebook.com/messages/t/ (inbox),
 * /messages/e2ee/t/maria-1001, /messages/t/club-2002; messenger.com/ (inbox),
 * /e2ee/t/maria-1001, /t/club-2002. `?messages=N` on a conversation URL grows its history to N
 * messages (benchmarks).
 */
import { h, later } from '../shared/kit.js';
import { installChatApi } from '../shared/chat-kit.js';
import { DM_LOCALES, buildChatList, buildConversation, buildRows, conversationForPath, isMessengerPath, messagesFor } from './messenger-dom.js';

/**
 * `fallback` answers the hooks while the page shows something else than Messenger (facebook.com's
 * feed and posts keep their own window.__fixture hooks).
 */
export function createMessenger(doc, { locale = 'en', base, nav, main, fallback = {} }) {
  const view = doc.defaultView;
  const L = DM_LOCALES[locale];
  /** Each conversation's messages for this visit, so what arrived or was sent stays. */
  const histories = new Map();
  const state = { page: null, conversation: null, open: null, generation: 0 };
  /** Every composer drawn this visit: a key event that reached any of them counts. */
  const guards = [];

  function history(conversation, total) {
    if (!histories.has(conversation.id) || total) histories.set(conversation.id, messagesFor(conversation, total));
    return histories.get(conversation.id);
  }

  function append(message) {
    const { open, conversation } = state;
    if (!open) return;
    const messages = history(conversation);
    const before = messages[messages.length - 1] ?? null;
    messages.push(message);
    // A message from the same sender right after joins their run: the earlier row keeps its
    // heading, the avatar moves down (the site re-renders the run's last row).
    open.list.append(...buildRows(doc, [message], { locale, group: conversation.group, threadId: conversation.id, before }));
    open.scroller.scrollTop = open.scroller.scrollHeight;
  }

  let counter = 0;
  const now = () => new Date(Date.UTC(2026, 10, 27, 9, counter++)).toISOString();

  const { recordSend } = installChatApi(view, {
    page: () => (state.page ?? fallback.page?.() ?? 'home'),
    composerState: () => (state.open ? state.open.composer.model.state() : (fallback.composerState?.() ?? null)),
    keyEvents: () => guards.reduce((n, g) => n + g.syntheticKeyEvents(), 0),
    receive(text) {
      if (!state.conversation) return;
      const messages = history(state.conversation);
      const other = [...messages].reverse().find((m) => m.from === 'them') ?? { sender: state.conversation.title };
      append({ id: `r${messages.length}`, from: 'them', sender: other.sender, handle: other.handle, text, at: now() });
    },
    showSent(text) {
      if (!state.conversation) return;
      append({ id: `s${history(state.conversation).length}`, from: 'me', sender: 'You', text, at: now() });
      state.open?.composer.model.clear();
    },
    fill(n) {
      if (!state.open) return 0;
      const messages = history(state.conversation, n);
      state.open.list.replaceChildren(...buildRows(doc, messages, { locale, group: state.conversation.group, threadId: state.conversation.id }));
      return messages.length;
    },
    async recycle() {
      if (!state.open) return fallback.recycle?.();
      // Messenger re-renders the message list (a refetch after reconnecting): new row nodes,
      // the same messages.
      const messages = history(state.conversation);
      state.open.list.replaceChildren(...buildRows(doc, messages, { locale, group: state.conversation.group, threadId: state.conversation.id }));
    },
  });

  function leave() {
    state.generation += 1;
    Object.assign(state, { page: null, conversation: null, open: null });
  }

  function drawNav(current) {
    nav.hidden = false;
    nav.replaceChildren(buildChatList(doc, { locale, base, current }));
  }

  /** Draw a Messenger URL; false when the URL isn't Messenger's (the host app draws it). */
  async function render(url) {
    if (!isMessengerPath(base, url.pathname)) {
      if (state.page) {
        leave();
        nav.replaceChildren();
        nav.hidden = true;
      }
      return false;
    }
    leave();
    const generation = state.generation;
    const conversation = conversationForPath(base, url.pathname);
    drawNav(conversation?.id ?? null);
    if (!conversation) {
      state.page = 'inbox';
      main.replaceChildren(h(doc, 'div', { class: 'mx-empty' }, [L.selectChat]));
      doc.title = L.messenger;
      return true;
    }
    state.page = 'dm';
    state.conversation = conversation;
    const total = Number(url.searchParams.get('messages')) || undefined;
    const messages = history(conversation, total);
    const open = buildConversation(doc, conversation, {
      locale,
      base,
      messages: [],
      onSend(text) {
        recordSend({ text });
        append({ id: `s${history(conversation).length}`, from: 'me', sender: 'You', text, at: now() });
      },
    });
    guards.push(open.composer.guard);
    main.replaceChildren(open.thread);
    doc.title = `${conversation.title} | ${L.messenger}`;
    // The messages follow from the network a moment later; the composer is there at once.
    await later(100);
    if (generation !== state.generation) return true;
    open.list.append(...buildRows(doc, messages, { locale, group: conversation.group, threadId: conversation.id }));
    state.open = open;
    open.scroller.scrollTop = open.scroller.scrollHeight;
    return true;
  }

  return { render, active: () => state.page !== null };
}
