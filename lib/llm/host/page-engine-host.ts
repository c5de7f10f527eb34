/**
 * The engine host as a page with a DOM builds it: the offscreen document on Chrome
 * (entrypoints/offscreen/main.ts), the background page on Firefox (in-background-host.ts).
 * One place, so both browsers run the same host with the same model worker and settings.
 */
import { detectGpu } from '../gpu';
import { thisBuildPackaging } from '../packaging';
import { createEngineHost, type EngineHost } from './engine-host';
import { createModelWorker, type WorkerLike } from './model-worker';

export interface PageEngineHost {
  host: EngineHost;
  /** Terminates the model worker, giving its memory back; a later request starts a new one. */
  stop(): Promise<void>;
}

export interface PageEngineHostOptions {
  /**
   * Starts the model worker. Passed in: the bundler finds the worker's script only in a literal
   * `new Worker(new URL(…, import.meta.url))`, which stays in the entry point.
   */
  spawn: () => WorkerLike;
  /** The models were unloaded after the idle period: whoever owns the host may drop it. */
  onIdleUnload: () => void;
}

export function createPageEngineHost({ spawn, onIdleUnload }: PageEngineHostOptions): PageEngineHost {
  const modelWorker = createModelWorker(spawn);
  const host = createEngineHost({
    getEngine: modelWorker.getEngine,
    resetEngine: modelWorker.resetEngine,
    hasModelInCache: modelWorker.hasModelInCache,
    deleteModelAllInfoInCache: modelWorker.deleteModelAllInfoInCache,
    estimateStorage: async () => (navigator.storage?.estimate ? navigator.storage.estimate() : {}),
    detectGpu: () => detectGpu(),
    onIdleUnload,
    log: (message, error) => console.warn(`[Understudy engine] ${message}`, error ?? ''),
    packaging: thisBuildPackaging(),
  });
  return { host, stop: modelWorker.resetEngine };
}
