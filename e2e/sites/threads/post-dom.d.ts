// Types for post-dom.js (plain JS so the fixture page loads it without a build step).
export interface FixturePost {
  code: string;
  username: string;
  text: string;
  time: string;
  likes?: number;
  replies?: number;
  deleted?: boolean;
}

export interface DialogHandle {
  show(post: FixturePost): void;
  close(): void;
  state(): string | null;
  current(): { dialog: HTMLElement; post: FixturePost } | null;
}

export interface VirtualList {
  rows(): HTMLElement[];
  first(): number;
  scrollTo(index: number): number;
  scrollBy(n: number): number;
  redraw(): void;
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
export const CREATOR: { username: string };
export function username(handle: string): string;
export const MAIN_POST: FixturePost;
export const OTHER_POSTS: FixturePost[];
export const FIXED_REPLIES: FixturePost[];
export function fillerReply(i: number): FixturePost;
export function repliesFor(options?: { filler?: number; total?: number | null }): FixturePost[];
export function postPath(post: FixturePost): string;
export function icon(doc: Document, name: string, size?: number): SVGSVGElement;
export function createPost(doc: Document): HTMLElement;
export const postOf: WeakMap<Element, FixturePost>;
export function fillPost(doc: Document, container: HTMLElement, post: FixturePost): HTMLElement;
export function buildPost(doc: Document, post: FixturePost): HTMLElement;
export function createRow(doc: Document): HTMLElement;
export function renderRow(doc: Document, row: HTMLElement, post: FixturePost): void;
export function buildReplyDialog(
  doc: Document,
  post: FixturePost,
  handlers: { onSubmit(text: string): void; onClose(): void },
): { backdrop: HTMLElement; dialog: HTMLElement; post: HTMLElement };
export function dialogController(doc: Document, options: { onPost(replyTo: FixturePost, text: string): void }): DialogHandle;
export function installReplyButtons(doc: Document, dialogs: DialogHandle): () => void;
export function creatorReply(text: string): FixturePost;
export function showPostedReply(replies: FixturePost[], virtual: VirtualList, replyTo: FixturePost, reply: FixturePost): void;
export function mountPostPage(
  doc: Document,
  options?: { filler?: number; poolSize?: number },
): {
  column: HTMLElement;
  list: HTMLElement;
  replies: FixturePost[];
  virtual: VirtualList;
  dialogs: DialogHandle;
  posted: { text: string }[];
  uninstall: () => void;
};
