/**
 * No creator data leaves the machine and nothing is posted for the creator. The harness aborts
 * and records every request that is not to a fixture site; a full flow must record none. The
 * control tests prove the recorder catches requests from the page and from the extension.
 */
import { expect, importSampleProfile, test } from './fixtures';

const STARTER = 'Can I do the 72 hours with a 100% whole wheat dough';

test.describe('Privacy', () => {
  test('a full flow — import, draft, regenerate, insert, queue, side panel — sends nothing off the machine and posts nothing', async ({
    session,
    options,
    youtube,
    sidePanel,
  }) => {
    await importSampleProfile(options);

    await youtube.open();
    const editor = await youtube.openDraft(STARTER);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    await editor.getByRole('button', { name: 'Regenerate' }).click();
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    const draft = await youtube.draftBox(editor).inputValue();
    await editor.getByRole('button', { name: 'Insert' }).click();
    await expect(editor.getByRole('status')).toContainText('Inserted');
    await editor.getByRole('button', { name: 'Queue' }).click();
    await expect(editor.getByRole('status')).toContainText('Queued');

    await sidePanel.open();
    await expect(sidePanel.cards).toHaveCount(1);
    await expect(sidePanel.cards.first().getByRole('textbox')).toHaveValue(draft);

    // Inserted, not sent: the reply box holds the draft and the page posted nothing.
    await youtube.page.waitForTimeout(500);
    expect(await youtube.postedReplies()).toEqual([]);
    expect(session.blocked).toEqual([]);
  });

  test('control: a request from the page to another origin is caught and recorded', async ({ session, youtube }) => {
    await youtube.open();
    const outcome = await youtube.page.evaluate(() =>
      fetch('https://example.com/understudy-control').then(
        () => 'reached',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    await expect.poll(() => session.blocked).toContain('https://example.com/understudy-control');
  });

  test('control: requests from the extension’s own pages and background are caught and recorded', async ({
    session,
    options,
  }) => {
    await options.open();
    await options.page.evaluate(() => fetch('https://example.com/from-options').catch(() => null));
    await session.serviceWorker.evaluate(() => fetch('https://example.com/from-background').catch(() => null));
    await expect.poll(() => session.blocked).toContain('https://example.com/from-options');
    await expect.poll(() => session.blocked).toContain('https://example.com/from-background');
  });

  test('control: a request from a worker is caught and recorded', async ({ session, youtube }) => {
    await youtube.open();
    await youtube.page.evaluate(async () => {
      const source = "fetch('https://example.com/from-worker').catch(() => null).then(() => postMessage('done'))";
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      await new Promise((resolve) => worker.addEventListener('message', resolve, { once: true }));
      worker.terminate();
    });
    await expect.poll(() => session.blocked).toContain('https://example.com/from-worker');
  });
});
