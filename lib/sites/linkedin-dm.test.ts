import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_PLACEHOLDERS, conversationSchema, defaultAnswering, dmAnswer } from '../core/conversation';
import { SITE_DM_LIMITS } from '../core/limits';
import { DM_GROUP, DM_HOSTILE, DM_LATEST, DM_ONE_TO_ONE, GROUP_LATEST_SENDER, GROUP_OTHER_SENDER } from '../../e2e/sites/shared/chat-kit.js';
import { CREATOR, buildConversation, eventUrn, mountConversation, threadIdFor } from '../../e2e/sites/linkedin/messaging-dom.js';
import { insertText } from './insert';
import { linkedin } from './linkedin';
import { linkedinConversations as dm } from './linkedin-dm';

const threadUrl = (c: { id: string }) => `https://www.linkedin.com/messaging/thread/${threadIdFor(c as typeof DM_ONE_TO_ONE)}/`;
const FEED = 'https://www.linkedin.com/feed/';

afterEach(() => {
  document.body.replaceChildren();
  delete (document as { execCommand?: unknown }).execCommand;
});

describe('linkedin conversations pageKind', () => {
  it.each([
    ['https://www.linkedin.com/messaging/thread/2-maria-1001/', 'dm'],
    ['https://www.linkedin.com/messaging/thread/2-YmE2ZTk2NjctYTZjMC00/?filter=unread', 'dm'],
    ['https://www.linkedin.com/messaging/thread/2-YmE2ZTk2', 'dm'],
    ['https://www.linkedin.com/messaging/', 'dm'],
    ['https://www.linkedin.com/feed/', 'dm-overlay'],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7301000000000000001/', 'dm-overlay'],
    ['https://www.linkedin.com/in/crumbandcrust/', 'dm-overlay'],
    ['https://www.linkedin.com/', 'dm-overlay'],
    ['https://www.linkedin.com/messaging/thread/new/', null],
    ['https://www.linkedin.com/messaging/compose/', null],
    ['https://www.linkedin.com/login', null],
    ['https://www.linkedin.com/checkpoint/challenge/x', null],
    ['http://www.linkedin.com/messaging/', null],
    ['https://linkedin.com/feed/', null],
    ['https://www.linkedin.com.evil.example/messaging/thread/2-x/', null],
  ])('%s → %s', (url, expected) => {
    expect(dm.pageKind(new URL(url))).toBe(expected);
  });

  it('is the conversations adapter of the LinkedIn site adapter', () => {
    expect(linkedin.conversations).toBe(dm);
  });
});

