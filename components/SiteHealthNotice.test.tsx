/** The side panel's "Understudy can't read this page" notice, for the active tab only. */
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { healthRecordsItem } from '@/lib/site-status/health-records';
import type { HealthReport } from '@/lib/sites/health';
import { SiteHealthNotice } from './SiteHealthNotice';
import { byText, mount, until, type Mounted } from './test-render';

let view: Mounted;
beforeEach(() => {
  fakeBrowser.reset();
  // A real side panel is no tab of its own (the fake answers with the active tab).
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
  // The panel's window: the one the fake's tabs open in.
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 0 } as never);
  view = mount();
});
afterEach(() => view.unmount());

const report: HealthReport = {
  site: 'youtube',
  origin: 'https://www.youtube.com',
  pageKind: 'watch',
  problem: 'no-comments',
  counts: { marks: 2, comments: 0, readable: 0, selectors: { thread: 0, comment: 0, replyButton: 0 } },
  version: '0.4.0',
  reportedAt: Date.UTC(2026, 0, 2),
};

const notice = () => view.container.querySelector<HTMLElement>('section[aria-labelledby="site-health-title"]');

describe("side panel: Understudy can't read this page", () => {
  it('names the site and page kind of the active tab, explains, and copies a diagnostic with no page text', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.youtube.com/watch?v=abc', active: true });
    await healthRecordsItem.setValue({ [String(tab.id)]: report });
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });

    view.render(<SiteHealthNotice />);
    await until(() => expect(notice()).not.toBeNull());
    expect(notice()!.querySelector('h2')?.textContent).toBe("Understudy can't read this page");
    expect(notice()!.textContent).toContain('YouTube · watch page');
    expect(notice()!.textContent).toContain('found none it could read');

    act(() => byText(notice()!, 'button', 'Copy diagnostic')!.click());
    await until(() => expect(notice()!.querySelector('[role="status"]')?.textContent).toBe('Diagnostic copied.'));
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied).toContain('site: YouTube (youtube, https://www.youtube.com)');
    expect(copied).toContain('page kind: watch');
    expect(copied).toContain('  replyButton: 0');
    expect(copied).toContain('version: 0.4.0');
    expect(copied).not.toContain('watch?v=abc');
  });

  it('shows nothing for a tab whose page reads fine, and follows the creator to another tab', async () => {
    const broken = await fakeBrowser.tabs.create({ url: 'https://www.youtube.com/watch?v=abc', active: false });
    const fine = await fakeBrowser.tabs.create({ url: 'https://x.com/maya/status/1', active: true });
    await healthRecordsItem.setValue({ [String(broken.id)]: report });
    view.render(<SiteHealthNotice />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(notice()).toBeNull();

    await act(() => fakeBrowser.tabs.update(broken.id!, { active: true }).then(() => {}));
    await until(() => expect(notice()).not.toBeNull());
    await act(() => fakeBrowser.tabs.update(fine.id!, { active: true }).then(() => {}));
    await until(() => expect(notice()).toBeNull());
  });

  it('goes away when the background clears the report (the page recovered or the tab navigated)', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.youtube.com/watch?v=abc', active: true });
    await healthRecordsItem.setValue({ [String(tab.id)]: report });
    view.render(<SiteHealthNotice />);
    await until(() => expect(notice()).not.toBeNull());
    await act(() => healthRecordsItem.setValue({}));
    await until(() => expect(notice()).toBeNull());
  });

  it("says which problem it is when the site's reply box couldn't be found", async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.reddit.com/r/Breadit/comments/1/x/', active: true });
    await healthRecordsItem.setValue({
      [String(tab.id)]: { ...report, site: 'reddit', origin: 'https://www.reddit.com', pageKind: 'old-post', problem: 'composer-missing' },
    });
    view.render(<SiteHealthNotice />);
    await until(() => expect(notice()?.textContent).toContain('Reddit · old post page'));
    expect(notice()!.textContent).toContain("couldn't find the site's reply box");
  });

  it("says so when a conversation's message box can't be found (direct messages on), with the conversation's counts to copy", async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://x.com/i/chat/1-2', active: true });
    const dm: HealthReport = {
      ...report,
      site: 'x',
      origin: 'https://x.com',
      pageKind: 'dm',
      problem: 'no-conversation',
      counts: { marks: 2, comments: 1, readable: 0, selectors: { 'dm-form': 1, 'dm-editor': 0 } },
    };
    await healthRecordsItem.setValue({ [String(tab.id)]: dm });
    view.render(<SiteHealthNotice />);
    await until(() => expect(notice()?.textContent).toContain('X · conversation page'));
    expect(notice()!.textContent).toContain("Understudy can't find this conversation's message box.");
    expect(notice()!.textContent).toContain('unable to fill the message box here');
    expect(notice()!.querySelector('[data-testid="site-diagnostic"]')?.textContent).toContain('  dm-editor: 0');
  });
});
