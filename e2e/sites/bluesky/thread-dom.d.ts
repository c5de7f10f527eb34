// Types for thread-dom.js (plain JS so the fixture page loads it without a build step).
export interface FixturePost {
  rkey: string;
  root?: string;
  parent?: string;
  name: string;
  handle: string;
  text: string;
  time: string;
  deleted?: boolean;
  likes?: number;
}

export interface ComposerHandle {
  show(post: FixturePost): void;
  close(): void;
  state(): string | null;
  current(): { dialog: HTMLElement; publish: HTMLElement; post: FixturePost } | null;
}

export const ORIGIN: string;
export const CREATOR: { name: string; handle: string };
export function bskyHandle(handle: string): string;
export function niceDate(iso: string): string;
export const MAIN_POST: FixturePost;
export const RYE_POST: FixturePost;
export const MAIN_REPLIES: FixturePost[];
export const RYE_REPLIES: FixturePost[];
export const DEFAULT_FILLER: number;
export function fillerReply(i: number): FixturePost;
export function postIndex(replies: FixturePost[]): Map<string, FixturePost>;
export function postPath(post: FixturePost): string;
export const postOf: WeakMap<Element, FixturePost>;
export function buildReply(doc: Document, post: FixturePost, options?: { parentLine?: boolean; replies?: number }): HTMLElement;
export function buildAnchor(doc: Document, post: FixturePost, options?: { parentLine?: boolean; replies?: number }): HTMLElement;
export function buildThreadScreen(
  doc: Document,
  anchor: FixturePost,
  replies: FixturePost[],
  index: Map<string, FixturePost>,
): { screen: HTMLElement; items: HTMLElement };
export function renderReplies(doc: Document, items: HTMLElement, list: { post: FixturePost; parentLine: boolean; replies: number }[]): void;
export function appendReplies(doc: Document, items: HTMLElement, posts: FixturePost[]): void;
export function replyList(anchor: FixturePost, replies: FixturePost[]): { post: FixturePost; parentLine: boolean; replies: number }[];
export function buildFeedItem(doc: Document, post: FixturePost): HTMLElement;
export function composerController(doc: Document, options: { onPost(replyTo: FixturePost, text: string): void }): ComposerHandle;
export function installReplyControls(doc: Document, composer: ComposerHandle): () => void;
export function showPostedReply(doc: Document, screen: Element, replyTo: FixturePost, reply: FixturePost): void;
export function creatorReply(replyTo: FixturePost, text: string): FixturePost;
export function mainRepliesFor(options?: { filler?: number; total?: number | null }): FixturePost[];
export function mountThreadPage(
  doc: Document,
  options?: { filler?: number; hiddenBefore?: boolean },
): {
  screen: HTMLElement;
  items: HTMLElement;
  replies: FixturePost[];
  composer: ComposerHandle;
  posted: { text: string }[];
  uninstall: () => void;
};
export const HOSTILE: {
  imgAuthor: string;
  imgText: string;
  scriptText: string;
  rtlText: string;
  zeroWidthText: string;
  emojiOnly: string;
  hugeText: string;
};
