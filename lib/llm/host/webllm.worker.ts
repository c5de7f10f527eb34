/**
 * The Web Worker that owns the real MLCEngine (and the GPU device), and the only script that
 * loads WebLLM (6 MB): the offscreen document talks to it through Understudy's own messages
 * (worker-protocol.ts, worker-engine-client.ts). Keeping inference off the document's main
 * thread keeps its port responsive while a model loads or generates.
 */
import { deleteModelAllInfoInCache, hasModelInCache, MLCEngine } from '@mlc-ai/web-llm';
import { createWorkerEngineHandler } from './worker-engine-handler';
import type { FromWorker } from './worker-protocol';

/** The dedicated worker's global scope, typed by what is used (the project compiles with DOM types). */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

const handler = createWorkerEngineHandler({
  engine: new MLCEngine(),
  hasModelInCache,
  deleteModelAllInfoInCache,
  post: (message) => scope.postMessage(message),
});
scope.addEventListener('message', (event) => handler.receive(event.data));
