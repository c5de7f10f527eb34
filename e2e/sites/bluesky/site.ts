import type { SiteFixtures } from '../site-fixture';

export const blueskyFixtures: SiteFixtures = {
  site: 'bluesky',
  hosts: ['bsky.app'],
  fileFor(url) {
    // One app shell for every page, as bsky.app serves it: the app decides what to show.
    if (url.pathname === '/' || url.pathname.startsWith('/profile/')) return 'index.html';
    return null;
  },
  pages: [
    {
      kind: 'thread',
      name: 'Bluesky post thread',
      async arrive(page) {
        await page.goto('https://bsky.app/');
        // A feed card opens its post wherever it is clicked, as in the client.
        await page.getByTestId('postText').filter({ hasText: 'My 72-hour sourdough method' }).click();
        await page.locator('[data-testid="postThreadScreen"] [data-testid^="postThreadItem-by-"] [data-word-wrap]').nth(1).waitFor();
      },
      // The anchor post is the thread's context, not a reply: it gets no button.
      commentSelector: '[data-testid="postThreadScreen"] [data-testid^="postThreadItem-by-"]:not([data-fixture-anchor])',
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: '[role="dialog"] [data-testid="composerPublishBtn"]',
    },
  ],
};
