/**
 * What the import worker does with a request, apart from the worker itself (import.worker.ts) so
 * it can be tested without one: open the files, prepare the import (detect, parse, dedupe against
 * memory), and post progress, the replies in chunks, then the rest of the prepared import.
 * Progress is posted at most every PROGRESS_INTERVAL_MS (unless the bar moved by a step), so the
 * page redraws a few times a second however many chunks stream by.
 */
import type { UnderstudyDB } from '../memory/db';
import { detectLanguage } from '../memory/language';
import type { ReplyInput } from './add-source';
import { openSelection, prepareImport } from './import-flow';
import { REPLY_CHUNK, type FromImportWorker, type PrepareRequest, type WorkerError } from './import-worker-protocol';
import { ImportFormatError } from './types';

export const PROGRESS_INTERVAL_MS = 100;
const PROGRESS_STEP = 0.05;

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof ImportFormatError) {
    return { name: error.name, message: error.message, fileName: error.fileName, problems: [...error.problems] };
  }
  const e = error as { name?: string; message?: string } | undefined;
  return { name: e?.name ?? 'Error', message: e?.message ?? String(error) };
}

/** The error the page shows, rebuilt from what the worker sent: an ImportFormatError stays one. */
export function fromWorkerError(error: WorkerError): Error {
  if (error.fileName !== undefined) return new ImportFormatError(error.fileName, error.message, error.problems ?? []);
  if (error.name === 'AbortError') return new DOMException(error.message, 'AbortError');
  const out = new Error(error.message);
  out.name = error.name;
  return out;
}

/**
 * Each reply's language, detected while the creator reads the preview: it is most of what a
 * commit costs (an n-gram detector over every reply), and here it costs the page nothing.
 */
export function detectLanguages(replies: readonly ReplyInput[]): string[] {
  return replies.map((r) => detectLanguage(r.reply) ?? '');
}

/** Prepares, posts the result, and returns the replies sent (for the languages asked for next). */
export async function handlePrepare(
  db: UnderstudyDB,
  request: PrepareRequest,
  post: (message: FromImportWorker) => void,
  now: () => number = () => performance.now(),
): Promise<ReplyInput[]> {
  let last = -Infinity;
  let highest = 0;
  let posted = 0;
  const onProgress = (text: string, fraction?: number) => {
    if (fraction !== undefined) highest = Math.max(highest, fraction);
    const t = now();
    if (t - last < PROGRESS_INTERVAL_MS && highest - posted < PROGRESS_STEP) return;
    last = t;
    posted = highest;
    post({ type: 'progress', text, fraction: highest });
  };
  try {
    const selection = await openSelection(request.files, { onProgress });
    const prepared = await prepareImport(db, selection, { onProgress, ...(request.creator ? { creator: request.creator } : {}) });
    const { replies, importer: _importer, selection: _selection, ...rest } = prepared;
    for (let at = 0; at < replies.length; at += REPLY_CHUNK) {
      post({ type: 'replies', replies: replies.slice(at, at + REPLY_CHUNK) });
    }
    post({ type: 'prepared', prepared: { ...rest, selection: { name: selection.name } } });
    return replies;
  } catch (error) {
    post({ type: 'failed', error: toWorkerError(error) });
    return [];
  }
}
