/**
 * Test double for the model worker: the real worker-side handler around a FakeMLCEngine and an
 * in-memory model cache, behind a Worker-shaped object that delivers messages the way a worker
 * does (later, as structured-cloned copies). `terminate()` and `crash()` stop it as a real
 * worker stops. Used only by unit tests.
 */
import type { AppConfig } from '@mlc-ai/web-llm';
import type { WorkerLike } from './model-worker';
import { createWorkerEngineClient, type WorkerEngineClient } from './worker-engine-client';
import { createWorkerEngineHandler } from './worker-engine-handler';
import type { ToWorker } from './worker-protocol';
import { FakeMLCEngine } from './fake-mlc-engine.testutil';

/** WebLLM's Cache Storage of model files, reduced to which model ids are stored. */
export class FakeModelCache {
  readonly stored = new Set<string>();
  /** Each helper call, with the id of the first model record of the app config it was given. */
  readonly calls: string[] = [];
  failWith?: unknown;

  hasModelInCache = async (modelId: string, appConfig: AppConfig): Promise<boolean> => {
    this.calls.push(`has:${modelId}:${appConfig.model_list[0]?.model_id ?? ''}`);
    if (this.failWith !== undefined) throw this.failWith;
    return this.stored.has(modelId);
  };

  deleteModelAllInfoInCache = async (modelId: string, appConfig: AppConfig): Promise<void> => {
    this.calls.push(`delete:${modelId}:${appConfig.model_list[0]?.model_id ?? ''}`);
    if (this.failWith !== undefined) throw this.failWith;
    this.stored.delete(modelId);
  };
}

type MessageListener = (event: { data: unknown }) => void;
type ErrorListener = (event: { message?: string }) => void;

export class FakeModelWorker implements WorkerLike {
  terminated = false;
  /** Every message the document posted, in order. */
  readonly received: ToWorker[] = [];
  private readonly messageListeners: MessageListener[] = [];
  private readonly errorListeners: ErrorListener[] = [];
  private readonly handler;

  constructor(
    readonly engine: FakeMLCEngine = new FakeMLCEngine(),
    readonly cache: FakeModelCache = new FakeModelCache(),
  ) {
    this.handler = createWorkerEngineHandler({
      engine,
      hasModelInCache: cache.hasModelInCache,
      deleteModelAllInfoInCache: cache.deleteModelAllInfoInCache,
      post: (message) => {
        const copy = structuredClone(message);
        queueMicrotask(() => {
          if (!this.terminated) for (const listener of this.messageListeners) listener({ data: copy });
        });
      },
    });
  }

  postMessage(message: ToWorker): void {
    if (this.terminated) return;
    const copy = structuredClone(message);
    this.received.push(copy);
    queueMicrotask(() => {
      if (!this.terminated) this.handler.receive(copy);
    });
  }

  addEventListener(type: 'message', listener: MessageListener): void;
  addEventListener(type: 'error', listener: ErrorListener): void;
  addEventListener(type: 'message' | 'error', listener: MessageListener | ErrorListener): void {
    if (type === 'message') this.messageListeners.push(listener as MessageListener);
    else this.errorListeners.push(listener as ErrorListener);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** An error the worker did not catch (or its script failing to load): the Worker's error event. */
  crash(message?: string): void {
    for (const listener of this.errorListeners) listener(message === undefined ? {} : { message });
  }
}

/** A client in the "document" wired to `worker`, as createModelWorker wires them. */
export function clientOf(worker: FakeModelWorker): WorkerEngineClient {
  const client = createWorkerEngineClient((message) => worker.postMessage(message));
  worker.addEventListener('message', (event) => client.receive(event.data));
  return client;
}
