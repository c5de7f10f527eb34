import type { CommentContext } from '../core/draft';
import { describe, expect, it, vi } from 'vitest';
import { serveDraftPort, type DraftPort } from './draft-port';
import type { DraftRunner } from './draft-runner';
import type { DraftPortOut } from '../messaging/protocol';

const comment: CommentContext = {
  site: 'youtube',
  commentId: 'Ugx1',
  author: '@sam',
  text: 'Starter question',
  pageUrl: 'https://www.youtube.com/watch?v=abc',
};

function fakePort() {
  const sent: DraftPortOut[] = [];
  let onMessage: (m: unknown) => void = () => {};
  let onDisconnect: () => void = () => {};
  const port: DraftPort = {
    postMessage: (m) => sent.push(m),
    disconnect: () => {},
    onMessage: { addListener: (l) => (onMessage = l) },
    onDisconnect: { addListener: (l) => (onDisconnect = l) },
  };
  return { port, sent, receive: (m: unknown) => onMessage(m), disconnect: () => onDisconnect() };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('draft port', () => {
  it('streams tokens then the finished draft for a start request', async () => {
    const runner: DraftRunner = {
      async draft(_c, o) {
        o?.onToken?.('Hey ');
        o?.onToken?.('Sam!');
        return { text: 'Hey Sam!', engine: 'memory', exampleIds: [3] };
      },
    };
    const { port, sent, receive } = fakePort();
    serveDraftPort(port, comment.pageUrl, runner);
    receive({ type: 'start', requestId: 'r1', comment });
    await flush();
    expect(sent.map((m) => m.type)).toEqual(['token', 'token', 'done']);
    expect(sent.at(-1)).toMatchObject({ result: { text: 'Hey Sam!', engine: 'memory', exampleIds: [3] } });
  });

  it('answers an invalid request with an error instead of drafting', async () => {
    const runner = { draft: vi.fn() } as unknown as DraftRunner;
    const { port, sent, receive } = fakePort();
    serveDraftPort(port, comment.pageUrl, runner);
    receive({ type: 'start', requestId: 'r1', comment: { ...comment, site: 'myspace' } });
    await flush();
    expect(sent).toEqual([{ type: 'error', requestId: 'r1', message: expect.stringContaining('invalid') }]);
    expect(runner.draft).not.toHaveBeenCalled();
  });

  it('refuses a comment from another origin than the page that sent it', async () => {
    const runner = { draft: vi.fn() } as unknown as DraftRunner;
    const { port, sent, receive } = fakePort();
    serveDraftPort(port, 'https://www.youtube.com/watch?v=abc', runner);
    receive({ type: 'start', requestId: 'r1', comment: { ...comment, pageUrl: 'https://www.youtube.co/x' } });
    await flush();
    expect(sent[0]).toMatchObject({ type: 'error' });
    expect(runner.draft).not.toHaveBeenCalled();
  });

  it('cancels a running draft on request and sends nothing more for it', async () => {
    let seenSignal: AbortSignal | undefined;
    const runner: DraftRunner = {
      draft: (_c, o) =>
        new Promise((_resolve, reject) => {
          seenSignal = o?.signal;
          o?.signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')));
        }),
    };
    const { port, sent, receive } = fakePort();
    serveDraftPort(port, comment.pageUrl, runner);
    receive({ type: 'start', requestId: 'r1', comment });
    receive({ type: 'cancel', requestId: 'r1' });
    await flush();
    expect(seenSignal?.aborted).toBe(true);
    expect(sent).toEqual([]);
  });

  it('cancels what is in flight when the tab goes away', async () => {
    let seenSignal: AbortSignal | undefined;
    const runner: DraftRunner = {
      draft: (_c, o) => {
        seenSignal = o?.signal;
        return new Promise(() => {});
      },
    };
    const { port, receive, disconnect } = fakePort();
    serveDraftPort(port, comment.pageUrl, runner);
    receive({ type: 'start', requestId: 'r1', comment });
    disconnect();
    expect(seenSignal?.aborted).toBe(true);
  });

  it('reports an engine failure as an error message the editor can show', async () => {
    const runner: DraftRunner = { draft: async () => Promise.reject(new Error('Your memory has no example replies yet.')) };
    const { port, sent, receive } = fakePort();
    serveDraftPort(port, comment.pageUrl, runner);
    receive({ type: 'start', requestId: 'r1', comment });
    await flush();
    expect(sent).toEqual([{ type: 'error', requestId: 'r1', message: 'Your memory has no example replies yet.' }]);
  });
});
