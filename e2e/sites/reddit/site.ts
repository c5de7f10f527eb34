import type { SiteFixtures } from '../site-fixture';

/** A subreddit listing, a post's comments page, or the front page: the app decides what to show. */
const REDDIT_PAGE = /^\/(r\/[^/]+\/(.*)?)?$/;

export const redditFixtures: SiteFixtures = {
  site: 'reddit',
  hosts: ['www.reddit.com', 'old.reddit.com'],
  fileFor(url) {
    if (!REDDIT_PAGE.test(url.pathname)) return null;
    return url.hostname === 'old.reddit.com' ? 'old-reddit.html' : 'shreddit.html';
  },
  pages: [
    {
      kind: 'post',
      name: 'Reddit post page',
      async arrive(page) {
        await page.goto('https://www.reddit.com/r/Sourdough/');
        await page.getByRole('link', { name: /My 72-hour sourdough method/ }).first().click();
        await page.locator('shreddit-comment-tree shreddit-comment').first().waitFor();
      },
      commentSelector: 'shreddit-comment[thingid^="t1_"]',
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: 'shreddit-composer button[slot="submit-button"]',
    },
    {
      kind: 'old-post',
      name: 'Old Reddit post page',
      async arrive(page) {
        await page.goto('https://old.reddit.com/r/Sourdough/');
        // A real navigation on old Reddit: the comments page is a new page load.
        await Promise.all([
          page.waitForURL(/\/r\/Sourdough\/comments\//),
          page.locator('#siteTable .thing.link').first().locator('a.comments').click(),
        ]);
        await page.locator('.commentarea .thing.comment').first().waitFor();
      },
      commentSelector: '.thing.comment[data-fullname^="t1_"]',
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: '.commentarea .child > form.usertext .usertext-buttons button.save',
    },
  ],
};
