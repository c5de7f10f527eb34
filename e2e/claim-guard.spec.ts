/**
 * The claim guard, as the creator meets it in the inline editor: on YouTube, a draft that invents
 * a fact is listed under "Check before sending", Insert asks first (role=alertdialog naming each
 * flag) and the site's reply box stays untouched until "Insert anyway"; a clean draft inserts
 * with no question. The same for a DM (X chat): a fact typed into the Draft box that the sheet
 * doesn't hold is flagged, and the conversation's composer stays empty until "Insert anyway".
 *
 * One browser for the file: the sample creator's profile is imported once, each test opens its
 * own tabs.
 */
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from 'playwright-core';
import { SAMPLE_PROFILE } from './fixtures';
import { expectNoSeriousViolations } from './harness/axe';
import { launchWithExtension, type Session } from './harness/launch';
import { clickUntilExpanded } from './pages/draft-button';
import { OptionsPage } from './pages/options-page';
import { YouTubeWatchPage } from './pages/youtube-watch-page';
import type { ChatFixtureWindow } from './sites/fixture-api';
import { SITE_FIXTURES } from './sites/index';
import { DM_ONE_TO_ONE } from './sites/shared/chat-kit.js';

const test = base.extend<{ youtube: YouTubeWatchPage }, { session: Session }>({
  session: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const session = await launchWithExtension();
      const options = await new OptionsPage(session).open();
      await options.importFile(SAMPLE_PROFILE);
      await expect(options.success).toBeVisible();
      await options.page.close();
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  youtube: async ({ session }, use) => {
    await use(new YouTubeWatchPage(session));
  },
});

const STARTER = 'Can I do the 72 hours with a 100% whole wheat dough';
const CLEAN_ON = 'The jiggle test explanation is the best';
const INVENTED = 'My daughter loves this loaf, use code BREAD50 for 50% off';
const CLEAN = 'Thank you so much! Low and slow wins ✨';

/** The reply box's text, or '' while YouTube has not opened one: the box is untouched either way. */
async function replyBoxText(thread: Locator): Promise<string> {
  const box = thread.locator('ytd-commentbox #contenteditable-root');
  return (await box.count()) === 0 ? '' : ((await box.first().textContent()) ?? '').trim();
}

test('a draft with an invented fact is flagged, and Insert asks before it touches YouTube’s reply box', async ({ youtube }, testInfo) => {
  // Two drafts and three inserts.
  test.setTimeout(120_000);
  await youtube.open();
  const comment = youtube.comment(STARTER);
  const thread = comment.locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
  const editor = await youtube.openDraft(STARTER);
  await expect(editor.getByRole('status')).toContainText('Draft ready');

  await test.step('the flags are listed with their labels as the creator types', async () => {
    await youtube.draftBox(editor).fill(INVENTED);
    const check = editor.getByRole('region', { name: 'Check before sending' });
    await expect(check).toBeVisible();
    await expect(check).toContainText('Personal claim not on your fact sheet');
    await expect(check).toContainText('Price, code or discount not on your offers');
    await expect(check.locator('mark').filter({ hasText: 'daughter' }).first()).toBeVisible();
    await expect(check.locator('mark').filter({ hasText: 'BREAD50' }).first()).toBeVisible();
    await expect(editor.getByRole('status')).toContainText(/Draft ready — \d+ things to check/);
    await youtube.editorHostAfter(comment).locator('iframe').screenshot({ path: testInfo.outputPath('flagged-editor.png') });
  });

  await test.step('Insert opens an alertdialog naming the flags; the reply box stays empty; Cancel closes it', async () => {
    await editor.getByRole('button', { name: 'Insert', exact: true }).click();
    const dialog = editor.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('daughter');
    await expect(dialog).toContainText('BREAD50');
    await expect(dialog).toContainText('Personal claim not on your fact sheet');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await youtube.editorHostAfter(comment).locator('iframe').screenshot({ path: testInfo.outputPath('flagged-confirm.png') });
    // The flags and the question are as usable with a screen reader or a keyboard as the rest.
    const minor = await expectNoSeriousViolations(youtube.page, { include: 'understudy-editor' });
    expect.soft(minor, 'minor or moderate accessibility violations').toEqual([]);
    await youtube.page.waitForTimeout(300);
    expect(await replyBoxText(thread)).toBe('');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor.getByRole('alertdialog')).toHaveCount(0);
    expect(await replyBoxText(thread)).toBe('');
  });

  await test.step('"Insert anyway" fills the reply box', async () => {
    await editor.getByRole('button', { name: 'Insert', exact: true }).click();
    await editor.getByRole('alertdialog').getByRole('button', { name: 'Insert anyway' }).click();
    await expect(editor.getByRole('status')).toContainText('Inserted');
    await expect(thread.locator('ytd-commentbox #contenteditable-root')).toHaveText(INVENTED);
  });

  await test.step('a clean draft inserts with no question', async () => {
    const other = youtube.comment(CLEAN_ON);
    const otherThread = other.locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
    const second = await youtube.openDraft(CLEAN_ON);
    await expect(second.getByRole('status')).toContainText('Draft ready');
    await youtube.draftBox(second).fill(CLEAN);
    await expect(second.getByRole('region', { name: 'Check before sending' })).toHaveCount(0);
    await expect(second.getByRole('status')).not.toContainText('to check');
    await second.getByRole('button', { name: 'Insert', exact: true }).click();
    await expect(second.getByRole('status')).toContainText('Inserted');
    await expect(second.getByRole('alertdialog')).toHaveCount(0);
    await expect(otherThread.locator('ytd-commentbox #contenteditable-root')).toHaveText(CLEAN);
  });
});

