/**
 * TikTok direct messages (issue 11; docs/sites-reference.md, "TikTok", DMs): /messages, the inbox
 * on the left and the open conversation (TikTok's DivChatBox) beside it. TikTok's URL names no
 * conversation (at most ?lang=… and a user query), so a conversation is known by what its header
 * shows: the other person's @handle (`chat-uniqueid`), else the group's name (`chat-nickname`).
 *
 * Anchors are TikTok's `data-e2e` test attributes: message rows `chat-item`, the header's
 * `chat-nickname` / `chat-uniqueid`, the composer `message-input-area` (`message-input` in some
 * builds) holding a Draft.js contenteditable, and `message-send`. Its emotion class names
 * (`css-1rdbp3k-DivChatItemWrapper e1ps6h2y1`) change their hash on every deploy: only their
 * component name is matched, and only from a data-e2e anchor (closest/querySelector from it).
 *
 * The creator's own messages: TikTok lays them out on the right and marks the row with no
 * attribute; the row's (or its first-level children's) class names carry the variant, and a
 * class containing "right", "self" or "owner" (case-insensitive) is taken as the creator's
 * (a heuristic, from automation that reads TikTok's DMs). Where no row read shows such a class,
 * a 1:1 row whose avatar links to another profile than the header's @handle is the creator's.
 *
 * No message id and no machine time are in the DOM (TikTok shows a time line between runs, as
 * text): messages carry neither unless a <time datetime> appears. In a group, a run of one
 * member's messages opens with their name (unconfirmed markup; matched by component name); a
 * row's handle is its avatar's /@handle link.
 *
 * The list holds every loaded message (a conversation may hold thousands): the pane's parts
 * (header, composer) are looked for without walking the rows (outsideRows), and rows are read
 * from the list's end backwards (itemsBackward), so the controller's per-change scan stays flat.
 * The composer is Draft.js and TikTok acts only on trusted input: insertion fails there and
 * Insert ends in Copy + the caret in the box. Enter sends; nothing here dispatches a key.
 */
import type { ConversationMessage, ConversationRead } from '../core/conversation';
import { MESSAGE_PLACEHOLDERS } from '../core/conversation';
import { MAX_AUTHOR_CHARS, MAX_CHAT_MESSAGE_CHARS, MAX_THREAD_TITLE_CHARS, SITE_DM_LIMITS } from '../core/limits';
import { detectEditorKind } from './insert';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, ConversationAdapter } from './types';

/** tiktok.ts's origin (not imported from there: tiktok.ts imports this module). */
const TIKTOK_ORIGIN = 'https://www.tiktok.com';

const SEL = {
  // ---- the open conversation ----
  /** One message row (text, media or a shared video), the creator's and the other side's alike. */
  item: '[data-e2e="chat-item"]',
  /** The list holding the rows (DivChatMainContent; DivMessageList in older builds), met as a row's closest(). */
  list: '[class*="DivChatMainContent"], [class*="DivMessageList"]',
  /** The conversation panel (DivChatBox), met as the composer's closest(). */
  pane: '[class*="DivChatBox"]',
  /** The header's name: the other person's display name, or the group's. */
  nickname: '[data-e2e="chat-nickname"]',
  /** The header's "@handle" (1:1 conversations only). */
  uniqueid: '[data-e2e="chat-uniqueid"]',
  /** The inbox's rows (virtual-scrolled; not read, only a mark of the page). */
  inboxItem: '[data-e2e="chat-list-item"]',
  // ---- inside a row ----
  /** The sender's avatar, a link to their profile. */
  avatar: 'a[href^="/@"], a[href^="https://www.tiktok.com/@"]',
  /** A group member's name over their run of messages (unconfirmed: TikTok's component name). */
  senderName: '[data-e2e="chat-sender-nickname"], [class*="PSenderNickname"], [class*="SenderName"]',
  /** The words of a text message. */
  text: '[class*="DivTextContainer"], [class*="PText"]',
  time: 'time[datetime]',
  // ---- media, by element first, TikTok's component name as fallback ----
  sharedPost: 'a[href*="/video/"], a[href*="/photo/"]',
  video: 'video, [class*="DivVideoContainer"]',
  voice: 'audio, [class*="DivAudio"], [class*="VoiceMessage"]',
  sticker: '[class*="Sticker"]',
  photo: 'img, [role="img"], [class*="DivImageContainer"]',
  // ---- the composer ----
  /** The composer's box around the Draft.js editor. */
  inputArea: '[data-e2e="message-input-area"], [data-e2e="message-input"]',
  /** The editor inside it. */
  editor: '[contenteditable="true"]',
  /** Send (a div or an svg's wrapper, disabled-looking until the box holds text). */
  send: '[data-e2e="message-send"]',
} as const;

