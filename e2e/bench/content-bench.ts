/**
 * The content script's cost on every site's comments page, with the real built extension loaded
 * in Chromium, against a floor measured in the same run on the same fixture page.
 *
 * - First scan: the User Timing measures the observer records per batch (BATCH_MEASURE: scan +
 *   Draft reply buttons) once the fixture has rendered its N comments.
 * - Floor: the same fixture URL in a Chromium without the extension, where a main-world script
 *   does the least any extension could: in the frame after the comments arrive (when the content
 *   script's observer scans too), one querySelectorAll of the adapter's commentSelector, then a
 *   clone of one button appended to each comment (all reads before any write). The budget is the
 *   ratio of the two, per run pair, so machine speed and load mostly cancel out.
 * - Longest main-thread task during the scan, style and layout included: the longest animation
 *   frame (Long Animation Frames API) overlapping the scan, for the extension's page and the
 *   floor's. The scan runs in a frame callback, so that frame also lays out what the site just
 *   rendered; the floor's frame shows how much of it is the page's own.
 * - Sites that keep every comment: each appendComments(20) batch. Virtualized sites: each
 *   recycle() (rows reused for comments further down), then every row is checked with the
 *   adapter's own commentKey: no stale button, none missing.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchWithExtension, type Session } from '../harness/launch';
import { chromiumArgs, findChromium } from '../harness/chromium';
import { routeSites } from '../harness/routes';
import { BATCH_MEASURE } from '../../lib/sites/observe';
import { BUTTON_HOST_TAG } from '../../lib/inline/draft-buttons';
import type { SiteFixtureWindow } from '../sites/fixture-api';
import { bundleForBrowser } from './bundle';
import type { ButtonCheck } from './adapter-probe';
import { countContentScriptQueries, isolationReport, type IsolationReport } from './isolation';
import { benchSites, type BenchSite } from './sites';
import { summarize, type Stat } from './stats';

const FLOOR_MEASURE = 'understudy-bench:floor';
/** Sites that keep every comment: the budgets. */
const SCAN_RATIO_BUDGET = 1.25;
const BATCH_BUDGET_MS = 5;
const BATCH = 20;
/** No new batch for this long: the content script is done with what the page showed. */
const QUIET_MS = 400;
/**
 * A loaded machine can take tens of seconds to lay out 2,000 comments: wait for the response
 * only, then for the content script's batches.
 */
const GOTO = { waitUntil: 'commit', timeout: 120_000 } as const;
const SCAN_TIMEOUT_MS = 180_000;

export interface ContentBenchOptions {
  runs: number;
  /** appendComments(20) calls (kept lists) or recycle() calls (virtualized) per run. */
  batches: number;
  /** Comments the fixture renders (the issue: 2,000). */
  comments?: number;
  /** Site ids to run (BENCH_SITES); all when empty. */
  sites?: string[];
}

interface Measure {
  start: number;
  duration: number;
  comments: number;
}

interface SiteSamples {
  site: BenchSite;
  rows: number;
  found: number;
  scan: number[];
  scanBatches: number[];
  floor: number[];
  ratio: number[];
  scanTask: number[];
  scanStyleLayout: number[];
  floorTask: number[];
  batch: number[];
  check: ButtonCheck[];
  isolation?: IsolationReport;
}

async function measures(page: Page): Promise<Measure[]> {
  return page.evaluate(
    (name) =>
      performance.getEntriesByName(name).map((entry) => ({
        start: entry.startTime,
        duration: entry.duration,
        comments: ((entry as PerformanceMeasure).detail as { comments: number } | null)?.comments ?? 0,
      })),
    BATCH_MEASURE,
  );
}

/**
 * The longest animation frame (Long Animation Frames API: the frame's script, style, layout and
 * paint, as one main-thread task) overlapping [start, end] in the page's timeline, with its
 * style + layout part. Chromium reports only frames over 50 ms: 0 means "under 50 ms".
 */
