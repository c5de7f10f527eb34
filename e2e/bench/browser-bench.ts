/**
 * Runs a bundled benchmark module (its `run(options)` export) in a plain Chromium page on a
 * served origin: real V8, real IndexedDB, nothing else on the page.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../harness/chromium';
import { BENCH_ORIGIN, bundleForBrowser } from './bundle';
import type { Stat } from './stats';

export async function runInBrowser(entry: string, options: Record<string, unknown>): Promise<Record<string, Stat>> {
  const code = await bundleForBrowser(entry, 'Bench');
  const args = chromiumArgs('').filter((a) => !a.includes('extension'));
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...args, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  try {
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(BENCH_ORIGIN)) {
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>' });
      }
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${BENCH_ORIGIN}/`);
    await page.addScriptTag({ content: code });
    return await page.evaluate((opts) => (window as unknown as { Bench: { run(o: unknown): Promise<Record<string, Stat>> } }).Bench.run(opts), options);
  } finally {
    await browser.close();
  }
}
