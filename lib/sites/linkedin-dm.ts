/**
 * LinkedIn direct messages (issue 11; docs/sites-reference.md, "LinkedIn", messaging): the thread
 * page /messaging/thread/ID/ (`.msg-convo-wrapper`) and the messaging overlay's conversation
 * bubbles that open over any other page (`.msg-overlay-conversation-bubble`, several at once).
 * Both hold the same message list and composer. LinkedIn's messaging carries no data-testid:
 * its anchors are the message URN attribute (`data-event-urn`), the composer's
 * contenteditable textbox inside `form.msg-form`, and its `msg-*` BEM classes, always met
 * together with one of those. On the newer (SDUI) pages the overlay may be mounted in the open
 * shadow root of `#interop-outlet`; panes are looked for there too.
 *
 * Rows: inbound ones carry `msg-s-event-listitem--other` (its absence marks the creator's own); a
 * run of one sender starts with a name line, its following rows have none, so a row's sender is
 * the nearest name line above it in the same direction. Times show as a clock ("6:01 PM") unless
 * a `datetime` is present. The composer is a plain contenteditable (kind 'plain'): LinkedIn
 * sends on Enter, and insertion (insert.ts) never dispatches a key event.
 */
import { queryOutsideLists } from './outside-lists';
import type { ConversationMessage, ConversationRead } from '../core/conversation';
import { MESSAGE_PLACEHOLDERS } from '../core/conversation';
import { MAX_AUTHOR_CHARS, MAX_CHAT_MESSAGE_CHARS, MAX_THREAD_TITLE_CHARS, SITE_DM_LIMITS } from '../core/limits';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, ConversationAdapter } from './types';

/** linkedin.ts's origin (not imported from there: linkedin.ts imports this module). */
const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

const SEL = {
  // ---- the open conversations (thread page and overlay bubbles) ----
  /** The composer's form: every open conversation has one, whichever page shows it. */
  form: 'form.msg-form',
  /** The thread page's conversation (/messaging/thread/ID/); `.msg-thread` in older builds. */
  threadPane: '.msg-convo-wrapper, .msg-thread',
  /** An overlay conversation bubble, over any page. */
  overlayPane: '.msg-overlay-conversation-bubble',
  /** Where newer pages mount the overlay: an open shadow root on this host. */
  interopHost: '#interop-outlet',
  /** The conversation's title: the thread page's header, or the overlay bubble's. */
  title: ['h2.msg-overlay-bubble-header__title', 'h2.msg-entity-lockup__entity-title', '#thread-detail-jump-target', '.msg-thread__link-to-profile'],
  /** A link to the thread's own page, where the pane shows one (the overlay's header menu). */
  threadLink: 'a[href*="/messaging/thread/"]',
  /** The other person's profile link in a 1:1 header (its handle names an overlay's conversation). */
  titleLink: ['h2.msg-overlay-bubble-header__title a[href*="/in/"]', 'a.msg-thread__link-to-profile[href*="/in/"]'],
  /** Group conversations show a facepile of several members. */
  groupMark: '.msg-facepile-grid[class*="--group-size-"]',
  // ---- messages ----
  /** One message row (the list's event); a row without a listitem is a system line. */
  event: 'li.msg-s-message-list__event',
  /** The message itself, carrying LinkedIn's message URN. */
  item: '.msg-s-event-listitem[data-event-urn], [data-event-urn]',
  itemClass: 'msg-s-event-listitem',
  /** The other side's mark; its absence marks the creator's own message. */
  otherClass: 'msg-s-event-listitem--other',
  /** The name line that opens a run of one sender. */
  name: '.msg-s-message-group__name',
  profileLink: ['a.msg-s-message-group__profile-link[href]', 'a.msg-s-event-listitem__link[href]'],
  time: 'time.msg-s-message-group__timestamp',
  body: '.msg-s-event-listitem__body',
  /** The message list's element, whose last child is the newest row. */
  list: ['ul.msg-s-message-list-content', '.msg-s-message-list-content', '.msg-s-message-list ul'],
  /** The message list and its scroller: what pane-level lookups never look inside. */
  listArea: '.msg-s-message-list, .msg-s-message-list-content',
  // ---- media, by what a bubble holds (element first, LinkedIn's class as fallback) ----
  photo: '.msg-s-event-listitem__image, .msg-s-event-listitem__image-container',
  voice: 'audio, .msg-s-event-listitem__voice-message',
  video: 'video, .msg-s-event-listitem__video',
  file: '.msg-s-event-listitem__attachment-item, .msg-s-event-listitem__file',
  sharedPost: '.msg-s-event-listitem__shared-post, .msg-s-event-listitem__feed-update',
  // ---- the composer ----
  /** The plain contenteditable textbox in the composer's form. */
  editor: [
    'form.msg-form .msg-form__contenteditable[contenteditable="true"]',
    'form.msg-form [contenteditable="true"][role="textbox"]',
    '.msg-form__contenteditable[contenteditable="true"]',
  ],
  /** The form's action row (attach an image, a file, a GIF, an emoji). */
  actions: ['.msg-form__left-actions', '.msg-form__footer'],
  send: ['button.msg-form__send-button', 'form.msg-form button[type="submit"]'],
} as const;

