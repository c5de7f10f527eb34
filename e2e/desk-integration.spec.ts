/**
 * The review desk's hooks into the browser (issue 14), in the real browser with the built
 * extension: Open & insert from the side panel into the right comment's reply box on a YouTube
 * fixture page (the tab in front, or the permalink opened again after the tab closed), a clear
 * message when the comment is gone, the toolbar badge counting drafts waiting, and the keyboard
 * command and the context menu opening the editor of the comment in focus, under the pointer,
 * or holding the selection.
 *
 * What this cannot press: the browser's own shortcut and context menu live outside the page, and
 * headless Chromium offers no way to fire commands.onCommand or contextMenus.onClicked. So the
 * manifest's command is read back from chrome.commands.getAll(), the background's handlers are
 * unit-tested (lib/drafting/desk-browser-ui.test.ts), and here the service worker sends the page
 * the very command those handlers send (tabs.sendMessage to the top frame). What is left untested
 * is only the browser calling our listener. A page's own key presses and contextmenu events are
 * dispatched too, and open nothing.
 *
 * One browser for the file.
 */
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from 'playwright-core';
import { COMMENT_MISSING } from '../lib/drafting/desk-insert';
import { DRAFT_HERE_DEFAULT_KEY, DRAFT_HERE_DESCRIPTION } from '../lib/drafting/desk-shortcuts';
import { PAGE_COMMAND } from '../lib/messaging/page-commands';
import { launchWithExtension, type Session } from './harness/launch';
import { SidePanelPage } from './pages/side-panel-page';
import { WATCH_URL, YouTubeWatchPage } from './pages/youtube-watch-page';

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
test.describe.configure({ mode: 'serial' });

const RICE = 'Is the rice flour on the banneton necessary?';
const SPREAD = 'My loaf spread sideways in the oven';

/** The thread (comment and its reply box) of a comment. */
const threadOf = (comment: Locator) => comment.locator('xpath=ancestor::ytd-comment-thread-renderer[1]');

/** Queues the creator's own words for a comment through its editor, as a creator does. */
async function queueDraft(youtube: YouTubeWatchPage, text: string, reply: string): Promise<void> {
  const editor = await youtube.openDraft(text);
  // Memory is empty here: the editor says so and offers no draft; the creator writes their own.
  await expect(youtube.engineLabel(editor)).toHaveText('No draft');
  await expect(editor.getByRole('button', { name: 'Queue' })).toBeEnabled();
  await youtube.draftBox(editor).fill(reply);
  await editor.getByRole('button', { name: 'Queue' }).click();
  await expect(editor.getByRole('status')).toContainText('Queued');
  await editor.getByRole('button', { name: 'Close draft' }).click();
}

/** The queued draft answering a comment that starts with `text`: its id, from the extension's database. */
async function draftIdFor(panel: Page, text: string): Promise<number> {
  return panel.evaluate(async (start) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('understudy');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ id: number; commentText: string; status: string }[]>((resolve, reject) => {
      const request = db.transaction('drafts').objectStore('drafts').getAll();
      request.onsuccess = () => resolve(request.result as { id: number; commentText: string; status: string }[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const row = rows.find((r) => r.commentText.startsWith(start) && r.status === 'queued');
    if (!row) throw new Error(`no queued draft for "${start}"`);
    return row.id;
  }, text);
}

/** Open & insert, as the side panel asks for it. */
async function openAndInsert(panel: Page, draftId: number): Promise<{ ok: boolean; error?: string }> {
  return panel.evaluate(async (id) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
    const reply = await runtime.sendMessage({ type: 'desk.insert', payload: { draftId: id } });
    return { ok: reply.ok, ...(reply.error ? { error: reply.error } : {}) };
  }, draftId);
}

/** The toolbar badge as every tab without a problem of its own shows it. */
function badge(panel: Page): Promise<string> {
  return panel.evaluate(() =>
    (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}),
  );
}