async function longestFrame(page: Page, start: number, end: number): Promise<{ duration: number; styleAndLayout: number }> {
  return page.evaluate(
    ({ start, end }) =>
      new Promise<{ duration: number; styleAndLayout: number }>((resolve) => {
        let best = { duration: 0, styleAndLayout: 0 };
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { styleAndLayoutStart: number })[]) {
            if (entry.startTime > end || entry.startTime + entry.duration < start) continue;
            if (entry.duration > best.duration) {
              best = { duration: entry.duration, styleAndLayout: entry.startTime + entry.duration - entry.styleAndLayoutStart };
            }
          }
        });
        observer.observe({ type: 'long-animation-frame', buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(best);
        }, 50);
      }),
    { start, end },
  );
}

/** Waits until the content script has recorded batches past `from` and then none for QUIET_MS. */
async function settle(page: Page, from: number, options: { needComments: boolean; timeout: number }): Promise<Measure[]> {
  const deadline = Date.now() + options.timeout;
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    // Right after the response the page's first script context may not exist yet.
    const all = await measures(page).catch(() => [] as Measure[]);
    const fresh = all.slice(from);
    if (all.length !== last) {
      last = all.length;
      quietSince = Date.now();
    }
    const ready = fresh.length > 0 && (!options.needComments || fresh.some((m) => m.comments > 0));
    if (ready && Date.now() - quietSince >= QUIET_MS) return fresh;
    if (Date.now() > deadline) {
      if (fresh.length > 0 || !options.needComments) return fresh;
      throw new Error(`no comment batch on ${page.url()} within ${options.timeout} ms`);
    }
    await page.waitForTimeout(50);
  }
}

/**
 * The floor, installed in the fixture page's main world before its scripts run. A string, not a
 * function: tsx would put its own helpers into a function's source, and the page has none.
 */
