import type { SiteFixtures } from '../site-fixture';

/** The focal post of the fixture's status page (FOCAL in fixture-dom.js). */
const FOCAL_PATH = '/crumbandcrust/status/1790000000000000001';

export const xFixtures: SiteFixtures = {
  site: 'x',
  hosts: ['x.com'],
  fileFor(url) {
    // One app shell for every route, as X serves it: the app decides what to show.
    const { pathname } = url;
    if (pathname === '/' || pathname === '/home' || pathname.startsWith('/compose/')) return 'index.html';
    return /^\/\w{1,20}\/status\/\d+\/?$/.test(pathname) ? 'index.html' : null;
  },
  pages: [
    {
      kind: 'status',
      name: 'X status page',
      async arrive(page) {
        await page.goto('https://x.com/home');
        // The post's time link, as a creator clicks a post on the home timeline.
        await page.locator(`article[data-testid="tweet"] a[href="${FOCAL_PATH}"]`).first().click();
        await page.locator('[aria-label="Timeline: Conversation"] article[data-testid="tweet"][tabindex="0"]').first().waitFor();
      },
      commentSelector: 'article[data-testid="tweet"]:not([tabindex="-1"])',
      draftable: 'Is the rice flour on the banneton necessary?',
      // A reply's box is the reply modal its Reply button opens.
      submitSelector: '[role="dialog"] [data-testid="tweetButton"]',
      virtualized: true,
    },
  ],
};
