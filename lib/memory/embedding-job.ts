/**
 * The background job that gives every reply in memory a vector, once an embedding model is
 * downloaded: it embeds the replies that lack one, a batch at a time, and stores the vectors in
 * batches as it goes.
 *
 * - Resumable: what is stored stays stored; a restart (the service worker stops often) embeds
 *   only what is still missing. At most one unsaved row of work is repeated.
 * - Never in the way of drafting: it waits while a draft is being written (the activity gate),
 *   and its requests are small, so a draft queued behind one waits a fraction of a second.
 * - A failure (of the model, or of the disk: a full one refuses the vectors) stops the job with
 *   the reason, keeping everything saved so far; the runner tries again later, or when the
 *   creator asks.
 * - A wipe of memory stops it: it writes nothing after one, whichever context wiped (wipe-epoch).
 */
import type { UnderstudyDB } from './db';
import { exampleText } from './embedding-text';
import { pruneEmbeddings, saveEmbeddingBatch } from './embeddings-repo';
import { examplesVersion, listExamples } from './examples-repo';
import { isQuotaError, STORAGE_FULL_MESSAGE, storageFailureMessage } from './storage-error';
import { getVectorIndexFor, persistVectorIndex } from './vector-store';
import { MemoryWipedError, wipeEpoch } from './wipe-epoch';

export interface EmbeddingModelRef {
  id: string;
  dims: number;
}

export type EmbeddingPhase = 'running' | 'done' | 'error' | 'stopped';

export interface EmbeddingProgress {
  model: string;
  /** Replies in memory that have a vector. */
  embedded: number;
  /** Replies in memory. */
  total: number;
  phase: EmbeddingPhase;
  /** Why it stopped, for the creator. */
  error?: string;
  /** Memory's version when the job started: a finished job with the same version has nothing to do. */
  version?: { count: number; maxId: number };
  updatedAt: number;
}

export interface EmbeddingJobDeps {
  db: UnderstudyDB;
  model: EmbeddingModelRef;
  /** One vector per text, in order (the engine host's embed request). */
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
  /** Resolves when no draft is being written. */
  idle?(): Promise<void>;
  onProgress?(progress: EmbeddingProgress): void;
  signal?: AbortSignal;
  /** Texts per embed request. */
  batchSize?: number;
  /** Vectors per stored row. */
  rowSize?: number;
  now?: () => number;
}

/** Small enough that a draft never waits long behind one request; big enough to keep the GPU busy. */
export const EMBED_BATCH = 32;
/** 256 vectors of 384 floats are 384 KB a row: few rows to read back, little work lost to a stop. */
export const EMBED_ROW = 256;

