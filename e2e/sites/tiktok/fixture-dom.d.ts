// Types for fixture-dom.js (plain JS so the fixture page can load it without a build step).

export interface FixtureComment {
  id: string;
  author: string;
  handle: string;
  text: string;
  time: string;
  likes?: string;
  deleted?: boolean;
  creator?: boolean;
}
export interface FixtureThread extends FixtureComment {
  replies: FixtureComment[];
}
export interface FixtureVideo {
  id: string;
  caption: string;
  likes: string;
  comments: string;
}
export interface DraftComposer {
  editor: HTMLElement;
  state(): string;
  clear(): void;
  onChange(fn: (text: string) => void): void;
}
export interface CommentList {
  list(): { rows(): HTMLElement[]; first(): number; scrollTo(i: number): number; redraw(): void };
  threads: FixtureThread[];
  composerState(): string | null;
  openBox(): { box: HTMLElement; composer: DraftComposer; commentId: string } | null;
  recycle(step?: number): void;
  append(more: FixtureThread[]): number;
  edit(fragment: string, text: string): boolean;
}

export const HOSTILE: {
  imgAuthor: string;
  imgText: string;
  scriptText: string;
  rtlText: string;
  zeroWidthText: string;
  emojiOnly: string;
  hugeText: string;
};
export const BAKER_COMMENTS: { author: string; handle: string; text: string }[];
export const CREATOR: { name: string; handle: string };
export const VIDEOS: FixtureVideo[];
export function poolSizeFor(count: number): number;
export function commentThreads(count?: number, options?: { onlyFiller?: boolean }): FixtureThread[];
export function moreThreads(from: number, n: number): FixtureThread[];
export function createRow(doc: Document): HTMLElement;
export function renderItem(item: HTMLElement, comment: FixtureComment): void;
export function renderRow(row: HTMLElement, thread: FixtureThread): void;
export function buildReplyBox(
  doc: Document,
  options: { replyTo: string; onPost(text: string): void },
): { box: HTMLElement; composer: DraftComposer; post: HTMLElement };
export function mountCommentList(
  doc: Document,
  container: HTMLElement,
  options: { threads: FixtureThread[]; poolSize?: number; onPost?(post: { text: string; parentId: string }): void },
): CommentList;
export function buildPlayer(doc: Document, video: FixtureVideo): HTMLElement;
export function videoPath(video: FixtureVideo): string;
export function buildBottomComposer(doc: Document, options: { onPost(text: string): void }): HTMLElement;
export function buildListContainer(doc: Document): HTMLElement;
export function buildFeedItem(doc: Document, video: FixtureVideo, options?: { onComments?(video: FixtureVideo): void }): HTMLElement;
export function buildSidebar(
  doc: Document,
  video: FixtureVideo,
  options?: { onClose?(): void; onPost?(text: string): void },
): { sidebar: HTMLElement; list: HTMLElement };
export function buildVideoPage(doc: Document, video: FixtureVideo, options?: { onPost?(text: string): void }): { page: HTMLElement; list: HTMLElement };
type MountOptions = { video?: FixtureVideo; threads?: FixtureThread[]; onPost?(post: { text: string; parentId: string }): void };
export function mountVideoPage(doc: Document, options?: MountOptions): CommentList;
export function mountFeedPanel(doc: Document, options?: MountOptions): CommentList;
