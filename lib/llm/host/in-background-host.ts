/**
 * The engine host in the background page, for browsers without offscreen documents (Firefox).
 * Firefox's background is a page: it has a DOM and can start Workers, so the host that Chrome
 * keeps in an offscreen document runs right here, and the background's client
 * (offscreen-client.ts, unchanged) talks to it through an in-process port of the same shape as
 * a browser port. One client, one host, one protocol on both browsers; only the "document"
 * differs: here, "creating" it starts the host and "closing" it stops the model worker.
 *
 * Messages are copied and delivered on a later microtask, as a browser port delivers them, so
 * neither side can hold on to the other's objects or rely on synchronous replies.
 */
import type { PortLike } from '../../messaging/port-like';
import type { EngineHost } from './engine-host';
import { loadIdleUnloadMinutes } from '../settings';
import { createOffscreenClient, type OffscreenClient, type OffscreenClientDeps } from './offscreen-client';

export interface HostHere {
  host: EngineHost;
  /** Gives the host's memory back (terminates its model worker). */
  stop(): Promise<void>;
}

export interface InBackgroundClientOptions {
  /** Starts the host; `onIdleUnload` is called when it unloaded its models after the idle period. */
  startHost: (onIdleUnload: () => void) => HostHere;
  /** Defaults to the stored settings, as on Chrome. */
  hostSettings?: OffscreenClientDeps['hostSettings'];
  newRequestId?: () => string;
}

/** Does this browser have offscreen documents? Without them the host runs in the background page. */
export function hasOffscreenDocuments(browserApi: object): boolean {
  return typeof (browserApi as { offscreen?: { createDocument?: unknown } }).offscreen?.createDocument === 'function';
}

/** The client's end of a port whose other end is a session of `host`, in this same page. */
export function inProcessPort(host: EngineHost): PortLike {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  let open = true;
  const session = host.connect((message) =>
    queueMicrotask(() => {
      if (!open) return;
      const copy = structuredClone(message);
      for (const listener of onMessage) listener(copy);
    }),
  );
  return {
    postMessage(message) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      queueMicrotask(() => {
        if (open) session.receive(copy);
      });
    },
    onMessage: { addListener: (listener) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => void onDisconnect.push(listener) },
    // Like a browser port, the side that disconnects hears no onDisconnect of its own.
    disconnect() {
      if (!open) return;
      open = false;
      session.close();
    },
  };
}

export function createInBackgroundClient(options: InBackgroundClientOptions): OffscreenClient {
  let current: HostHere | undefined;
  // Assigned below; the host calls back into the client only after a request started it.
  let client: OffscreenClient | undefined;
  const deps: OffscreenClientDeps = {
    connect: () => {
      // Idle unload: close like Chrome's idle port does, unless a request is in flight.
      current ??= options.startHost(() => void client?.closeWhenIdle());
      return inProcessPort(current.host);
    },
    getURL: (path) => path,
    // "The document exists" while a host runs, so the client closes it when idle.
    getContexts: async () => (current ? [{ contextType: 'BACKGROUND' }] : []),
    // Nothing to create: connect() starts the host on first use.
    createDocument: async () => {},
    closeDocument: async () => {
      const stopping = current;
      current = undefined;
      await stopping?.stop();
    },
    hostSettings: options.hostSettings ?? (async () => ({ idleUnloadMinutes: await loadIdleUnloadMinutes() })),
    ...(options.newRequestId ? { newRequestId: options.newRequestId } : {}),
  };
  client = createOffscreenClient(deps);
  return client;
}
