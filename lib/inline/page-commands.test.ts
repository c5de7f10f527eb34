import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CommentContext } from '../core/draft';
import { PAGE_COMMAND } from '../messaging/page-commands';
import { servePageCommands } from './page-commands';

beforeEach(() => fakeBrowser.reset());

const comment: CommentContext = { site: 'youtube', commentId: 'c1', author: '@sam', text: 'How long?', pageUrl: 'https://www.youtube.com/watch?v=abc' };

/** What the content script answers a message with (the listener's promise), or undefined. */
async function send(message: unknown): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, {}, () => {});
  return reply;
}

describe("the page's answers to the background's commands", () => {
  it('answers page.comments with the comments its handler reads', async () => {
    const signal = new AbortController().signal;
    servePageCommands({ 'page.comments': () => ({ comments: [comment] }) }, signal);
    expect(await send({ kind: PAGE_COMMAND, type: 'page.comments', payload: {} })).toEqual({ ok: true, data: { comments: [comment] } });
  });

  it('answers a command with a bad payload with an error, without running its handler', async () => {
    let ran = false;
    servePageCommands({ 'page.comments': () => ((ran = true), { comments: [] }) }, new AbortController().signal);
    expect(await send({ kind: PAGE_COMMAND, type: 'page.comments', payload: { all: 'yes' } })).toEqual({ ok: false, error: 'Bad page.comments command.' });
    expect(ran).toBe(false);
  });

  it('turns a failing handler into an error answer', async () => {
    servePageCommands({ 'page.comments': () => Promise.reject(new Error('No comments section.')) }, new AbortController().signal);
    expect(await send({ kind: PAGE_COMMAND, type: 'page.comments', payload: {} })).toEqual({ ok: false, error: 'No comments section.' });
  });

  it('leaves other messages and unknown commands to other listeners, and stops answering once the page is torn down', async () => {
    const controller = new AbortController();
    servePageCommands({ 'page.comments': () => ({ comments: [] }) }, controller.signal);
    expect(await send({ type: 'site.switch', enabled: false, dms: false })).toBeUndefined();
    expect(await send({ kind: PAGE_COMMAND, type: 'page.everything', payload: {} })).toBeUndefined();
    controller.abort();
    expect(await send({ kind: PAGE_COMMAND, type: 'page.comments', payload: {} })).toBeUndefined();
  });
});
