/**
 * The offscreen document: hosts the one shared WebLLM engine for every tab. The background opens
 * it (lib/llm/host/offscreen-client.ts) and talks to it over the ENGINE_PORT port; the engine
 * itself runs in a Web Worker, the only script that loads WebLLM, started on the first request
 * that needs it (lib/llm/host/model-worker.ts). Firefox has no offscreen documents: there the
 * same host lives in the background page (lib/llm/host/in-background-host.ts).
 */
import { browser } from 'wxt/browser';
import { ENGINE_IDLE_PORT } from '@/lib/llm/host/idle-port';
import { createPageEngineHost } from '@/lib/llm/host/page-engine-host';
import { isTrustedEngineSender, type PortSenderLike } from '@/lib/llm/host/trusted-sender';
import { ENGINE_PORT, type EngineHostOut } from '@/lib/messaging/engine-protocol';

const { host } = createPageEngineHost({
  spawn: () => new Worker(new URL('../../lib/llm/host/webllm.worker.ts', import.meta.url), { type: 'module' }),
  // Wakes the background, which closes this document; the port closes with it.
  onIdleUnload: () => void browser.runtime.connect({ name: ENGINE_IDLE_PORT }),
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
