/**
 * Owns the model worker for the offscreen document: starts it on the first call that needs it,
 * hands the engine host a client for it, and throws it away on reset. Terminating the worker is
 * the only way to stop a WebLLM download, and the way to recover from a lost GPU device.
 *
 * The Worker is made by `spawn`, passed in: the bundler finds the worker's script only in a
 * literal `new Worker(new URL(…, import.meta.url))`, which stays in the entry point.
 */
import type { AppConfig } from '@mlc-ai/web-llm';
import type { MLCEngineLike } from '../webllm-engine';
import { createWorkerEngineClient, type WorkerEngineClient } from './worker-engine-client';
import type { ToWorker } from './worker-protocol';

/** The part of a Worker used here. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface ModelWorker {
  getEngine(): Promise<MLCEngineLike>;
  resetEngine(): Promise<void>;
  hasModelInCache(modelId: string, appConfig: AppConfig): Promise<boolean>;
  deleteModelAllInfoInCache(modelId: string, appConfig: AppConfig): Promise<void>;
}

/** What calls still waiting on a worker that was terminated reject with: they were cancelled. */
const stopped = () => new DOMException('The model worker was stopped.', 'AbortError');

/** A worker whose script failed to load, or that threw where nothing caught it. */
export function workerFailure(event: { message?: string }): Error {
  const error = new Error(`The model worker stopped: ${event.message || 'its script could not run.'}`);
  error.name = 'ModelWorkerError';
  return error;
}

export function createModelWorker(spawn: () => WorkerLike): ModelWorker {
  let current: { worker: WorkerLike; client: WorkerEngineClient } | undefined;

  const discard = (reason: Error) => {
    const running = current;
    current = undefined;
    running?.worker.terminate();
    running?.client.close(reason);
  };

  const client = (): WorkerEngineClient => {
    if (current) return current.client;
    const worker = spawn();
    const started = { worker, client: createWorkerEngineClient((message) => worker.postMessage(message)) };
    worker.addEventListener('message', (event) => started.client.receive(event.data));
    // Without this, a worker that cannot run would leave every call waiting forever.
    worker.addEventListener('error', (event) => {
      if (current === started) discard(workerFailure(event));
    });
    current = started;
    return started.client;
  };

  return {
    getEngine: async () => client(),
    resetEngine: async () => discard(stopped()),
    hasModelInCache: (modelId, appConfig) => client().hasModelInCache(modelId, appConfig),
    deleteModelAllInfoInCache: (modelId, appConfig) => client().deleteModelAllInfoInCache(modelId, appConfig),
  };
}
