/**
 * Background-side model management for the options page: capability, cache status, downloads
 * with live progress (in extension storage), cancel, delete. One download at a time, drafting
 * and embedding models alike (they go through the same engine host and WebLLM cache).
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
}

export function createModelManager(deps: ModelManagerDeps) {
  const state = deps.state ?? downloadStateItem;
  const now = deps.now ?? Date.now;
  let running: { controller: AbortController; selection: ModelSelection } | undefined;

  async function write(selection: ModelSelection, patch: Partial<DownloadState>) {
    const previous = await state.getValue();
    const base: DownloadState =
      previous && previous.selection.modelId === selection.modelId
        ? previous
        : { selection, phase: 'downloading', progress: 0, message: 'Starting download…', updatedAt: now() };
    await state.setValue({ ...base, ...patch, selection, updatedAt: now() });
  }

  async function status(): Promise<ModelStatus> {
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

  async function download(selection: ModelSelection): Promise<void> {
    if (running) {
      if (running.selection.modelId === selection.modelId) return;
      throw new Error(`Another model (${running.selection.modelId}) is downloading. Cancel it first.`);
    }
    const controller = new AbortController();
    running = { controller, selection };
    await write(selection, { phase: 'downloading', progress: 0, message: 'Starting download…', error: undefined });
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
        if (running?.controller === controller) running = undefined;
      });
  }

  function cancel(): void {
    running?.controller.abort();
  }

  async function remove(selection: ModelSelection): Promise<void> {
    if (running?.selection.modelId === selection.modelId) cancel();
    await deps.client.deleteFromCache(selection);
    const current = await state.getValue();
    if (current?.selection.modelId === selection.modelId) await state.setValue(null);
    await deps.onDeleted?.(selection);
  }

  /** Called at background start: continue a download the browser interrupted. */
  async function resumeInterrupted(): Promise<boolean> {
    const current = await state.getValue();
    if (!shouldResume(current) || running) return false;
    await download(current.selection);
    return true;
  }

  return { status, download, cancel, remove, resumeInterrupted };
}

export type ModelManager = ReturnType<typeof createModelManager>;
