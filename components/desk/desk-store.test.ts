import { describe, expect, it, vi } from 'vitest';
import type { DraftRow } from '@/lib/memory/db';
import { createDeskStore } from './desk-store';

function draft(id: number, over: Partial<DraftRow> = {}): DraftRow {
  return {
    id, site: 'youtube', commentId: `c${id}`, author: `@fan${id}`, commentText: 'Hi', pageUrl: 'https://www.youtube.com/watch?v=abc',
    text: 'Hello', engineText: 'Hello', engine: 'memory', exampleIds: [], status: 'queued', createdAt: 100 - id, updatedAt: 0, ...over,
  };
}

function setup() {
  const deps = { discard: vi.fn(async () => true), restore: vi.fn(async () => true) };
  const store = createDeskStore(deps);
  store.getState().setDrafts([draft(1), draft(2), draft(3)]);
  return { store, deps };
}

describe('the review desk store', () => {
  it('moves the selection with j and k and stops at either end', () => {
    const { store } = setup();
    const s = () => store.getState();
    s().move(1);
    expect(s().selectedId).toBe(1);
    s().move(1);
    s().move(1);
    s().move(1);
    expect(s().selectedId).toBe(3);
    s().move(-1);
    expect(s().selectedId).toBe(2);
  });

  it('keeps the selection on the next draft shown when a filter or a discard hides the selected one', () => {
    const { store } = setup();
    store.getState().select(2);
    store.getState().setFilters({ search: 'nothing matches this' });
    expect(store.getState().order).toEqual([]);
    store.getState().setFilters({ search: '' });
    store.getState().select(2);
    store.getState().setDrafts([draft(1), draft(3)]);
    expect(store.getState().selectedId).toBe(3);
  });

  it('discards with an Undo that brings the draft back with its status, latest first', async () => {
    const { store, deps } = setup();
    store.getState().setDrafts([draft(1), draft(2, { status: 'inserted' }), draft(3)]);
    await store.getState().discard(2);
    await store.getState().discard(1);
    expect(store.getState().status).toEqual({ text: 'Discarded the draft to @fan1.', undo: true });
    await store.getState().undo();
    expect(deps.restore).toHaveBeenLastCalledWith(1, 'queued');
    await store.getState().undo();
    expect(deps.restore).toHaveBeenLastCalledWith(2, 'inserted');
    expect(store.getState().status?.text).toBe('The draft to @fan2 is back.');
    await store.getState().undo();
    expect(store.getState().status?.text).toBe('Nothing to undo.');
  });

  it('says why a discard failed and offers no Undo for it', async () => {
    const store = createDeskStore({ discard: async () => { throw new Error('disk full'); }, restore: async () => true });
    store.getState().setDrafts([draft(1)]);
    await store.getState().discard(1);
    expect(store.getState().status).toEqual({ text: 'Could not discard: disk full', undo: false, error: true });
    expect(store.getState().undoStack).toEqual([]);
  });

  it('asks the selected card to act, and asks to select one first when none is', () => {
    const { store } = setup();
    store.getState().ask('copy');
    expect(store.getState().command).toBeUndefined();
    expect(store.getState().status?.text).toContain('Select a draft first');
    store.getState().select(3);
    store.getState().ask('copy');
    const command = store.getState().command!;
    expect(command).toMatchObject({ id: 3, action: 'copy' });
    store.getState().done(command.n);
    expect(store.getState().command).toBeUndefined();
  });
});
