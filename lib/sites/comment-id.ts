/**
 * Stable comment ids. The site's own id wins; without one (TikTok shows none, some YouTube
 * variants drop the permalink) a hash of what the page shows stands in, so a queued draft and
 * its comment still find each other after the node is re-rendered or recycled.
 */

/** Longest id the message protocol accepts (commentContextSchema.commentId). */
const MAX_ID_CHARS = 512;

/** Prefix that marks an id as derived from content rather than given by the site. */
export const HASH_ID_PREFIX = 'h-';

/**
 * cyrb53: a fast 53-bit string hash with good spread. Not cryptographic; it only has to keep
 * different comments apart on one page and stay the same across reads.
 */
export function hashString(input: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

export interface CommentIdParts {
  /** The id the site gives the comment, if any. */
  siteId?: string | null;
  author: string;
  text: string;
  /** Only pass a time that does not drift ("2 hours ago" becomes "3 hours ago" on reload). */
  time?: string;
}

/** The site's id when it has a usable one, else a short hash of author + text + time. */
export function stableCommentId({ siteId, author, text, time = '' }: CommentIdParts): string {
  const given = siteId?.trim();
  if (given) return given.length <= MAX_ID_CHARS ? given : HASH_ID_PREFIX + hashString(given);
  // The separator cannot appear in page text, so ("ab","c") and ("a","bc") hash differently.
  return HASH_ID_PREFIX + hashString([author, text, time].join('\u0000'));
}
