/**
 * Backup and restore, and forgetting a source, in Options, in one browser: the sample profile
 * and an X archive imported, "Export backup" downloaded, everything deleted, the backup chosen
 * under "Import style profile" (previewed per table, then restored with the same counts), and
 * Forget on the X archive taking its replies out of memory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { test as base, expect } from '@playwright/test';
import { SAMPLE_PROFILE } from './fixtures';
import { launchWithExtension, ROOT, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';

/** The sample X archive zipped as X hands it over. */
function xArchiveZip(): Buffer {
  const root = path.join(ROOT, 'public/samples/exports/x-archive');
  const files: Record<string, Buffer> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full);
    }
  };
  walk(root);
  return Buffer.from(zipSync(files));
}

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

async function count(locator: import('@playwright/test').Locator): Promise<number> {
  return Number(await locator.textContent());
}

test('a backup exported from Options restores every count and its settings after Delete everything, and Forget takes a source’s replies away', async ({ session }, testInfo) => {
  const options = await new OptionsPage(session).open();
  const { page } = options;

  await options.importFile(SAMPLE_PROFILE);
  await expect(options.success).toContainText('Imported sample-profile.json');
  await options.chooseImportFiles([{ name: 'twitter-archive.zip', buffer: xArchiveZip(), mimeType: 'application/zip' }]);
  await options.confirmImport('twitter-archive.zip');
  await expect(options.success).toContainText('Imported twitter-archive.zip');
  await expect(options.sources).toHaveCount(2);
  const examples = await count(options.exampleCount);
  const facts = await count(options.factCount);
  expect(examples).toBeGreaterThan(0);
  expect(facts).toBeGreaterThan(0);

  // A setting the backup carries: Reddit switched off.
  await options.showSection('sites');
  await options.siteSwitch('Reddit').click();
  await expect(options.siteSwitch('Reddit')).not.toBeChecked();
  await options.showSection('profile');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^understudy-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  await expect(page.getByRole('status').filter({ hasText: 'Exported understudy-backup-' })).toBeVisible();

  await options.deleteEverything();
  // The creator changes the setting after the backup; restoring puts the backup's back.
  await options.showSection('sites');
  await options.siteSwitch('Reddit').click();
  await expect(options.siteSwitch('Reddit')).toBeChecked();
  await options.showSection('profile');
  await expect(options.exampleCount).toHaveText('0');
  await expect(options.sources).toHaveCount(0);

  await options.importInput.setInputFiles(saved);
  await expect(options.importPreview).toContainText(`A backup of Understudy's memory: a profile, ${examples.toLocaleString('en-US')} replies, ${facts} facts`);
  await expect(options.importPreview).toContainText('Memory here is empty: importing restores everything as it was.');
  await options.importPreview.screenshot({ path: testInfo.outputPath('backup-preview.png') });
  // Nothing is written while the preview is open.
  await expect(options.exampleCount).toHaveText('0');
  await options.confirmImportButton.click();
  await expect(page.getByRole('status').filter({ hasText: `Restored ${download.suggestedFilename()}` })).toBeVisible();
  await expect(options.exampleCount).toHaveText(String(examples));
  await expect(options.factCount).toHaveText(String(facts));
  await expect(options.sources).toHaveCount(2);
  await options.showSection('sites');
  await expect(options.siteSwitch('Reddit')).not.toBeChecked();
  await options.showSection('profile');

  const archive = options.sources.filter({ hasText: 'twitter-archive.zip' });
  const fromArchive = Number((await archive.textContent())!.match(/([\d,]+) repl(?:y|ies)/)![1]!.replace(/,/g, ''));
  expect(fromArchive).toBeGreaterThan(0);
  await page.getByRole('region', { name: 'Sources' }).screenshot({ path: testInfo.outputPath('sources.png') });

  await page.getByRole('button', { name: 'Forget twitter-archive.zip' }).click();
  const dialog = page.getByRole('dialog', { name: 'Forget twitter-archive.zip?' });
  await expect(dialog).toContainText(`${fromArchive} replies from twitter-archive.zip will be deleted from memory`);
  await dialog.getByRole('button', { name: `Forget ${fromArchive} replies` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Forgot twitter-archive.zip: ${fromArchive} replies deleted.` })).toBeVisible();
  await expect(options.exampleCount).toHaveText(String(examples - fromArchive));
  await expect(options.sources).toHaveCount(1);
  await expect(options.sources).toContainText('sample-profile.json');
  expect(session.blocked).toEqual([]);
});
