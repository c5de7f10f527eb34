import type { Page } from 'playwright-core';
import type { ConversationFixturePage, SiteFixtures } from '../site-fixture';

const COMMENT = '[data-e2e="comment-item"] [class*="DivCommentItemWrapper"]';

/** The feed first, as a creator opens TikTok; comments come from the site's own controls. */
async function openFeed(page: Page): Promise<void> {
  await page.goto('https://www.tiktok.com/');
  await page.locator('[data-e2e="recommend-list-item-container"]').first().waitFor();
}

const shared = {
  commentSelector: COMMENT,
  draftable: 'Is the rice flour on the banneton necessary?',
  // The reply box under the comment, not the panel's own box at the bottom.
  submitSelector: '[class*="DivCommentInputContainer"] [data-e2e="comment-post"]',
  // TikTok's Draft.js acts only on trusted input: every synthetic insertion fails.
  insertFallsBackToCopy: true,
  virtualized: true,
};

/** The open conversation's panel (DivChatBox) on /messages. */
const CHAT_BOX = '[class*="DivChatBox"]';

const conversations: ConversationFixturePage[] = [
  {
    kind: 'dm',
    name: 'TikTok messages',
    async arrive(page, which) {
      await openFeed(page);
      // The header's Messages icon, then the conversation in the (virtual-scrolled) inbox: in-app.
      await page.locator('[data-e2e="top-dm-icon"]').click();
      await page.waitForURL(/\/messages\?/);
      await page.locator(`[data-e2e="chat-list-item"][data-fixture-id="${which}"]`).click();
      await page.locator(`${CHAT_BOX} [data-e2e="chat-item"]`).last().waitFor();
      await page.locator(`${CHAT_BOX} [data-e2e="message-input-area"] [contenteditable="true"]`).waitFor();
    },
    paneSelector: CHAT_BOX,
    submitSelector: `${CHAT_BOX} [data-e2e="message-send"]`,
    // TikTok's Draft.js acts only on trusted input: Insert falls back to Copy + the caret in the box.
    insertFallsBackToCopy: true,
  },
];

export const tiktokFixtures: SiteFixtures = {
  site: 'tiktok',
  hosts: ['www.tiktok.com'],
  fileFor(url) {
    // One app shell for every page, as TikTok serves it: the app decides what to show.
    if (url.pathname.startsWith('/__fixture/')) return null;
    return 'index.html';
  },
  conversations,
  pages: [
    {
      kind: 'video',
      name: 'TikTok video page',
      async arrive(page) {
        await openFeed(page);
        await page.getByRole('link', { name: /My 72-hour sourdough method/ }).first().click();
        await page.waitForURL(/\/@crumbandcrust\/video\/\d+/);
        await page.locator(COMMENT).first().waitFor();
      },
      ...shared,
    },
    {
      kind: 'feed',
      name: "TikTok feed's comment panel",
      async arrive(page) {
        await openFeed(page);
        await page.locator('[data-e2e="comment-icon"]').first().click();
        await page.locator(COMMENT).first().waitFor();
      },
      ...shared,
    },
  ],
};
