/** The draft editor's length counter and the edited-comment flow, driven by a fake background. */
import { act } from 'react';
import type { CommentContext, DraftResult } from '@/lib/core/draft';
import type { EditorClient, EditorClientEvent } from '@/lib/messaging/editor-client';
import type { EditorPortIn } from '@/lib/messaging/editor-protocol';
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