describe('reading a LinkedIn conversation on the thread page', () => {
  it('reads who sent each message, the creator’s own as "You", media as placeholders, oldest first', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE);
    expect(dm.panes(document)).toEqual([view.pane]);
    const read = dm.read(view.pane, threadUrl(DM_ONE_TO_ONE), 30)!;
    expect(read.id).toBe('2-maria-1001');
    expect(read.title).toBe('Maria');
    expect(read.group).toBe(false);
    expect(read.messages.map((m) => [m.from, m.sender, m.text])).toEqual([
      ['them', 'Maria', 'Hi! I watched your banneton video last night'],
      ['me', 'You', 'Hi Maria, thanks for watching!'],
      ['them', 'Maria', MESSAGE_PLACEHOLDERS.voice],
      ['them', 'Maria', 'Does this method work with rye?'],
      ['me', 'You', 'It does, rye ferments faster though.'],
      ['them', 'Maria', MESSAGE_PLACEHOLDERS.photo],
      ['them', 'Maria', DM_LATEST],
    ]);
    // A run's later rows have no name line: the sender and profile handle carry down.
    expect(read.messages[6]).toMatchObject({ handle: 'maria.bakes', id: eventUrn(DM_ONE_TO_ONE.messages[6]!) });
    expect(read.messages[5]!.at).toBe('6:00 PM');
    expect(read.messages[6]!.at).toBeUndefined();
    expect(read.messages[1]!.handle).toBeUndefined();
    // What the draft answers by default: the photo and the question after the creator's reply.
    const answer = dmAnswer(read)!;
    expect(answer.text).toBe(`${MESSAGE_PLACEHOLDERS.photo}\n${DM_LATEST}`);
    expect(conversationSchema.safeParse({ ...read, answering: defaultAnswering(read.messages) }).success).toBe(true);
  });

  it('reads the machine time where a message’s time carries one', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE);
    view.pane.querySelector('time.msg-s-message-group__timestamp')!.setAttribute('datetime', '2026-11-20T09:00:00Z');
    expect(dm.read(view.pane, threadUrl(DM_ONE_TO_ONE), 30)!.messages[0]!.at).toBe('2026-11-20T09:00:00.000Z');
  });

  it('tells a group chat’s senders apart, so the draft answers the one who wrote last', () => {
    const view = mountConversation(document, DM_GROUP);
    const read = dm.read(view.pane, threadUrl(DM_GROUP), 30)!;
    expect(read.group).toBe(true);
    expect(read.title).toBe('Sourdough club');
    expect(read.messages.map((m) => [m.sender, m.handle])).toEqual([
      [GROUP_OTHER_SENDER, 'grainnerd'],
      [GROUP_LATEST_SENDER, 'danny_k'],
    ]);
    expect(dmAnswer(read)!.author).toBe(GROUP_LATEST_SENDER);
  });

  it('reads hostile names and messages as exact text and never turns them into markup', () => {
    const view = mountConversation(document, DM_HOSTILE);
    const read = dm.read(view.pane, threadUrl(DM_HOSTILE), 30)!;
    expect(read.title).toBe(DM_HOSTILE.title);
    expect(read.messages.map((m) => m.text)).toEqual(DM_HOSTILE.messages.map((m) => m.text));
    expect(read.messages.every((m) => m.sender === DM_HOSTILE.title)).toBe(true);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('reads only the latest rows of a long conversation, with the sender of a run that began above them', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE, { count: 1000 });
    expect(view.pane.querySelectorAll('li.msg-s-message-list__event')).toHaveLength(1000);
    const read = dm.read(view.pane, threadUrl(DM_ONE_TO_ONE), 3)!;
    expect(read.messages.map((m) => m.text)).toEqual(['It does, rye ferments faster though.', MESSAGE_PLACEHOLDERS.photo, DM_LATEST]);
    // Cut in the middle of Maria's run (voice note, then the rye question): the sender is found above.
    const two = dm.read(view.pane, threadUrl(DM_ONE_TO_ONE), 4)!;
    expect(two.messages[0]).toMatchObject({ from: 'them', sender: 'Maria', text: 'Does this method work with rye?' });
  }, 30_000);

  it('still reads the latest messages when the rows are not the list’s own children', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE);
    const list = view.pane.querySelector('ul.msg-s-message-list-content')!;
    const rows = [...list.children];
    const wrap = document.createElement('div');
    wrap.append(...rows);
    list.append(wrap);
    const read = dm.read(view.pane, threadUrl(DM_ONE_TO_ONE), 2)!;
    expect(read.messages.map((m) => [m.sender, m.text])).toEqual([
      ['Maria', MESSAGE_PLACEHOLDERS.photo],
      ['Maria', DM_LATEST],
    ]);
  });

  it('gives no conversation for a pane that shows no messages yet', () => {
    const view = mountConversation(document, { ...DM_ONE_TO_ONE, messages: [] });
    expect(dm.read(view.pane, threadUrl(DM_ONE_TO_ONE), 30)).toBeNull();
    expect(dm.paneKey(view.pane)).toBeNull();
    // The composer is still there: the button can sit beside it.
    expect(dm.composer(view.pane)).not.toBeNull();
  });

  it('changes the pane key when a message arrives, and keeps it when LinkedIn re-renders the rows in place', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE);
    const before = dm.paneKey(view.pane);
    expect(before).toContain(eventUrn(DM_ONE_TO_ONE.messages[6]!));
    const rows = [...view.pane.querySelectorAll('li.msg-s-message-list__event')];
    view.recycle();
    expect([...view.pane.querySelectorAll('li.msg-s-message-list__event')]).toEqual(rows);
    expect(dm.paneKey(view.pane)).toBe(before);
    view.receive('Also, what hydration do you use?');
    expect(dm.paneKey(view.pane)).not.toBe(before);
    const read = dm.read(view.pane, threadUrl(DM_ONE_TO_ONE), 30)!;
    expect(read.messages.at(-1)).toMatchObject({ from: 'them', sender: 'Maria', text: 'Also, what hydration do you use?' });
  });

  it('finds the creator’s message only once the conversation shows it sent', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE);
    expect(dm.findSentMessage(view.pane, 'Not needed, semolina works too.')).toBeNull();
    // The other side saying the same words is not the creator's message.
    view.receive('Not needed, semolina works too.');
    expect(dm.findSentMessage(view.pane, 'Not needed, semolina works too.')).toBeNull();
    view.showSent('Not needed,\nsemolina works too.');
    const found = dm.findSentMessage(view.pane, 'Not needed, semolina works too.');
    expect(found?.classList.contains('msg-s-event-listitem--other')).toBe(false);
    expect(found?.textContent).toContain('semolina');
  });
});

