/**
 * DM drafts in the side panel (issue 11): grouped by conversation, marked "DM" with the person or
 * group, "Open conversation" back to it (focusing a tab that shows it), and in "Why this draft?"
 * the messages it answered. Comment drafts stay as they were.
 */
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Conversation } from '@/lib/core/conversation';
import { getDb, type DraftRow } from '@/lib/memory/db';
import { conversationLink, openConversation } from './conversation-link';
import { ConversationGroup, queueItems } from './ConversationGroup';
import { SidePanel } from './SidePanel';
import { byText, mount, until, type Mounted } from './test-render';

let view: Mounted;

beforeEach(async () => {
  fakeBrowser.reset();
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  view = mount();
});

afterEach(() => view.unmount());

/** The queue is virtualized: give its scroller a size, as a real side panel has, so cards render. */
function panelHeight() {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400);
}

const CHAT_URL = 'https://x.com/i/chat/1234-5678';

function comment(overrides: Partial<DraftRow> = {}): DraftRow {
  return {
    site: 'youtube',
    commentId: 'c1',
    author: '@bob',
    commentText: 'How long do you proof rye?',
    pageUrl: 'https://www.youtube.com/watch?v=abc',
    permalink: 'https://www.youtube.com/watch?v=abc&lc=Ugx1',
    text: 'About an hour longer than wheat!',
    engineText: 'About an hour longer than wheat!',
    engine: 'memory',
    exampleIds: [],
    status: 'queued',
    createdAt: 1,
    updatedAt: 1,
    kind: 'comment',
    ...overrides,
  };
}

/** What is kept of a conversation with a saved draft: only the messages it answered. */
function kept(id: string, messages: { sender: string; text: string }[], extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    group: false,
    messages: messages.map((m) => ({ from: 'them' as const, ...m })),
    answering: messages.map((_, i) => i),
    ...extra,
  };
}

function dm(overrides: Partial<DraftRow> = {}): DraftRow {
  return comment({
    site: 'x',
    commentId: 'dm:1234-5678',
    author: 'Maya Lin',
    commentText: 'Are you around Friday?\nWould love to collab',
    pageUrl: CHAT_URL,
    permalink: undefined,
    text: 'Friday works! What did you have in mind?',
    engineText: 'Friday works! What did you have in mind?',
    kind: 'dm',
    conversation: kept('1234-5678', [
      { sender: 'Maya Lin', text: 'Are you around Friday?' },
      { sender: 'Maya Lin', text: 'Would love to collab' },
    ]),
    ...overrides,
  });
}

describe('the queue with DM drafts', () => {
  it('gathers a conversation’s drafts where its newest stands, and leaves comment drafts one by one', () => {
    const items = queueItems([
      dm({ id: 5, updatedAt: 5 }),
      comment({ id: 4 }),
      dm({ id: 3, site: 'instagram', commentId: 'dm:ig1', conversation: kept('ig1', [{ sender: 'Sam', text: 'hey' }]) }),
      dm({ id: 2 }),
    ]);
    expect(items.map((item) => (item.type === 'comment' ? `comment ${item.draft.id}` : `dm ${item.drafts.map((d) => d.id).join('+')}`))).toEqual([
      'dm 5+2',
      'comment 4',
      'dm 3',
    ]);
  });

  it('marks DM drafts "DM" under the person’s name with "Open conversation"; comment drafts keep "Open comment"', async () => {
    const db = getDb();
    await db.drafts.bulkAdd([comment({ createdAt: 1, updatedAt: 1 }), dm({ createdAt: 2, updatedAt: 2 })]);
    panelHeight();
    view.render(<SidePanel />);
    await until(() => expect(view.container.querySelectorAll('article')).toHaveLength(2));

    // On the desk a conversation is a heading row above its drafts (the list is virtualized).
    const head = [...view.container.querySelectorAll<HTMLElement>('.conversation-head')].find((el) => el.textContent?.includes('Maya Lin'))!;
    expect(head).toBeDefined();
    expect(byText(head, '.badge', 'DM')).toBeDefined();
    expect(byText(head, '.badge', 'X')).toBeDefined();
    expect(byText(head, 'strong', 'Maya Lin')).toBeDefined();
    const open = byText(head, 'a', 'Open conversation') as HTMLAnchorElement;
    expect(open.getAttribute('href')).toBe(CHAT_URL);
    const dmCard = view.container.querySelector<HTMLElement>('article[aria-label="Draft reply to Maya Lin"]')!;
    expect(dmCard.textContent).not.toContain('Open comment');
    expect(byText(dmCard, '.badge', 'DM')).toBeDefined();

    const commentCard = view.container.querySelector<HTMLElement>('article[aria-label="Draft reply to @bob"]')!;
    expect(byText(commentCard, '.badge', 'DM')).toBeUndefined();
    expect(byText(commentCard, '.badge', 'YouTube')).toBeDefined();
    expect(byText(commentCard, 'a', 'Open comment')).toBeDefined();
    await until(() => expect(view.container.querySelector('.count')?.textContent).toBe('2 waiting'));
  });

  it('names a group chat by its title and says it is a group', () => {
    view.render(
      <ConversationGroup
        drafts={[dm({ id: 1, author: 'Ana', conversation: kept('g1', [{ sender: 'Ana', text: 'Who brings the tripod?' }], { title: 'Shoot crew', group: true }) })]}
      />,
    );
    const group = view.container.querySelector('section')!;
    expect(group.getAttribute('aria-label')).toBe('Direct messages with Shoot crew');
    expect(group.textContent).toContain('group chat');
    expect(group.querySelector('article')?.getAttribute('aria-label')).toBe('Draft reply to Ana');
  });

  it('shows in “Why this draft?” the messages it answered, with who wrote them, as text', async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    view.render(
      <ConversationGroup
        drafts={[dm({ id: 1, conversation: kept('1234-5678', [{ sender: 'Maya Lin', text: 'Are you around Friday?' }, { sender: 'Maya Lin', text: hostile }]) })]}
      />,
    );
    act(() => byText(view.container, 'button', 'Why this draft?')!.click());
    const answered = view.container.querySelector<HTMLElement>('section[aria-label="Messages it answered"]')!;
    await until(() => expect(answered).not.toBeNull());
    const items = [...answered.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Maya Lin wroteAre you around Friday?', `Maya Lin wrote${hostile}`]);
    expect(answered.querySelector('img')).toBeNull();
    expect(answered.textContent).toContain('Only these were kept from the conversation.');
    await until(() => expect(view.container.textContent).toContain('It drew on none of your past replies.'));
  });

  it('leaves “Why this draft?” of a comment draft without messages', async () => {
    view.render(<ConversationGroup drafts={[]} />);
    expect(view.container.textContent).toBe('');
    await getDb().drafts.add(comment({ id: 9 }));
    panelHeight();
    view.render(<SidePanel />);
    await until(() => expect(view.container.querySelector('article')).not.toBeNull());
    act(() => byText(view.container, 'button', 'Why this draft?')!.click());
    await until(() => expect(view.container.textContent).toContain('It drew on none of your past replies.'));
    expect(view.container.querySelector('section[aria-label="Messages it answered"]')).toBeNull();
  });
});

