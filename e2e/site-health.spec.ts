/**
 * Adapter health and per-site on/off, in the real browser with the built extension: a YouTube
 * page whose comment markup changed is never a silent failure (toolbar badge, side panel notice,
 * a diagnostic without page text), nor is an X conversation (DMs on) whose message box markup
 * changed, and a site switched off in Options gets no buttons.
 *
 * One browser for the file: each check opens its own tabs.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './harness/axe';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';
import { SidePanelPage } from './pages/side-panel-page';
import { WATCH_URL } from './pages/youtube-watch-page';
import { SITE_FIXTURES } from './sites/index';
import { xFixtures } from './sites/x/site';
import { xChat } from './sites/x/chat-dom.js';
import { DM_ONE_TO_ONE } from './sites/shared/chat-kit.js';
import type { SiteId } from '../lib/core/sites';

const test = base.extend<object, { session: Session }>({
  session: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const session = await launchWithExtension();
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
});

/** The renamed thread tag: YouTube "shipped" new comment markup Understudy doesn't know. */
const CHANGED_TAG = 'ytd-comment-thread-renderer-v2';

/**
 * Before any page script runs, the page creates its comment threads under a new tag name: the
 * comments section (its header and comment box) is still there, its comments are not readable.
 */
async function changeCommentMarkup(page: Page): Promise<void> {
  await page.addInitScript((tag) => {
    const create = Document.prototype.createElement;
    Document.prototype.createElement = function (this: Document, name: string, options?: ElementCreationOptions) {
      return create.call(this, name.toLowerCase() === 'ytd-comment-thread-renderer' ? tag : name, options);
    } as typeof Document.prototype.createElement;
  }, CHANGED_TAG);
}

/** The toolbar badge and title Understudy set for the tab showing `url`. */
function badgeFor(session: Session, url: string) {
  return session.serviceWorker.evaluate(async (pageUrl) => {
    type Chrome = {
      tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
      action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
    };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
    if (tab?.id === undefined) return null;
    return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
  }, url);
}

test("a page whose comment markup changed: the badge and side panel say Understudy can't read it, with a diagnostic free of page text", async ({ session }) => {
  const youtube = await session.context.newPage();
  await changeCommentMarkup(youtube);
  await youtube.goto(WATCH_URL);
  const comments = youtube.locator(CHANGED_TAG);
  await expect(comments.first()).toBeVisible();
  const pageText = (await comments.first().innerText()).split('\n').map((line) => line.trim()).filter((line) => line.length > 8);
  expect(pageText.length).toBeGreaterThan(0);
  await expect(youtube.getByRole('button', { name: 'Draft reply' })).toHaveCount(0);

  // Not silent: the toolbar button of this tab carries a badge naming the site and page kind.
  await expect.poll(() => badgeFor(session, WATCH_URL), { timeout: 15_000 }).toEqual({
    text: '!',
    title: "Understudy can't read this page (YouTube, watch page)",
  });

  // The side panel follows the active tab: the creator comes back to YouTube with it open.
  const panel = await new SidePanelPage(session).open();
  await youtube.bringToFront();
  await expect(panel.siteHealth).toBeVisible();
  await expect(panel.siteHealth).toContainText('YouTube · watch page');
  await expect(panel.siteHealth).toContainText('found none it could read');

  await panel.page.bringToFront();
  await panel.siteHealth.getByText('What the diagnostic holds').click();
  await panel.page.screenshot({ path: test.info().outputPath('side-panel-site-health.png') });

  // What goes to the clipboard, recorded on its way (the real write still happens: the page can't
  // be granted clipboard-read, extension origins being opaque to the permission API).
  await panel.page.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      (window as unknown as { __copied: string }).__copied = text;
      return write(text);
    };
  });
  await panel.copyDiagnosticButton.click();
  await expect(panel.siteHealth.getByRole('status')).toHaveText('Diagnostic copied.');
  const copied = await panel.page.evaluate(() => (window as unknown as { __copied: string }).__copied);
  expect(copied).toContain('site: YouTube (youtube, https://www.youtube.com)');
  expect(copied).toContain('page kind: watch');
  expect(copied).toMatch(/comment elements: 0/);
  expect(copied).toMatch(/^ {2}thread: 0$/m);
  expect(copied).toMatch(/^version: \d+\.\d+\.\d+/m);
  // Only Understudy's own words and numbers: no comment text, author, video id or title.
  for (const line of pageText) expect(copied).not.toContain(line);
  expect(copied).not.toContain('sourdough101');
  expect(copied).not.toContain('@');
  await expect(panel.diagnostic).toHaveText(copied);

  // Last: axe opens a tab of its own, and the panel follows the active tab.
  await expectNoSeriousViolations(panel.page);

  await panel.page.close();
  await youtube.close();
});

