/**
 * One reply's content hash, so importing the same file twice (or two exports that overlap, or a
 * profile exported from this browser and imported back) adds each reply once.
 *
 * The hash covers platform, reply and what it answered, each normalized the way a re-export can
 * change them: Unicode normal form, runs of whitespace, letter case. Not the date: exports
 * disagree on time zones and precision, and the same words to the same message are one example.
 *
 * cyrb53 (a 53-bit hash from two 32-bit multiply-xor lanes) rather than SHA-256: it is
 * synchronous and about 1 µs a reply, where crypto.subtle costs a promise per reply; with 53 bits,
 * two distinct replies among 200,000 collide with odds of about one in a million.
 */
import type { SiteId } from '../core/sites';
import { cyrb53 } from '../core/hash';

export interface HashableReply {
  reply: string;
  incoming?: string;
  platform?: SiteId;
}

/** NFC, whitespace runs to one space, trimmed, lower case. */
export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** The reply's content hash: equal for the same words to the same message on the same platform. */
export function replyHash(row: HashableReply): number {
  return cyrb53(`${row.platform ?? ''}\u0000${normalizeForHash(row.reply)}\u0000${normalizeForHash(row.incoming ?? '')}`);
}