/** Class tokens TikTok's own-message variants carry (the heuristic above). */
const OWN_CLASS = /right|self|owner/i;

/**
 * Conversation pages, by kind.
 *   https://www.tiktok.com/messages                          → 'dm' (the inbox; a conversation opens beside it)
 *   https://www.tiktok.com/messages?lang=en                  → 'dm'
 *   https://www.tiktok.com/messages?lang=en&u=6912345678901234567 → 'dm' (opened on one person)
 *   https://www.tiktok.com/messages/                         → 'dm'
 *   https://www.tiktok.com/, /foryou, /@crumbandcrust, /@crumbandcrust/video/7312… → null
 *   https://www.tiktok.com/messages/settings, /messagesx     → null
 *   http://www.tiktok.com/messages, https://m.tiktok.com/messages, https://www.tiktok.com.evil.example/messages → null
 */
function pageKind(url: URL): string | null {
  if (url.origin !== TIKTOK_ORIGIN) return null;
  return /^\/messages\/?$/.test(url.pathname) ? 'dm' : null;
}

/**
 * The element holding the message rows: TikTok's list component around the first row, else the
 * rows' own container (past wrappers that hold one row each).
 */
function listOf(first: Element, root: ParentNode): Element {
  const named = first.closest(SEL.list);
  if (named && named !== root && root.contains(named)) return named;
  let at: Element = first;
  while (at.parentElement && at.parentElement !== root && at.parentElement.childElementCount === 1) at = at.parentElement;
  return at.parentElement && at.parentElement !== root ? at.parentElement : at;
}

/**
 * The first element matching `selector` in `root`, in document order, never looking inside the
 * message list. Why: the controller asks for the pane, its key and the button's host after every
 * settled change, and the composer sits after the list: a plain querySelector would walk every
 * row to reach it. Here the path from `root` down to the list is followed; every other child on
 * the way is queried whole (none holds the list), so the cost is that of the page around the
 * list, whatever its length. (The same idea as linkedin-dm.ts's queryOutsideLists.)
 */
function outsideRows(root: ParentNode, selector: string): HTMLElement | null {
  const first = root.querySelector(SEL.item);
  if (!first) return root.querySelector<HTMLElement>(selector);
  const list = listOf(first, root);
  const path: Element[] = [];
  for (let at: Element | null = list; at && (at as Node) !== root; at = at.parentElement) path.unshift(at);
  const walk = (parent: ParentNode, depth: number): HTMLElement | null => {
    const onPath = path[depth];
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (child === list) continue;
      if (child.matches(selector)) return child as HTMLElement;
      const found = child === onPath ? walk(child, depth + 1) : child.querySelector<HTMLElement>(selector);
      if (found) return found;
    }
    return null;
  };
  return walk(root, 0);
}

/** The message rows under `el`, newest first, lazily: from its end, into wrappers and day groups. */
function* itemsBackward(el: Element, depth = 0): Generator<HTMLElement> {
  for (let child = el.lastElementChild; child; child = child.previousElementSibling) {
    if (child.matches(SEL.item)) yield child as HTMLElement;
    else if (depth < 4 && child.firstElementChild && child.querySelector(SEL.item)) yield* itemsBackward(child, depth + 1);
  }
}