test('a page that reads fine after a full navigation has no badge, and the side panel shows no notice for it', async ({ session }) => {
  const youtube = await session.context.newPage();
  await youtube.goto(WATCH_URL);
  await expect(youtube.getByRole('button', { name: 'Draft reply' }).first()).toBeVisible();
  const panel = await new SidePanelPage(session).open();
  await youtube.bringToFront();
  // Past the settle time: still nothing to report.
  await youtube.waitForTimeout(4_500);
  expect(await badgeFor(session, WATCH_URL)).toEqual({ text: '', title: 'Open Understudy drafts' });
  await expect(panel.siteHealth).toHaveCount(0);
  await panel.page.close();
  await youtube.close();
});

test('a site switched off in Options gets no Draft reply buttons, and open tabs lose theirs at once', async ({ session }) => {
  const youtube = await session.context.newPage();
  await youtube.goto(WATCH_URL);
  const buttons = youtube.getByRole('button', { name: 'Draft reply' });
  await expect(buttons.first()).toBeVisible();

  const options = await new OptionsPage(session).open('sites');
  await expect(options.siteSwitch('YouTube')).toBeChecked();
  await expect(options.siteSwitch('Reddit')).toBeChecked();
  await options.sitesSection.scrollIntoViewIfNeeded();
  await expectNoSeriousViolations(options.page, { include: 'section[aria-labelledby="sites-title"]' });
  await options.siteSwitch('YouTube').click();
  await expect(options.siteSwitch('YouTube')).not.toBeChecked();

  // The open tab follows at once.
  await expect(buttons).toHaveCount(0);

  // A page opened while the site is off: its comments are there, and no button comes.
  const again = await session.context.newPage();
  await again.goto(WATCH_URL);
  await expect(again.locator('ytd-comment-thread-renderer').first()).toBeVisible();
  await again.waitForTimeout(1_500);
  await expect(again.getByRole('button', { name: 'Draft reply' })).toHaveCount(0);

  // Switched on again, the buttons come back without a reload.
  await options.siteSwitch('YouTube').click();
  await expect(options.siteSwitch('YouTube')).toBeChecked();
  await expect(again.getByRole('button', { name: 'Draft reply' }).first()).toBeVisible();

  await options.page.close();
  await again.close();
  await youtube.close();
});

