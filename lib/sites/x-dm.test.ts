import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationMessageSchema, defaultAnswering, dmAnswer, MESSAGE_PLACEHOLDERS } from '../core/conversation';
import { MAX_CHAT_MESSAGE_CHARS, MAX_CONVERSATION_MESSAGES, SITE_DM_LIMITS } from '../core/limits';
import { DM_GROUP, DM_HOSTILE, DM_LATEST, DM_ONE_TO_ONE, GROUP_LATEST_SENDER } from '../../e2e/sites/shared/chat-kit.js';
import { mountChat, timeLabel, xChat, type XChatUi, type XOpenChat } from '../../e2e/sites/x/chat-dom.js';
import { insertText } from './insert';
import { x } from './x';
import { chatRoot, xConversations as dm } from './x-dm';

const chatUrl = (id: string, search = '') => `https://x.com/i/chat/${id}${search}`;

let ui: XChatUi;
let sends: { text: string }[];

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

function mount(pool?: number): XChatUi {
  document.body.replaceChildren();
  sends = [];
  ui = mountChat(document, document.body, { onSend: (s) => sends.push(s), ...(pool ? { pool } : {}) });
  return ui;
}

/** Open a chat-kit conversation as the creator would (the URL is its X chat URL). */
function open(kitId: string, count?: number): { chat: XOpenChat; pane: HTMLElement; url: string } {
  const chat = ui.openConversation(kitId, count ? { count } : {});
  if (!chat) throw new Error(`no conversation ${kitId}`);
  const url = chatUrl(chat.chat.id);
  setUrl(url);
  const [pane] = dm.panes(document);
  if (!pane) throw new Error('no pane');
  return { chat, pane, url };
}

beforeEach(() => mount());
afterEach(() => document.body.replaceChildren());

describe('x conversations: pageKind', () => {
  it.each([
    ['https://x.com/i/chat', 'dm'],
    ['https://x.com/i/chat/', 'dm'],
    ['https://x.com/i/chat/1600000000000000001-1701000000000001001', 'dm'],
    ['https://x.com/i/chat/g1860000000000002002', 'dm'],
    ['https://x.com/i/chat/1600000000000000001-1701000000000001001?messages=5000', 'dm'],
    ['https://x.com/messages', 'dm'],
    ['https://x.com/messages/1600000000000000001-1701000000000001001', 'dm'],
    ['https://x.com/i/chat/requests', 'dm-requests'],
    ['https://x.com/i/chat/requests/other', 'dm-requests'],
    ['https://x.com/messages/requests', 'dm-requests'],
    ['https://x.com/i/chat/pin', null],
    ['https://x.com/i/chat/settings', null],
    ['https://x.com/messages/compose', null],
    ['https://x.com/i/chat/a/b/c', null],
    ['https://x.com/home', null],
    ['https://x.com/crumbandcrust/status/1790000000000000001', null],
    ['https://twitter.com/i/chat', null],
    ['http://x.com/i/chat', null],
    ['https://x.com.evil.example/i/chat/1-2', null],
  ])('%s → %s', (url, expected) => {
    expect(dm.pageKind(new URL(url))).toBe(expected);
  });

  it('is the X adapter’s conversations, and X’s comment pages stay what they were', () => {
    expect(x.conversations).toBe(dm);
    expect(x.pageKind(new URL('https://x.com/i/chat/1-2'))).toBeNull();
  });
});

