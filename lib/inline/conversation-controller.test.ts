/** Draft all's view of the open conversations: what startConversations reads for the background. */
import { conversationDraftId, type ConversationRead } from '../core/conversation';
import { SITE_DM_LIMITS, SITE_REPLY_LIMITS } from '../core/limits';
import type { ConversationAdapter } from '../sites/types';
import { startConversations } from './conversation-controller';
import type { EditorHost } from './editor-host';

const waiting: ConversationRead = {
  id: 'c-42',
  title: 'Grain Nerd',
  group: false,
  messages: [
    { from: 'me', sender: 'You', text: 'Thanks for watching!' },
    { from: 'them', sender: 'Grain Nerd', text: 'Does the method work with rye?' },
  ],
};
const answered: ConversationRead = {
  id: 'c-7',
  group: false,
  messages: [
    { from: 'them', sender: 'Loaf Fan', text: 'Loved the video' },
    { from: 'me', sender: 'You', text: 'Thank you!' },
  ],
};

/** A chat page whose panes read as the given conversations (a pane per entry). */
function chatPage(reads: ConversationRead[], onDmPage = () => true): ConversationAdapter {
  document.body.replaceChildren();
  const readOf = new Map<HTMLElement, ConversationRead>();
  for (const read of reads) {
    const pane = document.createElement('section');
    pane.dataset.pane = read.id;
    document.body.append(pane);
    readOf.set(pane, read);
  }
  return {
    pageKind: () => (onDmPage() ? 'dm' : null),
    panes: (doc: Document) => [...doc.querySelectorAll<HTMLElement>('[data-pane]')],
    paneKey: (pane: HTMLElement) => pane.dataset.pane ?? null,
    buttonHost: () => null,
    editorSlot: () => null,
    composer: () => null,
    submitButtonFor: () => null,
    read: (pane: HTMLElement) => readOf.get(pane) ?? null,
    findSentMessage: () => null,
    conversationMark: '[data-pane]',
  } as unknown as ConversationAdapter;
}

const editors = { open: vi.fn(), changed: vi.fn() } as unknown as EditorHost;
let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  // happy-dom's global Document is not the class its document comes from: the buttons'
  // stylesheet goes to the head only when `document instanceof Document` holds, as in a browser.
  vi.stubGlobal('Document', Object.getPrototypeOf(document.constructor) as typeof Document);
});
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

describe('open conversations for Draft all', () => {
  it('lists an open conversation waiting for an answer as a DM under its conversation draft id', () => {
    const page = startConversations('x', chatPage([waiting]), editors, controller.signal);
    const [dm, ...rest] = page.readAllForDraft();
    expect(rest).toEqual([]);
    expect(dm).toMatchObject({
      site: 'x',
      kind: 'dm',
      commentId: conversationDraftId('c-42'),
      author: 'Grain Nerd',
      text: 'Does the method work with rye?',
      threadTitle: 'Grain Nerd',
      pageUrl: location.href,
      replyLimit: SITE_DM_LIMITS.x ?? SITE_REPLY_LIMITS.x,
    });
    expect(dm!.conversation?.answering).toEqual([1]);
  });

  it('lists each open conversation once, even one shown in two panes', () => {
    const page = startConversations('x', chatPage([answered, waiting, waiting]), editors, controller.signal);
    expect(page.readAllForDraft().map((c) => c.commentId)).toEqual([conversationDraftId('c-7'), conversationDraftId('c-42')]);
  });

  it('lists no conversation when the page is not a DM page', () => {
    const page = startConversations('x', chatPage([waiting], () => false), editors, controller.signal);
    expect(page.readAllForDraft()).toEqual([]);
  });
});
