import { expect, importSampleProfile, test } from './fixtures';

const COMMENT = 'Is the rice flour on the banneton necessary?';

test.describe('Learning from what the creator sends', () => {
  test.beforeEach(async ({ options }) => {
    await importSampleProfile(options);
  });

  test('a draft shows how close it is to the creator’s voice', async ({ youtube }) => {
    await youtube.open();
    const editor = await youtube.openDraft(COMMENT);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await expect(editor.locator('.voice')).toHaveText(/^Voice match \d{1,3}/);
  });

  test('when the creator posts an inserted reply, its final text becomes a reply Understudy learns from', async ({ youtube, options }) => {
    await youtube.open();
    const editor = await youtube.openDraft(COMMENT);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await editor.getByRole('button', { name: 'Insert' }).click();
    await expect(editor.getByRole('status')).toContainText('Inserted');

    // The creator edits in YouTube's own box, then presses Reply themselves.
    const thread = youtube.comment(COMMENT).locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
    const box = thread.locator('ytd-commentbox #contenteditable-root');
    await box.click();
    await youtube.page.keyboard.press('End');
    await youtube.page.keyboard.type(' Semolina works too!');
    await thread.locator('ytd-commentbox #submit-button button').click();

    await expect(editor.getByRole('status')).toContainText('Sent. Understudy will learn from the reply you posted.');
    // Sent is final: nothing in the editor offers to insert or queue it again.
    for (const name of ['Insert', 'Queue', 'Regenerate']) {
      await expect(editor.getByRole('button', { name, exact: true })).toBeDisabled();
    }
    await expect(youtube.draftBox(editor)).not.toBeEditable();
    await options.page.reload();
    await expect(options.page.getByTestId('sent-count')).toHaveText('1');
    // What is learned is what was posted, with the edit made in YouTube's box.
    const learned = await options.page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('understudy');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('examples').objectStore('examples').getAll();
            all.onsuccess = () => resolve((all.result as { source: string; reply: string }[]).filter((e) => e.source === 'sent').map((e) => e.reply));
          };
        }),
    );
    expect(learned).toHaveLength(1);
    expect(learned[0]).toMatch(/Semolina works too!$/);
  });

  test('the AI-assisted note goes into the reply where the creator turned it on, and is not learned as their words', async ({ youtube, options }) => {
    await options.showSection('privacy');
    await options.page.getByRole('switch', { name: 'AI-assisted note on YouTube' }).check();
    const note = await options.page.getByLabel('Your note').inputValue();
    expect(note.length).toBeGreaterThan(0);
    await youtube.open();
    const editor = await youtube.openDraft(COMMENT);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    const draft = await youtube.draftBox(editor).inputValue();
    await editor.getByRole('button', { name: 'Insert' }).click();
    await expect(editor.getByRole('status')).toContainText('Inserted');
    const thread = youtube.comment(COMMENT).locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
    await expect(thread.locator('ytd-commentbox #contenteditable-root')).toContainText(note);
    await thread.locator('ytd-commentbox #submit-button button').click();
    await expect(editor.getByRole('status')).toContainText('Sent. Understudy will learn from the reply you posted.');
    await options.page.reload();
    const learned = await options.page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('understudy');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('examples').objectStore('examples').getAll();
            all.onsuccess = () => resolve((all.result as { source: string; reply: string }[]).filter((e) => e.source === 'sent').map((e) => e.reply));
          };
        }),
    );
    expect(learned).toEqual([draft.trim()]);
  });

  test('Mark as sent records a reply the page could not confirm', async ({ youtube, options }) => {
    await youtube.open();
    const editor = await youtube.openDraft(COMMENT);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await editor.getByRole('button', { name: 'Insert' }).click();
    await editor.getByRole('button', { name: 'Mark as sent' }).click();
    await expect(editor.getByRole('status')).toContainText('Marked as sent');
    await expect(editor.getByRole('button', { name: 'Mark as sent' })).toBeHidden();
    await options.page.reload();
    await expect(options.page.getByTestId('sent-count')).toHaveText('1');
  });
});