describe('reading LinkedIn overlay bubbles over the feed', () => {
  it('finds every open bubble as its own pane, each read with its own title and messages', () => {
    const maria = mountConversation(document, DM_ONE_TO_ONE, { variant: 'overlay' });
    const club = buildConversation(document, DM_GROUP, { variant: 'overlay' });
    document.querySelector('#msg-overlay')!.append(club.pane);
    expect(dm.panes(document)).toEqual([maria.pane, club.pane]);
    const a = dm.read(maria.pane, FEED, 30)!;
    const b = dm.read(club.pane, FEED, 30)!;
    expect([a.title, a.group, a.messages.at(-1)!.text]).toEqual(['Maria', false, DM_LATEST]);
    expect([b.title, b.group, b.messages.at(-1)!.sender]).toEqual(['Sourdough club', true, GROUP_LATEST_SENDER]);
    // A bubble names its conversation by the other person's profile, or the group's title.
    expect(a.id).toBe('in:maria.bakes');
    expect(b.id).toBe('title:Sourdough club');
    expect(dm.paneKey(maria.pane)).not.toBe(dm.paneKey(club.pane));
  });

  it('takes the thread id from a link to the thread where the bubble shows one', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE, { variant: 'overlay' });
    const link = document.createElement('a');
    link.href = '/messaging/thread/2-YmE2ZTk2/';
    view.pane.querySelector('header')!.append(link);
    expect(dm.read(view.pane, FEED, 30)!.id).toBe('2-YmE2ZTk2');
  });

  it('finds bubbles LinkedIn mounts in the interop outlet’s shadow root', () => {
    const host = document.createElement('div');
    host.id = 'interop-outlet';
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const view = buildConversation(document, DM_ONE_TO_ONE, { variant: 'overlay' });
    root.append(view.pane);
    expect(dm.panes(document)).toEqual([view.pane]);
    expect(dm.read(view.pane, FEED, 30)!.messages.at(-1)!.text).toBe(DM_LATEST);
  });
});

describe('finding LinkedIn’s panes and their parts around long message lists', () => {
  it('finds every pane, in page order, whether its form comes before, after or deep below the list', () => {
    const thread = mountConversation(document, DM_ONE_TO_ONE, { count: 300 });
    const maria = buildConversation(document, DM_ONE_TO_ONE, { variant: 'overlay', count: 300 });
    const club = buildConversation(document, DM_GROUP, { variant: 'overlay' });
    const overlay = document.createElement('aside');
    overlay.id = 'msg-overlay';
    overlay.append(maria.pane, club.pane);
    document.body.append(overlay);
    // The club's form moved above its list, Maria's wrapped twice below hers.
    club.pane.querySelector('.msg-s-message-list-container')!.before(club.composer.form);
    const deep = document.createElement('div');
    deep.append(document.createElement('div'));
    maria.composer.form.replaceWith(deep);
    deep.firstElementChild!.append(maria.composer.form);
    const host = document.createElement('div');
    host.id = 'interop-outlet';
    document.body.append(host);
    const shadowed = buildConversation(document, DM_GROUP, { variant: 'overlay' });
    host.attachShadow({ mode: 'open' }).append(shadowed.pane);
    expect(dm.panes(document)).toEqual([thread.pane, maria.pane, club.pane, shadowed.pane]);
    expect(dm.buttonHost(maria.pane)?.classList.contains('msg-form__left-actions')).toBe(true);
    expect(dm.editorSlot(club.pane)).toBe(club.composer.form);
    expect(dm.composer(maria.pane)?.editor).toBe(maria.composer.editor);
    // A pane whose form is gone is no pane.
    thread.composer.form.remove();
    expect(dm.panes(document)).toEqual([maria.pane, club.pane, shadowed.pane]);
    expect(dm.buttonHost(thread.pane)).toBeNull();
  }, 30_000);

  it('puts the button in the form itself when the form shows no action row', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE, { count: 200 });
    view.pane.querySelector('.msg-form__footer')!.remove();
    expect(dm.buttonHost(view.pane)).toBe(view.composer.form);
  }, 30_000);

  it('keys an overlay bubble that shows no thread link by its title, not by a link inside a message', () => {
    const view = mountConversation(document, DM_GROUP, { variant: 'overlay', count: 200 });
    const urn = eventUrn(DM_GROUP.messages.at(-1)!);
    expect(dm.paneKey(view.pane)).toBe(`title:Sourdough club\u0000${urn}`);
    // A message linking to another thread names no conversation: the bubble keeps its key.
    const link = document.createElement('a');
    link.href = '/messaging/thread/2-someone-else/';
    view.pane.querySelector('.msg-s-event-listitem__body')!.append(link);
    expect(dm.paneKey(view.pane)).toBe(`title:Sourdough club\u0000${urn}`);
    expect(dm.read(view.pane, FEED, 30)!.id).toBe('title:Sourdough club');
    // The header's own link to the thread still does.
    const own = document.createElement('a');
    own.href = '/messaging/thread/2-club/';
    view.pane.querySelector('header')!.append(own);
    expect(dm.paneKey(view.pane)).toBe(`2-club\u0000${urn}`);
  }, 30_000);
});

