/**
 * "Forget <name>" in the side panel (issue 11): a contact is deleted with what was kept of their
 * conversations, after a confirmation that names what goes and what stays.
 */
import { act } from 'react';
import { contactKey, getContact, setContactNote, touchContact } from '@/lib/memory/contacts-repo';
import { getDb, type DraftRow } from '@/lib/memory/db';
import { addSentExample } from '@/lib/memory/examples-repo';
import { ContactNote } from './ContactNote';
import { DraftCard } from './DraftCard';
import { byText, mount, until, type Mounted } from './test-render';

let view: Mounted;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  view = mount();
});

afterEach(() => view.unmount());

const KEY = contactKey('x', 'Maya Lin');
const CHAT_URL = 'https://x.com/i/chat/1234-5678';

function dmDraft(): DraftRow {
  return {
    site: 'x',
    commentId: 'dm:1234-5678',
    author: 'Maya Lin',
    commentText: 'Are you around Friday?',
    pageUrl: CHAT_URL,
    text: 'Friday works!',
    engineText: 'Friday works!',
    engine: 'memory',
    exampleIds: [],
    status: 'queued',
    createdAt: 1,
    updatedAt: 1,
    kind: 'dm',
    conversation: {
      id: '1234-5678',
      group: false,
      messages: [{ from: 'them', sender: 'Maya Lin', text: 'Are you around Friday?' }],
      answering: [0],
    },
  };
}

/** Maya: a note, one conversation, a queued DM draft, a DM reply and a public comment reply. */
async function seedMaya(): Promise<number> {
  const db = getDb();
  await touchContact(db, { platform: 'x', handle: 'Maya Lin', at: 1000, conversation: { id: '1234-5678', url: CHAT_URL } });
  await setContactNote(db, KEY, 'Met at the bakery meetup');
  await addSentExample(db, { incoming: 'Coffee sometime?', reply: 'Sure, Tuesday?', platform: 'x', contactKey: KEY, kind: 'dm' });
  await addSentExample(db, { incoming: 'Great video', reply: 'Thanks Maya!', platform: 'x', contactKey: KEY, kind: 'comment' });
  return (await db.drafts.add(dmDraft())) as number;
}

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');

async function openForget() {
  await until(() => expect(byText(view.container, 'button', 'Forget Maya Lin')).toBeDefined());
  act(() => byText(view.container, 'button', 'Forget Maya Lin')!.click());
  await until(() => expect(dialog()).not.toBeNull());
  return dialog()!;
}

describe('Forget a contact', () => {
  it('names what goes and what stays, then deletes the contact with their DM drafts and DM replies', async () => {
    const draftId = await seedMaya();
    view.render(<DraftCard draft={{ ...dmDraft(), id: draftId }} />);
    const box = await openForget();

    expect(document.getElementById(box.getAttribute('aria-labelledby')!)?.textContent).toBe('Forget Maya Lin?');
    const items = [...box.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'your private note about them',
      'the links to 1 conversation with them',
      'your drafts of direct messages to them, with the messages each kept',
      '1 direct message reply to them in your memory',
      'what Understudy knows of them: how often you replied, and when',
    ]);
    expect(box.textContent).toContain('Kept: your 1 public comment reply to them, as part of your voice, no longer linked to them.');
    // The safe choice has focus.
    expect(document.activeElement?.textContent).toBe('Cancel');

    act(() => byText(box, 'button', 'Forget Maya Lin')!.click());
    const db = getDb();
    await vi.waitFor(async () => expect(await getContact(db, KEY)).toBeUndefined());
    await until(() => expect(dialog()).toBeNull());
    expect(await db.drafts.get(draftId)).toBeUndefined();
    const left = await db.examples.toArray();
    expect(left.map((e) => e.reply)).toEqual(['Thanks Maya!']);
    expect(left[0]?.contactKey).toBeUndefined();
  });

  it('Cancel or Escape forgets nothing', async () => {
    const draftId = await seedMaya();
    view.render(<DraftCard draft={{ ...dmDraft(), id: draftId }} />);
    let box = await openForget();
    act(() => byText(box, 'button', 'Cancel')!.click());
    expect(dialog()).toBeNull();

    box = await openForget();
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(dialog()).toBeNull();
    const db = getDb();
    expect((await getContact(db, KEY))?.note).toBe('Met at the bakery meetup');
    expect(await db.drafts.get(draftId)).toBeDefined();
    expect(await db.examples.count()).toBe(2);
  });

  it('is offered on a comment draft only once the commenter is a contact', async () => {
    view.render(<ContactNote site="youtube" author="@bob" />);
    await until(() => expect(byText(view.container, 'button', 'Add a private note about @bob')?.hasAttribute('disabled')).toBe(false));
    expect(view.container.textContent).not.toContain('Forget');

    await act(() => touchContact(getDb(), { platform: 'youtube', handle: '@bob' }).then(() => undefined));
    await until(() => expect(byText(view.container, 'button', 'Forget @bob')).toBeDefined());
    const box = await (async () => {
      act(() => byText(view.container, 'button', 'Forget @bob')!.click());
      await until(() => expect(dialog()).not.toBeNull());
      return dialog()!;
    })();
    // Nothing private about @bob is kept but the contact itself: the list says only what there is.
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'your drafts of direct messages to them, with the messages each kept',
      'what Understudy knows of them: how often you replied, and when',
    ]);
    act(() => byText(box, 'button', 'Forget @bob')!.click());
    await vi.waitFor(async () => expect(await getContact(getDb(), contactKey('youtube', '@bob'))).toBeUndefined());
    await until(() => expect(byText(view.container, 'button', 'Forget @bob')).toBeUndefined());
  });
});
