/**
 * Instagram direct messages: a thread (/direct/t/ID/), shown beside the inbox list, and message
 * requests. See docs/sites-reference.md ("Instagram", DMs), confidence low–medium: no stable
 * attributes, atomic classes that change per deploy. What the page gives:
 * - every line of the thread is a div[role=row] (time separators too); a message's bubble is a
 *   [role=presentation] inside its row;
 * - the list is CSS-inverted (a column-reverse scroller, newest at scrollTop 0) around rows in
 *   chronological order, and virtualized: row nodes are reused for other messages, so nothing is
 *   keyed by node;
 * - the composer is a div[contenteditable][role=textbox] labelled "Message" (an older markup had
 *   a textarea), believed to be Lexical; Enter sends; "Send" (a div[role=button]) shows only
 *   while the composer holds text.
 *
 * Whose message is it? Instagram puts no "sent by me" attribute on a message. The markup-level
 * signal it does give is how the bubble is laid out and painted, which are styles (atomic
 * classes), not layout: the creator's bubbles are aligned to the end of the row (a flex
 * container between the row and the bubble has justify-content / align-items / align-self at
 * flex-end or end, which also holds in right-to-left layouts), and painted Instagram's blue
 * (or a theme's gradient); the other side's sit at the start, grey. The adapter reads the
 * computed alignment of the few elements between row and bubble, then the bubble's paint, for
 * the last `max` rows only (getComputedStyle resolves styles, never layout). Sources positioned
 * by x coordinate [I2] or by colour [I3]; alignment is the same signal without a layout read.
 *
 * Group senders: a name line (text outside the bubble) above the first bubble of a run; later
 * bubbles of the run carry no name, so a run is followed back to it. The sender's profile link
 * (their avatar) sits beside the last bubble of the run.
 */

import type { ConversationMessage, ConversationRead } from '../core/conversation';
import { MESSAGE_PLACEHOLDERS } from '../core/conversation';
import { MAX_AUTHOR_CHARS, MAX_CHAT_MESSAGE_CHARS, MAX_THREAD_TITLE_CHARS, SITE_DM_LIMITS } from '../core/limits';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';
import type { Composer, ConversationAdapter } from './types';

const INSTAGRAM_ORIGIN = 'https://www.instagram.com';

const SEL = {
  /** Every line of a thread: messages and time separators (Instagram's grid rows). */
  row: 'div[role="row"]',
  /** A message's bubble inside its row (text, media, a shared post). */
  bubble: '[role="presentation"]',
  /**
   * The message composer: the Lexical textbox labelled "Message" (current), by its placeholder
   * where the label is translated, and the older textarea.
   */
  editor: [
    'div[contenteditable="true"][role="textbox"][aria-label="Message"]',
    'div[contenteditable="true"][role="textbox"][aria-placeholder^="Message"]',
    'textarea[placeholder^="Message"]',
  ],
  /** Controls near the composer: its Send (text "Send"), the emoji button, the icons. */
  control: '[role="button"], button',
  /** The conversation's title in the thread header (the other person's or the group's name). */
  title: 'h2',
  /** The other person's profile link: in the header (one-to-one) and beside a run's last bubble. */
  profileLink: 'a[href^="/"]',
  /** Media drawn in a bubble: labelled graphics, images, players. */
  media: '[role="img"][aria-label], img[alt], video, audio',
  /** A post or reel shared into the conversation: a link to it, with its caption. */
  sharedPost: 'a[href^="/p/"], a[href^="/reel/"], a[href*="instagram.com/p/"], a[href*="instagram.com/reel/"]',
  /** The inbox list's open conversation (when the URL names none). */
  openThreadLink: 'a[href*="/direct/t/"][aria-current="page"], a[href*="/direct/t/"][aria-selected="true"]',
} as const;

/** How far up from the composer the thread pane can be (the composer sits a few levels deep). */
const PANE_DEPTH = 12;
/** How far back a run is followed to its name line, and findSentMessage looks for a message. */
const RUN_LOOKBACK = 60;

