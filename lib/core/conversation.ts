/**
 * Direct messages as the domain sees them (issue 11). A conversation is read from the page only
 * when the creator presses Draft reply: its latest messages, oldest first, each marked as theirs
 * or the creator's. A DM draft answers a run of the other person's latest messages; the
 * creator may pick an earlier one instead. Every message is untrusted text, like a comment.
 *
 * A DM travels as a CommentContext with `kind: 'dm'` and a `conversation`, so the editor, the
 * queue, the engines and the side panel keep one shape; `text` holds the messages answered and
 * `author` their sender.
 */
import { z } from 'zod';
import { MAX_ANSWERED_MESSAGES, MAX_AUTHOR_CHARS, MAX_CHAT_MESSAGE_CHARS, MAX_CONVERSATION_MESSAGES, MAX_THREAD_TITLE_CHARS } from './limits';

/** What a reply answers: a public comment, or a direct message. Absent on a context = comment. */
export const REPLY_KINDS = ['comment', 'dm'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/**
 * The words that stand in for what a message shows but isn't text, so the draft knows a photo
 * was sent without anyone's media reaching memory or a prompt. `sharedPost` takes the post's
 * title as the page shows it.
 */
export const MESSAGE_PLACEHOLDERS = {
  photo: '[photo]',
  video: '[video]',
  voice: '[voice message]',
  sticker: '[sticker]',
  gif: '[GIF]',
  file: '[file]',
  reaction: '[reaction]',
  call: '[call]',
  sharedPost: (title?: string) => (title?.trim() ? `[shared post: ${title.trim().slice(0, 200)}]` : '[shared post]'),
} as const;

export const conversationMessageSchema = z.object({
  /** The site's message id where it shows one (X's UUID, LinkedIn's event URN). */
  id: z.string().min(1).max(512).optional(),
  /** Who wrote it: the other side ('them') or the creator ('me'). */
  from: z.enum(['them', 'me']),
  /** The sender's name as shown ("You" for the creator's own). */
  sender: z.string().max(MAX_AUTHOR_CHARS),
  handle: z.string().max(MAX_AUTHOR_CHARS).optional(),
  /** The message's text, media as MESSAGE_PLACEHOLDERS. */
  text: z.string().max(MAX_CHAT_MESSAGE_CHARS),
  /** When it was sent: ISO 8601 where the page gives a machine time, else its text. */
  at: z.string().max(200).optional(),
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

export const conversationSchema = z.object({
  /** The site's id for the conversation (from its URL or the pane), stable across visits. */
  id: z.string().min(1).max(512),
  /** The conversation's title as shown: the other person's name, or a group's name. */
  title: z.string().max(MAX_THREAD_TITLE_CHARS).optional(),
  /** More than one other person writes here: a draft must answer the right one. */
  group: z.boolean(),
  /** The latest messages, oldest first. */
  messages: z.array(conversationMessageSchema).max(MAX_CONVERSATION_MESSAGES),
  /** Indexes into `messages` of the ones this draft answers (a run by one sender). */
  answering: z.array(z.number().int().min(0).max(MAX_CONVERSATION_MESSAGES - 1)).min(1).max(MAX_ANSWERED_MESSAGES),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** The comment id a DM draft is kept under: one live draft per conversation. */
export function conversationDraftId(conversationId: string): string {
  return `dm:${conversationId}`.slice(0, 512);
}

/**
 * The run of messages a draft should answer by default: the other side's messages after the
 * creator's last one, from the latest sender only (in a group, the person who wrote last is the
 * one waiting). When the creator wrote last, the latest incoming run is answered again (a
 * follow-up). Empty when the other side has never written.
 */
export function defaultAnswering(messages: readonly ConversationMessage[]): number[] {
  let last = messages.length - 1;
  while (last >= 0 && messages[last]!.from === 'me') last -= 1;
  if (last < 0) return [];
  return runEndingAt(messages, last);
}

/**
 * The incoming run that ends at message `index`: it and the same sender's messages right before
 * it, back to the creator's last message or another sender (at most MAX_ANSWERED_MESSAGES).
 */
export function runEndingAt(messages: readonly ConversationMessage[], index: number): number[] {
  const end = messages[index];
  if (!end || end.from !== 'them') return [];
  const run = [index];
  for (let i = index - 1; i >= 0 && run.length < MAX_ANSWERED_MESSAGES; i--) {
    const message = messages[i]!;
    if (message.from !== 'them' || message.sender !== end.sender) break;
    run.unshift(i);
  }
  return run;
}

export interface ConversationRead {
  id: string;
  title?: string;
  group: boolean;
  messages: ConversationMessage[];
}

/**
 * The fields of a CommentContext that say what a DM draft answers: the text of the messages
 * answered (one per line), their sender, and the conversation they sit in. Null when nothing in
 * the conversation can be answered.
 */
export function dmAnswer(
  conversation: ConversationRead,
  answering: number[] = defaultAnswering(conversation.messages),
): { commentId: string; kind: 'dm'; author: string; handle?: string; text: string; postedAt?: string; conversation: Conversation } | null {
  const picked = answering.filter((i) => conversation.messages[i]?.from === 'them');
  if (picked.length === 0) return null;
  const last = conversation.messages[picked[picked.length - 1]!]!;
  return {
    commentId: conversationDraftId(conversation.id),
    kind: 'dm',
    author: last.sender,
    ...(last.handle ? { handle: last.handle } : {}),
    text: picked.map((i) => conversation.messages[i]!.text).join('\n'),
    ...(last.at ? { postedAt: last.at } : {}),
    conversation: { ...conversation, answering: picked },
  };
}

/**
 * What is kept of a live conversation once a draft is saved (queue, history): only the messages
 * it answered, for "Why this draft?". The rest of the conversation is not copied into memory.
 */
export function keptOfConversation(conversation: Conversation): Conversation {
  const messages = conversation.answering.map((i) => conversation.messages[i]).filter((m): m is ConversationMessage => m !== undefined);
  return { ...conversation, messages, answering: messages.map((_, i) => i) };
}

function sameMessage(a: ConversationMessage, b: ConversationMessage): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.from === b.from && a.sender === b.sender && a.text === b.text;
}

/**
 * Whether `now` shows the conversation `before` showed with messages after its newest one: a
 * message arrived. A read that no longer reaches that newest message (the creator scrolled up
 * a list that renders only what is in view) or that ends at it is not news.
 */
export function hasNewMessages(before: Conversation | undefined, now: Conversation | undefined): boolean {
  if (!before || !now || before.id !== now.id) return false;
  const last = before.messages[before.messages.length - 1];
  if (!last) return now.messages.length > 0;
  for (let i = now.messages.length - 1; i >= 0; i--) {
    if (sameMessage(now.messages[i]!, last)) return i < now.messages.length - 1;
  }
  return false;
}