function floorScript(options: { selector: string; expected: number; measure: string; tag: string }): string {
  return `(() => {
  const { selector, expected, measure, tag } = ${JSON.stringify(options)};
  const template = document.createElement(tag);
  template.setAttribute('role', 'button');
  template.tabIndex = 0;
  template.setAttribute('aria-expanded', 'false');
  template.textContent = 'Draft reply';
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(run);
  });
  function run() {
    scheduled = false;
    const started = performance.now();
    const all = document.querySelectorAll(selector);
    if (all.length < expected) return;
    observer.disconnect();
    for (let i = 0; i < all.length; i++) all[i].append(template.cloneNode(true));
    performance.measure(measure, { start: started, detail: { comments: all.length } });
  }
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

async function floorRun(context: BrowserContext, site: BenchSite, url: string, rows: number) {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: floorScript({ selector: site.adapter.commentSelector, expected: rows, measure: FLOOR_MEASURE, tag: BUTTON_HOST_TAG }) });
    await page.goto(url, GOTO);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FLOOR_MEASURE, { timeout: SCAN_TIMEOUT_MS, polling: 50 });
    const { start, duration } = await page.evaluate((name) => {
      const entry = performance.getEntriesByName(name)[0]!;
      return { start: entry.startTime, duration: entry.duration };
    }, FLOOR_MEASURE);
    await page.waitForTimeout(QUIET_MS);
    const task = await longestFrame(page, start, start + duration);
    return { duration, task: task.duration };
  } finally {
    await page.close();
  }
}

async function extensionRun(session: Session, site: BenchSite, url: string, batches: number) {
  const page = await session.context.newPage();
  try {
    await page.goto(url, GOTO);
    const initial = (await settle(page, 0, { needComments: true, timeout: SCAN_TIMEOUT_MS })).filter((m) => m.comments > 0);
    const first = initial[0]!;
    const lastBatch = initial[initial.length - 1]!;
    const task = await longestFrame(page, first.start, lastBatch.start + lastBatch.duration);
    const rows = await page.evaluate((selector) => document.querySelectorAll(selector).length, site.adapter.commentSelector);
    const batch: number[] = [];
    const check: ButtonCheck[] = [];
    for (let i = 0; i < batches; i++) {
      const before = (await measures(page)).length;
      if (site.virtualized) {
        await page.evaluate(() => (window as unknown as SiteFixtureWindow).__fixture.recycle());
      } else {
        const added = await page.evaluate((n) => (window as unknown as SiteFixtureWindow).__fixture.appendComments(n), BATCH);
        if (added === 0) throw new Error(`${site.site}: appendComments(${BATCH}) added nothing`);
      }
      const fresh = await settle(page, before, { needComments: false, timeout: 30_000 });
      batch.push(fresh.reduce((sum, m) => sum + m.duration, 0));
      if (site.virtualized) {
        check.push(await page.evaluate((s) => (window as unknown as { UnderstudyProbe: typeof import('./adapter-probe') }).UnderstudyProbe.checkButtons(s), site.site));
      }
    }
    return {
      scan: initial.reduce((sum, m) => sum + m.duration, 0),
      scanBatches: initial.length,
      found: initial.reduce((sum, m) => sum + m.comments, 0),
      rows,
      task: task.duration,
      styleLayout: task.styleAndLayout,
      batch,
      check,
    };
  } finally {
    await page.close();
  }
}

async function isolationRun(session: Session, site: BenchSite, url: string): Promise<IsolationReport> {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const read = await countContentScriptQueries(page, cdp);
    await page.goto(url, GOTO);
    await settle(page, 0, { needComments: true, timeout: SCAN_TIMEOUT_MS });
    await cdp.send('Debugger.disable');
    return isolationReport(site.site, await read());
  } finally {
    await page.close();
  }
}

async function launchFloorBrowser(): Promise<{ browser: Browser; context: BrowserContext }> {
  const args = chromiumArgs('').filter((a) => !a.includes('extension'));
  const browser = await chromium.launch({ executablePath: findChromium(), args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await routeSites(context);
  return { browser, context };
}

function printTable(all: SiteSamples[], comments: number): void {
  const med = (xs: number[]) => summarize(xs, '').median;
  const p95 = (xs: number[]) => summarize(xs, '').p95;
  const f = (x: number) => (!Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const header = ['site', 'list', 'rows', 'scan ms', 'floor ms', 'scan/floor med (p95)', 'budget', 'batch ms med (p95)', 'budget', 'longest task ms: scan / floor', 'stale', 'other sites\' queries', 'pass'];
  const lines = all.map((s) => {
    const kept = !s.site.virtualized;
    const ratioOk = !kept || med(s.ratio) <= SCAN_RATIO_BUDGET;
    const batchOk = med(s.batch) <= BATCH_BUDGET_MS;
    const stale = s.check.reduce((n, c) => n + c.stale + c.orphans + c.missing, 0);
    const foreign = s.isolation?.foreignCalls ?? NaN;
    const pass = ratioOk && batchOk && stale === 0 && foreign === 0;
    return [
      s.site.site,
      kept ? 'kept' : 'virtual',
      String(s.rows),
      f(med(s.scan)),
      f(med(s.floor)),
      `${f(med(s.ratio))} (${f(p95(s.ratio))})`,
      kept ? `≤ ${SCAN_RATIO_BUDGET}` : '—',
      `${f(med(s.batch))} (${f(p95(s.batch))})`,
      `≤ ${BATCH_BUDGET_MS}`,
      `${f(med(s.scanTask))} / ${f(med(s.floorTask))}`,
      kept ? '—' : String(stale),
      Number.isFinite(foreign) ? String(foreign) : '—',
      pass ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\nContent script, ${comments.toLocaleString('en')} comments per fixture (medians over runs; p95 in brackets)`);
  console.log(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(line(l));
}

