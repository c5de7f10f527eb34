/**
 * The offscreen document: hosts the one shared WebLLM engine for every tab. The background opens
 * it (lib/llm/host/offscreen-client.ts) and talks to it over the ENGINE_PORT port; the engine
 * itself runs in a Web Worker, created on the first request that needs it.
 */
import type { AppConfig } from '@mlc-ai/web-llm';
import { browser } from 'wxt/browser';
import { detectGpu } from '@/lib/llm/gpu';
import { createEngineHost } from '@/lib/llm/host/engine-host';
import { ENGINE_IDLE_PORT } from '@/lib/llm/host/idle-port';
import { isTrustedEngineSender, type PortSenderLike } from '@/lib/llm/host/trusted-sender';
import type { MLCEngineLike } from '@/lib/llm/webllm-engine';
import { ENGINE_PORT, type EngineHostOut } from '@/lib/messaging/engine-protocol';

/** WebLLM is 6 MB of script: load it on the first request that needs it, not with the page. */
const webllm = () => import('@mlc-ai/web-llm');

let worker: Worker | undefined;
let engine: Promise<MLCEngineLike> | undefined;

function getEngine(): Promise<MLCEngineLike> {
  // Same as CreateWebWorkerMLCEngine(worker, modelId) minus its immediate reload: the host
  // decides when (and which model) to load, so it can report queue and download progress.
  engine ??= webllm().then(({ WebWorkerMLCEngine }) => {
    worker = new Worker(new URL('../../lib/llm/host/webllm.worker.ts', import.meta.url), { type: 'module' });
    return new WebWorkerMLCEngine(worker);
  });
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

async function resetEngine(): Promise<void> {
  worker?.terminate();
  worker = undefined;
  engine = undefined;
}

const host = createEngineHost({
  getEngine,
  resetEngine,
  hasModelInCache: async (modelId: string, appConfig: AppConfig) => (await webllm()).hasModelInCache(modelId, appConfig),
  deleteModelAllInfoInCache: async (modelId: string, appConfig: AppConfig) =>
    (await webllm()).deleteModelAllInfoInCache(modelId, appConfig),
  estimateStorage: async () => (navigator.storage?.estimate ? navigator.storage.estimate() : {}),
  detectGpu: () => detectGpu(),
  // Wakes the background, which closes this document; the port closes with it.
  onIdleUnload: () => void browser.runtime.connect({ name: ENGINE_IDLE_PORT }),
  log: (message, error) => console.warn(`[Understudy engine] ${message}`, error ?? ''),
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
