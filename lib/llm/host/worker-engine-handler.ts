/**
 * The model worker's side of the message layer: runs each call from the offscreen document on
 * the real MLCEngine (or WebLLM's cache helpers) and answers it (lib/llm/host/worker-protocol.ts).
 *
 * Calls run concurrently, as they would on MLCEngine in one thread: MLCEngine serialises
 * generations itself, and an interrupt must reach it while a generation is running. Every
 * failure is answered with its name and message, never left to reject unheard in the worker.
 */
import type { AppConfig, ChatCompletionRequestStreaming } from '@mlc-ai/web-llm';
import type { MLCEngineLike } from '../webllm-engine';
import { isToWorker, toWireError, type EngineCall, type EngineCallResults, type FromWorker } from './worker-protocol';

/** What the handler needs from MLCEngine: the engine host's MLCEngineLike minus its `modelId`. */
export type WorkerSideEngine = Omit<MLCEngineLike, 'modelId'>;

export interface WorkerEngineHandlerDeps {
  engine: WorkerSideEngine;
  hasModelInCache: (modelId: string, appConfig: AppConfig) => Promise<boolean>;
  deleteModelAllInfoInCache: (modelId: string, appConfig: AppConfig) => Promise<void>;
  post: (message: FromWorker) => void;
}

export interface WorkerEngineHandler {
  /** Acts on one message from the offscreen document; anything else is ignored. */
  receive(message: unknown): void;
}

export function createWorkerEngineHandler(deps: WorkerEngineHandlerDeps): WorkerEngineHandler {
  const { engine, post } = deps;
  /** MLCEngine keeps its loaded models private, so the handler tracks what reload and unload did. */
  let loaded: string[] = [];

  // One callback for every reload: progress is the document's to route, not the call's.
  engine.setInitProgressCallback((report) => post({ kind: 'progress', report }));

  async function answer(call: Exclude<EngineCall, { method: 'chat' }>): Promise<EngineCallResults[EngineCall['method']]> {
    switch (call.method) {
      case 'reload': {
        // WebLLM unloads everything first; after a failed reload nothing is loaded.
        loaded = [];
        if (call.appConfig) engine.setAppConfig(call.appConfig);
        await engine.reload(call.modelIds);
        loaded = Array.isArray(call.modelIds) ? [...call.modelIds] : [call.modelIds];
        return { loaded };
      }
      case 'unload':
        await engine.unload();
        loaded = [];
        return { loaded };
      case 'embed':
        return engine.embeddings.create(call.request);
      case 'hasModelInCache':
        return { cached: await deps.hasModelInCache(call.modelId, call.appConfig) };
      case 'deleteModelAllInfoInCache':
        await deps.deleteModelAllInfoInCache(call.modelId, call.appConfig);
        return { deleted: true };
    }
  }

  /** Chat calls whose stream is being forwarded: the only ones an interrupt may stop. */
  const generating = new Set<number>();

  /** Answers once the stream is open, then forwards every chunk and says when it ended. */
  async function stream(callId: number, request: ChatCompletionRequestStreaming): Promise<void> {
    const chunks = await engine.chat.completions.create(request);
    post({ kind: 'result', callId, value: { streaming: true } });
    generating.add(callId);
    try {
      for await (const chunk of chunks) post({ kind: 'chunk', callId, chunk });
    } finally {
      generating.delete(callId);
    }
    post({ kind: 'end', callId });
  }

  return {
    receive(message) {
      if (!isToWorker(message)) return;
      if (message.kind === 'interrupt') {
        // Too late for a stream that already ended: the flag would stop the next one.
        if (!generating.has(message.callId)) return;
        // Nothing to answer: the stream being interrupted says how it ended. A failure here
        // must not escape either, or it would reach the document as the worker's own crash.
        void Promise.resolve()
          .then(() => engine.interruptGenerate())
          .catch(() => {});
        return;
      }
      const { callId, call } = message;
      const reportFailure = (error: unknown) => post({ kind: 'error', callId, error: toWireError(error) });
      if (call.method === 'chat') stream(callId, call.request).catch(reportFailure);
      else answer(call).then((value) => post({ kind: 'result', callId, value }), reportFailure);
    },
  };
}