/** The URL of the tab in front of the window. */
function activeTabUrl(session: Session): Promise<string | undefined> {
  return session.serviceWorker.evaluate(async () => {
    type Chrome = { tabs: { query(q: object): Promise<{ url?: string }[]> } };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url;
  });
}

/** Sends the page the command the background's command or menu handler sends. */
async function sendFromBackground(session: Session, url: string, type: 'page.draftHere' | 'page.draftSelection') {
  return session.serviceWorker.evaluate(
    async ({ pageUrl, kind, command }) => {
      type Chrome = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } };
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
      return chrome.tabs.sendMessage(tab!.id!, { kind, type: command, payload: {} }, { frameId: 0 });
    },
    { pageUrl: url, kind: PAGE_COMMAND, command: type },
  );
}

const editorHosts = (page: Page) => page.locator('understudy-editor');

test('Open & insert fills the right comment’s reply box in the tab showing it, and nothing else; the badge counts drafts waiting', async ({ session }, testInfo) => {
  const panel = await new SidePanelPage(session).open();
  await expect.poll(() => badge(panel.page)).toBe('');
  const youtube = await new YouTubeWatchPage(session).open();
  await queueDraft(youtube, RICE, 'Not at all: semolina works just as well ✨');
  await expect.poll(() => badge(panel.page)).toBe('1');
  await queueDraft(youtube, SPREAD, 'Shape it tighter and give it a cooler proof.');
  await expect.poll(() => badge(panel.page)).toBe('2');
  await expect(youtube.page.locator('ytd-commentbox')).toHaveCount(0);

  // The side panel's tab is in front; Open & insert brings YouTube's back.
  await panel.page.bringToFront();
  await expect.poll(() => activeTabUrl(session)).toContain('sidepanel.html');
  expect(await openAndInsert(panel.page, await draftIdFor(panel.page, RICE))).toEqual({ ok: true });
  await expect.poll(() => activeTabUrl(session)).toBe(WATCH_URL);

  const thread = threadOf(youtube.comment(RICE));
  await expect(thread.locator('ytd-commentbox #contenteditable-root')).toHaveText('Not at all: semolina works just as well ✨');
  await expect(thread.locator('ytd-commentbox #submit-button button')).toBeEnabled();
  // Only that comment's box opened, and nothing was posted: the creator presses Reply.
  await expect(youtube.page.locator('ytd-commentbox')).toHaveCount(1);
  expect(await youtube.postedReplies()).toEqual([]);
  // Inserted: one draft fewer waiting.
  await expect.poll(() => badge(panel.page)).toBe('1');
  await thread.scrollIntoViewIfNeeded();
  await youtube.page.screenshot({ path: testInfo.outputPath('open-and-insert.png') });
  await youtube.page.close();
});

test('with the page closed, Open & insert opens the comment’s permalink and fills its reply box there', async ({ session }) => {
  const panel = await new SidePanelPage(session).open();
  await expect(session.context.pages().filter((page) => page.url().startsWith(WATCH_URL))).toHaveLength(0);
  expect(await openAndInsert(panel.page, await draftIdFor(panel.page, SPREAD))).toEqual({ ok: true });
  const page = session.context.pages().find((open) => open.url().startsWith(WATCH_URL))!;
  // The comment's permalink: YouTube's lc names the comment.
  expect(new URL(page.url()).searchParams.get('lc')).toBeTruthy();
  await expect.poll(() => activeTabUrl(session)).toBe(page.url());
  const youtube = new YouTubeWatchPage(session);
  youtube.page = page;
  await expect(threadOf(youtube.comment(SPREAD)).locator('ytd-commentbox #contenteditable-root')).toHaveText('Shape it tighter and give it a cooler proof.');
  await expect(page.locator('ytd-commentbox')).toHaveCount(1);
  await expect.poll(() => badge(panel.page)).toBe('');
  await page.close();
});

