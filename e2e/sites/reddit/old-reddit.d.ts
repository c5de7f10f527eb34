// Types for old-reddit.js (plain JS so the fixture page loads it without a build step).
import type { RedditComment, RedditPost } from './data.js';

export const ORIGIN: string;
export const posted: { parentId: string; text: string }[];
export function onPosted(fn: (entry: { parentId: string; text: string }) => void): void;
export function buildComment(doc: Document, comment: RedditComment, options?: { post?: RedditPost }): HTMLElement;
export function buildLink(doc: Document, post: RedditPost, options?: { rank?: number; full?: boolean }): HTMLElement;
export function buildForm(doc: Document, thingId: string, options?: { cloneable?: boolean }): HTMLFormElement;
export function buildCommentsPage(
  doc: Document,
  comments: RedditComment[],
  post?: RedditPost,
): { link: HTMLElement; area: HTMLElement; listing: HTMLElement };
export function openReply(thing: HTMLElement): HTMLTextAreaElement | null;
export function installBehaviour(doc: Document): () => void;
export function composerState(doc: Document): string | null;
export function editComment(doc: Document, fragment: string, text: string): boolean;
export function mountPostPage(doc: Document, comments: RedditComment[]): { content: HTMLElement; listing: HTMLElement };
