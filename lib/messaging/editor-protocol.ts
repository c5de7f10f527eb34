/**
 * The isolated editor's messages. The editor is an extension page in a frame: the draft, its
 * notice, provenance and steer box live there, out of the page's reach, and reach the page only
 * when the creator presses Insert (text into the site's reply box) or Copy.
 *
 * editor → background (EDITOR_PORT): attach to a session, draft (with a steer id or the
 *   creator's own words), cancel, edit (autosave), queue, insert, mark sent.
 * background → editor: the session's comment, draft status/tokens/result, what happened to
 *   queue/insert/sent, and that the comment left the page. With the session and each draft
 *   comes the claim guard's context (EditorGuardContext), so the editor checks every keystroke
 *   itself, within a frame, without a round trip. It holds the creator's private notes and the
 *   sheet: it goes to the editor frame (an extension page) only, never to the page.
 * editor → background: add a flagged sentence, as the creator edited it, to the fact sheet.
 * background → content script (tabs.sendMessage): insert this text for that session.
 */
import { z } from 'zod';
import type { CommentContext, DraftResult } from '../core/draft';
import { MAX_CONVERSATION_MESSAGES, MAX_DRAFT_CHARS, MAX_ITEM_CHARS, MAX_REQUEST_ID_CHARS } from '../core/limits';
import { steerSchema } from '../core/steers';
import { GUARD_FLAG_KINDS, guardFlagKindSchema } from '../core/guard';

const requestId = z.string().min(1).max(MAX_REQUEST_ID_CHARS);
export const sessionIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'not a session id');
const draftText = z.string().max(MAX_DRAFT_CHARS);

export const editorPortInSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('attach'), sessionId: sessionIdSchema }),
  z.object({
    type: z.literal('draft'),
    requestId,
    steer: steerSchema.optional(),
    /** Regenerate asks for another candidate: 0 is the first draft, 1 the next, … */
    variant: z.number().int().min(0).max(1000).optional(),
  }),
  z.object({ type: z.literal('cancel'), requestId }),
  /** The creator edited the draft: keep it (in the queue) so a reload or a crash loses nothing. */
  z.object({ type: z.literal('edit'), text: draftText }),
  z.object({ type: z.literal('queue'), text: draftText }),
  z.object({
    type: z.literal('insert'),
    text: draftText,
    /** The guard's flags the creator confirmed "Insert anyway" over. */
    overridden: z.array(guardFlagKindSchema).max(GUARD_FLAG_KINDS.length).optional(),
  }),
  /** The creator says they sent it (a click inside the editor, which no page can fake). */
  z.object({ type: z.literal('markSent'), text: draftText }),
  /**
   * A DM draft: answer the incoming message at this index of the conversation the session holds
   * (with the same sender's messages right before it) instead of the latest ones.
   */
  z.object({ type: z.literal('answer'), index: z.number().int().min(0).max(MAX_CONVERSATION_MESSAGES - 1) }),
  /** "Add to fact sheet" on a flag: the sentence as the creator edited it becomes a fact. */
  z.object({ type: z.literal('addFact'), text: z.string().trim().min(1, 'Write the fact first.').max(MAX_ITEM_CHARS) }),
]);
export type EditorPortIn = z.infer<typeof editorPortInSchema>;

/**
 * What the editor's claim guard checks the draft against: lib/guard's GuardContext, spelled out
 * here because messaging sits below the guard. Built by lib/drafting/guard-context.ts.
 */
export interface EditorGuardContext {
  facts: readonly string[];
  links: readonly { label?: string; url: string }[];
  offers: readonly { name: string; details?: string; url?: string; price?: string }[];
  boundaries: readonly string[];
  handles?: readonly string[];
  answering: readonly string[];
  author?: string;
  private?: readonly string[];
  pastWording?: readonly string[];
}

/** What the editor shows about the comment it answers. */
export interface EditorSessionView {
  comment: CommentContext;
  /** The draft this editor last showed, when it reattaches (after the background restarted). */
  result?: DraftResult;
  text?: string;
  inserted: boolean;
  sent: boolean;
  /** What the guard checks this comment's drafts against (absent when it could not be read). */
  guard?: EditorGuardContext;
}

export type EditorPortOut =
  | { type: 'session'; session: EditorSessionView }
  | { type: 'status'; requestId: string; message: string; progress?: number }
  | { type: 'token'; requestId: string; text: string }
  /** The draft, with the guard's context for it (a memory draft's own past wording included). */
  | { type: 'done'; requestId: string; result: DraftResult; guard?: EditorGuardContext }
  | { type: 'error'; requestId?: string; message: string }
  /** The draft is safe in the queue: saved as the creator typed, or queued by their click. */
  | { type: 'saved'; queued: boolean; via: 'edit' | 'queue' }
  | { type: 'inserted'; ok: true }
  | { type: 'inserted'; ok: false; reason: string }
  | { type: 'sent'; via: 'confirmed' | 'seen'; recorded: boolean }
  /** The comment left the page (removed, or the creator navigated away). */
  | { type: 'gone'; queued: boolean }
  /**
   * The comment's author edited it (or, in a conversation, a new message arrived): the session
   * now holds its new text.
   */
  | { type: 'commentEdited'; session: EditorSessionView }
  /** The creator picked another message of the conversation to answer: draft for it now. */
  | { type: 'answering'; session: EditorSessionView }
  /** The fact is on the sheet (or already was): the guard's context, with it. */
  | { type: 'factAdded'; added: boolean; text: string; guard?: EditorGuardContext };

/** background → content script, for the tab and frame that opened the session. */
export const contentCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('editor.insert'), sessionId: sessionIdSchema, text: draftText.min(1) }),
  z.object({ type: z.literal('editor.close'), sessionId: sessionIdSchema }),
]);
export type ContentCommand = z.infer<typeof contentCommandSchema>;
export type InsertOutcome = { ok: true } | { ok: false; reason: string };
