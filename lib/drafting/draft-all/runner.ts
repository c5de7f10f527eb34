/**
 * Draft all's job (issue 14), started only by the creator's click in the side panel: read the
 * page's comments once, plan them (plan.ts), record the ones set aside, then draft the rest one
 * at a time through the same drafter the editor uses and queue each draft for review.
 *
 * One job at a time. Its state lives in extension storage (`store`) after every comment, and is
 * the panel's view of it: the page's tab may close (its comments were read at the start) and
 * the service worker may stop; on the next start of the worker, `resumeAfterRestart` picks a
 * running job up where it stopped, or records why it could not.
 *
 * Pause lets the comment being drafted finish and stops before the next; Cancel stops the one
 * being drafted too (its draft is not kept); drafts already queued stay. An engine error on one
 * comment is recorded and the job goes on with the next.
 */
import type { SetAsideReason } from '../../core/desk';
import type { CommentContext, DraftReport, DraftResult } from '../../core/draft';
import {
  draftAllJobSchema,
  isActive,
  MAX_DRAFT_ALL_ERRORS,
  progressOf,
  type DraftAllJob,
  type DraftAllProgress,
  type DraftAllStatus,
} from '../../core/draft-all';
import type { UnderstudyDB } from '../../memory/db';
import type { DraftRunner } from '../draft-runner';
import { hasDraft, planInputs, recordSetAside } from './memory';
import { planDraftAll } from './plan';

/** Where the job is kept (a WXT storage item in the background; a plain object in tests). */
/** How often a running job's progress is saved (see run()). */
const PROGRESS_SAVE_MS = 1000;

export interface DraftAllStore {
  getValue(): Promise<unknown>;
  setValue(job: DraftAllJob | null): Promise<void>;
}

