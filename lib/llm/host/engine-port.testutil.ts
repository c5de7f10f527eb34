/**
 * Test helper: a background's offscreen client talking to an engine host in the same JS
 * context, over a port that delivers asynchronously like a browser port. `stopBackground()`
 * ends it the way Chrome stopping the service worker does: the host sees its port close, and
 * nothing reaches the old client any more.
 */
import type { PortLike } from '../../messaging/port-like';
import type { EngineHost, HostSession } from './engine-host';
import { createOffscreenClient, type OffscreenClient } from './offscreen-client';

export interface BackgroundOverHost {
  client: OffscreenClient;
  stopBackground(): void;
}

export function backgroundOver(host: EngineHost): BackgroundOverHost {
  let session: HostSession | undefined;
  let stopped = false;
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: PortLike = {
    // A copy, as structured cloning makes one between contexts.
    postMessage: (message) => queueMicrotask(() => session?.receive(structuredClone(message))),
    onMessage: { addListener: (listener) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
    disconnect: () => session?.close(),
  };
  const client = createOffscreenClient({
    connect: () => {
      session = host.connect((message) =>
        queueMicrotask(() => {
          if (!stopped) for (const listener of onMessage) listener(structuredClone(message));
        }),
      );
      return port;
    },
    getURL: (path) => path,
    getContexts: async () => [{ documentUrl: 'offscreen.html' }],
    createDocument: async () => {},
  });
  return {
    client,
    stopBackground() {
      stopped = true;
      session?.close();
    },
  };
}