/** The pane's rows, newest first (none when it shows no message). */
function rowsBackward(pane: HTMLElement): Generator<HTMLElement> | null {
  const first = pane.querySelector(SEL.item);
  return first ? itemsBackward(listOf(first, pane)) : null;
}

/** The open conversation: TikTok shows one, around its composer. */
function panes(doc: Document): HTMLElement[] {
  const area = outsideRows(doc, SEL.inputArea);
  if (!area) return [];
  const named = area.closest<HTMLElement>(SEL.pane);
  if (named) return [named];
  // Without the panel's class: the nearest box around the composer holding the rows and the header.
  const marks = [doc.querySelector(SEL.item), outsideRows(doc, SEL.nickname)].filter((m): m is Element => m !== null);
  if (marks.length === 0) return [];
  for (let at = area.parentElement; at && at !== doc.body; at = at.parentElement) {
    if (marks.every((m) => at.contains(m))) return [at];
  }
  return [];
}

function text(el: Element | null | undefined): string {
  return el ? normaliseText(readText(el)) : '';
}

function titleOf(pane: HTMLElement): string {
  // The name's own line: TikTok may put a badge or a status beside it.
  return clampText(text(outsideRows(pane, SEL.nickname)).split('\n')[0] ?? '', MAX_THREAD_TITLE_CHARS);
}

/** A profile path /@handle, or null. */
function handleOfHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, TIKTOK_ORIGIN);
    if (url.origin !== TIKTOK_ORIGIN) return null;
    const match = /^\/@([^/?#]{1,100})\/?$/.exec(url.pathname);
    return match ? decodeURIComponent(match[1]!) : null;
  } catch {
    return null;
  }
}

/** The other person's handle, from the header's "@handle" (1:1 conversations). */
function headerHandle(pane: HTMLElement): string | null {
  const shown = text(outsideRows(pane, SEL.uniqueid)).replace(/^@/, '').trim();
  return shown && !/\s/.test(shown) ? clampText(shown, MAX_AUTHOR_CHARS) : null;
}

/** The conversation's id: the other person's @handle, else the group's name. */
function conversationId(pane: HTMLElement): string | null {
  const handle = headerHandle(pane);
  if (handle) return `@${handle}`;
  const title = titleOf(pane);
  return title ? `title:${title}` : null;
}

/** The words of a text message (empty for media). */
function wordsOf(item: Element): string {
  const parts: string[] = [];
  for (const box of item.querySelectorAll(SEL.text)) {
    // A PText inside a DivTextContainer is read once, with its container.
    const outer = box.parentElement?.closest(SEL.text);
    if (outer && item.contains(outer)) continue;
    const t = text(box);
    if (t) parts.push(t);
  }
  return parts.join('\n');
}

/** What a row shows that isn't text, as a placeholder (null for a text message). */
function mediaOf(item: Element): string | null {
  const post = item.querySelector(SEL.sharedPost);
  if (post) {
    const title = normaliseText(readText(post)).split('\n').find((line) => line.trim()) ?? '';
    return MESSAGE_PLACEHOLDERS.sharedPost(clampText(title, 200));
  }
  const outsideText = (selector: string) => [...item.querySelectorAll(selector)].some((el) => !el.closest(SEL.text) && !el.closest(SEL.avatar));
  if (outsideText(SEL.video)) return MESSAGE_PLACEHOLDERS.video;
  if (outsideText(SEL.voice)) return MESSAGE_PLACEHOLDERS.voice;
  if (outsideText(SEL.sticker)) return MESSAGE_PLACEHOLDERS.sticker;
  if (outsideText(SEL.photo)) return MESSAGE_PLACEHOLDERS.photo;
  return null;
}

function bodyOf(item: Element): string {
  const words = wordsOf(item);
  const media = mediaOf(item);
  return clampText(media ? (words ? `${media}\n${words}` : media) : words, MAX_CHAT_MESSAGE_CHARS);
}

