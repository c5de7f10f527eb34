/**
 * Messenger conversations, inside facebook.com (/messages/t/ID, /messages/e2ee/t/ID) and on
 * messenger.com (/t/ID, /e2ee/t/ID), which run the same app and markup
 * (docs/sites-reference.md, "Facebook (post comments, Messenger)").
 *
 * The open conversation is the page's `[role="main"]`; its messages are `div[role="row"]` rows
 * in a list labelled "Messages in conversation with Maria" (or "… titled <group>"). Facebook's
 * classes are generated, so structure and roles find things, and words are read only where
 * Messenger says something in no other way: the first row of each sender's run carries a heading
 * (h4/h5) that reads "You sent" for the creator's own messages and the sender's name otherwise.
 * That heading is both the own-message mark and the group chat's sender, so the words for "You
 * sent" are kept per language (OWN_HEADINGS); the pane's label gives the title and whether it
 * is a group the same way (PANE_LABELS), with structural fallbacks (the header's heading, the
 * number of other senders). Messenger shows no machine time and no message id, so `at` and
 * `id` stay empty; the conversation's id is the thread id of the URL.
 *
 * The composer is Lexical (`[role="textbox"][aria-label="Message"][data-lexical-editor]`), and
 * Enter sends: nothing here dispatches a key or presses the send arrow.
 */

import { queryOutsideLists } from './outside-lists';
import type { ConversationMessage, ConversationRead } from '../core/conversation';
import { MESSAGE_PLACEHOLDERS } from '../core/conversation';
import { MAX_AUTHOR_CHARS, MAX_CHAT_MESSAGE_CHARS, MAX_THREAD_TITLE_CHARS, SITE_DM_LIMITS } from '../core/limits';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, ConversationAdapter } from './types';

const FACEBOOK_ORIGIN = 'https://www.facebook.com';
const MESSENGER_ORIGIN = 'https://www.messenger.com';

/** How far back past the rows read to look for the heading of the run they start in. */
const HEADING_LOOKBACK = 200;
/** Rows scanned per message wanted: day dividers and heading rows carry no message. */
const ROWS_PER_MESSAGE = 3;
/** How many of the newest rows findSentMessage looks through. */
const SENT_LOOKBACK = 40;
/** How far up from the editor the composer row (actions, box, send) is looked for. */
const COMPOSER_LEVELS = 6;

const SEL = {
  /** The open conversation, on both hosts: the page's main region (the chat list is outside it). */
  pane: '[role="main"]',
  /** The message list, labelled "Messages in conversation …" (English, Spanish). */
  labelledList: '[aria-label^="Messages in conversation"], [aria-label^="Mensajes de la conversación"]',
  /**
   * The message list in any language: the pane's last log or grid (the chat list's grid sits in
   * the navigation column, outside main).
   */
  list: '[role="log"], [role="grid"]',
  /**
   * What pane-level lookups (the pane, its composer) never look inside: a message list, and
   * the chat list's grid in the navigation column.
   */
  listArea: '[role="log"], [role="grid"], [aria-label^="Messages in conversation"], [aria-label^="Mensajes de la conversación"]',
  /** One message (or a day divider, or a heading) in the list. */
  row: 'div[role="row"]',
  /** The heading that opens a sender's run: "You sent" or the sender's name. */
  heading: 'h4, h5',
  /** A message's text: the bubble's `div[dir="auto"]`. */
  text: 'div[dir="auto"]',
  /** The composer: Lexical's contenteditable textbox ("Message", "Mensaje", …). */
  editor: '[contenteditable="true"][role="textbox"]',
  /** The header's title, when the pane's label is in a language we don't know. */
  headerTitle: 'h1, h2',
  /** Controls next to the composer; our own button is never the send control. */
  control: '[role="button"]:not(understudy-draft-button), button',
  /** Media: a voice message's player, a video, a photo's viewer link. */
  voice: 'audio, [role="slider"]',
  video: 'video',
  photoLink: 'a[href*="/messenger_media"]',
  /** Labelled media ("Photo", "Sticker", "GIF"): words checked against MEDIA_WORDS. */
  labelled: '[role="img"][aria-label], img[alt], [aria-label]',
  /** A shared post or reel: a link to a facebook.com post inside the bubble. */
  sharedLink: 'a[href*="/posts/"], a[href*="/reel/"], a[href*="/watch"], a[href*="/videos/"], a[href*="/permalink"], a[href*="story_fbid="]',
} as const;

