/**
 * The content script's own timing on a watch page with 2,000 comment threads, read from the
 * User Timing measures it records per batch (scan + Draft reply buttons), with the real built
 * extension loaded in Chromium.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../harness/launch';
import { BATCH_MEASURE } from '../../lib/sites/observe';
import { summarize, type Stat } from './stats';

const THREADS = 2000;
const BATCH = 20;

interface Measure {
  duration: number;
  comments: number;
}

async function measures(page: Page): Promise<Measure[]> {
  return page.evaluate(
    (name) =>
      performance.getEntriesByName(name).map((entry) => ({
        duration: entry.duration,
        comments: ((entry as PerformanceMeasure).detail as { comments: number }).comments,
      })),
    BATCH_MEASURE,
  );
}

export async function runContentBench(options: { runs: number; batches: number }): Promise<Record<string, Stat>> {
  const session = await launchWithExtension();
  const firstScan: number[] = [];
  const batch: number[] = [];
  let comments = 0;
  try {
    for (let run = 0; run < options.runs; run++) {
      const page = await session.context.newPage();
      await page.goto(`https://www.youtube.com/watch?v=k3BfqS0urD0&threads=${THREADS}`);
      await page.waitForFunction(
        (name) => performance.getEntriesByName(name).some((e) => ((e as PerformanceMeasure).detail as { comments: number }).comments >= 2000),
        BATCH_MEASURE,
        { timeout: 30_000 },
      );
      const initial = (await measures(page)).reduce((a, b) => (b.comments > a.comments ? b : a));
      firstScan.push(initial.duration);
      comments = initial.comments;
      for (let i = 0; i < options.batches; i++) {
        const before = (await measures(page)).length;
        await page.evaluate((n) => (window as unknown as { __fixture: { appendThreads(n: number): number } }).__fixture.appendThreads(n), BATCH);
        await page.waitForFunction(
          ({ name, count }) => performance.getEntriesByName(name).length > count,
          { name: BATCH_MEASURE, count: before },
        );
        const added = (await measures(page)).slice(before).filter((m) => m.comments > 0);
        for (const m of added) batch.push(m.duration);
      }
      await page.close();
    }
  } finally {
    await session.close();
  }
  return {
    [`content script first scan, ${THREADS.toLocaleString('en')} threads (${comments.toLocaleString('en')} comments)`]: summarize(firstScan, 'ms', 50),
    [`content script, each batch of ${BATCH} lazily added threads`]: summarize(batch, 'ms', 5),
  };
}
