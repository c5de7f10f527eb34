/**
 * What both Reddit fixtures show (new Reddit's shreddit app and old.reddit.com): one subreddit,
 * a few posts on its listing, and the comments of the sample creator's post: the comments their
 * past replies answer first, replies in threads, the hostile corpus, one deleted comment (with a
 * reply under it, as Reddit keeps those), then filler. Plain data, no DOM.
 */
import { BAKER_COMMENTS, fillerComment, hostileComments } from '../shared/kit.js';

/** The hostile corpus, re-exported for the adapter's tests (typed in data.d.ts). */
export { HOSTILE } from '../shared/kit.js';

export const SUBREDDIT = 'Sourdough';
/** The creator's Reddit username. */
export const CREATOR = 'crumbandcrust';

export const POST = {
  id: '1k2x9q7',
  slug: 'my_72hour_sourdough_method_cold_retard_rice_flour',
  title: 'My 72-hour sourdough method: cold retard, rice flour banneton and the jiggle test',
  author: CREATOR,
  created: '2026-05-11T15:02:11.000000+0000',
  body: 'I finally wrote up the method from my last video. Levain at 9am, autolyse for an hour, four sets of folds, then 72 hours in the fridge. Ask me anything!',
  score: 412,
};

/** Other posts on the subreddit listing. */
export const OTHER_POSTS = [
  { id: '1k2v0aa', slug: 'first_loaf_after_six_months', title: 'First loaf after six months of trying', author: 'flourpower_88', score: 231, comments: 41 },
  { id: '1k2t7bb', slug: 'rye_starter_smells_like_nail_polish', title: 'Rye starter smells like nail polish, is it dead?', author: 'ryeguy', score: 57, comments: 23 },
];

export const postPath = (post = POST) => `/r/${SUBREDDIT}/comments/${post.id}/${post.slug}/`;

const BASE_TIME = Date.parse('2026-05-11T19:00:00Z');

/** Reddit's `created` attribute format: microseconds and a +0000 offset. */
export function redditTime(ms) {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+0000');
}

/** "3h ago", as Reddit labels times (relative to the fixture's fixed clock). */
export function ago(ms) {
  const minutes = Math.max(1, Math.round((BASE_TIME + 6 * 3_600_000 - ms) / 60_000));
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.round(minutes / 60);
  return hours < 24 ? `${hours}h ago` : `${Math.round(hours / 24)}d ago`;
}

let serial = 0;
/** A comment: Reddit ids are base-36; these are deterministic so tests can name them. */
function comment(author, text, { replies = [], deleted = false, minutes = serial * 7 } = {}) {
  serial += 1;
  const id = `mq${(46_656 + serial).toString(36)}`;
  const ms = BASE_TIME + minutes * 60_000;
  return { id, author, text, created: redditTime(ms), ms, score: 40 - (serial % 37), deleted, replies };
}

function build() {
  serial = 0;
  const baker = BAKER_COMMENTS.map((c) => comment(c.handle, c.text));
  // Threads: a reply to Liam, and Liam answering it (depth 2); a reply to Maria.
  baker[0].replies.push(
    comment('grainnerd', 'Whole wheat ferments a lot faster, I would cut it to 48 hours.', {
      replies: [comment('liambakesbread', 'thanks, will try that this weekend')],
    }),
  );
  baker[1].replies.push(comment('flourpower_88', 'Rice flour is the only thing that stopped my dough sticking to the basket.'));
  const hostile = hostileComments().map((c) => comment(c.author, c.text));
  const deleted = comment('[deleted]', '', {
    deleted: true,
    replies: [comment('curious_baker', 'What did they say? I missed it before it was deleted.')],
  });
  const filler = Array.from({ length: 10 }, (_, i) => {
    const f = fillerComment(i);
    return comment(f.handle, f.text);
  });
  return [...baker, ...hostile, deleted, ...filler];
}

/** The post's top-level comments (with their replies), the same list on every call. */
export function postComments() {
  return build();
}

/** Filler top-level comments number `from`… (for ?comments=N and "more comments"). */
export function fillerComments(from, count) {
  return Array.from({ length: count }, (_, i) => {
    const f = fillerComment(from + i);
    const id = `mf${(1_679_616 + from + i).toString(36)}`;
    const ms = BASE_TIME + (from + i) * 60_000;
    return { id, author: f.handle, text: f.text, created: redditTime(ms), ms, score: 1 + ((from + i) % 9), deleted: false, replies: [] };
  });
}

/**
 * The comments a page renders: the standard list, or with `?comments=N` N top-level comments
 * (the standard ones first, then filler), for benchmarks.
 */
export function commentsFor(search) {
  const base = postComments();
  const param = new URLSearchParams(search).get('comments');
  if (param === null || !/^\d+$/.test(param)) return base;
  const n = Number(param);
  return n <= base.length ? base.slice(0, n) : [...base, ...fillerComments(base.length, n - base.length)];
}

/** Every comment in a list, replies included, in page order. */
export function flatten(list) {
  return list.flatMap((c) => [c, ...flatten(c.replies)]);
}
