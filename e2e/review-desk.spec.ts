/**
 * The side panel as a review desk (issue 14), in the real browser with the built extension:
 * drafts from several sites, threads and a DM conversation grouped and newest first; filters
 * and search; edit in place; Regenerate with a steer through the background's drafter (the
 * memory engine, from the sample profile's replies); discard and Undo; the keyboard flow; the
 * panel at 320 px and in dark mode (screenshots in the test's output folder).
 *
 * One browser for the file.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import type { DraftRow } from '../lib/memory/db';
import { expectNoSeriousViolations } from './harness/axe';
import { seedDrafts } from './harness/seed-drafts';
import { launchWithExtension, type Session } from './harness/launch';
import { importSampleProfile } from './fixtures';
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


const NOW = Date.UTC(2026, 10, 1);
const WATCH = 'https://www.youtube.com/watch?v=rye';

function draft(over: Partial<DraftRow> & Pick<DraftRow, 'author' | 'commentText' | 'text'>): Omit<DraftRow, 'id'> {
  return {
    site: 'youtube',
    commentId: `c-${over.author}`,
    pageUrl: WATCH,
    threadTitle: 'Rye sourdough, start to finish',
    engineText: over.text,
    engine: 'memory',
    exampleIds: [],
    status: 'queued',
    createdAt: NOW,
    updatedAt: NOW,
    kind: 'comment',
    ...over,
  };
}

const DRAFTS = [
  draft({ author: '@ana', commentText: 'How do you know when your starter is ready to use?', text: 'When it doubles within 4–8 hours of a feed.', createdAt: NOW - 1000 }),
  draft({ author: '@ben', commentText: 'My starter smells like nail polish remover', text: 'Not dead, just hungry! Feed it twice a day.', createdAt: NOW - 2000 }),
  draft({ author: '@cleo', commentText: 'Great video!', text: 'Thank you so much!', status: 'sent', createdAt: NOW - 3000, sentAt: NOW - 2500 }),
  draft({
    author: '@dev', site: 'x', commentId: 'x1', pageUrl: 'https://x.com/baker/status/42', threadTitle: undefined,
    commentText: 'Which flour do you use for rye?', text: 'I use a whole rye flour from my local mill, I grew up in Vienna.', flagCount: 1, createdAt: NOW - 500,
  }),
  draft({
    author: 'Maya Lin', site: 'instagram', commentId: 'dm1', kind: 'dm', pageUrl: 'https://www.instagram.com/direct/t/123', threadTitle: undefined,
    conversation: { id: 't123', group: false, messages: [{ from: 'them', sender: 'Maya Lin', text: 'Any tips for a first loaf?' }], answering: [0] },
    commentText: 'Any tips for a first loaf?', text: 'Start with a simple country loaf and go slow.', createdAt: NOW - 100,
  }),
  draft({ author: '@gone', commentText: 'old', text: 'old', status: 'discarded', createdAt: NOW }),
];

const labels = (panel: SidePanelPage) => panel.cards.evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test('the desk lists every draft by site and thread, newest first, and filters and searches them', async ({ session }, testInfo) => {
  await importSampleProfile(new OptionsPage(session));
  const panel = await new SidePanelPage(session).open();
  const { page } = panel;
  await seedDrafts(page, DRAFTS, { replace: true });
  // A raw write wakes no live query: the panel reads the seeded desk on load.
  await page.reload();

  await expect(panel.deskCount).toHaveText('4 waiting');
  // Groups by their newest draft: the DM conversation, the X post, then the YouTube video.
  // (The list is virtualized: only the cards near the screen exist.)
  await expect.poll(async () => (await labels(panel)).slice(0, 3)).toEqual([
    'Draft reply to Maya Lin', 'Draft reply to @dev', 'Draft reply to @ana',
  ]);
  await expect(panel.threadHeading('Rye sourdough, start to finish')).toBeVisible();
  await expect(panel.threadHeading('https://x.com/baker/status/42')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: testInfo.outputPath('desk-light.png') });

  await panel.filter('Site').selectOption({ label: 'X' });
  await expect.poll(() => labels(panel)).toEqual(['Draft reply to @dev']);
  await expect(panel.deskCount).toHaveText('1 of 5 shown');
  await panel.clearFilters.click();

  await panel.filter('Status').selectOption({ label: 'Sent' });
  await expect.poll(() => labels(panel)).toEqual(['Draft reply to @cleo']);
  await expect(panel.card('@cleo').getByText('Sent', { exact: true })).toBeVisible();
  await panel.filter('Status').selectOption({ label: 'Any status' });

  await panel.filter('Comments or DMs').selectOption({ label: 'DMs' });
  await expect.poll(() => labels(panel)).toEqual(['Draft reply to Maya Lin']);
  await panel.filter('Comments or DMs').selectOption({ label: 'Comments and DMs' });

  // Flagged: what the claim guard counted on each card (a number not on the sheet counts too).
  await panel.flaggedOnly.check();
  await expect.poll(() => labels(panel)).toContain('Draft reply to @dev');
  await expect.poll(() => labels(panel)).not.toContain('Draft reply to Maya Lin');
  for (const card of await panel.cards.all()) await expect(card.getByText(/\d+ things? to check/)).toBeVisible();
  await panel.flaggedOnly.uncheck();

  await panel.contactFilter.fill('ben');
  await expect.poll(() => labels(panel)).toEqual(['Draft reply to @ben']);
  await panel.contactFilter.fill('');

  // Search looks in the draft, the comment and the name.
  await panel.searchBox.fill('nail polish');
  await expect.poll(() => labels(panel)).toEqual(['Draft reply to @ben']);
  await panel.searchBox.fill('maya');
  await expect.poll(() => labels(panel)).toEqual(['Draft reply to Maya Lin']);
  await panel.searchBox.fill('no such words anywhere');
  await expect(page.getByText('No drafts match.')).toBeVisible();
  await panel.searchBox.fill('');
  await expect(panel.deskCount).toHaveText('4 waiting');
});

test('a draft is edited in place, regenerated with a steer, discarded and brought back', async ({ session }) => {
  const panel = await new SidePanelPage(session).open();
  const { page } = panel;
  await expect(panel.deskCount).toHaveText('4 waiting');

  // Edited: saved as typed, then listed as edited.
  await panel.draftBox('@ana').fill('When it doubles in 4–8 hours. Trust the rise, not the clock.');
  await expect(panel.card('@ana').getByText('Saved')).toBeVisible();
  await expect(panel.card('@ana').getByText('Edited', { exact: true })).toBeVisible();
  await panel.filter('Status').selectOption({ label: 'Edited' });
  await expect.poll(() => labels(panel)).toEqual(['Draft reply to @ana']);
  await panel.filter('Status').selectOption({ label: 'Any status' });

  // Regenerate with a steer, through the background; a steer the memory engine can't honour says so.
  await expect(panel.steer('@ben').getByRole('option', { name: 'Funnier (needs an AI model)' })).toBeDisabled();
  await panel.steer('@ben').selectOption({ label: 'Shorter' });
  const before = await panel.draftBox('@ben').inputValue();
  await panel.regenerateButton('@ben').click();
  await expect(panel.card('@ben').getByText('New draft written.')).toBeVisible();
  await expect(panel.draftBox('@ben')).not.toHaveValue(before);
  await expect(panel.draftBox('@ben')).not.toHaveValue('');

  // Discard, then Undo from the status line.
  await panel.discardButton('@ben').click();
  await expect(panel.card('@ben')).toHaveCount(0);
  await expect(panel.deskStatus).toContainText('Discarded the draft to @ben.');
  await panel.undoButton.click();
  await expect(panel.card('@ben')).toBeVisible();
  await expect(panel.deskStatus).toContainText('The draft to @ben is back.');
  await expect(page.locator('body')).toBeVisible();
});

test('every action has a key: j/k move with focus shown, e edits, Escape leaves, x discards, u undoes, / searches, ? lists the keys', async ({ session }, testInfo) => {
  const panel = await new SidePanelPage(session).open();
  const { page } = panel;
  await expect(panel.deskCount).toHaveText('4 waiting');
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('j');
  await expect(panel.card('Maya Lin')).toBeFocused();
  await page.keyboard.press('j');
  await expect(panel.card('@dev')).toBeFocused();
  await expect(panel.selectedCard).toHaveAccessibleName('Draft reply to @dev');
  await page.screenshot({ path: testInfo.outputPath('desk-keys-focus.png') });
  await page.keyboard.press('k');
  await expect(panel.card('Maya Lin')).toBeFocused();
  await page.keyboard.press('j');

  // e: into the text box; letters type there; Escape gives the keys back.
  await page.keyboard.press('e');
  await expect(panel.draftBox('@dev')).toBeFocused();
  await page.keyboard.type(' x');
  await expect(panel.draftBox('@dev')).toHaveValue(/ x$/);
  await page.keyboard.press('Escape');
  await expect(panel.card('@dev')).toBeFocused();

  // i: Open & insert; a flagged draft asks first, as in the inline editor (Cancel keeps it here).
  await page.keyboard.press('i');
  const ask = panel.card('@dev').getByRole('alertdialog');
  await expect(ask).toContainText("Insert it into X's reply box anyway?");
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await panel.card('@dev').focus();

  // x discards the selected draft; the next one is selected; u brings it back.
  await page.keyboard.press('x');
  await expect(panel.card('@dev')).toHaveCount(0);
  await expect(panel.selectedCard).toHaveAccessibleName('Draft reply to @ana');
  await page.keyboard.press('u');
  await expect(panel.card('@dev')).toBeVisible();

  await page.keyboard.press('/');
  await expect(panel.searchBox).toBeFocused();
  await page.keyboard.type('rye');
  await expect(panel.searchBox).toHaveValue('rye');
  await panel.searchBox.fill('');
  await page.keyboard.press('Escape');
  await expect(panel.searchBox).not.toBeFocused();

  await page.keyboard.press('?');
  await expect(panel.keysDialog).toBeVisible();
  await expect(panel.keysDialog).toContainText('Undo the last discard');
  await page.keyboard.press('Escape');
  await expect(panel.keysDialog).toBeHidden();
});

test('the desk fits a 320 px panel and follows a dark system theme', async ({ session }, testInfo) => {
  const panel = await new SidePanelPage(session).open();
  const { page } = panel;
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(panel.deskCount).toHaveText('4 waiting');
  // Nothing wider than the panel: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: testInfo.outputPath('desk-320.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(11, 16, 32)');
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: testInfo.outputPath('desk-320-dark.png') });
  await page.setViewportSize({ width: 420, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('desk-dark.png') });
});
