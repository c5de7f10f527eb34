/**
 * Commands from the background to a site tab's content script (tabs.sendMessage to the top
 * frame), each with an answer: the review desk asks a page for its comments (Draft all), to
 * insert a queued draft into one comment's reply box (Open & insert), or to draft the comment in
 * focus (the keyboard command, the context menu). Only the extension can send these; a page
 * cannot reach runtime.onMessage. But an answer is written by a page we don't trust, so the
 * background checks it against its schema like any message from a content script.
 *
 * Adding a command = one entry in `pageCommandSchemas` and one in `pageAnswerSchemas`.
 */
import { z } from 'zod';
import { commentContextSchema } from '../core/draft';
import { MAX_DRAFT_CHARS, MAX_PAGE_COMMENTS } from '../core/limits';
import { sessionIdSchema } from './editor-protocol';

/** The envelope that tells a page command from the other messages a content script gets. */
export const PAGE_COMMAND = 'understudy.page-command';

export const pageCommandSchemas = {
  /** Draft all: every comment the page shows now that the adapter can read. */
  'page.comments': z.object({}).strict(),
  /**
   * Open & insert: the creator pressed it on a queued draft in the side panel. Find this
   * comment, scroll to it, open its reply box and put the text in (the draft with the creator's
   * AI-assisted note, where they asked for one). `sessionId` names the background's record of
   * what was inserted, so a reply seen posted afterwards is learned as after an inline Insert.
   */
  'page.insert': z
    .object({ commentId: z.string().min(1).max(512), text: z.string().min(1).max(MAX_DRAFT_CHARS), sessionId: sessionIdSchema })
    .strict(),
  /** The keyboard command: open the editor of the comment in focus, else the one under the pointer. */
  'page.draftHere': z.object({}).strict(),
  /** The context menu "Draft a reply to this": open the editor of the comment holding the selection. */
  'page.draftSelection': z.object({}).strict(),
} as const;

/**
 * How an Open & insert went. The page says only which case it was; what the creator reads is
 * worded by the background, except why no reply box took the text (the content script's own
 * words, as the inline Insert shows them: no box found, or the box refused and the draft is copied).
 */
export const pageInsertAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('inserted') }).strict(),
  /** The comment isn't on the page (deleted, or the page shows something else now). */
  z.object({ outcome: z.literal('missing') }).strict(),
  z.object({ outcome: z.literal('refused'), reason: z.string().min(1).max(500) }).strict(),
]);
export type PageInsertAnswer = z.infer<typeof pageInsertAnswerSchema>;

export const pageAnswerSchemas = {
  'page.comments': z.object({ comments: z.array(commentContextSchema).max(MAX_PAGE_COMMENTS) }).strict(),
  'page.insert': pageInsertAnswerSchema,
  /** Whether an editor opened (false: no comment in focus or under the pointer; the page said so). */
  'page.draftHere': z.object({ opened: z.boolean() }).strict(),
  'page.draftSelection': z.object({ opened: z.boolean() }).strict(),
} as const satisfies Record<PageCommandType, z.ZodTypeAny>;

export type PageCommandType = keyof typeof pageCommandSchemas;
export type PageCommandPayload<T extends PageCommandType> = z.infer<(typeof pageCommandSchemas)[T]>;
export type PageAnswer<T extends PageCommandType> = z.infer<(typeof pageAnswerSchemas)[T]>;

export interface PageCommandMessage<T extends PageCommandType = PageCommandType> {
  kind: typeof PAGE_COMMAND;
  type: T;
  payload: PageCommandPayload<T>;
}

export type PageReply<T extends PageCommandType> = { ok: true; data: PageAnswer<T> } | { ok: false; error: string };

export function isPageCommandType(type: unknown): type is PageCommandType {
  return typeof type === 'string' && Object.hasOwn(pageCommandSchemas, type);
}
