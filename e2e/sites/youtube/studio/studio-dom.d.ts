// Types for studio-dom.js (plain JS so the fixture page can load it without a build step).
export interface StudioVideo {
  id: string;
  title: string;
}
export interface StudioComment {
  key: string;
  author: string;
  handle: string;
  text: string;
  time: string;
  edited?: boolean;
  deleted?: boolean;
  showName?: boolean;
}
export interface StudioThread extends StudioComment {
  video: StudioVideo;
  replies: StudioComment[];
}
export interface StudioPost {
  text: string;
  threadKey: string | null;
  commentKey: string | null;
}
export interface StudioList {
  list: { rows(): HTMLElement[]; first(): number; scrollTo(i: number): number; scrollBy(n: number): number; redraw(): void };
  items: StudioThread[];
  iron: HTMLElement;
  scrollBy(n: number): number;
  append(more: StudioThread[]): number;
  edit(fragment: string, text: string): boolean;
  addReply(threadKey: string, text: string): void;
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
export const CHANNEL: { id: string; name: string; handle: string };
export const STUDIO_VIDEOS: StudioVideo[];
export function studioThreads(options?: { count?: number; onlyFiller?: boolean; videoId?: string }): StudioThread[];
export function moreStudioThreads(from: number, n: number, videoId?: string): StudioThread[];
export function createThreadRow(doc: Document): HTMLElement;
export function renderThreadRow(row: HTMLElement, thread: StudioThread, options?: { showVideo?: boolean }): void;
export function openStudioReplyBox(comment: Element, options: { onPost: (post: StudioPost) => void }): HTMLTextAreaElement | null;
export function studioComposerState(doc: Document): string | null;
export function installStudioBehaviour(root: Document | Element, options: { onPost: (post: StudioPost) => void }): () => void;
export function mountStudioList(
  doc: Document,
  container: Element,
  options: { threads: StudioThread[]; showVideo?: boolean; poolSize?: number },
): StudioList;
export function mountStudioCommentsPage(
  doc: Document,
  options: { threads: StudioThread[]; showVideo?: boolean; entityName?: string; poolSize?: number },
): StudioList;
