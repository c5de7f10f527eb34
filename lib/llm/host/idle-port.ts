/**
 * How the engine host says "I unloaded the models after the idle period": the offscreen document
 * opens a port of this name to the background. A port, not a message on the engine port, because
 * by then the service worker has usually been stopped (it sleeps after 30 s) and that port is
 * gone; opening a new one wakes it. The background then closes the offscreen document, which
 * gives back the memory WebLLM's script and worker hold, and opens a new one on the next need.
 */
import type { PortLike } from '../../messaging/port-like';
import { OFFSCREEN_PATH } from './offscreen-client';

export const ENGINE_IDLE_PORT = 'understudy.engine-idle';

export interface IdlePortSender {
  id?: string;
  url?: string;
}

/** Only our own offscreen document may ask for its own closing. */
export function isOffscreenDocument(sender: IdlePortSender | undefined, extensionId: string, getURL: (path: string) => string): boolean {
  return sender?.id === extensionId && sender.url === getURL(OFFSCREEN_PATH);
}

/** The background's side: close the document when it is idle, otherwise just hang up. */
export function serveEngineIdlePort(
  port: Pick<PortLike, 'disconnect'> & { sender?: IdlePortSender },
  client: { closeWhenIdle(): Promise<boolean> },
  identity: { extensionId: string; getURL: (path: string) => string },
): void {
  if (!isOffscreenDocument(port.sender, identity.extensionId, identity.getURL)) {
    port.disconnect();
    return;
  }
  void client
    .closeWhenIdle()
    .catch(() => false)
    .then((closed) => {
      // Closing the document closed the port too; otherwise it is still open.
      if (!closed) port.disconnect();
    });
}
