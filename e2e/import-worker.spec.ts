/**
 * A large export is read in the import worker (issue 12): an X archive of 100,000 tweets and
 * 20,000 direct messages, made in the test. While it is read Options shows a progress bar with the
 * time left and Cancel; Cancel stops it with memory unchanged; read again, the preview gives its
 * counts, and the page never froze meanwhile (its longest task stays far from the seconds the
 * parse takes: the exact ~50 ms budget is measured by `npm run bench`, not here under test load).
 */
import { writeFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { xArchiveZip } from './harness/generated-exports';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';

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

/** Starts recording the page's long tasks; `longest()` reads the longest so far, in ms. */
async function watchLongTasks(options: OptionsPage) {
  await options.page.evaluate(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return () => options.page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
}

test('a 100,000-tweet X archive is read off the page with a progress bar, time left and Cancel, then previewed', async ({ session }, testInfo) => {
  test.setTimeout(180_000);
  const archive = testInfo.outputPath('twitter-big.zip');
  writeFileSync(archive, xArchiveZip(100_000, 20_000));
  const options = await new OptionsPage(session).open();
  const { page } = options;
  const before = await options.exampleCount.textContent();

  await options.importInput.setInputFiles(archive);
  const bar = page.getByRole('progressbar', { name: 'Reading twitter-big.zip' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('import-time-left')).toHaveText(/left/);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Stopped reading twitter-big.zip: nothing was changed.' })).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(options.exampleCount).toHaveText(before!);

  const longest = await watchLongTasks(options);
  await options.importInput.setInputFiles(archive);
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('import-time-left')).toHaveText(/^About \d+ (seconds|minutes?) left$|^Less than 5 seconds left$/, { timeout: 30_000 });
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0.3);
  await page.locator('.import-progress').screenshot({ path: testInfo.outputPath('import-progress.png') });
  await expect(options.importPreview).toBeVisible({ timeout: 120_000 });
  await expect(options.importPreview).toContainText('98,000 replies (10,000 with the message they answered) from X, 2019–2025.');
  await expect(options.importPreview).toContainText('2,000 retweets left out.');
  // A parse on the page would hold it for seconds; in the worker the page's tasks stay short.
  expect(await longest()).toBeLessThan(1000);
  await expect(options.exampleCount).toHaveText(before!);
  await options.cancelImportButton.click();
  expect(session.blocked).toEqual([]);
});
