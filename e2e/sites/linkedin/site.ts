import type { Page } from 'playwright-core';
import type { ConformancePage, ConversationFixturePage, SiteFixtures } from '../site-fixture';
import { CONVERSATIONS } from '../shared/chat-kit.js';

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

/** A chat-kit conversation by id (DM_ONE_TO_ONE, DM_GROUP, DM_HOSTILE). */
function conversation(which: string) {
  const found = CONVERSATIONS.find((c) => c.id === which);
  if (!found) throw new Error(`no chat-kit conversation "${which}"`);
  return found;
}

const THREAD_PANE = '.msg-convo-wrapper';
const BUBBLE = '.msg-overlay-conversation-bubble';
const SEND = 'button.msg-form__send-button';

const conversations: ConversationFixturePage[] = [
  {
    kind: 'dm',
    name: 'LinkedIn messaging thread page',
    async arrive(page, which) {
      await openFeed(page, 'v1');
      // The nav's Messaging link, then the conversation in the list: in-app, no page load.
      await page.locator('.global-nav').getByRole('link', { name: 'Messaging' }).click();
      await page.locator('.msg-conversations-container__conversations-list').waitFor();
      await page.locator(`a.msg-conversation-listitem__link[href="/messaging/thread/2-${which}/"]`).click();
      await page.locator(`${THREAD_PANE} .msg-s-event-listitem`).last().waitFor();
      await page.locator(`${THREAD_PANE} .msg-form__contenteditable`).waitFor();
    },
    paneSelector: THREAD_PANE,
    submitSelector: `${THREAD_PANE} ${SEND}`,
  },
  {
    kind: 'dm-overlay',
    name: 'LinkedIn messaging overlay bubble over the feed',
    async arrive(page, which) {
      await openFeed(page, 'v1');
      // The overlay's Messaging list, then the conversation: its bubble opens over the feed.
      await page.locator('.msg-overlay-list-bubble .msg-overlay-bubble-header__button').click();
      const title = conversation(which).title;
      await page
        .locator('.msg-overlay-list-bubble .msg-conversation-card__content--selectable')
        .filter({ has: page.locator('.msg-conversation-listitem__participant-names').getByText(title, { exact: true }) })
        .click();
      const bubble = page.locator(BUBBLE).filter({ has: page.locator('h2.msg-overlay-bubble-header__title').getByText(title, { exact: true }) });
      await bubble.locator('.msg-s-event-listitem').last().waitFor();
      await bubble.locator('.msg-form__contenteditable').waitFor();
    },
    paneSelector: BUBBLE,
    submitSelector: `${BUBBLE} ${SEND}`,
  },
];

export const linkedinFixtures: SiteFixtures = {
  site: 'linkedin',
  hosts: ['www.linkedin.com'],
  fileFor(url) {
    // One app shell for every page, as LinkedIn serves it: the app decides what to show.
    const path = url.pathname;
    if (path === '/' || /^\/feed(\/|$)/.test(path) || path.startsWith('/posts/')) return 'app.html';
    if (/^\/messaging(\/|$)/.test(path)) return 'app.html';
    return null;
  },
  pages: [...pages('v1'), ...pages('v2')],
  conversations,
};
