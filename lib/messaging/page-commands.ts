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
import { MAX_PAGE_COMMENTS } from '../core/limits';

/** The envelope that tells a page command from the other messages a content script gets. */
export const PAGE_COMMAND = 'understudy.page-command';

export const pageCommandSchemas = {
  /** Draft all: every comment the page shows now that the adapter can read. */
  'page.comments': z.object({}).strict(),
} as const;

export const pageAnswerSchemas = {
  'page.comments': z.object({ comments: z.array(commentContextSchema).max(MAX_PAGE_COMMENTS) }).strict(),
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
