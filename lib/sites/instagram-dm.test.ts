import { afterEach, describe, expect, it } from 'vitest';
import { conversationMessageSchema, MESSAGE_PLACEHOLDERS } from '../core/conversation';
import { MAX_CONVERSATION_MESSAGES } from '../core/limits';
import { DM_GROUP, DM_HOSTILE, DM_ONE_TO_ONE, buildInboxList, buildThread, type DmConversation, type DmThread } from '../../e2e/sites/instagram/dm-dom.js';
import { insertText } from './insert';
import { instagramConversations as dm } from './instagram-dm';

const BASE = 'https://www.instagram.com';
const urlOf = (id: string) => `${BASE}/direct/t/${id}/`;

let sent: string[] = [];

/** Mount a conversation as /direct/t/ID/ shows it: the inbox list beside the open thread. */
function mount(conversation: DmConversation, options: { count?: number; poolSize?: number; request?: boolean } = {}): DmThread {
  sent = [];
  const thread = buildThread(document, conversation, { ...options, onSend: (text) => sent.push(text) });
  const main = document.createElement('main');
  main.append(buildInboxList(document, [DM_ONE_TO_ONE, DM_GROUP, DM_HOSTILE], { openId: conversation.id }), thread.pane);
  document.body.replaceChildren(main);
  return thread;
}

