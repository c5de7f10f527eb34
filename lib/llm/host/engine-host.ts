/**
 * The engine host: the logic of the offscreen document. One shared WebLLM engine serves every
 * tab, so requests wait in one FIFO queue and each is told its place in line as it changes.
 * Drafts stream tokens back; embed requests turn texts into vectors with an embedding model,
 * loaded next to the drafting model so neither evicts the other; anything can be cancelled by
 * request id; the models are unloaded after an idle period to give the GPU memory back.
 *
 * Pure: the engine, cache helpers, storage estimate and GPU detection are injected, so tests
 * drive it with a fake engine and fake timers.
 */
import type { ModelSelection, GpuCapability } from '../../core/models';
import type { AppConfig } from '@mlc-ai/web-llm';
import {
  describeInvalidRequest,
  engineHostInSchema,
  type EngineHostIn,
  type EngineHostOut,
} from '../../messaging/engine-protocol';
import { buildAppConfig, findCatalogModel, findEmbeddingModel, isOfferedSelection, selectionLabel, type Packaging } from '../catalog';
import type { DraftEngine } from '../engine';
import {
  classifyLoadError,
  createWebLLMEngine,
  embedTexts,
  ensureModelLoaded,
  isAbortError,
  WebLLMError,
  type MLCEngineLike,
  type WebLLMEngineDeps,
} from '../webllm-engine';

export interface EngineHostDeps {
  /** The shared engine, created on first use. */
  getEngine: () => Promise<MLCEngineLike>;
  /**
   * Throws the engine away (terminating its worker); the next `getEngine` makes a new one.
   * WebLLM cannot abort a download, so this is how a download is cancelled, and how the host
   * recovers after the GPU device is lost.
   */
  resetEngine: () => Promise<void>;
  hasModelInCache: (modelId: string, appConfig: AppConfig) => Promise<boolean>;
  deleteModelAllInfoInCache: (modelId: string, appConfig: AppConfig) => Promise<void>;
  estimateStorage: () => Promise<{ usage?: number; quota?: number }>;
  detectGpu: () => Promise<GpuCapability>;
  /** Defaults to the real WebLLM adapter. */
  createDraftEngine?: (deps: WebLLMEngineDeps) => DraftEngine;
  idleUnloadMinutes?: number;
  /**
   * The models were unloaded after the idle period and nothing is waiting: the document that
   * hosts the engine can be closed too (the background owns that decision).
   */
  onIdleUnload?: () => void;
  log?: (message: string, error?: unknown) => void;
  /**
   * Which model libraries this build ships and where (lib/llm/packaging.ts): a model whose
   * library isn't in the package is refused, never fetched.
   */
  packaging: Packaging;
}

export type Send = (message: EngineHostOut) => void;

/** One connection (a port from the background). */
export interface HostSession {
  /** Validates and acts on one incoming message. */
  receive(raw: unknown): void;
  /** The port closed: its queued and running drafts are cancelled; downloads carry on. */
  close(): void;
}

export interface EngineHost {
  connect(send: Send): HostSession;
  /** Jobs waiting plus the running one. */
  readonly pending: number;
  setIdleUnloadMinutes(minutes: number): void;
}

type JobKind = 'draft' | 'embed' | 'download' | 'delete' | 'unload';

/** Jobs that only matter to the port that asked: dropped when it closes. */
const PORT_BOUND: ReadonlySet<JobKind> = new Set(['draft', 'embed']);

interface Job {
  requestId: string;
  kind: JobKind;
  session: SessionState | undefined;
  controller: AbortController;
  run: (job: Job) => Promise<void>;
  lastPosition?: number;
  /** Set while the job loads a drafting and an embedding model together. */
  pair?: string;
  /** A download's model id: a second request for it joins this job (adoptDownload). */
  model?: string;
  /** A download's latest progress, repeated to a background that takes the job over. */
  lastProgress?: Extract<EngineHostOut, { type: 'progress' }>;
}

interface SessionState {
  send: Send;
  open: boolean;
}

