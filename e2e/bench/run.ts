/**
 * `npm run bench`: measures the budgets the issues name and prints a table (and writes
 * bench-output/results.json). Medians over repeated runs; close other heavy programs first.
 *
 *   BENCH_RUNS      page loads per site for the content-script scan (default 7; each also loads
 *                   the floor page once)
 *   BENCH_BATCHES   appendComments(20) / recycle() calls per page load (default 5)
 *   BENCH_SITES     comma list of site ids for the content and dm sections (default: every site)
 *   BENCH_COMMENTS  comments each fixture renders (default 2000)
 *   BENCH_EXAMPLES  examples in the memory benchmark (default 100000)
 *   BENCH_ONLY      comma list of sections: content,bundle,prompt,memory,hybrid,quality,dm,draftall (dm:
 *                   5,000-message conversations, BENCH_RUNS tabs per conversation page; draftall:
 *                   Draft all over 300 comments with the built extension, at most 3 runs)
 *                   desk: the side panel with 10,000 drafts, also run when BENCH_ONLY is unset;
 *                   import: X archive and Instagram exports generated at issue 12's sizes, with the
 *                   built extension, at most 3 runs, also run when BENCH_ONLY is unset)
 *   BENCH_EMBED_DIMS  embedding sizes for the hybrid section (default 384,768: Arctic Embed S, M)
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { EXTENSION_PATH, ROOT } from '../harness/launch';
import { runContentBench } from './content-bench';
import { runDmBench } from './dm-bench';
import { runDeskBench } from './desk-bench';
import { runDraftAllBench } from './draft-all-bench';
import { runImportBench } from './import-bench';
import { runInBrowser } from './browser-bench';
import { runQualityBench } from './quality-bench';
import type { Stat } from './stats';
import { adapters } from '../../lib/sites/registry';

const only = new Set((process.env.BENCH_ONLY ?? 'content,bundle,prompt,memory,hybrid,quality,dm,draftall').split(','));
const runs = Number(process.env.BENCH_RUNS ?? 7);
const batches = Number(process.env.BENCH_BATCHES ?? 5);
const sites = (process.env.BENCH_SITES ?? '').split(',').filter(Boolean);
const comments = Number(process.env.BENCH_COMMENTS ?? 2000);
const examples = Number(process.env.BENCH_EXAMPLES ?? 100_000);
const embedDims = (process.env.BENCH_EMBED_DIMS ?? '384,768').split(',').map(Number).filter((d) => d > 0);

/**
 * The content script as shipped (minified by the production build), and proof that every
 * adapter is in it: each adapter's comment selector (one of its comma parts, as the source
 * spells it) appears in the bundle.
 */
function bundleSizes(): Record<string, Stat> {
  const file = path.join(EXTENSION_PATH, 'content-scripts', 'content.js');
  const bytes = statSync(file).size;
  const code = readFileSync(file, 'utf8');
  const gzip = gzipSync(code).length;
  const missing = adapters.filter((a) => !a.commentSelector.split(',').some((part) => code.includes(part.trim()))).map((a) => a.site);
  if (missing.length) console.log(`content script bundle lacks the adapters of: ${missing.join(', ')}`);
  return {
    [`content script bundle (minified, ${adapters.length - missing.length} of ${adapters.length} adapters in it)`]: {
      median: bytes / 1024, p95: bytes / 1024, unit: 'KB', budget: missing.length ? 0 : 200, runs: 1,
    },
    'content script bundle (gzip)': { median: gzip / 1024, p95: gzip / 1024, unit: 'KB', runs: 1 },
  };
}

function format(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

async function main() {
  const results: Record<string, Stat> = {};
  if (only.has('bundle')) Object.assign(results, bundleSizes());
  if (only.has('content')) Object.assign(results, await runContentBench({ runs, batches, sites, comments }));
  if (only.has('prompt')) Object.assign(results, await runInBrowser('e2e/bench/prompt-bench.ts', { examples: 10_000, repeats: 200 }));
  if (only.has('memory')) {
    const entry = 'e2e/bench/memory-bench.ts';
    if (existsSync(path.join(ROOT, entry))) Object.assign(results, await runInBrowser(entry, { examples, repeats: 5 }));
  }
  if (only.has('hybrid')) {
    Object.assign(results, await runInBrowser('e2e/bench/hybrid-bench.ts', { examples, repeats: 3, dims: embedDims }));
  }

  if (only.has('quality')) Object.assign(results, await runQualityBench({ examples }));
  if (only.has('dm')) Object.assign(results, await runDmBench({ runs, sites }));
  // Each run drafts 300 comments (~10 s or more): three runs give a median.
  if (only.has('draftall')) Object.assign(results, await runDraftAllBench({ runs: Math.min(runs, 3) }));
  if (only.has('desk') || !process.env.BENCH_ONLY) Object.assign(results, await runDeskBench({ runs: Math.min(runs, 5) }));
  if (only.has('import') || !process.env.BENCH_ONLY) Object.assign(results, await runImportBench({ runs: Math.min(runs, 3) }));
  if (only.has('guard') || !process.env.BENCH_ONLY) Object.assign(results, await runInBrowser('e2e/bench/guard-bench.ts', { facts: 1000, repeats: 30, keystrokes: 300 }));

  const rows = Object.entries(results).map(([name, s]) => {
    const within = s.budget === undefined ? '' : s.median <= s.budget ? 'yes' : 'NO';
    return [name, format(s.median), format(s.p95), s.unit, s.budget === undefined ? '' : `≤ ${s.budget}`, within, String(s.runs ?? '')];
  });
  const header = ['benchmark', 'median', 'p95', 'unit', 'budget', 'within', 'runs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));

  const out = path.join(ROOT, 'bench-output');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'results.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
  console.log(`\nJSON: ${path.relative(ROOT, path.join(out, 'results.json'))}`);
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