export interface DraftAllDeps {
  db: UnderstudyDB;
  store: DraftAllStore;
  /** The tab's comments as its page answers (page-reader.ts); throws a message for the creator. */
  readPage(tabId: number): Promise<{ pageUrl: string; comments: CommentContext[] }>;
  drafter: DraftRunner;
  /**
   * Puts a draft in the review queue (the editor's Queue does the same), with the claim guard's
   * flag count for the desk's "Flagged only" filter.
   */
  queue(report: DraftReport, flagCount?: number): Promise<unknown>;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export interface DraftAllRunner {
  start(tabId: number): Promise<DraftAllProgress>;
  pause(): Promise<DraftAllProgress | null>;
  resume(): Promise<DraftAllProgress | null>;
  cancel(): Promise<DraftAllProgress | null>;
  /** On the worker's start: continue a job that was running, or record why not. */
  resumeAfterRestart(): Promise<void>;
  /** Resolves when no comment is being drafted (tests, and the bench, wait on it). */
  settled(): Promise<void>;
}

/** A job left running longer ago than this is not picked up again: the page has moved on. */
export const RESUME_WITHIN_MS = 24 * 60 * 60 * 1000;

export const ALREADY_RUNNING = 'Draft all is already running. Pause or cancel it before starting another.';
export const NOTHING_TO_READ = 'This page shows no comments Understudy can read yet. Scroll to load some, then try again.';

export class DraftAllError extends Error {
  override name = 'DraftAllError';
}

/** A draft the memory engine abstained on (nothing of the creator's fits), or an empty one. */
function noFit(result: DraftResult): boolean {
  return !result.text.trim() || (result.engine === 'memory' && result.fit?.level === 'none');
}

function reportOf(comment: CommentContext, result: DraftResult): DraftReport {
  return {
    comment,
    text: result.text.trim(),
    engineText: result.text,
    engine: result.engine,
    ...(result.model !== undefined ? { model: result.model } : {}),
    exampleIds: result.exampleIds,
    ...(result.factIds ? { factIds: result.factIds } : {}),
    ...(result.metrics ? { metrics: result.metrics } : {}),
    ...(result.leftOut ? { leftOut: result.leftOut } : {}),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createDraftAllRunner(deps: DraftAllDeps): DraftAllRunner {
  const { db, store } = deps;
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => {});
  let job: DraftAllJob | null = null;
  /** Read from storage once: the in-memory job is the one truth after that (this worker writes it). */
  let loaded: Promise<void> | null = null;
  let loop: Promise<void> | null = null;
  let current: AbortController | null = null;
  let writes: Promise<void> = Promise.resolve();
  let lastSaved = 0;

  function load(): Promise<void> {
    loaded ??= store.getValue().then((raw) => {
      const parsed = draftAllJobSchema.safeParse(raw);
      job = parsed.success ? parsed.data : null;
    });
    return loaded;
  }

  /** Storage writes in order, each a snapshot: a slow write never lands after a later one. */
  function save(): Promise<void> {
    const snapshot = job ? { ...job, updatedAt: now(), queue: [...job.queue], errors: [...job.errors] } : null;
    if (job) job.updatedAt = snapshot!.updatedAt;
    writes = writes.then(() => store.setValue(snapshot)).catch((error: unknown) => log('Could not save Draft all progress', error));
    return writes;
  }

  /** Runs the loop after any that is still finishing (a Resume right after a Pause). */
  function kick(): void {
    const next = (loop ?? Promise.resolve()).then(run);
    loop = next;
    void next.finally(() => {
      if (loop === next) loop = null;
    });
  }

  async function setAside(comment: CommentContext, reason: SetAsideReason): Promise<void> {
    await recordSetAside(db, [{ comment, reason }], now());
  }

  /** Drafts one comment; what became of it. */
  async function draftOne(comment: CommentContext, signal: AbortSignal): Promise<'drafted' | 'set-aside' | 'left' | 'cancelled'> {
    // The creator may have drafted it by hand since the page was read.
    if (await hasDraft(db, comment)) return 'left';
    const result = await deps.drafter.draft(comment, { signal });
    if (signal.aborted) return 'cancelled';
    if (noFit(result)) {
      await setAside(comment, 'no-fit');
      return 'set-aside';
    }
    await deps.queue(reportOf(comment, result), result.flags?.length);
    return 'drafted';
  }

  async function run(): Promise<void> {
    while (job?.status === 'running' && job.queue.length > 0) {
      const comment = job.queue[0]!;
      const controller = new AbortController();
      current = controller;
      let outcome: Awaited<ReturnType<typeof draftOne>> | 'failed';
      try {
        outcome = await draftOne(comment, controller.signal);
      } catch (error) {
        outcome = controller.signal.aborted ? 'cancelled' : 'failed';
        if (outcome === 'failed') {
          log(`Draft all could not draft a comment by ${comment.author}`, error);
          job.errors = [...job.errors, { author: comment.author, message: messageOf(error) }].slice(-MAX_DRAFT_ALL_ERRORS);
        }
      } finally {
        current = null;
      }
      // Cancelled meanwhile: cancel() already emptied the queue and saved.
      if (outcome === 'cancelled' || (job.status as DraftAllStatus) === 'cancelled' || job.queue[0] !== comment) return;
      job.queue.shift();
      job.done += 1;
      if (outcome === 'drafted') job.drafted += 1;
      else if (outcome === 'set-aside') job.setAside += 1;
      else if (outcome === 'failed') job.failed += 1;
      if (job.queue.length === 0) {
        job.status = 'done';
        job.message = doneMessage(job);
      }
      // Each save writes the whole remaining queue: once a second while running, not once a
      // comment (300 comments were ~45 MB of storage writes). A restart between two saves drafts
      // again at most a second's worth, and draftOne skips a comment that already has its draft.
      if (job.status !== 'running' || now() - lastSaved >= PROGRESS_SAVE_MS) {
        lastSaved = now();
        await save();
      }
    }
  }

  function doneMessage(finished: DraftAllJob): string {
    return finished.failed > 0
      ? `Done. ${finished.failed} comment${finished.failed === 1 ? '' : 's'} could not be drafted: ${finished.errors.at(-1)?.message ?? ''}`.trim()
      : 'Done.';
  }

  function progress(): DraftAllProgress | null {
    return job ? progressOf(job) : null;
  }

  return {
    async start(tabId) {
      await load();
      if (isActive(job)) throw new DraftAllError(ALREADY_RUNNING);
      const page = await deps.readPage(tabId);
      if (page.comments.length === 0) throw new DraftAllError(NOTHING_TO_READ);
      // Checked again after the read: a second click may have started one meanwhile.
      if (isActive(job)) throw new DraftAllError(ALREADY_RUNNING);
      const site = page.comments[0]!.site;
      const comments = page.comments.filter((c) => c.site === site);
      const plan = planDraftAll({ comments, ...(await planInputs(db, site, comments)) });
      const startedAt = now();
      job = {
        startedAt,
        updatedAt: startedAt,
        tabId,
        pageUrl: page.pageUrl,
        status: plan.toDraft.length > 0 ? 'running' : 'done',
        total: plan.toDraft.length + plan.setAside.length,
        done: plan.setAside.length,
        drafted: 0,
        setAside: plan.setAside.length,
        failed: 0,
        queue: plan.toDraft,
        errors: [],
        ...(plan.toDraft.length === 0
          ? { message: plan.setAside.length > 0 ? 'Done.' : 'Every comment on this page already has a draft.' }
          : {}),
      };
      await recordSetAside(db, plan.setAside, startedAt);
      await save();
      kick();
      return progressOf(job);
    },

    async pause() {
      await load();
      if (job?.status !== 'running') return progress();
      job.status = 'paused';
      delete job.message;
      await save();
      return progress();
    },

    async resume() {
      await load();
      if (job?.status !== 'paused') return progress();
      job.status = 'running';
      await save();
      // The loop may still be finishing the comment it had when paused: it carries on from there.
      kick();
      return progress();
    },

    async cancel() {
      await load();
      if (!job || !isActive(job)) return progress();
      job.status = 'cancelled';
      job.message = `Cancelled. ${job.queue.length} comment${job.queue.length === 1 ? ' was' : 's were'} not drafted.`;
      job.queue = [];
      current?.abort();
      await save();
      return progress();
    },

    async resumeAfterRestart() {
      const raw = await store.getValue();
      if (raw === null || raw === undefined) return;
      await load();
      if (!job) {
        // Written by another version, or damaged: say so instead of guessing at it.
        job = {
          startedAt: now(), updatedAt: now(), tabId: -1, pageUrl: '', status: 'stopped',
          total: 0, done: 0, drafted: 0, setAside: 0, failed: 0, queue: [], errors: [],
          message: 'Draft all could not pick up where it stopped: its saved progress could not be read. Start it again.',
        };
        await save();
        return;
      }
      if (job.status !== 'running') return;
      if (now() - job.updatedAt > RESUME_WITHIN_MS) {
        job.status = 'stopped';
        job.message = `Stopped: it was interrupted more than a day ago, with ${job.queue.length} comments left. Start it again for the page as it is now.`;
        job.queue = [];
        await save();
        return;
      }
      job.message = 'Picked up where it stopped after Understudy restarted.';
      await save();
      kick();
    },

    async settled() {
      while (loop) await loop;
      await writes;
    },
  };
}
