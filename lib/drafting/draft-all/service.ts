/**
 * Draft all in the background, wired to the browser: the runner with its job in extension
 * storage, the page read through the tab's content script, drafts written by the background's
 * drafter and queued as the editor's Queue does. Picks up a job the worker's stop interrupted.
 */
import type { RequestPayload, ResponseMap } from '../../messaging/protocol';
import type { UnderstudyDB } from '../../memory/db';
import { queueWithVoice } from '../draft-records';
import type { DraftRunner } from '../draft-runner';
import { draftAllJobItem } from './job-store';
import { readPageComments } from './page-reader';
import { createDraftAllRunner, type DraftAllRunner } from './runner';

export interface DraftAllService {
  runner: DraftAllRunner;
  /** The 'desk.draftAll' request from the side panel. */
  handle(payload: RequestPayload<'desk.draftAll'>): Promise<ResponseMap['desk.draftAll']>;
}

export function createDraftAll(deps: { db: UnderstudyDB; drafter: DraftRunner; log?: (message: string, error?: unknown) => void }): DraftAllService {
  const log = deps.log ?? (() => {});
  const runner = createDraftAllRunner({
    db: deps.db,
    store: draftAllJobItem,
    readPage: readPageComments,
    drafter: deps.drafter,
    queue: (report, flagCount) => queueWithVoice(deps.db, { ...report, ...(flagCount !== undefined ? { flagCount } : {}) }),
    log,
  });
  void runner.resumeAfterRestart().catch((error: unknown) => log('Could not pick up Draft all', error));
  return {
    runner,
    async handle(payload) {
      const job = payload.action === 'start' ? await runner.start(payload.tabId) : await runner[payload.action]();
      return { job };
    },
  };
}
