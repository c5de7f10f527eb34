/**
 * An axe-core audit of the extension pages in the states a creator sees most: Options with the
 * sample profile imported and the Model section in view, and the side panel empty and with a
 * queued draft (its sources and private note open). No serious or critical violation fails the
 * test at once; minor and moderate ones are checked too, softly, so every state is reported.
 */
import type { Page } from 'playwright-core';
import type { DraftRow } from '../lib/memory/db';
import { test, expect, SAMPLE_PROFILE } from './fixtures';
import { launchWithExtension, type Session } from './harness/launch';
import { expectNoSeriousViolations } from './harness/axe';
import { OptionsPage } from './pages/options-page';
import { SidePanelPage } from './pages/side-panel-page';
import { YouTubeWatchPage } from './pages/youtube-watch-page';

// One browser for the whole file: each test takes the same profile one step further.
test.describe.configure({ mode: 'serial' });

let session: Session;
let options: OptionsPage;
let sidePanel: SidePanelPage;

test.beforeAll(async () => {
  session = await launchWithExtension();
  options = await new OptionsPage(session).open();
  sidePanel = await new SidePanelPage(session).open();
});

test.afterAll(async () => {
  await session?.close();
});

async function expectAccessible(page: Page) {
  const minor = await expectNoSeriousViolations(page);
  expect.soft(minor, 'minor or moderate accessibility violations').toEqual([]);
}

/**
 * Puts a queued draft straight into the database, as the drafting flow would have saved it, so
 * this audit of the side panel does not depend on drafting in a page (draft-flow.spec.ts covers
 * that). The side panel is reloaded to show it: a raw IndexedDB write does not wake Dexie's live
 * queries.
 */
async function queueDraft(page: Page, draft: Omit<DraftRow, 'id'>) {
  await page.evaluate(async (row) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('understudy');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').add(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, draft);
  await page.reload();
}

test.describe('Accessibility (axe-core)', () => {
  test('the side panel with nothing queued has no violations', async () => {
    await expect(sidePanel.emptyQueue).toBeVisible();
    await expect(sidePanel.emptyMemoryBanner).toBeVisible();
    await expectAccessible(sidePanel.page);
  });

  test('Options with the sample profile imported and the Model section in view has no violations', async () => {
    await options.importFile(SAMPLE_PROFILE);
    await expect(options.success).toBeVisible();
    await options.showSection('model');
    await expect(options.gpuSummary).toBeVisible();
    await expectAccessible(options.page);
  });

  test('the side panel with a queued draft, its sources and its note open, has no violations', async () => {
    const now = Date.now();
    await queueDraft(sidePanel.page, {
      site: 'youtube',
      commentId: 'a11y-1',
      author: '@travellingbaker',
      commentText: 'Any tips for keeping a starter alive while travelling?',
      permalink: 'https://www.youtube.com/watch?v=sourdough101&lc=Ugxa11y',
      threadTitle: 'Sourdough 101',
      pageUrl: 'https://www.youtube.com/watch?v=sourdough101',
      text: 'Hey! Dry a little on parchment before you go, it keeps for months ✨',
      engineText: 'Hey! Dry a little on parchment before you go, it keeps for months ✨',
      engine: 'memory',
      exampleIds: [1, 2],
      status: 'queued',
      createdAt: now,
      updatedAt: now,
      voiceScore: 84,
    });
    const author = '@travellingbaker';
    await expect(sidePanel.card(author)).toBeVisible();
    await expect(sidePanel.card(author).getByRole('link', { name: 'Open comment' })).toBeVisible();
    await sidePanel.whyButton(author).click();
    await expect(sidePanel.card(author).getByRole('region', { name: 'Past replies it drew on' })).toBeVisible();
    await sidePanel.addNoteButton(author).click();
    await expect(sidePanel.noteBox(author)).toBeVisible();
    await expectAccessible(sidePanel.page);
  });

  test('the in-page draft editor, with a draft and with none that fits, has no violations', async () => {
    const youtube = await new YouTubeWatchPage(session).open();
    const editor = await youtube.openDraft('Can I do the 72 hours with a 100% whole wheat dough');
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    const abstained = await youtube.openDraft('How do you store the loaf after cutting?');
    await expect(abstained.getByRole('button', { name: 'Show the closest anyway' })).toBeVisible();
    const minor = await expectNoSeriousViolations(youtube.page, { include: 'understudy-editor' });
    expect.soft(minor, 'minor or moderate accessibility violations').toEqual([]);
  });
});
