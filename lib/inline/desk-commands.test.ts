// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CommentContext } from '../core/draft';
import { PAGE_COMMAND } from '../messaging/page-commands';
import type { SiteAdapter } from '../sites/types';
import { BUTTON_HOST_TAG } from './draft-buttons';
import { deskPageCommands, NOTHING_IN_FOCUS, NOTHING_SELECTED } from './desk-commands';
import { servePageCommands } from './page-commands';

const SESSION = '0b7c9a4e-6f1d-4f7e-9c55-1a2b3c4d5e6f';

/** A site whose comments are <article class="comment" data-id> with a <p> of text. */
const adapter = {
  site: 'youtube',
  commentSelector: 'article.comment',
  readComment(element: HTMLElement, pageUrl: string): CommentContext | null {
    const text = element.querySelector(':scope > p')?.textContent ?? '';
    if (!text) return null;
    return { site: 'youtube', commentId: element.dataset.id!, author: '@viewer', text, pageUrl };
  },
  buttonHost: (element: HTMLElement) => element,
} as unknown as SiteAdapter;

function comment(id: string, text: string, withButton = true): HTMLElement {
  const element = document.createElement('article');
  element.className = 'comment';
  element.dataset.id = id;
  const p = document.createElement('p');
  p.textContent = text;
  p.tabIndex = 0;
  element.append(p);
  if (withButton) element.append(Object.assign(document.createElement(BUTTON_HOST_TAG), { textContent: 'Draft reply' }));
  return element;
}

let controller: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  controller = new AbortController();
  document.body.replaceChildren(comment('c1', 'How long do you proof it?'), comment('c2', 'Which flour?'), comment('c3', 'Deleted?', false));
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

function setup(options: { active?: boolean; insertOk?: boolean } = {}) {
  const open = vi.fn();
  const insert = vi.fn(async () => (options.insertOk === false ? { ok: false as const, reason: "YouTube's reply box didn't accept the text." } : { ok: true as const }));
  const handlers = deskPageCommands({ adapter, active: () => options.active ?? true, open, insert }, controller.signal);
  servePageCommands(handlers, controller.signal);
  return { open, insert };
}

async function send(type: string, payload: unknown = {}): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ kind: PAGE_COMMAND, type, payload }, {}, () => {});
  return reply;
}

const byId = (id: string) => document.querySelector<HTMLElement>(`[data-id="${id}"]`)!;
const toastText = () => document.querySelector('understudy-toast')?.shadowRoot?.textContent ?? '';

describe('Open & insert in the page', () => {
  it("fills the reply box of the comment with the draft's id, scrolled into view, and nothing else", async () => {
    const { insert } = setup();
    const scrolled = vi.spyOn(byId('c2'), 'scrollIntoView');
    expect(await send('page.insert', { commentId: 'c2', text: 'Bread flour, always.', sessionId: SESSION })).toEqual({ ok: true, data: { outcome: 'inserted' } });
    expect(insert).toHaveBeenCalledTimes(1);
    expect(insert).toHaveBeenCalledWith(byId('c2'), 'Bread flour, always.', SESSION);
    expect(scrolled).toHaveBeenCalled();
  });

  it('says the comment is missing when the page no longer shows it, and inserts nothing', async () => {
    vi.useFakeTimers();
    try {
      const { insert } = setup();
      const reply = send('page.insert', { commentId: 'gone', text: 'Hi', sessionId: SESSION });
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await reply).toEqual({ ok: true, data: { outcome: 'missing' } });
      expect(insert).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('finds a comment that appears while the page is still loading', async () => {
    const { insert } = setup();
    const reply = send('page.insert', { commentId: 'late', text: 'Welcome!', sessionId: SESSION });
    setTimeout(() => document.body.append(comment('late', 'First time here')), 20);
    expect(await reply).toEqual({ ok: true, data: { outcome: 'inserted' } });
    expect(insert).toHaveBeenCalledWith(byId('late'), 'Welcome!', SESSION);
  });

  it("passes on why the site's reply box refused the text", async () => {
    setup({ insertOk: false });
    expect(await send('page.insert', { commentId: 'c1', text: 'Hi', sessionId: SESSION })).toEqual({
      ok: true,
      data: { outcome: 'refused', reason: "YouTube's reply box didn't accept the text." },
    });
  });
});

describe('the keyboard command in the page', () => {
  it('opens the editor of the comment that has the focus, with its own Draft reply button', async () => {
    const { open } = setup();
    byId('c2').querySelector('p')!.focus();
    expect(await send('page.draftHere')).toEqual({ ok: true, data: { opened: true } });
    expect(open).toHaveBeenCalledWith(byId('c2'), byId('c2').querySelector(BUTTON_HOST_TAG));
  });

  it('opens nothing and says so when no comment has the focus and the pointer never moved over one', async () => {
    const { open } = setup();
    expect(await send('page.draftHere')).toEqual({ ok: true, data: { opened: false } });
    expect(open).not.toHaveBeenCalled();
    expect(toastText()).toContain(NOTHING_IN_FOCUS);
  });

  it("ignores a pointer the page made up: a page's own pointermove can't aim the shortcut at a comment", async () => {
    const { open } = setup();
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(byId('c1'));
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 10, bubbles: true }));
    expect(await send('page.draftHere')).toEqual({ ok: true, data: { opened: false } });
    expect(open).not.toHaveBeenCalled();
  });

  it('opens nothing for a comment Understudy offers no draft for there (no Draft reply button), or on a page without comments to answer', async () => {
    const first = setup();
    byId('c3').querySelector('p')!.focus();
    expect(await send('page.draftHere')).toEqual({ ok: true, data: { opened: false } });
    expect(first.open).not.toHaveBeenCalled();
    controller.abort();
    controller = new AbortController();
    const inactive = setup({ active: false });
    byId('c1').querySelector('p')!.focus();
    expect(await send('page.draftHere')).toEqual({ ok: true, data: { opened: false } });
    expect(inactive.open).not.toHaveBeenCalled();
  });
});

describe('the context menu in the page', () => {
  it('opens the editor of the comment holding the selected text', async () => {
    const { open } = setup();
    const text = byId('c1').querySelector('p')!.firstChild!;
    document.getSelection()!.setBaseAndExtent(text, 4, text, 8);
    expect(await send('page.draftSelection')).toEqual({ ok: true, data: { opened: true } });
    expect(open).toHaveBeenCalledWith(byId('c1'), byId('c1').querySelector(BUTTON_HOST_TAG));
  });

  it('opens nothing and says so when the selection is outside every comment', async () => {
    const { open } = setup();
    const outside = document.createElement('h1');
    outside.textContent = 'My 72-Hour Sourdough Method';
    document.body.prepend(outside);
    document.getSelection()!.setBaseAndExtent(outside.firstChild!, 0, outside.firstChild!, 5);
    expect(await send('page.draftSelection')).toEqual({ ok: true, data: { opened: false } });
    expect(open).not.toHaveBeenCalled();
    expect(toastText()).toContain(NOTHING_SELECTED);
  });
});