/**
 * Conversation pages, by kind.
 *   https://www.instagram.com/direct/t/340282366841710300949128137443944/ → 'dm' (a thread)
 *   https://www.instagram.com/direct/t/maria-1001/                         → 'dm'
 *   https://www.instagram.com/direct/inbox/                                 → 'dm-inbox' (a thread may be open beside the list)
 *   https://www.instagram.com/direct/general/                               → 'dm-inbox' (creators' General tab)
 *   https://www.instagram.com/direct/requests/                              → 'dm-requests'
 *   https://www.instagram.com/direct/requests/hidden/                       → 'dm-requests'
 *   https://www.instagram.com/direct/requests/t/340282366841710300949128/   → 'dm-requests' (a request thread)
 *   https://www.instagram.com/, /p/CODE/, /direct/, /direct/new/            → null
 *   http://www.instagram.com/direct/inbox/, https://instagram.com/direct/…  → null (not the app's origin)
 */
function pageKind(url: URL): string | null {
  if (url.origin !== INSTAGRAM_ORIGIN) return null;
  const path = url.pathname;
  if (/^\/direct\/t\/[\w-]+\/?$/.test(path)) return 'dm';
  if (/^\/direct\/(?:inbox|general)\/?$/.test(path)) return 'dm-inbox';
  if (/^\/direct\/requests\/(?:hidden\/?|t\/[\w-]+\/?)?$/.test(path)) return 'dm-requests';
  return null;
}

function threadIdFromPath(path: string): string | undefined {
  return /^\/direct\/(?:requests\/)?t\/([\w-]+)\/?/.exec(path)?.[1];
}

function editorIn(root: ParentNode): HTMLElement | null {
  for (const selector of SEL.editor) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}

/** The element holding both the composer and the thread's rows: the composer's nearest such ancestor. */
function paneOf(editor: HTMLElement): HTMLElement | null {
  let at = editor.parentElement;
  for (let depth = 0; at && depth < PANE_DEPTH; depth++, at = at.parentElement) {
    if (at.querySelector(SEL.row)) return at;
    if (at.localName === 'body') return null;
  }
  return null;
}

function panes(doc: Document): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const editor of doc.querySelectorAll<HTMLElement>(SEL.editor.join(', '))) {
    const pane = paneOf(editor);
    if (pane && !found.includes(pane)) found.push(pane);
  }
  return found;
}

function composer(pane: HTMLElement): Composer | null {
  const editor = editorIn(pane);
  if (!editor) return null;
  return { editor, kind: editor.localName === 'textarea' ? 'textarea' : 'lexical' };
}

/** The composer's row: the nearest ancestor of the editor that also holds its controls. */
function composerRow(editor: HTMLElement, pane: HTMLElement | null): HTMLElement | null {
  for (let at = editor.parentElement; at && at !== pane; at = at.parentElement) {
    if (at.querySelector(SEL.control)) return at;
  }
  return editor.parentElement;
}

function buttonHost(pane: HTMLElement): HTMLElement | null {
  const editor = editorIn(pane);
  return editor ? composerRow(editor, pane) : null;
}

/** Above the composer: the editor frame goes before the composer row's container. */
function editorSlot(pane: HTMLElement): HTMLElement | null {
  const row = buttonHost(pane);
  if (!row) return null;
  return row.parentElement && row.parentElement !== pane ? row.parentElement : row;
}

/** Send, shown beside the composer only while it holds text (English "Send", else a submit button). */
function submitButtonFor({ editor }: Composer): HTMLElement | null {
  const row = composerRow(editor, null);
  if (!row) return null;
  const controls = [...row.querySelectorAll<HTMLElement>(SEL.control)];
  return (
    controls.find((c) => collapseWhitespace(c.textContent ?? '') === 'Send') ??
    controls.find((c) => c.getAttribute('type') === 'submit') ??
    null
  );
}

// ---- whose message -------------------------------------------------------------------------

const END = /^(?:flex-end|end|right)$/;
const START_OR_NORMAL = /^(?:flex-start|start|left|normal|)$/;

/** Instagram's blue (either theme) or a theme's gradient: the creator's own bubble. */
function paintedAsOwn(style: CSSStyleDeclaration): boolean {
  if (/gradient/.test(style.backgroundImage ?? '')) return true;
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(style.backgroundColor ?? '');
  if (!rgb) return false;
  const [r, g, b] = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return b > 180 && r < 130 && b - g > 40;
}

