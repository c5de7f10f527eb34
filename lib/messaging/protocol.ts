/**
 * Every message that crosses a context boundary, in one place. Each payload is a zod schema so
 * the background can reject anything malformed before it touches memory or the engine.
 *
 * Content scripts only ever send what the page shows (a comment and its context) and what the
 * page shows after an Insert; they never receive drafts, profile data, facts or other sites'
 * drafts. Drafts live in the isolated editor frame (editor-protocol.ts) until the creator
 * presses Insert or Copy.
 */
import { z } from 'zod';
import { commentContextSchema } from '../core/draft';
import { MAX_DRAFT_CHARS } from '../core/limits';
import { modelSelectionSchema, type ModelStatus } from '../core/models';
import type { DraftAllProgress } from '../core/draft-all';
import { steerSchema } from '../core/steers';
import { GUARD_FLAG_KINDS, guardFlagKindSchema } from '../core/guard';
import type { EngineId } from '../core/draft';
import { sessionIdSchema } from './editor-protocol';
import { HEALTH_PROBLEMS, INVALID_SELECTOR, MAX_COUNT, PAGE_KIND_PATTERN, SELECTOR_NAME_PATTERN } from '../sites/health';

const countSchema = z.number().int().min(INVALID_SELECTOR).max(MAX_COUNT);
/**
 * What a content script may say about its page's health: numbers, a page kind from the adapters'
 * vocabulary and a problem from a fixed list. The site comes from the sender's origin, never from
 * the payload, so a page cannot put its own words in front of the creator.
 */
export const healthReportSchema = z.discriminatedUnion('healthy', [
  z.object({ healthy: z.literal(true) }).strict(),
  z
    .object({
      healthy: z.literal(false),
      problem: z.enum(HEALTH_PROBLEMS),
      pageKind: z.string().regex(PAGE_KIND_PATTERN),
      counts: z
        .object({
          marks: countSchema,
          comments: countSchema,
          readable: countSchema,
          selectors: z
            .record(z.string().regex(SELECTOR_NAME_PATTERN), countSchema)
            .refine((selectors) => Object.keys(selectors).length <= 32, 'too many selectors'),
        })
        .strict(),
    })
    .strict(),
]);

/** One-shot requests (runtime.sendMessage) and their replies. */
export const requestSchemas = {
  /**
   * Content script, after the creator's own click on Draft reply: open an editor session for
   * this comment. The isolated editor frame attaches to it by id.
   */
  'editor.open': z.object({ comment: commentContextSchema }),
  /**
   * Content script: after an Insert, the page shows a reply posted under the comment with this
   * text. It is learned from only if it is still close to what was inserted.
   */
  'editor.posted': z.object({ sessionId: sessionIdSchema, text: z.string().min(1).max(MAX_DRAFT_CHARS) }),
  /** Content script: the session's comment left the page (removed, or in-app navigation). */
  'editor.gone': z.object({ sessionId: sessionIdSchema }),
  /**
   * Content script: the session's comment was edited by its author while the editor was open
   * (same comment id, new text). The draft follows what the comment says now.
   */
  'editor.edited': z.object({ sessionId: sessionIdSchema, comment: commentContextSchema }),
  /**
   * Content script: whether Understudy can read its page (lib/sites/health.ts), after the page
   * settled or an Insert failed. Sets the toolbar badge and the side panel's notice for the tab.
   */
  'site.health': healthReportSchema,
  /**
   * Content script, at start: is its site switched on in Options, and its direct messages?
   * (It never reads storage.)
   */
  'site.enabled': z.object({}).strict(),
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
  /**
   * Side panel, on the creator's click: Draft all on the tab the panel shows (every comment it
   * can read, one at a time, into the queue), or pause, resume or cancel the job running.
   */
  'desk.draftAll': z.discriminatedUnion('action', [
    z.object({ action: z.literal('start'), tabId: z.number().int().nonnegative() }).strict(),
    z.object({ action: z.enum(['pause', 'resume', 'cancel']) }).strict(),
  ]),
  /**
   * Side panel (review desk): write a new draft of this queued draft's comment, with a steer,
   * in place of its text (lib/drafting/desk-regenerate.ts).
   */
  'desk.regenerate': z.object({ draftId: z.number().int().positive(), steer: steerSchema.optional() }).strict(),
  /**
   * Side panel (review desk): Open & insert — bring the tab with this draft's comment to the
   * front (or open its permalink), fill the comment's reply box with it and mark it inserted
   * (lib/drafting/desk-insert.ts). A flagged draft comes with the flags the creator confirmed.
   */
  'desk.insert': z
    .object({ draftId: z.number().int().positive(), confirmedFlags: z.array(guardFlagKindSchema).max(GUARD_FLAG_KINDS.length).optional() })
    .strict(),
} as const;

export type RequestType = keyof typeof requestSchemas;
export type RequestPayload<T extends RequestType> = z.infer<(typeof requestSchemas)[T]>;

export interface ResponseMap {
  'editor.open': { sessionId: string };
  'editor.posted': { recorded: boolean };
  'editor.gone': { queued: boolean };
  'editor.edited': { updated: boolean };
  'site.health': { recorded: boolean };
  'site.enabled': { enabled: boolean; dms: boolean };
  'model.status': ModelStatus;
  'model.download': { started: true };
  'model.cancel': { cancelled: true };
  'model.delete': { deleted: true };
  'embeddings.start': { started: boolean };
  'desk.draftAll': { job: DraftAllProgress | null };
  'desk.regenerate': { text: string; engine: EngineId; flagCount: number };
  'desk.insert': { inserted: true; tabId: number };
}

export type Reply<T extends RequestType> =
  | { ok: true; data: ResponseMap[T] }
  | { ok: false; error: string };

export const envelopeSchema = z.object({ type: z.string(), payload: z.unknown() });

/**
 * Background → content script (tabs.sendMessage): the creator switched this tab's site on or off
 * in Options. Off: every button and editor goes, and the page is no longer read.
 */
export type SiteSwitchCommand = { type: 'site.switch'; enabled: boolean; dms: boolean };
