/** Draft all's bar in the side panel, as the creator sees and uses it. */
import { act } from 'react';
import type { DraftAllProgress } from '@/lib/core/draft-all';
import { DraftAllBar, type DraftAllBarProps } from './DraftAllBar';
import { byText, mount, type Mounted } from './test-render';

let view: Mounted;
beforeEach(() => (view = mount()));
afterEach(() => view.unmount());

const job = (over: Partial<DraftAllProgress> = {}): DraftAllProgress => ({
  startedAt: 1, updatedAt: 2, tabId: 7, pageUrl: 'https://www.youtube.com/watch?v=abc', status: 'running',
  total: 40, done: 15, drafted: 12, setAside: 3, failed: 0, errors: [], remaining: 25, ...over,
});

function render(props: Partial<DraftAllBarProps>) {
  const calls: string[] = [];
  view.render(
    <DraftAllBar
      job={null}
      canStart
      onStart={() => calls.push('start')}
      onPause={() => calls.push('pause')}
      onResume={() => calls.push('resume')}
      onCancel={() => calls.push('cancel')}
      {...props}
    />,
  );
  return calls;
}

const click = (el: HTMLElement | undefined) => act(() => el!.click());
const button = (name: string) => byText(view.container, 'button', name);

describe('Draft all bar', () => {
  it('offers "Draft all on this page" and starts it on click', () => {
    const calls = render({});
    click(button('Draft all on this page'));
    expect(calls).toEqual(['start']);
    expect(view.container.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('cannot start before the panel knows which page it is on, and says why', () => {
    render({ canStart: false });
    expect((button('Draft all on this page') as HTMLButtonElement).disabled).toBe(true);
    expect(view.container.textContent).toContain('Open a page with comments in this window.');
  });

  it('shows progress as a progress bar with its value, the counts, and Pause and Cancel while running', () => {
    const calls = render({ job: job() });
    const bar = view.container.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('15');
    expect(bar.getAttribute('aria-valuemax')).toBe('40');
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('12 drafted · 3 set aside');
    expect(button('Draft all on this page')).toBeUndefined();
    click(button('Pause'));
    click(button('Cancel'));
    expect(calls).toEqual(['pause', 'cancel']);
  });

  it('offers Resume instead of Pause while paused', () => {
    const calls = render({ job: job({ status: 'paused' }) });
    expect(button('Pause')).toBeUndefined();
    expect(view.container.textContent).toContain('Paused · 15 of 40 comments');
    click(button('Resume'));
    expect(calls).toEqual(['resume']);
  });

  it('after a job, offers to start again and says how it ended, failures included', () => {
    render({ job: job({ status: 'done', done: 40, drafted: 36, setAside: 3, failed: 1, message: 'Done.' }) });
    expect(button('Draft all on this page')).toBeDefined();
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('36 drafted · 3 set aside · 1 failed · Done.');
  });

  it("says in an alert when the page can't be read", () => {
    render({ error: 'This page is not one Understudy can read. Reload it, or switch its site on in Options.' });
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('not one Understudy can read');
  });
});
