/**
 * Draft all (issue 14): "Draft all over 300 comments with the memory engine ≤ 30 s end to end;
 * the page's main thread never blocked more than 50 ms."
 *
 * The built extension in real Chromium with the sample profile imported (no model: the memory
 * engine writes every draft). Each run opens the fixture's Q&A video with 300 comment threads
 * (its 60 comments, then numbered rounds of them), opens the side panel on it and presses
 * "Draft all on this page"; the run ends when the panel says Done. Measured:
 * - end to end: the click to "Done" (the page read, the plan, every draft written and queued,
 *   the comments set aside recorded). Budget 30 s.
 * - the page's longest task while the job ran (PerformanceObserver 'longtask' in the site's
 *   page: tasks over 50 ms; 0 when there was none). Budget 50 ms.
 * Drafts are cleared between runs (a second run would otherwise leave every comment alone).
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type Session } from '../harness/launch';
import { OptionsPage } from '../pages/options-page';
import { SidePanelPage } from '../pages/side-panel-page';
import { QA_VIDEO } from '../sites/youtube/fixture-data';
import { summarize, type Stat } from './stats';

const COMMENTS = 300;
const TOTAL_BUDGET_S = 30;
const LONG_TASK_BUDGET_MS = 50;
const SAMPLE_PROFILE = 'public/samples/sample-profile.json';

type LongTaskWindow = Window & { __longTasks: { start: number; duration: number }[] };

/** Records every long task of the page from its first script on. */
const LONG_TASKS = `window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
  .observe({ type: 'longtask', buffered: true });`;

async function clearDrafts(session: Session): Promise<void> {
  await session.serviceWorker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('understudy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function oneRun(session: Session, panel: SidePanelPage): Promise<{ seconds: number; longest: number; line: string }> {
  await clearDrafts(session);
  const site: Page = await session.context.newPage();
  await site.addInitScript({ content: LONG_TASKS });
  await site.goto(`https://www.youtube.com/watch?v=${QA_VIDEO.id}&threads=${COMMENTS}`);
  await site.getByRole('button', { name: 'Draft reply' }).nth(COMMENTS - 1).waitFor();
  await site.bringToFront();
  await panel.page.bringToFront();
  const start = panel.page.getByRole('button', { name: 'Draft all on this page' });
  const counts = panel.page.getByRole('region', { name: 'Draft all' }).getByRole('status');
  const pageStart = await site.evaluate(() => performance.now());
  const began = Date.now();
  await start.click();
  await panel.page.getByRole('button', { name: 'Pause' }).waitFor();
  await start.waitFor({ timeout: 120_000 });
  const seconds = (Date.now() - began) / 1000;
  const text = (await counts.textContent()) ?? '';
  const tasks = await site.evaluate((from) => (window as unknown as LongTaskWindow).__longTasks.filter((t) => t.start >= from), pageStart);
  await site.close();
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  return { seconds, longest, line: `${seconds.toFixed(1)} s, ${tasks.length} long tasks (longest ${longest.toFixed(0)} ms); ${text}` };
}

export async function runDraftAllBench(options: { runs: number }): Promise<Record<string, Stat>> {
  const session = await launchWithExtension();
  session.context.setDefaultTimeout(120_000);
  const seconds: number[] = [];
  const longest: number[] = [];
  try {
    const optionsPage = await new OptionsPage(session).open();
    await optionsPage.importFile(SAMPLE_PROFILE);
    await optionsPage.success.waitFor();
    await optionsPage.page.close();
    const panel = await new SidePanelPage(session).open();
    for (let run = 0; run < options.runs; run++) {
      const result = await oneRun(session, panel);
      seconds.push(result.seconds);
      longest.push(result.longest);
      process.stderr.write(`  draft all run ${run + 1}/${options.runs}: ${result.line}\n`);
    }
  } finally {
    await session.close();
  }
  return {
    [`draft all: ${COMMENTS} comments, memory engine, click to Done`]: summarize(seconds, 's', TOTAL_BUDGET_S),
    [`draft all: the page's longest task while it ran`]: summarize(longest, 'ms', LONG_TASK_BUDGET_MS),
  };
}
