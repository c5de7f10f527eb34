/**
 * A creator reaches a video the usual way: YouTube's home page, then a click (in-app
 * navigation, no page load). Chromium keeps reporting the URL the tab first loaded as the
 * sender's URL, so this is the path that once failed ("Understudy restarted while drafting").
 */
import { expect, importSampleProfile, test } from './fixtures';

const COMMENT = 'Is the rice flour on the banneton necessary?';
const MY_REPLY = 'Rice flour helps, but semolina works too!';

test.describe('Drafting after in-app navigation', () => {
  test.beforeEach(async ({ options }) => {
    await importSampleProfile(options);
  });

  test('home page → a video → Draft reply drafts, inserts and queues', async ({ youtube, sidePanel }) => {
    await youtube.openHome();
    await expect(youtube.draftButtons).toHaveCount(0);
    await youtube.clickLink(/My 72-Hour Sourdough Method/);
    await expect.poll(() => youtube.currentPage()).toBe('watch');
    await expect(youtube.page).toHaveURL(/\/watch\?v=/);

    const editor = await youtube.openDraft(COMMENT);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await expect(editor.getByRole('alert')).toHaveCount(0);
    await youtube.draftBox(editor).fill(MY_REPLY);
    await editor.getByRole('button', { name: 'Insert' }).click();
    await expect(editor.getByRole('status')).toContainText('Inserted');
    const thread = youtube.comment(COMMENT).locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
    await expect(thread.locator('ytd-commentbox #contenteditable-root')).toHaveText(MY_REPLY);
    await expect(thread.locator('ytd-commentbox #submit-button button')).toBeEnabled();

    await editor.getByRole('button', { name: 'Queue' }).click();
    await expect(editor.getByRole('status')).toContainText('Queued');
    await sidePanel.open();
    await expect(sidePanel.cards).toHaveCount(1);
  });

  test('watch → Shorts → another video, all in-app, still drafts', async ({ youtube }) => {
    await youtube.openHome();
    await youtube.clickLink(/My 72-Hour Sourdough Method/);
    await youtube.draftButtons.first().waitFor();
    await youtube.page.getByTitle('YouTube Home').click();
    await youtube.clickLink(/crumb check/);
    await expect.poll(() => youtube.currentPage()).toBe('shorts');
    await expect(youtube.draftButtons).toHaveCount(0);
    await youtube.page.goBack();
    await youtube.clickLink(/Reviving a Neglected Sourdough Starter/);
    await expect.poll(() => youtube.currentPage()).toBe('watch');
    const editor = await youtube.openDraftOn(youtube.comments.first());
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await expect(editor.getByRole('alert')).toHaveCount(0);
  });

  test('a reload between two drafts changes nothing', async ({ youtube }) => {
    await youtube.openHome();
    await youtube.clickLink(/My 72-Hour Sourdough Method/);
    await youtube.draftButtons.first().waitFor();
    let editor = await youtube.openDraft(COMMENT);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await youtube.page.reload();
    await youtube.draftButtons.first().waitFor();
    editor = await youtube.openDraft(COMMENT);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await expect(editor.getByRole('alert')).toHaveCount(0);
  });

  test('an edited draft survives a reload: it is waiting in the queue', async ({ youtube, sidePanel }) => {
    await youtube.open();
    const editor = await youtube.openDraft(COMMENT);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await youtube.draftBox(editor).fill(MY_REPLY);
    await expect(editor.getByText('Your edits are saved in the queue.')).toBeVisible();
    await youtube.page.reload();
    await sidePanel.open();
    await expect(sidePanel.draftBox('@kofi.bakes')).toHaveValue(MY_REPLY);
  });
});
