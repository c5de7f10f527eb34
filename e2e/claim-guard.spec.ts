/**
 * The claim guard, as the creator meets it in the inline editor on YouTube: a draft that invents
 * a fact is listed under "Check before sending", Insert asks first (role=alertdialog naming each
 * flag) and the site's reply box stays untouched until "Insert anyway"; a clean draft inserts
 * with no question. One browser launch: the steps share it.
 */
import type { Locator } from 'playwright-core';
import { expect, importSampleProfile, test } from './fixtures';
import { expectNoSeriousViolations } from './harness/axe';

const STARTER = 'Can I do the 72 hours with a 100% whole wheat dough';
const CLEAN_ON = 'The jiggle test explanation is the best';
const INVENTED = 'My daughter loves this loaf, use code BREAD50 for 50% off';
const CLEAN = 'Thank you so much! Low and slow wins ✨';

/** The reply box's text, or '' while YouTube has not opened one: the box is untouched either way. */
async function replyBoxText(thread: Locator): Promise<string> {
  const box = thread.locator('ytd-commentbox #contenteditable-root');
  return (await box.count()) === 0 ? '' : ((await box.first().textContent()) ?? '').trim();
}

test('a draft with an invented fact is flagged, and Insert asks before it touches YouTube’s reply box', async ({ options, youtube }, testInfo) => {
  // One launch for every step: importing, two drafts and three inserts.
  test.setTimeout(120_000);
  await importSampleProfile(options);
  await youtube.open();
  const comment = youtube.comment(STARTER);
  const thread = comment.locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
  const editor = await youtube.openDraft(STARTER);
  await expect(editor.getByRole('status')).toContainText('Draft ready');

  await test.step('the flags are listed with their labels as the creator types', async () => {
    await youtube.draftBox(editor).fill(INVENTED);
    const check = editor.getByRole('region', { name: 'Check before sending' });
    await expect(check).toBeVisible();
    await expect(check).toContainText('Personal claim not on your fact sheet');
    await expect(check).toContainText('Price, code or discount not on your offers');
    await expect(check.locator('mark').filter({ hasText: 'daughter' }).first()).toBeVisible();
    await expect(check.locator('mark').filter({ hasText: 'BREAD50' }).first()).toBeVisible();
    await expect(editor.getByRole('status')).toContainText(/Draft ready — \d+ things to check/);
    await youtube.editorHostAfter(comment).locator('iframe').screenshot({ path: testInfo.outputPath('flagged-editor.png') });
  });

  await test.step('Insert opens an alertdialog naming the flags; the reply box stays empty; Cancel closes it', async () => {
    await editor.getByRole('button', { name: 'Insert', exact: true }).click();
    const dialog = editor.getByRole('alertdialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('daughter');
    await expect(dialog).toContainText('BREAD50');
    await expect(dialog).toContainText('Personal claim not on your fact sheet');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await youtube.editorHostAfter(comment).locator('iframe').screenshot({ path: testInfo.outputPath('flagged-confirm.png') });
    // The flags and the question are as usable with a screen reader or a keyboard as the rest.
    const minor = await expectNoSeriousViolations(youtube.page, { include: 'understudy-editor' });
    expect.soft(minor, 'minor or moderate accessibility violations').toEqual([]);
    await youtube.page.waitForTimeout(300);
    expect(await replyBoxText(thread)).toBe('');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor.getByRole('alertdialog')).toHaveCount(0);
    expect(await replyBoxText(thread)).toBe('');
  });

  await test.step('"Insert anyway" fills the reply box', async () => {
    await editor.getByRole('button', { name: 'Insert', exact: true }).click();
    await editor.getByRole('alertdialog').getByRole('button', { name: 'Insert anyway' }).click();
    await expect(editor.getByRole('status')).toContainText('Inserted');
    await expect(thread.locator('ytd-commentbox #contenteditable-root')).toHaveText(INVENTED);
  });

  await test.step('a clean draft inserts with no question', async () => {
    const other = youtube.comment(CLEAN_ON);
    const otherThread = other.locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
    const second = await youtube.openDraft(CLEAN_ON);
    await expect(second.getByRole('status')).toContainText('Draft ready');
    await youtube.draftBox(second).fill(CLEAN);
    await expect(second.getByRole('region', { name: 'Check before sending' })).toHaveCount(0);
    await expect(second.getByRole('status')).not.toContainText('to check');
    await second.getByRole('button', { name: 'Insert', exact: true }).click();
    await expect(second.getByRole('status')).toContainText('Inserted');
    await expect(second.getByRole('alertdialog')).toHaveCount(0);
    await expect(otherThread.locator('ytd-commentbox #contenteditable-root')).toHaveText(CLEAN);
  });
});
