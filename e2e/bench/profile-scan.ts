/**
 * A CPU profile of one site's first scan, for finding why a site misses its budget:
 *
 *   UNDERSTUDY_OUT_DIR=.output-bench npx tsx e2e/bench/profile-scan.ts linkedin [comments]
 *
 * Loads the site's bench page (e2e/bench/sites.ts) with the built extension, profiles until the
 * content script's first scan is done, writes bench-output/<site>-scan.cpuprofile (open it in
 * DevTools' Performance panel) and prints the content script's functions by self time, each with
 * the minified code around it so it can be found in lib/sites/<site>.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_PATH, ROOT, launchWithExtension } from '../harness/launch';
import { BATCH_MEASURE } from '../../lib/sites/observe';
import { benchSites } from './sites';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const [siteId, count = '2000'] = process.argv.slice(2);
if (!siteId) throw new Error('usage: profile-scan.ts <site> [comments]');
const site = benchSites([siteId])[0];
if (!site) throw new Error(`unknown site ${siteId}`);

const session = await launchWithExtension();
try {
  const arrival = await session.context.newPage();
  const url = await site.url(arrival, Number(count));
  await arrival.close();
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name).some((e) => ((e as PerformanceMeasure).detail as { comments: number }).comments > 0),
    BATCH_MEASURE,
    { timeout: 60_000 },
  );
  const { profile } = await cdp.send('Profiler.stop');
  const scan = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration.toFixed(1)).join(', '), BATCH_MEASURE);
  const out = path.join(ROOT, 'bench-output');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, `${siteId}-scan.cpuprofile`), JSON.stringify(profile));

  const nodes = new Map<number, ProfileNode>((profile.nodes as ProfileNode[]).map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const code = readFileSync(path.join(EXTENSION_PATH, 'content-scripts', 'content.js'), 'utf8').split('\n');
  samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const where = frame.url.includes('content-scripts/content.js') ? 'content.js' : frame.url ? path.basename(frame.url) : '(native)';
    const key = `${where}\t${frame.functionName || '(anonymous)'}\t${frame.lineNumber}:${frame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  console.log(`${siteId}: batches ${scan} ms; self time by function (ms):`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    const [where, name, pos] = key.split('\t') as [string, string, string];
    const [line, column] = pos.split(':').map(Number) as [number, number];
    const snippet = where === 'content.js' ? (code[line] ?? '').slice(column, column + 140) : '';
    console.log(`${ms.toFixed(1).padStart(8)}  ${where} ${name}  ${snippet}`);
  }
} finally {
  await session.close();
}
