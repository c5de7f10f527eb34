/**
 * Serves one content script's draft port: validates every message, runs the drafting pipeline,
 * streams tokens back and honours cancel. A port that disconnects (tab closed, navigation)
 * cancels whatever it had in flight.
 */
import { draftPortInSchema, type DraftPortOut } from '../messaging/protocol';
import type { DraftRunner } from './draft-runner';
import type { PortLike } from '../messaging/port-like';
import { sameOrigin } from '../messaging/senders';

export type DraftPort = PortLike<DraftPortOut>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function serveDraftPort(port: DraftPort, senderUrl: string, runner: DraftRunner): void {
  const inFlight = new Map<string, AbortController>();
  let connected = true;
  const post = (message: DraftPortOut) => {
    if (connected) port.postMessage(message);
  };

  port.onDisconnect.addListener(() => {
    connected = false;
    for (const controller of inFlight.values()) controller.abort();
    inFlight.clear();
  });

  port.onMessage.addListener((raw) => {
    const parsed = draftPortInSchema.safeParse(raw);
    if (!parsed.success) {
      const requestId = (raw as { requestId?: unknown })?.requestId;
      post({
        type: 'error',
        requestId: typeof requestId === 'string' ? requestId.slice(0, 64) : '',
        message: 'Understudy could not read this comment (invalid request).',
      });
      return;
    }
    const message = parsed.data;
    if (message.type === 'cancel') {
      inFlight.get(message.requestId)?.abort();
      inFlight.delete(message.requestId);
      return;
    }
    const { requestId, comment } = message;
    if (!sameOrigin(comment.pageUrl, senderUrl)) {
      post({ type: 'error', requestId, message: 'This comment belongs to another site.' });
      return;
    }
    inFlight.get(requestId)?.abort();
    const controller = new AbortController();
    inFlight.set(requestId, controller);
    runner
      .draft(comment, {
        steer: message.steer,
        variant: message.variant,
        signal: controller.signal,
        onToken: (text) => post({ type: 'token', requestId, text }),
        onStatus: (status, progress) =>
          post({ type: 'status', requestId, message: status, progress }),
      })
      .then((result) => {
        if (!controller.signal.aborted) post({ type: 'done', requestId, result });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        post({ type: 'error', requestId, message: messageOf(error) });
      })
      .finally(() => {
        if (inFlight.get(requestId) === controller) inFlight.delete(requestId);
      });
  });
}
