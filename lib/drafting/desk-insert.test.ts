import { describe, expect, it, vi } from 'vitest';
import type { DraftReport } from '../core/draft';
import type { DraftRow } from '../memory/db';
import type { PageInsertAnswer } from '../messaging/page-commands';
import {
  COMMENT_MISSING,
  createDeskInsert,
  FLAGS_NOT_CONFIRMED,
  PAGE_UNREACHABLE,
  pageKey,
  tabsShowingDraft,
  type TabLike,
} from './desk-insert';
import { createEditorSessions, type EditorSession } from './editor-sessions';

const PAGE = 'https://www.youtube.com/watch?v=sourdough101';
const draft: DraftRow = {
  id: 7,
  site: 'youtube',
  commentId: 'Ugx-rice-flour',
  author: '@maya',
  commentText: 'Is the rice flour necessary?',
  pageUrl: PAGE,
  permalink: `${PAGE}&lc=Ugx-rice-flour`,
  text: 'It keeps the dough from sticking ✨',
  engineText: 'It keeps the dough from sticking.',
  engine: 'memory',
  exampleIds: [3, 4],
  status: 'queued',
  createdAt: 1,
  updatedAt: 2,
};

describe('finding the tab that shows a draft’s comment', () => {
  it('treats a page with a highlighted comment, a time or a tracking tag as the same page', () => {
    expect(pageKey(`${PAGE}&lc=abc&t=42s&utm_source=x`)).toBe(pageKey(PAGE));
    expect(pageKey('https://www.youtube.com/watch?v=other')).not.toBe(pageKey(PAGE));
    expect(pageKey('not a url')).toBeNull();
  });

  it('picks the tabs on the draft’s page, the one in front of the focused window first, then the most recently used', () => {
    const tabs: TabLike[] = [
      { id: 1, url: 'https://www.youtube.com/watch?v=other', windowId: 1, active: true },
      { id: 2, url: `${PAGE}&t=10s`, windowId: 2, active: false, lastAccessed: 50 },
      { id: 3, url: PAGE, windowId: 2, active: false, lastAccessed: 90 },
      { id: 4, url: PAGE, windowId: 1, active: true, lastAccessed: 10 },
      { id: 5, url: 'https://x.com/watch?v=sourdough101', windowId: 1 },
    ];
    expect(tabsShowingDraft(tabs, draft, 1).map((tab) => tab.id)).toEqual([4, 3, 2]);
  });

  it('finds a tab by the comment id in its URL (a permalink), but only on the draft’s own site', () => {
    const tabs: TabLike[] = [
      { id: 1, url: 'https://www.youtube.com/watch?v=elsewhere&lc=Ugx-rice-flour' },
      { id: 2, url: 'https://www.reddit.com/r/x/?lc=Ugx-rice-flour' },
    ];
    expect(tabsShowingDraft(tabs, draft).map((tab) => tab.id)).toEqual([1]);
  });
});

function setup(options: { tabs?: TabLike[]; answers?: (PageInsertAnswer | 'no-receiver')[]; row?: Partial<DraftRow> } = {}) {
  let clock = 0;
  const store: EditorSession[] = [];
  const sessions = createEditorSessions({ get: async () => store, set: async (list) => void store.splice(0, store.length, ...list) });
  const answers = [...(options.answers ?? [{ outcome: 'inserted' }])];
  const sent: { tabId: number; text: string; sessionId: string }[] = [];
  const inserted: DraftReport[] = [];
  const tabs = {
    query: vi.fn(async () => options.tabs ?? []),
    update: vi.fn(async () => ({})),
    create: vi.fn(async () => ({ id: 99, windowId: 5 })),
  };
  const windows = { getLastFocused: vi.fn(async () => ({ id: 1 })), update: vi.fn(async () => ({})) };
  const noReceiver = new Error('no receiver');
  const insert = createDeskInsert({
    getDraft: async (id) => (id === draft.id ? { ...draft, ...options.row } : undefined),
    tabs,
    windows,
    sessions,
    async sendInsert(tabId, payload) {
      sent.push({ tabId, ...payload });
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (answer === 'no-receiver') throw noReceiver;
      return answer;
    },
    noReceiver: (error) => error === noReceiver,
    withNote: async (_site, text) => `${text}\n\n(AI-assisted)`,
    inserted: async (report) => (inserted.push(report), draft.id!),
    sleep: async () => {},
    // Each look at the clock is a second later: waiting for a page ends without real time passing.
    now: () => (clock += 1_000),
  });
  return { insert, sessions, store, sent, inserted, tabs, windows };
}

