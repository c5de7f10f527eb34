/**
 * The isolated editor's connection to the background. One port, reopened on demand: the
 * service worker may stop between two clicks, and the editor then reattaches to its session
 * (kept in session storage) and carries on. A draft that was streaming when the worker stopped
 * fails visibly; the creator clicks Regenerate.
 */
import { browser, type Browser } from 'wxt/browser';
import type { EditorPortIn, EditorPortOut } from './editor-protocol';
import { EDITOR_PORT } from './ports';

type Port = Browser.runtime.Port;

export type EditorClientEvent = EditorPortOut | { type: 'disconnected' };

export function createEditorClient(connect: () => Port = () => browser.runtime.connect({ name: EDITOR_PORT })) {
  let port: Port | undefined;
  let sessionId: string | undefined;
  const listeners = new Set<(event: EditorClientEvent) => void>();
  const emit = (event: EditorClientEvent) => {
    for (const listener of listeners) listener(event);
  };

  function ensurePort(): Port {
    if (port) return port;
    const opened = connect();
    opened.onMessage.addListener((message) => emit(message as EditorPortOut));
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      emit({ type: 'disconnected' });
    });
    port = opened;
    if (sessionId) opened.postMessage({ type: 'attach', sessionId } satisfies EditorPortIn);
    return opened;
  }

  return {
    attach(id: string) {
      const fresh = !port;
      sessionId = id;
      const opened = ensurePort();
      // A fresh port already attached itself in ensurePort.
      if (!fresh) opened.postMessage({ type: 'attach', sessionId: id } satisfies EditorPortIn);
    },
    send(message: Exclude<EditorPortIn, { type: 'attach' }>): boolean {
      try {
        ensurePort().postMessage(message);
        return true;
      } catch {
        port = undefined;
        return false;
      }
    },
    on(listener: (event: EditorClientEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      port?.disconnect();
      port = undefined;
    },
  };
}

export type EditorClient = ReturnType<typeof createEditorClient>;
