/**
 * Messages between the background and the engine host (the offscreen document on Chrome), over
 * one long-lived port named ENGINE_PORT. Every message carries the requestId the background
 * chose, so one port serves every tab. Both sides validate what they receive.
 *
 * background → host: draft.start / draft.cancel, model.download / model.cancel, embed /
 *   embed.cancel, cache.status, cache.delete, storage.estimate, capability, engine.unload, configure.
 * host → background: queue (position), status, token, done, cancelled, error, progress,
 *   embeddings, cache.status, storage.estimate, capability, ok.
 */
import { modelSelectionSchema } from '../core/models';
import { commentContextSchema, engineIdSchema } from '../core/draft';
import { siteIdSchema } from '../core/draft';
import { steerSchema } from '../core/steers';
import { z } from 'zod';

export const ENGINE_PORT = 'understudy.engine';

const requestId = z.string().min(1).max(64);
const shortText = z.string().max(2000);
const profileText = z.string().max(20_000);

export { modelSelectionSchema };

export const generationSettingsSchema = z.object({
  temperature: z.number().min(0).max(2),
  maxTokens: z.number().int().min(16).max(1024),
});

const profileRowSchema = z.object({
  id: z.string().max(64),
  name: z.string().max(200),
  handles: z.partialRecord(siteIdSchema, z.string().max(200)),
  voice: profileText,
  values: z.array(profileText).max(200),
  objectives: z.array(profileText).max(200),
  boundaries: z.array(profileText).max(500),
  links: z.array(z.object({ label: z.string().max(500), url: z.string().max(4096) })).max(200),
  offers: z
    .array(
      z.object({
        name: z.string().max(500),
        details: profileText.optional(),
        url: z.string().max(4096).optional(),
        price: z.string().max(200).optional(),
      }),
    )
    .max(200),
  greeting: z.string().max(500).optional(),
  signoff: z.string().max(500).optional(),
  importedAt: z.number(),
  source: z.string().max(500),
});

const factRowSchema = z.object({
  id: z.number().int().optional(),
  text: profileText,
  topic: z.string().max(500).optional(),
});

const exampleRowSchema = z.object({
  id: z.number().int().optional(),
  incoming: z.string().max(40_000).optional(),
  reply: z.string().max(20_000),
  platform: siteIdSchema.optional(),
  source: z.enum(['import', 'sent']),
  topic: z.string().max(200).optional(),
  createdAt: z.number(),
});

/** A DraftInput as it travels: the background has already retrieved the examples. */
export const draftInputWireSchema = z.object({
  comment: commentContextSchema,
  steer: steerSchema.optional(),
  profile: profileRowSchema.optional(),
  facts: z.array(factRowSchema).max(500),
  examples: z.array(z.object({ example: exampleRowSchema, score: z.number() })).max(500),
  stylePlatformLength: z.object({ median: z.number().min(0), p90: z.number().min(0) }).optional(),
  /** Prompt-safe contact context: earlier exchanges, never the creator's private note. */
  contact: z
    .object({
      handle: z.string().max(512),
      displayName: z.string().max(512).optional(),
      interactions: z.number().int().min(0),
      lastSeen: z.number().optional(),
      history: z
        .array(z.object({ exampleId: z.number().int(), comment: z.string().max(40_000).optional(), reply: z.string().max(5_000), at: z.number() }))
        .max(20),
    })
    .strict()
    .optional(),
});
export type DraftInputWire = z.infer<typeof draftInputWireSchema>;

/** Texts per embed request: a few GPU batches, so a draft never waits long behind one. */
export const MAX_EMBED_TEXTS = 64;
/** Callers cut texts to the model's context (512 tokens) well before this. */
export const MAX_EMBED_CHARS = 4000;
/** Widest vector accepted back (Arctic Embed M has 768 dimensions). */
export const MAX_EMBED_DIMS = 4096;

