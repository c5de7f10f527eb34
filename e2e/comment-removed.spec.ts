/**
 * A comment can vanish while the creator is drafting a reply to it (deleted, or the list
 * re-rendered). Their words must not vanish with it: a non-empty draft goes to the queue and
 * the creator is told where; an empty one is simply dropped.
 */
import { expect, importSampleProfile, test } from './fixtures';

const STARTER = 'Can I do the 72 hours with a 100% whole wheat dough';

test.describe('A comment removed while its draft is open', () => {
  test.beforeEach(async ({ options }) => {
    await importSampleProfile(options);
  });

  test('the draft, with the creator’s edits, is saved to the queue and a message says so', async ({ youtube, sidePanel }) => {
    await sidePanel.open();
    await expect(sidePanel.emptyQueue).toBeVisible();

    await youtube.open();
    const comment = youtube.comment(STARTER);
    const author = (await comment.locator('#author-text').textContent())!.trim();
    const id = await youtube.fixtureId(comment);
    const editor = await youtube.openDraftOn(comment);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await youtube.draftBox(editor).fill('Freeze a spoonful of dried starter before you leave, Aisha!');

    expect(await youtube.removeThread(id)).toBe(true);
    await expect(youtube.toast).toContainText(`The comment by ${author} was removed from the page`);
    await expect(youtube.toast).toContainText('saved to the queue');
    await expect(youtube.page.locator('understudy-editor')).toHaveCount(0);

    const card = sidePanel.card(author);
    await expect(card).toBeVisible();
    await expect(sidePanel.draftBox(author)).toHaveValue('Freeze a spoonful of dried starter before you leave, Aisha!');
    await expect(sidePanel.quote(author)).toContainText(STARTER);
    await expect(sidePanel.cards).toHaveCount(1);
  });

  test('an empty draft is not queued when its comment is removed', async ({ youtube, sidePanel }) => {
    await youtube.open();
    const comment = youtube.comment(STARTER);
    const author = (await comment.locator('#author-text').textContent())!.trim();
    const id = await youtube.fixtureId(comment);
    const editor = await youtube.openDraftOn(comment);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await youtube.draftBox(editor).fill('');

    expect(await youtube.removeThread(id)).toBe(true);
    await expect(youtube.toast).toContainText(`The comment by ${author} was removed from the page`);
    await expect(youtube.toast).not.toContainText('queue');
    await expect(youtube.page.locator('understudy-editor')).toHaveCount(0);

    await sidePanel.open();
    await expect(sidePanel.emptyQueue).toBeVisible();
    await sidePanel.page.waitForTimeout(500);
    await expect(sidePanel.cards).toHaveCount(0);
  });
});