describe('Mark as sent on a DM draft', () => {
  it('learns the reply as a direct message, never as a public comment, and links the conversation to the person', async () => {
    const db = getDb();
    const id = (await db.drafts.add(dm())) as number;
    view.render(<ConversationGroup drafts={[{ ...dm(), id }]} />);
    act(() => byText(view.container, 'button', 'Mark as sent')!.click());
    await vi.waitFor(async () => expect((await db.drafts.get(id))?.status).toBe('sent'));
    const [example] = await db.examples.toArray();
    expect(example?.kind).toBe('dm');
    expect(example?.reply).toBe('Friday works! What did you have in mind?');
    const contact = await db.contacts.toArray();
    expect(contact[0]?.conversations?.map((c) => [c.id, c.url])).toEqual([['1234-5678', CHAT_URL]]);
  });
});

describe('“Open conversation”', () => {
  it('opens the conversation in a new tab when none shows it', async () => {
    view.render(<ConversationGroup drafts={[dm({ id: 1 })]} />);
    act(() => byText(view.container, 'a', 'Open conversation')!.click());
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(CHAT_URL));
  });

  it('brings a tab already showing the conversation to the front instead of opening another', async () => {
    const chat = await fakeBrowser.tabs.create({ url: `${CHAT_URL}/`, active: false });
    const other = await fakeBrowser.tabs.create({ url: 'https://www.youtube.com/watch?v=abc', active: true });
    const before = (await fakeBrowser.tabs.query({})).length;
    await openConversation(CHAT_URL);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs).toHaveLength(before);
    expect(tabs.find((tab) => tab.id === chat.id)?.active).toBe(true);
    expect(tabs.find((tab) => tab.id === other.id)?.active).toBe(false);
  });

  it.each([
    ['a javascript: link', 'javascript:alert(document.domain)'],
    ['a data: link', 'data:text/html,<script>alert(1)</script>'],
    ['a plain http link', 'http://x.com/i/chat/1234'],
    ['another site', 'https://evil.test/i/chat/1234'],
    ['a look-alike host', 'https://x.com.evil.test/i/chat/1234'],
    ['another site Understudy knows', 'https://www.instagram.com/direct/t/1234/'],
    ['credentials in the address', 'https://user:pw@x.com/i/chat/1234'],
  ])('is not offered when the page gave %s', (_what, href) => {
    expect(conversationLink(href, 'x')).toBeUndefined();
    view.render(<ConversationGroup drafts={[dm({ id: 1, pageUrl: href })]} />);
    expect(view.container.textContent).not.toContain('Open conversation');
    expect(view.container.querySelector('textarea')?.value).toBe('Friday works! What did you have in mind?');
  });

  it('is offered for the conversation pages of each DM site', () => {
    expect(conversationLink('https://www.instagram.com/direct/t/340282366841710300/', 'instagram')).toBeDefined();
    expect(conversationLink('https://www.linkedin.com/messaging/thread/2-abc=/', 'linkedin')).toBeDefined();
    expect(conversationLink('https://www.messenger.com/t/100001', 'facebook')).toBeDefined();
    expect(conversationLink('https://www.facebook.com/messages/t/100001', 'facebook')).toBeDefined();
  });
});
