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
import {
  MAX_AUTHOR_CHARS,
  MAX_COMMENT_CHARS,
  MAX_CONTACT_HISTORY,
  MAX_DRAFT_CHARS,
  MAX_DRAFT_EXAMPLES,
  MAX_FACTS,
  MAX_FILE_NAME_CHARS,
  MAX_ITEM_CHARS,
  MAX_LIST_ITEMS,
  MAX_MESSAGE_CHARS,
  MAX_MODEL_ID_CHARS,
  MAX_NAME_CHARS,
  MAX_REQUEST_ID_CHARS,
  MAX_URL_CHARS,
  MAX_VOICE_CHARS,
} from '../core/limits';
import { leftOutSchema } from '../core/draft';
import { z } from 'zod';

export const ENGINE_PORT = 'understudy.engine';

const requestId = z.string().min(1).max(MAX_REQUEST_ID_CHARS);
const shortText = z.string().max(MAX_MESSAGE_CHARS);
/**
 * The profile and fact rows cross whole, with the profile schema's own limits (lib/core/limits):
 * a profile that imports is a profile the engine accepts. The prompt builder, on the far side,
 * picks what fits the model's context.
 */
const itemText = z.string().max(MAX_ITEM_CHARS);
const nameText = z.string().max(MAX_NAME_CHARS);
const url = z.string().max(MAX_URL_CHARS);

export { modelSelectionSchema };

export const generationSettingsSchema = z.object({
  temperature: z.number().min(0).max(2),
  maxTokens: z.number().int().min(16).max(1024),
});

const profileRowSchema = z.object({
  id: z.string().max(64),
  name: nameText,
  handles: z.partialRecord(siteIdSchema, nameText),
  voice: z.string().max(MAX_VOICE_CHARS),
  values: z.array(itemText).max(MAX_LIST_ITEMS),
  objectives: z.array(itemText).max(MAX_LIST_ITEMS),
  boundaries: z.array(itemText).max(MAX_LIST_ITEMS),
  links: z.array(z.object({ label: nameText, url })).max(MAX_LIST_ITEMS),
  offers: z
    .array(
      z.object({
        name: nameText,
        details: itemText.optional(),
        url: url.optional(),
        price: nameText.optional(),
      }),
    )
    .max(MAX_LIST_ITEMS),
  greeting: nameText.optional(),
  signoff: nameText.optional(),
  importedAt: z.number(),
  source: z.string().max(MAX_FILE_NAME_CHARS),
});

const factRowSchema = z.object({
  id: z.number().int().optional(),
  text: itemText,
  topic: nameText.optional(),
});

const exampleRowSchema = z.object({
  id: z.number().int().optional(),
  incoming: z.string().max(MAX_COMMENT_CHARS).optional(),
  reply: z.string().max(MAX_DRAFT_CHARS),
  platform: siteIdSchema.optional(),
  source: z.enum(['import', 'sent']),
  topic: nameText.optional(),
  createdAt: z.number(),
});

/** A DraftInput as it travels: the background has already retrieved the examples. */
export const draftInputWireSchema = z.object({
  comment: commentContextSchema,
  steer: steerSchema.optional(),
  profile: profileRowSchema.optional(),
  facts: z.array(factRowSchema).max(MAX_FACTS),
  /** Retrieval candidates; the background sends at most MAX_WIRE_EXAMPLES (offscreen-client). */
  examples: z.array(z.object({ example: exampleRowSchema, score: z.number() })).max(500),
  stylePlatformLength: z.object({ median: z.number().min(0), p90: z.number().min(0) }).optional(),
  /** Prompt-safe contact context: earlier exchanges, never the creator's private note. */
  contact: z
    .object({
      handle: z.string().max(MAX_AUTHOR_CHARS),
      displayName: z.string().max(MAX_AUTHOR_CHARS).optional(),
      interactions: z.number().int().min(0),
      lastSeen: z.number().optional(),
      history: z
        .array(
          z.object({
            exampleId: z.number().int(),
            comment: z.string().max(MAX_COMMENT_CHARS).optional(),
            reply: z.string().max(MAX_DRAFT_CHARS),
            at: z.number(),
          }),
        )
        .max(MAX_CONTACT_HISTORY),
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
  text: z.string().max(MAX_DRAFT_CHARS),
  engine: engineIdSchema,
  model: z.string().max(MAX_MODEL_ID_CHARS).optional(),
  exampleIds: z.array(z.number().int()).max(MAX_DRAFT_EXAMPLES),
  factIds: z.array(z.number().int()).max(MAX_FACTS).optional(),
  notice: shortText.optional(),
  metrics: draftMetricsSchema.optional(),
  leftOut: leftOutSchema.optional(),
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

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('') || 'the message';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issuePath(issue.path);
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `${where} is missing`;
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return `${where} is empty`;
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum).toLocaleString('en-US');
    const more = issue.code === 'too_big';
    if (issue.origin === 'array') return `${where} has ${more ? 'more' : 'fewer'} items than the ${bound} allowed`;
    if (issue.origin === 'string') return `${where} is ${more ? 'longer' : 'shorter'} than the ${bound} characters allowed`;
    return `${where} is ${more ? 'above' : 'below'} ${bound}`;
  }
  return `${where}: ${issue.message}`;
}

/**
 * Why the host refused a request, naming the field and the limit ("input.facts has more items
 * than the 5,000 allowed"), so the notice on a fallback draft says what was wrong. The limits come
 * from lib/core/limits like the profile schema's, so no valid profile should ever get here.
 */
export function describeInvalidRequest(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  const what = first ? describeIssue(first) : 'it is malformed';
  const others = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return `The engine could not read this request: ${what}${others}.`.slice(0, MAX_MESSAGE_CHARS);
}