export const engineHostInSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('draft.start'),
    requestId,
    model: modelSelectionSchema,
    generation: generationSettingsSchema,
    input: draftInputWireSchema,
    /** The embedding model in use: loaded alongside when the drafting model has to be loaded. */
    companion: modelSelectionSchema.optional(),
  }),
  z.object({ type: z.literal('draft.cancel'), requestId }),
  /** Texts → one vector each, from an embedding model, through the same queue as drafts. */
  z.object({
    type: z.literal('embed'),
    requestId,
    model: modelSelectionSchema,
    texts: z.array(z.string().min(1).max(MAX_EMBED_CHARS)).min(1).max(MAX_EMBED_TEXTS),
    /** The drafting model in use: kept (or loaded) on the GPU alongside, so neither evicts the other. */
    companion: modelSelectionSchema.optional(),
  }),
  z.object({ type: z.literal('embed.cancel'), requestId }),
  z.object({ type: z.literal('model.download'), requestId, model: modelSelectionSchema }),
  z.object({ type: z.literal('model.cancel'), requestId }),
  z.object({ type: z.literal('cache.status'), requestId, model: modelSelectionSchema }),
  z.object({ type: z.literal('cache.delete'), requestId, model: modelSelectionSchema }),
  z.object({ type: z.literal('storage.estimate'), requestId }),
  z.object({ type: z.literal('capability'), requestId }),
  z.object({ type: z.literal('engine.unload'), requestId }),
  z.object({ type: z.literal('configure'), idleUnloadMinutes: z.number().int().min(1).max(240) }),
]);
export type EngineHostIn = z.infer<typeof engineHostInSchema>;

export const draftMetricsSchema = z.object({
  promptTokens: z.number(),
  completionTokens: z.number().optional(),
  timeToFirstTokenMs: z.number(),
  decodeTokensPerSecond: z.number(),
  prefillTokensPerSecond: z.number(),
});

export const draftResultSchema = z.object({
  text: z.string().max(20_000),
  engine: engineIdSchema,
  model: z.string().max(200).optional(),
  exampleIds: z.array(z.number().int()).max(64),
  factIds: z.array(z.number().int()).max(500).optional(),
  notice: z.string().max(2000).optional(),
  metrics: draftMetricsSchema.optional(),
});

export const gpuCapabilitySchema = z.object({
  available: z.boolean(),
  reason: z.string().max(2000).optional(),
  adapterName: z.string().max(500).optional(),
  vendor: z.string().max(200).optional(),
  architecture: z.string().max(200).optional(),
  description: z.string().max(500).optional(),
  isSoftware: z.boolean(),
  shaderF16: z.boolean(),
  maxBufferSize: z.number().optional(),
  maxStorageBufferBindingSize: z.number().optional(),
  deviceMemoryGB: z.number().optional(),
});

export const LOAD_ERROR_KINDS = [
  'no-webgpu',
  'missing-f16',
  'device-lost',
  'out-of-memory',
  'storage-full',
  'context-window',
  'model-not-found',
  'download',
  'gpu-error',
  'unknown',
] as const;

export const engineHostOutSchema = z.discriminatedUnion('type', [
  /** How many jobs are ahead of this one; 0 once it is running. */
  z.object({ type: z.literal('queue'), requestId, position: z.number().int().min(0) }),
  z.object({ type: z.literal('status'), requestId, message: shortText, progress: z.number().min(0).max(1).optional() }),
  z.object({ type: z.literal('token'), requestId, text: z.string().max(20_000) }),
  z.object({ type: z.literal('done'), requestId, result: draftResultSchema }),
  /** One vector per text of an embed request, in the same order. */
  z.object({
    type: z.literal('embeddings'),
    requestId,
    model: z.string().max(200),
    vectors: z.array(z.array(z.number()).min(1).max(MAX_EMBED_DIMS)).max(MAX_EMBED_TEXTS),
  }),
  z.object({ type: z.literal('cancelled'), requestId }),
  z.object({ type: z.literal('error'), requestId, message: shortText, kind: z.enum(LOAD_ERROR_KINDS).optional() }),
  z.object({
    type: z.literal('progress'),
    requestId,
    phase: z.enum(['download', 'cache', 'shaders', 'ready', 'other']),
    progress: z.number().min(0).max(1),
    message: shortText,
    loadedMB: z.number().optional(),
    totalMB: z.number().optional(),
    timeLeftSeconds: z.number().optional(),
  }),
  z.object({ type: z.literal('cache.status'), requestId, cached: z.boolean() }),
  z.object({ type: z.literal('storage.estimate'), requestId, usage: z.number().optional(), quota: z.number().optional() }),
  z.object({ type: z.literal('capability'), requestId, capability: gpuCapabilitySchema }),
  /** A download, delete or unload finished. */
  z.object({ type: z.literal('ok'), requestId }),
]);
export type EngineHostOut = z.infer<typeof engineHostOutSchema>;