/**
 * Does flex container `parent` put `child` at the end of the line, horizontally? In a row it is
 * the container's justify-content (a row-reverse packs to the end by default); in a column, the
 * child's align-self or else the container's align-items. Vertical alignment (an avatar kept at
 * the bottom of a run) says nothing about the sender.
 */
function alignsToEnd(parent: CSSStyleDeclaration, child: CSSStyleDeclaration): boolean {
  if (!/flex/.test(parent.display)) return false;
  const direction = parent.flexDirection || 'row';
  if (direction === 'row') return END.test(parent.justifyContent);
  if (direction === 'row-reverse') return START_OR_NORMAL.test(parent.justifyContent);
  const self = child.alignSelf;
  return END.test(self && self !== 'auto' ? self : parent.alignItems);
}

/**
 * The creator's own message: a flex container between row and bubble lines it up at the end,
 * or the bubble is painted as the creator's. Computed styles of a handful of elements, no layout.
 */
function isOwn(row: Element, bubble: Element): boolean {
  const view = row.ownerDocument.defaultView;
  if (!view) return false;
  const bubbleStyle = view.getComputedStyle(bubble);
  let childStyle = bubbleStyle;
  for (let at = bubble.parentElement; at && at !== row.parentElement; at = at.parentElement) {
    const style = view.getComputedStyle(at);
    if (alignsToEnd(style, childStyle)) return true;
    childStyle = style;
  }
  return paintedAsOwn(bubbleStyle);
}

// ---- reading a row -------------------------------------------------------------------------

const MEDIA_WORDS: [RegExp, string][] = [
  [/voice|audio/i, MESSAGE_PLACEHOLDERS.voice],
  [/video|clip/i, MESSAGE_PLACEHOLDERS.video],
  [/sticker/i, MESSAGE_PLACEHOLDERS.sticker],
  [/\bgif\b/i, MESSAGE_PLACEHOLDERS.gif],
  [/photo|image|picture/i, MESSAGE_PLACEHOLDERS.photo],
];

/** A media bubble's placeholder: from its graphic's label, else from the element it is. */
function mediaText(bubble: Element): string | undefined {
  const media = bubble.querySelectorAll(SEL.media);
  for (const element of media) {
    const label = element.getAttribute('aria-label') ?? element.getAttribute('alt') ?? '';
    const known = MEDIA_WORDS.find(([words]) => words.test(label));
    if (known) return known[1];
  }
  const first = media[0];
  if (!first) return undefined;
  if (first.localName === 'audio') return MESSAGE_PLACEHOLDERS.voice;
  if (first.localName === 'video') return MESSAGE_PLACEHOLDERS.video;
  return MESSAGE_PLACEHOLDERS.photo;
}

/** What the bubble says: a shared post, its text, or its media as a placeholder. */
function bubbleText(bubble: Element): string {
  const shared = bubble.querySelector(SEL.sharedPost);
  if (shared) return MESSAGE_PLACEHOLDERS.sharedPost(clampText(normaliseText(readText(shared)), 200));
  const text = normaliseText(readText(bubble));
  // A media bubble's only text is its player's (a duration, a Play glyph): the media wins.
  const media = mediaText(bubble);
  if (media && !/[\p{L}]{2}/u.test(text.replace(/\d+:\d+/g, ''))) return media;
  return clampText(text, MAX_CHAT_MESSAGE_CHARS);
}

/** The run's name line: text in the row outside the bubble (and not a profile link). */
function nameLineOf(row: Element, bubble: Element): string | undefined {
  for (const span of row.querySelectorAll('[dir="auto"]')) {
    if (bubble.contains(span) || span.closest('a')) continue;
    const name = normaliseText(readText(span));
    if (name) return clampText(name, MAX_AUTHOR_CHARS);
  }
  return undefined;
}

function handleOf(link: Element | null | undefined): string | undefined {
  return /^\/([\w.]+)\/?$/.exec(link?.getAttribute('href') ?? '')?.[1];
}

/** A profile link in the row outside the bubble (the sender's avatar beside a run's last bubble). */
function avatarHandleOf(row: Element, bubble: Element): string | undefined {
  for (const link of row.querySelectorAll(SEL.profileLink)) {
    if (bubble.contains(link)) continue;
    const handle = handleOf(link);
    if (handle) return handle;
  }
  return undefined;
}

