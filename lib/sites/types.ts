import type { CommentContext } from '../core/draft';
import type { SiteId } from '../core/sites';
import type { ConversationRead } from '../core/conversation';

/** A comment found on the page, with the node it lives in. */
export interface FoundComment {
  /** The element that represents this one comment (not its whole thread). */
  element: HTMLElement;
  comment: CommentContext;
}

/**
 * A comment the page observer saw: only its element and a cheap identity. The full read
 * (text, author, thread context) waits until the creator clicks Draft reply, so pages with
 * thousands of comments stay fast and a draft always uses what the page shows at that moment.
 */
export interface SeenComment {
  element: HTMLElement;
  /**
   * The adapter's commentKey. Empty when a node reported before shows nothing to reply to now
   * (a virtualized row reused for a deleted comment): its button and editor must go.
   */
  key: string;
  /** Where its Draft reply button goes (the adapter's buttonHost, else the comment itself). */
  host: HTMLElement;
}

/**
 * The editor family behind a site's reply box. It decides which insertion strategies are tried
 * and in what order (insert.ts, docs/sites-reference.md "Inserting text"):
 * - 'textarea': a (React-controlled) <textarea>/<input>: native value setter + input event.
 * - 'plain': a plain contenteditable (YouTube): execCommand, then paste, then beforeinput.
 * - 'draftjs': Draft.js (X, TikTok): synthetic paste first (execCommand loses text after a
 *   blank line).
 * - 'lexical': Lexical (Facebook, new Reddit, Threads): paste, then beforeinput, then
 *   execCommand line by line.
 * - 'prosemirror': ProseMirror/TipTap (Bluesky, LinkedIn v2): paste, then execCommand.
 * - 'quill': Quill (LinkedIn v1): the page's own Quill API in the main world, then paste.
 */
export const EDITOR_KINDS = ['textarea', 'plain', 'draftjs', 'lexical', 'prosemirror', 'quill'] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

/** An open reply box: the element that takes text, and what it is. */
export interface Composer {
  editor: HTMLElement;
  kind: EditorKind;
  /**
   * Text the site put in the box itself when it opened (the "@bob " it prefills when replying
   * to a reply). Kept in front of the draft; verification accepts it.
   */
  prefix?: string;
}

/**
 * Named selectors an adapter relies on, for the health diagnostic: how many elements each one
 * finds on this page tells a bug report which part of the site's markup changed, without any
 * page text.
 */
export type SelectorReport = Record<string, string>;

/**
 * Everything Understudy knows about one site: data plus small pure functions over the DOM.
 * Selectors prefer stable anchors (custom tags, ids, data-testid, aria) and keep fallbacks for
 * the page variants they name. Comments and (later) DM conversations share this contract.
 */
export interface SiteAdapter {
  site: SiteId;
  /**
   * What kind of page this URL shows, among the kinds that have comments this adapter reads
   * ('watch', 'shorts', 'status', 'post', …), or null (home, search, settings). Example URLs
   * sit beside each adapter's implementation and in its tests.
   */
  pageKind(url: URL): string | null;
  /**
   * A route that opens over the page without leaving it (X's reply modal at /compose/post):
   * the page kind stays what it was, so the comments under it keep their buttons.
   */
  isOverlay?(url: URL): boolean;
  /** CSS selector matching every comment element (used to find and to watch for new ones). */
  commentSelector: string;
  /**
   * A cheap fingerprint of what this element shows now, or null when there is nothing to reply
   * to yet (no text). Only compared with the last key seen on the same element, to notice a
   * node the site reused for another comment (or a comment edited in place). Runs for every
   * comment on the page.
   */
  commentKey(element: HTMLElement): string | null;
  /** Read one comment element; null when it lacks what a draft needs (e.g. deleted, empty). */
  readComment(element: HTMLElement, pageUrl: string): CommentContext | null;
  /** Where the Draft reply button goes: an element inside the comment element. */
  buttonHost(element: HTMLElement): HTMLElement | null;
  /** Open the site's reply box for this comment (clicking its Reply control) and return it. */
  openComposer(element: HTMLElement): Promise<Composer | null>;
  /** The site's own submit button for a composer, to verify insertion enabled it. */
  submitButtonFor(composer: Composer): HTMLElement | null;
  /**
   * The creator's reply to this comment, once the site shows it posted with this text (used to
   * learn from what was actually sent). Null while it isn't there.
   */
  findPostedReply(element: HTMLElement, text: string): HTMLElement | null;
  /**
   * The longest reply the site's composer takes: read from the page where it shows a counter,
   * else the site's known limit (SITE_REPLY_LIMITS in lib/core/limits.ts).
   */
  replyLimit?(element: HTMLElement): number | undefined;
  /**
   * A selector for the marks of a comments section on this page (its list, its header, its
   * comment box): present while the adapter finds no comment means the site changed its markup,
   * and the creator is told ("Understudy can't read this page") instead of seeing nothing.
   */
  commentsMark: string;
  /** The selectors behind this adapter, by name, counted for the health diagnostic. */
  selectors: SelectorReport;
  /** DOM events (on window/document) the site fires after SPA navigation. */
  navigationEvents: string[];
  /**
   * The site's direct messages (issue 11), where Understudy reads them: present only on sites
   * whose conversation pages it knows. Off until the creator turns "Direct messages on <Site>"
   * on in Options.
   */
  conversations?: ConversationAdapter;
}

