import { expect, importSampleProfile, test } from './fixtures';

const STARTER = 'Can I do the 72 hours with a 100% whole wheat dough';

test.describe('Drafting a reply on a YouTube watch page', () => {
  test.beforeEach(async ({ options }) => {
    await importSampleProfile(options);
  });

  test('every comment and reply with text gets a Draft reply button', async ({ youtube }) => {
    await youtube.open();
    const withText = await youtube.comments.evaluateAll(
      (comments) => comments.filter((el) => (el.querySelector('#content-text')?.textContent ?? '').trim() !== '').length,
    );
    expect(withText).toBeGreaterThan(50);
    await expect(youtube.draftButtons).toHaveCount(withText);
  });

  test('a draft in the creator’s voice appears in the inline editor with its four actions', async ({ youtube }) => {
    await youtube.open();
    const editor = await youtube.openDraft(STARTER);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    const draft = await youtube.draftBox(editor).inputValue();
    expect(draft.length).toBeGreaterThan(20);
    // The memory engine says who wrote the draft: the creator's own past replies.
    await expect(youtube.engineLabel(editor)).toHaveText('From your past replies');
    for (const name of ['Insert', 'Queue', 'Regenerate', 'Copy']) {
      await expect(editor.getByRole('button', { name, exact: true })).toBeVisible();
    }
  });

  test('Insert fills the comment’s own reply box so YouTube enables Reply, and posts nothing', async ({ youtube }) => {
    await youtube.open();
    const thread = youtube.comment(STARTER).locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
    const repliesBefore = await thread.locator('ytd-comment-replies-renderer #comment').count();
    const editor = await youtube.openDraft(STARTER);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await youtube.draftBox(editor).fill('Hey! Freeze a little dried starter before you go ✨');
    await editor.getByRole('button', { name: 'Insert' }).click();
    await expect(editor.getByRole('status')).toContainText('Inserted');

    const box = thread.locator('ytd-commentbox');
    await expect(box.locator('#contenteditable-root')).toHaveText('Hey! Freeze a little dried starter before you go ✨');
    await expect(box.locator('#submit-button button')).toBeEnabled();
    // The creator presses Reply; Understudy never does.
    await youtube.page.waitForTimeout(300);
    await expect(thread.locator('ytd-comment-replies-renderer #comment')).toHaveCount(repliesBefore);
    await expect(box).toBeVisible();
  });

  test('Queue stores the draft and the side panel lists it live, saves edits and discards it', async ({ youtube, sidePanel }) => {
    await sidePanel.open();
    await expect(sidePanel.page.getByText('No queued drafts.')).toBeVisible();

    await youtube.open();
    const editor = await youtube.openDraft(STARTER);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    const draft = await youtube.draftBox(editor).inputValue();
    await editor.getByRole('button', { name: 'Queue' }).click();
    await expect(editor.getByRole('status')).toContainText('Queued');

    const author = (await youtube.comment(STARTER).locator('#author-text').textContent())!.trim();
    const card = sidePanel.card(author);
    await expect(card).toBeVisible();
    await expect(card).toContainText('YouTube');
    await expect(card).toContainText(STARTER);
    await expect(sidePanel.draftBox(author)).toHaveValue(draft);

    await sidePanel.draftBox(author).fill('Edited in the side panel');
    await expect(card.getByText('Saved')).toBeVisible();
    await sidePanel.page.reload();
    await expect(sidePanel.draftBox(author)).toHaveValue('Edited in the side panel');

    await sidePanel.card(author).getByRole('button', { name: 'Discard' }).click();
    await expect(sidePanel.card(author)).toHaveCount(0);
    await expect(sidePanel.page.getByText('No queued drafts.')).toBeVisible();
  });

  test('Escape in the Draft box after an edit closes the editor, queues the edit and gives focus back to Draft reply', async ({ youtube, sidePanel }) => {
    await youtube.open();
    const editor = await youtube.openDraft(STARTER);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await youtube.draftBox(editor).fill('Edited, then closed with Escape');
    await youtube.draftBox(editor).press('Escape');

    const button = youtube.comment(STARTER).getByRole('button', { name: 'Draft reply' }).first();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();

    await sidePanel.open();
    const author = (await youtube.comment(STARTER).locator('#author-text').textContent())!.trim();
    await expect(sidePanel.draftBox(author)).toHaveValue('Edited, then closed with Escape');
    await sidePanel.card(author).getByRole('button', { name: 'Discard' }).click();
    await expect(sidePanel.card(author)).toHaveCount(0);
  });

  test('Regenerate writes a different draft for the same comment', async ({ youtube }) => {
    await youtube.open();
    const editor = await youtube.openDraft('The jiggle test explanation is the best');
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    const first = await youtube.draftBox(editor).inputValue();
    await editor.getByRole('button', { name: 'Regenerate' }).click();
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await expect(youtube.draftBox(editor)).not.toHaveValue(first);
  });

  test('Copy puts the draft on the clipboard', async ({ session, youtube }) => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.youtube.com' });
    await youtube.open();
    const editor = await youtube.openDraft(STARTER);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await youtube.draftBox(editor).fill('Copied words');
    await editor.getByRole('button', { name: 'Copy' }).click();
    await expect(editor.getByRole('status')).toContainText('Copied');
    expect(await youtube.page.evaluate(() => navigator.clipboard.readText())).toBe('Copied words');
  });

  test('when none of the creator’s past replies answers the comment, the draft box stays empty and says so', async ({ youtube }) => {
    await youtube.open();
    const editor = await youtube.openDraft('How do you store the loaf after cutting?');
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await expect(youtube.draftBox(editor)).toHaveValue('');
    await expect(editor.getByText(/None of your past replies answers this/)).toBeVisible();
    await expect(editor.locator('.voice')).toHaveCount(0);
    // Offered on request only, and then clearly as the closest, not as an answer.
    await editor.getByRole('button', { name: 'Show the closest anyway' }).click();
    await expect(youtube.draftBox(editor)).not.toHaveValue('');
    await expect(editor.getByRole('status')).toContainText('closest past reply');
  });

  test('comments loaded on scroll and after in-app navigation get buttons too', async ({ youtube }) => {
    await youtube.open();
    const before = await youtube.draftButtons.count();
    await youtube.page.evaluate(() => (window as unknown as { __fixture: { appendThreads(n: number): void } }).__fixture.appendThreads(20));
    await expect.poll(() => youtube.draftButtons.count()).toBeGreaterThanOrEqual(before + 20);

    await youtube.page.evaluate(() => (window as unknown as { __fixture: { navigate(id: string): void } }).__fixture.navigate('Q7pLm2cRt9w'));
    await expect(youtube.page).toHaveURL(/v=Q7pLm2cRt9w/);
    await expect.poll(() => youtube.draftButtons.count()).toBeGreaterThan(40);
    const editor = await youtube.openDraft(STARTER);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
  });
});
