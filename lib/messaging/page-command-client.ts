/**
 * The background's side of lib/messaging/page-commands.ts: send a command to a tab's top frame
 * and check the page's answer against its schema before anything uses it.
 */
import { browser } from 'wxt/browser';
import {
  PAGE_COMMAND,
  pageAnswerSchemas,
  type PageAnswer,
  type PageCommandMessage,
  type PageCommandPayload,
  type PageCommandType,
  type PageReply,
} from './page-commands';

export class PageCommandError extends Error {
  override name = 'PageCommandError';
}

/** Nothing in the tab answered (yet): no content script, or one still starting on a loading page. */
export class PageSilentError extends PageCommandError {
  override name = 'PageSilentError';
}

export async function sendPageCommand<T extends PageCommandType>(
  tabId: number,
  type: T,
  payload: PageCommandPayload<T>,
): Promise<PageAnswer<T>> {
  const message: PageCommandMessage<T> = { kind: PAGE_COMMAND, type, payload };
  let reply: PageReply<T> | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as PageReply<T> | undefined;
  } catch (error) {
    // No content script answers: the tab shows no supported page, its site is off, or the page
    // was opened before Understudy was installed or updated.
    throw new PageSilentError('This page is not one Understudy can read. Reload it, or switch its site on in Options.', { cause: error });
  }
  if (!reply) throw new PageSilentError('The page did not answer. Reload it and try again.');
  if (!reply.ok) throw new PageCommandError(reply.error);
  const parsed = pageAnswerSchemas[type].safeParse(reply.data);
  if (!parsed.success) throw new PageCommandError('The page answered with something Understudy could not read.');
  return parsed.data as PageAnswer<T>;
}
