// Types for fixture-dom.js (plain JS so the fixture page can load it without a build step).
export type Version = 'v1' | 'v2';

export interface FixtureComment {
  id: string;
  author: string;
  handle: string;
  headline: string;
  time: string;
  text: string;
  deleted?: boolean;
  replies: FixtureComment[];
}

export interface FixturePost {
  activity: string;
  slug: string;
  time: string;
  text: string;
  rich: boolean;
}

export interface ReplyBox {
  root: HTMLElement;
  editor: HTMLElement;
  submit: HTMLButtonElement;
  state(): string;
  prefill(text: string): void;
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
export const CREATOR: { author: string; handle: string; headline: string };
export const POSTS: FixturePost[];
export const DEFAULT_FILLER: number;
export const COMMENT_SELECTOR: Record<Version, string>;
export const posted: { text: string }[];

export function postByActivity(activity: string): FixturePost | null;
export function commentAt(post: FixturePost, i: number): FixtureComment;
export function namedCount(): number;
export function defaultCount(post: FixturePost): number;
export function v1CommentUrn(post: FixturePost, c: { id: string }): string;
export function v2CommentUrn(post: FixturePost, c: { id: string }): string;
export function buildPost(doc: Document, version: Version, post: FixturePost, options?: { open?: boolean; count?: number }): HTMLElement;
export function openComments(doc: Document, version: Version, postEl: HTMLElement): HTMLElement;
export function buildComments(doc: Document, version: Version, post: FixturePost, from: number, n: number): HTMLElement[];
export function textElementOf(comment: Element): HTMLElement | null;
export function openBoxState(): string | null;
export function openReplyBox(comment: HTMLElement, version: Version): ReplyBox | null;
export function installCommentBehaviour(
  doc: Document,
  version: Version,
  options?: { loadComments?: (postEl: HTMLElement) => unknown },
): () => void;
export function mountPostPage(doc: Document, options?: { version?: Version; count?: number }): HTMLElement;