describe('the LinkedIn message composer', () => {
  /** The browser's editing commands in a plain contenteditable: text, and a new <p> per line. */
  function installExecCommand(): void {
    const fake = (command: string, _ui?: boolean, value?: string): boolean => {
      const selection = window.getSelection();
      const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
      const node = range?.commonAncestorContainer ?? null;
      const editable = node && (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest<HTMLElement>('[contenteditable="true"]');
      if (!range || !editable) return false;
      if (command === 'insertParagraph') {
        const p = document.createElement('p');
        editable.append(p);
        range.selectNodeContents(p);
      } else if (command === 'insertText' && value) {
        range.deleteContents();
        let p = (range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement)?.closest('p');
        if (!p || !editable.contains(p)) {
          editable.replaceChildren((p = document.createElement('p')));
          range.selectNodeContents(p);
        }
        p.replaceChildren(document.createTextNode(value));
        range.selectNodeContents(p);
        range.collapse(false);
      } else if (command === 'delete') {
        range.deleteContents();
      } else return false;
      editable.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: command }));
      return true;
    };
    Object.defineProperty(document, 'execCommand', { configurable: true, value: fake });
  }

  it('finds the plain composer, its send button (disabled while empty), the action row and the editor’s slot', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE);
    const composer = dm.composer(view.pane)!;
    expect(composer).toEqual({ editor: view.composer.editor, kind: 'plain' });
    const submit = dm.submitButtonFor(composer) as HTMLButtonElement;
    expect(submit).toBe(view.composer.submit);
    expect(submit.disabled).toBe(true);
    expect(dm.buttonHost(view.pane)?.classList.contains('msg-form__left-actions')).toBe(true);
    expect(dm.editorSlot(view.pane)).toBe(view.composer.form);
    expect(dm.messageLimit?.(view.pane)).toBe(SITE_DM_LIMITS.linkedin);
  });

  it('fills a multi-line draft line by line, enables Send, and neither sends nor presses a key', async () => {
    installExecCommand();
    const view = mountConversation(document, DM_ONE_TO_ONE, { variant: 'overlay' });
    const keys: string[] = [];
    document.addEventListener('keydown', (e) => keys.push(e.key), true);
    const composer = dm.composer(view.pane)!;
    const submit = dm.submitButtonFor(composer);
    const outcome = await insertText(composer.editor, 'Not needed, semolina works too.\nHappy baking!', submit, { kind: composer.kind, settleMs: 30 });
    expect(outcome).toEqual({ ok: true, method: 'exec-command' });
    expect(view.composer.state()).toBe('Not needed, semolina works too.\nHappy baking!');
    expect([...composer.editor.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Not needed, semolina works too.', 'Happy baking!']);
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    expect(keys).toEqual([]);
    expect(view.composer.keyEvents()).toBe(0);
    expect(view.sent()).toEqual([]);
  });

  it('sends on Enter, as LinkedIn does: the reason Understudy never dispatches one', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE);
    view.composer.editor.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'hello' }));
    view.composer.editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
    view.composer.editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(view.sent()).toEqual(['hello']);
    expect(view.composer.keyEvents()).toBe(1);
    expect(view.composer.state()).toBe('');
  });

  it('shows the creator’s own messages under the creator’s name on the page, read back as "You"', () => {
    const view = mountConversation(document, DM_ONE_TO_ONE);
    const own = [...view.pane.querySelectorAll('.msg-s-event-listitem:not(.msg-s-event-listitem--other) .msg-s-message-group__name')];
    expect(own.map((n) => n.textContent)).toContain(CREATOR.author);
    expect(dm.read(view.pane, threadUrl(DM_ONE_TO_ONE), 30)!.messages.filter((m) => m.from === 'me').every((m) => m.sender === 'You')).toBe(true);
  });
});
