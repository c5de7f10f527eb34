/** The draft editor's length counter and the edited-comment flow, driven by a fake background. */
import { act } from 'react';
import type { CommentContext, DraftResult } from '@/lib/core/draft';
import type { EditorClient, EditorClientEvent } from '@/lib/messaging/editor-client';
import type { EditorGuardContext, EditorPortIn } from '@/lib/messaging/editor-protocol';
import { DraftEditor } from './DraftEditor';
import { byText, mount, until, type Mounted } from './test-render';

const comment: CommentContext = {
  site: 'x',
  commentId: '1790000000000000001',
  author: 'Grain Nerd',
  text: 'Does this method work with rye?',
  pageUrl: 'https://x.com/crumbandcrust/status/1790000000000000000',
  replyLimit: 280,
};

/** The background's side, in the test: records what the editor sent, emits what it would. */
function fakeClient() {
  const listeners = new Set<(event: EditorClientEvent) => void>();
  const sent: Exclude<EditorPortIn, { type: 'attach' }>[] = [];
  const client = {
    attach() {},
    attached: true,
    send(message: Exclude<EditorPortIn, { type: 'attach' }>) {
      sent.push(message);
      return true;
    },
    on(listener: (event: EditorClientEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as EditorClient;
  const emit = (event: EditorClientEvent) => act(() => listeners.forEach((l) => l(event)));
  return { client, sent, emit };
}

let view: Mounted;
beforeEach(() => (view = mount()));
afterEach(() => view.unmount());

function draftBox(): HTMLTextAreaElement {
  return view.container.querySelector('textarea[aria-label="Draft"]')!;
}

async function ready(text: string) {
  const fake = fakeClient();
  view.render(<DraftEditor client={fake.client} onClose={() => {}} copy={async () => true} />);
  fake.emit({ type: 'session', session: { comment, inserted: false, sent: false } });
  const draft = fake.sent.find((m) => m.type === 'draft');
  const result: DraftResult = { text, engine: 'memory', exampleIds: [1] };
  fake.emit({ type: 'done', requestId: (draft as { requestId: string }).requestId, result });
  await until(() => expect(draftBox().value).toBe(text));
  return fake;
}

describe('DraftEditor', () => {
  it("counts the draft against the site's limit and flags a draft over it before Insert", async () => {
    const fake = await ready('Rye works, ferment it a little shorter.');
    expect(view.container.querySelector('#draft-length')?.textContent).toBe('39 / 280');
    expect(draftBox().getAttribute('aria-invalid')).toBe('false');

    const long = 'Rye ferments faster. '.repeat(15);
    fake.emit({ type: 'done', requestId: 'other', result: { text: long, engine: 'memory', exampleIds: [] } });
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(draftBox(), long);
      draftBox().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => expect(view.container.querySelector('#draft-length')?.textContent).toContain("over X's limit of 280"));
    expect(draftBox().getAttribute('aria-invalid')).toBe('true');

    // The first Insert warns and sends nothing; a second one is the creator's informed choice.
    act(() => byText(view.container, 'button', 'Insert')!.click());
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('over X');
    expect(fake.sent.some((m) => m.type === 'insert')).toBe(false);
    act(() => byText(view.container, 'button', 'Insert')!.click());
    expect(fake.sent.some((m) => m.type === 'insert')).toBe(true);
  });

  it('drafts again when the author edits the comment under an untouched draft, and says so', async () => {
    const fake = await ready('Rye works, ferment it a little shorter.');
    const before = fake.sent.filter((m) => m.type === 'draft').length;
    fake.emit({ type: 'commentEdited', session: { comment: { ...comment, text: 'Does it work with spelt?' }, inserted: false, sent: false } });
    expect(fake.sent.filter((m) => m.type === 'draft').length).toBe(before + 1);
    expect(view.container.querySelector('[role="status"]')?.textContent).toContain('edited the comment');
  });
});

const guard: EditorGuardContext = {
  facts: ['Her sourdough starter is called Gerald.', 'She has baked bread for 12 years.'],
  links: [{ label: 'Website', url: 'https://crumbandco.example' }],
  offers: [{ name: 'Slow Rise (cookbook)', price: '$28' }],
  boundaries: [],
  answering: [comment.text],
  author: comment.author,
  private: [],
};
const INVENTED = 'My daughter loves this loaf, use code BREAD50 for 50% off';
const CLEAN = 'Rye works, ferment it a little shorter. Gerald says hi!';

async function guarded(text: string, copy: (text: string) => Promise<boolean> = async () => true) {
  const fake = fakeClient();
  view.render(<DraftEditor client={fake.client} onClose={() => {}} copy={copy} />);
  fake.emit({ type: 'session', session: { comment, inserted: false, sent: false, guard } });
  const draft = fake.sent.find((m) => m.type === 'draft') as { requestId: string };
  fake.emit({ type: 'done', requestId: draft.requestId, result: { text, engine: 'webllm', exampleIds: [] }, guard });
  await until(() => expect(draftBox().value).toBe(text));
  return fake;
}

function status(): string {
  return view.container.querySelector('[role="status"]')?.textContent ?? '';
}
function checkList(): HTMLElement | null {
  return [...view.container.querySelectorAll<HTMLElement>('section')].find((s) => s.querySelector('h2')?.textContent === 'Check before sending') ?? null;
}
function alertDialog(): HTMLElement | null {
  return view.container.querySelector('[role="alertdialog"]');
}
async function type(value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setter.call(draftBox(), value);
    draftBox().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const click = (label: string, within: ParentNode = view.container) => act(() => byText(within, 'button', label)!.click());

describe('the claim guard in the draft editor', () => {
  it('lists what to check under the Draft box, marks each flagged part, and says how many things to check', async () => {
    await guarded(INVENTED);
    expect(status()).toMatch(/^Draft ready — \d+ things to check/);
    const list = checkList()!;
    expect(list).not.toBeNull();
    const marked = [...list.querySelectorAll('.guard-draft mark')].map((m) => m.textContent);
    expect(marked.join(' ')).toContain('daughter');
    expect(marked.join(' ')).toContain('BREAD50');
    expect(list.textContent).toContain('Personal claim not on your fact sheet');
    expect(list.textContent).toContain('Price, code or discount not on your offers');
  });

  it('says "Draft ready" with nothing to check for a draft the sheet backs', async () => {
    await guarded(CLEAN);
    expect(status()).toBe('Draft ready. Edit it, then Insert or Queue.');
    expect(checkList()).toBeNull();
  });

  it('checks what the creator types at once: an invented child typed into a clean draft is flagged, and goes when removed', async () => {
    await guarded(CLEAN);
    await type(`${CLEAN} My son bakes it every week.`);
    expect(checkList()?.textContent).toContain('Personal claim not on your fact sheet');
    expect(status()).toMatch(/Draft ready — 1 thing to check/);
    await type(CLEAN);
    expect(checkList()).toBeNull();
  });

  it('asks before inserting a flagged draft, naming each flag: Cancel sends nothing, Insert anyway inserts', async () => {
    const fake = await guarded(INVENTED);
    await click('Insert');
    const dialog = alertDialog()!;
    expect(dialog).not.toBeNull();
    expect(dialog.textContent).toContain('BREAD50');
    expect(dialog.textContent).toContain('Personal claim not on your fact sheet');
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(fake.sent.some((m) => m.type === 'insert')).toBe(false);

    await click('Cancel', dialog);
    expect(alertDialog()).toBeNull();
    expect(fake.sent.some((m) => m.type === 'insert')).toBe(false);

    await click('Insert');
    // Escape is Cancel, and does not close the editor.
    act(() => alertDialog()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(alertDialog()).toBeNull();
    expect(fake.sent.some((m) => m.type === 'insert')).toBe(false);

    await click('Insert');
    await click('Insert anyway', alertDialog()!);
    // The flags inserted over go with it, for the creator's AI-assisted log.
    expect(fake.sent.filter((m) => m.type === 'insert')).toEqual([{ type: 'insert', text: INVENTED, overridden: expect.arrayContaining(['personal', 'price']) }]);
    expect(alertDialog()).toBeNull();
  });

  it('inserts a clean draft with no question', async () => {
    const fake = await guarded(CLEAN);
    await click('Insert');
    expect(alertDialog()).toBeNull();
    expect(fake.sent.filter((m) => m.type === 'insert')).toEqual([{ type: 'insert', text: CLEAN }]);
  });

  it('asks before copying a flagged draft, and copies only after Copy anyway', async () => {
    const copied: string[] = [];
    await guarded(INVENTED, async (text) => (copied.push(text), true));
    await click('Copy');
    expect(alertDialog()?.textContent).toContain('Copy it to the clipboard anyway?');
    expect(copied).toEqual([]);
    await click('Copy anyway', alertDialog()!);
    await until(() => expect(copied).toEqual([INVENTED]));
    expect(status()).toBe('Copied to the clipboard.');
  });

  it('Accept once takes a flag off this draft only: the next draft is checked again', async () => {
    const fake = await guarded('My daughter loves this loaf!');
    await click('Accept once', checkList()!);
    expect(checkList()).toBeNull();
    expect(status()).toBe('Draft ready. Edit it, then Insert or Queue.');
    await click('Insert');
    expect(alertDialog()).toBeNull();

    await click('Regenerate');
    const again = fake.sent.filter((m) => m.type === 'draft').at(-1) as { requestId: string };
    fake.emit({ type: 'done', requestId: again.requestId, result: { text: 'My daughter loves this loaf!', engine: 'webllm', exampleIds: [] }, guard });
    await until(() => expect(checkList()).not.toBeNull());
  });

  it('Add to fact sheet sends the sentence as the creator edited it, and the flag goes once it is on the sheet', async () => {
    const fake = await guarded('My daughter loves this loaf!');
    await click('Add to fact sheet', checkList()!);
    const field = checkList()!.querySelector<HTMLInputElement>('input')!;
    expect(field.value).toBe('My daughter loves this loaf!');
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(field, 'Maya has a daughter who loves her bread.');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click('Save fact', checkList()!);
    expect(fake.sent.filter((m) => m.type === 'addFact')).toEqual([{ type: 'addFact', text: 'Maya has a daughter who loves her bread.' }]);
    fake.emit({ type: 'factAdded', added: true, text: 'Maya has a daughter who loves her bread.', guard: { ...guard, facts: [...guard.facts, 'Maya has a daughter who loves her bread.'] } });
    await until(() => expect(checkList()).toBeNull());
    expect(status()).toBe('Added to your fact sheet. Draft ready. Edit it, then Insert or Queue.');
  });

  it('says a draft could not be checked when the background had no fact sheet to check it against', async () => {
    const fake = fakeClient();
    view.render(<DraftEditor client={fake.client} onClose={() => {}} copy={async () => true} />);
    fake.emit({ type: 'session', session: { comment, inserted: false, sent: false } });
    const draft = fake.sent.find((m) => m.type === 'draft') as { requestId: string };
    fake.emit({ type: 'done', requestId: draft.requestId, result: { text: CLEAN, engine: 'webllm', exampleIds: [] } });
    await until(() => expect(draftBox().value).toBe(CLEAN));
    expect(status()).toMatch(/could not check it/);
    // The pipeline's own check counts while the text is still the engine's.
    await click('Regenerate');
    const again = fake.sent.filter((m) => m.type === 'draft').at(-1) as { requestId: string };
    fake.emit({ type: 'done', requestId: again.requestId, result: { text: CLEAN, engine: 'webllm', exampleIds: [], flags: [] } });
    await until(() => expect(status()).toBe('Draft ready. Edit it, then Insert or Queue.'));
    await type(`${CLEAN} More.`);
    expect(status()).toMatch(/could not check it/);
  });
});


describe('closing the draft editor with Escape', () => {
  async function open() {
    const fake = fakeClient();
    const closed = vi.fn();
    view.render(<DraftEditor client={fake.client} onClose={closed} copy={async () => true} />);
    fake.emit({ type: 'session', session: { comment, inserted: false, sent: false } });
    const draft = fake.sent.find((m) => m.type === 'draft') as { requestId: string };
    fake.emit({ type: 'done', requestId: draft.requestId, result: { text: 'Rye works.', engine: 'memory', exampleIds: [1] } });
    await until(() => expect(draftBox().value).toBe('Rye works.'));
    return { fake, closed };
  }
  const escape = () => act(() => draftBox().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));

  it('queues an edited draft with its edited text, then closes the editor', async () => {
    const { fake, closed } = await open();
    await type('Rye works, ferment it a little shorter.');
    escape();
    expect(fake.sent.at(-1)).toEqual({ type: 'queue', text: 'Rye works, ferment it a little shorter.' });
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('closes an untouched draft without adding it to the queue', async () => {
    const { fake, closed } = await open();
    escape();
    expect(fake.sent.some((m) => m.type === 'queue')).toBe(false);
    expect(closed).toHaveBeenCalledTimes(1);
  });
});
