/**
 * Bundles a benchmark entry (TypeScript using the project's own lib/ code) into one browser
 * script, so benchmarks run the real code in real Chromium, with real IndexedDB.
 */
import path from 'node:path';
import { build, type Rollup } from 'vite';
import { ROOT } from '../harness/launch';

export async function bundleForBrowser(entry: string, globalName: string): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@': ROOT } },
    build: {
      write: false,
      minify: true,
      lib: { entry: path.resolve(ROOT, entry), name: globalName, formats: ['iife'], fileName: () => 'bench.js' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const first = (Array.isArray(output) ? output[0] : output)!.output[0];
  return first.code;
}

/** An origin no real site uses, served entirely by request interception. */
export const BENCH_ORIGIN = 'https://bench.understudy.test';
