import type { SiteFixtures } from '../site-fixture';

export const threadsFixtures: SiteFixtures = {
  site: 'threads',
  hosts: ['www.threads.com', 'www.threads.net'],
  fileFor(url) {
    // One app shell for every page: the app decides what to show.
    if (url.pathname === '/' || url.pathname.startsWith('/@')) return 'index.html';
    return null;
  },
  pages: [
    {
      kind: 'post',
      name: 'Threads post page',
      async arrive(page) {
        await page.goto('https://www.threads.com/');
        // A feed post opens wherever it is clicked, as on Threads.
        await page.locator('[data-pressable-container="true"] span[dir="auto"]').filter({ hasText: 'My 72-hour sourdough method' }).click();
        await page.locator('.fx-replies [data-pressable-container="true"] span[dir="auto"]').first().waitFor();
      },
      // The main post is the thread's context, not a reply: it gets no button.
      commentSelector: '.fx-replies [data-pressable-container="true"]',
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: '[role="dialog"] [role="button"]:text-is("Post")',
      virtualized: true,
    },
  ],
};
