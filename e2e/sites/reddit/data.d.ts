// Types for data.js (plain JS so the fixture pages load it without a build step).
export interface RedditComment {
  id: string;
  author: string;
  text: string;
  /** Reddit's `created` attribute: "2026-05-11T19:00:00.000000+0000". */
  created: string;
  ms: number;
  score: number;
  deleted: boolean;
  replies: RedditComment[];
}
export interface RedditPost {
  id: string;
  slug: string;
  title: string;
  author: string;
  created?: string;
  body?: string;
  score: number;
  comments?: number;
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
export const SUBREDDIT: string;
export const CREATOR: string;
export const POST: RedditPost & { created: string; body: string };
export const OTHER_POSTS: RedditPost[];
export function postPath(post?: RedditPost): string;
export function redditTime(ms: number): string;
export function ago(ms: number): string;
export function postComments(): RedditComment[];
export function fillerComments(from: number, count: number): RedditComment[];
export function commentsFor(search: string): RedditComment[];
export function flatten(list: RedditComment[]): RedditComment[];
