/**
 * Options → Profile & memory → "Your profile" (issue 12), in the real browser with the built
 * extension: a creator with no profile fills name, sign-off, a fact and a boundary, saves, and
 * after a reload of Options the values are still there; a link that isn't https is refused with
 * a message naming it. Then, with the sample creator imported, a fact added in the editor backs
 * a claim the claim guard flagged before.
 *
 * One browser for the file: the tests run in order, the second on the first one's memory.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { SAMPLE_PROFILE } from './fixtures';
import { expectNoSeriousViolations } from './harness/axe';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';
import { YouTubeWatchPage } from './pages/youtube-watch-page';

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

const editorOf = (page: Page) => page.getByRole('form', { name: 'Your profile' });

test('a profile typed into Options from nothing is saved and still there after a reload', async ({ session }, testInfo) => {
  const options = await new OptionsPage(session).open('profile');
  const { page } = options;
  const editor = editorOf(page);
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Name', { exact: true })).toHaveValue('');

  await editor.getByLabel('Name', { exact: true }).fill('Maya Okafor');
  await editor.getByLabel('Sign-off').fill('— Maya');
  await editor.getByLabel('Facts').fill('I bake sourdough every Sunday');
  await editor.getByLabel('Boundaries').fill('my health');
  await editor.getByRole('button', { name: 'Add a link' }).click();
  await editor.getByLabel('Link 1 label').fill('Shop');
  await editor.getByLabel('Link 1 address').fill('http://maya.example/shop');
  await editor.getByRole('button', { name: 'Save profile' }).click();
  await expect(editor.getByRole('alert')).toContainText('Link 1 address: expected an https:// link');
  await expect(editor.getByRole('status')).toHaveText('');

  await editor.getByLabel('Link 1 address').fill('https://maya.example/shop');
  await editor.getByRole('button', { name: 'Save profile' }).click();
  await expect(editor.getByRole('status')).toHaveText('Saved');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await editor.screenshot({ path: testInfo.outputPath('profile-editor.png') });

  await page.reload();
  const reloaded = editorOf(page);
  await expect(reloaded.getByLabel('Name', { exact: true })).toHaveValue('Maya Okafor');
  await expect(reloaded.getByLabel('Sign-off')).toHaveValue('— Maya');
  await expect(reloaded.getByLabel('Facts')).toHaveValue('I bake sourdough every Sunday');
  await expect(reloaded.getByLabel('Boundaries')).toHaveValue('my health');
  await expect(reloaded.getByLabel('Link 1 address')).toHaveValue('https://maya.example/shop');
  // Memory's summary names the creator too: the same row the export and the backup read.
  await expect(page.getByText('Maya Okafor').first()).toBeVisible();
  await page.close();
});

const STARTER = 'Can I do the 72 hours with a 100% whole wheat dough';
// Not one of the sample's boundaries ("her family" is), so the only flag is the claim itself.
const CLAIM = 'My dog steals the crusts of this loaf!';
const FLAG = 'Personal claim not on your fact sheet';

test('a fact added in the editor backs a claim the claim guard flagged before', async ({ session }) => {
  test.setTimeout(120_000);
  const options = await new OptionsPage(session).open();
  await options.importFile(SAMPLE_PROFILE);
  await expect(options.success).toBeVisible();

  const youtube = new YouTubeWatchPage(session);
  await youtube.open();
  let editor = await youtube.openDraft(STARTER);
  await expect(editor.getByRole('status')).toContainText('Draft ready');
  await youtube.draftBox(editor).fill(CLAIM);
  await expect(editor.getByRole('region', { name: 'Check before sending' })).toContainText(FLAG);
  await youtube.page.close();

  await options.page.reload();
  const profile = editorOf(options.page);
  const facts = profile.getByLabel('Facts');
  await expect(facts).not.toHaveValue('');
  await facts.fill(`${await facts.inputValue()}\nShe has a dog called Rye.`);
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Saved');

  const again = new YouTubeWatchPage(session);
  await again.open();
  editor = await again.openDraft(STARTER);
  await expect(editor.getByRole('status')).toContainText('Draft ready');
  await again.draftBox(editor).fill(CLAIM);
  await expect(editor.getByRole('status')).toContainText('Draft ready');
  await expect(editor.getByRole('status')).not.toContainText('to check');
  await expect(editor.getByRole('region', { name: 'Check before sending' })).toHaveCount(0);
});
