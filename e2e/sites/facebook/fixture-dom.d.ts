// Types for fixture-dom.js (plain JS so the fixture page can load it without a build step).

export type Locale = 'en' | 'es';
export type PostKey = 'page' | 'group' | 'dialog';

export interface FixturePost {
  key: PostKey;
  kind: 'post' | 'group-post' | 'feed';
  number: string;
  path: string;
  author: string;
  caption: string;
  variant: 'nested' | 'sibling';
  group?: { id: string; name: string };
}

export interface FixtureComment {
  id: string;
  author: string;
  handle: string;
  text: string;
  hours: number;
  deleted?: boolean;
  mention?: { author: string; handle: string };
}

export interface FixtureThread extends FixtureComment {
  replies: FixtureComment[];
}

export const HOSTILE: Record<'imgAuthor' | 'imgText' | 'scriptText' | 'rtlText' | 'zeroWidthText' | 'emojiOnly' | 'hugeText', string>;
export const ORIGIN: string;
export const CREATOR: { name: string; handle: string };
export const LOCALES: Record<Locale, { reply: string; replyTo(author: string): string; writeComment: string; send: string; commentBy(author: string, ago: string): string }>;
export const POSTS: Record<PostKey, FixturePost>;
export function commentIdFor(post: FixturePost, n: number): string;
export function threadsFor(post: FixturePost, options?: { count?: number }): FixtureThread[];
export function moreThreads(post: FixturePost, from: number, n: number): FixtureThread[];
export function shownText(comment: FixtureComment): string;
export function buildThread(doc: Document, thread: FixtureThread, ctx: { post: FixturePost; locale: Locale }): HTMLElement;
export function buildThreads(doc: Document, threads: FixtureThread[], ctx: { post: FixturePost; locale: Locale }): HTMLElement[];
export function installCommentBehaviour(
  doc: Document,
  options?: { locale?: Locale; post?: (top: Element) => FixturePost; onPost?: (entry: { text: string }) => void },
): () => void;
export function openBoxState(): string | null;
export const posted: { parentId: string | null; text: string }[];
export function mountPage(
  doc: Document,
  options?: { post?: PostKey; locale?: Locale; count?: number },
): { post: FixturePost; threads: FixtureThread[]; list: HTMLElement };
