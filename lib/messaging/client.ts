/** Typed one-shot requests to the background, for content scripts and extension pages. */
import { browser } from 'wxt/browser';
import type { Reply, RequestPayload, RequestType, ResponseMap } from './protocol';

export class RequestError extends Error {
  override name = 'RequestError';
}

export async function request<T extends RequestType>(
  type: T,
  payload: RequestPayload<T>,
): Promise<ResponseMap[T]> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  } catch (error) {
    // The extension was reloaded or updated under this page: only a page reload reconnects it.
    throw new RequestError(
      'Understudy was updated or restarted. Reload this page to keep drafting.',
      { cause: error },
    );
  }
  if (!reply) throw new RequestError('Understudy did not answer. Reload this page and try again.');
  if (!reply.ok) throw new RequestError(reply.error);
  return reply.data;
}
