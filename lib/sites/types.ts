import type { CommentContext } from '../core/draft';
import type { SiteId } from '../core/sites';

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
  key: string;
  /** Where its Draft reply button goes (the adapter's buttonHost, else the comment itself). */
  host: HTMLElement;
}

/**
 * Everything Understudy knows about one site: data plus small pure functions over the DOM.
 * Selectors prefer stable anchors (custom tags, ids, data-testid, aria) and keep fallbacks for
 * the page variants they name.
 */
export interface SiteAdapter {
  site: SiteId;
  /** Does this URL show comments or messages this adapter reads? */
  matchesUrl(url: URL): boolean;
  /** CSS selector matching every comment element (used to find and to watch for new ones). */
  commentSelector: string;
  /**
   * A cheap fingerprint of what this element shows now, or null when there is nothing to reply
   * to yet (no text). Only compared with the last key seen on the same element, to notice a
   * node the site reused for another comment. Runs for every comment on the page.
   */
  commentKey(element: HTMLElement): string | null;
  /** Read one comment element; null when it lacks what a draft needs (e.g. deleted, empty). */
  readComment(element: HTMLElement, pageUrl: string): CommentContext | null;
  /** Where the Draft reply button goes, inside the comment element. */
  buttonHost(element: HTMLElement): HTMLElement | null;
  /** Open the site's reply box for this comment and return its editable element. */
  openComposer(element: HTMLElement): Promise<HTMLElement | null>;
  /** The site's own submit button for a composer, to verify insertion enabled it. */
  submitButtonFor(composer: HTMLElement): HTMLElement | null;
  /**
   * The creator's reply to this comment, once the site shows it posted with this text (used to
   * learn from what was actually sent). Null while it isn't there.
   */
  findPostedReply(element: HTMLElement, text: string): HTMLElement | null;
  /** DOM events (on window/document) the site fires after SPA navigation. */
  navigationEvents: string[];
}
