/**
 * The side panel's memory-and-voice parts, rendered in happy-dom against the real Dexie
 * database (fake-indexeddb): tabs, "Why this draft?", the private note and the Voice view.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { contactKey, getContact, setContactNote, touchContact } from '@/lib/memory/contacts-repo';
import { getDb, type DraftRow } from '@/lib/memory/db';
import { recordSent } from '@/lib/memory/learning';
import { ContactNote } from './ContactNote';
import { Provenance } from './Provenance';
import { SidePanel } from './SidePanel';
import { VoiceView, visibleWeeks } from './VoiceView';
import { until } from './test-render';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(node: ReactNode) {
  act(() => root.render(node));
}


const byText = (selector: string, text: string) =>
  [...container.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.trim() === text);

function typeInto(textarea: HTMLTextAreaElement, value: string) {
  // React tracks the value it last set; go through the native setter so onChange fires.
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(textarea, value);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function draftRow(overrides: Partial<DraftRow> = {}): DraftRow {
  return {
    id: 1,
    site: 'youtube',
    commentId: 'c1',
    author: '@bob',
    commentText: 'How long do you proof rye?',
    pageUrl: 'https://www.youtube.com/watch?v=abc',
    text: 'About an hour longer than wheat!',
    engineText: 'About an hour longer than wheat!',
    engine: 'memory',
    exampleIds: [],
    status: 'queued',
    createdAt: Date.now(),
    updatedAt: Date.now(),
    ...overrides,
  };
}

describe('the side panel tabs', () => {
  it('opens on the queue and switches to Voice by click or arrow key', async () => {
    render(<SidePanel />);
    const queue = container.querySelector<HTMLButtonElement>('#tab-queue')!;
    const voice = container.querySelector<HTMLButtonElement>('#tab-voice')!;
    expect(container.querySelector('[role="tablist"]')).not.toBeNull();
    expect(queue.getAttribute('aria-selected')).toBe('true');
    expect(container.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).toBe('tab-queue');

    act(() => queue.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(voice.getAttribute('aria-selected')).toBe('true');
    expect(voice.tabIndex).toBe(0);
    expect(queue.tabIndex).toBe(-1);
    expect(container.querySelector('[role="tabpanel"]')?.id).toBe('panel-voice');

    act(() => queue.click());
    expect(container.querySelector('[role="tabpanel"]')?.id).toBe('panel-queue');
  });
});

describe('the side panel landmarks', () => {
  it('puts the queue in the main landmark, after the header, so a screen reader can jump to it', async () => {
    render(<SidePanel />);
    const mains = container.querySelectorAll('main');
    expect(mains).toHaveLength(1);
    expect(mains[0]?.querySelector('#panel-queue')).not.toBeNull();
    expect(mains[0]?.querySelector('header, [role="tablist"]')).toBeNull();
    await until(() => expect(container.textContent).toContain('No queued drafts.'));
  });
});

describe('“Why this draft?”', () => {
  it('is one click away and lists the past replies and facts the draft drew on', async () => {
    const db = getDb();
    const exampleId = (await db.examples.add({
      incoming: 'Does rye need a longer proof?',
      reply: 'It does, give it an extra hour.',
      platform: 'instagram',
      source: 'sent',
      createdAt: Date.UTC(2024, 2, 5),
    })) as number;
    const factId = (await db.facts.add({ text: 'I bake in a Dutch oven.' })) as number;
    render(<Provenance draft={draftRow({ exampleIds: [exampleId], factIds: [factId] })} />);

    const button = byText('button', 'Why this draft?')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(container.textContent).not.toContain('It does, give it an extra hour.');
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await until(() => expect(container.textContent).toContain('It does, give it an extra hour.'));
    const item = container.querySelector('ol.sources li')!;
    expect(item.textContent).toContain('Instagram');
    expect(item.textContent).toContain('sent with Understudy');
    expect(item.textContent).toContain('They wrote');
    expect(item.textContent).toContain('Does rye need a longer proof?');
    expect(container.querySelector('ul.sources')?.textContent).toBe('I bake in a Dutch oven.');
  });

  it('says plainly when the draft drew on no past replies and no facts, or on ones since deleted', async () => {
    render(<Provenance draft={draftRow({ exampleIds: [] })} />);
    act(() => byText('button', 'Why this draft?')!.click());
    await until(() => expect(container.textContent).toContain('It drew on none of your past replies.'));
    expect(container.textContent).toContain('It drew on no facts from your fact sheet.');

    render(<Provenance draft={draftRow({ id: 2, exampleIds: [404, 405] })} />);
    await until(() => expect(container.textContent).toContain('2 replies it used are no longer in your memory.'));
  });
});

describe('the private note on a contact', () => {
  it('saves what the creator types to the contact, marked as never shown or sent', async () => {
    render(<ContactNote site="youtube" author="@Bob" />);
    await until(() => expect(byText('button', 'Add a private note about @Bob')?.hasAttribute('disabled')).toBe(false));
    act(() => byText('button', 'Add a private note about @Bob')!.click());
    const box = container.querySelector('textarea')!;
    expect(container.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('Private note about @Bob');
    const hint = document.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toContain('Never shown on any site, never sent to the model.');

    typeInto(box, 'Owes me a rye recipe');
    await until(() => expect(container.textContent).toContain('Note stored'));
    expect((await getContact(getDb(), contactKey('youtube', 'bob')))?.note).toBe('Owes me a rye recipe');
  });

  it('shows an existing note open, with how often the creator replied to them', async () => {
    const db = getDb();
    await touchContact(db, { platform: 'youtube', handle: '@bob', at: Date.UTC(2025, 0, 10) });
    await touchContact(db, { platform: 'youtube', handle: '@bob', at: Date.UTC(2025, 0, 12) });
    await setContactNote(db, contactKey('youtube', '@bob'), 'Regular since the first video');
    render(<ContactNote site="youtube" author="@bob" />);
    await until(() => expect(container.querySelector('textarea')?.value).toBe('Regular since the first video'));
    expect(container.querySelector('[data-testid="contact-interactions"]')?.textContent).toContain(
      'You have replied to @bob 2 times',
    );
  });

  it('still saves a note typed just before the card goes away', async () => {
    render(<ContactNote site="youtube" author="@bob" />);
    await until(() => expect(byText('button', 'Add a private note about @bob')?.hasAttribute('disabled')).toBe(false));
    act(() => byText('button', 'Add a private note about @bob')!.click());
    typeInto(container.querySelector('textarea')!, 'Typed then scrolled away');
    act(() => root.render(<></>));
    await vi.waitFor(async () =>
      expect((await getContact(getDb(), contactKey('youtube', 'bob')))?.note).toBe('Typed then scrolled away'),
    );
  });
});

describe('the Voice view', () => {
  it('explains how it fills up before anything is sent', async () => {
    render(<VoiceView />);
    await until(() => expect(container.querySelector('[data-testid="voice-empty"]')?.textContent).toContain('Nothing sent yet.'));
    expect(container.textContent).toContain('Mark as sent');
    expect(container.querySelector('[data-testid="voice-trend-empty"]')).not.toBeNull();
  });

  it('shows the share sent unchanged, the median edit, replies learned from and each week’s voice match as text', async () => {
    const db = getDb();
    const now = Date.now();
    const base = { site: 'youtube' as const, pageUrl: 'https://www.youtube.com/watch?v=abc', engine: 'memory' as const, exampleIds: [] };
    const unchanged = (await db.drafts.add({
      ...base, commentId: 'a', author: '@ann', commentText: 'Love it', text: 'Thanks so much!', engineText: 'Thanks so much!',
      status: 'queued', createdAt: now - 1000, updatedAt: now - 1000, voiceScore: 90,
    })) as number;
    const edited = (await db.drafts.add({
      ...base, commentId: 'b', author: '@ben', commentText: 'Rye?', text: 'Rye needs longer', engineText: 'Rye needs longer',
      status: 'queued', createdAt: now - 900, updatedAt: now - 900, voiceScore: 70,
    })) as number;
    await recordSent(db, { draftId: unchanged, comment: 'Love it', finalText: 'Thanks so much!', platform: 'youtube', contact: '@ann' });
    await recordSent(db, { draftId: edited, comment: 'Rye?', finalText: 'Rye needs a longer proof', platform: 'youtube', contact: '@ben' });

    render(<VoiceView />);
    await until(() => expect(container.querySelector('.voice-stats')).not.toBeNull());
    const stat = (label: string) =>
      [...container.querySelectorAll('.voice-stats > div')].find((d) => d.querySelector('dt')?.textContent === label)!;
    expect(stat('Sent unchanged').textContent).toContain('50%');
    expect(stat('Sent unchanged').textContent).toContain('1 of 2 sent drafts word for word');
    expect(stat('Median edit').querySelector('dd')?.textContent).toBe('4');
    expect(stat('Learned from').querySelector('dd')?.textContent).toBe('2');
    const weeks = [...container.querySelectorAll('.voice-trend li')];
    expect(weeks).toHaveLength(1);
    expect(weeks[0]?.textContent).toMatch(/^Week of .+80 · 2 drafts$/);
  });

  it('starts the trend at the first week with a score, keeping later empty weeks visible', () => {
    const trend = [
      { weekStart: 1, drafts: 0 },
      { weekStart: 2, drafts: 3, meanScore: 80 },
      { weekStart: 3, drafts: 0 },
      { weekStart: 4, drafts: 1, meanScore: 70 },
    ];
    expect(visibleWeeks(trend).map((w) => w.weekStart)).toEqual([2, 3, 4]);
    expect(visibleWeeks([{ weekStart: 1, drafts: 0 }])).toEqual([]);
  });
});