/** Does the row carry TikTok's own-message variant in its class names (itself or its first-level children)? */
function ownMarked(item: Element): boolean {
  if (OWN_CLASS.test(item.getAttribute('class') ?? '')) return true;
  for (let child = item.firstElementChild; child; child = child.nextElementSibling) {
    if (OWN_CLASS.test(child.getAttribute('class') ?? '')) return true;
  }
  return false;
}

function avatarHandle(item: Element): string | null {
  for (const link of item.querySelectorAll(SEL.avatar)) {
    if (link.closest(SEL.text) || link.matches(SEL.sharedPost)) continue;
    const handle = handleOfHref(link.getAttribute('href'));
    if (handle) return handle;
  }
  return null;
}

function senderNameOf(item: Element): string {
  return clampText(text(item.querySelector(SEL.senderName)).split('\n')[0] ?? '', MAX_AUTHOR_CHARS);
}

/**
 * Who wrote a row: 'me' by the own-message class; where no row shows that class (`classMarks`
 * false), in a 1:1, by an avatar linking elsewhere than the header's profile.
 */
function isOwn(item: Element, classMarks: boolean, other: string | null): boolean {
  if (classMarks) return ownMarked(item);
  if (!other) return false;
  const handle = avatarHandle(item);
  return handle !== null && handle !== other;
}

function timeOf(item: Element): string | undefined {
  const iso = item.querySelector(SEL.time)?.getAttribute('datetime');
  return iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso).toISOString() : undefined;
}

/** How far above the read rows a group member's name line is looked for. */
const MAX_RUN_LOOKBACK = 500;

/**
 * The newest `max` messages, oldest first, read from the list's end (never the whole list). In a
 * group a run's name line is carried down the run; a run that began above the rows read is
 * followed up the list for its name.
 */
function read(pane: HTMLElement, _pageUrl: string, max: number): ConversationRead | null {
  if (max <= 0) return null;
  const rows = rowsBackward(pane);
  if (!rows) return null;
  // Taken with next(), not for…of: a break would close the generator the lookback goes on with.
  const tail: HTMLElement[] = [];
  for (let row = rows.next(); !row.done; row = tail.length < max ? rows.next() : { done: true, value: undefined }) tail.push(row.value);
  tail.reverse();
  const id = conversationId(pane);
  if (!id || tail.length === 0) return null;
  const title = titleOf(pane);
  const other = headerHandle(pane);
  const classMarks = tail.some(ownMarked);

  // A run cut by the window's top: its name line is further up (the rows generator goes on).
  let lookedBack = false;
  const nameAbove = (handle: string | null): string => {
    if (lookedBack) return '';
    lookedBack = true;
    let steps = 0;
    for (let row = rows.next(); !row.done; row = rows.next()) {
      const item = row.value;
      if (++steps > MAX_RUN_LOOKBACK || isOwn(item, classMarks, other) || avatarHandle(item) !== handle) return '';
      const name = senderNameOf(item);
      if (name) return name;
    }
    return '';
  };

  const messages: ConversationMessage[] = [];
  let run: { handle: string | null; name: string } | null = null;
  let named = false;
  for (const [index, item] of tail.entries()) {
    const body = bodyOf(item);
    const at = timeOf(item);
    if (isOwn(item, classMarks, other)) {
      run = null;
      if (body) messages.push({ from: 'me', sender: 'You', text: body, ...(at ? { at } : {}) });
      continue;
    }
    const handle = avatarHandle(item) ?? other;
    const shownName = senderNameOf(item);
    if (shownName) named = true;
    if (shownName) run = { handle, name: shownName };
    else if (!run || run.handle !== handle) {
      // 1:1: the header's name. A group's run cut by the window's top: its name line further up.
      const above: string = !other && index === 0 ? nameAbove(handle) : '';
      run = { handle, name: (other ? title : above) || handle || title };
    }
    if (!body) continue;
    const message: ConversationMessage = { from: 'them', sender: clampText(run.name || 'Them', MAX_AUTHOR_CHARS), text: body };
    if (handle) message.handle = clampText(handle, MAX_AUTHOR_CHARS);
    if (at) message.at = at;
    messages.push(message);
  }
  if (messages.length === 0) return null;
  const senders = new Set(messages.filter((m) => m.from === 'them').map((m) => m.handle ?? m.sender));
  const conversation: ConversationRead = { id: id.slice(0, 512), group: senders.size > 1 || (named && !other), messages };
  if (title) conversation.title = title;
  return conversation;
}