export async function runEmbeddingJob(deps: EmbeddingJobDeps): Promise<EmbeddingProgress> {
  const { db, model, signal } = deps;
  const now = deps.now ?? Date.now;
  const batchSize = deps.batchSize ?? EMBED_BATCH;
  const rowSize = deps.rowSize ?? EMBED_ROW;

  // Read before the replies: a wipe after this point makes every later write of this run fail.
  const epoch = await wipeEpoch(db);
  const version = await examplesVersion(db);
  const examples = await listExamples(db);
  const live = new Set<number>();
  for (const example of examples) if (example.id !== undefined) live.add(example.id);
  const isLive = (id: number) => live.has(id);

  let vectors = await getVectorIndexFor(db, model.id, model.dims);
  const dead = vectors.deadRows(isLive);
  if (dead.size > 0) {
    // Vectors of replies that are gone (a new import replaced them) only take space.
    await pruneEmbeddings(db, dead, isLive);
    vectors = await getVectorIndexFor(db, model.id, model.dims);
  }
  const todo = examples.filter((e) => e.id !== undefined && !vectors.has(e.id));

  const progress: EmbeddingProgress = {
    model: model.id,
    embedded: examples.length - todo.length,
    total: examples.length,
    phase: 'running',
    version,
    updatedAt: now(),
  };
  const report = (patch: Partial<EmbeddingProgress>) => {
    Object.assign(progress, patch, { updatedAt: now() });
    deps.onProgress?.({ ...progress });
    return { ...progress };
  };

  let pendingIds: number[] = [];
  let pendingVectors: number[][] = [];
  const flush = async () => {
    if (pendingIds.length === 0) return;
    const exampleIds = pendingIds;
    const batch = pendingVectors;
    pendingIds = [];
    pendingVectors = [];
    await saveEmbeddingBatch(db, { model: model.id, dims: model.dims, exampleIds, vectors: batch }, now(), { epoch });
  };
  /** Saves what is pending; on failure, the outcome that ends the job (undefined when saved). */
  const tryFlush = async (): Promise<EmbeddingProgress | undefined> => {
    try {
      await flush();
      return undefined;
    } catch (error) {
      return endedBySaving(error);
    }
  };
  // A wipe is not a failure: the replies are gone, and so is the work. Anything else (a full
  // disk) is, and must end in 'error' so the runner backs off instead of re-embedding each draft.
  const endedBySaving = (error: unknown) =>
    error instanceof MemoryWipedError ? report({ phase: 'stopped' }) : report({ phase: 'error', error: storageFailureMessage(error) });

  if (todo.length === 0) return report({ phase: 'done' });
  report({});
  for (let at = 0; at < todo.length; at += batchSize) {
    await deps.idle?.();
    if (signal?.aborted) return (await tryFlush()) ?? report({ phase: 'stopped' });
    if ((await wipeEpoch(db)) !== epoch) return report({ phase: 'stopped' });
    const batch = todo.slice(at, at + batchSize);
    let embedded: number[][];
    try {
      embedded = await deps.embed(batch.map(exampleText), signal);
      const wrong = embedded.length !== batch.length || embedded.some((v) => v.length !== model.dims);
      if (wrong) throw new Error(`The embedding model returned vectors of the wrong shape for ${model.id}.`);
    } catch (error) {
      const ended = await tryFlush();
      if (ended) return ended;
      if (signal?.aborted) return report({ phase: 'stopped' });
      return report({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
    }
    batch.forEach((example, i) => {
      pendingIds.push(example.id!);
      pendingVectors.push(embedded[i]!);
    });
    if (pendingIds.length >= rowSize) {
      const ended = await tryFlush();
      if (ended) return ended;
    }
    report({ embedded: progress.embedded + batch.length });
  }
  const ended = await tryFlush();
  if (ended) return ended;
  // Saved once at the end: the next wake-up of the background restores it in one read.
  await persistVectorIndex(db, model.id, model.dims).catch(() => {});
  return report({ phase: 'done', error: undefined });
}

/** Counts drafts in progress, so background work can wait for a quiet moment. */
export function createActivityGate() {
  let active = 0;
  let waiters: (() => void)[] = [];
  const release = () => {
    active--;
    if (active > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
  return {
    /** Marks `work` as a draft in progress until it settles. */
    track<T>(work: Promise<T>): Promise<T> {
      active++;
      return work.finally(release);
    },
    /** Resolves at once when nothing is in progress, else when the last piece of work settles. */
    idle(): Promise<void> {
      return active === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    get busy() {
      return active > 0;
    },
  };
}

export type ActivityGate = ReturnType<typeof createActivityGate>;

export interface ProgressStore {
  getValue(): Promise<EmbeddingProgress | null>;
  setValue(value: EmbeddingProgress | null): Promise<void>;
}

export interface EmbeddingRunnerDeps {
  db: UnderstudyDB;
  /** The embedding model the creator chose, or null (off). Asked first: it must be cheap. */
  chosenModel(): Promise<EmbeddingModelRef | null>;
  /**
   * Whether the chosen model can run now (downloaded, a real GPU). Asked only when there is
   * work, since answering may start the engine host.
   */
  canRun(model: EmbeddingModelRef): Promise<boolean>;
  embed(model: EmbeddingModelRef, texts: string[], signal?: AbortSignal): Promise<number[][]>;
  idle?(): Promise<void>;
  progress: ProgressStore;
  now?: () => number;
  /** After a failure, automatic starts wait this long (a start the creator asks for does not). */
  retryAfterMs?: number;
  /** Progress is written at most this often while running (phase changes always). */
  writeEveryMs?: number;
  log?: (message: string, error?: unknown) => void;
}

const RETRY_AFTER_MS = 10 * 60_000;
const WRITE_EVERY_MS = 1000;

/** Whether a stored outcome means there is nothing to do for `model` at `version`. */
export function isUpToDate(
  stored: EmbeddingProgress | null,
  model: string,
  version: { count: number; maxId: number },
): boolean {
  return (
    stored?.model === model &&
    stored.phase === 'done' &&
    stored.version?.count === version.count &&
    stored.version.maxId === version.maxId
  );
}

function failedOutcome(model: string, error: unknown, at: number): EmbeddingProgress {
  const reason = isQuotaError(error) ? STORAGE_FULL_MESSAGE : `Memory could not be read: ${error instanceof Error ? error.message : String(error)}`;
  return { model, embedded: 0, total: 0, phase: 'error', error: reason, updatedAt: at };
}

/**
 * Starts the job when there is work and it is not running: cheap to call often (at background
 * start, after a download, after each draft), since "nothing to do" is one keys-only read.
 */
export function createEmbeddingRunner(deps: EmbeddingRunnerDeps) {
  const now = deps.now ?? Date.now;
  const retryAfter = deps.retryAfterMs ?? RETRY_AFTER_MS;
  const writeEvery = deps.writeEveryMs ?? WRITE_EVERY_MS;
  let running: { controller: AbortController; model: string; done: Promise<void> } | undefined;

  async function shouldRun(model: EmbeddingModelRef, force: boolean): Promise<boolean> {
    if (!force) {
      const [stored, version] = await Promise.all([deps.progress.getValue(), examplesVersion(deps.db)]);
      if (isUpToDate(stored, model.id, version)) return false;
      const failedRecently = stored?.model === model.id && stored.phase === 'error' && now() - stored.updatedAt < retryAfter;
      if (failedRecently) return false;
    }
    return deps.canRun(model).catch(() => false);
  }

  async function run(model: EmbeddingModelRef, controller: AbortController): Promise<void> {
    let lastWrite = 0;
    let writes = Promise.resolve();
    const write = (progress: EmbeddingProgress) => {
      const time = now();
      if (progress.phase === 'running' && time - lastWrite < writeEvery && lastWrite !== 0) return;
      lastWrite = time;
      writes = writes.then(() => deps.progress.setValue(progress)).catch(() => {});
    };
    try {
      const outcome = await runEmbeddingJob({
        db: deps.db,
        model,
        embed: (texts, signal) => deps.embed(model, texts, signal),
        ...(deps.idle ? { idle: deps.idle } : {}),
        onProgress: write,
        signal: controller.signal,
        now,
      });
      write(outcome);
      if (outcome.phase === 'error') deps.log?.(`Embedding stopped: ${outcome.error}`);
    } catch (error) {
      // Memory could not even be read (or the pruning write failed): still an outcome, so the
      // stored phase never stays 'running' and automatic starts wait before trying again.
      deps.log?.('Embedding job failed', error);
      write(failedOutcome(model.id, error, now()));
    } finally {
      await writes;
    }
  }

  return {
    /** Starts the job if there is work; `force` ignores a recent failure (the creator asked). */
    async kick(options: { force?: boolean } = {}): Promise<void> {
      if (running) return;
      const model = await deps.chosenModel();
      if (!model || running || !(await shouldRun(model, options.force ?? false)) || running) return;
      const controller = new AbortController();
      const done = run(model, controller).finally(() => {
        if (running?.controller === controller) running = undefined;
      });
      running = { controller, model: model.id, done };
    },
    /** Stops the running job (e.g. its model was deleted); resolves when it has stopped. */
    async stop(model?: string): Promise<void> {
      const current = running;
      if (!current || (model !== undefined && current.model !== model)) return;
      current.controller.abort();
      await current.done;
    },
    /** Resolves when the running job (if any) ends. */
    async settled(): Promise<void> {
      await running?.done;
    },
    get running(): string | undefined {
      return running?.model;
    },
  };
}

export type EmbeddingRunner = ReturnType<typeof createEmbeddingRunner>;