/** Turns these sites' direct messages on (and every other's off), as Options' "Direct messages on <Site>" switches store them. */
async function setDms(session: Session, sites: SiteId[]): Promise<void> {
  await session.serviceWorker.evaluate(async (sites) => {
    type Local = { set(items: Record<string, unknown>): Promise<void> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    await local.set({ 'sites.dms': Object.fromEntries(sites.map((site) => [site, true])) });
  }, sites);
}
const setXDms = (session: Session, on: boolean) => setDms(session, on ? ['x'] : []);

test("an X conversation whose message box markup changed (DMs on): the badge and side panel say so, with a diagnostic free of the conversation", async ({ session }) => {
  await setXDms(session, true);
  const x = await session.context.newPage();
  const conversation = xFixtures.conversations![0]!;
  await conversation.arrive(x, 'maria-1001');
  const chatUrl = `https://x.com/i/chat/${xChat('maria-1001')!.id}`;
  await expect(x.getByRole('button', { name: 'Draft reply' })).toHaveCount(1);
  const pageText = (await x.locator('[data-testid="dm-conversation-panel"] [data-dm-message-row]').allInnerTexts())
    .flatMap((text) => text.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.length > 8);
  expect(pageText.length).toBeGreaterThan(0);

  // X re-renders its composer in a markup Understudy doesn't know: the same box under a new testid.
  await x.evaluate(() => {
    const root = document.querySelector('[data-testid="xchatEmbedRoute"]')?.shadowRoot;
    const box = root?.querySelector('[data-testid="dm-composer-textarea"]');
    if (!box) throw new Error('no composer');
    const renamed = box.cloneNode(true) as HTMLElement;
    renamed.setAttribute('data-testid', 'dm-composer-input-v2');
    box.replaceWith(renamed);
  });

  await expect.poll(() => badgeFor(session, chatUrl), { timeout: 15_000 }).toEqual({
    text: '!',
    title: "Understudy can't read this page (X, conversation page)",
  });

  const panel = await new SidePanelPage(session).open();
  await x.bringToFront();
  await expect(panel.siteHealth).toBeVisible();
  await expect(panel.siteHealth).toContainText('X · conversation page');
  await expect(panel.siteHealth).toContainText("Understudy can't find this conversation's message box.");
  await panel.page.bringToFront();
  await panel.siteHealth.getByText('What the diagnostic holds').click();
  const diagnostic = (await panel.diagnostic.textContent()) ?? '';
  expect(diagnostic).toContain('problem: no-conversation');
  expect(diagnostic).toContain('page kind: dm');
  expect(diagnostic).toMatch(/^conversations with a message box: 0$/m);
  expect(diagnostic).toMatch(/^ {2}dm-editor: 0$/m);
  expect(diagnostic).toMatch(/^ {2}dm-form: 1$/m);
  for (const line of pageText) expect(diagnostic).not.toContain(line);
  expect(diagnostic).not.toContain('Maria');
  expect(diagnostic).not.toContain('@');
  await panel.page.screenshot({ path: test.info().outputPath('side-panel-conversation-health.png') });

  // DMs switched off: the conversation isn't read any more, so its notice goes.
  await setXDms(session, false);
  await expect.poll(() => badgeFor(session, chatUrl), { timeout: 10_000 }).toEqual({ text: '', title: 'Open Understudy drafts' });
  await expect(panel.siteHealth).toHaveCount(0);

  await panel.page.close();
  await x.close();
});

test('every DM site\'s conversation page that reads fine, DMs on, gets its Draft reply and no badge once settled', async ({ session }) => {
  const pages = SITE_FIXTURES.flatMap((site) => (site.conversations ?? []).map((conversation) => ({ site: site.site, conversation })));
  expect(pages.length).toBeGreaterThan(3);
  await setDms(session, [...new Set(pages.map(({ site }) => site))]);
  const tabs: { name: string; tab: Page }[] = [];
  for (const { conversation } of pages) {
    const tab = await session.context.newPage();
    await conversation.arrive(tab, DM_ONE_TO_ONE.id);
    await expect(tab.getByRole('button', { name: 'Draft reply' }).first(), conversation.name).toBeVisible();
    tabs.push({ name: conversation.name, tab });
  }
  // Past two looks of the health monitor for the last one (the others settled earlier).
  await tabs.at(-1)!.tab.waitForTimeout(4_500);
  for (const { name, tab } of tabs) {
    expect(await badgeFor(session, tab.url()), name).toEqual({ text: '', title: 'Open Understudy drafts' });
    await tab.close();
  }
  await setDms(session, []);
});