export async function runContentBench(options: ContentBenchOptions): Promise<Record<string, Stat>> {
  const comments = options.comments ?? 2000;
  const sites = benchSites(options.sites);
  const session = await launchWithExtension();
  const floor = await launchFloorBrowser();
  const probe = await bundleForBrowser('e2e/bench/adapter-probe.ts', 'UnderstudyProbe');
  // An IIFE's `var` stays inside the init script's own scope: publish it.
  await session.context.addInitScript({ content: `${probe}\n;window.UnderstudyProbe = UnderstudyProbe;` });
  const all: SiteSamples[] = [];
  const failed: Record<string, string> = {};
  session.context.setDefaultTimeout(120_000);
  floor.context.setDefaultTimeout(120_000);
  try {
    for (const site of sites) {
      try {
        const arrival = await session.context.newPage();
        const url = await site.url(arrival, comments);
        await arrival.close();
        const samples: SiteSamples = {
          site, rows: 0, found: 0, scan: [], scanBatches: [], floor: [], ratio: [], scanTask: [], scanStyleLayout: [], floorTask: [], batch: [], check: [],
        };
        for (let run = 0; run < options.runs; run++) {
          // The floor needs the row count the extension's page showed; later runs alternate which
          // page loads first, so neither always meets a warmer machine.
          const floorFirst = run % 2 === 1 && samples.rows > 0;
          const floorResult = floorFirst ? await floorRun(floor.context, site, url, samples.rows) : null;
          const ext = await extensionRun(session, site, url, options.batches);
          samples.rows = ext.rows;
          const fl = floorResult ?? (await floorRun(floor.context, site, url, ext.rows));
          samples.scan.push(ext.scan);
          samples.scanBatches.push(ext.scanBatches);
          samples.found = ext.found;
          samples.floor.push(fl.duration);
          samples.ratio.push(ext.scan / fl.duration);
          samples.scanTask.push(ext.task);
          samples.scanStyleLayout.push(ext.styleLayout);
          samples.floorTask.push(fl.task);
          samples.batch.push(...ext.batch);
          samples.check.push(...ext.check);
          process.stderr.write(
            `  ${site.site} run ${run + 1}/${options.runs}: scan ${ext.scan.toFixed(1)} ms (${ext.scanBatches} batch, ${ext.found} comments), floor ${fl.duration.toFixed(1)} ms, ` +
              `task ${ext.task.toFixed(1)} (style+layout ${ext.styleLayout.toFixed(1)}) / ${fl.task.toFixed(1)} ms, batches ${ext.batch.map((b) => b.toFixed(1)).join(' ')}\n`,
          );
        }
        samples.isolation = await isolationRun(session, site, url);
        all.push(samples);
      } catch (error) {
        // One site's failure (a page that never settled) must not hide the others' numbers.
        failed[site.site] = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        process.stderr.write(`  ${site.site} FAILED: ${failed[site.site]}\n`);
      }
    }
  } finally {
    await floor.browser.close();
    await session.close();
  }

  printTable(all, comments);
  const results: Record<string, Stat> = {};
  for (const [id, reason] of Object.entries(failed)) {
    console.log(`  ${id}: not measured (${reason})`);
    results[`${id}: not measured (${reason})`] = { median: NaN, p95: NaN, unit: '', budget: 0, runs: 0 };
  }
  for (const s of all) {
    const id = s.site.site;
    const kept = !s.site.virtualized;
    const note = kept ? '' : ' (virtualized)';
    results[`${id}: first scan, ${s.found} comments${note}`] = summarize(s.scan, 'ms');
    results[`${id}: floor (querySelectorAll + clone/append), ${s.rows} rows`] = summarize(s.floor, 'ms');
    results[`${id}: first scan / floor`] = summarize(s.ratio, '×', kept ? SCAN_RATIO_BUDGET : undefined);
    results[`${id}: longest main-thread task during the scan`] = summarize(s.scanTask, 'ms');
    results[`${id}: of it, style + layout`] = summarize(s.scanStyleLayout, 'ms');
    results[`${id}: longest task during the floor`] = summarize(s.floorTask, 'ms');
    results[kept ? `${id}: each batch of ${BATCH} added` : `${id}: each recycle batch`] = summarize(s.batch, 'ms', BATCH_BUDGET_MS);
    if (!kept) {
      const bad = s.check.map((c) => c.stale + c.orphans + c.missing);
      results[`${id}: stale, orphan or missing buttons after a recycle (${s.check.length} checks)`] = summarize(bad, 'rows', 0);
    }
    if (s.isolation) {
      const iso = s.isolation;
      results[`${id}: DOM queries for other sites' adapters (of ${iso.ownCalls + iso.sharedCalls + iso.foreignCalls})`] = {
        median: iso.foreignCalls, p95: iso.foreignCalls, unit: 'calls', budget: 0, runs: 1,
      };
      if (iso.foreignSelectors.length) console.log(`  ${id}: other sites' selectors queried: ${iso.foreignSelectors.join(' | ')}`);
    }
  }
  return results;
}
