/**
 * Which of the creator's direct-message replies may be reused in another draft (issue 11). A DM
 * reply was written to one person in private: reused word for word for someone else, it could
 * carry that person's name, a door code, a phone number or where the creator will be. So a DM
 * reply is shareable only when it names nobody and carries no number, link, email, phone or
 * personal detail; comment drafts never take a DM reply at all (retrieval asks for comment
 * replies only, and the engines check again).
 *
 * The screen is deliberately blunt: a false "not shareable" costs one candidate (the draft falls
 * back to comment replies, or abstains honestly), a false "shareable" leaks a private message.
 * So any digit, any capitalised word inside a sentence (a person, a place, a brand: all of them
 * say who or where), and any "my address / my kids / meet me at …" rules a reply out.
 * Pure and cheap: a few regular expressions per candidate, at most a few dozen per draft.
 */
import type { CommentContext } from '../core/draft';
import type { ExampleRow } from './db';
import { parseOpening } from './style';

/** Any digit in any script: codes, phone numbers, prices, dates, addresses, times. */
const DIGIT = /\p{N}/u;
const LINK = /\bhttps?:\/\/|\bwww\.|\b[\p{L}\p{N}-]+\.(?:com|net|org|io|co|me|app|dev|shop|store|link|ly|gg|tv|uk|de|fr|es|it|ca|au|us|info|biz|xyz|page|site|to)\b/iu;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/u;
/** "@sam", but not an email (handled above) or a lone "@". */
const MENTION = /(?:^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_]/u;
/**
 * Phrases that give away something about the creator or the person they talk to: where they
 * live or will be, their family, health, money, codes and passwords.
 */
const PERSONAL_DETAIL = new RegExp(
  [
    String.raw`\b(?:my|our|your)\s+(?:home\s+)?(?:address|house|flat|apartment|place|street|door|gate|code|password|passcode|pin|number|phone|cell|mobile|email|e-mail|wife|husband|partner|boyfriend|girlfriend|kids?|son|daughter|children|baby|mom|mum|dad|mother|father|sister|brother|family|doctor|therapist|diagnosis|surgery|pregnancy|salary|bank|account|card|birthday|school|office|hotel|flight|room|hospital)\b`,
    String.raw`\b(?:i\s+live|we\s+live|i['’]?m\s+staying|i\s+am\s+staying|staying\s+at|meet\s+(?:me|us)\s+at|pick\s+(?:me|you)\s+up|door\s+code|passcode|password|pin\s+code|address\s+is|code\s+is|call\s+me\s+at|text\s+me\s+at|reach\s+me\s+at)\b`,
    String.raw`\b(?:pregnant|divorce|diagnosed|cancer|therapy|rehab|lawsuit|salary|ssn|social\s+security|iban)\b`,
  ].join('|'),
  'iu',
);

/** Capitalised words that are not names: the pronoun I and chat abbreviations. */
const NOT_NAMES = new Set(['i', 'im', 'ill', 'ive', 'id', 'ok', 'okay', 'omg', 'lol', 'dm', 'dms', 'tbh', 'btw', 'asap', 'fyi', 'ty', 'thx', 'xo', 'xoxo']);
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const SENTENCE_END = /[.!?…\n]\s*$/u;

const fold = (word: string) => word.toLowerCase().replace(/['’]/gu, '');

/**
 * Capitalised words of a text that stand inside a sentence (not first), folded: the names it
 * gives. "Are you free Friday, Sam?" → friday, sam.
 */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!/^\p{Lu}/u.test(word)) continue;
    const before = text.slice(0, match.index);
    const first = before.trim() === '' || SENTENCE_END.test(before);
    if (!first && !NOT_NAMES.has(fold(word))) names.add(fold(word));
  }
  const addressed = parseOpening(text)?.name;
  if (addressed) names.add(fold(addressed.replace(/^@/u, '')));
  return names;
}

/**
 * The names a draft's own context gives (the sender's name and handle, the conversation's
 * title and senders, names inside the messages): a reused reply must name none of them.
 */
export function namesOfContext(comment: Pick<CommentContext, 'author' | 'handle' | 'text' | 'conversation'>): Set<string> {
  const names = namesIn(comment.text);
  const add = (value: string | undefined) => {
    for (const word of value?.match(WORD) ?? []) if (!NOT_NAMES.has(fold(word))) names.add(fold(word));
  };
  add(comment.author);
  add(comment.handle);
  add(comment.conversation?.title);
  for (const message of comment.conversation?.messages ?? []) {
    if (message.from === 'them') {
      add(message.sender);
      add(message.handle);
    }
  }
  return names;
}

/** The handle part of a contact key ("instagram:sam" → "sam"). */
function handleOfKey(key: string | undefined): string | undefined {
  const colon = key?.indexOf(':') ?? -1;
  return colon >= 0 ? key!.slice(colon + 1) : undefined;
}

/**
 * Whether a DM reply can be reused (word for word by the memory engine, as a style example in a
 * prompt) in another draft: it names nobody (its contact, an @mention, a capitalised name inside
 * a sentence, a name its incoming message or the new draft's context gave, a greeting's name)
 * and carries no number, link, email, phone or personal detail. `contextNames` are the folded
 * names of the new draft's context (namesOfContext).
 */
export function dmReplyShareable(example: Pick<ExampleRow, 'reply' | 'incoming' | 'contactKey'>, contextNames: ReadonlySet<string> = new Set()): boolean {
  const reply = example.reply;
  if (DIGIT.test(reply) || LINK.test(reply) || EMAIL.test(reply) || MENTION.test(reply) || PERSONAL_DETAIL.test(reply)) return false;
  if (namesIn(reply).size > 0) return false;
  const given = new Set(contextNames);
  for (const name of example.incoming ? namesIn(example.incoming) : []) given.add(name);
  const handle = handleOfKey(example.contactKey);
  for (const word of handle?.match(WORD) ?? []) given.add(fold(word));
  if (given.size === 0) return true;
  // Any word of the reply, at any position and in any case ("sam!", "Sam, thanks"), that is a given name.
  for (const word of reply.match(WORD) ?? []) if (given.has(fold(word))) return false;
  return true;
}

/** A row's kind, absent meaning a comment reply (rows from before DMs). */
const isDm = (example: Pick<ExampleRow, 'kind'>) => example.kind === 'dm';

/**
 * The candidates a draft of this context may use: comment replies always; DM replies only in a
 * DM draft, and only those dmReplyShareable lets through.
 */
export function usableForDraft<T extends { example: ExampleRow }>(
  candidates: readonly T[],
  comment: Pick<CommentContext, 'kind' | 'author' | 'handle' | 'text' | 'conversation'>,
): T[] {
  if (!candidates.some((c) => isDm(c.example))) return [...candidates];
  if (comment.kind !== 'dm') return candidates.filter((c) => !isDm(c.example));
  const names = namesOfContext(comment);
  return candidates.filter((c) => !isDm(c.example) || dmReplyShareable(c.example, names));
}
