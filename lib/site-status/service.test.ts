import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestPayload } from '../messaging/protocol';
import { healthRecordsItem } from './health-records';
import { BADGE_TEXT, createSiteStatus } from './service';
import { dmSwitchesItem, isDmOn, siteSwitchesItem, withDm, withSite } from './switches';

const DEFAULT_TITLE = 'Open Understudy drafts';
const youtubeTab = (tabId: number) => ({ id: 'ext-id', url: 'https://www.youtube.com/', tab: { id: tabId } });
const xTab = (tabId: number) => ({ id: 'ext-id', url: 'https://x.com/maya/status/1', tab: { id: tabId } });

const unreadable: RequestPayload<'site.health'> = {
  healthy: false,
  problem: 'no-comments',
  pageKind: 'watch',
  counts: { marks: 2, comments: 0, readable: 0, selectors: { thread: 0, comment: 0, editor: 0 } },
};

function setup() {
  return createSiteStatus({ version: '0.4.0', defaultTitle: DEFAULT_TITLE, now: () => 1_700_000_000_000 });
}
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
const title = (tabId: number) => fakeBrowser.action.getTitle({ tabId });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('site status in the background', () => {
  it("marks the tab whose page can't be read with a badge naming the site and page kind, and keeps the report", async () => {
    const status = setup();
    expect(await status.report(unreadable, youtubeTab(4))).toEqual({ recorded: true });
    expect(await badge(4)).toBe(BADGE_TEXT);
    expect(await title(4)).toBe("Understudy can't read this page (YouTube, watch page)");
    // Another tab is untouched.
    expect(await badge(5)).toBe('');
    expect(await healthRecordsItem.getValue()).toEqual({
      '4': {
        site: 'youtube',
        origin: 'https://www.youtube.com',
        pageKind: 'watch',
        problem: 'no-comments',
        counts: unreadable.counts,
        version: '0.4.0',
        reportedAt: 1_700_000_000_000,
      },
    });
  });

  it('takes the site from the sender, never from the page: an X tab is reported as X', async () => {
    const status = setup();
    await status.report({ ...unreadable, counts: { ...unreadable.counts, selectors: {} } }, xTab(9));
    expect((await healthRecordsItem.getValue())['9']).toMatchObject({ site: 'x', origin: 'https://x.com' });
    expect(await title(9)).toBe("Understudy can't read this page (X, watch page)");
  });

  it("checks selector names against the adapter of the sender's origin (YouTube Studio has its own)", async () => {
    const status = setup();
    const studioTab = { id: 'ext-id', url: 'https://studio.youtube.com/channel/UC1/comments', tab: { id: 11 } };
    const studio = { ...unreadable, pageKind: 'comments', counts: { ...unreadable.counts, selectors: { studioThread: 0, studioComment: 0 } } };
    expect(await status.report(studio, studioTab)).toEqual({ recorded: true });
    expect((await healthRecordsItem.getValue())['11']).toMatchObject({ site: 'youtube', origin: 'https://studio.youtube.com' });
    await expect(status.report(unreadable, studioTab)).rejects.toThrow(/Unknown selector/);
  });

  it("rejects selector names that aren't the site adapter's own", async () => {
    const status = setup();
    const payload = { ...unreadable, counts: { ...unreadable.counts, selectors: { VisitEvilExample: 3 } } };
    await expect(status.report(payload, youtubeTab(4))).rejects.toThrow(/Unknown selector/);
    expect(await badge(4)).toBe('');
    expect(await healthRecordsItem.getValue()).toEqual({});
  });

  it('clears the badge when the tab shows a readable page again, or loads another page', async () => {
    const status = setup();
    await status.report(unreadable, youtubeTab(4));
    await status.report({ healthy: true }, youtubeTab(4));
    expect(await badge(4)).toBe('');
    expect(await title(4)).toBe(DEFAULT_TITLE);
    expect(await healthRecordsItem.getValue()).toEqual({});

    await status.report(unreadable, youtubeTab(4));
    await status.report(unreadable, youtubeTab(6));
    await status.tabNavigated(4);
    expect(await badge(4)).toBe('');
    expect(await badge(6)).toBe(BADGE_TEXT);
    expect(Object.keys(await healthRecordsItem.getValue())).toEqual(['6']);
  });

  it('forgets a closed tab', async () => {
    const status = setup();
    await status.report(unreadable, youtubeTab(4));
    await status.tabClosed(4);
    expect(await healthRecordsItem.getValue()).toEqual({});
  });

  it("keeps reports from many tabs at once (no report lost to another's write)", async () => {
    const status = setup();
    await Promise.all([1, 2, 3, 4, 5].map((tabId) => status.report(unreadable, youtubeTab(tabId))));
    expect(Object.keys(await healthRecordsItem.getValue()).sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it("doesn't count TikTok's Insert ending in Copy as a broken page: that is how TikTok's box works", async () => {
    const status = setup();
    const tiktokTab = { id: 'ext-id', url: 'https://www.tiktok.com/@maya/video/1', tab: { id: 3 } };
    const refused = { ...unreadable, problem: 'composer-refused' as const, counts: { ...unreadable.counts, selectors: {} } };
    expect(await status.report(refused, tiktokTab)).toEqual({ recorded: false });
    expect(await badge(3)).toBe('');
  });

  it('answers whether a site is on, and ignores reports from a site switched off', async () => {
    const status = setup();
    expect(await status.enabled(youtubeTab(4))).toEqual({ enabled: true, dms: false });
    await siteSwitchesItem.setValue(withSite({}, 'youtube', false));
    expect(await status.enabled(youtubeTab(4))).toEqual({ enabled: false, dms: false });
    expect(await status.enabled(xTab(5))).toEqual({ enabled: true, dms: false });
    expect(await status.report(unreadable, youtubeTab(4))).toEqual({ recorded: false });
    expect(await badge(4)).toBe('');
  });

  it("switching a site off clears its tabs' notices and tells every open site tab whether its site is on", async () => {
    const status = setup();
    const yt = await fakeBrowser.tabs.create({ url: 'https://www.youtube.com/watch?v=abc' });
    const x = await fakeBrowser.tabs.create({ url: 'https://x.com/maya/status/1' });
    await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    await status.report(unreadable, youtubeTab(yt.id!));
    const told: { tabId: number; message: unknown }[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
      told.push({ tabId, message });
    }) as typeof fakeBrowser.tabs.sendMessage);

    const switches = withSite({}, 'youtube', false);
    await siteSwitchesItem.setValue(switches);
    await status.switchesChanged(switches);

    expect(await badge(yt.id!)).toBe('');
    expect(await healthRecordsItem.getValue()).toEqual({});
    expect(told).toEqual([
      { tabId: yt.id, message: { type: 'site.switch', enabled: false, dms: false } },
      { tabId: x.id, message: { type: 'site.switch', enabled: true, dms: false } },
    ]);
  });

  it("direct messages stay off until the creator turns a site's on, and only sites with DMs can be", async () => {
    const status = setup();
    expect(await status.enabled(xTab(5))).toEqual({ enabled: true, dms: false });
    await dmSwitchesItem.setValue(withDm(withDm({}, 'x', true), 'youtube', true));
    expect(await status.enabled(xTab(5))).toEqual({ enabled: true, dms: true });
    expect(await status.enabled(youtubeTab(4))).toEqual({ enabled: true, dms: false });
  });
});

describe('site status: conversations (direct messages)', () => {
  const xChatTab = (tabId: number) => ({ id: 'ext-id', url: 'https://x.com/i/chat/1600000000000000001-1610000000000001001', tab: { id: tabId } });
  const noConversation: RequestPayload<'site.health'> = {
    healthy: false,
    problem: 'no-conversation',
    pageKind: 'dm',
    counts: { marks: 2, comments: 1, readable: 0, selectors: { 'dm-host': 1, 'dm-panel': 1, 'dm-form': 1, 'dm-editor': 0 } },
  };

  it("accepts a conversation report with the site's conversation selector names, with a badge for the conversation page", async () => {
    await dmSwitchesItem.setValue(withDm({}, 'x', true));
    const status = setup();
    expect(await status.report(noConversation, xChatTab(7))).toEqual({ recorded: true });
    expect(await badge(7)).toBe(BADGE_TEXT);
    expect(await title(7)).toBe("Understudy can't read this page (X, conversation page)");
    expect((await healthRecordsItem.getValue())['7']).toMatchObject({ site: 'x', problem: 'no-conversation', counts: noConversation.counts });
    // An Insert that failed in the conversation, with the same names.
    const missing = { ...noConversation, problem: 'composer-missing' as const };
    expect(await status.report(missing, xChatTab(8))).toEqual({ recorded: true });
    // And the comments' names still, on the same site.
    const comments = { ...unreadable, pageKind: 'status', counts: { ...unreadable.counts, selectors: { comment: 0, editor: 0 } } };
    expect(await status.report(comments, xTab(9))).toEqual({ recorded: true });
  });

  it("rejects conversation selector names the site doesn't have, a site without conversations, and reports mixing both", async () => {
    await dmSwitchesItem.setValue(withDm({}, 'x', true));
    const status = setup();
    const unknown = { ...noConversation, counts: { ...noConversation.counts, selectors: { 'dm-VisitEvilExample': 0 } } };
    await expect(status.report(unknown, xChatTab(7))).rejects.toThrow(/Unknown selector/);
    // A conversation name without its prefix is no name of X's conversations.
    const bare = { ...noConversation, counts: { ...noConversation.counts, selectors: { panel: 1 } } };
    await expect(status.report(bare, xChatTab(7))).rejects.toThrow(/Unknown selector/);
    // YouTube has no conversations: no dm- name is its.
    const youtubeDm = { ...noConversation, counts: { ...noConversation.counts, selectors: { 'dm-editor': 0 } } };
    await expect(status.report(youtubeDm, youtubeTab(4))).rejects.toThrow(/Unknown selector/);
    const mixed = { ...noConversation, counts: { ...noConversation.counts, selectors: { 'dm-editor': 0, comment: 3 } } };
    await expect(status.report(mixed, xChatTab(7))).rejects.toThrow(/mixing/);
    expect(await badge(7)).toBe('');
    expect(await healthRecordsItem.getValue()).toEqual({});
  });

  it("ignores a conversation report while the site's DMs are off, and turning them off clears one", async () => {
    const status = setup();
    expect(await status.report(noConversation, xChatTab(7))).toEqual({ recorded: false });
    expect(await badge(7)).toBe('');

    await dmSwitchesItem.setValue(withDm({}, 'x', true));
    await status.report(noConversation, xChatTab(7));
    await status.report({ ...unreadable, counts: { ...unreadable.counts, selectors: { comment: 0 } } }, xTab(9));
    await dmSwitchesItem.setValue({});
    await status.switchesChanged();
    expect(await badge(7)).toBe('');
    // The comments' report on X stays: only the DMs went off.
    expect(Object.keys(await healthRecordsItem.getValue())).toEqual(['9']);
  });
});

describe('site switches', () => {
  it('keeps only the sites whose direct messages are on, and never one without DMs', () => {
    expect(withDm({}, 'x', true)).toEqual({ x: true });
    expect(withDm({ x: true, instagram: true }, 'x', false)).toEqual({ instagram: true });
    expect(withDm({}, 'reddit', true)).toEqual({});
    expect(isDmOn({ x: true }, 'x')).toBe(true);
    expect(isDmOn({}, 'x')).toBe(false);
  });

  it('keeps only the sites switched off, so every site starts on', () => {
    expect(withSite({}, 'x', false)).toEqual({ x: false });
    expect(withSite({ x: false, reddit: false }, 'x', true)).toEqual({ reddit: false });
  });
});
