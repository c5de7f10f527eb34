/**
 * Importing a style profile on the options page: a preview says what it would change before
 * anything is written; a good file says what it brought in; a bad one says which file and what is
 * wrong, and changes nothing. A second profile replaces the profile fields, while its replies add
 * to the ones already in memory. Delete everything empties it all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, SAMPLE_PROFILE } from './fixtures';
import { ROOT } from './harness/launch';
import type { OptionsPage } from './pages/options-page';

const sample = JSON.parse(readFileSync(path.join(ROOT, SAMPLE_PROFILE), 'utf8')) as {
  name: string;
  examples: unknown[];
  facts: unknown[];
};
const EXAMPLES = String(sample.examples.length);
const FACTS = String(sample.facts.length);

async function importSample(options: OptionsPage) {
  await options.importFile(SAMPLE_PROFILE);
  await expect(options.success).toBeVisible();
  await expect(options.exampleCount).toHaveText(EXAMPLES);
  await expect(options.factCount).toHaveText(FACTS);
}

/** After a refused file: the alert is up, no success claim, and memory is as it was. */
async function expectRefusedAndUnchanged(options: OptionsPage, fileName: string, problem: RegExp) {
  await expect(options.error).toBeVisible();
  await expect(options.error).toContainText(fileName);
  await expect(options.error).toContainText(problem);
  await expect(options.page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
  // Give a half-applied import time to show in the live counts before checking them.
  await options.page.waitForTimeout(300);
  await expect(options.exampleCount).toHaveText(EXAMPLES);
  await expect(options.factCount).toHaveText(FACTS);
  await expect(options.page.getByText(`Profile: ${sample.name}`)).toBeVisible();
}

test.describe('Importing a style profile', () => {
  test('importing the sample profile names the file and what it brought in, and the counts update', async ({ options }) => {
    await options.open();
    await expect(options.exampleCount).toHaveText('0');
    await expect(options.factCount).toHaveText('0');
    await expect(options.page.getByText('No style profile imported yet.')).toBeVisible();

    await options.importFile(SAMPLE_PROFILE);
    await expect(options.success).toHaveText(
      `Imported sample-profile.json: ${EXAMPLES} example replies and ${FACTS} facts for ${sample.name}.`,
    );
    await expect(options.exampleCount).toHaveText(EXAMPLES);
    await expect(options.factCount).toHaveText(FACTS);
    await expect(options.page.getByText(`Profile: ${sample.name}`)).toBeVisible();
    await expect(options.error).toHaveCount(0);
  });

  test('a profile is previewed before anything is written; a second one replaces the profile and facts, and its replies add up', async ({ options }) => {
    await options.open();
    await options.importInput.setInputFiles(path.join(ROOT, SAMPLE_PROFILE));
    await expect(options.importPreview).toContainText(`A style profile for ${sample.name}: importing replaces your profile`);
    await expect(options.importPreview).toContainText(`${EXAMPLES} replies (`);
    await expect(options.exampleCount).toHaveText('0');
    await options.confirmImportButton.click();
    await expect(options.success).toContainText('Imported sample-profile.json');
    await expect(options.exampleCount).toHaveText(EXAMPLES);

    const next = {
      ...sample,
      name: 'Maya O.',
      facts: [{ text: 'Maya bakes on Sundays.' }],
      examples: [...sample.examples, { reply: 'A brand new reply, never seen before.' }],
    };
    await options.importInput.setInputFiles({ name: 'maya-2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) });
    await expect(options.importPreview).toContainText('1 reply (0 with the message they answered)');
    await expect(options.importPreview).toContainText(`${EXAMPLES} duplicates skipped`);
    await options.confirmImportButton.click();
    await expect(options.success).toHaveText(`Imported maya-2.json: 1 example reply and 1 fact for Maya O. ${EXAMPLES} replies were already in memory.`);
    await expect(options.exampleCount).toHaveText(String(sample.examples.length + 1));
    await expect(options.factCount).toHaveText('1');
    await expect(options.page.getByText('Profile: Maya O.')).toBeVisible();
    await expect(options.sources).toHaveCount(2);
  });

  test.describe('a bad file is refused with a message naming it and the problem, and changes nothing', () => {
    test.beforeEach(async ({ options }) => {
      await options.open();
      await importSample(options);
    });

    test('a file that is not JSON', async ({ options }) => {
      await options.importBuffer('notes.json', 'hello {');
      await expectRefusedAndUnchanged(options, 'notes.json', /is not JSON/);
    });

    test('JSON of the wrong shape names the field path', async ({ options }) => {
      const wrong = { ...sample, examples: 'all my best replies' };
      await options.importBuffer('wrong-shape.json', JSON.stringify(wrong));
      await expectRefusedAndUnchanged(options, 'wrong-shape.json', /wrong-shape\.json: examples — expected a list/);
    });

    test('an empty file', async ({ options }) => {
      await options.importBuffer('empty.json', '');
      await expectRefusedAndUnchanged(options, 'empty.json', /is empty/);
    });

    test('a file over 50 MB', async ({ options }) => {
      // Playwright refuses in-memory buffers over 50 MB, so the file goes through the disk.
      const dir = mkdtempSync(path.join(tmpdir(), 'understudy-big-'));
      const file = path.join(dir, 'huge-profile.json');
      const head = Buffer.from(JSON.stringify({ ...sample, name: 'Someone Else' }).slice(0, -1) + ', "padding": "');
      const tail = Buffer.from('"}');
      const padding = Buffer.alloc(51 * 1024 * 1024 - head.length - tail.length, 'a');
      writeFileSync(file, Buffer.concat([head, padding, tail]));
      try {
        await options.importInput.setInputFiles(file);
        await expectRefusedAndUnchanged(options, 'huge-profile.json', /51 MB; the limit is 50 MB/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  test('Delete everything leaves memory at zero and the side panel with nothing queued', async ({
    options,
    youtube,
    sidePanel,
  }) => {
    await options.open();
    await importSample(options);

    // Something in the queue, so the side panel has something to lose.
    await youtube.open();
    const editor = await youtube.openDraft('Can I do the 72 hours with a 100% whole wheat dough');
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await editor.getByRole('button', { name: 'Queue' }).click();
    await expect(editor.getByRole('status')).toContainText('Queued');
    await sidePanel.open();
    await expect(sidePanel.cards).toHaveCount(1);
    await expect(sidePanel.emptyMemoryBanner).toHaveCount(0);

    await options.page.bringToFront();
    await options.deleteEverything();
    await expect(options.page.getByRole('status').filter({ hasText: 'Everything was deleted' })).toBeVisible();
    await options.showSection('profile');
    await expect(options.exampleCount).toHaveText('0');
    await expect(options.factCount).toHaveText('0');
    await expect(options.page.getByText('No style profile imported yet.')).toBeVisible();

    // The side panel follows live: no drafts, and it says memory is empty.
    await expect(sidePanel.cards).toHaveCount(0);
    await expect(sidePanel.emptyQueue).toBeVisible();
    await expect(sidePanel.emptyMemoryBanner).toBeVisible();
    await sidePanel.page.reload();
    await expect(sidePanel.emptyQueue).toBeVisible();
    await expect(sidePanel.cards).toHaveCount(0);
  });
});
