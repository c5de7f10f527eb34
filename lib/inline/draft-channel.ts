/**
 * The content script's side of the draft port: one port per page, opened on first use and
 * reopened if the background restarted. Each draft request gets its own id and handlers.
 */
import type { SteerChoice } from '../core/steers';
import type { CommentContext, DraftResult } from '../core/draft';
import { browser, type Browser } from 'wxt/browser';
import { DRAFT_PORT } from '../messaging/ports';
import type { DraftPortOut } from '../messaging/protocol';

export interface DraftHandlers {
  onStatus(message: string, progress?: number): void;
  onToken(text: string): void;
  onDone(result: DraftResult): void;
  onError(message: string): void;
}

export interface DraftRequestOptions {
  steer?: SteerChoice;
  variant?: number;
}

type Port = Browser.runtime.Port;

export function createDraftChannel(connect: () => Port = () => browser.runtime.connect({ name: DRAFT_PORT })) {
  let port: Port | undefined;
  const pending = new Map<string, DraftHandlers>();

  function dispatch(message: DraftPortOut) {
    const handlers = pending.get(message.requestId);
    if (!handlers) return;
    switch (message.type) {
      case 'status':
        handlers.onStatus(message.message, message.progress);
        break;
      case 'token':
        handlers.onToken(message.text);
        break;
      case 'done':
        pending.delete(message.requestId);
        handlers.onDone(message.result);
        break;
      case 'error':
        pending.delete(message.requestId);
        handlers.onError(message.message);
        break;
    }
  }

  function ensurePort(): Port {
    if (port) return port;
    const opened = connect();
    opened.onMessage.addListener((message) => dispatch(message as DraftPortOut));
    opened.onDisconnect.addListener(() => {
      port = undefined;
      // A draft in flight when the background went away is failed visibly, never left spinning.
      for (const [, handlers] of pending) {
        handlers.onError('Understudy restarted while drafting. Click Regenerate to try again.');
      }
      pending.clear();
    });
    port = opened;
    return opened;
  }

  return {
    start(comment: CommentContext, options: DraftRequestOptions, handlers: DraftHandlers) {
      const requestId = crypto.randomUUID();
      pending.set(requestId, handlers);
      try {
        ensurePort().postMessage({ type: 'start', requestId, comment, ...options });
      } catch {
        pending.delete(requestId);
        handlers.onError('Understudy was updated or restarted. Reload this page to keep drafting.');
      }
      return {
        cancel() {
          if (!pending.delete(requestId)) return;
          try {
            port?.postMessage({ type: 'cancel', requestId });
          } catch {
            // The port is gone; nothing is running for this request any more.
          }
        },
      };
    },
    dispose() {
      pending.clear();
      port?.disconnect();
      port = undefined;
    },
  };
}

export type DraftChannel = ReturnType<typeof createDraftChannel>;
