/** The claim guard's flags and its second confirmation, as the creator sees them. */
import { act, useState } from 'react';
import type { GuardFlag } from '@/lib/core/guard';
import type { GuardContext } from '@/lib/guard/guard';
import { GuardConfirm, GuardFlags, sentenceOf, useGuard, useStableGuard } from './GuardFlags';
import { byText, mount, type Mounted } from './test-render';

let view: Mounted;
beforeEach(() => (view = mount()));
afterEach(() => view.unmount());

const text = 'Thanks! My daughter loves it. Use code BREAD50 today.';
const flags: GuardFlag[] = [
  { kind: 'personal', start: 8, end: 19, text: 'My daughter', reason: 'Says you have a daughter; your fact sheet doesn’t.' },
  { kind: 'price', start: 39, end: 46, text: 'BREAD50', reason: 'A promo code that is not on your offers.' },
];

describe('Check before sending', () => {
  it('marks each flagged part of the draft and gives its plain label and reason', () => {
    view.render(<GuardFlags text={text} flags={flags} onAccept={() => {}} onAddFact={async () => {}} />);
    const marks = [...view.container.querySelectorAll('.guard-draft mark')].map((m) => m.textContent);
    expect(marks).toEqual(['My daughter', 'BREAD50']);
    expect(view.container.querySelector('.guard-draft')?.textContent).toBe(text);
    expect(view.container.textContent).toContain('Personal claim not on your fact sheet');
    expect(view.container.textContent).toContain('A promo code that is not on your offers.');
  });

  it('shows nothing for a draft without flags', () => {
    view.render(<GuardFlags text={text} flags={[]} onAccept={() => {}} />);
    expect(view.container.innerHTML).toBe('');
  });

  it('shows a draft that contains markup as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)> my son';
    view.render(
      <GuardFlags text={hostile} flags={[{ kind: 'personal', start: 29, end: 35, text: 'my son', reason: 'r' }]} onAccept={() => {}} />,
    );
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.querySelector('.guard-draft')?.textContent).toBe(hostile);
  });

  it('offers Add to fact sheet for personal claims and numbers only, starting from the flagged sentence', async () => {
    const added: string[] = [];
    view.render(<GuardFlags text={text} flags={flags} onAccept={() => {}} onAddFact={async (fact) => void added.push(fact)} />);
    const buttons = [...view.container.querySelectorAll('button')].filter((b) => b.textContent === 'Add to fact sheet');
    expect(buttons).toHaveLength(1);
    act(() => buttons[0]!.click());
    const field = view.container.querySelector<HTMLInputElement>('.guard-add input')!;
    expect(field.value).toBe('My daughter loves it.');
    expect(document.activeElement).toBe(field);
    await act(async () => byText(view.container, 'button', 'Save fact')!.click());
    expect(added).toEqual(['My daughter loves it.']);
    expect(view.container.querySelector('.guard-add')).toBeNull();
  });

  it('says why a fact was not saved, and keeps the field', async () => {
    view.render(
      <GuardFlags text={text} flags={flags} onAccept={() => {}} onAddFact={async () => Promise.reject(new Error('Storage is full.'))} />,
    );
    act(() => byText(view.container, 'button', 'Add to fact sheet')!.click());
    await act(async () => byText(view.container, 'button', 'Save fact')!.click());
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Storage is full.');
    expect(view.container.querySelector('.guard-add input')).not.toBeNull();
  });

  it('finds the sentence a flag sits in', () => {
    expect(sentenceOf(text, flags[0]!)).toBe('My daughter loves it.');
    expect(sentenceOf(text, flags[1]!)).toBe('Use code BREAD50 today.');
    expect(sentenceOf('my son', { start: 0, end: 6 })).toBe('my son');
  });
});

describe('the confirmation before Insert or Copy', () => {
  function Opener({ onConfirm }: { onConfirm(): void }) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Insert
        </button>
        {open && (
          <GuardConfirm
            action="Insert"
            flags={flags}
            question="Insert it into YouTube's reply box anyway?"
            onConfirm={() => {
              setOpen(false);
              onConfirm();
            }}
            onCancel={() => setOpen(false)}
          />
        )}
      </>
    );
  }

  it('is an alertdialog naming each flag, with focus on Cancel, kept inside, and given back on close', () => {
    view.render(<Opener onConfirm={() => {}} />);
    const insert = byText(view.container, 'button', 'Insert')!;
    act(() => {
      insert.focus();
      insert.click();
    });
    const dialog = view.container.querySelector('[role="alertdialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Insert a draft with 2 things to check?');
    expect(dialog.textContent).toContain('“My daughter”: Personal claim not on your fact sheet');
    expect(dialog.textContent).toContain('“BREAD50”: Price, code or discount not on your offers');
    expect(document.activeElement?.textContent).toBe('Cancel');
    // Tab from the last button comes back to the first.
    act(() => dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
    expect(document.activeElement?.textContent).toBe('Insert anyway');
    act(() => dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(view.container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.activeElement).toBe(insert);
  });

  it('goes ahead only on "Insert anyway"', () => {
    const confirmed = vi.fn();
    view.render(<Opener onConfirm={confirmed} />);
    act(() => byText(view.container, 'button', 'Insert')!.click());
    act(() => byText(view.container, 'button', 'Cancel')!.click());
    expect(confirmed).not.toHaveBeenCalled();
    act(() => byText(view.container, 'button', 'Insert')!.click());
    act(() => byText(view.container, 'button', 'Insert anyway')!.click());
    expect(confirmed).toHaveBeenCalledTimes(1);
  });
});

describe('guarding as the creator types', () => {
  const context: GuardContext = { facts: ['She has baked bread for 12 years.'], links: [], offers: [], boundaries: [], answering: [] };

  it('keeps the fact sheet one array across copies of the same context, so its index is built once', () => {
    const seen: GuardContext[] = [];
    function Probe({ guard }: { guard: GuardContext }) {
      const stable = useStableGuard(guard);
      seen.push(stable!);
      return null;
    }
    view.render(<Probe guard={structuredClone(context)} />);
    view.render(<Probe guard={structuredClone(context)} />);
    view.render(<Probe guard={{ ...structuredClone(context), answering: ['a new comment'] }} />);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[2]!.facts).toBe(seen[0]!.facts);
  });

  it('re-checks the draft on every keystroke: a claim appears as it is typed and goes when it is deleted', () => {
    let last: GuardFlag[] = [];
    function Probe({ text: value }: { text: string }) {
      last = useGuard(value, context, new Set()).flags;
      return null;
    }
    const clean = 'I have baked for 12 years. ';
    view.render(<Probe text={clean} />);
    expect(last).toEqual([]);
    view.render(<Probe text={`${clean}My husband`} />);
    expect(last.map((f) => f.kind)).toContain('personal');
    view.render(<Probe text={clean} />);
    expect(last).toEqual([]);
  });
});
