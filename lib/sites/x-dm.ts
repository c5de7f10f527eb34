/**
 * X (x.com) direct messages: the chat UI ("XChat") at /i/chat and /i/chat/ID. The older
 * /messages and /messages/A-B redirect there and are the same pages.
 *
 * - The whole chat is rendered inside the OPEN shadow root of [data-testid="xchatEmbedRoute"]
 *   (docs/sites-reference.md, "X / Twitter"): a document-level query finds nothing of it, so
 *   every lookup here starts from that root. A pane is the conversation panel inside it; its
 *   getRootNode() is the shadow root (what an observer or a stylesheet must be attached to).
 * - Messages are rows [data-dm-message-row="UUID"] (data-testid="message-UUID"), in a
 *   virtualized list: only a window of rows exists, and nodes are reused for other messages,
 *   so a message is known by its UUID, never by its node. Own messages are the rows X lays out
 *   `justify-end` (theirs `justify-start`); each row carries hidden labels whose ids end in
 *   -sender, -time and -kind (who wrote it, its time as shown, what it is). X puts no machine
 *   time in the DOM (DMs are end-to-end encrypted; the epoch lives in React props only), so a
 *   message's `at` is its time label as shown.
 * - The composer is a React-controlled textarea (dm-composer-textarea) in dm-composer-form;
 *   its send button (dm-composer-send-button) exists only while the box holds text (a voice
 *   button stands there otherwise). Enter sends: insertion never dispatches a key.
 *
 * Class names are Tailwind-like utilities (justify-end, whitespace-pre-wrap); the one read here
 * (justify-end) is read only on the row that [data-dm-message-row] names.
 */
import type { ConversationMessage, ConversationRead } from '../core/conversation';
import { MESSAGE_PLACEHOLDERS } from '../core/conversation';
import { MAX_AUTHOR_CHARS, MAX_CHAT_MESSAGE_CHARS, MAX_THREAD_TITLE_CHARS, SITE_DM_LIMITS } from '../core/limits';
import { detectEditorKind } from './insert';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, ConversationAdapter } from './types';

const X_ORIGIN = 'https://x.com';

const SEL = {
  /** The element whose open shadow root holds the whole chat UI (/i/chat, 2025–2026). */
  host: '[data-testid="xchatEmbedRoute"]',
  /** The open conversation (header, message list, composer), beside the inbox panel. */
  panel: '[data-testid="dm-conversation-panel"]',
  /** The conversation's header: a link to the other person's profile (several in a group). */
  header: '[data-testid="dm-conversation-header"]',
  /** The other person's or the group's name, in the header. */
  username: '[data-testid="dm-conversation-username"]',
  /** The scrolling message list (virtualized). */
  list: '[data-testid="dm-message-list"]',
  /** One message: data-dm-message-row holds its UUID, data-testid is message-UUID. */
  row: '[data-dm-message-row]',
  /** The message's body (message-text-UUID); the words are its span[dir="auto"], beside time decorations. */
  text: '[data-testid^="message-text-"]',
  words: 'span[dir="auto"]',
  /** Hidden per-row labels: sender name, time as shown, kind of message (photo, voice…). */
  senderLabel: '[id$="-sender"]',
  timeLabel: '[id$="-time"]',
  kindLabel: '[id$="-kind"]',
  /** A shared post inside a message: a card linking to /HANDLE/status/ID. */
  sharedPost: 'a[href*="/status/"]',
  /** The inbox row of the open conversation (dm-conversation-item-A:B), for its id (selection mark unconfirmed). */
  selectedItem: '[data-testid^="dm-conversation-item-"][aria-selected="true"], [data-testid^="dm-conversation-item-"] [aria-current="page"]',
  /** The composer form; the textarea in it (legacy /messages: dmComposerTextInput). */
  form: '[data-testid="dm-composer-form"]',
  editor: ['textarea[data-testid="dm-composer-textarea"]', '[data-testid="dmComposerTextInput"]'],
  /** Send: present only while the box holds text (legacy: dmComposerSendButton). */
  send: '[data-testid="dm-composer-send-button"], [data-testid="dmComposerSendButton"]',
} as const;

