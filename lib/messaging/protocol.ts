/**
 * Every message that crosses a context boundary, in one place. Each payload is a zod schema so
 * the background can reject anything malformed before it touches memory or the engine.
 *
 * Content scripts only ever send what the page shows (a comment and its context) and receive
 * drafts for that page; they never receive profile data, facts or other sites' drafts.
 */
import { z } from 'zod';
import { modelSelectionSchema } from '../llm/catalog';
import type { ModelStatus } from '../llm/model-manager';

export const SITE_IDS = [
  'youtube',
  'instagram',
  'x',
  'tiktok',
  'facebook',
  'linkedin',
  'reddit',
  'threads',
  'bluesky',
] as const;
export const siteIdSchema = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof siteIdSchema>;

/** Upper bounds keep a hostile page from pushing megabytes through the router. */
const MAX_COMMENT_CHARS = 40_000;
const MAX_DRAFT_CHARS = 20_000;

/** A comment as the page shows it: untrusted text, never instructions. */
export const commentContextSchema = z.object({
  site: siteIdSchema,
  /** Stable id: the site's comment id, or a hash of author + text + time when it has none. */
  commentId: z.string().min(1).max(512),
  author: z.string().max(512),
  text: z.string().max(MAX_COMMENT_CHARS),
  permalink: z.string().max(2048).optional(),
  /** Video / post title, for context. */
  threadTitle: z.string().max(2048).optional(),
  /** The text of the comment this one replies to, when it is a reply. */
  parentText: z.string().max(MAX_COMMENT_CHARS).optional(),
  pageUrl: z.string().url().max(4096),
});
export type CommentContext = z.infer<typeof commentContextSchema>;

export const ENGINE_IDS = ['memory', 'webllm'] as const;
export const engineIdSchema = z.enum(ENGINE_IDS);
export type EngineId = z.infer<typeof engineIdSchema>;

export const steerSchema = z.string().max(500);

/** A draft as the page reports what the creator did with it, with its provenance. */
const draftReportSchema = z.object({
  comment: commentContextSchema,
  text: z.string().min(1).max(MAX_DRAFT_CHARS),
  engineText: z.string().max(MAX_DRAFT_CHARS),
  engine: engineIdSchema,
  model: z.string().max(200).optional(),
  exampleIds: z.array(z.number().int()).max(64),
  factIds: z.array(z.number().int()).max(500).optional(),
  metrics: z
    .object({
      promptTokens: z.number().min(0),
      completionTokens: z.number().min(0).optional(),
      timeToFirstTokenMs: z.number().min(0),
      decodeTokensPerSecond: z.number().min(0),
      prefillTokensPerSecond: z.number().min(0),
    })
    .optional(),
});

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

export interface DraftResult {
  text: string;
  engine: EngineId;
  model?: string;
  exampleIds: number[];
  /** Fact-sheet rows the prompt gave the model. */
  factIds?: number[];
  /** Why this engine wrote the draft, when it is not the creator's chosen one. */
  notice?: string;
  /** How close the draft sounds to the creator (0–100) and the habits it departs from most. */
  voice?: { score: number; traits: string[] };
  /** Speed of a model-written draft (WebLLM's usage stats), for the creator and benchmarks. */
  metrics?: {
    promptTokens: number;
    completionTokens?: number;
    timeToFirstTokenMs: number;
    decodeTokensPerSecond: number;
    prefillTokensPerSecond: number;
  };
}

export type DraftPortOut =
  | { type: 'status'; requestId: string; message: string; progress?: number }
  | { type: 'token'; requestId: string; text: string }
  | { type: 'done'; requestId: string; result: DraftResult }
  | { type: 'error'; requestId: string; message: string };
