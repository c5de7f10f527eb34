import { describe, expect, it } from 'vitest';
import type { CommentContext } from '../core/draft';
import { createEditorSessions, type EditorSession } from './editor-sessions';

const comment: CommentContext = {
  site: 'youtube',
  commentId: 'Ugx1',
  author: '@kofi.bakes',
  text: 'Is the rice flour on the banneton necessary?',
  pageUrl: 'https://www.youtube.com/watch?v=abc',
};

describe('editor sessions', () => {
  it('keeps up with typing without rewriting session storage per keystroke, and stores the last text', async () => {
    let stored: EditorSession[] | null = null;
    let writes = 0;
    const sessions = createEditorSessions({
      get: async () => stored,
      set: async (list) => {
        writes += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        stored = structuredClone(list);
      },
    });
    const { id } = await sessions.open(comment, 7, 0);
    writes = 0;
    const typed = 'Semolina works too!';
    await Promise.all([...typed].map((_, i) => sessions.update(id, { text: typed.slice(0, i + 1), edited: true })));
    expect(writes).toBeLessThan(typed.length / 2);
    expect(stored!.find((s) => s.id === id)?.text).toBe(typed);
  });

  it('forgets the sessions of a closed tab only', async () => {
    const sessions = createEditorSessions({ get: async () => null, set: async () => {} });
    const kept = await sessions.open(comment, 7, 0);
    const closed = await sessions.open(comment, 8, 0);
    await sessions.closeTab(8);
    expect(await sessions.get(kept.id)).toBeDefined();
    expect(await sessions.get(closed.id)).toBeUndefined();
  });
});