function readOpen(conversation: DmConversation, max = MAX_CONVERSATION_MESSAGES) {
  const [pane] = dm.panes(document);
  if (!pane) throw new Error('no pane');
  return dm.read(pane, urlOf(conversation.id), max);
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('instagramConversations.pageKind', () => {
  it.each([
    [`${BASE}/direct/t/340282366841710300949128137443944/`, 'dm'],
    [`${BASE}/direct/t/maria-1001/`, 'dm'],
    [`${BASE}/direct/t/maria-1001`, 'dm'],
    [`${BASE}/direct/inbox/`, 'dm-inbox'],
    [`${BASE}/direct/general/`, 'dm-inbox'],
    [`${BASE}/direct/requests/`, 'dm-requests'],
    [`${BASE}/direct/requests/hidden/`, 'dm-requests'],
    [`${BASE}/direct/requests/t/340282366841710300949128/`, 'dm-requests'],
    [`${BASE}/`, null],
    [`${BASE}/p/C8sDoUgh72h/`, null],
    [`${BASE}/direct/`, null],
    [`${BASE}/direct/new/`, null],
    [`${BASE}/maria.bakes/`, null],
    ['http://www.instagram.com/direct/inbox/', null],
    ['https://instagram.com/direct/t/maria-1001/', null],
    ['https://www.instagram.com.evil.example/direct/t/maria-1001/', null],
  ])('%s is the page kind %s', (url, expected) => {
    expect(dm.pageKind(new URL(url))).toBe(expected);
  });
});

describe('reading an Instagram conversation', () => {
  it('finds the open conversation as one pane holding its messages and its composer', () => {
    mount(DM_ONE_TO_ONE);
    const panes = dm.panes(document);
    expect(panes).toHaveLength(1);
    expect(panes[0]!.querySelector('[role="row"]')).not.toBeNull();
    expect(dm.composer(panes[0]!)?.editor.getAttribute('aria-label')).toBe('Message');
  });

  it('reads who sent each message, the creator\'s own blue, right-aligned bubbles as "me", oldest first', () => {
    mount(DM_ONE_TO_ONE);
    const read = readOpen(DM_ONE_TO_ONE)!;
    expect(read.id).toBe(DM_ONE_TO_ONE.id);
    expect(read.title).toBe('Maria');
    expect(read.group).toBe(false);
    expect(read.messages.map((m) => [m.from, m.sender])).toEqual(DM_ONE_TO_ONE.messages.map((m) => [m.from, m.sender]));
    expect(read.messages.filter((m) => m.from === 'them').every((m) => m.handle === 'maria.bakes')).toBe(true);
    expect(read.messages.at(-1)!.text).toBe('Is the rice flour on the banneton necessary?');
    for (const message of read.messages) expect(conversationMessageSchema.safeParse(message).success).toBe(true);
  });

  it('reads a photo and a voice message as placeholders, not as their player\'s text', () => {
    mount(DM_ONE_TO_ONE);
    const texts = readOpen(DM_ONE_TO_ONE)!.messages.map((m) => m.text);
    expect(texts[2]).toBe(MESSAGE_PLACEHOLDERS.voice);
    expect(texts[5]).toBe(MESSAGE_PLACEHOLDERS.photo);
  });

  it('carries a separator\'s time onto the first message after it', () => {
    mount(DM_ONE_TO_ONE);
    const [first] = readOpen(DM_ONE_TO_ONE)!.messages;
    expect(first!.at).toBe('Nov 20, 9:00 AM');
  });

  it('reads a shared post as a placeholder with its caption', () => {
    mount({
      ...DM_ONE_TO_ONE,
      messages: [...DM_ONE_TO_ONE.messages, { id: 'm8', from: 'them', sender: 'Maria', handle: 'maria.bakes', text: '', shared: { code: 'C8sDoUgh72h', title: 'My 72-hour sourdough' } }],
    });
    expect(readOpen(DM_ONE_TO_ONE)!.messages.at(-1)!.text).toBe(MESSAGE_PLACEHOLDERS.sharedPost('My 72-hour sourdough'));
  });

  it('names each sender of a group chat from the name line above their run, with their handle', () => {
    mount({
      ...DM_GROUP,
      messages: [
        ...DM_GROUP.messages,
        { id: 'g3', from: 'them', sender: 'Danny K', handle: 'danny_k', text: 'Paper bag or plastic?', at: '2026-11-25T08:03:00.000Z' },
      ],
    });
    const read = readOpen(DM_GROUP)!;
    expect(read.group).toBe(true);
    expect(read.title).toBe('Sourdough club');
    expect(read.messages.map((m) => [m.sender, m.handle])).toEqual([
      ['Grain Nerd', 'grainnerd'],
      ['Danny K', 'danny_k'],
      ['Danny K', 'danny_k'],
    ]);
  });

  it('reads the hostile corpus as text: markup stays characters and nothing runs', () => {
    mount(DM_HOSTILE);
    const read = readOpen(DM_HOSTILE)!;
    expect(read.messages.map((m) => m.text)).toEqual(DM_HOSTILE.messages.map((m) => m.text));
    expect(read.title).toBe(DM_HOSTILE.title);
    expect(document.querySelector('main img')).toBeNull();
    expect(document.querySelector('main script')).toBeNull();
  });

  it('reads only the last `max` messages of a long conversation, newest last', () => {
    mount(DM_ONE_TO_ONE, { count: 5000 });
    const read = readOpen(DM_ONE_TO_ONE, 10)!;
    expect(read.messages).toHaveLength(10);
    expect(read.messages.at(-1)!.text).toBe('Is the rice flour on the banneton necessary?');
    expect(read.messages[0]!.text).not.toBe('Hi! I watched your banneton video last night');
  });

  it('reads a long thread rendered without virtualization from its tail only, never touching earlier rows', () => {
    mount(DM_ONE_TO_ONE, { count: 300, poolSize: 10_000 });
    const rows = [...document.querySelectorAll<HTMLElement>('[role="row"]')];
    expect(rows.length).toBeGreaterThan(300);
    let touched = 0;
    for (const row of rows.slice(0, -100)) {
      row.querySelector = () => {
        touched += 1;
        return null;
      };
    }
    const read = readOpen(DM_ONE_TO_ONE)!;
    expect(read.messages).toHaveLength(MAX_CONVERSATION_MESSAGES);
    expect(read.messages.at(-1)!.text).toBe('Is the rice flour on the banneton necessary?');
    expect(read.messages.some((m) => m.from === 'me')).toBe(true);
    expect(touched).toBe(0);
  });

  it('shows no readable conversation for a thread without messages', () => {
    mount({ ...DM_ONE_TO_ONE, messages: [] });
    const pane = document.querySelector<HTMLElement>('section')!;
    expect(dm.read(pane, urlOf(DM_ONE_TO_ONE.id), 30)).toBeNull();
    expect(dm.paneKey(pane)).toBeNull();
  });

  it('keys the pane by what its newest message shows, so a new message changes the key', () => {
    const thread = mount(DM_ONE_TO_ONE);
    const [pane] = dm.panes(document);
    const before = dm.paneKey(pane!);
    expect(before).toContain('Is the rice flour');
    thread.receive('Also, what oven do you use?');
    expect(dm.paneKey(pane!)).not.toBe(before);
    expect(readOpen(DM_ONE_TO_ONE)!.messages.at(-1)).toMatchObject({ from: 'them', sender: 'Maria', text: 'Also, what oven do you use?' });
  });

  it('reads what the reused rows show after the list scrolls, not what they showed before', () => {
    const thread = mount(DM_ONE_TO_ONE, { count: 100 });
    const rows = thread.list.rows();
    const last = rows.at(-1)!;
    thread.list.shift(2);
    expect(thread.list.rows().at(-1)).toBe(last);
    expect(readOpen(DM_ONE_TO_ONE)!.messages.at(-1)!.text).toBe(DM_ONE_TO_ONE.messages[4]!.text);
    thread.list.showTail();
    expect(readOpen(DM_ONE_TO_ONE)!.messages.at(-1)!.text).toBe('Is the rice flour on the banneton necessary?');
  });

  it('finds the creator\'s message once it shows as sent, and not the other side\'s with the same text', () => {
    const thread = mount(DM_ONE_TO_ONE);
    const [pane] = dm.panes(document);
    expect(dm.findSentMessage(pane!, 'No, semolina works too')).toBeNull();
    thread.receive('No, semolina works too');
    expect(dm.findSentMessage(pane!, 'No, semolina works too')).toBeNull();
    thread.showSent('No, semolina works too');
    expect(dm.findSentMessage(pane!, 'No,  semolina works too')?.textContent).toContain('semolina');
  });

  it('reads the id from the inbox list\'s open conversation when the URL names none', () => {
    mount(DM_GROUP);
    const [pane] = dm.panes(document);
    expect(dm.read(pane!, `${BASE}/direct/inbox/`, 30)?.id).toBe(DM_GROUP.id);
  });

  it('finds no pane on a message request until it is accepted (no composer)', () => {
    mount(DM_HOSTILE, { request: true });
    expect(dm.panes(document)).toEqual([]);
    const accept = [...document.querySelectorAll<HTMLElement>('[role="button"]')].find((b) => b.textContent === 'Accept')!;
    accept.click();
    expect(dm.panes(document)).toHaveLength(1);
  });
});

describe('the Instagram message composer', () => {
  it('places the button in the composer row and the editor above the composer', () => {
    mount(DM_ONE_TO_ONE);
    const [pane] = dm.panes(document);
    const host = dm.buttonHost(pane!)!;
    const slot = dm.editorSlot(pane!)!;
    const { editor } = dm.composer(pane!)!;
    expect(host.contains(editor)).toBe(true);
    expect(slot.contains(host)).toBe(true);
    expect(slot.contains(pane!.querySelector('[role="row"]'))).toBe(false);
  });

  it('finds Send only once the composer holds text, as Instagram shows it', async () => {
    const thread = mount(DM_ONE_TO_ONE);
    const [pane] = dm.panes(document);
    const composer = dm.composer(pane!)!;
    expect(composer.kind).toBe('lexical');
    expect(dm.submitButtonFor(composer)).toBeNull();
    thread.composer!.composer.editor.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: 'hi', bubbles: true, cancelable: true }));
    expect(dm.submitButtonFor(composer)?.textContent).toBe('Send');
  });

  it('inserts a multi-line draft keeping its line breaks, without a key event and without sending', async () => {
    const thread = mount(DM_ONE_TO_ONE);
    const [pane] = dm.panes(document);
    const composer = dm.composer(pane!)!;
    const keys: string[] = [];
    composer.editor.addEventListener('keydown', (event) => keys.push(event.key), true);
    const draft = 'Not necessary!\nSemolina works too.\n\nHappy baking';
    const outcome = await insertText(composer.editor, draft, dm.submitButtonFor(composer), { kind: composer.kind, settleMs: 50 });
    expect(outcome.ok).toBe(true);
    expect(thread.composer!.composer.state()).toBe(draft);
    expect(keys).toEqual([]);
    expect(thread.keyEvents()).toBe(0);
    expect(sent).toEqual([]);
    expect(dm.submitButtonFor(composer)?.textContent).toBe('Send');
  });

  it('reports its health marks and selectors on a conversation page', () => {
    mount(DM_ONE_TO_ONE);
    expect(document.querySelectorAll(dm.conversationMark).length).toBeGreaterThan(0);
    for (const selector of Object.values(dm.selectors)) expect(() => document.querySelectorAll(selector)).not.toThrow();
  });
});
