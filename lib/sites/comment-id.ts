/**
 * Stable comment ids. The site's own id wins; without one (TikTok shows none, some YouTube
 * variants drop the permalink) a hash of what the page shows stands in, so a queued draft and
 * its comment still find each other after the node is re-rendered or recycled.
 */

import { cyrb53 } from '../core/hash';

/** Longest id the message protocol accepts (commentContextSchema.commentId). */
const MAX_ID_CHARS = 512;

/** Prefix that marks an id as derived from content rather than given by the site. */
export const HASH_ID_PREFIX = 'h-';

/** A short hex hash of a string (cyrb53, see lib/core/hash.ts). */
export function hashString(input: string, seed = 0): string {
  return cyrb53(input, seed).toString(16).padStart(14, '0');
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