/** The heading of the creator's own run, by language ("You sent", "Enviaste", …). */
const OWN_HEADINGS = new Set(['you sent', 'enviaste', 'você enviou', 'vous avez envoyé', 'du hast gesendet', 'hai inviato']);
/** Own runs that answer someone: "You replied to Maria", "Respondiste a Maria". */
const OWN_PREFIXES = ['you replied', 'you unsent', 'respondiste', 'anulaste el envío'];

/**
 * The pane label, per language: its prefix before the name, and whether it names a group
 * ("titled") or a person ("with").
 */
const PANE_LABELS: { prefix: string; group: boolean }[] = [
  { prefix: 'Messages in conversation titled ', group: true },
  { prefix: 'Messages in conversation with ', group: false },
  { prefix: 'Mensajes de la conversación titulada ', group: true },
  { prefix: 'Mensajes de la conversación con ', group: false },
];

/** The send arrow's label once the box holds text ("Press enter to send"). */
const SEND_LABELS = new Set(['press enter to send', 'pulsa intro para enviar', 'presiona enter para enviar', 'send', 'enviar']);

/** Media words a bubble may be labelled with, by language, and the placeholder each stands for. */
const MEDIA_WORDS: Record<string, string> = {
  photo: MESSAGE_PLACEHOLDERS.photo,
  foto: MESSAGE_PLACEHOLDERS.photo,
  image: MESSAGE_PLACEHOLDERS.photo,
  imagen: MESSAGE_PLACEHOLDERS.photo,
  'open photo': MESSAGE_PLACEHOLDERS.photo,
  'abrir foto': MESSAGE_PLACEHOLDERS.photo,
  video: MESSAGE_PLACEHOLDERS.video,
  vídeo: MESSAGE_PLACEHOLDERS.video,
  'voice message': MESSAGE_PLACEHOLDERS.voice,
  'mensaje de voz': MESSAGE_PLACEHOLDERS.voice,
  'audio message': MESSAGE_PLACEHOLDERS.voice,
  sticker: MESSAGE_PLACEHOLDERS.sticker,
  gif: MESSAGE_PLACEHOLDERS.gif,
  file: MESSAGE_PLACEHOLDERS.file,
  archivo: MESSAGE_PLACEHOLDERS.file,
};

interface Thread {
  id: string;
  requests: boolean;
}

/**
 * The thread a URL opens, on either host; null for anything else.
 *   https://www.facebook.com/messages/t/100089123456789            → 100089123456789
 *   https://www.facebook.com/messages/e2ee/t/7788990011223344      → 7788990011223344
 *   https://www.facebook.com/messages/requests/t/100089123456789   → (requests) 100089…
 *   https://www.messenger.com/t/100089123456789/                   → 100089123456789
 *   https://www.messenger.com/e2ee/t/7788990011223344              → 7788990011223344
 */
function threadOf(url: URL): Thread | null {
  let path: string;
  if (url.origin === FACEBOOK_ORIGIN) {
    if (!url.pathname.startsWith('/messages/')) return null;
    path = url.pathname.slice('/messages'.length);
  } else if (url.origin === MESSENGER_ORIGIN) {
    path = url.pathname;
  } else return null;
  const match = /^\/(?:(requests|archived|filtered)\/)?(?:e2ee\/)?t\/([^/]+)\/?$/.exec(path);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[2]!);
  } catch {
    return null;
  }
  if (!/^[\w.:-]{1,200}$/.test(id)) return null;
  return { id, requests: match[1] === 'requests' || match[1] === 'filtered' };
}

function threadOfHref(href: string | undefined): Thread | null {
  if (!href) return null;
  try {
    return threadOf(new URL(href));
  } catch {
    return null;
  }
}

