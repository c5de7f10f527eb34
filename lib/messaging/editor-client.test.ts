import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createEditorClient, type EditorClientEvent } from './editor-client';

type Port = Browser.runtime.Port;

/** Ports as the editor frame sees them; `drop` is the background's service worker stopping. */
function ports() {
  const opened: { sent: unknown[]; deliver(message: unknown): void; drop(): void }[] = [];
  const connect = () => {
    const messageListeners: ((m: unknown) => void)[] = [];
    const disconnectListeners: (() => void)[] = [];
    const record = {
      sent: [] as unknown[],
      deliver: (message: unknown) => messageListeners.forEach((l) => l(message)),
      drop: () => disconnectListeners.forEach((l) => l()),
    };
    opened.push(record);
    return {
      postMessage: (m: unknown) => record.sent.push(m),
      onMessage: { addListener: (l: (m: unknown) => void) => messageListeners.push(l) },
      onDisconnect: { addListener: (l: () => void) => disconnectListeners.push(l) },
      disconnect: () => {},
    } as unknown as Port;
  };
  return { opened, connect };
}

const SESSION = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const session = { type: 'session', session: { comment: {}, inserted: false, sent: false } };

describe('editor client', () => {
  it('reattaches to its session on a new port after the background restarted, and says it was cut off', () => {
    const { opened, connect } = ports();
    const client = createEditorClient(connect);
    const events: EditorClientEvent[] = [];
    client.on((e) => events.push(e));
    client.attach(SESSION);
    opened[0]!.deliver(session);
    opened[0]!.drop();
    expect(events.at(-1)).toEqual({ type: 'disconnected' });

    client.send({ type: 'draft', requestId: 'r2' });
    expect(opened).toHaveLength(2);
    expect(opened[1]!.sent).toEqual([{ type: 'attach', sessionId: SESSION }, { type: 'draft', requestId: 'r2' }]);
  });

  it('ignores another session id once the background confirmed one (a page can post to the frame too)', () => {
    const { opened, connect } = ports();
    const client = createEditorClient(connect);
    client.attach(SESSION);
    opened[0]!.deliver(session);
    client.attach('00000000-0000-4000-8000-000000000000');
    expect(opened[0]!.sent).toEqual([{ type: 'attach', sessionId: SESSION }]);
    expect(client.attached).toBe(true);
  });

  it('tries a later id when an earlier one was refused', () => {
    const { opened, connect } = ports();
    const client = createEditorClient(connect);
    client.attach('00000000-0000-4000-8000-000000000000');
    opened[0]!.deliver({ type: 'error', message: 'This draft is no longer open on this page.' });
    client.attach(SESSION);
    opened[0]!.deliver(session);
    expect(opened[0]!.sent.at(-1)).toEqual({ type: 'attach', sessionId: SESSION });
    expect(client.attached).toBe(true);
  });
});
