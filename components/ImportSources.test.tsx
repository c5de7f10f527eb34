/**
 * Options → Sources (happy-dom, the real Dexie database on fake-indexeddb): each import listed,
 * and Forget, which asks first, saying how many replies go, then deletes them.
 */
import { act } from 'react';
import { addRepliesAsSource, type ReplyInput } from '@/lib/imports/add-source';
import { getDb } from '@/lib/memory/db';
import { countExamples, listExamples } from '@/lib/memory/examples-repo';
import { ImportSources } from './ImportSources';
import { byText, mount, until, type Mounted } from './test-render';

let view: Mounted;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  view = mount();
});

afterEach(() => view.unmount());

const replies = (prefix: string, n: number): ReplyInput[] =>
  Array.from({ length: n }, (_, i) => ({ reply: `${prefix} ${i}`, platform: 'x', date: Date.UTC(2024, 0, i + 1) }));

const button = (name: string) => byText(document.body, 'button', name) as HTMLButtonElement | undefined;
const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');

describe('Forgetting a source in Options', () => {
  it('asks first, naming how many replies go, and deletes them on confirm', async () => {
    const db = getDb();
    await addRepliesAsSource(db, replies('Old tweet', 3), { fileName: 'twitter-2023.zip', kind: 'export-import', format: 'X archive', now: 1 });
    await addRepliesAsSource(db, replies('Reel comment', 2), { fileName: 'instagram.zip', kind: 'export-import', now: 2 });
    view.render(<ImportSources />);
    await until(() => expect(view.container.querySelectorAll('[data-testid="source"]')).toHaveLength(2));

    const forget = view.container.querySelector<HTMLButtonElement>('button[aria-label="Forget twitter-2023.zip"]')!;
    act(() => forget.click());
    await until(() => expect(dialog()?.textContent).toContain('3 replies from twitter-2023.zip will be deleted from memory'));
    expect(await countExamples(db)).toBe(5);

    act(() => button('Forget 3 replies')!.click());
    await until(() => expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Forgot twitter-2023.zip: 3 replies deleted.'));
    expect((await listExamples(db)).map((r) => r.reply)).toEqual(['Reel comment 0', 'Reel comment 1']);
    await until(() => expect(view.container.querySelectorAll('[data-testid="source"]')).toHaveLength(1));
    expect(dialog()).toBeNull();
  });

  it('says which replies stay because another source has them too', async () => {
    const db = getDb();
    await addRepliesAsSource(db, replies('Tweet', 2), { fileName: 'twitter-2024.zip', kind: 'export-import', now: 1 });
    await addRepliesAsSource(db, [...replies('Tweet', 2), ...replies('New tweet', 1)], { fileName: 'twitter-2025.zip', kind: 'export-import', now: 2 });
    view.render(<ImportSources />);
    await until(() => expect(view.container.querySelector('button[aria-label="Forget twitter-2024.zip"]')).not.toBeNull());
    act(() => view.container.querySelector<HTMLButtonElement>('button[aria-label="Forget twitter-2024.zip"]')!.click());
    await until(() => expect(dialog()?.textContent).toContain('2 replies stay with twitter-2025.zip, which has them too.'));
    act(() => button('Forget the source')!.click());
    await until(() => expect(view.container.querySelector('[role="status"]')?.textContent).toContain('0 replies deleted'));
    expect(await countExamples(db)).toBe(3);
  });

  it('changes nothing on Cancel', async () => {
    const db = getDb();
    await addRepliesAsSource(db, replies('Tweet', 2), { fileName: 'twitter.zip', kind: 'export-import', now: 1 });
    view.render(<ImportSources />);
    await until(() => expect(view.container.querySelector('button[aria-label="Forget twitter.zip"]')).not.toBeNull());
    act(() => view.container.querySelector<HTMLButtonElement>('button[aria-label="Forget twitter.zip"]')!.click());
    await until(() => expect(dialog()).not.toBeNull());
    act(() => button('Cancel')!.click());
    expect(dialog()).toBeNull();
    expect(await countExamples(db)).toBe(2);
  });
});
