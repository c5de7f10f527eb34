/**
 * Who prepares an import for the Options page: the import worker when the browser has Workers
 * (always, in the product), else the page itself (unit tests under happy-dom). Both take the
 * creator's files and give back the same PreparedImport, with progress on the way; an abort
 * stops either (the worker is terminated: it only reads, so nothing is left half-done).
 *
 * The Worker is made by `spawn`, passed in: the bundler finds the worker's script only in a
 * literal `new Worker(new URL(…, import.meta.url))`, which stays with the component.
 */
import type { UnderstudyDB } from '../memory/db';
import type { ReplyInput } from './add-source';
import { openSelection, prepareImport, type ChosenFile, type PreparedImport } from './import-flow';
import { fromWorkerError } from './import-worker';
import type { FromImportWorker, ToImportWorker } from './import-worker-protocol';

export interface PrepareCall {
  creator?: string;
  signal: AbortSignal;
  onProgress(text: string, fraction?: number): void;
}

export type ImportRunner = (files: readonly ChosenFile[], call: PrepareCall) => Promise<PreparedImport>;

/** The part of a Worker used here. */
export interface WorkerLike {
  postMessage(message: ToImportWorker): void;
  addEventListener(type: 'message', listener: (event: { data: FromImportWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault?(): void }) => void): void;
  terminate(): void;
}

const cancelled = () => new DOMException('Import cancelled', 'AbortError');

/** Prepares on the calling thread. */
export function inlineRunner(db: () => UnderstudyDB): ImportRunner {
  return async (files, call) => {
    const selection = await openSelection(files, { signal: call.signal, onProgress: call.onProgress });
    return prepareImport(db(), selection, {
      signal: call.signal,
      onProgress: call.onProgress,
      ...(call.creator ? { creator: call.creator } : {}),
    });
  };
}

/**
 * Prepares in a fresh worker. It ends when the import fails or is cancelled; once prepared it
 * stays to detect the replies' languages for the commit, until `worker.release()`.
 */
export function workerRunner(spawn: () => WorkerLike): ImportRunner {
  return (files, call) =>
    new Promise<PreparedImport>((resolve, reject) => {
      if (call.signal.aborted) return reject(cancelled());
      const worker = spawn();
      const replies: ReplyInput[] = [];
      let languages: { resolve(list: string[]): void; reject(error: Error): void } | undefined;
      const end = () => {
        call.signal.removeEventListener('abort', onAbort);
        worker.terminate();
      };
      const onAbort = () => {
        end();
        reject(cancelled());
      };
      call.signal.addEventListener('abort', onAbort);
      worker.addEventListener('message', ({ data }) => {
        switch (data.type) {
          case 'progress':
            call.onProgress(data.text, data.fraction);
            break;
          case 'replies':
            for (const reply of data.replies) replies.push(reply);
            break;
          case 'prepared': {
            call.signal.removeEventListener('abort', onAbort);
            let asked: Promise<string[]> | undefined;
            const worker$ = {
              languages: () =>
                (asked ??= new Promise<string[]>((ok, fail) => {
                  languages = { resolve: ok, reject: fail };
                  worker.postMessage({ type: 'languages' });
                })),
              release: () => worker.terminate(),
            };
            resolve({ ...data.prepared, replies, worker: worker$ });
            break;
          }
          case 'languages':
            languages?.resolve(data.languages);
            worker.terminate();
            break;
          case 'failed':
            end();
            reject(fromWorkerError(data.error));
            break;
        }
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault?.();
        end();
        languages?.reject(new Error(`The import stopped: ${event.message || 'its worker ended.'} Your memory is unchanged.`));
        reject(new Error(`The import stopped: ${event.message || 'its worker could not start.'} Your memory is unchanged.`));
      });
      worker.postMessage({ type: 'prepare', files: [...files], ...(call.creator ? { creator: call.creator } : {}) });
    });
}
