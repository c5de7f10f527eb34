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
  /** The session the background confirmed; a reopened port reattaches to it. */
  let sessionId: string | undefined;
  let asked: string | undefined;
  const listeners = new Set<(event: EditorClientEvent) => void>();
  const emit = (event: EditorClientEvent) => {
    if (event.type === 'session' && asked) sessionId = asked;
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
    /**
     * Asks to attach to a session. Once one is confirmed, further ids are ignored: a page script
     * can post messages to this frame too, and must not be able to pull it off its session.
     */
    attach(id: string) {
      if (sessionId) return;
      asked = id;
      ensurePort().postMessage({ type: 'attach', sessionId: id } satisfies EditorPortIn);
    },
    get attached(): boolean {
      return sessionId !== undefined;
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
