import { describe, expect, it } from 'vitest';
import type { DraftRow } from '../memory/db';
import { contactsOf, deskRows, deskStatusOf, draftOrder, filterDrafts, NO_FILTERS } from './desk-view';

let next = 1;
function draft(over: Partial<DraftRow> = {}): DraftRow {
  const id = next++;
  return {
    id,
    site: 'youtube',
    commentId: `c${id}`,
    author: '@bob',
    commentText: 'How long do you proof rye?',
    pageUrl: 'https://www.youtube.com/watch?v=abc',
    threadTitle: 'Rye bread',
    text: 'About an hour longer than wheat.',
    engineText: 'About an hour longer than wheat.',
    engine: 'memory',
    exampleIds: [],
    status: 'queued',
    createdAt: id * 10,
    updatedAt: id * 10,
    ...over,
  };
}

describe('the review desk list', () => {
  it('shows a queued draft as new until the creator edits it, then as edited; discarded drafts not at all', () => {
    expect(deskStatusOf(draft())).toBe('new');
    expect(deskStatusOf(draft({ text: 'Mine now' }))).toBe('edited');
    expect(deskStatusOf(draft({ status: 'sent' }))).toBe('sent');
    expect(deskStatusOf(draft({ status: 'skipped' }))).toBe('skipped');
    expect(deskStatusOf(draft({ status: 'discarded' }))).toBeUndefined();
    expect(filterDrafts([draft({ status: 'discarded' })], NO_FILTERS)).toEqual([]);
  });

  it('filters by site, status, comment or DM, contact and flags, all at once', () => {
    const yt = draft({ author: '@ana' });
    const x = draft({ site: 'x', author: '@Ben', pageUrl: 'https://x.com/a/status/1' });
    const dm = draft({ site: 'instagram', kind: 'dm', author: 'carla', pageUrl: 'https://www.instagram.com/direct/t/1' });
    const flagged = draft({ flagCount: 2, text: 'I live in Paris', author: '@ana' });
    const all = [yt, x, dm, flagged];
    expect(filterDrafts(all, { ...NO_FILTERS, sites: ['x'] })).toEqual([x]);
    expect(filterDrafts(all, { ...NO_FILTERS, statuses: ['edited'] })).toEqual([flagged]);
    expect(filterDrafts(all, { ...NO_FILTERS, kind: 'dm' })).toEqual([dm]);
    expect(filterDrafts(all, { ...NO_FILTERS, kind: 'comment' })).toEqual([yt, x, flagged]);
    expect(filterDrafts(all, { ...NO_FILTERS, contact: 'ben' })).toEqual([x]);
    expect(filterDrafts(all, { ...NO_FILTERS, flaggedOnly: true })).toEqual([flagged]);
    expect(filterDrafts(all, { ...NO_FILTERS, contact: '@ana', flaggedOnly: true })).toEqual([flagged]);
  });

  it('searches the draft, the comment and the author, every word, any case', () => {
    const a = draft({ text: 'Try a longer proof', commentText: 'My loaf is flat', author: '@dee' });
    const b = draft({ text: 'Thanks!', commentText: 'Great video', author: '@Eli' });
    expect(filterDrafts([a, b], { ...NO_FILTERS, search: 'FLAT' })).toEqual([a]);
    expect(filterDrafts([a, b], { ...NO_FILTERS, search: 'eli' })).toEqual([b]);
    expect(filterDrafts([a, b], { ...NO_FILTERS, search: 'longer loaf' })).toEqual([a]);
    expect(filterDrafts([a, b], { ...NO_FILTERS, search: 'longer thanks' })).toEqual([]);
  });

  it('groups drafts by site and thread and DMs by conversation, newest group and draft first', () => {
    const old = draft({ threadTitle: 'Rye bread', createdAt: 1 });
    const dm1 = draft({ site: 'x', kind: 'dm', author: 'fay', conversation: { id: 'conv1', group: false, messages: [], answering: [] }, createdAt: 5 });
    const other = draft({ threadTitle: 'Sourdough 101', createdAt: 7 });
    const newer = draft({ threadTitle: 'Rye bread', createdAt: 9 });
    const dm2 = draft({ site: 'x', kind: 'dm', author: 'fay', conversation: { id: 'conv1', group: false, messages: [], answering: [] }, createdAt: 3 });
    const rows = deskRows([old, dm1, other, newer, dm2]);
    expect(rows.map((r) => (r.type === 'group' ? `# ${r.title} (${r.count})` : r.type === 'draft' ? r.draft.id : `DM ${r.drafts.map((d) => d.id).join(',')}`))).toEqual([
      '# Rye bread (2)', newer.id, old.id,
      '# Sourdough 101 (1)', other.id,
      `DM ${dm1.id},${dm2.id}`,
    ]);
    expect(draftOrder(rows)).toEqual([newer.id, old.id, other.id, dm1.id, dm2.id]);
  });

  it('keeps the same thread together when its title is missing, by the page without its anchor', () => {
    const a = draft({ threadTitle: undefined, pageUrl: 'https://x.com/a/status/1#r1' });
    const b = draft({ threadTitle: undefined, pageUrl: 'https://x.com/a/status/1#r2', site: 'youtube' });
    expect(deskRows([a, b]).filter((r) => r.type === 'group')).toHaveLength(1);
  });

  it('lists contacts with the most drafts first, for the contact filter', () => {
    expect(contactsOf([draft({ author: 'b' }), draft({ author: 'a' }), draft({ author: 'b' })])).toEqual(['b', 'a']);
  });
});
