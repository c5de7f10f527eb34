import type { SiteFixtures } from '../site-fixture';

const STUDIO_HOST = 'studio.youtube.com';
/** Every comment the youtube adapter reads: watch/Shorts threads, and Studio's. */
const WATCH_COMMENT = 'ytd-comment-thread-renderer ytd-comment-view-model, ytd-comment-thread-renderer ytd-comment-renderer';
const STUDIO_COMMENT = 'ytcp-comment-thread ytcp-comment';

export const youtubeFixtures: SiteFixtures = {
  site: 'youtube',
  hosts: ['www.youtube.com', STUDIO_HOST],
  fileFor(url) {
    // One app shell per app, as YouTube and Studio serve them: the app decides what to show.
    if (url.hostname === STUDIO_HOST) return 'studio/index.html';
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
      commentSelector: WATCH_COMMENT,
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: 'ytd-commentbox #submit-button button',
    },
    {
      kind: 'shorts',
      name: 'YouTube Shorts comments panel',
      async arrive(page) {
        await page.goto('https://www.youtube.com/');
        await page.getByRole('link', { name: /The 10-second crumb check/ }).first().click();
        await page.locator('ytd-reel-video-renderer[is-active] #comments-button button').click();
        await page
          .locator('ytd-reel-video-renderer[is-active] ytd-engagement-panel-section-list-renderer ytd-comment-thread-renderer')
          .first()
          .waitFor();
      },
      commentSelector: WATCH_COMMENT,
      draftable: 'Is the rice flour on the banneton necessary?',
      submitSelector: 'ytd-commentbox #submit-button button',
    },
    {
      kind: 'studio-comments',
      name: 'YouTube Studio comments',
      async arrive(page) {
        await page.goto(`https://${STUDIO_HOST}/`);
        await page.getByRole('link', { name: 'Comments', exact: true }).click();
        await page.locator('ytcp-comment-thread').first().waitFor();
      },
      commentSelector: STUDIO_COMMENT,
      draftable: 'Is the rice flour on the banneton necessary?',
      // Studio's 2026 reply box: a "Reply" button after the field, with no id.
      submitSelector: 'ytcp-commentbox[is-reply] #buttons ytcp-button.fx-submit button',
      virtualized: true,
    },
  ],
};