interface Line {
  row: Element;
  /** The message's bubble; null on a separator, and on a row the list hides (not in use). */
  bubble: Element | null;
  /** A separator's text (a row without a bubble). */
  label?: string;
}

function lineOf(row: Element): Line {
  // A virtualized list hides the row nodes it has no message for.
  if (row.hasAttribute('hidden')) return { row, bubble: null };
  const bubble = row.querySelector(SEL.bubble);
  if (bubble) return { row, bubble };
  const label = normaliseText(readText(row));
  return label ? { row, bubble: null, label } : { row, bubble: null };
}

/**
 * The thread's rows, each read only when asked for: a long conversation's earlier rows are
 * never touched (one querySelectorAll, then the tail).
 */
function linesOf(pane: ParentNode): { count: number; at(i: number): Line } {
  const rows = pane.querySelectorAll(SEL.row);
  const cache: Line[] = [];
  return { count: rows.length, at: (i) => (cache[i] ??= lineOf(rows[i]!)) };
}

// ---- the conversation ------------------------------------------------------------------------

function titleOf(pane: HTMLElement): string | undefined {
  const heading = pane.querySelector(SEL.title);
  const title = heading ? normaliseText(readText(heading)) : '';
  return title ? clampText(title, MAX_THREAD_TITLE_CHARS) : undefined;
}

/** The other person's handle in a one-to-one thread: the header's profile link. */
function headerHandle(pane: HTMLElement, firstRow: Element | undefined): string | undefined {
  for (const link of pane.querySelectorAll(SEL.profileLink)) {
    if (firstRow && link.compareDocumentPosition(firstRow) & Node.DOCUMENT_POSITION_PRECEDING) break;
    const handle = handleOf(link);
    if (handle) return handle;
  }
  return undefined;
}

function locationOf(pane: HTMLElement): string {
  return pane.ownerDocument.defaultView?.location.href ?? '';
}

/** The thread id: from the URL, else the inbox list's open conversation, else the header's handle. */
function conversationId(pane: HTMLElement, pageUrl: string): string | undefined {
  try {
    const fromUrl = threadIdFromPath(new URL(pageUrl).pathname);
    if (fromUrl) return fromUrl;
  } catch {
    // not a URL: fall through to the page
  }
  const open = pane.ownerDocument.querySelector(SEL.openThreadLink);
  const fromList = open ? threadIdFromPath(new URL(open.getAttribute('href') ?? '', INSTAGRAM_ORIGIN).pathname) : undefined;
  if (fromList) return fromList;
  const handle = headerHandle(pane, pane.querySelector(SEL.row) ?? undefined);
  return handle ? `user:${handle}` : undefined;
}

type Lines = ReturnType<typeof linesOf>;

/**
 * The run's sender for the incoming message at `index` (group chats): its own name line, else
 * the nearest one above it in the same run (stopping at the creator's message).
 */
function groupSender(lines: Lines, index: number, own: (line: Line) => boolean): string | undefined {
  for (let i = index, steps = 0; i >= 0 && steps < RUN_LOOKBACK; i--, steps++) {
    const line = lines.at(i);
    if (!line.bubble) continue;
    const name = nameLineOf(line.row, line.bubble);
    if (name) return name;
    if (i !== index && own(line)) return undefined;
  }
  return undefined;
}

/** The run's handle: a profile link beside this bubble or a later one of the same run. */
function runHandle(lines: Lines, index: number, own: (line: Line) => boolean): string | undefined {
  for (let i = index; i < lines.count && i < index + RUN_LOOKBACK; i++) {
    const line = lines.at(i);
    if (!line.bubble) continue;
    if (i !== index && (nameLineOf(line.row, line.bubble) || own(line))) return undefined;
    const handle = avatarHandleOf(line.row, line.bubble);
    if (handle) return handle;
  }
  return undefined;
}

