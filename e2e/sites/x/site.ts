import type { SiteFixtures } from '../site-fixture';
import { xChat } from './chat-dom.js';

/** The focal post of the fixture's status page (FOCAL in fixture-dom.js). */
const FOCAL_PATH = '/crumbandcrust/status/1790000000000000001';

export const xFixtures: SiteFixtures = {
  site: 'x',
  hosts: ['x.com'],
  fileFor(url) {
    // One app shell for every route, as X serves it: the app decides what to show.
    const { pathname } = url;
    if (pathname === '/' || pathname === '/home' || pathname.startsWith('/compose/')) return 'index.html';
    // The chat (/i/chat, /i/chat/ID, /i/chat/requests) and the older /messages URLs it redirects.
    if (/^\/i\/chat(\/[\w:-]{1,100}){0,2}\/?$/.test(pathname) || /^\/messages(\/[\w:-]{1,100}){0,2}\/?$/.test(pathname)) return 'index.html';
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
  conversations: [
    {
      kind: 'dm',
      name: 'X chat',
      async arrive(page, which) {
        const chat = xChat(which);
        if (!chat) throw new Error(`no X chat for ${which}`);
        await page.goto('https://x.com/home');
        await page.locator('[data-testid="AppTabBar_DirectMessage_Link"]').click();
        // The inbox lives in the chat's open shadow root; Playwright's CSS pierces it.
        await page.locator(`[data-testid="dm-conversation-item-${chat.itemKey}"] a`).click();
        await page.waitForURL(`https://x.com/i/chat/${chat.id}`);
        await page.locator('[data-testid="dm-conversation-panel"] [data-dm-message-row]').last().waitFor();
        await page.locator('[data-testid="dm-composer-textarea"]').waitFor();
      },
      // The light-DOM host of the chat's shadow root.
      paneSelector: '[data-testid="xchatEmbedRoute"]',
      // Present only while the composer holds text.
      submitSelector: '[data-testid="dm-composer-send-button"]',
    },
  ],
};
