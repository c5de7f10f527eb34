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
