/**
 * The Web Worker that owns the real MLCEngine (and the GPU device). The offscreen document talks
 * to it through WebWorkerMLCEngine; keeping inference off the document's main thread keeps its
 * port responsive while a model loads or generates.
 */
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => {
  handler.onmessage(event);
};
