/** A queued draft's card in the side panel: the "Open comment" link is the comment's own site. */
import { getDb, type DraftRow } from '@/lib/memory/db';
import { DraftCard } from './DraftCard';
import { byText, mount, type Mounted } from './test-render';

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
