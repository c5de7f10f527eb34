/**
 * The side panel's Today tab and Options in sections (issue 14), in the real browser with the
 * built extension: the Today numbers from sent drafts; Options' sections by address and by
 * their nav, with Back; the model list folded on this GPU-less browser; dark theme and 320 px
 * (screenshots in the test output, looked at).
 *
 * One browser for the file.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import type { DraftRow } from '../lib/memory/db';
import { seedDrafts } from './harness/seed-drafts';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';
import { SidePanelPage } from './pages/side-panel-page';

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

/** Writes drafts straight into the database, as sending them would have left them, then reloads (a raw write wakes no live query). */
async function seedAndReload(page: Page, rows: Omit<DraftRow, 'id'>[]) {
  await seedDrafts(page, rows);
  await page.reload();
}

function draft(overrides: Partial<DraftRow>): Omit<DraftRow, 'id'> {
  const now = Date.now();
  return {
    site: 'youtube',
    commentId: `c-${Math.random()}`,
    author: '@fan',
    commentText: 'Loved this one',
    pageUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    text: 'Thank you so much!',
    engineText: 'Thank you so much!',
    engine: 'memory',
    exampleIds: [],
    status: 'sent',
    kind: 'comment',
    createdAt: now - 6 * 60_000,
    updatedAt: now,
    ...overrides,
  };
}

test('Today shows replies sent today, the share sent unchanged, the median time from draft to sent and the questions waiting', async ({ session }, testInfo) => {
  const panel = await new SidePanelPage(session).open();
  const { page } = panel;
  const now = Date.now();
  await seedAndReload(page, [
    draft({ sentAt: now - 60_000, editDistance: 0, createdAt: now - 5 * 60_000 }),
    draft({ sentAt: now - 120_000, editDistance: 0, createdAt: now - 12 * 60_000 }),
    draft({ sentAt: now - 180_000, editDistance: 9, createdAt: now - 9 * 60_000, text: 'Thanks, truly!' }),
    draft({ status: 'queued', commentText: 'How long do you let the dough rest?', sentAt: undefined }),
  ]);
  await page.getByRole('tab', { name: 'Today', exact: true }).click();
  const today = page.getByRole('tabpanel', { name: 'Today' });
  await expect(today.getByTestId('today-sent')).toHaveText('3');
  await expect(today.getByTestId('week-sent')).toHaveText('3');
  await expect(today.getByTestId('week-unchanged')).toHaveText('67%');
  await expect(today).toContainText('2 of 3 replies went out exactly as drafted.');
  await expect(today.getByTestId('week-median')).toHaveText('6 min');
  await expect(today).toContainText('from when a draft was written to when you sent it');
  await expect(today.getByTestId('waiting-questions')).toHaveText('1');
  await expect(today).toContainText('on 1 page');

  await page.setViewportSize({ width: 320, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('today-320-dark.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.close();
});

test('Options opens the section its address names, switches by the nav with Back working, and folds the model list without a GPU', async ({ session }, testInfo) => {
  const options = await new OptionsPage(session).open('model');
  const { page } = options;
  await expect(options.sectionLink('model')).toHaveAttribute('aria-current', 'page');
  await expect(options.gpuSummary).toBeVisible();
  await expect(options.importInput).toBeHidden();
  await expect(options.modelsFolded).toContainText('No usable GPU here');
  await expect(options.modelsFolded.getByRole('button', { name: 'Show the models anyway' })).toHaveAttribute('aria-expanded', 'false');
  await expect(options.modelSection.getByRole('group', { name: 'Qwen2.5 0.5B (32-bit shaders)' })).toHaveCount(0);

  await options.sectionLink('sites').click();
  await expect(page).toHaveURL(/options\.html#sites$/);
  await expect(options.siteSwitch('YouTube')).toBeVisible();
  await expect(options.modelSection).toBeHidden();
  await page.goBack();
  await expect(page).toHaveURL(/options\.html#model$/);
  await expect(options.gpuSummary).toBeVisible();

  // Keyboard: the nav's links are reachable and open their section.
  await options.sectionLink('privacy').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Delete everything…' })).toBeVisible();
  // The privacy statement in full, an extension page of its own (the same text as PRIVACY.md).
  const [privacy] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('link', { name: 'Privacy in full' }).click(),
  ]);
  await expect(privacy.getByRole('heading', { level: 1, name: 'Understudy privacy' })).toBeVisible();
  await expect(privacy.getByRole('heading', { name: 'What leaves your computer' })).toBeVisible();
  await expect(privacy.getByText(/huggingface\.co/)).toBeVisible();
  await privacy.close();
  await options.showSection('profile');
  await expect(options.importInput).toBeAttached();
  await expect(page.getByText('Import style profile', { exact: true })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('options-wide-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await options.showSection('model');
  await page.screenshot({ path: testInfo.outputPath('options-model-wide-dark.png') });
  await page.setViewportSize({ width: 320, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('options-model-320-dark.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.close();
});
