// Types for fixture-data.js (plain JS so the fixture page can load it without a build step).
export type Segment = string | { link: string; href: string };
export type CommentText = string | Segment[];

export interface FixtureComment {
  id: string;
  author: string;
  text: CommentText;
  time: string;
  likes?: string;
}

export interface FixtureThread extends FixtureComment {
  variant: 'vm' | 'legacy';
  pinned: boolean;
  replies: FixtureComment[];
}

export interface ThreadSeed {
  author: string;
  text: CommentText;
  time: string;
  likes: string;
  variant: 'vm' | 'legacy';
  pinned?: boolean;
  replies?: { author: string; text: CommentText; time: string }[];
}

export const CHANNEL: { name: string; handle: string };
export const DEFAULT_VIDEO_ID: string;
export const VIDEOS: Record<string, string>;
export function videoTitle(videoId: string, options?: { navigated?: boolean }): string;
export function threadOffset(videoId: string, options?: { navigated?: boolean }): number;
export const HOSTILE: {
  imgAuthor: string;
  imgText: string;
  scriptText: string;
  rtlText: string;
  zeroWidthText: string;
};
export const HUGE_TEXT: string;
export const THREADS: ThreadSeed[];
export function hash32(input: string): number;
export function threadId(videoId: string, index: number): string;
export function replyId(parentId: string, replyIndex: number): string;
export function threadAt(videoId: string, index: number, offset?: number): FixtureThread;
export function plainText(text: CommentText): string;
export const SHORTS: { id: string; title: string; comments: string; likes: string }[];
/** The Q&A video for Draft all (qa-threads.js): 60 comments of every kind Draft all sorts. */
export const QA_VIDEO: { id: string; title: string };
export const QA_COMMENTS: [author: string, text: string][];
