import type { SiteFixtures } from '../site-fixture';

const PHOTO = 'C8sDoUgh72h';
const REEL = 'C9ReElCrUmB';

export const instagramFixtures: SiteFixtures = {
  site: 'instagram',
  hosts: ['www.instagram.com'],
  fileFor(url) {
    // One app shell for every path (posts, reels, /direct/inbox/, /direct/t/ID/, requests), as
    // Instagram serves it: the app decides what to show.
    return url.pathname.startsWith('/__fixture/') ? null : 'index.html';
  },
  pages: [
    {
      kind: 'post',
      name: 'Instagram post page',
      async arrive(page) {
        await page.goto('https://www.instagram.com/');
        // A feed post's timestamp opens the post's own page.
        await page.locator(`main article a[href="/p/${PHOTO}/"] time`).click();
        await page.locator('main article ul > div').first().waitFor();
      },
      commentSelector: 'main article ul > div',
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: 'main article form [role="button"]:has-text("Post")',
      prefix: '@maria.bakes ',
      virtualized: true,
    },
    {
      kind: 'post',
      name: 'Instagram post opened over the feed',
      async arrive(page) {
        await page.goto('https://www.instagram.com/');
        // "View all N comments" opens the post in a dialog, URL pushed to /p/CODE/, feed behind.
        await page.getByRole('link', { name: /View all 64 comments/ }).click();
        await page.waitForURL(`https://www.instagram.com/p/${PHOTO}/`);
        await page.locator('[role="dialog"] article ul > div').first().waitFor();
      },
      commentSelector: '[role="dialog"] article ul > div',
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: '[role="dialog"] article form [role="button"]:has-text("Post")',
      prefix: '@maria.bakes ',
      virtualized: true,
    },
    {
      kind: 'reel',
      name: 'Instagram reel page',
      async arrive(page) {
        await page.goto('https://www.instagram.com/');
        await page.locator(`main article a[href="/reel/${REEL}/"] time`).click();
        await page.locator('main article ul > div').first().waitFor();
      },
      commentSelector: 'main article ul > div',
      draftable: 'Can I do the 72 hours with a 100% whole wheat dough',
      submitSelector: 'main article form [role="button"]:has-text("Post")',
      prefix: '@liambakesbread ',
      virtualized: true,
    },
  ],
  conversations: [
    {
      kind: 'dm',
      name: 'Instagram direct message thread',
      async arrive(page, which) {
        await page.goto('https://www.instagram.com/');
        // Messages in the side nav opens the inbox; a conversation opens beside the list.
        await page.locator('#nav a[href="/direct/inbox/"]').click();
        await page.waitForURL('https://www.instagram.com/direct/inbox/');
        await page.locator(`a[href="/direct/t/${which}/"]`).click();
        await page.waitForURL(`https://www.instagram.com/direct/t/${which}/`);
        await page.locator('section.fx-dm-thread div[role="row"] [role="presentation"]').first().waitFor();
        await page.locator('section.fx-dm-thread [role="textbox"][aria-label="Message"]').waitFor();
      },
      paneSelector: 'section.fx-dm-thread',
      submitSelector: 'section.fx-dm-thread [role="button"]:text-is("Send")',
    },
  ],
};
