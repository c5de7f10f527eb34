/**
 * Background-side model management for the options page: capability, cache status, downloads
 * with live progress (in extension storage), cancel, delete. One download at a time, drafting
 * and embedding models alike (they go through the same engine host and WebLLM cache).
 *
 * The download itself runs in the engine host (the offscreen document), which outlives the
 * service worker; this side only follows it. Chrome stops the worker after 30 s without events,
 * which a download can be (one large file, no progress), so:
 * - while a download runs, its stored state is touched every HEARTBEAT_MS: a storage call resets
 *   the worker's idle timer, so it usually stays to record the outcome;
 * - when it was stopped anyway, the next manager (the restarted worker) takes the download over
 *   from the stored state (`resumeInterrupted`, and before `status` and `cancel`): the host hands
 *   the running job to the new request, so the outcome is recorded and Cancel reaches it.
 */
import type { ModelSelection, GpuCapability, ModelStatus } from '../core/models';
import type { OffscreenClient } from './host/offscreen-client';
import { EMBEDDING_CATALOG, MODEL_CATALOG, recommendModel } from './catalog';
import { downloadStateItem, shouldResume, type DownloadState } from './download-state';
import { loadLlmSettings, resolveModelSelection } from './settings';

export type { ModelStatus };

export interface ModelManagerDeps {
  client: OffscreenClient;
  state?: { getValue(): Promise<DownloadState | null>; setValue(v: DownloadState | null): Promise<void> };
  now?: () => number;
  /** A download finished (e.g. start embedding replies once an embedding model is in). */
  onDownloaded?: (selection: ModelSelection) => void;
  /** A model was deleted from the cache (e.g. drop the vectors only it could use). */
  onDeleted?: (selection: ModelSelection) => Promise<void>;
  /** How often a running download's state is touched to keep the service worker awake. */
  heartbeatMs?: number;
}

/** Well inside the service worker's 30 s idle limit. */
export const HEARTBEAT_MS = 20_000;

export function createModelManager(deps: ModelManagerDeps) {
  const state = deps.state ?? downloadStateItem;
  const now = deps.now ?? Date.now;
  const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
  let running: { controller: AbortController; selection: ModelSelection } | undefined;
  let writes: Promise<void> = Promise.resolve();

  /**
   * Merges `patch` into the stored state. Writes run one after another: a late progress report
   * must never land after (and undo) the final 'done'.
   */
  function write(selection: ModelSelection, patch: Partial<DownloadState>): Promise<void> {
    return serialized(async () => {
      const previous = await state.getValue();
      const base: DownloadState =
        previous && previous.selection.modelId === selection.modelId
          ? previous
          : { selection, phase: 'downloading', progress: 0, message: 'Starting download…', updatedAt: now() };
      await state.setValue({ ...base, ...patch, selection, updatedAt: now() });
    });
  }

  function serialized(change: () => Promise<void>): Promise<void> {
    const next = writes.then(change);
    writes = next.catch(() => {});
    return next;
  }

  async function status(): Promise<ModelStatus> {
    await adoptInterrupted().catch(() => false);
    const { client } = deps;
    const [capability, settings, storage] = await Promise.all([
      client.capability(),
      loadLlmSettings(),
      client.storageEstimate().catch(() => ({})),
    ]);
    const ids = [...MODEL_CATALOG, ...EMBEDDING_CATALOG].map((model) => ({ modelId: model.id }) as ModelSelection);
    if (settings.customModel) ids.push({ modelId: settings.customModel.id, custom: settings.customModel });
    const cachedEntries = await Promise.all(
      ids.map(async (selection) => [selection.modelId, await client.isCached(selection).catch(() => false)] as const),
    );
    return {
      capability,
      recommendedId: recommendModel(capability)?.id ?? null,
      active: resolveModelSelection(settings, capability),
      cached: Object.fromEntries(cachedEntries),
      storage,
    };
  }

  async function download(selection: ModelSelection, options: { resuming?: boolean } = {}): Promise<void> {
    if (running) {
      if (running.selection.modelId === selection.modelId) return;
      throw new Error(`Another model (${running.selection.modelId}) is downloading. Cancel it first.`);
    }
    const controller = new AbortController();
    running = { controller, selection };
    try {
      // Taking over keeps the progress shown so far; the host repeats its latest report.
      if (options.resuming) await write(selection, { phase: 'downloading', error: undefined });
      else await write(selection, { phase: 'downloading', progress: 0, message: 'Starting download…', error: undefined });
    } catch (error) {
      // Never started: a later download must not be refused as "another model is downloading".
      running = undefined;
      throw error;
    }
    const heartbeat = setInterval(() => void write(selection, {}).catch(() => {}), heartbeatMs);
    // Runs on in the background; the options page follows it through the stored state.
    void deps.client
      .download(selection, {
        signal: controller.signal,
        onProgress: (p) =>
          void write(selection, {
            phase: 'downloading',
            progress: p.progress,
            message: p.message,
            loadedMB: p.loadedMB,
            totalMB: p.totalMB,
            timeLeftSeconds: p.timeLeftSeconds,
          }),
      })
      .then(async () => {
        await write(selection, { phase: 'done', progress: 1, message: 'Downloaded and ready.' });
        deps.onDownloaded?.(selection);
      })
      .catch((error: Error) =>
        controller.signal.aborted
          ? write(selection, { phase: 'cancelled', message: 'Download cancelled. Files already fetched stay cached.' })
          : write(selection, { phase: 'error', error: error.message, message: error.message }),
      )
      .finally(() => {
        clearInterval(heartbeat);
        if (running?.controller === controller) running = undefined;
      });
  }

  /**
   * Follows a download the stored state says is running but this manager did not start: the
   * service worker that started it was stopped (or the browser was). Asking the host again
   * takes over its running job, or resumes from the files already cached. True when it did.
   */
  async function adoptInterrupted(): Promise<boolean> {
    if (running) return false;
    const current = await state.getValue();
    if (!shouldResume(current) || running) return false;
    await download(current.selection, { resuming: true });
    return true;
  }

  /** Cancels the running download, also one a stopped service worker started. */
  async function cancel(): Promise<void> {
    await adoptInterrupted().catch(() => false);
    running?.controller.abort();
  }

  async function remove(selection: ModelSelection): Promise<void> {
    // A download of it that a stopped service worker started is stopped too.
    await adoptInterrupted().catch(() => false);
    if (running?.selection.modelId === selection.modelId) await cancel();
    await deps.client.deleteFromCache(selection);
    // After the "cancelled" a cancel above queued: a deleted model has no download state.
    await serialized(async () => {
      const current = await state.getValue();
      if (current?.selection.modelId === selection.modelId) await state.setValue(null);
    });
    await deps.onDeleted?.(selection);
  }

  /**
   * Call at every background start (not only the browser's): continues a download the browser
   * interrupted, or follows one the host kept running while the service worker was stopped.
   */
  function resumeInterrupted(): Promise<boolean> {
    return adoptInterrupted();
  }

  return { status, download, cancel, remove, resumeInterrupted };
}

export type ModelManager = ReturnType<typeof createModelManager>;