/**
 * One site's conversation pages. A chat's composer is always open, so there is one Draft reply
 * button per open conversation, beside its composer, and nothing per message: the content
 * script reads the messages only when the creator asks for a draft (a conversation may hold
 * thousands). Same rules as comments: stable anchors first, text read as text, never innerHTML.
 */
export interface ConversationAdapter {
  /**
   * What kind of conversation page this URL shows ('dm', 'dm-requests', …), or null. A site
   * whose chat opens over any page (LinkedIn's messaging overlay) names a kind for those pages
   * too ('dm-overlay'). Example URLs sit beside each implementation and in its tests.
   */
  pageKind(url: URL): string | null;
  /**
   * Every open conversation on the page, each the element holding its messages and composer
   * (a thread page has one; LinkedIn's overlay may show several). Cheap: runs after mutations
   * are batched. May look inside the site's open shadow roots (X's chat).
   */
  panes(doc: Document): HTMLElement[];
  /**
   * A cheap identity of what the pane shows now (the conversation id and its newest message's
   * id or text), or null while it shows no conversation. Compared only with the last key seen
   * on the same pane: a change means another conversation, or a new message.
   */
  paneKey(pane: HTMLElement): string | null;
  /** Where the Draft reply button goes, beside the composer. */
  buttonHost(pane: HTMLElement): HTMLElement | null;
  /** The element the editor frame is placed before (above the composer). */
  editorSlot(pane: HTMLElement): HTMLElement | null;
  /** The pane's message composer (always open in a chat). */
  composer(pane: HTMLElement): Composer | null;
  /** The composer's send control, to verify insertion enabled it (never pressed). */
  submitButtonFor(composer: Composer): HTMLElement | null;
  /**
   * Read the conversation: its id, title, whether it is a group, and the latest `max` messages,
   * oldest first, each with who sent it (media as MESSAGE_PLACEHOLDERS). Runs only when the
   * creator presses Draft reply, and again while its editor is open when paneKey changes.
   */
  read(pane: HTMLElement, pageUrl: string, max: number): ConversationRead | null;
  /** The creator's message with this text, once the conversation shows it sent (for learning). */
  findSentMessage(pane: HTMLElement, text: string): HTMLElement | null;
  /** The longest message the composer takes, where the page shows a counter. */
  messageLimit?(pane: HTMLElement): number | undefined;
  /** Marks of a conversation page (its message list, its composer), for the health diagnostic. */
  conversationMark: string;
  /**
   * Where conversationMark and `selectors` are looked for besides the document: the open shadow
   * roots the site renders its chat in. A document query doesn't see into a shadow root, so
   * without this a chat whose markup changed (X's, all inside one root) would read as "no
   * conversation here" and stay silent instead of being reported (lib/sites/health.ts).
   * Absent: the document only.
   */
  markRoots?(doc: Document): ParentNode[];
  /** The selectors behind this adapter, by name, counted for the health diagnostic. */
  selectors: SelectorReport;
}
