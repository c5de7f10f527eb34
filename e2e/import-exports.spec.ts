/**
 * Importing a platform's data export in Options, after the sample profile: the preview gives the
 * counts before anything is written, Import adds the new replies as one more source, and the
 * same export imported again (as its zip, or as its data/ files chosen together) adds nothing.
 * One browser for the file (worker-scoped session), the tests in order.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { test as base, expect } from '@playwright/test';
import { SAMPLE_PROFILE } from './fixtures';
import { expectNoSeriousViolations } from './harness/axe';
import { launchWithExtension, ROOT, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';

const EXPORTS = path.join(ROOT, 'public/samples/exports');

/** Every file under a sample export folder, by its path inside it. */
function filesOf(format: string): Record<string, Buffer> {
  const root = path.join(EXPORTS, format);
  const out: Record<string, Buffer> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full);
    }
  };
  walk(root);
  return out;
}

/** The sample export zipped as the platform hands it over, made on the fly. */
function zipOf(format: string): Buffer {
  return Buffer.from(zipSync(filesOf(format)));
}

const test = base.extend<{ options: OptionsPage }, { session: Session }>({
  session: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const session = await launchWithExtension();
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  options: async ({ session }, use) => {
    const options = await new OptionsPage(session).open();
    await use(options);
    await options.page.close();
  },
});

test.describe.configure({ mode: 'serial' });

async function exampleCount(options: OptionsPage): Promise<number> {
  return Number(await options.exampleCount.textContent());
}

test.describe('Importing a platform export', () => {
  let afterProfile = 0;
  let added = 0;

  test('after the sample profile, the X archive is previewed with its counts, and Import adds its replies as a new source', async ({ options }) => {
    await options.importFile(SAMPLE_PROFILE);
    await expect(options.success).toContainText('Imported sample-profile.json');
    await expect(options.exampleCount).not.toHaveText('0');
    afterProfile = await exampleCount(options);

    await options.chooseImportFiles([{ name: 'twitter-2025-archive.zip', buffer: zipOf('x-archive'), mimeType: 'application/zip' }]);
    await expect(options.importPreview).toBeVisible();
    await expect(options.importPreview).toContainText('X archive');
    const headline = options.importPreview.getByText(/^\d[\d,]* repl(y|ies) \(\d+ with the message they answered\) from X, \d{4}(–\d{4})?\.$/);
    await expect(headline).toBeVisible();
    await expect(options.importPreview).toContainText(/retweets? left out/);
    added = Number((await headline.textContent())!.match(/^[\d,]+/)![0].replace(/,/g, ''));
    expect(added).toBeGreaterThan(0);
    // Nothing is written while the preview is open.
    await expect(options.exampleCount).toHaveText(String(afterProfile));
    await options.importPreview.getByText('Filters').click();
    const minor = await expectNoSeriousViolations(options.page);
    expect.soft(minor, 'minor or moderate accessibility violations in the preview').toEqual([]);

    await options.confirmImportButton.click();
    await expect(options.success).toContainText(`Imported twitter-2025-archive.zip: ${added} ${added === 1 ? 'reply' : 'replies'} from X`);
    await expect(options.importPreview).toHaveCount(0);
    await expect(options.exampleCount).toHaveText(String(afterProfile + added));
    await expect(options.sources).toHaveCount(2);
    await expect(options.sources.filter({ hasText: 'twitter-2025-archive.zip' })).toContainText(`${added} replies`);
    await expect(options.sources.filter({ hasText: 'sample-profile.json' })).toContainText(`${afterProfile} replies`);
  });

  test('the same archive again, as its zip or as its data/ files chosen together, adds nothing', async ({ options }) => {
    const total = afterProfile + added;
    await expect(options.exampleCount).toHaveText(String(total));

    await options.chooseImportFiles([{ name: 'twitter-2025-archive.zip', buffer: zipOf('x-archive'), mimeType: 'application/zip' }]);
    await expect(options.importPreview).toContainText('0 replies');
    await expect(options.importPreview).toContainText(`${added} duplicates skipped`);
    await expect(options.importPreview).toContainText('Nothing new to import.');
    await options.confirmImportButton.click();
    await expect(options.success).toContainText('Imported nothing new from twitter-2025-archive.zip');

    const dataFiles = Object.entries(filesOf('x-archive')).map(([name, buffer]) => ({ name: path.basename(name), buffer, mimeType: 'text/javascript' }));
    await options.chooseImportFiles(dataFiles);
    await expect(options.importPreview).toContainText('Nothing new to import.');
    await options.confirmImportButton.click();
    await expect(options.success).toContainText('Imported nothing new from');

    await options.page.waitForTimeout(300);
    await expect(options.exampleCount).toHaveText(String(total));
    await expect(options.sources).toHaveCount(2);
  });

  test('Cancel in the preview writes nothing', async ({ options }) => {
    const total = afterProfile + added;
    await options.chooseImportFiles([{ name: 'instagram-download.zip', buffer: zipOf('instagram'), mimeType: 'application/zip' }]);
    await expect(options.importPreview).toContainText('from Instagram');
    await options.cancelImportButton.click();
    await expect(options.importPreview).toHaveCount(0);
    await expect(options.page.getByRole('status').filter({ hasText: 'Nothing was imported from instagram-download.zip.' })).toBeVisible();
    await options.page.waitForTimeout(300);
    await expect(options.exampleCount).toHaveText(String(total));
  });
});
