/**
 * The welcome page (issue 12), opened by the background once, when Understudy is installed: the
 * steps to turn platforms on and to request each data download link to Options, and "Try the
 * sample creator" imports the sample as a source marked as the sample.
 *
 * One browser for the file.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations } from './harness/axe';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';

const test = base.extend<object, { session: Session }>({
  session: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const session = await launchWithExtension({ keepWelcome: true });
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
});

/** The tab the background opened on install. */
async function welcomeTab(session: Session): Promise<Page> {
  const url = session.extensionUrl('welcome.html');
  const open = session.context.pages().find((p) => p.url() === url);
  return open ?? session.context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 15_000 });
}

test('the welcome page opens on install, links to Options, and imports the sample creator marked as the sample', async ({ session }, testInfo) => {
  const page = await welcomeTab(session);
  await expect(page.getByRole('heading', { name: 'Welcome to Understudy' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Options → Sites' })).toHaveAttribute('href', /options\.html#sites$/);
  for (const platform of ['YouTube', 'Instagram', 'X', 'TikTok']) {
    const card = page.getByRole('listitem', { name: platform, exact: true });
    await expect(card.getByRole('link', { name: 'Import it in Options' })).toHaveAttribute('href', /options\.html#profile$/);
  }
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: 'Try the sample creator' }).click();
  await expect(page.getByRole('status')).toContainText('Imported the sample creator');
  await page.screenshot({ path: testInfo.outputPath('welcome.png'), fullPage: true });

  const options = await new OptionsPage(session).open('profile');
  await expect(options.page.getByText('Sample creator (not your replies)').first()).toBeVisible();
  await expect(options.page.getByRole('form', { name: 'Your profile' }).getByLabel('Name', { exact: true })).not.toHaveValue('');
});