/** A conversation id in a chat URL: 1:1 chats are A-B (two user ids), groups an opaque token. */
const CHAT_ID = '([A-Za-z0-9_:-]{1,100})';
/** /i/chat/<id> segments that are the chat's own pages, not conversations. */
const NOT_A_CONVERSATION = new Set(['pin', 'settings', 'new', 'compose', 'search', 'requests']);
const CHAT_PATH = new RegExp(`^/i/chat(?:/${CHAT_ID})?/?$`);
const LEGACY_PATH = new RegExp(`^/messages(?:/${CHAT_ID})?/?$`);
const REQUESTS_PATH = /^\/(?:i\/chat|messages)\/requests(?:\/[A-Za-z0-9_:-]{1,100})?\/?$/;

/**
 * Conversation pages, by kind.
 *   https://x.com/i/chat                                      → 'dm' (the inbox; a conversation opens beside it)
 *   https://x.com/i/chat/1600000000000000001-1610000000000001001 → 'dm'
 *   https://x.com/i/chat/g1860000000000002002                 → 'dm' (a group)
 *   https://x.com/messages, /messages/1600…-1610…             → 'dm' (the older URLs; X redirects them)
 *   https://x.com/i/chat/requests, /i/chat/requests/other     → 'dm-requests'
 *   https://x.com/i/chat/pin, /i/chat/settings, /messages/compose → null (passcode, settings, new message)
 *   https://x.com/home, /crumbandcrust/status/1790000000000000001 → null
 *   https://twitter.com/i/chat, http://x.com/i/chat, https://x.com.evil.test/i/chat → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== X_ORIGIN) return null;
  const path = url.pathname;
  if (REQUESTS_PATH.test(path)) return 'dm-requests';
  const match = CHAT_PATH.exec(path) ?? LEGACY_PATH.exec(path);
  if (!match) return null;
  return match[1] && NOT_A_CONVERSATION.has(match[1]) ? null : 'dm';
}

/** The conversation id a chat URL names, or null (the inbox, requests, other pages). */
function conversationIdOfUrl(href: string | undefined): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.origin !== X_ORIGIN || REQUESTS_PATH.test(url.pathname)) return null;
  const id = (CHAT_PATH.exec(url.pathname) ?? LEGACY_PATH.exec(url.pathname))?.[1];
  return id && !NOT_A_CONVERSATION.has(id) ? id : null;
}

/**
 * The chat's root: the open shadow root of X's embed route, else the document (should X ever
 * render the chat without one). A closed root would need chrome.dom.openOrClosedShadowRoot,
 * which only the content script can call.
 */
export function chatRoot(doc: Document): ParentNode {
  return doc.querySelector(SEL.host)?.shadowRoot ?? doc;
}

/** The open conversation panes: X shows at most one. */
function panes(doc: Document): HTMLElement[] {
  const root = chatRoot(doc);
  const panel = root.querySelector<HTMLElement>(SEL.panel);
  if (panel) return [panel];
  // Without the panel's testid: the nearest box around the message list that holds the composer.
  const list = root.querySelector<HTMLElement>(SEL.list);
  const form = root.querySelector(SEL.form);
  if (!list || !form) return [];
  for (let at: HTMLElement | null = list.parentElement; at; at = at.parentElement) {
    if (at.contains(form)) return [at];
  }
  return [];
}

/** A profile path /handle (1–15 word characters), or null for any other link. */
function handleOfHref(href: string | null): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, X_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== X_ORIGIN) return null;
  const match = /^\/(\w{1,15})\/?$/.exec(url.pathname);
  return match && !['home', 'explore', 'messages', 'notifications', 'i', 'settings', 'search'].includes(match[1]!) ? match[1]! : null;
}

