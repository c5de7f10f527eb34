/**
 * What the YouTube fixture page (watch.js) exposes on `window.__fixture`, for e2e tests and
 * benchmarks. Use inside page.evaluate as `(window as unknown as FixtureWindow).__fixture`.
 */
export interface PostedReply {
  /** Id of the thread's top-level comment. */
  parentId: string;
  /** Id of the comment whose Reply box was used (the parent, or a reply in the thread). */
  commentId: string | null;
  /** Id the fixture gave the posted reply ("<parentId>.PostedNNN"). */
  replyId: string;
  /** The text the box's own model held when the creator pressed Reply. */
  text: string;
}

export interface FixtureApi {
  /** Append n threads (continuing the data list, unique ids); returns how many were added. */
  appendThreads(n: number): number;
  /** Remove a thread by its top-level comment id, or a single reply by its id. */
  removeThread(commentId: string): boolean;
  /** Number of ytd-comment-thread-renderer elements in the list. */
  threadCount(): number;
  /**
   * SPA navigation: pushState to /watch?v=<videoId>, new title, comments cleared, then
   * `yt-navigate-finish` on document; the new comments arrive ~120 ms later. Resolves to the
   * number of threads rendered.
   */
  navigate(videoId: string): Promise<number>;
  /** Replies posted through the page's reply boxes, in order. */
  postedReplies(): PostedReply[];
  /** The video the page currently shows. */
  videoId(): string;
  /** The page the app shows: 'home', 'watch' or 'shorts'. */
  page(): 'home' | 'watch' | 'shorts';
}

export type FixtureWindow = Window & { __fixture: FixtureApi };
