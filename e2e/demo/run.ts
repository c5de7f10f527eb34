/**
 * `npm run demo`: a guided tour of Understudy on the bundled YouTube fixture. With a display it
 * opens a real browser window and leaves it open to click around; without one it runs headless
 * and writes screenshots and summary.md to demo-output/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, ROOT } from '../harness/launch';
import { OptionsPage } from '../pages/options-page';
import { SidePanelPage } from '../pages/side-panel-page';
import { YouTubeWatchPage } from '../pages/youtube-watch-page';
import { SITE_FIXTURES } from '../sites/index';
import type { ConformancePage } from '../sites/site-fixture';
import type { Session } from '../harness/launch';
import { DM_ONE_TO_ONE } from '../sites/shared/chat-kit.js';

const OUT = path.join(ROOT, 'demo-output');
/** Store listing screenshots: the Chrome Web Store takes 1280×800 (issue 15). */
const STORE = path.join(OUT, 'store');
const STORE_SIZE = { width: 1280, height: 800 };

/** A 1280×800 screenshot of the page as it stands, for the store listing. */
async function storeShot(page: import('playwright-core').Page, name: string) {
  await page.setViewportSize(STORE_SIZE);
  await page.screenshot({ path: path.join(STORE, name) });
}
const headless = !process.env.DISPLAY || process.env.DEMO_HEADLESS === '1';

const INSERT_COMMENT = 'Can I do the 72 hours with a 100% whole wheat dough';
const QUEUE_COMMENT = 'Does this method work with rye?';

/**
 * The same flow on another site's bundled page, arrived at as a creator does (its home, then a
 * click): draft the comment the sample creator's replies answer, Insert, and show the site's box.
 */
async function otherSite(session: Session, spec: ConformancePage, shot: string, step: (line: string) => void) {
  const page = await session.context.newPage();
  await spec.arrive(page);
  const comment = page.locator(spec.commentSelector).filter({ hasText: spec.draftable }).last();
  await comment.getByRole('button', { name: 'Draft reply' }).first().click();
  const editor = page.locator('understudy-editor iframe').last().contentFrame();
  await editor.getByRole('status').filter({ hasText: 'Draft ready' }).waitFor({ timeout: 20_000 });
  const draft = await editor.getByRole('textbox', { name: 'Draft' }).inputValue();
  await editor.getByRole('button', { name: 'Insert' }).click();
  await editor.getByRole('status').filter({ hasText: 'Inserted' }).waitFor();
  const buttons = await page.getByRole('button', { name: 'Draft reply' }).count();
  step(`${spec.name}: ${buttons} "Draft reply" buttons; drafted and inserted “${draft.slice(0, 80)}${draft.length > 80 ? '…' : ''}” into the site's own reply box (not sent).`);
  await page.screenshot({ path: path.join(OUT, shot) });
}

/**
 * A direct message on Instagram's bundled chat: the creator turns "Direct messages on Instagram"
 * on in Options (reading the one-time explanation), opens Maria's conversation from the inbox,
 * drafts and inserts.
 */
async function directMessage(session: Session, options: OptionsPage, step: (line: string) => void) {
  await options.page.bringToFront();
  await options.showSection('sites');
  await options.page.getByRole('switch', { name: 'Direct messages on Instagram' }).or(options.page.getByRole('checkbox', { name: 'Direct messages on Instagram' })).click();
  const explain = options.page.getByRole('dialog');
  await explain.getByRole('button', { name: 'Turn on' }).click();
  step('Options: turned on “Direct messages on Instagram” after the one-time explanation of what is read and kept.');
  const spec = SITE_FIXTURES.find((f) => f.site === 'instagram')?.conversations?.[0];
  if (!spec) return;
  const page = await session.context.newPage();
  await spec.arrive(page, DM_ONE_TO_ONE.id);
  await page.getByRole('button', { name: 'Draft reply' }).first().click();
  const editor = page.locator('understudy-editor iframe').last().contentFrame();
  await editor.getByRole('status').filter({ hasText: 'Draft ready' }).waitFor({ timeout: 20_000 });
  const answering = (await editor.getByRole('region', { name: 'Messages this draft answers' }).getByRole('list').innerText()).replace(/\s+/g, ' ');
  const draft = await editor.getByRole('textbox', { name: 'Draft' }).inputValue();
  await editor.getByRole('button', { name: 'Insert' }).click();
  await editor.getByRole('status').filter({ hasText: 'Inserted' }).waitFor();
  step(`${spec.name}: one "Draft reply" beside the message box; answering “${answering}” with “${draft.slice(0, 80)}${draft.length > 80 ? '…' : ''}”, inserted into the message box (not sent).`);
  await page.screenshot({ path: path.join(OUT, '08-instagram-dm.png') });
  await storeShot(page, '4-direct-messages.png');
}

