/**
 * The content script's side of lib/messaging/page-commands.ts: answers the background's
 * commands while this page runs (the site is switched on), through the handlers the page gives.
 * A command the page has no handler for, or a payload that fails its schema, gets an error.
 */
import { browser } from 'wxt/browser';
import {
  isPageCommandType,
  PAGE_COMMAND,
  pageCommandSchemas,
  type PageAnswer,
  type PageCommandPayload,
  type PageCommandType,
  type PageReply,
} from '../messaging/page-commands';

export type PageCommandHandlers = {
  [T in PageCommandType]?: (payload: PageCommandPayload<T>) => Promise<PageAnswer<T>> | PageAnswer<T>;
};

export function servePageCommands(handlers: PageCommandHandlers, signal: AbortSignal): void {
  function onMessage(message: unknown): Promise<PageReply<PageCommandType>> | undefined {
    const command = message as { kind?: unknown; type?: unknown; payload?: unknown } | null;
    if (command?.kind !== PAGE_COMMAND || !isPageCommandType(command.type)) return undefined;
    const type = command.type;
    const handler = handlers[type] as ((payload: unknown) => Promise<unknown> | unknown) | undefined;
    if (!handler) return undefined;
    const parsed = pageCommandSchemas[type].safeParse(command.payload);
    if (!parsed.success) return Promise.resolve({ ok: false, error: `Bad ${type} command.` });
    return Promise.resolve()
      .then(() => handler(parsed.data))
      .then(
        (data) => ({ ok: true, data }) as PageReply<PageCommandType>,
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  }
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}
