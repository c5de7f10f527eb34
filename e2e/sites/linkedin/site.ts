import type { Page } from 'playwright-core';
import type { ConformancePage, SiteFixtures } from '../site-fixture';

const COMMENTS = {
  v1: 'article[data-id^="urn:li:comment:"]',
  v2: '[data-view-name="comment-container"]',
} as const;
const SUBMIT = {
  // The reply box's own submit, not the post's "Add a comment" box.
  v1: '.comments-comment-box--reply .comments-comment-box__submit-button',
  v2: 'button[data-view-name="comment-reply-post"]',
} as const;
const MAIN_POST = 'My 72-hour sourdough method';

/** The feed first (?ui=v2 serves LinkedIn's v2 markup), as a creator lands on LinkedIn. */
async function openFeed(page: Page, version: 'v1' | 'v2') {
  await page.goto(`https://www.linkedin.com/feed/${version === 'v2' ? '?ui=v2' : ''}`);
  await page.getByText(MAIN_POST).first().waitFor();
}

function pages(version: 'v1' | 'v2'): ConformancePage[] {
  const shared = {
    commentSelector: COMMENTS[version],
    draftable: 'Is the rice flour on the banneton necessary?',
    submitSelector: SUBMIT[version],
  };
  return [
    {
      kind: 'post',
      name: `LinkedIn post page (${version} markup)`,
      async arrive(page) {
        await openFeed(page, version);
        // The post's time link opens its own page, in-app.
        await page.getByRole('link', { name: /1d • Edited/ }).first().click();
        await page.locator(COMMENTS[version]).first().waitFor();
      },
      ...shared,
    },
    {
      kind: 'feed',
      name: `LinkedIn feed, comments opened under a post (${version} markup)`,
      async arrive(page) {
        await openFeed(page, version);
        await page.getByRole('button', { name: 'Comment', exact: true }).first().click();
        await page.locator(COMMENTS[version]).first().waitFor();
      },
      ...shared,
    },
  ];
}

export const linkedinFixtures: SiteFixtures = {
  site: 'linkedin',
  hosts: ['www.linkedin.com'],
  fileFor(url) {
    // One app shell for every page, as LinkedIn serves it: the app decides what to show.
    const path = url.pathname;
    if (path === '/' || /^\/feed(\/|$)/.test(path) || path.startsWith('/posts/')) return 'app.html';
    return null;
  },
  pages: [...pages('v1'), ...pages('v2')],
};
