import type { SiteFixtures } from '../site-fixture';

export const youtubeFixtures: SiteFixtures = {
  site: 'youtube',
  hosts: ['www.youtube.com'],
  fileFor(url) {
    // One app shell for every page, as YouTube serves it: the app decides what to show.
    if (url.pathname === '/watch' || url.pathname === '/' || url.pathname.startsWith('/shorts/')) return 'watch.html';
    return null;
  },
  pages: [
    {
      kind: 'watch',
      name: 'YouTube watch page',
      async arrive(page) {
        await page.goto('https://www.youtube.com/');
        await page.getByRole('link', { name: /My 72-Hour Sourdough Method/ }).first().click();
        await page.locator('ytd-comment-thread-renderer').first().waitFor();
      },
      commentSelector: 'ytd-comment-thread-renderer ytd-comment-view-model, ytd-comment-thread-renderer ytd-comment-renderer',
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: 'ytd-commentbox #submit-button button',
    },
  ],
};
