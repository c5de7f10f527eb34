/**
 * The offscreen document's side of the model worker: an MLCEngineLike whose every method is a
 * message to the worker (lib/llm/host/worker-protocol.ts), so the document never loads WebLLM.
 * The engine host and webllm-engine.ts use it exactly as they used WebLLM's WebWorkerMLCEngine.
 *
 * Only what Understudy calls is here: reload (with progress), unload, interruptGenerate,
 * streaming chat completions, embeddings, and the two cache helpers.
 */
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  CreateEmbeddingResponse,
  EmbeddingCreateParams,
  InitProgressCallback,
} from '@mlc-ai/web-llm';
import type { MLCEngineLike } from '../webllm-engine';
import { createChunkStream, type ChunkStream } from './chunk-stream';
import {
  fromWireError,
  isFromWorker,
  type EngineCall,
  type EngineCallResults,
  type EngineMethod,
  type ToWorker,
} from './worker-protocol';

export interface WorkerEngineClient extends MLCEngineLike {
  hasModelInCache(modelId: string, appConfig: AppConfig): Promise<boolean>;
  deleteModelAllInfoInCache(modelId: string, appConfig: AppConfig): Promise<void>;
  /** Hands the client one message from the worker. */
  receive(message: unknown): void;
  /**
   * The worker is gone (terminated, or its script failed): calls waiting for an answer, and
   * every later call, reject with `reason` instead of waiting forever.
   */
  close(reason: Error): void;
}

interface PendingCall {
  resolve: (value: EngineCallResults[EngineMethod]) => void;
  reject: (error: Error) => void;
  /** Set for a chat call once its stream is open. */
  stream?: ChunkStream<ChatCompletionChunk>;
}

export function createWorkerEngineClient(send: (message: ToWorker) => void): WorkerEngineClient {
  const pending = new Map<number, PendingCall>();
  let nextCallId = 1;
  let loaded: string[] | undefined;
  let appConfig: AppConfig | undefined;
  let onProgress: InitProgressCallback | undefined;
  let closedWith: Error | undefined;
  /** The chat call whose stream last handed its reader a chunk (see interruptGenerate). */
  let lastRead: number | undefined;

  function call<M extends EngineMethod>(engineCall: Extract<EngineCall, { method: M }>): Promise<EngineCallResults[M]> {
    if (closedWith) return Promise.reject(closedWith);
    const callId = nextCallId++;
    return new Promise<EngineCallResults[M]>((resolve, reject) => {
      pending.set(callId, { resolve: resolve as PendingCall['resolve'], reject });
      send({ kind: 'call', callId, call: engineCall });
    });
  }

  /** The loaded models as MLCEngineLike reports them: undefined when none. */
  const setLoaded = (ids: string[]) => {
    loaded = ids.length > 0 ? ids : undefined;
  };

  async function openStream(request: ChatCompletionRequestStreaming): Promise<AsyncIterable<ChatCompletionChunk>> {
    if (closedWith) throw closedWith;
    const callId = nextCallId++;
    const stream = createChunkStream<ChatCompletionChunk>(() => {
      lastRead = callId;
    });
    await new Promise<EngineCallResults[EngineMethod]>((resolve, reject) => {
      pending.set(callId, { resolve, reject, stream });
      send({ kind: 'call', callId, call: { method: 'chat', request } });
    });
    return stream;
  }

  function receive(raw: unknown): void {
    if (!isFromWorker(raw)) return;
    if (raw.kind === 'progress') {
      onProgress?.(raw.report);
      return;
    }
    const entry = pending.get(raw.callId);
    if (!entry) return;
    switch (raw.kind) {
      case 'result':
        // A chat call stays pending: its chunks and its end are still to come.
        if (!entry.stream) pending.delete(raw.callId);
        entry.resolve(raw.value);
        return;
      case 'chunk':
        entry.stream?.push(raw.chunk);
        return;
      case 'end':
        pending.delete(raw.callId);
        entry.stream?.end();
        return;
      case 'error': {
        pending.delete(raw.callId);
        const error = fromWireError(raw.error);
        // Before the stream opened this rejects `create`; after, it is thrown to the reader.
        entry.reject(error);
        entry.stream?.fail(error);
        return;
      }
    }
  }

  return {
    get modelId() {
      return loaded;
    },
    setInitProgressCallback(callback: InitProgressCallback) {
      onProgress = callback;
    },
    // Kept here and sent with the next reload, the only call that reads it.
    setAppConfig(config: AppConfig) {
      appConfig = config;
    },
    async reload(modelIds: string | string[]) {
      // WebLLM unloads whatever was loaded before it loads the new models.
      loaded = undefined;
      const result = await call({ method: 'reload', modelIds, ...(appConfig ? { appConfig } : {}) });
      setLoaded(result.loaded);
    },
    async unload() {
      const result = await call({ method: 'unload' });
      setLoaded(result.loaded);
    },
    /**
     * MLCEngineLike's interrupt names no stream, and a cancelled draft keeps reading its stream
     * to the end, calling this for each chunk, while the next draft's stream may already be
     * open. Its callers call it right after reading a chunk of the stream they mean (or from an
     * abort listener while reading it), so that is the stream stopped: the one that last handed
     * out a chunk, if it is still generating. A cancelled draft that has read nothing yet is
     * stopped at its first chunk, when its loop calls this again.
     */
    interruptGenerate() {
      if (closedWith || lastRead === undefined || !pending.get(lastRead)?.stream) return;
      send({ kind: 'interrupt', callId: lastRead });
    },
    chat: {
      completions: {
        create: (request: ChatCompletionRequestStreaming) => openStream(request),
      },
    },
    embeddings: {
      create: (request: EmbeddingCreateParams): Promise<CreateEmbeddingResponse> => call({ method: 'embed', request }),
    },
    async hasModelInCache(modelId: string, config: AppConfig) {
      return (await call({ method: 'hasModelInCache', modelId, appConfig: config })).cached;
    },
    async deleteModelAllInfoInCache(modelId: string, config: AppConfig) {
      await call({ method: 'deleteModelAllInfoInCache', modelId, appConfig: config });
    },
    receive,
    close(reason: Error) {
      closedWith ??= reason;
      loaded = undefined;
      for (const entry of pending.values()) {
        entry.reject(reason);
        entry.stream?.fail(reason);
      }
      pending.clear();
    },
  };
}
