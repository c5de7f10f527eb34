/**
 * The domain's shared shapes: a comment as the page shows it, the engines, and a draft with
 * its provenance. Every layer (sites, memory, messaging, engines, UI) speaks in these.
 */
import { z } from 'zod';
import { SITE_IDS } from './sites';
import { conversationSchema, REPLY_KINDS } from './conversation';
import { GUARD_FLAG_KINDS, guardFlagKindSchema } from './guard';
import type { GuardFlag } from './guard';
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_THREAD_TITLE_CHARS, MAX_DRAFT_CHARS, MAX_DRAFT_EXAMPLES, MAX_FACTS, MAX_URL_CHARS } from './limits';

export const siteIdSchema = z.enum(SITE_IDS);

/** A comment as the page shows it: untrusted text, never instructions. */
export const commentContextSchema = z.object({
  site: siteIdSchema,
  /** Stable id: the site's comment id, or a hash of author + text + time when it has none. */
  commentId: z.string().min(1).max(512),
  author: z.string().max(512),
  text: z.string().max(MAX_COMMENT_CHARS),
  permalink: z.string().max(MAX_URL_CHARS).optional(),
  /** Video / post title, for context. */
  threadTitle: z.string().max(MAX_THREAD_TITLE_CHARS).optional(),
  /** The text of the comment this one replies to, when it is a reply. */
  parentText: z.string().max(MAX_COMMENT_CHARS).optional(),
  /** Who wrote the comment this one replies to. */
  parentAuthor: z.string().max(MAX_AUTHOR_CHARS).optional(),
  /** The id of the comment this one replies to (a reply in a thread). */
  parentId: z.string().min(1).max(512).optional(),
  /** The author's handle (without "@"), when the site shows one apart from the name. */
  handle: z.string().max(MAX_AUTHOR_CHARS).optional(),
  /** When the comment was posted: ISO 8601 where the site gives a machine time, else its text. */
  postedAt: z.string().max(200).optional(),
  /** What kind of page it was read on ('watch', 'shorts', 'status', 'post', …). */
  pageKind: z.string().max(64).optional(),
  /** The longest reply the site takes here, in characters (read from the page or known). */
  replyLimit: z.number().int().positive().max(1_000_000).optional(),
  pageUrl: z.string().url().max(MAX_URL_CHARS),
  /**
   * A public comment (absent, or 'comment') or a direct message ('dm'). A DM's `text` is the
   * messages it answers and `author` their sender; `conversation` carries the latest messages.
   */
  kind: z.enum(REPLY_KINDS).optional(),
  conversation: conversationSchema.optional(),
});
export type CommentContext = z.infer<typeof commentContextSchema>;

export const ENGINE_IDS = ['memory', 'webllm', 'builtin'] as const;
export const engineIdSchema = z.enum(ENGINE_IDS);
export type EngineId = z.infer<typeof engineIdSchema>;

/** Speed of a model-written draft (WebLLM's usage stats), for the creator and benchmarks. */
export const draftMetricsSchema = z.object({
  promptTokens: z.number().min(0),
  completionTokens: z.number().min(0).optional(),
  timeToFirstTokenMs: z.number().min(0),
  decodeTokensPerSecond: z.number().min(0),
  prefillTokensPerSecond: z.number().min(0),
});
export type DraftMetrics = z.infer<typeof draftMetricsSchema>;

/**
 * What the prompt left out because it did not fit the model's context window: counts per list
 * of the creator's profile. Boundaries are never left out. Absent when everything fitted.
 */
export const leftOutSchema = z.object({
  facts: z.number().int().min(0),
  values: z.number().int().min(0),
  objectives: z.number().int().min(0),
  links: z.number().int().min(0),
  offers: z.number().int().min(0),
});
export type LeftOut = z.infer<typeof leftOutSchema>;

export const FIT_LEVELS = ['fits', 'partly', 'none'] as const;
export type FitLevel = (typeof FIT_LEVELS)[number];
export interface DraftFit {
  level: FitLevel;
  /** Short, plain reasons ("answers a how-long question", "another language"). */
  reasons: string[];
}

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
  /**
   * How well the draft answers this comment, apart from how it sounds: 'fits' ("Fits the
   * question"), 'partly' ("Partly"), 'none' ("Doesn't answer this"), with the signals behind it.
   */
  fit?: DraftFit;
  /**
   * When the memory engine abstains (fit 'none', empty text): the closest past reply, adapted,
   * for "Show the closest anyway". exampleId is the example's database id.
   */
  closest?: { text: string; exampleId: number };
  /** The draft repeats, or nearly, a reply the creator posted on this platform recently. */
  sentBefore?: true;
  metrics?: DraftMetrics;
  /** Profile items the prompt left out to fit the model's context. */
  leftOut?: LeftOut;
  /**
   * What the claim guard found in `text` as the engine wrote it (lib/guard): claims, prices,
   * links, offers, boundary topics or private prompt parts the creator's sheet doesn't back.
   * Empty when it found nothing; absent when the draft was not guarded.
   */
  flags?: GuardFlag[];
}


/** A draft as the creator left it (queued, inserted, sent), with its provenance. */
export const draftReportSchema = z.object({
  comment: commentContextSchema,
  text: z.string().min(1).max(MAX_DRAFT_CHARS),
  engineText: z.string().max(MAX_DRAFT_CHARS),
  engine: engineIdSchema,
  model: z.string().max(200).optional(),
  exampleIds: z.array(z.number().int()).max(MAX_DRAFT_EXAMPLES),
  factIds: z.array(z.number().int()).max(MAX_FACTS).optional(),
  metrics: draftMetricsSchema.optional(),
  leftOut: leftOutSchema.optional(),
  /** The claim guard's flags the creator chose "Insert anyway" over (for their AI-assisted log). */
  overriddenFlags: z.array(guardFlagKindSchema).max(GUARD_FLAG_KINDS.length).optional(),
});
export type DraftReport = z.infer<typeof draftReportSchema>;
