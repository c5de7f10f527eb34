/**
 * LinkedIn's messaging in the fixture app: the messaging page (/messaging/: the conversation list
 * beside the open thread, /messaging/thread/ID/) and the messaging overlay at the bottom right of
 * every other page (the "Messaging" list bubble; a click on a conversation opens its bubble, up
 * to three side by side, kept across in-app navigation). Markup: messaging-dom.js. `?messages=N`
 * on the URL grows a conversation opened from it to N messages (benchmarks).
 */
import { h } from '../shared/kit.js';
import { CONVERSATIONS, buildConversation, conversationByThread, conversationCard, threadIdFor } from './messaging-dom.js';

const MAX_BUBBLES = 3;

function countFrom(url) {
  const n = url.searchParams.get('messages');
  return n !== null && /^\d+$/.test(n) ? Math.min(Number(n), 20_000) : undefined;
}

/**
 * `onSend(text)` records a message the site sent (Enter or the Send button). Returns the page
 * renderer for /messaging/ routes, the overlay's element, and the open conversation for the
 * fixture's hooks.
 */
export function createMessaging(doc, { onSend }) {
  const view = doc.defaultView;
  /** The thread page's open conversation, the overlay's bubbles (newest last), the one in use. */
  let thread = null;
  const bubbles = [];
  let active = null;

  // ---- the overlay ------------------------------------------------------------------------
  const listContent = h(doc, 'div', { class: 'msg-overlay-list-bubble__content', hidden: true }, [
    h(doc, 'ul', { class: 'msg-overlay-list-bubble__conversations-list list-style-none' }, CONVERSATIONS.map((c) => conversationCard(doc, c))),
  ]);
  const toggle = h(doc, 'button', { type: 'button', class: 'msg-overlay-bubble-header__button', 'aria-expanded': 'false' }, [
    h(doc, 'div', { class: 'fx-avatar fx-avatar--sm', style: 'background:#a0522d', 'aria-hidden': 'true' }, ['C']),
    h(doc, 'span', { class: 'msg-overlay-bubble-header__title' }, ['Messaging']),
  ]);
  const listBubble = h(doc, 'div', { class: 'msg-overlay-list-bubble msg-overlay-list-bubble--is-minimized' }, [
    h(doc, 'header', { class: 'msg-overlay-bubble-header' }, [toggle]),
    listContent,
  ]);
  const overlay = h(doc, 'aside', { id: 'msg-overlay', class: 'msg-overlay-container', 'aria-label': 'Messaging' }, [listBubble]);
  toggle.addEventListener('click', () => {
    const open = listContent.hidden;
    listContent.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    listBubble.classList.toggle('msg-overlay-list-bubble--is-minimized', !open);
  });
  const cards = [...listContent.querySelectorAll('.msg-conversation-card__content--selectable')];
  cards.forEach((card, i) => {
    const open = () => openBubble(CONVERSATIONS[i]);
    card.addEventListener('click', open);
    card.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
  });

  function closeBubble(bubble) {
    bubble.pane.remove();
    bubbles.splice(bubbles.indexOf(bubble), 1);
    if (active === bubble) active = bubbles[bubbles.length - 1] ?? null;
  }

  function openBubble(conversation) {
    const open = bubbles.find((b) => b.conversation === conversation);
    if (open) {
      active = open;
      return open;
    }
    const bubble = buildConversation(doc, conversation, {
      variant: 'overlay',
      count: countFrom(new URL(view.location.href)),
      onSend,
      onClose: () => closeBubble(bubble),
    });
    bubbles.push(bubble);
    if (bubbles.length > MAX_BUBBLES) closeBubble(bubbles[0]);
    overlay.append(bubble.pane);
    bubble.pane.addEventListener('focusin', () => {
      active = bubble;
    });
    bubble.scrollToEnd();
    active = bubble;
    return bubble;
  }

  // ---- the messaging page -------------------------------------------------------------------
  /** Draw /messaging/ or /messaging/thread/ID/ into `main`; returns the page kind shown. */
  function renderPage(url, main) {
    const id = /^\/messaging\/thread\/([^/]+)\/?$/.exec(url.pathname)?.[1];
    const conversation = id ? conversationByThread(decodeURIComponent(id)) : null;
    thread = conversation ? buildConversation(doc, conversation, { variant: 'thread', count: countFrom(url), onSend }) : null;
    const items = CONVERSATIONS.map((c) => {
      const card = conversationCard(doc, c, { href: `/messaging/thread/${threadIdFor(c)}/` });
      if (c === conversation) card.classList.add('msg-conversation-listitem--active');
      return card;
    });
    const list = h(doc, 'div', { class: 'msg-conversations-container scaffold-layout__list' }, [
      h(doc, 'div', { class: 'msg-conversations-container__title-row' }, [h(doc, 'h1', { class: 'fx-strong' }, ['Messaging'])]),
      h(doc, 'div', { class: 'msg-conversations-container__search fx-muted' }, ['Search messages']),
      h(doc, 'ul', { class: 'msg-conversations-container__conversations-list list-style-none' }, items),
    ]);
    const detail = h(doc, 'div', { class: 'scaffold-layout__detail msg__detail' }, [
      thread ? thread.pane : h(doc, 'div', { class: 'msg-s-empty-state fx-muted' }, [id ? 'This conversation is not available.' : 'Select a conversation to read it.']),
    ]);
    main.replaceChildren(h(doc, 'div', { class: 'fx-card msg-messaging-layout' }, [list, detail]));
    thread?.scrollToEnd();
    doc.title = conversation ? `${conversation.title} | Messaging | LinkedIn` : 'Messaging | LinkedIn';
    return conversation ? 'dm' : 'inbox';
  }

  return {
    overlay,
    renderPage,
    /** Leaving the messaging page: its thread is gone. */
    leavePage() {
      thread = null;
    },
    /** The conversation the fixture hooks act on: the thread page's, else the bubble in use. */
    open() {
      if (thread?.pane.isConnected) return thread;
      return active?.pane.isConnected ? active : null;
    },
  };
}