const PANE = `${SEL.overlayPane}, ${SEL.threadPane}`;
const THREAD_PATH = /^\/messaging\/thread\/([^/?#]+)\/?$/;
/** Pages with no messaging overlay: sign-in walls. */
const NO_OVERLAY = /^\/(login|signup|checkpoint|authwall|uas)(\/|$)/;

/**
 * Conversation pages, by kind.
 *   https://www.linkedin.com/messaging/thread/2-YmE2ZTk2/                 → 'dm'
 *   https://www.linkedin.com/messaging/thread/2-YmE2ZTk2?filter=unread    → 'dm'
 *   https://www.linkedin.com/messaging/                                   → 'dm' (opens the latest)
 *   https://www.linkedin.com/feed/, /feed/update/urn:li:activity:1/, /in/jane/, / → 'dm-overlay'
 *   https://www.linkedin.com/messaging/thread/new/, /messaging/compose/  → null (nothing to answer)
 *   https://www.linkedin.com/login, /checkpoint/challenge/                → null
 *   http://www.linkedin.com/messaging/, https://linkedin.com/feed/, other origins → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== LINKEDIN_ORIGIN) return null;
  const path = url.pathname;
  if (/^\/messaging\/?$/.test(path)) return 'dm';
  const thread = THREAD_PATH.exec(path);
  if (thread) return thread[1] === 'new' ? null : 'dm';
  if (path.startsWith('/messaging/')) return null;
  if (NO_OVERLAY.test(path)) return null;
  return 'dm-overlay';
}

function paneOf(form: Element): HTMLElement | null {
  return form.closest<HTMLElement>(PANE);
}

/** The interop shadow root newer pages mount the messaging overlay in, when there is one. */
function interopRoots(doc: Document): ParentNode[] {
  const interop = doc.querySelector(SEL.interopHost)?.shadowRoot;
  return interop ? [interop] : [];
}

/** The first element matching `selector` in the pane outside its message list (pane-level parts). */
function inPane(pane: ParentNode, selector: string): HTMLElement | null {
  return queryOutsideLists(pane, selector, SEL.listArea, true)[0] ?? null;
}

/** Every open conversation: each composer's form, up to its pane (light DOM and the interop root). */
function panes(doc: Document): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const root of [doc, ...interopRoots(doc)]) {
    for (const form of queryOutsideLists(root, SEL.form, SEL.listArea, false)) {
      const pane = paneOf(form);
      if (pane && !found.includes(pane)) found.push(pane);
    }
  }
  return found;
}

function firstIn(root: ParentNode, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/** firstIn for the pane's own parts (header, composer): never looked for among the messages. */
function firstInPane(pane: HTMLElement, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const found = inPane(pane, selector);
    if (found) return found;
  }
  return null;
}

function text(el: Element | null | undefined): string {
  return el ? normaliseText(readText(el)) : '';
}

