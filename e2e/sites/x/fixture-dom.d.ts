// Types for fixture-dom.js (plain JS so the fixture page loads it without a build step).
export interface XItem {
  id: string;
  author: string;
  handle: string;
  text: string;
  time: string;
  deleted?: boolean;
  continues?: boolean;
  replyTo?: string;
}
export interface XComposerBox {
  box: HTMLElement;
  model: { editor: HTMLElement; state(): string; clear(): void };
  submit: HTMLElement;
}
export interface XModal extends XComposerBox {
  layer: HTMLElement;
  dialog: HTMLElement;
  item: XItem;
}
export interface XStatusPage {
  section: HTMLElement;
  items: XItem[];
  list: { rows(): HTMLElement[]; first(): number; scrollTo(i: number): number; scrollBy(n: number): number; redraw(): void };
  focal: HTMLElement;
  inline: XComposerBox;
  modal(): XModal | null;
  openModal(item: XItem): XModal;
  closeModal(): void;
  composerState(): string;
  appendComments(n: number): number;
  editComment(fragment: string, text: string): boolean;
}
/** Re-exported from ../shared/kit.js. */
export const BAKER_COMMENTS: { author: string; handle: string; text: string }[];
export const HOSTILE: Record<'imgAuthor' | 'imgText' | 'scriptText' | 'rtlText' | 'zeroWidthText' | 'emojiOnly' | 'hugeText', string>;
export const CREATOR: { author: string; handle: string };
export const FOCAL: XItem;
export const HOME_POSTS: XItem[];
export function statusId(n: number): string;
export function conversation(count?: number): XItem[];
export function fillerItem(i: number): XItem;
export function fillTweet(doc: Document, article: HTMLElement, item: XItem): HTMLElement;
export function buildTweet(doc: Document, item: XItem, options?: { focal?: boolean }): HTMLElement;
export function buildCell(doc: Document, child?: Node): HTMLElement;
export function mountStatusPage(
  doc: Document,
  options?: {
    count?: number;
    poolSize?: number;
    onPost?: (post: { text: string; replyTo: string }) => void;
    onModal?: (open: boolean) => void;
  },
): XStatusPage;
export function mountHome(doc: Document, container: Element): void;
