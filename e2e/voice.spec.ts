/**
 * Memory and voice, as the creator sees it in the side panel: why a draft was written (the past
 * replies it drew on), how close it sounds to them, the Voice view, and a private note on a
 * commenter that stays in the extension.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { SAMPLE_PROFILE, expect, importSampleProfile, test } from './fixtures';
import { ROOT } from './harness/launch';
import type { YouTubeWatchPage } from './pages/youtube-watch-page';

const STARTER = 'Can I do the 72 hours with a 100% whole wheat dough';
const NOTE = 'Met at the Saturday market, owes me a rye recipe (NOTE-7731)';
const NOTE_MARKER = 'NOTE-7731';

const PLATFORM_NAMES: Record<string, string> = { youtube: 'YouTube', instagram: 'Instagram', tiktok: 'TikTok', x: 'X' };
/** The sample creator's replies, and the platform each was written on. */
const sampleReplies = new Map(
  (
    JSON.parse(readFileSync(path.join(ROOT, SAMPLE_PROFILE), 'utf8')) as { examples: { reply: string; platform: string }[] }
  ).examples.map((e) => [e.reply, e.platform]),
);

/** Drafts a reply to the starter comment, queues it, and returns the comment's author and the editor. */
async function queueStarter(youtube: YouTubeWatchPage): Promise<{ author: string; editor: FrameLocator }> {
  await youtube.open();
  const editor = await youtube.openDraft(STARTER);
  await expect(editor.getByRole('status')).toContainText('Draft ready');
  await editor.getByRole('button', { name: 'Queue' }).click();
  await expect(editor.getByRole('status')).toContainText('Queued');
  const author = (await youtube.comment(STARTER).locator('#author-text').textContent())!.trim();
  return { author, editor };
}

async function queueStarterDraft(youtube: YouTubeWatchPage): Promise<string> {
  return (await queueStarter(youtube)).author;
}

/** Everything the page can see: its DOM and the shadow roots Understudy adds to it. */
async function everythingOnThePage(youtube: YouTubeWatchPage): Promise<string> {
  return youtube.page.evaluate(() => {
    const shadows = [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('understudy-'))
      .map((host) => host.shadowRoot?.innerHTML ?? '');
    return [document.documentElement.outerHTML, ...shadows].join('\n');
  });
}

async function replyTextOf(item: Locator): Promise<string> {
  return (await item.locator('.reply-text').textContent()) ?? '';
}

test.describe('Memory and voice in the side panel', () => {
  test.beforeEach(async ({ options }) => {
    await importSampleProfile(options);
  });

  test('“Why this draft?” lists the creator’s own past replies it drew on, and the card shows its voice match', async ({
    youtube,
    sidePanel,
  }) => {
    const author = await queueStarterDraft(youtube);
    await sidePanel.open();
    await expect(sidePanel.card(author)).toBeVisible();
    await expect(sidePanel.voiceScore(author)).toBeVisible();

    const why = sidePanel.whyButton(author);
    await expect(why).toHaveAttribute('aria-expanded', 'false');
    await why.click();
    await expect(why).toHaveAttribute('aria-expanded', 'true');

    const replies = sidePanel.provenanceReplies(author);
    await expect(replies.first()).toBeVisible();
    expect(await replies.count()).toBeGreaterThanOrEqual(1);
    const first = replies.first();
    const reply = await replyTextOf(first);
    expect([...sampleReplies.keys()]).toContain(reply);
    await expect(first).toContainText(PLATFORM_NAMES[sampleReplies.get(reply)!] ?? sampleReplies.get(reply)!);
    await expect(first).toContainText('imported');
    await expect(first).toContainText('You replied');
    // The memory engine uses no facts, and says so plainly.
    await expect(sidePanel.provenanceFacts(author)).toContainText('It drew on no facts from your fact sheet.');

    await why.click();
    await expect(why).toHaveAttribute('aria-expanded', 'false');
    await expect(replies).toHaveCount(0);
  });

  test('the Voice tab explains how it fills up before anything is sent, and is reachable by keyboard', async ({
    youtube,
    sidePanel,
  }) => {
    await queueStarterDraft(youtube);
    await sidePanel.open();
    await expect(sidePanel.tab('Queue')).toHaveAttribute('aria-selected', 'true');
    await expect(sidePanel.tabPanel('Queue')).toBeVisible();

    await sidePanel.tab('Queue').focus();
    await sidePanel.page.keyboard.press('ArrowRight');
    await expect(sidePanel.tab('Voice')).toHaveAttribute('aria-selected', 'true');
    await expect(sidePanel.tab('Voice')).toBeFocused();
    await expect(sidePanel.tabPanel('Voice')).toBeVisible();
    await expect(sidePanel.tabPanel('Queue')).toHaveCount(0);

    await expect(sidePanel.voiceEmpty).toContainText('Nothing sent yet.');
    await expect(sidePanel.voiceEmpty).toContainText('Mark as sent');
  });

  test('Mark as sent marks the draft sent on the desk and the Voice tab counts it', async ({ youtube, sidePanel }) => {
    const author = await queueStarterDraft(youtube);
    await sidePanel.open();
    await sidePanel.markSentButton(author).click();
    // The desk keeps every draft (its status filter has Sent); the card now says it was sent.
    await expect(sidePanel.card(author)).toContainText('Sent');

    await sidePanel.tab('Voice').click();
    await expect(sidePanel.voiceEmpty).toHaveCount(0);
    await expect(sidePanel.voiceStat('Sent unchanged')).toHaveText(/100%\s*1 of 1 sent draft word for word/);
    await expect(sidePanel.voiceStat('Median edit')).toHaveText(/Median edit\s*0\s*characters changed before sending/);
    await expect(sidePanel.voiceStat('Learned from')).toHaveText(/Learned from\s*1\s*reply you sent/);
  });

  test('a private note on a commenter is kept across reloads and never reaches the page', async ({ youtube, sidePanel }) => {
    const { author, editor } = await queueStarter(youtube);
    await sidePanel.open();
    await sidePanel.addNoteButton(author).click();
    const note = sidePanel.noteBox(author);
    await expect(note).toBeFocused();
    await expect(sidePanel.card(author)).toContainText('never shown on any site, never sent to the model', {
      ignoreCase: true,
    });
    await note.fill(NOTE);
    await expect(sidePanel.card(author).getByText('Note stored')).toBeVisible();

    await sidePanel.page.reload();
    await expect(sidePanel.noteBox(author)).toHaveValue(NOTE);
    // The draft's own box is still found by its name next to the open note.
    await expect(sidePanel.draftBox(author)).not.toHaveValue('');

    // Draft for the same commenter again: nothing about the note shows up on the site.
    await editor.getByRole('button', { name: 'Regenerate' }).click();
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    const page = await everythingOnThePage(youtube);
    expect(page).toContain(STARTER);
    expect(page).not.toContain(NOTE_MARKER);
    expect(page).not.toContain('Saturday market');
  });
});