test('a comment no longer on its page: Open & insert says so in plain words, and the draft stays waiting', async ({ session }) => {
  const panel = await new SidePanelPage(session).open();
  const youtube = await new YouTubeWatchPage(session).open();
  const text = 'Can I do the 72 hours with a 100% whole wheat dough';
  await queueDraft(youtube, text, 'Yes, add a little more water.');
  await expect.poll(() => badge(panel.page)).toBe('1');
  const comment = youtube.comment(text);
  expect(await youtube.removeThread(await youtube.fixtureId(comment))).toBe(true);

  const reply = await openAndInsert(panel.page, await draftIdFor(panel.page, text));
  expect(reply).toEqual({ ok: false, error: COMMENT_MISSING });
  await expect(youtube.page.locator('ytd-commentbox')).toHaveCount(0);
  expect(await badge(panel.page)).toBe('1');
  await youtube.page.close();
});

test('the keyboard command is Alt+Shift+D, and opens the editor of the comment in focus, else the one under the pointer', async ({ session }) => {
  const panel = await new SidePanelPage(session).open();
  const commands = await panel.page.evaluate(() =>
    (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> } } }).chrome.commands.getAll(),
  );
  expect(commands).toContainEqual(expect.objectContaining({ shortcut: DRAFT_HERE_DEFAULT_KEY, description: DRAFT_HERE_DESCRIPTION }));

  const youtube = await new YouTubeWatchPage(session).open();
  const page = youtube.page;
  // A page pressing the keys, or opening a context menu, only reaches the page.
  const spread = youtube.comment(SPREAD);
  await spread.locator('#content-text').evaluate((element) => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'D', code: 'KeyD', altKey: true, shiftKey: true, bubbles: true }));
    element.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
  });
  await page.waitForTimeout(300);
  await expect(editorHosts(page)).toHaveCount(0);

  // Focus in a comment (its Draft reply button, reached with Tab).
  await spread.getByRole('button', { name: 'Draft reply' }).focus();
  expect(await sendFromBackground(session, WATCH_URL, 'page.draftHere')).toEqual({ ok: true, data: { opened: true } });
  await expect(youtube.editorAfter(spread).getByRole('textbox', { name: 'Draft' })).toBeVisible();
  await youtube.editorAfter(spread).getByRole('button', { name: 'Close draft' }).click();
  await expect(editorHosts(page)).toHaveCount(0);

  // No focus in a comment: the one under the creator's pointer.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const rice = youtube.comment(RICE);
  await rice.locator('#content-text').hover();
  expect(await sendFromBackground(session, WATCH_URL, 'page.draftHere')).toEqual({ ok: true, data: { opened: true } });
  await expect(youtube.editorAfter(rice).getByRole('textbox', { name: 'Draft' })).toBeVisible();
  await expect(editorHosts(page)).toHaveCount(1);
  await youtube.editorAfter(rice).getByRole('button', { name: 'Close draft' }).click();

  // Neither: nothing opens, and the page says why.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(5, 5);
  expect(await sendFromBackground(session, WATCH_URL, 'page.draftHere')).toEqual({ ok: true, data: { opened: false } });
  await expect(youtube.toast).toContainText('no comment in focus or under the pointer');
  await expect(editorHosts(page)).toHaveCount(0);
  await page.close();
});

test('the context menu “Draft a reply to this” opens the editor of the comment holding the selected text', async ({ session }) => {
  const youtube = await new YouTubeWatchPage(session).open();
  const page = youtube.page;
  const rice = youtube.comment(RICE);
  // The creator selects a few words of the comment (a triple click selects its paragraph).
  await rice.locator('#content-text').click({ clickCount: 3 });
  expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toContain('rice flour');
  expect(await sendFromBackground(session, WATCH_URL, 'page.draftSelection')).toEqual({ ok: true, data: { opened: true } });
  await expect(youtube.editorAfter(rice).getByRole('textbox', { name: 'Draft' })).toBeVisible();
  await expect(editorHosts(page)).toHaveCount(1);

  expect(session.blocked).toEqual([]);
  await page.close();
});
