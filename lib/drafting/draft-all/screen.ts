/**
 * Which comments Draft all sets aside instead of drafting (issue 14): spam (links, the same text
 * posted again, bot patterns), abuse, and the creator's boundary topics. Each is recorded with
 * its reason (lib/core/desk.ts SET_ASIDE_REASONS), never drafted silently.
 *
 * Rules, not a model: they run over every comment of a page (300 in well under a millisecond
 * each), in the background, with nothing to download. They lean towards setting aside: a
 * comment set aside still shows in the side panel with its reason, for the creator to answer
 * themselves, while a draft written for a spammer or a troll is one the creator might send.
 */
import type { SetAsideReason } from '../../core/desk';
import type { CommentContext } from '../../core/draft';
import { checkBoundaries } from '../../guard/boundaries';
import { prepare, type GuardContext } from '../../guard/context';
import { fold } from '../../guard/text';
import { classifyIntent, foldForCues } from '../../memory/intent';

/** A link in a comment: a scheme, "www.", or a host with a common top-level domain and a path. */
const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|ly|me|co|xyz|info|biz|shop|store|link|click|top|ru|cn|tk)\b(?:\/|$|\s)|\bbit\.ly\b/iu;

/** What bots post that intent.ts's spam cues (follow-for-follow, giveaways, crypto) miss. */
const BOT = new RegExp(
  [
    '\\bwhats ?app\\b',
    '\\btelegram\\b',
    '\\b(?:forex|bitcoin|btc|nft|investment (?:plan|opportunity))\\b',
    '\\b(?:hot|lonely) (?:singles|girls|women) (?:near|in) you\\b',
    '\\bonlyfans\\b',
    '\\b(?:promo|promote) your (?:channel|video|page)\\b',
    '\\bwork from home and (?:earn|make)\\b',
    '\\bi made \\$?\\d[\\d,.]*k? (?:a|per|this) (?:day|week|month)\\b',
    '\\b(?:contact|message) (?:me|him|her) (?:on|via)\\b',
  ].join('|'),
  'u',
);

/**
 * Insults and threats aimed at the creator or others. Criticism ("too salty", "this never
 * works") is not abuse: it gets a draft like any comment.
 */
const ABUSE = new RegExp(
  [
    '\\b(?:you|u|ur|your|you\'re|youre) (?:are |r )?(?:an? )?(?:idiot|moron|stupid|dumb|pathetic|disgusting|loser|fraud|clown|joke|trash|garbage)\\b',
    '\\b(?:idiot|moron|imbecile|loser|bitch|bastard|asshole|dickhead|cunt|whore|slut|retard)s?\\b',
    '\\bf+u+c+k+ (?:you|off|u|this)\\b',
    '\\bshut (?:up|your (?:mouth|face))\\b',
    '\\b(?:kill|hang|shoot) (?:yourself|urself|you)\\b',
    '\\bkys\\b',
    '\\b(?:i|we) (?:hate|will find) you\\b',
    '\\b(?:ugly|fat) (?:cow|pig|bitch)\\b',
    '\\bnobody (?:likes|cares about) you\\b',
    '\\bgo (?:die|to hell)\\b',
    '\\b(?:idiota|estupid[oa]|imbecil|puta|pendej[oa]|connard|salope|arschloch|hurensohn|vai se foder|otario)\\b',
  ].join('|'),
  'u',
);

/** The same words, however they are cased, spaced or punctuated. */
export function sameTextKey(text: string): string {
  return foldForCues(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Texts posted more than once on this page that are long enough to be a bot's copy and paste
 * ("Great video!" from two people is just two people): at least 5 words, posted by more than
 * one account or twice by the same one.
 */
export function repeatedTexts(comments: readonly CommentContext[]): Set<string> {
  const seen = new Map<string, number>();
  for (const comment of comments) {
    const key = sameTextKey(comment.text);
    if (key.split(' ').length < 5) continue;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, count]) => count > 1).map(([key]) => key));
}

/**
 * A comment in the creator's person: the guard reads a draft, where "my kids" is the creator's
 * family; in a comment it is the commenter's, and "your kids" is the creator's. Only the English
 * pronouns are turned; the other meanings (politics, medical, address) don't depend on them.
 */
function asCreatorWouldSay(text: string): string {
  return text.replace(/\b(?:my|our)\b/giu, 'their').replace(/\byour\b/giu, 'my').replace(/\byou\b/giu, 'I');
}

/** The creator's boundaries as the claim guard reads them, prepared once per job. */
export function boundaryReader(boundaries: readonly string[]): (text: string) => boolean {
  if (boundaries.length === 0) return () => false;
  const context: GuardContext = { facts: [], links: [], offers: [], boundaries, answering: [] };
  const prepared = prepare(context);
  return (text) => {
    const turned = asCreatorWouldSay(text);
    return checkBoundaries({ text: turned, folded: fold(turned), language: undefined }, prepared).length > 0;
  };
}

export interface ScreenContext {
  repeated: ReadonlySet<string>;
  onBoundary: (text: string) => boolean;
}

/** Why this comment is set aside, or undefined when it should be drafted. Abuse outranks spam. */
export function setAsideReasonFor(comment: CommentContext, context: ScreenContext): SetAsideReason | undefined {
  const folded = foldForCues(comment.text);
  if (ABUSE.test(folded)) return 'abuse';
  if (LINK.test(comment.text) || BOT.test(folded) || classifyIntent(comment.text) === 'spam') return 'spam';
  if (context.repeated.has(sameTextKey(comment.text))) return 'spam';
  if (context.onBoundary(comment.text)) return 'boundary';
  return undefined;
}