function handleFrom(href: string | null | undefined): string | undefined {
  const m = /\/in\/([^/?#]+)/.exec(href ?? '');
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

function threadIdFrom(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const id = THREAD_PATH.exec(new URL(href, LINKEDIN_ORIGIN).pathname)?.[1];
    return id && id !== 'new' ? decodeURIComponent(id) : undefined;
  } catch {
    return undefined;
  }
}

function titleOf(pane: HTMLElement): string {
  return clampText(text(firstInPane(pane, SEL.title)), MAX_THREAD_TITLE_CHARS);
}

/**
 * The conversation's id: the thread id from the page URL (thread page) or from a link to the
 * thread inside the pane; else, for an overlay bubble, the other person's profile handle, else
 * its title. (An overlay bubble shows no thread id of its own, so its drafts are kept apart from
 * the same conversation's on the thread page.)
 */
function conversationId(pane: HTMLElement, pageUrl: string | undefined): string | null {
  if (!pane.matches(SEL.overlayPane) && pageUrl) {
    const fromPage = threadIdFrom(pageUrl);
    if (fromPage) return fromPage;
  }
  const linked = threadIdFrom(inPane(pane, SEL.threadLink)?.getAttribute('href'));
  if (linked) return linked;
  const handle = handleFrom(firstInPane(pane, SEL.titleLink)?.getAttribute('href'));
  if (handle) return `in:${handle}`;
  const title = titleOf(pane);
  return title ? `title:${title}` : null;
}

function pageUrlOf(pane: HTMLElement): string | undefined {
  return pane.ownerDocument.defaultView?.location.href;
}

/** The message inside a row, or null for a row without one (a date line, a system event). */
function itemOf(row: Element): HTMLElement | null {
  return row.querySelector<HTMLElement>(SEL.item);
}

/** The newest row showing a message: from the list's end, without collecting the rows. */
function newestItem(pane: HTMLElement): HTMLElement | null {
  let row = firstIn(pane, SEL.list)?.lastElementChild ?? null;
  for (let steps = 0; row && steps < 20; steps++, row = row.previousElementSibling) {
    const item = itemOf(row);
    if (item) return item;
  }
  return null;
}

/**
 * The conversation and its newest message (its URN, else its text): changes when another
 * conversation shows in the pane or a message arrives.
 */
function paneKey(pane: HTMLElement): string | null {
  const id = conversationId(pane, pageUrlOf(pane));
  const newest = newestItem(pane);
  if (!id || !newest) return null;
  const last = newest.getAttribute('data-event-urn') || newest.querySelector(SEL.body)?.textContent || '';
  return `${id}\u0000${last}`;
}

const isOther = (item: Element) => item.classList.contains(SEL.otherClass);

/** What a message shows: its text, media as placeholders in front. */
function messageText(item: HTMLElement): string {
  const parts: string[] = [];
  const shared = item.querySelector(SEL.sharedPost);
  if (shared) parts.push(MESSAGE_PLACEHOLDERS.sharedPost(text(shared).split('\n')[0]));
  else if (item.querySelector(SEL.photo)) parts.push(MESSAGE_PLACEHOLDERS.photo);
  else if (item.querySelector(SEL.voice)) parts.push(MESSAGE_PLACEHOLDERS.voice);
  else if (item.querySelector(SEL.video)) parts.push(MESSAGE_PLACEHOLDERS.video);
  else if (item.querySelector(SEL.file)) parts.push(MESSAGE_PLACEHOLDERS.file);
  const bodies = item.querySelectorAll(SEL.body);
  for (const body of bodies) {
    const t = text(body);
    if (t) parts.push(t);
  }
  return clampText(parts.join('\n'), MAX_CHAT_MESSAGE_CHARS);
}

function timeOf(item: HTMLElement): string | undefined {
  const time = item.querySelector(SEL.time);
  if (!time) return undefined;
  const iso = time.getAttribute('datetime');
  if (iso && !Number.isNaN(Date.parse(iso))) return new Date(iso).toISOString();
  const shown = text(time);
  return shown ? clampText(shown, 200) : undefined;
}

interface Who {
  name: string;
  handle?: string;
}

function nameLine(item: HTMLElement): Who | null {
  const name = item.querySelector(SEL.name);
  if (!name) return null;
  const link = firstIn(item, SEL.profileLink);
  const who: Who = { name: clampText(text(name), MAX_AUTHOR_CHARS) };
  const handle = handleFrom(link?.getAttribute('href'));
  if (handle) who.handle = clampText(handle, MAX_AUTHOR_CHARS);
  return who;
}

/** How far above the read rows a run's name line is looked for. */
const MAX_RUN_LOOKBACK = 500;

/** The name line of the run an inbound row belongs to: the nearest one above, same direction. */
function runSender(row: Element): Who | null {
  for (let at: Element | null = row, steps = 0; at && steps < MAX_RUN_LOOKBACK; at = at.previousElementSibling, steps++) {
    const item = itemOf(at);
    if (!item) continue;
    if (!isOther(item)) return null;
    const who = nameLine(item);
    if (who) return who;
  }
  return null;
}

/**
 * The last rows holding a message, at most `max`, oldest first. From the list's end backwards
 * where the rows are its children (LinkedIn's list); else one querySelectorAll and its tail.
 */
function tailItems(pane: HTMLElement, max: number): { row: Element; item: HTMLElement }[] {
  const picked: { row: Element; item: HTMLElement }[] = [];
  const last = firstIn(pane, SEL.list)?.lastElementChild ?? null;
  if (last?.matches(SEL.event)) {
    for (let row: Element | null = last; row && picked.length < max; row = row.previousElementSibling) {
      const item = itemOf(row);
      if (item) picked.push({ row, item });
    }
  } else {
    const rows = pane.querySelectorAll(SEL.event);
    for (let i = rows.length - 1; i >= 0 && picked.length < max; i--) {
      const item = itemOf(rows[i]!);
      if (item) picked.push({ row: rows[i]!, item });
    }
  }
  return picked.reverse();
}

function messageOf(item: HTMLElement, from: 'them' | 'me', who: Who | null, body: string): ConversationMessage {
  const message: ConversationMessage = { from, sender: from === 'me' ? 'You' : (who?.name ?? ''), text: body };
  if (from === 'them' && who?.handle) message.handle = who.handle;
  const at = timeOf(item);
  if (at) message.at = at;
  const urn = item.getAttribute('data-event-urn');
  if (urn) message.id = urn.slice(0, 512);
  return message;
}

/**
 * The latest `max` messages, oldest first: only the tail rows are read (a conversation may hold
 * thousands); a sender is carried down its run from the run's name line.
 */
function read(pane: HTMLElement, pageUrl: string, max: number): ConversationRead | null {
  const id = conversationId(pane, pageUrl);
  if (!id || max <= 0) return null;
  const title = titleOf(pane);
  const messages: ConversationMessage[] = [];
  let run: Who | null = null;
  for (const { row, item } of tailItems(pane, max)) {
    const other = isOther(item);
    const body = messageText(item);
    if (!other) {
      run = null;
      if (body) messages.push(messageOf(item, 'me', null, body));
      continue;
    }
    run = nameLine(item) ?? run ?? runSender(row) ?? (title ? { name: title } : null);
    if (body) messages.push(messageOf(item, 'them', run, body));
  }
  if (messages.length === 0) return null;
  const senders = new Set(messages.filter((m) => m.from === 'them').map((m) => m.sender));
  const group = senders.size > 1 || inPane(pane, SEL.groupMark) !== null;
  const conversation: ConversationRead = { id: id.slice(0, 512), group, messages };
  if (title) conversation.title = title;
  return conversation;
}

function editorOf(pane: HTMLElement): HTMLElement | null {
  return firstInPane(pane, SEL.editor);
}

function composer(pane: HTMLElement): Composer | null {
  const editor = editorOf(pane);
  return editor ? { editor, kind: 'plain' } : null;
}

function buttonHost(pane: HTMLElement): HTMLElement | null {
  const form = inPane(pane, SEL.form);
  return form ? (firstIn(form, SEL.actions) ?? form) : null;
}

function editorSlot(pane: HTMLElement): HTMLElement | null {
  return inPane(pane, SEL.form);
}

function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const form = editor.closest(SEL.form);
  return form ? firstIn(form, SEL.send) : null;
}

/** How many of the newest rows are looked at for the creator's sent message. */
const SENT_LOOKBACK = 20;

/** The creator's own newest message showing `text`, once the conversation shows it sent. */
function findSentMessage(pane: HTMLElement, wantedText: string): HTMLElement | null {
  const wanted = collapseWhitespace(wantedText);
  if (!wanted) return null;
  let row = firstIn(pane, SEL.list)?.lastElementChild ?? null;
  for (let steps = 0; row && steps < SENT_LOOKBACK; steps++, row = row.previousElementSibling) {
    const item = itemOf(row);
    if (!item || isOther(item)) continue;
    let shown = '';
    for (const body of item.querySelectorAll(SEL.body)) shown += ` ${readText(body)}`;
    if (collapseWhitespace(shown) === wanted) return item;
  }
  return null;
}

export const linkedinConversations: ConversationAdapter = {
  pageKind,
  panes,
  paneKey,
  buttonHost,
  editorSlot,
  composer,
  submitButtonFor,
  read,
  findSentMessage,
  messageLimit: () => SITE_DM_LIMITS.linkedin,
  conversationMark: `${SEL.list.join(', ')}, .msg-form__contenteditable, ${SEL.overlayPane}`,
  // The health check looks for the marks in the interop root too, where newer pages put the chat.
  markRoots: (doc) => interopRoots(doc),
  selectors: {
    form: SEL.form,
    threadPane: SEL.threadPane,
    overlayPane: SEL.overlayPane,
    title: SEL.title.join(', '),
    event: SEL.event,
    item: SEL.item,
    name: SEL.name,
    body: SEL.body,
    list: SEL.list.join(', '),
    time: SEL.time,
    editor: SEL.editor.join(', '),
    send: SEL.send.join(', '),
  },
};