describe('Open & insert in the background', () => {
  it('brings the tab with the comment to the front, inserts the draft with the note, and marks it inserted with its provenance', async () => {
    const { insert, sent, inserted, tabs, windows, store } = setup({ tabs: [{ id: 4, url: PAGE, windowId: 2 }] });
    expect(await insert(7)).toEqual({ inserted: true, tabId: 4 });
    expect(tabs.update).toHaveBeenCalledWith(4, { active: true });
    expect(windows.update).toHaveBeenCalledWith(2, { focused: true });
    expect(tabs.create).not.toHaveBeenCalled();
    expect(sent).toEqual([{ tabId: 4, commentId: 'Ugx-rice-flour', text: 'It keeps the dough from sticking ✨\n\n(AI-assisted)', sessionId: store[0]!.id }]);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatchObject({ text: draft.text, engineText: draft.engineText, exampleIds: [3, 4], comment: { commentId: 'Ugx-rice-flour', pageUrl: PAGE } });
    // A reply seen posted later is compared with the draft as inserted, without the note.
    expect(store[0]).toMatchObject({ tabId: 4, frameId: 0, inserted: draft.text });
  });

  it('opens the permalink in a new tab when no tab shows the page, and waits for the page to answer', async () => {
    const { insert, tabs, sent } = setup({ answers: ['no-receiver', 'no-receiver', { outcome: 'inserted' }] });
    expect(await insert(7)).toEqual({ inserted: true, tabId: 99 });
    expect(tabs.create).toHaveBeenCalledWith({ url: draft.permalink, active: true });
    expect(sent).toHaveLength(3);
  });

  it("says in plain words that the comment isn't on the page any more, and leaves the draft queued", async () => {
    const { insert, inserted, store } = setup({ tabs: [{ id: 4, url: PAGE }], answers: [{ outcome: 'missing' }] });
    await expect(insert(7)).rejects.toThrow(COMMENT_MISSING);
    expect(inserted).toEqual([]);
    expect(store).toEqual([]);
  });

  it('says so when the page never answers (it did not load, or its site is off)', async () => {
    const { insert, sent } = setup({ answers: ['no-receiver'] });
    await expect(insert(7)).rejects.toThrow(PAGE_UNREACHABLE);
    // Asked every quarter second for the 20 seconds a page may take (the clock moves 1 s a call).
    expect(sent.length).toBeGreaterThan(5);
  });

  it('tries the next tab on the page when the first no longer shows the comment', async () => {
    const { insert } = setup({ tabs: [{ id: 4, url: PAGE, active: true, windowId: 1 }, { id: 5, url: PAGE }], answers: [{ outcome: 'missing' }, { outcome: 'inserted' }] });
    expect(await insert(7)).toEqual({ inserted: true, tabId: 5 });
  });

  it("passes on why the site's reply box refused the text", async () => {
    const { insert, inserted } = setup({ tabs: [{ id: 4, url: PAGE }], answers: [{ outcome: 'refused', reason: "TikTok's reply box didn't accept the text." }] });
    await expect(insert(7)).rejects.toThrow("TikTok's reply box didn't accept the text.");
    expect(inserted).toEqual([]);
  });

  it('refuses a flagged draft without the flags the creator confirmed, and keeps confirmed flags with the draft', async () => {
    const flagged = setup({ tabs: [{ id: 4, url: PAGE }], row: { flagCount: 2 } });
    await expect(flagged.insert(7)).rejects.toThrow(FLAGS_NOT_CONFIRMED);
    expect(flagged.sent).toEqual([]);
    expect(await flagged.insert(7, ['price', 'link'])).toMatchObject({ inserted: true });
    expect(flagged.inserted[0]?.overriddenFlags).toEqual(['price', 'link']);
  });

  it('refuses drafts that are gone, sent, discarded, set aside, empty or for a DM, touching no tab', async () => {
    await expect(setup().insert(8)).rejects.toThrow('no longer in the queue');
    for (const [row, words] of [
      [{ status: 'sent' }, 'already sent'],
      [{ status: 'discarded' }, 'discarded'],
      [{ status: 'skipped' }, 'set this comment aside'],
      [{ text: '  ' }, 'empty'],
      [{ kind: 'dm' }, 'Open the conversation'],
    ] as const) {
      const { insert, tabs } = setup({ row });
      await expect(insert(7)).rejects.toThrow(words);
      expect(tabs.create).not.toHaveBeenCalled();
    }
  });
});
