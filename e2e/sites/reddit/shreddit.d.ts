// Types for shreddit.js (plain JS so the fixture page loads it without a build step).
import type { RedditComment, RedditPost } from './data.js';

export const ORIGIN: string;
export const posted: { parentId: string; text: string }[];
export function onPosted(fn: (entry: { parentId: string; text: string }) => void): void;
export function buildComment(
  doc: Document,
  comment: RedditComment,
  options?: { post?: RedditPost; depth?: number; parentId?: string },
): HTMLElement;
export function buildPost(doc: Document, post: RedditPost, options?: { full?: boolean }): HTMLElement;
export function buildCommentsArea(doc: Document, comments: RedditComment[], post?: RedditPost): { header: HTMLElement; tree: HTMLElement };
export function openReply(comment: HTMLElement, options?: { delay?: number }): Promise<HTMLElement | null>;
export function installBehaviour(doc: Document): () => void;
export function composerState(): string | null;
export function editComment(doc: Document, fragment: string, text: string): boolean;
export function mountPostPage(doc: Document, comments: RedditComment[]): { main: HTMLElement; tree: HTMLElement };