/**
 * Conversation pages, by kind: a thread open on facebook.com or messenger.com.
 *   https://www.facebook.com/messages/t/100089123456789            → 'dm'
 *   https://www.facebook.com/messages/e2ee/t/7788990011223344      → 'dm'
 *   https://www.facebook.com/messages/archived/t/100089123456789   → 'dm'
 *   https://www.messenger.com/t/100089123456789                    → 'dm'
 *   https://www.messenger.com/e2ee/t/7788990011223344/             → 'dm'
 *   https://www.facebook.com/messages/requests/t/100089123456789   → 'dm-requests'
 *   https://www.messenger.com/requests/t/100089123456789           → 'dm-requests'
 *   /messages/, /messages/t/ (the inbox, nothing open), messenger.com/ , /crumbandcrust/posts/1,
 *   facebook.com/t/1, messenger.com/messages/t/1, m.facebook.com/messages/t/1,
 *   http://www.messenger.com/t/1                                   → null
 */
function pageKind(url: URL): string | null {
  const thread = threadOf(url);
  if (!thread) return null;
  return thread.requests ? 'dm-requests' : 'dm';
}

function panes(doc: Document): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const main of queryOutsideLists(doc, SEL.pane, SEL.listArea)) {
    // An open conversation shows message rows and a composer (the inbox shows neither; a post
    // page's comment box has no rows around it). The first row is near the list's start; the
    // composer, after the rows, is looked for around the list.
    if (main.querySelector(SEL.row) && composerEditor(main)) out.push(main);
  }
  return out;
}

/** The message list: the labelled one, else the pane's last log or grid, else the pane. */
function messageList(pane: HTMLElement): HTMLElement {
  const labelled = pane.querySelector<HTMLElement>(SEL.labelledList);
  if (labelled) return labelled;
  const lists = pane.querySelectorAll<HTMLElement>(SEL.list);
  return lists[lists.length - 1] ?? pane;
}

/** The last element matching `selector` under `root`, found from the end (no full scan). */
function lastMatching(root: Element, selector: string, depth = 8): HTMLElement | null {
  for (let child = root.lastElementChild; child; child = child.previousElementSibling) {
    if (child.matches(selector)) return child as HTMLElement;
    if (depth > 0) {
      const inner = lastMatching(child, selector, depth - 1);
      if (inner) return inner;
    }
  }
  return null;
}

function pageUrlOf(pane: HTMLElement): string {
  return pane.ownerDocument.defaultView?.location.href ?? '';
}

function paneKey(pane: HTMLElement): string | null {
  const last = lastMatching(messageList(pane), SEL.row);
  if (!last) return null;
  const thread = threadOfHref(pageUrlOf(pane));
  const label = thread?.id ?? messageList(pane).getAttribute('aria-label') ?? '';
  return `${label}\n${collapseWhitespace(last.textContent ?? '')}`;
}

/** The row's own heading text, lower-cased words as shown; null when it opens no run. */
function headingOf(row: Element): string | null {
  const heading = row.querySelector(SEL.heading);
  if (!heading) return null;
  const text = collapseWhitespace(heading.textContent ?? '');
  return text || null;
}

