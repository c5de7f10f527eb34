/** A queued draft's card in the side panel: the "Open comment" link is the comment's own site. */
import { getDb, type DraftRow } from '@/lib/memory/db';
import { DraftCard } from './DraftCard';
import { act } from 'react';
import { byText, mount, until, type Mounted } from './test-render';

let view: Mounted;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  view = mount();
});

afterEach(() => view.unmount());

function draftWithPermalink(permalink: string): DraftRow {
  return {
    id: 1,
    site: 'youtube',
    commentId: 'c1',
    author: '@bob',
    commentText: 'How long do you proof rye?',
    pageUrl: 'https://www.youtube.com/watch?v=abc',
    permalink,
    text: 'About an hour longer than wheat!',
    engineText: 'About an hour longer than wheat!',
    engine: 'memory',
    exampleIds: [],
    status: 'queued',
    createdAt: Date.now(),
    updatedAt: Date.now(),
  };
}

describe('the “Open comment” link on a queued draft', () => {
  it("opens the comment on the site it came from, in a new tab", () => {
    view.render(<DraftCard draft={draftWithPermalink('https://www.youtube.com/watch?v=abc&lc=Ugx1')} />);
    const link = byText(view.container, 'a', 'Open comment') as HTMLAnchorElement | undefined;
    expect(link?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=abc&lc=Ugx1');
    expect(link?.target).toBe('_blank');
  });

  it.each([
    ['a javascript: link', 'javascript:alert(document.domain)'],
    ['a data: link', 'data:text/html,<script>alert(1)</script>'],
    ['a plain http link', 'http://www.youtube.com/watch?v=abc'],
    ['another site', 'https://evil.test/watch?v=abc'],
    ['a look-alike host', 'https://www.youtube.com.evil.test/watch?v=abc'],
  ])('is not offered when the page gave %s', (_what, permalink) => {
    view.render(<DraftCard draft={draftWithPermalink(permalink)} />);
    expect(view.container.querySelector('a')).toBeNull();
    expect(view.container.textContent).not.toContain('Open comment');
    // The rest of the card still works: the draft is there to edit.
    expect(view.container.querySelector('textarea')?.value).toBe('About an hour longer than wheat!');
  });
});

describe('a comment Draft all set aside', () => {
  it('says why on its card, in words', () => {
    const base = draftWithPermalink('https://www.youtube.com/watch?v=abc&lc=Ugx1');
    view.render(<DraftCard draft={{ ...base, status: 'skipped', setAside: 'spam', text: '', engineText: '', commentText: 'Free followers at spam.example' }} />);
    expect(view.container.querySelector('.set-aside-reason')?.textContent).toBe('Skipped: Looks like spam');
  });
});

describe('whether a queued draft answers its comment', () => {
  const base = draftWithPermalink('https://www.youtube.com/watch?v=abc&lc=Ugx1');

  it('marks a draft that does not answer the question "Needs you" and withholds its voice match', () => {
    view.render(
      <DraftCard
        draft={{ ...base, commentText: 'How long do you proof rye?', text: 'Thank you so much, that means a lot!', voiceScore: 97 }}
      />,
    );
    expect(byText(view.container, '.badge', 'Needs you')).toBeDefined();
    expect(view.container.textContent).not.toContain('Voice match');
  });

  it('shows the fit of a draft that answers, and its voice match', () => {
    view.render(
      <DraftCard
        draft={{ ...base, commentText: 'How long do you proof rye?', text: 'I proof rye for about an hour longer than wheat.', voiceScore: 88 }}
      />,
    );
    expect(byText(view.container, '.badge', 'Needs you')).toBeUndefined();
    expect(view.container.textContent).toContain('Voice match 88');
  });
});

describe('the claim guard on a queued draft', () => {
  const flagged = { ...draftWithPermalink('https://www.youtube.com/watch?v=abc&lc=Ugx1'), text: 'My daughter loves this loaf, use code BREAD50 for 50% off' };
  const checkList = () => [...view.container.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === 'Check before sending');
  async function type(value: string) {
    const box = view.container.querySelector('textarea')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, value);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('lists what to check on a queued draft, with the same labels, and re-checks it as the creator edits it', async () => {
    view.render(<DraftCard draft={flagged} />);
    await until(() => expect(checkList()).toBeDefined());
    expect(checkList()!.textContent).toContain('Personal claim not on your fact sheet');
    expect(checkList()!.textContent).toContain('Price, code or discount not on your offers');
    const items = checkList()!.querySelectorAll('li').length;
    expect(items).toBeGreaterThanOrEqual(2);
    expect(byText(view.container, '.badge', `${items} things to check`)).toBeDefined();
    await type('About an hour longer than wheat!');
    expect(checkList()).toBeUndefined();
  });

  it('asks before copying a flagged draft, and copies only on Copy anyway', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
    view.render(<DraftCard draft={flagged} />);
    await until(() => expect(checkList()).toBeDefined());
    await act(async () => byText(view.container, 'button', 'Copy')!.click());
    const dialog = view.container.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('BREAD50');
    expect(copied).toEqual([]);
    await act(async () => byText(dialog, 'button', 'Copy anyway')!.click());
    expect(copied).toEqual([flagged.text]);
    expect(view.container.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('copies a clean draft with no question', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
    view.render(<DraftCard draft={draftWithPermalink('https://www.youtube.com/watch?v=abc&lc=Ugx1')} />);
    await act(async () => byText(view.container, 'button', 'Copy')!.click());
    expect(view.container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(copied).toEqual(['About an hour longer than wheat!']);
  });

  it('adds a flagged claim to the fact sheet from the card, after which it is no longer flagged', async () => {
    view.render(<DraftCard draft={{ ...flagged, text: 'My daughter loves this loaf!' }} />);
    await until(() => expect(checkList()).toBeDefined());
    act(() => byText(checkList()!, 'button', 'Add to fact sheet')!.click());
    const field = checkList()!.querySelector<HTMLInputElement>('input')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, 'I have a daughter who loves my bread.');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => byText(checkList()!, 'button', 'Save fact')!.click());
    expect((await getDb().facts.toArray()).map((f) => f.text)).toEqual(['I have a daughter who loves my bread.']);
    await until(() => expect(checkList()).toBeUndefined());
  });
});

