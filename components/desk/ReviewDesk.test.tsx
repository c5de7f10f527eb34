/**
 * The review desk in happy-dom against the real Dexie database (fake-indexeddb): the keyboard
 * flow (j/k, e and Escape, /, ?), discard with Undo (button and u), search and filters.
 */
import { act } from 'react';
import { getDb, type DraftRow } from '@/lib/memory/db';
import { mount, until, type Mounted } from '../test-render';
import { ReviewDesk } from './ReviewDesk';

let view: Mounted;

beforeEach(async () => {
  await Promise.all(getDb().tables.map((t) => t.clear()));
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(2000);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
  view = mount();
});

afterEach(() => {
  view.unmount();
  vi.restoreAllMocks();
});

function draft(n: number, over: Partial<DraftRow> = {}): DraftRow {
  return {
    site: 'youtube', commentId: `c${n}`, author: `@fan${n}`, commentText: `Question ${n}?`, pageUrl: 'https://www.youtube.com/watch?v=abc',
    threadTitle: 'Rye bread', text: `Answer ${n}.`, engineText: `Answer ${n}.`, engine: 'memory', exampleIds: [], status: 'queued',
    createdAt: 100 - n, updatedAt: 100 - n, ...over,
  };
}

async function seed(rows: DraftRow[]) {
  await getDb().drafts.bulkAdd(rows);
  view.render(<ReviewDesk />);
  await until(() => expect(cards()).toHaveLength(rows.filter((r) => r.status !== 'discarded').length));
}

const cards = () => [...view.container.querySelectorAll<HTMLElement>('article')];
const card = (author: string) => view.container.querySelector<HTMLElement>(`article[aria-label="Draft reply to ${author}"]`);
const selected = () => view.container.querySelector('article[aria-current="true"]')?.getAttribute('aria-label');

function press(key: string, target: EventTarget = document.activeElement ?? document.body) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the review desk', { timeout: 20_000 }, () => {
  it('moves the selection with j and k, marking the selected card', async () => {
    await seed([draft(1), draft(2), draft(3)]);
    press('j');
    await until(() => expect(selected()).toBe('Draft reply to @fan1'));
    press('j');
    press('j');
    await until(() => expect(selected()).toBe('Draft reply to @fan3'));
    press('k');
    await until(() => expect(selected()).toBe('Draft reply to @fan2'));
  });

  it('edits with e, ignores keys while typing, and leaves the text box with Escape', async () => {
    await seed([draft(1), draft(2)]);
    press('j');
    press('e');
    const box = card('@fan1')!.querySelector('textarea')!;
    await until(() => expect(document.activeElement).toBe(box));
    press('j', box);
    press('x', box);
    expect(selected()).toBe('Draft reply to @fan1');
    expect(cards()).toHaveLength(2);
    press('Escape', box);
    await until(() => expect(document.activeElement).toBe(card('@fan1')));
    press('j');
    await until(() => expect(selected()).toBe('Draft reply to @fan2'));
  });

  it('discards with x and brings the draft back with the Undo button, then with u', async () => {
    await seed([draft(1), draft(2)]);
    press('j');
    press('x');
    await until(() => expect(card('@fan1')).toBeNull());
    const status = view.container.querySelector('[role="status"]')!;
    expect(status.textContent).toContain('Discarded the draft to @fan1.');
    const undo = [...status.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!;
    act(() => undo.click());
    await until(() => expect(card('@fan1')).not.toBeNull());
    expect((await getDb().drafts.filter((d) => d.commentId === 'c1').first())?.status).toBe('queued');
    // The selection moved on to the next draft; x then u brings that one back too.
    press('j');
    press('x');
    await until(() => expect(cards()).toHaveLength(1));
    press('u');
    await until(() => expect(cards()).toHaveLength(2));
    expect(status.textContent).toMatch(/The draft to @fan\d is back\./);
  });

  it('focuses the search with /, and finds drafts by the comment and the author', async () => {
    await seed([draft(1, { commentText: 'My loaf is flat' }), draft(2), draft(3, { author: '@Maya' })]);
    press('/');
    const search = view.container.querySelector<HTMLInputElement>('input[aria-label="Search drafts"]')!;
    expect(document.activeElement).toBe(search);
    type(search, 'flat');
    await until(() => expect(cards().map((c) => c.getAttribute('aria-label'))).toEqual(['Draft reply to @fan1']));
    // The count comes once the whole desk is read (the newest few show first).
    await until(() => expect(view.container.querySelector('.count')?.textContent).toBe('1 of 3 shown'));
    type(search, 'maya');
    await until(() => expect(cards().map((c) => c.getAttribute('aria-label'))).toEqual(['Draft reply to @Maya']));
    type(search, 'nobody');
    await until(() => expect(view.container.textContent).toContain('No drafts match.'));
  });

  it('filters by status and flags from the toolbar', async () => {
    await seed([draft(1), draft(2, { text: 'Edited by me' }), draft(3, { status: 'sent' }), draft(4, { flagCount: 1 })]);
    const status = view.container.querySelector<HTMLSelectElement>('select[aria-label="Status"]')!;
    act(() => {
      status.value = 'edited';
      status.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => expect(cards().map((c) => c.getAttribute('aria-label'))).toEqual(['Draft reply to @fan2']));
    act(() => {
      status.value = '';
      status.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const flagged = view.container.querySelector<HTMLInputElement>('.desk-flagged input')!;
    act(() => flagged.click());
    await until(() => expect(cards().map((c) => c.getAttribute('aria-label'))).toEqual(['Draft reply to @fan4']));
  });

  it('lists the keys in a dialog with ?, closed by Escape', async () => {
    await seed([draft(1)]);
    press('?');
    const dialog = document.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(dialog.textContent).toContain('Undo the last discard');
    press('j', dialog);
    expect(selected()).toBeUndefined();
    press('Escape', dialog);
    await until(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
  });
});
