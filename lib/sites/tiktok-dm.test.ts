import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGE_PLACEHOLDERS, conversationSchema, defaultAnswering, dmAnswer } from '../core/conversation';
import { SITE_DM_LIMITS } from '../core/limits';
import { DM_EARLIER, DM_GROUP, DM_HOSTILE, DM_LATEST, DM_ONE_TO_ONE, GROUP_LATEST_SENDER, GROUP_OTHER_SENDER } from '../../e2e/sites/shared/chat-kit.js';
import { CLS, mountMessages } from '../../e2e/sites/tiktok/messages-dom.js';
import { insertText } from './insert';
import { tiktok } from './tiktok';
import { tiktokConversations as dm } from './tiktok-dm';

const URL_DM = 'https://www.tiktok.com/messages?lang=en';

afterEach(() => {
  document.body.replaceChildren();
});

function open(conversation: typeof DM_ONE_TO_ONE, count?: number) {
  const mounted = mountMessages(document, conversation, { count });
  return { ...mounted, view: mounted.view! };
}

describe('tiktok conversations pageKind', () => {
  it.each([
    ['https://www.tiktok.com/messages', 'dm'],
    ['https://www.tiktok.com/messages?lang=en', 'dm'],
    ['https://www.tiktok.com/messages?lang=en&u=6912345678901234567', 'dm'],
    ['https://www.tiktok.com/messages/', 'dm'],
    ['https://www.tiktok.com/', null],
    ['https://www.tiktok.com/foryou', null],
    ['https://www.tiktok.com/@crumbandcrust', null],
    ['https://www.tiktok.com/@crumbandcrust/video/7312345678901234567', null],
    ['https://www.tiktok.com/messages/settings', null],
    ['https://www.tiktok.com/messagesx', null],
    ['http://www.tiktok.com/messages', null],
    ['https://m.tiktok.com/messages', null],
    ['https://www.tiktok.com.evil.example/messages', null],
  ])('%s → %s', (url, expected) => {
    expect(dm.pageKind(new URL(url))).toBe(expected);
  });

  it('is the conversations adapter of the TikTok site adapter, and the comment pages stay as they were', () => {
    expect(tiktok.conversations).toBe(dm);
    expect(tiktok.pageKind(new URL(URL_DM))).toBeNull();
  });
});

