/**
 * Draft all (issue 14): the job's state as it is kept in extension storage, so it survives the
 * page's tab closing (its comments were read at the start) and the service worker stopping. The
 * side panel shows it; the background's runner (lib/drafting/draft-all) is the only writer.
 *
 * The schema is checked when a stopped worker picks a job up again: a job written by another
 * version, or damaged, is not resumed but ends with the reason said.
 */
import { z } from 'zod';
import { commentContextSchema } from './draft';
import { SET_ASIDE_REASONS, type SetAsideReason } from './desk';
import { MAX_PAGE_COMMENTS } from './limits';

export const DRAFT_ALL_STATUSES = ['running', 'paused', 'done', 'cancelled', 'stopped'] as const;
export type DraftAllStatus = (typeof DRAFT_ALL_STATUSES)[number];

/** The last few comments the engine failed on, so one failure is seen without a log. */
export const MAX_DRAFT_ALL_ERRORS = 20;

export const draftAllJobSchema = z.object({
  /** When it started (ms): tells one job from the next. */
  startedAt: z.number(),
  updatedAt: z.number(),
  tabId: z.number().int(),
  /** The page the comments were read from, for the panel to name it. */
  pageUrl: z.string().max(4096),
  status: z.enum(DRAFT_ALL_STATUSES),
  /** Comments the job looks at (read, not already drafted); done counts toward it. */
  total: z.number().int().min(0),
  done: z.number().int().min(0),
  drafted: z.number().int().min(0),
  setAside: z.number().int().min(0),
  failed: z.number().int().min(0),
  /** Still to draft, in order: the comments as the page showed them when the job started. */
  queue: z.array(commentContextSchema).max(MAX_PAGE_COMMENTS),
  errors: z.array(z.object({ author: z.string(), message: z.string() })).max(MAX_DRAFT_ALL_ERRORS),
  /** Why it stopped or what happened, in the creator's words ("Resumed after a restart."). */
  message: z.string().max(500).optional(),
});
export type DraftAllJob = z.infer<typeof draftAllJobSchema>;

/** What the side panel shows and the request answers: the job without its queue of comments. */
export type DraftAllProgress = Omit<DraftAllJob, 'queue'> & { remaining: number };

export function progressOf(job: DraftAllJob): DraftAllProgress {
  const { queue, ...rest } = job;
  return { ...rest, remaining: queue.length };
}

/** A job that holds the one slot: a second start is refused while it does. */
export function isActive(job: { status: DraftAllStatus } | null | undefined): boolean {
  return job?.status === 'running' || job?.status === 'paused';
}

/**
 * "Needs you: On one of your boundary topics" / "Skipped: Looks like spam" for a draft Draft all
 * set aside; undefined for any other draft. Wherever a draft is shown, its reason shows with it.
 */
export function setAsideLabel(draft: { setAside?: SetAsideReason | undefined }): string | undefined {
  const reason = draft.setAside ? SET_ASIDE_REASONS[draft.setAside] : undefined;
  if (!reason) return undefined;
  return `${reason.outcome === 'needs-you' ? 'Needs you' : 'Skipped'}: ${reason.label}`;
}
