import { test, expect, SAMPLE_PROFILE } from './fixtures';

test('without WebGPU a draft still comes, from past replies, with a notice saying why and what to do', async ({ options, youtube }) => {
  await options.open();
  await options.importFile(SAMPLE_PROFILE);
  await expect(options.success).toBeVisible();

  await youtube.open();
  const editor = await youtube.openDraft('Does this method work with rye?');
  await expect(editor.getByRole('status')).toContainText('Draft ready');
  await expect(youtube.engineLabel(editor)).toHaveText('From your past replies');
  const notice = editor.locator('.notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('No WebGPU here');
  await expect(notice).toContainText('Options → Model');
  expect((await youtube.draftBox(editor).inputValue()).length).toBeGreaterThan(10);
});