/** The conversation and its newest message's text: changes with another conversation or a new message. */
function paneKey(pane: HTMLElement): string | null {
  const newest = rowsBackward(pane)?.next().value;
  const id = conversationId(pane);
  if (!newest || !id) return null;
  return `${id}\u0000${collapseWhitespace(newest.textContent ?? '').slice(0, 200)}`;
}

function areaOf(pane: HTMLElement): HTMLElement | null {
  return outsideRows(pane, SEL.inputArea);
}

function composer(pane: HTMLElement): Composer | null {
  const area = areaOf(pane);
  const editor = area?.matches(SEL.editor) ? area : area?.querySelector<HTMLElement>(SEL.editor);
  return editor ? { editor, kind: detectEditorKind(editor) } : null;
}

/** The composer's row (the box and its emoji button): the Draft reply button goes at its end. */
function buttonHost(pane: HTMLElement): HTMLElement | null {
  const area = areaOf(pane);
  if (!area) return null;
  return area.parentElement && area.parentElement !== pane ? area.parentElement : area;
}

/** The pane's bottom bar holding the composer: the editor frame goes above it, below the messages. */
function editorSlot(pane: HTMLElement): HTMLElement | null {
  let at = areaOf(pane);
  while (at && at.parentElement && at.parentElement !== pane) at = at.parentElement;
  return at && at.parentElement === pane ? at : null;
}

/** The send control near this editor (looked for in the composer's bar, never among the messages). */
function submitButtonFor({ editor }: Composer): HTMLElement | null {
  let at: HTMLElement | null = editor.closest<HTMLElement>(SEL.inputArea) ?? editor;
  for (let level = 0; at && level < 5; level++, at = at.parentElement) {
    const send = at.querySelector<HTMLElement>(SEL.send);
    if (send) return send;
    if (at.matches(SEL.pane) || at.parentElement?.querySelector(SEL.item)) break;
  }
  return at?.querySelector<HTMLElement>(SEL.send) ?? null;
}

/** How many of the newest rows are looked at for the creator's sent message. */
const SENT_LOOKBACK = 20;

/** The creator's own newest message showing `text`, once the conversation shows it sent. */
function findSentMessage(pane: HTMLElement, wantedText: string): HTMLElement | null {
  const wanted = collapseWhitespace(wantedText);
  const rows = rowsBackward(pane);
  if (!wanted || !rows) return null;
  const recent: HTMLElement[] = [];
  for (const item of rows) {
    recent.push(item);
    if (recent.length >= SENT_LOOKBACK) break;
  }
  const classMarks = recent.some(ownMarked);
  const other = headerHandle(pane);
  for (const item of recent) {
    if (!isOwn(item, classMarks, other)) continue;
    if (collapseWhitespace(wordsOf(item)) === wanted) return item;
  }
  return null;
}

export const tiktokConversations: ConversationAdapter = {
  pageKind,
  panes,
  paneKey,
  buttonHost,
  editorSlot,
  composer,
  submitButtonFor,
  read,
  findSentMessage,
  // TikTok's chat composer shows no counter: its known limit.
  messageLimit: () => SITE_DM_LIMITS.tiktok,
  // A message row or the composer's box: present while no pane is found means the markup changed.
  conversationMark: `${SEL.item}, ${SEL.inputArea}`,
  selectors: {
    item: SEL.item,
    list: SEL.list,
    pane: SEL.pane,
    nickname: SEL.nickname,
    uniqueid: SEL.uniqueid,
    inboxItem: SEL.inboxItem,
    avatar: SEL.avatar,
    senderName: SEL.senderName,
    text: SEL.text,
    inputArea: SEL.inputArea,
    editor: SEL.editor,
    send: SEL.send,
  },
};