const DEVICE_FAILURES = new Set(['device-lost', 'gpu-error']);
/** Failures that say the GPU cannot hold two models at once. */
const MEMORY_FAILURES = new Set(['device-lost', 'out-of-memory']);

export const PAIR_TOO_BIG =
  'Your GPU does not have memory for the drafting model and the embedding model together. Drafts use word matching only; pick a smaller drafting or embedding model in Understudy options, or turn better matching off.';

const pairKey = (a: string, b: string) => [a, b].sort().join(' + ');

export function createEngineHost(deps: EngineHostDeps): EngineHost {
  const createDraftEngine = deps.createDraftEngine ?? createWebLLMEngine;
  const log = deps.log ?? (() => {});
  let idleMs = (deps.idleUnloadMinutes ?? 5) * 60_000;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const waiting: Job[] = [];
  let running: Job | undefined;
  /** The engine the last job used: what idle unload and cache deletes act on. */
  let engine: MLCEngineLike | undefined;
  /**
   * Drafting + embedding model pairs that ran the GPU out of memory when loaded together. A
   * draft then loads its model alone, and an embed that needs the pair is refused rather than
   * evicting the drafting model on every draft.
   */
  const failedPairs = new Set<string>();

  const getEngine = async () => {
    engine = await deps.getEngine();
    return engine;
  };

  /**
   * Asked once: WebLLM fetches model files before it looks for a GPU, so without this check a
   * machine with no WebGPU would download a gigabyte only to fail.
   */
  let capability: Promise<GpuCapability> | undefined;
  const gpuProblem = async (): Promise<string | undefined> => {
    capability ??= deps.detectGpu().catch((): GpuCapability => ({ available: true, isSoftware: false, shaderF16: false }));
    const cap = await capability;
    return cap.available ? undefined : cap.reason ?? 'No usable GPU.';
  };
  const refuseWithoutGpu = async (job: Job): Promise<boolean> => {
    const problem = await gpuProblem();
    if (!problem) return false;
    const message = `${problem} A model cannot run on this machine: switch Understudy to the memory engine in options, or update Chrome and check that hardware acceleration is on.`;
    post(job, { type: 'error', requestId: job.requestId, kind: 'no-webgpu', message: message.slice(0, 2000) });
    return true;
  };

  const post = (job: Job, message: EngineHostOut) => {
    if (job.session?.open) job.session.send(message);
  };

  /** Loading and progress messages for one job, clamped to what the protocol accepts. */
  const statusTo = (job: Job) => (text: string, progress?: number) =>
    post(job, {
      type: 'status',
      requestId: job.requestId,
      message: text.slice(0, 2000),
      ...(progress !== undefined ? { progress: Math.min(1, Math.max(0, progress)) } : {}),
    });

  const announcePositions = () => {
    const ahead = running ? 1 : 0;
    waiting.forEach((job, index) => {
      const position = index + ahead;
      if (job.lastPosition !== position) {
        job.lastPosition = position;
        post(job, { type: 'queue', requestId: job.requestId, position });
      }
    });
  };

  const clearIdleTimer = () => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
  };

  const armIdleTimer = () => {
    clearIdleTimer();
    if (!engine?.modelId?.length) return;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (running || waiting.length > 0) return;
      enqueue({
        requestId: `idle-unload-${Date.now()}`,
        kind: 'unload',
        session: undefined,
        controller: new AbortController(),
        run: async (job) => {
          await unloadJob(job);
          if (waiting.length === 0) deps.onIdleUnload?.();
        },
      });
    }, idleMs);
  };

  const pump = () => {
    if (running) return;
    const next = waiting.shift();
    if (!next) {
      armIdleTimer();
      return;
    }
    running = next;
    if (next.lastPosition !== 0) {
      next.lastPosition = 0;
      post(next, { type: 'queue', requestId: next.requestId, position: 0 });
    }
    announcePositions();
    void next
      .run(next)
      .catch((error: unknown) => log(`Engine job ${next.requestId} failed`, error))
      .finally(() => {
        if (running === next) running = undefined;
        pump();
      });
  };

  function enqueue(job: Job) {
    clearIdleTimer();
    waiting.push(job);
    pump();
    announcePositions();
  }

  const findJob = (requestId: string, session: SessionState) => {
    if (running?.requestId === requestId && running.session === session) return running;
    return waiting.find((job) => job.requestId === requestId && job.session === session);
  };

  const cancel = (job: Job) => {
    const index = waiting.indexOf(job);
    if (index >= 0) {
      waiting.splice(index, 1);
      post(job, { type: 'cancelled', requestId: job.requestId });
      announcePositions();
      if (!running && waiting.length === 0) armIdleTimer();
      return;
    }
    // Running: the job's own handler reports `cancelled` once it has stopped.
    job.controller.abort();
  };

  const reportError = (job: Job, error: unknown) => {
    if (job.controller.signal.aborted || isAbortError(error)) {
      post(job, { type: 'cancelled', requestId: job.requestId });
      return;
    }
    const classified = classifyLoadError(error);
    if (job.pair && MEMORY_FAILURES.has(classified.kind)) failedPairs.add(job.pair);
    log(`Engine request ${job.requestId} failed: ${classified.detail}`);
    post(job, { type: 'error', requestId: job.requestId, message: classified.message, kind: classified.kind });
    if (DEVICE_FAILURES.has(classified.kind)) {
      engine = undefined;
      void deps.resetEngine().catch((e: unknown) => log('Could not reset the engine', e));
    }
  };

  /** Resolves when the job's signal aborts, so a stuck engine call cannot hold the queue. */
  const untilAborted = (signal: AbortSignal) =>
    new Promise<'aborted'>((resolve) => {
      if (signal.aborted) resolve('aborted');
      else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });

  async function unloadJob(job: Job) {
    try {
      if (engine?.modelId?.length) await engine.unload();
      post(job, { type: 'ok', requestId: job.requestId });
    } catch (error) {
      reportError(job, error);
    }
  }

  const appConfigFor = (selection: ModelSelection) => buildAppConfig(selection, deps.packaging);
  const offered = (selection: ModelSelection) => isOfferedSelection(selection, deps.packaging);

  const unknownModel = (job: Job) =>
    post(job, {
      type: 'error',
      requestId: job.requestId,
      kind: 'model-not-found',
      message: classifyLoadError('ModelNotFoundError: Cannot find model record').message,
    });

  /** The embedding model to load alongside a drafting model, unless that pair failed before. */
  const companionFor = (job: Job, modelId: string, companion: ModelSelection | undefined): string[] => {
    if (!companion || !findEmbeddingModel(companion.modelId)) return [];
    const pair = pairKey(modelId, companion.modelId);
    if (failedPairs.has(pair)) return [];
    job.pair = pair;
    return [companion.modelId];
  };

  function draftJob(message: Extract<EngineHostIn, { type: 'draft.start' }>) {
    return async (job: Job) => {
      if (!offered(message.model) || findEmbeddingModel(message.model.modelId)) return unknownModel(job);
      if (await refuseWithoutGpu(job)) return;
      const companions = engine?.modelId?.includes(message.model.modelId)
        ? []
        : companionFor(job, message.model.modelId, message.companion);
      const draftEngine = createDraftEngine({
        getEngine,
        modelId: message.model.modelId,
        modelLabel: selectionLabel(message.model),
        appConfig: appConfigFor(message.model),
        settings: message.generation,
        contextWindowTokens: findCatalogModel(message.model.modelId)?.contextWindowTokens,
        ...(companions.length ? { companionModelIds: companions } : {}),
      });
      try {
        const result = await draftEngine.draft({ ...message.input, profile: message.input.profile }, {
          signal: job.controller.signal,
          onToken: (text) => post(job, { type: 'token', requestId: job.requestId, text }),
          onStatus: statusTo(job),
        });
        post(job, { type: 'done', requestId: job.requestId, result });
      } catch (error) {
        reportError(job, error);
      }
    };
  }

  function embedJob(message: Extract<EngineHostIn, { type: 'embed' }>) {
    return async (job: Job) => {
      const model = findEmbeddingModel(message.model.modelId);
      if (!model || (message.companion && !offered(message.companion))) return unknownModel(job);
      if (await refuseWithoutGpu(job)) return;
      const companion = message.companion;
      let companions: string[] = [];
      if (companion && !findEmbeddingModel(companion.modelId)) {
        const pair = pairKey(model.id, companion.modelId);
        if (failedPairs.has(pair)) {
          post(job, { type: 'error', requestId: job.requestId, kind: 'out-of-memory', message: PAIR_TOO_BIG });
          return;
        }
        // Keep the drafting model only when it is already there or asked for: it is reloaded
        // from the cache in the same call, so both stay resident for the next draft.
        job.pair = pair;
        companions = [companion.modelId];
      }
      try {
        const vectors = await embedTexts(await getEngine(), model.id, message.texts, {
          // The custom record, when the companion is the creator's own model.
          appConfig: appConfigFor(companion?.custom ? companion : message.model),
          modelLabel: model.displayName,
          companions,
          signal: job.controller.signal,
          onStatus: statusTo(job),
        });
        const wrong = vectors.find((v) => v.length !== model.dims);
        if (wrong) {
          throw new WebLLMError({
            kind: 'unknown',
            message: classifyLoadError('').message,
            detail: `${model.id} returned ${wrong.length} dimensions, expected ${model.dims}.`,
          });
        }
        post(job, { type: 'embeddings', requestId: job.requestId, model: model.id, vectors });
      } catch (error) {
        reportError(job, error);
      }
    };
  }

  function downloadJob(selection: ModelSelection) {
    return async (job: Job) => {
      if (!offered(selection)) return unknownModel(job);
      if (await refuseWithoutGpu(job)) return;
      const signal = job.controller.signal;
      try {
        const current = await getEngine();
        const load = ensureModelLoaded(current, selection.modelId, {
          appConfig: appConfigFor(selection),
          modelLabel: selectionLabel(selection),
          onProgress: (_message, _progress, described) => {
            job.lastProgress = {
              type: 'progress',
              // Read at each report: a background that took the job over has its own request id.
              requestId: job.requestId,
              phase: described.phase,
              progress: described.progress,
              message: described.message.slice(0, 2000),
              ...(described.loadedMB !== undefined ? { loadedMB: described.loadedMB } : {}),
              ...(described.totalMB !== undefined ? { totalMB: described.totalMB } : {}),
              ...(described.timeLeftSeconds !== undefined ? { timeLeftSeconds: described.timeLeftSeconds } : {}),
            };
            post(job, job.lastProgress);
          },
        });
        load.catch(() => {});
        const outcome = await Promise.race([load.then(() => 'loaded' as const), untilAborted(signal)]);
        if (outcome === 'aborted') {
          // The only way to stop WebLLM mid-download: drop the worker. Finished files stay cached.
          engine = undefined;
          await deps.resetEngine();
          post(job, { type: 'cancelled', requestId: job.requestId });
          return;
        }
        post(job, { type: 'ok', requestId: job.requestId });
      } catch (error) {
        reportError(job, error);
      }
    };
  }

  /**
   * A download asked for while it is already running or queued here. The usual cause: the
   * background's service worker was stopped while progress was silent (Chrome stops it after
   * 30 s without events), its port closed, and the restarted background asks again. The job
   * carries on under the new request, so the new port hears its progress and outcome and can
   * cancel it, and nothing is fetched twice. The background holds one port, so whoever asked
   * before is a port that is gone.
   */
  function adoptDownload(job: Job, session: SessionState, requestId: string) {
    job.session = session;
    job.requestId = requestId;
    job.lastPosition = undefined;
    if (running !== job) return announcePositions();
    job.lastPosition = 0;
    post(job, { type: 'queue', requestId, position: 0 });
    if (job.lastProgress) post(job, { ...job.lastProgress, requestId });
  }

  const downloadOf = (modelId: string) =>
    [running, ...waiting].find((job) => job?.kind === 'download' && job.model === modelId);

  function deleteJob(selection: ModelSelection) {
    return async (job: Job) => {
      try {
        if (engine?.modelId?.includes(selection.modelId)) await engine.unload();
        await deps.deleteModelAllInfoInCache(selection.modelId, appConfigFor(selection));
        post(job, { type: 'ok', requestId: job.requestId });
      } catch (error) {
        reportError(job, error);
      }
    };
  }

  const answer = async (session: SessionState, requestId: string, work: () => Promise<EngineHostOut>) => {
    let reply: EngineHostOut;
    try {
      reply = await work();
    } catch (error) {
      reply = { type: 'error', requestId, message: classifyLoadError(error).message };
    }
    if (session.open) session.send(reply);
  };

  function handle(session: SessionState, message: EngineHostIn) {
    const job = (kind: JobKind, requestId: string, run: (job: Job) => Promise<void>) =>
      enqueue({ requestId, kind, session, controller: new AbortController(), run });

    switch (message.type) {
      case 'draft.start':
        return job('draft', message.requestId, draftJob(message));
      case 'embed':
        return job('embed', message.requestId, embedJob(message));
      case 'model.download': {
        const ongoing = downloadOf(message.model.modelId);
        if (ongoing) return adoptDownload(ongoing, session, message.requestId);
        const run = downloadJob(message.model);
        return enqueue({ requestId: message.requestId, kind: 'download', session, controller: new AbortController(), run, model: message.model.modelId });
      }
      case 'cache.delete':
        return job('delete', message.requestId, deleteJob(message.model));
      case 'engine.unload':
        return job('unload', message.requestId, unloadJob);
      case 'draft.cancel':
      case 'embed.cancel':
      case 'model.cancel': {
        const found = findJob(message.requestId, session);
        if (found) cancel(found);
        return;
      }
      case 'cache.status':
        return void answer(session, message.requestId, async () => ({
          type: 'cache.status',
          requestId: message.requestId,
          cached: await deps.hasModelInCache(message.model.modelId, appConfigFor(message.model)),
        }));
      case 'storage.estimate':
        return void answer(session, message.requestId, async () => {
          const estimate = await deps.estimateStorage();
          return {
            type: 'storage.estimate',
            requestId: message.requestId,
            ...(typeof estimate.usage === 'number' ? { usage: estimate.usage } : {}),
            ...(typeof estimate.quota === 'number' ? { quota: estimate.quota } : {}),
          };
        });
      case 'capability':
        return void answer(session, message.requestId, async () => {
          capability = deps.detectGpu();
          return { type: 'capability', requestId: message.requestId, capability: await capability };
        });
      case 'configure':
        return setIdleUnloadMinutes(message.idleUnloadMinutes);
    }
  }

  function setIdleUnloadMinutes(minutes: number) {
    idleMs = minutes * 60_000;
    if (idleTimer !== undefined) armIdleTimer();
  }

  return {
    connect(send: Send): HostSession {
      const session: SessionState = { send, open: true };
      return {
        receive(raw: unknown) {
          if (!session.open) return;
          const parsed = engineHostInSchema.safeParse(raw);
          if (!parsed.success) {
            const requestId = (raw as { requestId?: unknown } | null)?.requestId;
            if (typeof requestId === 'string' && requestId.length > 0) {
              send({ type: 'error', requestId: requestId.slice(0, 64), message: describeInvalidRequest(parsed.error) });
            }
            return;
          }
          handle(session, parsed.data);
        },
        close() {
          session.open = false;
          for (const job of [...waiting]) if (job.session === session && PORT_BOUND.has(job.kind)) cancel(job);
          if (running?.session === session && PORT_BOUND.has(running.kind)) cancel(running);
        },
      };
    },
    get pending() {
      return waiting.length + (running ? 1 : 0);
    },
    setIdleUnloadMinutes,
  };
}
