/**
 * Draft all (issue 14) in the real browser with the built extension: the sample creator opens a
 * Q&A video with 60 comments the way they do (home page, then a click), opens the side panel and
 * presses "Draft all on this page". Questions are drafted first, then a returning commenter, then
 * the rest; spam, abuse and boundary topics are set aside with their reason; Pause holds the job,
 * Resume finishes it; every other comment ends in the queue. Nothing leaves the machine.
 *
 * One browser for the file.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { setAsideLabel } from '../lib/core/draft-all';
import type { DraftRow } from '../lib/memory/db';
import { importSampleProfile } from './fixtures';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';
import { SidePanelPage } from './pages/side-panel-page';
import { YouTubeWatchPage } from './pages/youtube-watch-page';
import { QA_COMMENTS, QA_VIDEO } from './sites/youtube/fixture-data';

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

/** Every draft row, in the order they were written (ids ascending). */
function draftRows(page: Page): Promise<DraftRow[]> {
  return page.evaluate(
    () =>
      new Promise<DraftRow[]>((resolve, reject) => {
        const open = indexedDB.open('understudy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('drafts').objectStore('drafts').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            resolve(request.result as DraftRow[]);
            open.result.close();
          };
        };
      }),
  );
}

const SET_ASIDE: Record<string, string> = {
  '@spamking': 'spam',
  '@link.drop': 'spam',
  '@bot_1': 'spam',
  '@bot_2': 'spam',
  '@bot_3': 'spam',
  '@crypto.wins': 'spam',
  '@sub.4.sub': 'spam',
  '@hater99': 'abuse',
  '@troll.again': 'abuse',
  '@voter22': 'boundary',
  '@glucose.q': 'boundary',
  '@visitor': 'boundary',
};

test('Draft all on a 60-comment page: questions first, then a returning commenter; spam, abuse and boundaries set aside with their reason; pause and resume', async ({ session }, testInfo) => {
  test.setTimeout(180_000);
  await importSampleProfile(new OptionsPage(session));

  // Earlier, the creator queued a reply to @maria.bakes on another video: she is a returning commenter.
  const youtube = await new YouTubeWatchPage(session).openHome();
  await youtube.clickLink(/My 72-Hour Sourdough Method/);
  const maria = youtube.commentBy('@maria.bakes');
  const editor = await youtube.openDraftOn(maria);
  await expect(youtube.draftBox(editor)).not.toHaveValue('', { timeout: 30_000 });
  await editor.getByRole('button', { name: 'Queue' }).click();

  // The Q&A video, reached the way a creator does: home, then a click.
  await youtube.page.getByTitle('YouTube Home').click();
  await youtube.clickLink(new RegExp(QA_VIDEO.title.replace(/[()]/g, '\\$&')));
  await expect(youtube.draftButtons).toHaveCount(QA_COMMENTS.length, { timeout: 30_000 });

  // The panel follows the active tab of its window: the creator was on the video.
  const panel = await new SidePanelPage(session).open();
  await youtube.page.bringToFront();
  await panel.page.bringToFront();
  const start = panel.page.getByRole('button', { name: 'Draft all on this page' });
  await expect(start).toBeEnabled();
  await start.click();

  const progress = panel.page.getByRole('progressbar', { name: 'Draft all progress' });
  await expect(progress).toBeVisible();
  await panel.page.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(panel.page.getByText(/^Paused · \d+ of \d+ comments$/)).toBeVisible();
  // Paused means paused: the comment being drafted finishes, then nothing moves while it is.
  await panel.page.waitForTimeout(1_500);
  const pausedAt = Number(await progress.getAttribute('aria-valuenow'));
  const total = Number(await progress.getAttribute('aria-valuemax'));
  expect(pausedAt).toBeLessThan(total);
  await panel.page.waitForTimeout(1_500);
  await expect(progress).toHaveAttribute('aria-valuenow', String(pausedAt));
  await panel.page.screenshot({ path: testInfo.outputPath('draft-all-paused.png') });

  await panel.page.getByRole('button', { name: 'Resume' }).click();
  await expect(start).toBeVisible({ timeout: 60_000 });
  const counts = panel.page.getByRole('region', { name: 'Draft all' }).getByRole('status');
  await expect(counts).toHaveText(/^\d+ drafted · \d+ set aside · Done\.$/);
  await panel.page.screenshot({ path: testInfo.outputPath('draft-all-done.png') });

  const rows = (await draftRows(panel.page)).filter((row) => row.pageUrl.includes(QA_VIDEO.id));
  // Every comment has a row: drafted, or set aside with its reason; none twice.
  expect(new Set(rows.map((r) => r.author)).size).toBe(QA_COMMENTS.length);
  const skipped = rows.filter((r) => r.status === 'skipped');
  const setAsideBy = Object.fromEntries(skipped.filter((r) => r.setAside !== 'no-fit').map((r) => [r.author, r.setAside]));
  expect(setAsideBy).toEqual(SET_ASIDE);
  expect(setAsideLabel(skipped.find((r) => r.author === '@voter22')!)).toBe('Needs you: On one of your boundary topics');
  for (const row of skipped) expect(row.text).toBe('');

  // Questions first, then the returning commenter, then the rest (set-aside rows come first: they are recorded at the start).
  const written = rows.filter((r) => r.status === 'queued' || r.setAside === 'no-fit');
  const mariaAt = written.findIndex((r) => r.author === '@maria.bakes');
  expect(mariaAt).toBeGreaterThan(0);
  for (const row of written.slice(0, mariaAt)) expect(row.commentText, row.author).toMatch(/\?|^(how|what|why|when|which|where|can|do|is)\b/i);
  for (const row of written.slice(mariaAt + 1)) expect(row.commentText, row.author).not.toMatch(/\?$/);
  const queued = rows.filter((r) => r.status === 'queued');
  // All the rest are in the queue (the memory engine abstains where no past reply answers: set aside as no-fit).
  expect(rows.every((r) => r.status === 'queued' || r.status === 'skipped')).toBe(true);
  expect(queued.length).toBeGreaterThanOrEqual(20);
  await expect(counts).toHaveText(new RegExp(`^${queued.length} drafted · ${skipped.length} set aside`));

  // A second press leaves the page alone: everything on it has a draft.
  await start.click();
  await expect(counts).toContainText('Every comment on this page already has a draft.');
  expect(session.blocked).toEqual([]);
});

test("Draft all on a page Understudy can't read says so in an alert", async ({ session }) => {
  const panel = await new SidePanelPage(session).open();
  const other = await session.context.newPage();
  await other.goto(session.extensionUrl('options.html'));
  await other.bringToFront();
  await panel.page.bringToFront();
  await panel.page.getByRole('button', { name: 'Draft all on this page' }).click();
  await expect(panel.page.getByRole('region', { name: 'Draft all' }).getByRole('alert')).toContainText('not one Understudy can read');
  await other.close();
  await panel.page.close();
});
