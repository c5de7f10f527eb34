// Types for kit.js (plain JS so fixture pages load it without a build step).
export function h(
  doc: Document,
  tag: string,
  attrs?: Record<string, string | number | boolean | null | undefined>,
  children?: (Node | string | null | undefined)[],
): HTMLElement;
export const HUGE_TEXT: string;
export const HOSTILE: {
  imgAuthor: string;
  imgText: string;
  scriptText: string;
  rtlText: string;
  zeroWidthText: string;
  emojiOnly: string;
  hugeText: string;
};
export interface KitComment {
  author: string;
  handle: string;
  text: string;
}
export function hostileComments(): KitComment[];
export const BAKER_COMMENTS: KitComment[];
export function fillerComment(i: number): KitComment;
export function installRouter(
  doc: Document,
  render: (url: URL) => unknown,
  options?: { onNavigate?: (url: URL) => void },
): { go(href: string, options?: { replace?: boolean }): Promise<void>; start(): unknown };
export function later(ms?: number): Promise<void>;
export function installFixtureApi(view: Window, api: Record<string, unknown>): { recordPost(entry: { text: string }): void };
