import type { ConformancePage, ConversationFixturePage, SiteFixtures } from '../site-fixture';

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

/** The open conversation: the page's main region once its message rows show. */
const PANE = '[role="main"]';
/** Messenger's send arrow, shown in place of the thumbs-up once the box holds text. */
const MESSENGER_SEND = '[role="main"] .mx-send-slot [role="button"][aria-label]:not(.mx-like)';

async function openConversation(page: Parameters<ConversationFixturePage['arrive']>[0], which: string) {
  await page.locator(`[role="navigation"] a[data-fixture-conversation="${which}"]`).click();
  await page.locator(`${PANE} div[role="row"] div[dir="auto"], ${PANE} div[role="row"] [role="img"], ${PANE} div[role="row"] [role="slider"]`).first().waitFor();
  await page.locator(`${PANE} [role="textbox"][data-lexical-editor="true"]`).waitFor();
}

const facebookMessages: ConversationFixturePage = {
  kind: 'dm',
  name: 'Facebook Messenger in facebook.com (English)',
  async arrive(page, which) {
    await page.goto('https://www.facebook.com/');
    await page.locator('[role="feed"]').waitFor();
    // The banner's Messenger button leads to the chat list (/messages/t/).
    await page.getByRole('link', { name: 'Messenger', exact: true }).click();
    await page.locator('[role="navigation"] [role="grid"] a[data-fixture-conversation]').first().waitFor();
    await openConversation(page, which);
  },
  paneSelector: PANE,
  submitSelector: MESSENGER_SEND,
};

const messengerCom: ConversationFixturePage = {
  kind: 'dm',
  name: 'Messenger.com (Spanish)',
  async arrive(page, which) {
    // messenger.com opens on the chat list; the UI language is the account's: Spanish here.
    await page.goto('https://www.messenger.com/?locale=es_LA');
    await page.locator('[role="navigation"] [role="grid"] a[data-fixture-conversation]').first().waitFor();
    await openConversation(page, which);
  },
  paneSelector: PANE,
  submitSelector: MESSENGER_SEND,
};

export const facebookFixtures: SiteFixtures = {
  site: 'facebook',
  hosts: ['www.facebook.com', 'www.messenger.com'],
  fileFor(url) {
    if (url.pathname.startsWith('/__fixture/')) return null;
    // messenger.com is Messenger's own shell; on facebook.com one app shell answers every page
    // (Messenger under /messages included), as Facebook serves it: the app decides what to show.
    if (url.hostname === 'www.messenger.com') return 'messenger.html';
    return 'facebook.html';
  },
  pages: [post, groupPost, dialog],
  conversations: [facebookMessages, messengerCom],
};
