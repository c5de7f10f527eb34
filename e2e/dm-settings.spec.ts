/**
 * Options → Sites → Direct messages (issue 11), in the real browser with the built extension:
 * every "Direct messages on <Site>" switch starts off; the first one turned on explains what is
 * read and kept (a dialog: focus inside, Escape cancels), once; what is turned on stays on
 * across a reload of Options. And the side panel's side of DMs: a queued DM draft under its
 * conversation, "Open conversation", the messages it answered, and forgetting the person.
 *
 * One browser for the file.
 */
import { DM_SITES as DM_SITE_IDS, siteName } from '../lib/core/sites';
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import type { ContactRow, DraftRow } from '../lib/memory/db';
import { expectNoSeriousViolations } from './harness/axe';
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

// Every site with DMs, by name (lib/core/sites.ts DM_SITES is the one list).
const DM_SITES = DM_SITE_IDS.map(siteName);

test('DM switches start off, explain once what is read and kept, and stay on across a reload', async ({ session }, testInfo) => {
  const options = await new OptionsPage(session).open('sites');
  const { page } = options;

  for (const site of DM_SITES) {
    await expect(options.dmSwitch(site)).toBeVisible();
    await expect(options.dmSwitch(site)).not.toBeChecked();
    await expect(options.dmSwitch(site)).toBeEnabled();
  }
  // Comments stay on by default: the sites' own switches are untouched.
  await expect(options.siteSwitch('X')).toBeChecked();

  // The first one turned on asks first; Escape cancels and leaves it off.
  await options.dmSwitch('X').click();
  await expect(options.dmExplanation).toBeVisible();
  await expect(options.dmExplanation).toHaveAccessibleName('Turn on direct messages on X?');
  await expect(options.dmExplanation.getByRole('button', { name: 'Turn on' })).toBeFocused();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');
  await expect(options.dmExplanation).toBeHidden();
  await expect(options.dmSwitch('X')).not.toBeChecked();
  await expect(options.dmSwitch('X')).toBeFocused();

  // Asked again, it says in plain words what is read and kept; "Turn on" turns it on.
  await options.dmSwitch('X').click();
  const explanation = options.dmExplanation;
  await expect(explanation).toContainText('only when you press Draft reply');
  await expect(explanation).toContainText('latest messages');
  await expect(explanation).toContainText('the draft, the messages it answered');
  await expect(explanation).toContainText('The rest of the conversation is not kept');
  await expect(explanation).toContainText('Nothing leaves this computer');
  await expect(explanation).toContainText('nothing is ever sent for you');
  await expect(explanation.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await options.sitesSection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dm-explanation.png') });
  await explanation.getByRole('button', { name: 'Turn on' }).click();
  await expect(explanation).toBeHidden();
  await expect(options.dmSwitch('X')).toBeChecked();

  // Shown once: the next site turns on without asking.
  await options.dmSwitch('Instagram').click();
  await expect(options.dmSwitch('Instagram')).toBeChecked();
  await expect(options.dmExplanation).toHaveCount(0);

  // A site switched off takes its DMs with it, saying why; on again, they are back.
  await options.siteSwitch('LinkedIn').click();
  await expect(options.dmSwitch('LinkedIn')).toBeDisabled();
  await expect(options.dmSwitch('LinkedIn')).toHaveAccessibleDescription('LinkedIn is switched off above, so nothing there is read.');

  await options.sitesSection.scrollIntoViewIfNeeded();
  await options.sitesSection.screenshot({ path: testInfo.outputPath('dm-switches.png') });
  await options.siteSwitch('LinkedIn').click();
  await expect(options.dmSwitch('LinkedIn')).toBeEnabled();

  // Kept across a reload of Options; and the explanation is still not asked again.
  await page.reload();
  await expect(options.dmSwitch('X')).toBeChecked();
  await expect(options.dmSwitch('Instagram')).toBeChecked();
  await expect(options.dmSwitch('LinkedIn')).not.toBeChecked();
  await expect(options.dmSwitch('Facebook')).not.toBeChecked();
  await options.dmSwitch('Facebook').click();
  await expect(options.dmSwitch('Facebook')).toBeChecked();
  await expect(options.dmExplanation).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // Nothing reached the network.
  expect(session.blocked).toEqual([]);
});

/** Writes rows straight into the extension's database (as the background would), then reloads. */
async function seed(page: Page, rows: { drafts?: Omit<DraftRow, 'id'>[]; contacts?: ContactRow[] }) {
  await page.evaluate(async ({ drafts = [], contacts = [] }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('understudy');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['drafts', 'contacts'], 'readwrite');
      for (const row of drafts) tx.objectStore('drafts').add(row);
      for (const row of contacts) tx.objectStore('contacts').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
  await page.reload();
}

const CHAT_URL = 'https://x.com/i/chat/1234-5678';

test('a queued DM draft sits under its conversation, opens it, shows what it answered, and its person can be forgotten', async ({ session }, testInfo) => {
  const panel = await new SidePanelPage(session).open();
  const { page } = panel;
  await expect(panel.emptyQueue).toBeVisible();
  const now = Date.now();
  await seed(page, {
    drafts: [
      {
        site: 'youtube', commentId: 'c1', author: '@bob', commentText: 'How long do you proof rye?',
        pageUrl: 'https://www.youtube.com/watch?v=abc', text: 'About an hour longer than wheat.', engineText: 'About an hour longer than wheat.',
        engine: 'memory', exampleIds: [], status: 'queued', createdAt: now - 10, updatedAt: now - 10, kind: 'comment',
      },
      {
        site: 'x', commentId: 'dm:1234-5678', author: 'Maya Lin', commentText: 'Are you around Friday?\nWould love to collab on a bread video',
        pageUrl: CHAT_URL, text: 'Friday works! What did you have in mind?', engineText: 'Friday works! What did you have in mind?',
        engine: 'memory', exampleIds: [], status: 'queued', createdAt: now, updatedAt: now, kind: 'dm',
        conversation: {
          id: '1234-5678', group: false, answering: [0, 1],
          messages: [
            { from: 'them', sender: 'Maya Lin', text: 'Are you around Friday?' },
            { from: 'them', sender: 'Maya Lin', text: 'Would love to collab on a bread video' },
          ],
        },
      },
    ],
    contacts: [
      { key: 'x:maya lin', platform: 'x', handle: 'maya lin', firstSeen: now - 1000, lastSeen: now - 1000, interactions: 1, note: 'Met at the bakery meetup',
        conversations: [{ id: '1234-5678', url: CHAT_URL, lastAt: now - 1000 }] },
    ],
  });

  const conversation = page.getByRole('region', { name: 'Direct messages with Maya Lin' });
  await expect(conversation).toBeVisible();
  await expect(conversation.getByText('DM', { exact: true }).first()).toBeVisible();
  await expect(conversation.getByRole('article', { name: 'Draft reply to Maya Lin' })).toBeVisible();
  await expect(panel.card('@bob').getByRole('link', { name: 'Open comment' })).toHaveCount(0); // no permalink given
  await expect(conversation.getByRole('article', { name: 'Draft reply to @bob' })).toHaveCount(0);

  await conversation.getByRole('button', { name: 'Why this draft?' }).click();
  const answered = conversation.getByRole('region', { name: 'Messages it answered' });
  await expect(answered.getByRole('listitem')).toHaveText([
    /^Maya Lin wrote\s*Are you around Friday\?$/,
    /^Maya Lin wrote\s*Would love to collab on a bread video$/,
  ]);
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: testInfo.outputPath('side-panel-dm.png'), fullPage: true });

  // "Open conversation" opens the chat in a tab; pressed again, it brings that tab back instead.
  // (A stand-in page at the chat's address: what matters here is which tab shows it.)
  await session.context.route(CHAT_URL, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Chat</title><main>Chat</main>' }));
  const opened = session.context.waitForEvent('page');
  await conversation.getByRole('link', { name: 'Open conversation' }).click();
  const chat = await opened;
  await chat.waitForURL(CHAT_URL);
  const tabs = session.context.pages().length;
  await page.bringToFront();
  await conversation.getByRole('link', { name: 'Open conversation' }).click();
  await expect.poll(() => chat.evaluate(() => document.visibilityState)).toBe('visible');
  expect(session.context.pages()).toHaveLength(tabs);

  // Forget Maya: the confirmation names what goes; then her DM draft is gone, the comment stays.
  await conversation.getByRole('button', { name: 'Forget Maya Lin' }).click();
  const confirm = page.getByRole('dialog', { name: 'Forget Maya Lin?' });
  await expect(confirm).toContainText('your private note about them');
  await expect(confirm).toContainText('the links to 1 conversation with them');
  await expect(confirm).toContainText('your drafts of direct messages to them, with the messages each kept');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('side-panel-forget.png') });
  await confirm.getByRole('button', { name: 'Forget Maya Lin' }).click();
  await expect(confirm).toBeHidden();
  await expect(conversation).toHaveCount(0);
  await expect(panel.card('@bob')).toBeVisible();
  await expect(page.locator('.count')).toHaveText('1 waiting');
});
