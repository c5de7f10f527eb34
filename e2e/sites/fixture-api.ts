/**
 * What every site fixture exposes on `window.__fixture` (e2e/sites/shared/kit.js), for the
 * conformance suite and benchmarks. Use inside page.evaluate as
 * `(window as unknown as SiteFixtureWindow).__fixture`.
 */
export interface SiteFixtureApi {
  /** The page kind the app shows now (e.g. 'home', 'status', 'post'). */
  page(): string;
  /** Replies posted through the site's own submit control, in order: should stay empty. */
  posted(): { text: string }[];
  /** The open reply box's own model of its text (what the site would post), or null. */
  composerState(): string | null;
  /**
   * Reuse comment nodes for other comments, as the site does: a virtualized list scrolls (rows
   * get new content in place), a kept list re-renders. Resolves when done.
   */
  recycle(): Promise<void>;
  /** Change a comment's text in place, as when its author edits it; matched by a text fragment. */
  editComment(fragment: string, text: string): boolean;
  /** Append n more comments (infinite scroll); returns how many were added. */
  appendComments(n: number): number;
}

export type SiteFixtureWindow = Window & { __fixture: SiteFixtureApi; __pwned?: unknown };

/**
 * What a conversation (DM) fixture adds on `window.__fixture` (e2e/sites/shared/chat-kit.js),
 * for the conversation conformance suite and the DM benchmark.
 */
export interface ChatFixtureApi {
  /** The page kind the app shows now ('inbox', 'dm', …). */
  page(): string;
  /** Messages sent through the site's own send paths (Enter, the Send button): should stay empty. */
  sent(): { text: string }[];
  /** The composer's own model of its text (what the site would send), or null. */
  composerState(): string | null;
  /** Key events that reached the composer and weren't the creator's own: should stay 0. */
  keyEvents(): number;
  /** A new message from the other side arrives in the open conversation. */
  receive(text: string): void;
  /** The creator's own message appears as sent (what the site shows after the creator sends). */
  showSent(text: string): void;
  /** The open conversation grows to `n` messages (a long history); returns how many there are. */
  fill(n: number): number;
  /** Reuse message rows for other messages, as a virtualized list scrolls. Resolves when done. */
  recycle(): Promise<void>;
}

export type ChatFixtureWindow = Window & { __fixture: ChatFixtureApi; __pwned?: unknown };