describe('reading a TikTok conversation', () => {
  it('reads who sent each message, the creator’s own as "You", media as placeholders, oldest first', () => {
    const { view } = open(DM_ONE_TO_ONE);
    expect(dm.panes(document)).toEqual([view.pane]);
    const read = dm.read(view.pane, URL_DM, 30)!;
    expect(read.id).toBe('@maria.bakes');
    expect(read.title).toBe('Maria');
    expect(read.group).toBe(false);
    expect(read.messages.map((m) => [m.from, m.sender, m.text])).toEqual([
      ['them', 'Maria', 'Hi! I watched your banneton video last night'],
      ['me', 'You', 'Hi Maria, thanks for watching!'],
      ['them', 'Maria', MESSAGE_PLACEHOLDERS.voice],
      ['them', 'Maria', DM_EARLIER],
      ['me', 'You', 'It does, rye ferments faster though.'],
      ['them', 'Maria', MESSAGE_PLACEHOLDERS.photo],
      ['them', 'Maria', DM_LATEST],
    ]);
    expect(read.messages[6]).toMatchObject({ handle: 'maria.bakes' });
    // TikTok shows no message id and no machine time.
    expect(read.messages[6]!.id).toBeUndefined();
    expect(read.messages[6]!.at).toBeUndefined();
    expect(read.messages[1]!.handle).toBeUndefined();
    const answer = dmAnswer(read)!;
    expect(answer.text).toBe(`${MESSAGE_PLACEHOLDERS.photo}\n${DM_LATEST}`);
    expect(answer.author).toBe('Maria');
    expect(conversationSchema.safeParse({ ...read, answering: defaultAnswering(read.messages) }).success).toBe(true);
  });

  it('still tells the creator’s messages apart in a 1:1 when TikTok drops the own-message class, by the avatar’s profile', () => {
    const { view } = open(DM_ONE_TO_ONE);
    for (const row of view.pane.querySelectorAll('[data-e2e="chat-item"]')) row.setAttribute('class', CLS.item!);
    const read = dm.read(view.pane, URL_DM, 30)!;
    expect(read.messages.map((m) => m.from)).toEqual(['them', 'me', 'them', 'them', 'me', 'them', 'them']);
  });

  it('reads a machine time where a row carries one', () => {
    const { view } = open(DM_ONE_TO_ONE);
    const rows = view.pane.querySelectorAll('[data-e2e="chat-item"]');
    const time = document.createElement('time');
    time.setAttribute('datetime', '2026-11-26T18:01:00Z');
    rows[rows.length - 1]!.append(time);
    expect(dm.read(view.pane, URL_DM, 30)!.messages.at(-1)!.at).toBe('2026-11-26T18:01:00.000Z');
  });

  it('tells a group chat’s senders apart, so the draft answers the one who wrote last', () => {
    const { view } = open(DM_GROUP);
    const read = dm.read(view.pane, URL_DM, 30)!;
    expect(read.group).toBe(true);
    expect(read.title).toBe('Sourdough club');
    expect(read.id).toBe('title:Sourdough club');
    expect(read.messages.map((m) => [m.from, m.sender, m.handle])).toEqual([
      ['them', GROUP_OTHER_SENDER, 'grainnerd'],
      ['them', GROUP_LATEST_SENDER, 'danny_k'],
    ]);
    expect(dmAnswer(read)!.author).toBe(GROUP_LATEST_SENDER);
  });

  it('finds a group member’s name above the rows read when their run began higher up', () => {
    const club = {
      ...DM_GROUP,
      messages: [
        ...DM_GROUP.messages,
        { id: 'g3', from: 'them' as const, sender: 'Danny K', handle: 'danny_k', text: 'Also: fridge or counter?', at: '2026-11-25T08:03:00.000Z' },
      ],
    };
    const { view } = open(club);
    const read = dm.read(view.pane, URL_DM, 1)!;
    expect(read.messages).toEqual([{ from: 'them', sender: GROUP_LATEST_SENDER, handle: 'danny_k', text: 'Also: fridge or counter?' }]);
  });

  it('reads hostile names and messages as exact text and never turns them into markup', () => {
    const { view } = open(DM_HOSTILE);
    const read = dm.read(view.pane, URL_DM, 30)!;
    expect(read.title).toBe(DM_HOSTILE.title);
    expect(read.messages.map((m) => m.text)).toEqual(DM_HOSTILE.messages.map((m) => m.text));
    expect(read.messages.every((m) => m.sender === DM_HOSTILE.title && m.from === 'them')).toBe(true);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('reads only the latest rows of a long conversation, never the whole list', () => {
    const { view } = open(DM_ONE_TO_ONE, 1000);
    expect(view.pane.querySelectorAll('[data-e2e="chat-item"]')).toHaveLength(1000);
    const spy = vi.spyOn(Element.prototype, 'querySelectorAll');
    const read = dm.read(view.pane, URL_DM, 3)!;
    // No query over every row of the list (one per row read, for its words and media).
    expect(spy.mock.instances.filter((el) => el === view.list || el === view.pane)).toHaveLength(0);
    spy.mockRestore();
    expect(read.messages.map((m) => m.text)).toEqual(['It does, rye ferments faster though.', MESSAGE_PLACEHOLDERS.photo, DM_LATEST]);
  }, 30_000);

  it('reads a shared video as a placeholder with its title', () => {
    const { view } = open(DM_ONE_TO_ONE);
    view.receive('');
    const rows = view.pane.querySelectorAll('[data-e2e="chat-item"]');
    const card = document.createElement('a');
    card.href = '/@crumbandcrust/video/7312345678901234567';
    card.textContent = 'My 72-hour sourdough method';
    rows[rows.length - 1]!.querySelector(`[class*="DivCommentContainer"]`)!.append(card);
    expect(dm.read(view.pane, URL_DM, 30)!.messages.at(-1)).toMatchObject({
      from: 'them',
      text: MESSAGE_PLACEHOLDERS.sharedPost('My 72-hour sourdough method'),
    });
  });

  it('gives no conversation while the pane shows no messages, yet keeps the composer findable', () => {
    const { view } = open({ ...DM_ONE_TO_ONE, messages: [] });
    expect(dm.panes(document)).toEqual([view.pane]);
    expect(dm.read(view.pane, URL_DM, 30)).toBeNull();
    expect(dm.paneKey(view.pane)).toBeNull();
    expect(dm.composer(view.pane)).not.toBeNull();
  });

  it('finds no pane on the inbox before a conversation is opened', () => {
    mountMessages(document, null);
    expect(document.querySelectorAll('[data-e2e="chat-list-item"]')).toHaveLength(3);
    expect(dm.panes(document)).toEqual([]);
  });

  it('changes the pane key when a message arrives or another conversation opens, and keeps it when rows re-render in place', () => {
    const { view } = open(DM_ONE_TO_ONE);
    const before = dm.paneKey(view.pane);
    expect(before).toContain('@maria.bakes');
    expect(before).toContain(DM_LATEST);
    const rows = [...view.pane.querySelectorAll('[data-e2e="chat-item"]')];
    view.recycle();
    expect([...view.pane.querySelectorAll('[data-e2e="chat-item"]')]).toEqual(rows);
    expect(dm.paneKey(view.pane)).toBe(before);
    view.receive('Also, what hydration do you use?');
    expect(dm.paneKey(view.pane)).not.toBe(before);
    expect(dm.read(view.pane, URL_DM, 30)!.messages.at(-1)).toMatchObject({ from: 'them', sender: 'Maria', text: 'Also, what hydration do you use?' });
    document.body.replaceChildren();
    const club = open(DM_GROUP);
    expect(dm.paneKey(club.view.pane)).toContain('title:Sourdough club');
  });

  it('finds the creator’s message only once the conversation shows it sent', () => {
    const { view } = open(DM_ONE_TO_ONE);
    expect(dm.findSentMessage(view.pane, 'Not needed, semolina works too.')).toBeNull();
    view.receive('Not needed, semolina works too.');
    expect(dm.findSentMessage(view.pane, 'Not needed, semolina works too.')).toBeNull();
    view.showSent('Not needed,\nsemolina works too.');
    const found = dm.findSentMessage(view.pane, 'Not needed, semolina works too.');
    expect(found?.className).toContain('Self');
    expect(found?.textContent).toContain('semolina');
  });
});

describe('finding the TikTok pane and its parts around a long message list', () => {
  it('finds the pane, the composer, the button’s host and the editor’s slot without querying inside the list', () => {
    const { view } = open(DM_ONE_TO_ONE, 500);
    const spy = vi.spyOn(Element.prototype, 'querySelector');
    const spyAll = vi.spyOn(Element.prototype, 'querySelectorAll');
    expect(dm.panes(document)).toEqual([view.pane]);
    expect(dm.paneKey(view.pane)).toContain(DM_LATEST);
    expect(dm.buttonHost(view.pane)).toBe(view.composer.area);
    expect(dm.editorSlot(view.pane)).toBe(view.composer.bottom);
    expect(dm.composer(view.pane)?.editor).toBe(view.composer.editor);
    // Every query made on the list or an element holding it looks for the first row only (found
    // at once: it is the list's first child); nothing else is looked for among the rows.
    const calls = [...spy.mock.calls.map((c, i) => [c[0], spy.mock.instances[i]] as const), ...spyAll.mock.calls.map((c, i) => [c[0], spyAll.mock.instances[i]] as const)];
    const overRows = calls.filter(([, el]) => el === view.list || (el as unknown as Element).contains(view.list));
    expect(overRows.length).toBeGreaterThan(0);
    expect(new Set(overRows.map(([selector]) => selector))).toEqual(new Set(['[data-e2e="chat-item"]']));
    spy.mockRestore();
    spyAll.mockRestore();
  }, 30_000);

  it('finds the pane by the rows and header around the composer when TikTok renames its panel', () => {
    const { view } = open(DM_ONE_TO_ONE);
    view.pane.setAttribute('class', 'css-9zz9zz-DivConversationPanel e1x');
    expect(dm.panes(document)).toEqual([view.pane]);
    expect(dm.read(view.pane, URL_DM, 30)!.messages.at(-1)!.text).toBe(DM_LATEST);
  });
});

describe('the TikTok message composer', () => {
  it('finds the Draft.js composer, its send control (disabled while empty), the composer’s row and the editor’s slot', () => {
    const { view } = open(DM_ONE_TO_ONE);
    const composer = dm.composer(view.pane)!;
    expect(composer).toEqual({ editor: view.composer.editor, kind: 'draftjs' });
    const submit = dm.submitButtonFor(composer)!;
    expect(submit).toBe(view.composer.submit);
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(dm.buttonHost(view.pane)).toBe(view.composer.area);
    expect(dm.editorSlot(view.pane)).toBe(view.composer.bottom);
    expect(dm.messageLimit?.(view.pane)).toBe(SITE_DM_LIMITS.tiktok);
  });

  it('refuses synthetic insertion, as TikTok does, so Insert falls back to Copy: nothing typed, no key pressed, nothing sent', async () => {
    const { view, sent } = open(DM_ONE_TO_ONE);
    const keys: string[] = [];
    document.addEventListener('keydown', (e) => keys.push(e.key), true);
    const composer = dm.composer(view.pane)!;
    const submit = dm.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const outcome = await insertText(composer.editor, 'Not needed, semolina works too.\nHappy baking!', submit, {
      kind: composer.kind,
      boxLabel: "TikTok's message box",
      settleMs: 20,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toMatch(/Copy/);
    expect(view.composer.state()).toBe('');
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(keys).toEqual([]);
    expect(view.composer.keyEvents()).toBe(0);
    expect(clicks).not.toHaveBeenCalled();
    expect(sent()).toEqual([]);
  });

  it('sends on Enter, as TikTok does: the reason Understudy never dispatches one', () => {
    const { view, sent } = open(DM_ONE_TO_ONE);
    view.composer.editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    // An empty box sends nothing, but the synthetic key was seen.
    expect(sent()).toEqual([]);
    expect(view.composer.keyEvents()).toBe(1);
  });
});
