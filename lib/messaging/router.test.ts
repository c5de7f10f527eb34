import type { CommentContext } from '../core/draft';
import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';

const identity = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const youtubeTab = { id: 'ext-id', url: 'https://www.youtube.com/watch?v=abc', tab: { id: 7 } };

const comment: CommentContext = {
  site: 'youtube',
  commentId: 'Ugx1',
  author: '@sam',
  text: 'How do I keep my starter alive?',
  pageUrl: 'https://www.youtube.com/watch?v=abc',
};

const draft = { comment, text: 'Feed it daily!', engineText: 'Feed it daily!', engine: 'memory' as const, exampleIds: [1] };

function setup() {
  const handlers: Handlers = {
    'draft.queue': vi.fn(async () => ({ draftId: 41 })),
    'draft.inserted': vi.fn(async () => ({ draftId: 42 })),
    'draft.sent': vi.fn(async () => ({ draftId: 43, recorded: true })),
    'model.status': vi.fn(),
    'model.download': vi.fn(async () => ({ started: true as const })),
    'model.cancel': vi.fn(async () => ({ cancelled: true as const })),
    'model.delete': vi.fn(async () => ({ deleted: true as const })),
    'embeddings.start': vi.fn(async () => ({ started: true })),
  };
  return { handlers, route: createRouter(handlers, identity) };
}

describe('background router', () => {
  it('queues a draft sent by a content script on a supported site', async () => {
    const { route, handlers } = setup();
    const reply = await route({ type: 'draft.queue', payload: draft }, youtubeTab);
    expect(reply).toEqual({ ok: true, data: { draftId: 41 } });
    expect(handlers['draft.queue']).toHaveBeenCalledOnce();
  });

  it('rejects an unknown message type with an error reply', async () => {
    const { route } = setup();
    const reply = await route({ type: 'profile.steal', payload: {} }, youtubeTab);
    expect(reply).toEqual({ ok: false, error: 'Unknown message type "profile.steal".' });
  });

  it('rejects a message that is not an envelope at all', async () => {
    const { route } = setup();
    expect(await route('hello', youtubeTab)).toMatchObject({ ok: false });
    expect(await route(null, youtubeTab)).toMatchObject({ ok: false });
  });

  it('rejects messages from another extension', async () => {
    const { route, handlers } = setup();
    const reply = await route({ type: 'draft.queue', payload: draft }, { ...youtubeTab, id: 'other-ext' });
    expect(reply.ok).toBe(false);
    expect(handlers['draft.queue']).not.toHaveBeenCalled();
  });

  it('rejects content scripts running on a site Understudy does not support', async () => {
    const { route, handlers } = setup();
    const reply = await route(
      { type: 'draft.queue', payload: { ...draft, comment: { ...comment, pageUrl: 'https://evil.example/' } } },
      { ...youtubeTab, url: 'https://evil.example/' },
    );
    expect(reply.ok).toBe(false);
    expect(handlers['draft.queue']).not.toHaveBeenCalled();
  });

  it('rejects a page that speaks about another origin’s comment', async () => {
    const { route, handlers } = setup();
    const reply = await route(
      { type: 'draft.queue', payload: { ...draft, comment: { ...comment, pageUrl: 'https://m.youtube.com/watch?v=abc' } } },
      youtubeTab,
    );
    expect(reply).toMatchObject({ ok: false });
    expect(handlers['draft.queue']).not.toHaveBeenCalled();
  });

  it('names the field that made a payload invalid', async () => {
    const { route, handlers } = setup();
    const reply = await route({ type: 'draft.queue', payload: { ...draft, text: 42 } }, youtubeTab);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^Invalid "draft.queue": text:/);
    expect(handlers['draft.queue']).not.toHaveBeenCalled();
  });

  it('lets only extension pages manage models, never a web page', async () => {
    const { route, handlers } = setup();
    const selection = { selection: { modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' } };
    const fromPage = await route({ type: 'model.download', payload: selection }, youtubeTab);
    expect(fromPage.ok).toBe(false);
    const fromOptions = await route(
      { type: 'model.download', payload: selection },
      { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' },
    );
    expect(fromOptions).toEqual({ ok: true, data: { started: true } });
    expect(handlers['model.download']).toHaveBeenCalledOnce();
  });

  it('lets only extension pages start embedding replies, never a web page', async () => {
    const { route, handlers } = setup();
    expect((await route({ type: 'embeddings.start', payload: {} }, youtubeTab)).ok).toBe(false);
    const fromOptions = await route({ type: 'embeddings.start', payload: {} }, { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' });
    expect(fromOptions).toEqual({ ok: true, data: { started: true } });
    expect(handlers['embeddings.start']).toHaveBeenCalledOnce();
  });

  it('keeps extension pages from posing as a content script', async () => {
    const { route, handlers } = setup();
    const reply = await route({ type: 'draft.queue', payload: draft }, { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' });
    expect(reply.ok).toBe(false);
    expect(handlers['draft.queue']).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply instead of a crash', async () => {
    const { route, handlers } = setup();
    vi.mocked(handlers['draft.queue']).mockRejectedValueOnce(new Error('disk full'));
    expect(await route({ type: 'draft.queue', payload: draft }, youtubeTab)).toEqual({ ok: false, error: 'disk full' });
  });
});
