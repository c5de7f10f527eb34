// Types for fixture-dom.js (plain JS so the fixture page can load it without a build step).
import type { CommentText, FixtureComment, FixtureThread } from './fixture-data.js';

export function h(
  doc: Document,
  tag: string,
  attrs?: Record<string, string | boolean | null | undefined>,
  children?: (Node | string | null | undefined)[],
): HTMLElement;
export function buildComment(
  doc: Document,
  comment: FixtureComment & { pinned?: boolean },
  options: { videoId: string; isReply?: boolean; variant?: 'vm' | 'legacy' },
): HTMLElement;
export function buildThread(doc: Document, thread: FixtureThread, videoId: string): HTMLElement;
export function buildThreads(
  doc: Document,
  videoId: string,
  from: number,
  count: number,
  offset?: number,
): HTMLElement[];
export function editorText(el: Element): string;
export function openReplyBox(comment: Element): HTMLElement | null;
export function installCommentBehaviour(root: Document | Element): () => void;
export const posted: { parentId: string; commentId: string | null; replyId: string; text: string }[];
export function plainText(text: CommentText): string;
export function mountWatchPage(
  doc: Document,
  options: { videoId: string; threads?: number; title?: string },
): HTMLElement;
export function icon(doc: Document, name: 'like' | 'pin' | 'comment', options?: { flip?: boolean }): SVGSVGElement;

export interface FixtureShort {
  id: string;
  title: string;
  comments: string;
  likes: string;
}
export const PANEL_EXPANDED: string;
export const PANEL_HIDDEN: string;
export function buildReel(doc: Document, short: FixtureShort, options?: { active?: boolean; index?: number }): HTMLElement;
export function panelOf(reel: Element): { panel: HTMLElement | null; list: HTMLElement | null };
export function setPanelOpen(reel: Element, open: boolean): void;
export function mountShortsPage(
  doc: Document,
  options: { shorts: FixtureShort[]; activeId: string; threads?: number; watchTitle?: string },
): HTMLElement;
