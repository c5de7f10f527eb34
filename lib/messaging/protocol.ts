/**
 * Every message that crosses a context boundary, in one place. Each payload is a zod schema so
 * the background can reject anything malformed before it touches memory or the engine.
 *
 * Content scripts only ever send what the page shows (a comment and its context) and receive
 * drafts for that page; they never receive profile data, facts or other sites' drafts.
 */
import { z } from 'zod';
import { commentContextSchema, draftReportSchema, type DraftResult } from '../core/draft';
import { modelSelectionSchema, type ModelStatus } from '../core/models';
import { steerSchema } from '../core/steers';

/** One-shot requests (runtime.sendMessage) and their replies. */
export const requestSchemas = {
  /** Store a draft in the queue for review in the side panel. */
  'draft.queue': draftReportSchema,
  /** The creator inserted a draft into the site's composer. */
  'draft.inserted': draftReportSchema,
  /**
   * The creator sent a reply Understudy inserted: they confirmed it, or the page shows it
   * posted. Its final text becomes a new example to learn from.
   */
  'draft.sent': draftReportSchema.extend({
    /** How Understudy knows: the creator said so, or it saw the reply on the page. */
    via: z.enum(['confirmed', 'seen']),
  }),
  /** Options page: GPU capability, which models are downloaded, storage used. */
  'model.status': z.object({}),
  /** Options page: start (or join) a model download; progress arrives via extension storage. */
  'model.download': z.object({ selection: modelSelectionSchema }),
  'model.cancel': z.object({}),
  'model.delete': z.object({ selection: modelSelectionSchema }),
  /**
   * Options page: give the replies that lack one a vector now (the creator pressed Try again, or
   * opened options); progress arrives via extension storage.
   */
  'embeddings.start': z.object({}),
} as const;

export type RequestType = keyof typeof requestSchemas;
export type RequestPayload<T extends RequestType> = z.infer<(typeof requestSchemas)[T]>;

export interface ResponseMap {
  'draft.queue': { draftId: number };
  'draft.inserted': { draftId: number };
  'draft.sent': { draftId: number; recorded: boolean };
  'model.status': ModelStatus;
  'model.download': { started: true };
  'model.cancel': { cancelled: true };
  'model.delete': { deleted: true };
  'embeddings.start': { started: boolean };
}

export type Reply<T extends RequestType> =
  | { ok: true; data: ResponseMap[T] }
  | { ok: false; error: string };

export const envelopeSchema = z.object({ type: z.string(), payload: z.unknown() });

export { DRAFT_PORT } from './ports';

export const draftPortInSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    requestId: z.string().min(1).max(64),
    comment: commentContextSchema,
    steer: steerSchema.optional(),
    /** Regenerate asks for another candidate: 0 is the first draft, 1 the next, … */
    variant: z.number().int().min(0).max(1000).optional(),
  }),
  z.object({ type: z.literal('cancel'), requestId: z.string().min(1).max(64) }),
]);
export type DraftPortIn = z.infer<typeof draftPortInSchema>;

export type DraftPortOut =
  | { type: 'status'; requestId: string; message: string; progress?: number }
  | { type: 'token'; requestId: string; text: string }
  | { type: 'done'; requestId: string; result: DraftResult }
  | { type: 'error'; requestId: string; message: string };