describe('x conversations on the fixture chat', () => {
  it('finds the open conversation inside the chat’s shadow root, and none while only the inbox shows', () => {
    ui.showInbox();
    setUrl('https://x.com/i/chat');
    expect(document.querySelector('[data-dm-message-row]')).toBeNull();
    expect(dm.panes(document)).toEqual([]);
    const { pane } = open('maria-1001');
    expect(pane.getRootNode()).toBe(ui.shadow);
    expect(chatRoot(document)).toBe(ui.shadow);
    expect(dm.panes(document)).toEqual([pane]);
  });

  it('reads a one-to-one conversation oldest first: who sent each message, the creator’s own as "You", media as placeholders', () => {
    const { pane, url, chat } = open('maria-1001');
    const read = dm.read(pane, url, MAX_CONVERSATION_MESSAGES);
    expect(read).not.toBeNull();
    expect(read!.id).toBe(chat.chat.id);
    expect(read!.title).toBe('Maria');
    expect(read!.group).toBe(false);
    const expected = DM_ONE_TO_ONE.messages.map((m) =>
      m.from === 'me'
        ? { from: 'me', sender: 'You', text: m.text }
        : { from: 'them', sender: 'Maria', handle: 'maria_bakes', text: m.media === 'voice' ? MESSAGE_PLACEHOLDERS.voice : m.media === 'photo' ? MESSAGE_PLACEHOLDERS.photo : m.text },
    );
    expect(read!.messages.map(({ from, sender, handle, text }) => ({ from, sender, ...(handle ? { handle } : {}), text }))).toEqual(expected);
    for (const m of read!.messages) expect(conversationMessageSchema.safeParse(m).success).toBe(true);
    // The draft answers the photo and the question after the creator's last reply.
    expect(dmAnswer(read!)?.text).toBe(`${MESSAGE_PLACEHOLDERS.photo}\n${DM_LATEST}`);
  });

  it('gives each message X’s UUID and the time X shows for it', () => {
    const { pane, url, chat } = open('maria-1001');
    const read = dm.read(pane, url, 30)!;
    const uuids = chat.list.items().map((m) => m.uuid);
    expect(read.messages.map((m) => m.id)).toEqual(uuids);
    for (const id of uuids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(read.messages.at(-1)!.at).toBe(timeLabel(DM_ONE_TO_ONE.messages.at(-1)!.at!));
  });

  it('tells the senders of a group chat apart, with their handles, and answers the one who wrote last', () => {
    const { pane, url } = open('club-2002');
    const read = dm.read(pane, url, 30)!;
    expect(read.group).toBe(true);
    expect(read.title).toBe('Sourdough club');
    expect(read.messages.map((m) => [m.from, m.sender, m.handle, m.text])).toEqual(
      DM_GROUP.messages.map((m) => ['them', m.sender, m.handle, m.text]),
    );
    const answering = defaultAnswering(read.messages);
    expect(answering.map((i) => read.messages[i]!.sender)).toEqual([GROUP_LATEST_SENDER]);
  });

  it('is a group by the header’s members even when only one of them wrote lately', () => {
    const { pane, url } = open('club-2002');
    const read = dm.read(pane, url, 1)!;
    expect(read.messages).toHaveLength(1);
    expect(read.group).toBe(true);
  });

  it('reads hostile messages as text: markup, script tags, direction overrides and zero-width characters stay characters', () => {
    const { pane, url } = open('hostile-3003');
    const read = dm.read(pane, url, 30)!;
    expect(read.title).toBe(DM_HOSTILE.title);
    expect(read.messages.map((m) => m.text)).toEqual(DM_HOSTILE.messages.map((m) => m.text));
    expect(read.messages.every((m) => m.sender === DM_HOSTILE.title)).toBe(true);
    expect(ui.shadow.querySelector('img[src="x"], script')).toBeNull();
  });

  it('reads only the latest messages of a long conversation, and the newest is still the question', () => {
    // A wide window (X's is smaller) so the read has many rows to leave alone.
    mount(300);
    const { pane, url, chat } = open('maria-1001', 5000);
    expect(chat.list.items()).toHaveLength(5000);
    expect(pane.querySelectorAll('[data-dm-message-row]')).toHaveLength(300);
    const read = dm.read(pane, url, MAX_CONVERSATION_MESSAGES)!;
    expect(read.messages).toHaveLength(MAX_CONVERSATION_MESSAGES);
    expect(read.messages.at(-1)!.text).toBe(DM_LATEST);
    expect(read.messages[0]!.id).toBe(chat.list.items()[5000 - MAX_CONVERSATION_MESSAGES]!.uuid);
  });

  it('shows only a window of rows, as X’s virtualized list does, and reads what the window shows', () => {
    const { pane, url, chat } = open('maria-1001');
    chat.fill(500);
    expect(pane.querySelectorAll('[data-dm-message-row]')).toHaveLength(40);
    const read = dm.read(pane, url, 30)!;
    expect(read.messages.at(-1)!.text).toBe(DM_LATEST);
  });

  it('clamps a message longer than X allows', () => {
    const { pane, url, chat } = open('maria-1001');
    chat.receive('crumb '.repeat(3000));
    const last = dm.read(pane, url, 30)!.messages.at(-1)!;
    expect(last.text.length).toBeLessThanOrEqual(MAX_CHAT_MESSAGE_CHARS);
    expect(last.text.endsWith('…')).toBe(true);
  });

  it('reads nothing from a conversation that shows no messages', () => {
    const { pane, url, chat } = open('maria-1001');
    chat.list.set([]);
    expect(dm.read(pane, url, 30)).toBeNull();
    expect(dm.paneKey(pane)).toBeNull();
  });

  it('keys the pane by conversation and newest message: a new message changes it, recycled rows do not', () => {
    const { pane, chat } = open('maria-1001');
    const before = dm.paneKey(pane);
    expect(before).toContain(chat.chat.id);
    const rows = [...pane.querySelectorAll('[data-dm-message-row]')];
    const shown = rows.map((r) => r.getAttribute('data-dm-message-row'));
    chat.recycle();
    // Every row node now shows another message; the conversation is the same.
    expect(rows.map((r) => r.getAttribute('data-dm-message-row'))).not.toEqual(shown);
    expect(dm.paneKey(pane)).toBe(before);
    chat.receive('One more thing: do you sell bannetons?');
    expect(dm.paneKey(pane)).not.toBe(before);
    const other = open('club-2002');
    expect(dm.paneKey(other.pane)).not.toBe(before);
  });

  it('finds the composer textarea, and its send button only once it holds text', async () => {
    const { pane, chat } = open('maria-1001');
    const composer = dm.composer(pane)!;
    expect(composer.kind).toBe('textarea');
    expect(composer.editor).toBe(chat.model.editor);
    expect(dm.submitButtonFor(composer)).toBeNull();
    const outcome = await insertText(composer.editor, 'Not at all!', null, { kind: composer.kind, settleMs: 50 });
    expect(outcome.ok).toBe(true);
    expect(dm.submitButtonFor(composer)).toBe(chat.send);
    expect(dm.messageLimit?.(pane)).toBe(SITE_DM_LIMITS.x);
  });

  it('puts the Draft reply button and the editor beside the composer, outside the form that sends', () => {
    const { pane, chat } = open('maria-1001');
    const host = dm.buttonHost(pane)!;
    expect(host).toBe(chat.area);
    expect(host.contains(chat.form)).toBe(true);
    expect(host.closest('form')).toBeNull();
    expect(dm.editorSlot(pane)).toBe(chat.area);
  });

  it('inserts a multi-line draft into X’s React state with its line breaks, without a key event or a send', async () => {
    const { pane, chat } = open('maria-1001');
    const composer = dm.composer(pane)!;
    const draft = 'Not strictly necessary!\n\nRice flour just stops the dough sticking.\nSemolina works too.';
    const outcome = await insertText(composer.editor, draft, dm.submitButtonFor(composer), { kind: composer.kind, settleMs: 50 });
    expect(outcome).toEqual({ ok: true, method: 'native-setter' });
    expect(chat.composerState()).toBe(draft);
    expect(chat.keyEvents()).toBe(0);
    expect(sends).toEqual([]);
  });

  it('finds the creator’s message once X shows it sent, not while it is pending', async () => {
    const { pane, chat } = open('maria-1001');
    expect(dm.findSentMessage(pane, 'Semolina works too.')).toBeNull();
    chat.showSent('Semolina works\ntoo.');
    expect(chat.composerState()).toBe('');
    expect(dm.findSentMessage(pane, 'Semolina works too.')).toBeNull();
    await new Promise((r) => setTimeout(r, 80));
    const row = dm.findSentMessage(pane, 'Semolina works too.');
    expect(row?.getAttribute('data-send-status')).toBe('sent');
    // Another person's message with the same words is not the creator's.
    chat.receive('Same words here');
    expect(dm.findSentMessage(pane, 'Same words here')).toBeNull();
  });

  it('reads a shared post as a placeholder with its text', () => {
    const { pane, url, chat } = open('maria-1001');
    const row = chat.list.rows().at(-1)!.querySelector<HTMLElement>('[data-dm-message-row]')!;
    row.querySelector('[data-testid^="message-text-"]')!.remove();
    const card = document.createElement('a');
    card.setAttribute('href', '/crumbandcrust/status/1790000000000000001');
    const text = document.createElement('div');
    text.setAttribute('data-testid', 'tweetText');
    text.textContent = 'My 72-hour sourdough method';
    card.append(text);
    row.querySelector('[data-dm-message-focus-target]')!.append(card);
    row.querySelector('[id$="-kind"]')!.textContent = 'Post';
    expect(dm.read(pane, url, 30)!.messages.at(-1)!.text).toBe(MESSAGE_PLACEHOLDERS.sharedPost('My 72-hour sourdough method'));
  });

  it('takes the conversation id from the inbox row when the URL names none', () => {
    const { pane, chat } = open('maria-1001');
    const read = dm.read(pane, 'https://x.com/i/chat', 30)!;
    expect(read.id).toBe(chat.chat.itemKey.replace(':', '-'));
    expect(xChat(read.id)).not.toBeNull();
  });

  it('names its selectors for the health report, and its marks are found inside the chat root', () => {
    open('maria-1001');
    for (const name of Object.keys(dm.selectors)) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9-]{0,31}$/);
    expect(document.querySelector(dm.conversationMark)).toBeNull();
    expect(chatRoot(document).querySelector(dm.conversationMark)).not.toBeNull();
  });
});