/** The distinct profiles the header links to: one in a 1:1 chat, the members in a group. */
function headerHandles(pane: HTMLElement): string[] {
  const header = pane.querySelector(SEL.header);
  const handles = new Set<string>();
  for (const link of header?.querySelectorAll('a[href]') ?? []) {
    const handle = handleOfHref(link.getAttribute('href'));
    if (handle) handles.add(handle);
  }
  return [...handles];
}

function titleOf(pane: HTMLElement): string | undefined {
  const name = pane.querySelector(SEL.username);
  if (!name) return undefined;
  // The name's own line: X may add the @handle or a member count below it.
  const shown = normaliseText(readText(name)).split('\n')[0] ?? '';
  return shown ? clampText(shown, MAX_THREAD_TITLE_CHARS) : undefined;
}

/** The inbox row of the open conversation (dm-conversation-item-A:B), as an id like the URL's (A-B). */
function selectedItemId(pane: HTMLElement): string | null {
  const root = pane.getRootNode() as ParentNode;
  const item = root.querySelector?.(SEL.selectedItem)?.closest('[data-testid^="dm-conversation-item-"]');
  const id = item?.getAttribute('data-testid')?.slice('dm-conversation-item-'.length);
  return id && /^[A-Za-z0-9_:-]{1,100}$/.test(id) ? id.replace(':', '-') : null;
}

/** The conversation's id: the URL's, else the inbox row's, else its one profile. */
function conversationId(pane: HTMLElement, pageUrl: string | undefined): string | null {
  const fromUrl = conversationIdOfUrl(pageUrl);
  if (fromUrl) return fromUrl;
  const fromItem = selectedItemId(pane);
  if (fromItem) return fromItem;
  const handles = headerHandles(pane);
  return handles.length === 1 ? `@${handles[0]}` : null;
}

function pageUrlOf(pane: HTMLElement): string | undefined {
  return pane.ownerDocument.defaultView?.location.href;
}

/** Every message row of the pane, in order (one query; rows are few while X virtualizes). */
function rowsOf(pane: HTMLElement): NodeListOf<HTMLElement> {
  return pane.querySelectorAll<HTMLElement>(SEL.row);
}

function paneKey(pane: HTMLElement): string | null {
  const rows = rowsOf(pane);
  const last = rows[rows.length - 1];
  if (!last) return null;
  const id = conversationId(pane, pageUrlOf(pane)) ?? '';
  // The newest row's UUID; its text too when X shows none (a row being rendered).
  const uuid = last.getAttribute('data-dm-message-row') || (last.querySelector(SEL.text)?.textContent ?? '').slice(0, 200);
  return `${id}\n${uuid}`;
}

/** Is this the creator's own message? X lays their rows out at the end of the line. */
function isOwn(row: Element): boolean {
  return row.classList.contains('justify-end');
}

function label(row: Element, selector: string): string {
  const found = row.querySelector(selector);
  return found ? normaliseText(found.textContent ?? '') : '';
}

/** The words of a message, without the time X tucks beside them. */
function wordsOf(row: Element): string {
  const body = row.querySelector(SEL.text);
  if (!body) return '';
  const words = body.querySelector(SEL.words) ?? body;
  return normaliseText(readText(words));
}

/** What the -kind label says a message is, as a placeholder (null for text). */
const KIND_WORDS: readonly [RegExp, string][] = [
  [/voice|audio/i, MESSAGE_PLACEHOLDERS.voice],
  [/\bgif\b/i, MESSAGE_PLACEHOLDERS.gif],
  [/sticker/i, MESSAGE_PLACEHOLDERS.sticker],
  [/video/i, MESSAGE_PLACEHOLDERS.video],
  [/photo|image|picture/i, MESSAGE_PLACEHOLDERS.photo],
  [/\bcall\b/i, MESSAGE_PLACEHOLDERS.call],
  [/reaction/i, MESSAGE_PLACEHOLDERS.reaction],
  [/file|attachment|document/i, MESSAGE_PLACEHOLDERS.file],
];

