/**
 * The background's one-shot message router. It rejects by default: an unknown type, a sender
 * that is not allowed to send that type, or a payload that fails its schema gets an error reply
 * and never reaches a handler.
 */
import { z } from 'zod';
import {
  envelopeSchema,
  requestSchemas,
  type Reply,
  type RequestPayload,
  type RequestType,
  type ResponseMap,
} from './protocol';
import { classifySender, sameOrigin, type SenderKind, type SenderLike } from './senders';

export type Handlers = {
  [T in RequestType]: (payload: RequestPayload<T>, sender: SenderLike) => Promise<ResponseMap[T]>;
};

/** Which contexts may send each request. */
export const allowedSenders: Record<RequestType, readonly SenderKind[]> = {
  'editor.open': ['content'],
  'editor.posted': ['content'],
  'editor.gone': ['content'],
  'editor.edited': ['content'],
  'site.health': ['content'],
  'site.enabled': ['content'],
  'model.status': ['extension'],
  'model.download': ['extension'],
  'model.cancel': ['extension'],
  'model.delete': ['extension'],
  'embeddings.start': ['extension'],
  'desk.draftAll': ['extension'],
  'desk.regenerate': ['extension'],
  'desk.insert': ['extension'],
};

export interface RouterOptions {
  extensionId: string;
  extensionOrigin: string;
}

function isRequestType(type: string): type is RequestType {
  return Object.hasOwn(requestSchemas, type);
}

function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid payload';
  const path = first.path.length ? first.path.join('.') : 'payload';
  return `${path}: ${first.message}`;
}

/** The payload's page must be the sender's page origin, so one site can't write for another. */
function pageMatchesSender(payload: unknown, sender: SenderLike): boolean {
  const comment = (payload as { comment?: { pageUrl?: string } }).comment;
  if (!comment?.pageUrl) return true;
  return sender.url !== undefined && sameOrigin(comment.pageUrl, sender.url);
}

export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(message: unknown, sender: SenderLike): Promise<Reply<RequestType>> {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return { ok: false, error: 'Malformed message.' };
    const { type, payload } = envelope.data;
    if (!isRequestType(type)) return { ok: false, error: `Unknown message type "${type}".` };

    const kind = classifySender(sender, options.extensionId, options.extensionOrigin);
    if (!kind || !allowedSenders[type].includes(kind)) {
      return { ok: false, error: `"${type}" is not allowed from this sender.` };
    }
    const parsed = requestSchemas[type].safeParse(payload);
    if (!parsed.success) {
      return { ok: false, error: `Invalid "${type}": ${describeZodError(parsed.error)}` };
    }
    if (kind === 'content' && !pageMatchesSender(parsed.data, sender)) {
      return { ok: false, error: `"${type}" names a page other than the sender's.` };
    }
    try {
      const handler = handlers[type] as (p: unknown, s: SenderLike) => Promise<unknown>;
      const data = await handler(parsed.data, sender);
      return { ok: true, data } as Reply<RequestType>;
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
