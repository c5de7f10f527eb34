/**
 * Before any style profile is imported, memory holds nothing to draft from. The creator must be
 * told plainly what to do, in the editor and in the side panel, and nothing may break.
 */
import { expect, importSampleProfile, test } from './fixtures';

const STARTER = 'keeping a starter alive while travelling';
const IMPORT_HINT = /Import a style profile/i;

test.describe('With an empty memory', () => {
  test('Draft reply explains that a style profile must be imported, and the editor stays usable', async ({ youtube }) => {
    await youtube.open();
    const editor = await youtube.openDraft(STARTER);
    const alert = editor.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(IMPORT_HINT);
    await expect(editor.getByRole('status')).not.toContainText('Draft ready');
    await expect(youtube.engineLabel(editor)).toHaveText('No draft');
    await expect(youtube.draftBox(editor)).toHaveValue('');

    // Nothing is stuck busy: every action is available and answers.
    for (const name of ['Insert', 'Queue', 'Regenerate', 'Copy']) {
      await expect(editor.getByRole('button', { name, exact: true })).toBeEnabled();
    }
    await expect(editor.getByRole('button', { name: 'Stop' })).toBeHidden();
    await editor.getByRole('button', { name: 'Queue' }).click();
    await expect(alert).toContainText('nothing to queue');
    await editor.getByRole('button', { name: 'Regenerate' }).click();
    await expect(alert).toContainText(IMPORT_HINT);
    await expect(youtube.draftBox(editor)).toBeEditable();

    // The page and the other comments still work.
    const second = await youtube.openDraft('My loaf spread sideways in the oven');
    await expect(second.getByRole('alert')).toContainText(IMPORT_HINT);
    await editor.getByRole('button', { name: 'Close draft' }).click();
    await expect(editor.owner()).toHaveCount(0);
  });

  test('the side panel says memory is empty and that nothing is queued, until a profile is imported', async ({
    sidePanel,
    options,
  }) => {
    await sidePanel.open();
    await expect(sidePanel.emptyMemoryBanner).toBeVisible();
    await expect(sidePanel.emptyMemoryBanner).toContainText(IMPORT_HINT);
    await expect(sidePanel.emptyQueue).toBeVisible();
    await expect(sidePanel.cards).toHaveCount(0);

    await importSampleProfile(options);
    // The banner is about memory, live: it goes once memory has replies.
    await expect(sidePanel.emptyMemoryBanner).toHaveCount(0);
    await expect(sidePanel.emptyQueue).toBeVisible();
  });
});