/** The placeholder for what a message shows that isn't text: its kind label, else its media markup. */
function mediaOf(row: Element): string | null {
  const post = row.querySelector(SEL.sharedPost);
  if (post && !post.closest(SEL.text)) {
    const title = post.querySelector('[data-testid="tweetText"]') ?? post;
    return MESSAGE_PLACEHOLDERS.sharedPost(clampText(normaliseText(readText(title)).replace(/\s+/g, ' '), 200));
  }
  const kind = label(row, SEL.kindLabel);
  if (kind) {
    for (const [words, placeholder] of KIND_WORDS) if (words.test(kind)) return placeholder;
  }
  if (row.querySelector('video')) return MESSAGE_PLACEHOLDERS.video;
  if (row.querySelector('audio')) return MESSAGE_PLACEHOLDERS.voice;
  // A picture outside the text (emoji in the text are images too).
  for (const img of row.querySelectorAll('img')) if (!img.closest(SEL.text)) return MESSAGE_PLACEHOLDERS.photo;
  return null;
}

interface Who {
  from: 'them' | 'me';
  sender: string;
  handle?: string;
}

function readMessage(row: HTMLElement, other: (name: string) => Who): ConversationMessage | null {
  const words = wordsOf(row);
  const media = mediaOf(row);
  const text = media ? (words ? `${media} ${words}` : media) : words;
  if (!text) return null;
  const who: Who = isOwn(row) ? { from: 'me', sender: 'You' } : other(label(row, SEL.senderLabel));
  const message: ConversationMessage = { from: who.from, sender: who.sender, text: clampText(text, MAX_CHAT_MESSAGE_CHARS) };
  if (who.handle) message.handle = who.handle;
  const id = row.getAttribute('data-dm-message-row');
  if (id && id.length <= 512) message.id = id;
  const time = row.querySelector('time[datetime]')?.getAttribute('datetime');
  const at = time && !Number.isNaN(Date.parse(time)) ? new Date(time).toISOString() : label(row, SEL.timeLabel);
  if (at) message.at = at.slice(0, 200);
  return message;
}

/** The profile a row's avatar links to (X shows it beside a run of a group member's messages). */
function rowHandle(row: Element): string | null {
  for (const link of row.querySelectorAll('a[href]')) {
    if (link.closest(SEL.text)) continue;
    const handle = handleOfHref(link.getAttribute('href'));
    if (handle) return handle;
  }
  return null;
}

function read(pane: HTMLElement, pageUrl: string, max: number): ConversationRead | null {
  const all = rowsOf(pane);
  const from = Math.max(0, all.length - Math.max(0, max));
  const rows: HTMLElement[] = [];
  for (let i = from; i < all.length; i++) rows.push(all[i]!);
  if (rows.length === 0) return null;

  const title = titleOf(pane);
  const members = headerHandles(pane);
  // A name's handle: from its row's avatar (groups), else the header's one profile (1:1).
  const handles = new Map<string, string>();
  for (const row of rows) {
    if (isOwn(row)) continue;
    const handle = rowHandle(row);
    const name = label(row, SEL.senderLabel);
    if (handle && name && !handles.has(name)) handles.set(name, handle);
  }
  const oneToOne = members.length <= 1;
  const other = (name: string): Who => {
    const sender = clampText(name || title || (members[0] ? `@${members[0]}` : 'Them'), MAX_AUTHOR_CHARS);
    const handle = handles.get(name) ?? (oneToOne ? members[0] : undefined);
    return { from: 'them', sender, ...(handle ? { handle } : {}) };
  };

  const messages: ConversationMessage[] = [];
  for (const row of rows) {
    const message = readMessage(row, other);
    if (message) messages.push(message);
  }
  if (messages.length === 0) return null;
  const id = conversationId(pane, pageUrl);
  if (!id) return null;
  const senders = new Set(messages.filter((m) => m.from === 'them').map((m) => m.sender));
  const conversation: ConversationRead = { id, group: members.length > 1 || senders.size > 1, messages };
  if (title) conversation.title = title;
  return conversation;
}

