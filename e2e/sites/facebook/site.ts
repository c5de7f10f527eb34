import type { ConformancePage, SiteFixtures } from '../site-fixture';

/** Every comment the adapter should give a Draft reply button: articles labelled in any language. */
const COMMENTS = 'div[role="article"][aria-label]:not([aria-posinset])';
/**
 * The send arrow of the reply box opened under the draftable comment. Facebook posts a comment on
 * Enter and also shows this arrow (aria-disabled while the box is empty); the reply box comes
 * before the post's own "Write a comment…" box in the page, so the first one is the reply's.
 */
const REPLY_SEND = '.fx-comment-list form[role="presentation"] [id="focused-state-composer-submit"] [role="button"]';
const DRAFTABLE = 'Is the rice flour on the banneton necessary?';

const post: ConformancePage = {
  kind: 'post',
  name: 'Facebook Page post (English)',
  async arrive(page) {
    await page.goto('https://www.facebook.com/');
    await page.locator('[role="feed"] a[href^="/crumbandcrustkitchen/posts/pfbid02"]').first().click();
    await page.locator(COMMENTS).first().waitFor();
  },
  commentSelector: COMMENTS,
  draftable: DRAFTABLE,
  submitSelector: REPLY_SEND,
};

const groupPost: ConformancePage = {
  kind: 'group-post',
  name: 'Facebook group post (Spanish)',
  async arrive(page) {
    // The UI language is the account's: Spanish for this whole visit.
    await page.goto('https://www.facebook.com/?locale=es_LA');
    await page.getByRole('link', { name: 'Masa Madre Club' }).first().click();
    await page.locator('[role="feed"] a[href^="/groups/masamadreclub/posts/"]').first().click();
    await page.locator(COMMENTS).first().waitFor();
  },
  commentSelector: COMMENTS,
  draftable: DRAFTABLE,
  submitSelector: REPLY_SEND,
};

const dialog: ConformancePage = {
  kind: 'feed',
  name: 'Facebook post dialog over the feed (English)',
  async arrive(page) {
    await page.goto('https://www.facebook.com/');
    await page.getByRole('button', { name: /^\d+ comments$/ }).first().click();
    await page.locator(`[role="dialog"][aria-labelledby] ${COMMENTS}`).first().waitFor();
  },
  commentSelector: `[role="dialog"] ${COMMENTS}`,
  draftable: DRAFTABLE,
  submitSelector: `[role="dialog"] ${REPLY_SEND}`,
};

export const facebookFixtures: SiteFixtures = {
  site: 'facebook',
  hosts: ['www.facebook.com'],
  fileFor(url) {
    // One app shell for every page, as Facebook serves it: the app decides what to show.
    if (url.pathname.startsWith('/__fixture/')) return null;
    return 'facebook.html';
  },
  pages: [post, groupPost, dialog],
};
