/**
 * The offscreen document: hosts the one shared WebLLM engine for every tab. The background opens
 * it (lib/llm/host/offscreen-client.ts) and talks to it over the ENGINE_PORT port; the engine
 * itself runs in a Web Worker, the only script that loads WebLLM, started on the first request
 * that needs it (lib/llm/host/model-worker.ts).
 */
import { browser } from 'wxt/browser';
import { detectGpu } from '@/lib/llm/gpu';
import { createEngineHost } from '@/lib/llm/host/engine-host';
import { thisBuildPackaging } from '@/lib/llm/packaging';
import { ENGINE_IDLE_PORT } from '@/lib/llm/host/idle-port';
import { createModelWorker } from '@/lib/llm/host/model-worker';
import { isTrustedEngineSender, type PortSenderLike } from '@/lib/llm/host/trusted-sender';
import { ENGINE_PORT, type EngineHostOut } from '@/lib/messaging/engine-protocol';

const modelWorker = createModelWorker(
  () => new Worker(new URL('../../lib/llm/host/webllm.worker.ts', import.meta.url), { type: 'module' }),
);

const host = createEngineHost({
  getEngine: modelWorker.getEngine,
  resetEngine: modelWorker.resetEngine,
  hasModelInCache: modelWorker.hasModelInCache,
  deleteModelAllInfoInCache: modelWorker.deleteModelAllInfoInCache,
  estimateStorage: async () => (navigator.storage?.estimate ? navigator.storage.estimate() : {}),
  detectGpu: () => detectGpu(),
  // Wakes the background, which closes this document; the port closes with it.
  onIdleUnload: () => void browser.runtime.connect({ name: ENGINE_IDLE_PORT }),
  log: (message, error) => console.warn(`[Understudy engine] ${message}`, error ?? ''),
  packaging: thisBuildPackaging(),
});

const extensionOrigin = browser.runtime.getURL('/');

browser.runtime.onConnect.addListener((port) => {
  if (port.name !== ENGINE_PORT) return;
  if (!isTrustedEngineSender(port.sender as PortSenderLike | undefined, browser.runtime.id, extensionOrigin)) {
    port.disconnect();
    return;
  }
  const session = host.connect((message: EngineHostOut) => port.postMessage(message));
  port.onMessage.addListener((message: unknown) => session.receive(message));
  port.onDisconnect.addListener(() => session.close());
});