function read(pane: HTMLElement, pageUrl: string, max: number): ConversationRead | null {
  const id = conversationId(pane, pageUrl);
  if (!id || max <= 0) return null;
  const lines = linesOf(pane);
  // Back from the newest row to the `max`-th message: only these rows are read.
  let start = lines.count;
  for (let seen = 0; start > 0 && seen < max; ) {
    start -= 1;
    if (lines.at(start).bubble) seen += 1;
  }
  if (start === lines.count) return null;

  const ownCache = new Map<Line, boolean>();
  const own = (line: Line) => {
    let known = ownCache.get(line);
    if (known === undefined) {
      known = line.bubble ? isOwn(line.row, line.bubble) : false;
      ownCache.set(line, known);
    }
    return known;
  };

  const title = titleOf(pane);
  const oneHandle = headerHandle(pane, pane.querySelector(SEL.row) ?? undefined);
  // Instagram shows name lines only in groups; a run may have begun before the tail.
  let group = false;
  for (let i = Math.max(0, start - RUN_LOOKBACK); i < lines.count && !group; i++) {
    const line = lines.at(i);
    group = Boolean(line.bubble && nameLineOf(line.row, line.bubble) && !own(line));
  }
  const messages: ConversationMessage[] = [];
  let separator: string | undefined;
  for (let i = start; i < lines.count; i++) {
    const line = lines.at(i);
    if (!line.bubble) {
      if (line.label) separator = line.label;
      continue;
    }
    const text = bubbleText(line.bubble);
    const at = separator;
    separator = undefined;
    if (!text) continue;
    const message: ConversationMessage = own(line) ? { from: 'me', sender: 'You', text } : { from: 'them', sender: '', text };
    if (message.from === 'them') {
      const sender = group ? groupSender(lines, i, own) : undefined;
      const handle = group ? runHandle(lines, i, own) : (oneHandle ?? runHandle(lines, i, own));
      message.sender = clampText(sender ?? title ?? handle ?? '', MAX_AUTHOR_CHARS);
      if (handle) message.handle = clampText(handle, MAX_AUTHOR_CHARS);
    }
    // Instagram shows times only on separator rows: the first message after one carries its text.
    if (at) message.at = clampText(at, 200);
    messages.push(message);
  }
  if (messages.length === 0) return null;
  const others = new Set(messages.filter((m) => m.from === 'them').map((m) => m.sender));
  const result: ConversationRead = { id: clampText(id, 512), group: group || others.size > 1, messages };
  if (title) result.title = title;
  return result;
}

/** The conversation id and what its newest message shows (text, or its media's label). */
function paneKey(pane: HTMLElement): string | null {
  const rows = pane.querySelectorAll(SEL.row);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.hasAttribute('hidden')) continue;
    const bubble = row.querySelector(SEL.bubble);
    if (!bubble) continue;
    const shown = bubble.textContent || bubble.querySelector(SEL.media)?.getAttribute('aria-label') || '';
    return `${conversationId(pane, locationOf(pane)) ?? ''}\n${i}\n${shown}`;
  }
  return null;
}

/** The creator's newest message showing `text`, once the thread shows it sent. */
function findSentMessage(pane: HTMLElement, text: string): HTMLElement | null {
  const wanted = collapseWhitespace(text);
  if (!wanted) return null;
  const lines = linesOf(pane);
  for (let i = lines.count - 1, steps = 0; i >= 0 && steps < RUN_LOOKBACK; i--, steps++) {
    const { row, bubble } = lines.at(i);
    if (!bubble || collapseWhitespace(readText(bubble)) !== wanted) continue;
    if (isOwn(row, bubble)) return row as HTMLElement;
  }
  return null;
}

function messageLimit(): number | undefined {
  return SITE_DM_LIMITS.instagram;
}

export const instagramConversations: ConversationAdapter = {
  pageKind,
  panes,
  paneKey,
  buttonHost,
  editorSlot,
  composer,
  submitButtonFor,
  read,
  findSentMessage,
  messageLimit,
  // A thread's bubbles, and its composer: both show on any open conversation.
  conversationMark: `${SEL.row} ${SEL.bubble}, ${SEL.editor.join(', ')}`,
  selectors: {
    row: SEL.row,
    bubble: SEL.bubble,
    editor: SEL.editor.join(', '),
    control: SEL.control,
    title: SEL.title,
    profileLink: SEL.profileLink,
    media: SEL.media,
    sharedPost: SEL.sharedPost,
    openThreadLink: SEL.openThreadLink,
  },
};