async function main() {
  mkdirSync(STORE, { recursive: true });
  const log: string[] = [];
  const step = (line: string) => {
    log.push(`- ${line}`);
    console.log(`demo: ${line}`);
  };

  const session = await launchWithExtension({ headless });
  try {
    const options = await new OptionsPage(session).open();
    await options.importFile('public/samples/sample-profile.json');
    const imported = (await options.success.textContent())?.trim();
    step(`Options: ${imported}`);
    await options.page.screenshot({ path: path.join(OUT, '01-options.png'), fullPage: true });

    const youtube = await new YouTubeWatchPage(session).open();
    const buttons = await youtube.draftButtons.count();
    step(`YouTube watch page: ${buttons} comments and replies got a "Draft reply" button.`);
    await youtube.page.screenshot({ path: path.join(OUT, '02-comments.png') });

    const editor = await youtube.openDraft(INSERT_COMMENT);
    await editor.getByRole('status').filter({ hasText: 'Draft ready' }).waitFor();
    const draft = await youtube.draftBox(editor).inputValue();
    const engine = (await editor.locator('.engine').textContent())?.trim();
    step(`Draft reply on “…${INSERT_COMMENT}…” (${engine}):\n\n  > ${draft.replace(/\n/g, '\n  > ')}\n`);
    await youtube.page.setViewportSize(STORE_SIZE);
    await editor.owner().scrollIntoViewIfNeeded();
    await youtube.page.screenshot({ path: path.join(OUT, '03-draft.png') });
    await storeShot(youtube.page, '1-draft-in-your-voice.png');

    await editor.getByRole('button', { name: 'Insert' }).click();
    await editor.getByRole('status').filter({ hasText: 'Inserted' }).waitFor();
    const thread = youtube.comment(INSERT_COMMENT).locator('xpath=ancestor::ytd-comment-thread-renderer[1]');
    const submit = thread.locator('ytd-commentbox #submit-button button');
    const enabled = await submit.isEnabled();
    step(`Insert filled YouTube's reply box; its Reply button is ${enabled ? 'enabled' : 'still disabled'}. Understudy did not press it.`);
    await thread.locator('ytd-commentbox').scrollIntoViewIfNeeded();
    await youtube.page.screenshot({ path: path.join(OUT, '04-inserted.png') });
    await storeShot(youtube.page, '2-inserted-you-press-send.png');

    const second = await youtube.openDraft(QUEUE_COMMENT);
    await second.getByRole('status').filter({ hasText: 'Draft ready' }).waitFor();
    await second.getByRole('button', { name: 'Queue' }).click();
    await second.getByRole('status').filter({ hasText: 'Queued' }).waitFor();
    step(`Queued a draft for “${QUEUE_COMMENT}…”.`);

    // The same flow on X and Instagram (every site's bundled page is in e2e/sites/).
    const shots = ['06-x.png', '07-instagram.png'];
    for (const [i, site] of (['x', 'instagram'] as const).entries()) {
      const spec = SITE_FIXTURES.find((f) => f.site === site)?.pages[0];
      if (spec) await otherSite(session, spec, shots[i]!, step);
    }

    await directMessage(session, options, step);

    const panel = await new SidePanelPage(session).open();
    await panel.cards.first().waitFor();
    step(`Side panel lists ${await panel.cards.count()} queued draft(s).`);
    await panel.page.screenshot({ path: path.join(OUT, '05-side-panel.png') });
    await storeShot(panel.page, '3-review-desk.png');
    await options.page.bringToFront();
    await options.showSection('model');
    await storeShot(options.page, '5-on-your-machine.png');

    step(
      session.blocked.length === 0
        ? 'Network: no request left the machine (every non-fixture request is blocked and recorded).'
        : `Network: ${session.blocked.length} request(s) were blocked: ${session.blocked.join(', ')}`,
    );
    writeFileSync(
      path.join(OUT, 'summary.md'),
      `# Understudy demo\n\n${log.join('\n')}\n\nScreenshots: 01-options.png, 02-comments.png, 03-draft.png, 04-inserted.png, 05-side-panel.png, 06-x.png, 07-instagram.png, 08-instagram-dm.png\n\nStore listing (1280×800): store/1-draft-in-your-voice.png, store/2-inserted-you-press-send.png, store/3-review-desk.png, store/4-direct-messages.png, store/5-on-your-machine.png\n`,
    );
    console.log(`demo: screenshots and summary.md written to ${OUT}`);

    if (!headless) {
      console.log('demo: the browser stays open for you to try it. Close it to finish.');
      await youtube.page.bringToFront();
      await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    }
  } finally {
    await session.close().catch(() => {});
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
