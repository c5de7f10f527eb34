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

const draft = { comment };
const SESSION = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function setup() {
  const handlers: Handlers = {
    'editor.open': vi.fn(async () => ({ sessionId: SESSION })),
    'editor.posted': vi.fn(async () => ({ recorded: true })),
    'editor.gone': vi.fn(async () => ({ queued: false })),
    'editor.edited': vi.fn(async () => ({ updated: true })),
    'site.health': vi.fn(async () => ({ recorded: true })),
    'site.enabled': vi.fn(async () => ({ enabled: true, dms: false })),
    'model.status': vi.fn(),
    'model.download': vi.fn(async () => ({ started: true as const })),
    'model.cancel': vi.fn(async () => ({ cancelled: true as const })),
    'model.delete': vi.fn(async () => ({ deleted: true as const })),
    'embeddings.start': vi.fn(async () => ({ started: true })),
    'desk.draftAll': vi.fn(async () => ({ job: null })),
    'desk.regenerate': vi.fn(async () => ({ text: 'New draft', engine: 'memory' as const, flagCount: 0 })),
    'desk.insert': vi.fn(async () => ({ inserted: true as const, tabId: 7 })),
  };
  return { handlers, route: createRouter(handlers, identity) };
}

describe('background router', () => {
  it('opens an editor session for a content script on a supported site', async () => {
    const { route, handlers } = setup();
    const reply = await route({ type: 'editor.open', payload: draft }, youtubeTab);
    expect(reply).toEqual({ ok: true, data: { sessionId: SESSION } });
    expect(handlers['editor.open']).toHaveBeenCalledOnce();
  });

  it('accepts a tab that reached the video by in-app navigation (its sender URL is still the home page)', async () => {
    const { route, handlers } = setup();
    for (const firstLoaded of ['https://www.youtube.com/', 'https://www.youtube.com/@maya', 'https://www.youtube.com/results?search_query=bread']) {
      const reply = await route({ type: 'editor.open', payload: draft }, { ...youtubeTab, url: firstLoaded });
      expect(reply).toEqual({ ok: true, data: { sessionId: SESSION } });
    }
    expect(handlers['editor.open']).toHaveBeenCalledTimes(3);
  });

  it('keeps the isolated editor frame to its own port: it cannot open sessions or manage models', async () => {
    const { route, handlers } = setup();
    const editorFrame = { id: 'ext-id', url: 'chrome-extension://ext-id/editor.html#x', tab: { id: 7 } };
    expect((await route({ type: 'editor.open', payload: draft }, editorFrame)).ok).toBe(false);
    expect((await route({ type: 'model.download', payload: { selection: { modelId: 'm' } } }, editorFrame)).ok).toBe(false);
    expect(handlers['editor.open']).not.toHaveBeenCalled();
    expect(handlers['model.download']).not.toHaveBeenCalled();
  });

  it('lets a content script report a posted reply only with a valid session id', async () => {
    const { route, handlers } = setup();
    expect((await route({ type: 'editor.posted', payload: { sessionId: 'guess', text: 'hi' } }, youtubeTab)).ok).toBe(false);
    expect(await route({ type: 'editor.posted', payload: { sessionId: SESSION, text: 'hi' } }, youtubeTab)).toEqual({ ok: true, data: { recorded: true } });
    expect(handlers['editor.posted']).toHaveBeenCalledOnce();
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
    const reply = await route({ type: 'editor.open', payload: draft }, { ...youtubeTab, id: 'other-ext' });
    expect(reply.ok).toBe(false);
    expect(handlers['editor.open']).not.toHaveBeenCalled();
  });

  it('rejects content scripts running on a site Understudy does not support', async () => {
    const { route, handlers } = setup();
    const reply = await route(
      { type: 'editor.open', payload: { comment: { ...comment, pageUrl: 'https://evil.example/' } } },
      { ...youtubeTab, url: 'https://evil.example/' },
    );
    expect(reply.ok).toBe(false);
    expect(handlers['editor.open']).not.toHaveBeenCalled();
  });

  it('rejects a page that speaks about another origin’s comment', async () => {
    const { route, handlers } = setup();
    const reply = await route(
      { type: 'editor.open', payload: { comment: { ...comment, pageUrl: 'https://m.youtube.com/watch?v=abc' } } },
      youtubeTab,
    );
    expect(reply).toMatchObject({ ok: false });
    expect(handlers['editor.open']).not.toHaveBeenCalled();
  });

  it('names the field that made a payload invalid', async () => {
    const { route, handlers } = setup();
    const reply = await route({ type: 'editor.open', payload: { comment: { ...comment, text: 42 } } }, youtubeTab);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^Invalid "editor.open": comment.text:/);
    expect(handlers['editor.open']).not.toHaveBeenCalled();
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

  it('lets only extension pages start, pause or cancel Draft all, never a web page, and only with a tab id', async () => {
    const { route, handlers } = setup();
    const panel = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };
    expect((await route({ type: 'desk.draftAll', payload: { action: 'start', tabId: 7 } }, youtubeTab)).ok).toBe(false);
    expect((await route({ type: 'desk.draftAll', payload: { action: 'cancel' } }, youtubeTab)).ok).toBe(false);
    expect((await route({ type: 'desk.draftAll', payload: { action: 'start' } }, panel)).ok).toBe(false);
    expect((await route({ type: 'desk.draftAll', payload: { action: 'post-everything' } }, panel)).ok).toBe(false);
    expect(handlers['desk.draftAll']).not.toHaveBeenCalled();
    expect(await route({ type: 'desk.draftAll', payload: { action: 'start', tabId: 7 } }, panel)).toEqual({ ok: true, data: { job: null } });
    expect(await route({ type: 'desk.draftAll', payload: { action: 'pause' } }, panel)).toEqual({ ok: true, data: { job: null } });
  });

  it('lets only extension pages insert or regenerate a queued draft, never a web page', async () => {
    const { route, handlers } = setup();
    const panel = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };
    expect((await route({ type: 'desk.insert', payload: { draftId: 3 } }, youtubeTab)).ok).toBe(false);
    expect((await route({ type: 'desk.regenerate', payload: { draftId: 3, steer: 'shorter' } }, youtubeTab)).ok).toBe(false);
    expect(handlers['desk.insert']).not.toHaveBeenCalled();
    expect(handlers['desk.regenerate']).not.toHaveBeenCalled();
    expect(await route({ type: 'desk.insert', payload: { draftId: 3 } }, panel)).toEqual({ ok: true, data: { inserted: true, tabId: 7 } });
  });

  it('keeps extension pages from posing as a content script', async () => {
    const { route, handlers } = setup();
    const reply = await route({ type: 'editor.open', payload: draft }, { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' });
    expect(reply.ok).toBe(false);
    expect(handlers['editor.open']).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply instead of a crash', async () => {
    const { route, handlers } = setup();
    vi.mocked(handlers['editor.open']).mockRejectedValueOnce(new Error('disk full'));
    expect(await route({ type: 'editor.open', payload: draft }, youtubeTab)).toEqual({ ok: false, error: 'disk full' });
  });

  describe('site health reports', () => {
    const unreadable = {
      healthy: false,
      problem: 'no-comments',
      pageKind: 'watch',
      counts: { marks: 2, comments: 0, readable: 0, selectors: { thread: 0, comment: 0 } },
    };

    it("passes a content script's report of a page it can't read to the background", async () => {
      const { route, handlers } = setup();
      expect(await route({ type: 'site.health', payload: unreadable }, youtubeTab)).toEqual({ ok: true, data: { recorded: true } });
      expect(await route({ type: 'site.health', payload: { healthy: true } }, youtubeTab)).toEqual({ ok: true, data: { recorded: true } });
      expect(handlers['site.health']).toHaveBeenCalledTimes(2);
    });

    it('rejects a report carrying words of its own: page text as the page kind, an extra field, text as a count', async () => {
      const { route, handlers } = setup();
      const bad = [
        { ...unreadable, pageKind: 'Your account is locked, call 555-0100' },
        { ...unreadable, pageKind: 'watch<img src=x onerror=alert(1)>' },
        { ...unreadable, pageKind: '' },
        { ...unreadable, pageKind: 'a'.repeat(33) },
        { ...unreadable, problem: 'Understudy needs your password' },
        { ...unreadable, message: 'click here to fix Understudy' },
        { ...unreadable, site: 'instagram' },
        { ...unreadable, counts: { ...unreadable.counts, marks: '2 (visit evil.example)' } },
        { ...unreadable, counts: { ...unreadable.counts, marks: 1.5 } },
        { ...unreadable, counts: { ...unreadable.counts, readable: -7 } },
        { ...unreadable, counts: { ...unreadable.counts, selectors: { 'Visit evil.example now': 1 } } },
        { ...unreadable, counts: { ...unreadable.counts, text: 'a comment' } },
        { healthy: true, note: 'hi' },
        { healthy: 'yes' },
      ];
      for (const payload of bad) {
        const reply = await route({ type: 'site.health', payload }, youtubeTab);
        expect(reply.ok, JSON.stringify(payload)).toBe(false);
      }
      expect(handlers['site.health']).not.toHaveBeenCalled();
    });

    it('takes health reports and site on/off questions only from content scripts, never from extension pages or other sites', async () => {
      const { route, handlers } = setup();
      const senders = [
        { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' },
        { id: 'ext-id', url: 'chrome-extension://ext-id/editor.html#x', tab: { id: 7 } },
        { id: 'ext-id', url: 'https://evil.example/watch', tab: { id: 8 } },
        { id: 'other-extension', url: 'https://www.youtube.com/watch?v=abc', tab: { id: 7 } },
      ];
      for (const sender of senders) {
        expect((await route({ type: 'site.health', payload: unreadable }, sender)).ok).toBe(false);
        expect((await route({ type: 'site.enabled', payload: {} }, sender)).ok).toBe(false);
      }
      expect(handlers['site.health']).not.toHaveBeenCalled();
      expect(handlers['site.enabled']).not.toHaveBeenCalled();
      expect(await route({ type: 'site.enabled', payload: {} }, youtubeTab)).toEqual({ ok: true, data: { enabled: true, dms: false } });
    });
  });
});
