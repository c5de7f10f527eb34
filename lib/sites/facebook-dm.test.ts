import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_PLACEHOLDERS, conversationSchema, defaultAnswering } from '../core/conversation';
import { MAX_CHAT_MESSAGE_CHARS, SITE_DM_LIMITS } from '../core/limits';
import {
  DM_GROUP,
  DM_HOSTILE,
  DM_LOCALES,
  DM_ONE_TO_ONE,
  HOSTILE,
  buildRow,
  mountConversation,
  threadPath,
  type DmLocale,
} from '../../e2e/sites/facebook/messenger-dom.js';
import type { KitConversation } from '../../e2e/sites/shared/chat-kit';

import { facebook } from './facebook';
import { facebookConversations as dm } from './facebook-dm';
import { insertText } from './insert';

const HOSTS = [
  { origin: 'https://www.facebook.com', base: '/messages', name: 'facebook.com/messages' },
  { origin: 'https://www.messenger.com', base: '', name: 'messenger.com' },
] as const;

function urlOf(host: (typeof HOSTS)[number], conversation: KitConversation): string {
  return `${host.origin}${threadPath(host.base, conversation)}`;
}

function mount(conversation: KitConversation, { locale = 'en' as DmLocale, host = HOSTS[0] as (typeof HOSTS)[number], total = undefined as number | undefined, onSend = undefined as ((text: string) => void) | undefined } = {}) {
  const mounted = mountConversation(document, { conversation, locale, base: host.base, total, onSend });
  const pane = dm.panes(document)[0];
  if (!pane) throw new Error('no conversation pane found');
  return { ...mounted, pane, url: urlOf(host, conversation) };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('facebook conversations pageKind', () => {
  it.each([
    ['https://www.facebook.com/messages/t/100089123456789', 'dm'],
    ['https://www.facebook.com/messages/t/100089123456789/', 'dm'],
    ['https://www.facebook.com/messages/e2ee/t/7788990011223344', 'dm'],
    ['https://www.facebook.com/messages/archived/t/100089123456789', 'dm'],
    ['https://www.facebook.com/messages/t/maria-1001?messages=5000', 'dm'],
    ['https://www.messenger.com/t/100089123456789', 'dm'],
    ['https://www.messenger.com/e2ee/t/7788990011223344/', 'dm'],
    ['https://www.facebook.com/messages/requests/t/100089123456789', 'dm-requests'],
    ['https://www.messenger.com/requests/t/100089123456789', 'dm-requests'],
    ['https://www.facebook.com/messages/', null],
    ['https://www.facebook.com/messages/t/', null],
    ['https://www.messenger.com/', null],
    ['https://www.messenger.com/t/', null],
    ['https://www.facebook.com/t/100089123456789', null],
    ['https://www.messenger.com/messages/t/100089123456789', null],
    ['https://www.facebook.com/crumbandcrustkitchen/posts/pfbid02Kq7Lm3sourdough72hNoMixer', null],
    ['https://www.facebook.com/', null],
    ['https://m.facebook.com/messages/t/100089123456789', null],
    ['http://www.messenger.com/t/100089123456789', null],
    ['https://www.messenger.com.evil.example/t/100089123456789', null],
    ['https://www.facebook.com/messages/t/%3Cimg%3E', null],
  ])('%s → %s', (url, expected) => {
    expect(dm.pageKind(new URL(url))).toBe(expected);
  });

  it.each([
    'https://www.messenger.com/t/100089123456789',
    'https://www.messenger.com/',
    'https://www.facebook.com/messages/t/100089123456789',
    'https://www.facebook.com/messages/e2ee/t/7788990011223344',
  ])('the comment side reads no comments on the Messenger page %s', (url) => {
    expect(facebook.pageKind(new URL(url))).toBeNull();
  });

  it('is the conversation adapter of the Facebook site, also serving messenger.com', () => {
    expect(facebook.conversations).toBe(dm);
  });
});

describe.each(HOSTS)('reading a Messenger conversation on $name', (host) => {
  it.each<DmLocale>(['en', 'es'])('reads who sent each message, oldest first, with media as placeholders (%s)', (locale) => {
    const { pane, url } = mount(DM_ONE_TO_ONE, { locale, host });
    const read = dm.read(pane, url, 30);
    expect(read).not.toBeNull();
    expect(read!.id).toBe(DM_ONE_TO_ONE.id);
    expect(read!.title).toBe('Maria');
    expect(read!.group).toBe(false);
    expect(read!.messages).toEqual([
      { from: 'them', sender: 'Maria', handle: 'maria.bakes', text: 'Hi! I watched your banneton video last night' },
      { from: 'me', sender: 'You', text: 'Hi Maria, thanks for watching!' },
      { from: 'them', sender: 'Maria', handle: 'maria.bakes', text: MESSAGE_PLACEHOLDERS.voice },
      { from: 'them', sender: 'Maria', handle: 'maria.bakes', text: 'Does this method work with rye?' },
      { from: 'me', sender: 'You', text: 'It does, rye ferments faster though.' },
      { from: 'them', sender: 'Maria', handle: 'maria.bakes', text: MESSAGE_PLACEHOLDERS.photo },
      { from: 'them', sender: 'Maria', handle: 'maria.bakes', text: 'Is the rice flour on the banneton necessary?' },
    ]);
    expect(() => conversationSchema.parse({ ...read, answering: defaultAnswering(read!.messages) })).not.toThrow();
    // The draft answers Maria's latest run: the photo and her question.
    expect(defaultAnswering(read!.messages)).toEqual([5, 6]);
  });

  it.each<DmLocale>(['en', 'es'])('tells the senders of a group chat apart and marks it as a group (%s)', (locale) => {
    const { pane, url } = mount(DM_GROUP, { locale, host });
    const read = dm.read(pane, url, 30)!;
    expect(read.group).toBe(true);
    expect(read.title).toBe('Sourdough club');
    expect(read.messages.map((m) => [m.from, m.sender, m.text])).toEqual([
      ['them', 'Grain Nerd', 'Does this method work with rye?'],
      ['them', 'Danny K', 'How do you store the loaf after cutting?'],
    ]);
    // Nobody's profile is the group's: no handle is guessed from the header.
    expect(read.messages.every((m) => m.handle === undefined)).toBe(true);
  });
});

describe('reading a Messenger conversation', () => {
  it('returns hostile names and messages as exact text and never turns them into markup', () => {
    const { pane, url } = mount(DM_HOSTILE);
    const read = dm.read(pane, url, 30)!;
    expect(read.title).toBe(HOSTILE.imgAuthor);
    expect(read.messages.map((m) => m.text)).toEqual([HOSTILE.imgText, HOSTILE.rtlText, HOSTILE.zeroWidthText, HOSTILE.scriptText]);
    expect(read.messages.every((m) => m.sender === HOSTILE.imgAuthor && m.from === 'them')).toBe(true);
    expect(document.querySelector('img[onerror], script')).toBeNull();
  });

  it('reads only the last messages asked for from a 5,000-message conversation, with the right senders', () => {
    const { pane, url } = mount(DM_ONE_TO_ONE, { total: 5_000 });
    expect(pane.querySelectorAll('div[role="row"]').length).toBeGreaterThan(5_000);
    const read = dm.read(pane, url, 30)!;
    expect(read.messages).toHaveLength(30);
    expect(read.messages.at(-1)!.text).toBe('Is the rice flour on the banneton necessary?');
    // Filler: every third message is the creator's, the rest Maria's.
    const filler = read.messages.slice(0, 23);
    for (const message of filler) {
      const n = Number(/^(?:Message|Reply) (\d+):/.exec(message.text)![1]);
      expect(message.from).toBe(n % 3 === 2 ? 'me' : 'them');
    }
  }, 30_000);

  it('finds the sender of the oldest message read when its run began before the messages read', () => {
    const { pane, url } = mount(DM_ONE_TO_ONE);
    // The last two: the photo (which opens Maria's run) and her question; then only the question.
    expect(dm.read(pane, url, 2)!.messages.map((m) => m.sender)).toEqual(['Maria', 'Maria']);
    const one = dm.read(pane, url, 1)!.messages;
    expect(one).toEqual([{ from: 'them', sender: 'Maria', handle: 'maria.bakes', text: 'Is the rice flour on the banneton necessary?' }]);
  });

  it('returns null for a conversation that shows no messages yet', () => {
    const { pane, url, list } = mount(DM_ONE_TO_ONE);
    list.replaceChildren();
    expect(dm.read(pane, url, 30)).toBeNull();
    expect(dm.paneKey(pane)).toBeNull();
  });

  it('finds no conversation pane on the inbox, where no conversation is open', () => {
    const { main } = mount(DM_ONE_TO_ONE);
    main.replaceChildren();
    expect(dm.panes(document)).toEqual([]);
  });

  it('reads a shared post, a video and a sticker as placeholders', () => {
    const { pane, url, list } = mount(DM_GROUP);
    const shared = buildRow(document, { id: 'x1', from: 'them', sender: 'Danny K', text: '' }, { group: true });
    const bubble = shared.querySelector('div[dir="auto"]')!.parentElement!;
    const link = document.createElement('a');
    link.href = 'https://www.facebook.com/crumbandcrustkitchen/posts/pfbid02Kq7Lm3sourdough72hNoMixer';
    link.textContent = 'My 72-hour sourdough, start to finish';
    bubble.replaceChildren(link);
    list.append(
      shared,
      buildRow(document, { id: 'x2', from: 'them', sender: 'Danny K', text: '', media: 'video' }, { group: true, first: false }),
      buildRow(document, { id: 'x3', from: 'me', sender: 'You', text: '', media: 'sticker' }, { group: true }),
    );
    expect(dm.read(pane, url, 3)!.messages.map((m) => [m.sender, m.text])).toEqual([
      ['Danny K', MESSAGE_PLACEHOLDERS.sharedPost('My 72-hour sourdough, start to finish')],
      ['Danny K', MESSAGE_PLACEHOLDERS.video],
      ['You', MESSAGE_PLACEHOLDERS.sticker],
    ]);
  });

  it('clamps a wall of text to the longest chat message kept', () => {
    const { pane, url, list } = mount(DM_ONE_TO_ONE);
    list.append(buildRow(document, { id: 'w', from: 'them', sender: 'Maria', text: 'bread '.repeat(3_000) }));
    const last = dm.read(pane, url, 30)!.messages.at(-1)!;
    expect(last.text.length).toBe(MAX_CHAT_MESSAGE_CHARS);
    expect(last.text.endsWith('…')).toBe(true);
  });

  it('keeps the line breaks of a message written on several lines', () => {
    const { pane, url, list } = mount(DM_ONE_TO_ONE);
    const row = buildRow(document, { id: 'l', from: 'them', sender: 'Maria', text: '' });
    const body = row.querySelector('div[dir="auto"]')!;
    body.append('First line', document.createElement('br'), 'Second line');
    list.append(row);
    expect(dm.read(pane, url, 30)!.messages.at(-1)!.text).toBe('First line\nSecond line');
  });

  it('changes the pane key when a new message arrives, and keeps it when nothing changed', () => {
    const { pane, list } = mount(DM_ONE_TO_ONE);
    const before = dm.paneKey(pane);
    expect(before).toBeTruthy();
    expect(dm.paneKey(pane)).toBe(before);
    list.append(buildRow(document, { id: 'n', from: 'them', sender: 'Maria', text: 'Also, what hydration?' }, { first: false }));
    expect(dm.paneKey(pane)).not.toBe(before);
  });

  it("finds the creator's message once it shows as sent, and not someone else's with the same words", () => {
    const { pane, list } = mount(DM_ONE_TO_ONE);
    expect(dm.findSentMessage(pane, 'Is the rice flour on the banneton necessary?')).toBeNull();
    expect(dm.findSentMessage(pane, 'Not strictly, but it helps a lot.')).toBeNull();
    const row = buildRow(document, { id: 's', from: 'me', sender: 'You', text: 'Not strictly,\nbut it helps a lot.' });
    list.append(row);
    expect(dm.findSentMessage(pane, 'Not strictly, but it helps a lot.')).toBe(row);
  });

  it('names the longest message the composer takes', () => {
    const { pane } = mount(DM_ONE_TO_ONE);
    expect(dm.messageLimit?.(pane)).toBe(SITE_DM_LIMITS.facebook);
  });
});

describe('finding the Messenger pane and its composer around a long message list', () => {
  it('finds the conversation’s main after the chat list’s grid, and only while it shows rows and a message box', () => {
    const { main, list, composer: built } = mount(DM_ONE_TO_ONE, { total: 300 });
    expect(dm.panes(document)).toEqual([main]);
    // The composer wrapped deeper below the list: still found.
    const wrap = document.createElement('div');
    built.row.replaceWith(wrap);
    wrap.append(built.row);
    expect(dm.panes(document)).toEqual([main]);
    expect(dm.composer(main)?.editor).toBe(built.model.editor);
    // No message box (a conversation that can't be answered): no pane.
    built.row.remove();
    expect(dm.panes(document)).toEqual([]);
    expect(dm.buttonHost(main)).toBeNull();
    // A message box but no rows: no pane either.
    wrap.append(built.row);
    list.replaceChildren();
    expect(dm.panes(document)).toEqual([]);
  }, 30_000);

  it('takes the composer’s box, not a search field above the messages, and puts the button among its actions', () => {
    const { pane, composer: built } = mount(DM_ONE_TO_ONE, { total: 300 });
    const search = document.createElement('div');
    search.setAttribute('contenteditable', 'true');
    search.setAttribute('role', 'textbox');
    search.setAttribute('aria-label', 'Search in conversation');
    pane.querySelector('[role="grid"][aria-label^="Messages"]')!.before(search);
    expect(dm.composer(pane)?.editor).toBe(built.model.editor);
    expect(dm.buttonHost(pane)).toBe(built.row.firstElementChild);
    expect(dm.editorSlot(pane)).toBe(built.row);
  }, 30_000);
});

describe('the Messenger composer', () => {
  it.each<DmLocale>(['en', 'es'])('finds the Lexical message box, its send arrow, and places the button and editor beside it (%s)', (locale) => {
    const { pane, composer: built } = mount(DM_ONE_TO_ONE, { locale });
    const composer = dm.composer(pane)!;
    expect(composer).toEqual({ editor: built.model.editor, kind: 'lexical' });
    expect(composer.editor.getAttribute('aria-label')).toBe(DM_LOCALES[locale].message);
    expect(dm.submitButtonFor(composer)).toBe(built.sendButton);
    expect(dm.editorSlot(pane)).toBe(built.row);
    const host = dm.buttonHost(pane)!;
    expect(built.row.contains(host)).toBe(true);
    expect(host.contains(composer.editor)).toBe(false);
    // Our own button in the row is never taken for the send arrow.
    host.append(document.createElement('understudy-draft-button'));
    expect(dm.submitButtonFor(composer)).toBe(built.sendButton);
  });

  it('fills the box through paste with a multi-line draft, keeps its line breaks, enables the send arrow, and sends nothing', async () => {
    const sent: string[] = [];
    const { pane, composer: built } = mount(DM_ONE_TO_ONE, { onSend: (text) => sent.push(text) });
    const keys: string[] = [];
    document.addEventListener('keydown', (event) => keys.push(event.key), true);
    const composer = dm.composer(pane)!;
    const submit = dm.submitButtonFor(composer);
    expect(submit?.getAttribute('aria-disabled')).toBe('true');
    const draft = 'Not strictly necessary!\n\nRice flour just sticks the least.\nTry it once.';
    const outcome = await insertText(composer.editor, draft, submit, { kind: composer.kind });
    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(built.model.state()).toBe(draft);
    expect(submit?.getAttribute('aria-disabled')).toBe('false');
    expect(keys).toEqual([]);
    expect(built.guard.syntheticKeyEvents()).toBe(0);
    expect(sent).toEqual([]);
  });

  it('leaves the send arrow disabled when a script only writes into the box', () => {
    const { pane, composer: built } = mount(DM_ONE_TO_ONE);
    const composer = dm.composer(pane)!;
    composer.editor.textContent = 'written behind Lexical';
    expect(built.model.state()).toBe('');
    expect(dm.submitButtonFor(composer)?.getAttribute('aria-disabled')).toBe('true');
  });
});