function isOwnHeading(heading: string): boolean {
  const lower = heading.toLowerCase();
  return OWN_HEADINGS.has(lower) || OWN_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The text of a message row: its bubble's text, not its heading's. */
function textOf(row: Element): string {
  for (const node of row.querySelectorAll(SEL.text)) {
    if (node.closest(SEL.heading)) continue;
    const text = normaliseText(readText(node));
    if (text) return text;
  }
  return '';
}

function mediaWord(node: Element): string | undefined {
  const word = collapseWhitespace(node.getAttribute('aria-label') || node.getAttribute('alt') || '').toLowerCase();
  return MEDIA_WORDS[word];
}

/** What a row without text shows, as a placeholder; undefined for a divider or an empty row. */
function mediaOf(row: Element): string | undefined {
  if (row.querySelector(SEL.voice)) return MESSAGE_PLACEHOLDERS.voice;
  if (row.querySelector(SEL.video)) return MESSAGE_PLACEHOLDERS.video;
  const shared = row.querySelector(SEL.sharedLink);
  if (shared) return MESSAGE_PLACEHOLDERS.sharedPost(clampText(collapseWhitespace(shared.textContent ?? ''), 200));
  for (const node of row.querySelectorAll(SEL.labelled)) {
    if (node.closest(SEL.heading)) continue;
    const word = mediaWord(node);
    if (word) return word;
  }
  if (row.querySelector(SEL.photoLink)) return MESSAGE_PLACEHOLDERS.photo;
  return undefined;
}

interface PaneLabel {
  title: string;
  group: boolean;
}

function paneLabel(list: HTMLElement): PaneLabel | null {
  const label = list.getAttribute('aria-label');
  if (!label) return null;
  for (const { prefix, group } of PANE_LABELS) {
    if (label.startsWith(prefix)) return { title: label.slice(prefix.length).trim(), group };
  }
  return null;
}

/** The header's profile link, for the other person's handle in a one-to-one chat. */
function handleOf(pane: HTMLElement, pageUrl: string): string | undefined {
  for (const link of pane.querySelectorAll('a[href]')) {
    if (!link.querySelector(SEL.headerTitle) && !link.closest(SEL.headerTitle)) continue;
    let url: URL;
    try {
      url = new URL(link.getAttribute('href') ?? '', pageUrl || FACEBOOK_ORIGIN);
    } catch {
      continue;
    }
    if (url.origin !== FACEBOOK_ORIGIN) continue;
    const vanity = /^\/([\w.-]+)\/?$/.exec(url.pathname)?.[1];
    if (vanity && !/\.php$/.test(vanity) && !['messages', 'groups', 't', 'home'].includes(vanity)) return clampText(vanity, MAX_AUTHOR_CHARS);
  }
  return undefined;
}

function headerTitle(pane: HTMLElement, list: HTMLElement): string | undefined {
  for (const heading of pane.querySelectorAll(SEL.headerTitle)) {
    if (list.contains(heading)) continue;
    const text = normaliseText(readText(heading));
    if (text) return text;
  }
  return undefined;
}

/** The sender of a run from its heading: the creator's, or the person named. */
function senderFor(heading: string | null, fallback: string): { from: 'me' | 'them'; sender: string } {
  if (heading && isOwnHeading(heading)) return { from: 'me', sender: 'You' };
  return { from: 'them', sender: clampText(heading ?? fallback, MAX_AUTHOR_CHARS) };
}

interface Row {
  element: HTMLElement;
  message: ConversationMessage;
}

/**
 * The message rows among the newest ones, oldest first, each with its sender (the heading of
 * its run, looked for further back when the run started before them). At most `max` messages;
 * reads about `max * ROWS_PER_MESSAGE` rows, never the whole conversation.
 */
function newestRows(list: HTMLElement, max: number, fallbackSender: string): Row[] {
  if (max <= 0) return [];
  const rows = list.querySelectorAll<HTMLElement>(SEL.row);
  // Find the oldest row to read: walk back from the end until `max` rows carry a message.
  let start = rows.length;
  let found = 0;
  const floor = Math.max(0, rows.length - max * ROWS_PER_MESSAGE - 2);
  while (start > floor && found < max) {
    start -= 1;
    const row = rows[start]!;
    if (textOf(row) || mediaOf(row)) found += 1;
  }
  let heading: string | null = null;
  for (let i = start - 1; i >= Math.max(0, start - HEADING_LOOKBACK) && heading === null; i--) heading = headingOf(rows[i]!);
  const out: Row[] = [];
  for (let i = start; i < rows.length; i++) {
    const element = rows[i]!;
    heading = headingOf(element) ?? heading;
    const text = textOf(element) || mediaOf(element);
    if (!text) continue;
    const { from, sender } = senderFor(heading, fallbackSender);
    out.push({ element, message: { from, sender, text: clampText(text, MAX_CHAT_MESSAGE_CHARS) } });
  }
  return out.slice(-max);
}

function read(pane: HTMLElement, pageUrl: string, max: number): ConversationRead | null {
  const list = messageList(pane);
  const label = paneLabel(list);
  const title = label?.title || headerTitle(pane, list);
  const rows = newestRows(list, max, title ?? '');
  if (rows.length === 0) return null;
  const messages = rows.map((row) => row.message);
  const others = new Set(messages.filter((m) => m.from === 'them').map((m) => m.sender));
  const group = label ? label.group : others.size > 1;
  if (!group) {
    const handle = handleOf(pane, pageUrl);
    if (handle) for (const message of messages) if (message.from === 'them') message.handle = handle;
  }
  const id = threadOfHref(pageUrl)?.id ?? threadOfHref(pageUrlOf(pane))?.id;
  if (!id) return null;
  const conversation: ConversationRead = { id, group, messages };
  if (title) conversation.title = clampText(title, MAX_THREAD_TITLE_CHARS);
  return conversation;
}

function composerEditor(pane: HTMLElement): HTMLElement | null {
  // The message box is the last textbox in the pane (a search field may come first); never one
  // among the messages, so the rows aren't walked for it.
  const editors = queryOutsideLists(pane, SEL.editor, SEL.listArea);
  return editors[editors.length - 1] ?? null;
}

function composer(pane: HTMLElement): Composer | null {
  const editor = composerEditor(pane);
  if (!editor) return null;
  return { editor, kind: editor.closest('[data-lexical-editor="true"]') ? 'lexical' : 'plain' };
}

interface ComposerRow {
  /** The row holding actions, the box and the send control. */
  row: HTMLElement;
  /** The row's child holding the box. */
  field: HTMLElement;
}

/**
 * The composer's row: the nearest ancestor of the box with controls before the box's branch
 * (Messenger's actions: more, attach, sticker, GIF), whose controls after it are the like/send
 * control; else the nearest with any other controls (an emoji button inside the field is not
 * enough when actions exist further up).
 */
function composerRow(editor: HTMLElement): ComposerRow | null {
  let field: HTMLElement = editor;
  let nearest: ComposerRow | null = null;
  for (let level = 0; level < COMPOSER_LEVELS; level++) {
    const row = field.parentElement;
    if (!row || row.matches(SEL.pane)) break;
    let before = false;
    let after = false;
    let seen = false;
    for (const child of row.children) {
      if (child === field) {
        seen = true;
        continue;
      }
      if (!(child.matches(SEL.control) || child.querySelector(SEL.control))) continue;
      if (seen) after = true;
      else before = true;
    }
    if (before) return { row, field };
    if (after) nearest ??= { row, field };
    field = row;
  }
  return nearest;
}

function buttonHost(pane: HTMLElement): HTMLElement | null {
  const editor = composerEditor(pane);
  if (!editor) return null;
  const found = composerRow(editor);
  if (!found) return editor.parentElement;
  // The actions before the box (more, attach, sticker, GIF): the Draft reply button joins them.
  const before = found.field.previousElementSibling as HTMLElement | null;
  return before ?? found.row;
}

function editorSlot(pane: HTMLElement): HTMLElement | null {
  const editor = composerEditor(pane);
  if (!editor) return null;
  return composerRow(editor)?.row ?? editor.parentElement;
}

function labelOf(control: Element): string {
  return collapseWhitespace(control.getAttribute('aria-label') || control.textContent || '').toLowerCase();
}

/**
 * The send arrow: labelled "Press enter to send" (kept per language), else the last control
 * after the box in its row (the arrow replaces the thumbs-up once the box holds text).
 */
function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const found = composerRow(editor);
  if (!found) return null;
  const after: HTMLElement[] = [];
  for (let next = found.field.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.matches(SEL.control)) after.push(next as HTMLElement);
    after.push(...next.querySelectorAll<HTMLElement>(SEL.control));
  }
  return after.find((control) => SEND_LABELS.has(labelOf(control))) ?? after[after.length - 1] ?? null;
}

function findSentMessage(pane: HTMLElement, text: string): HTMLElement | null {
  const wanted = collapseWhitespace(text);
  if (!wanted) return null;
  const rows = newestRows(messageList(pane), SENT_LOOKBACK, '');
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.message.from === 'me' && collapseWhitespace(row.message.text) === wanted) return row.element;
  }
  return null;
}

export const facebookConversations: ConversationAdapter = {
  pageKind,
  panes,
  paneKey,
  buttonHost,
  editorSlot,
  composer,
  submitButtonFor,
  read,
  findSentMessage,
  messageLimit: () => SITE_DM_LIMITS.facebook,
  // The message box inside the main region is there whenever a conversation is open.
  conversationMark: `${SEL.pane} ${SEL.editor}`,
  selectors: {
    pane: SEL.pane,
    labelledList: SEL.labelledList,
    list: SEL.list,
    row: SEL.row,
    heading: SEL.heading,
    text: SEL.text,
    editor: SEL.editor,
    photoLink: SEL.photoLink,
    voice: SEL.voice,
  },
};
