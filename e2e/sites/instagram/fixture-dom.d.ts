// Types for fixture-dom.js (plain JS so the fixture page can load it without a build step).

export interface FixtureComment {
  id: string;
  name: string;
  handle: string;
  text: string;
  time: string;
  likes: number;
  deleted: boolean;
  collapsed?: boolean;
  replies: FixtureComment[];
}

export interface FixturePost {
  code: string;
  kind: 'post' | 'reel';
  caption: string;
  time: string;
  label: string;
  colour: string;
}

export interface PostBox {
  article: HTMLElement;
  list: HTMLElement;
  threads: FixtureComment[];
  rows: { rows(): HTMLElement[]; first(): number; scrollTo(i: number): number; scrollBy(n: number): number; redraw(): void };
  composer: { editor: HTMLTextAreaElement; state(): string; clear(): void; onChange(fn: (text: string) => void): void };
  submit: HTMLElement;
  scrollBy(n: number): number;
  append(n: number): number;
  edit(fragment: string, text: string): boolean;
}

export const ORIGIN: string;
export const CREATOR: { handle: string; name: string };
export const POSTS: { photo: FixturePost; reel: FixturePost };
export function buildThreads(count?: number): FixtureComment[];
export function fillerThread(i: number): FixtureComment;
export function createComment(doc: Document): HTMLElement;
export function fillComment(doc: Document, el: HTMLElement, c: FixtureComment, code: string, parent?: FixtureComment | null): void;
export function createThreadRow(doc: Document): HTMLElement;
export function fillThreadRow(doc: Document, row: HTMLElement, t: FixtureComment, code: string): void;
export function buildCommentForm(
  doc: Document,
  options: { onSubmit(text: string): void },
): { form: HTMLElement; composer: PostBox['composer']; submit: HTMLElement };
export function prefill(editor: HTMLTextAreaElement, text: string): void;
export function buildPost(
  doc: Document,
  options?: { post?: FixturePost; count?: number; poolSize?: number; onPost?: (entry: { text: string; parentId: string | null }) => void },
): PostBox;
export function composerStateOf(box: PostBox | null): string | null;
export const BAKER_COMMENTS: { author: string; handle: string; text: string }[];
export const HOSTILE: Record<'imgAuthor' | 'imgText' | 'scriptText' | 'rtlText' | 'zeroWidthText' | 'emojiOnly' | 'hugeText', string>;