/** The X chat of the conversation fixtures (e2e/sites/x/site.ts). */
const X_CHAT = SITE_FIXTURES.find((site) => site.site === 'x')!.conversations![0]!;
const DM_INVENTED = 'I have two kids who love this loaf, and the course is $5 for you this week!';

/** Sets X's "Direct messages on X" switch, as Options stores it. */
async function turnOnXDms(session: Session): Promise<void> {
  await session.serviceWorker.evaluate(async () => {
    type Local = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const current = ((await local.get('sites.dms'))['sites.dms'] ?? {}) as Record<string, boolean>;
    await local.set({ 'sites.dms': { ...current, x: true } });
  });
}

type ChatApi = ChatFixtureWindow['__fixture'];
/** What the chat's composer holds (its own model of the text), sends and key events not the creator's. */
async function chatState(page: Page): Promise<{ composer: string; sent: number; keyEvents: number }> {
  return page.evaluate(() => {
    const api = (window as unknown as { __fixture: ChatApi }).__fixture;
    return { composer: (api.composerState() ?? '').trim(), sent: api.sent().length, keyEvents: api.keyEvents() };
  });
}

test('a DM draft stating a fact not on the sheet is flagged, and Insert asks before it touches the composer', async ({ session }, testInfo) => {
  test.setTimeout(90_000);
  await turnOnXDms(session);
  const tab = await session.context.newPage();
  await X_CHAT.arrive(tab, DM_ONE_TO_ONE.id);
  await clickUntilExpanded(tab.locator('understudy-draft-button').first());
  const editor = tab.locator('understudy-editor iframe').last().contentFrame();
  const draftBox = editor.getByRole('textbox', { name: 'Draft' });
  await expect(draftBox).toHaveValue(/\S/, { timeout: 15_000 });

  await test.step('the creator types a fact the sheet doesn’t hold: it is listed', async () => {
    await draftBox.fill(DM_INVENTED);
    const check = editor.getByRole('region', { name: 'Check before sending' });
    await expect(check).toContainText('Personal claim not on your fact sheet');
    await expect(check).toContainText('Price, code or discount not on your offers');
    await expect(check.locator('mark').filter({ hasText: 'kids' }).first()).toBeVisible();
    await expect(check.locator('mark').filter({ hasText: '$5' }).first()).toBeVisible();
  });

  await test.step('Insert opens an alertdialog naming the flags; the composer stays empty; Cancel closes it', async () => {
    await editor.getByRole('button', { name: 'Insert', exact: true }).click();
    const dialog = editor.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('kids');
    await expect(dialog).toContainText('$5');
    await expect(dialog).toContainText('Personal claim not on your fact sheet');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await tab.locator('understudy-editor').last().screenshot({ path: testInfo.outputPath('flagged-dm-confirm.png') });
    await tab.waitForTimeout(300);
    expect((await chatState(tab)).composer).toBe('');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor.getByRole('alertdialog')).toHaveCount(0);
    expect((await chatState(tab)).composer).toBe('');
  });

  await test.step('"Insert anyway" fills the composer, and nothing is sent', async () => {
    await editor.getByRole('button', { name: 'Insert', exact: true }).click();
    await editor.getByRole('alertdialog').getByRole('button', { name: 'Insert anyway' }).click();
    await expect(editor.getByRole('status')).toContainText('Inserted');
    await expect.poll(async () => (await chatState(tab)).composer).toBe(DM_INVENTED);
    expect(await chatState(tab)).toMatchObject({ sent: 0, keyEvents: 0 });
    expect(session.blocked).toEqual([]);
  });
});