function editorIn(root: ParentNode): HTMLElement | null {
  for (const selector of SEL.editor) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/**
 * Where the pane's composer lives: the pane itself, else the chat root around it (X shows one
 * conversation at a time, so the root's one composer is the pane's).
 */
function composerRoot(pane: HTMLElement): ParentNode {
  if (pane.querySelector(SEL.form) || editorIn(pane)) return pane;
  return pane.getRootNode() as ParentNode;
}

function composer(pane: HTMLElement): Composer | null {
  const editor = editorIn(composerRoot(pane));
  return editor ? { editor, kind: detectEditorKind(editor) } : null;
}

/** The composer's box: the form's parent (X's composer area), else the editor's parent. */
function composerArea(pane: HTMLElement): HTMLElement | null {
  const root = composerRoot(pane);
  const form = root.querySelector<HTMLElement>(SEL.form);
  if (form) return form.parentElement ?? form;
  return editorIn(root)?.parentElement ?? null;
}

/**
 * Beside the composer, outside its form: X re-renders the form's send/voice control as text
 * comes and goes, and nothing of ours should sit inside the form that sends.
 */
function buttonHost(pane: HTMLElement): HTMLElement | null {
  return composerArea(pane);
}

function editorSlot(pane: HTMLElement): HTMLElement | null {
  return composerArea(pane);
}

/** The send button beside this editor: absent (null) while the box is empty. */
function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const form = editor.closest(SEL.form);
  if (form) return form.querySelector<HTMLElement>(SEL.send);
  for (let at = editor.parentElement; at; at = at.parentElement) {
    const send = at.querySelector<HTMLElement>(SEL.send);
    if (send) return send;
    if (at.matches(SEL.panel)) return null;
  }
  return null;
}

/** The creator's newest message with this text that X shows as sent (not pending or failed). */
function findSentMessage(pane: HTMLElement, text: string): HTMLElement | null {
  const wanted = collapseWhitespace(text);
  if (!wanted) return null;
  const rows = rowsOf(pane);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (!isOwn(row)) continue;
    const status = row.getAttribute('data-send-status');
    if (status && !['sent', 'delivered', 'read'].includes(status)) continue;
    const body = row.querySelector(SEL.text);
    const words = body?.querySelector(SEL.words) ?? body;
    if (words && collapseWhitespace(readText(words)) === wanted) return row;
  }
  return null;
}

export const xConversations: ConversationAdapter = {
  pageKind,
  panes,
  paneKey,
  buttonHost,
  editorSlot,
  composer,
  submitButtonFor,
  read,
  findSentMessage,
  // X shows no counter in the chat composer: its known limit.
  messageLimit: () => SITE_DM_LIMITS.x,
  // Inside the chat's shadow root (chatRoot): a message list or a composer means a conversation shows.
  conversationMark: `${SEL.list}, ${SEL.form}`,
  // The chat's marks live in its shadow root, where a document query can't see them.
  markRoots: (doc) => [chatRoot(doc)],
  selectors: {
    host: SEL.host,
    panel: SEL.panel,
    header: SEL.header,
    username: SEL.username,
    list: SEL.list,
    row: SEL.row,
    text: SEL.text,
    senderLabel: SEL.senderLabel,
    timeLabel: SEL.timeLabel,
    kindLabel: SEL.kindLabel,
    form: SEL.form,
    editor: SEL.editor.join(', '),
    send: SEL.send,
  },
};
