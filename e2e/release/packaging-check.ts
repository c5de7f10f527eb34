/**
 * The store package check (issue 15), run in `npm test` on the zip `npm run zip` makes:
 * every permission justified in the README, icons at 16/32/48/128, a minimum Chrome version that
 * matches the features used, no source maps, no code from the network, and every model library
 * the build was given inside the package.
 *
 * Usage: tsx e2e/release/packaging-check.ts <zip> [model libs folder]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import {
  chromeVersionProblems,
  iconProblems,
  modelLibProblems,
  remoteUrlProblems,
  sourceMapProblems,
  unjustifiedPermissions,
  type Manifest,
} from './package-rules';

const [zipPath, libsDir] = process.argv.slice(2);
if (!zipPath) {
  console.error('usage: tsx e2e/release/packaging-check.ts <zip> [model libs folder]');
  process.exit(2);
}

const entries = unzipSync(readFileSync(zipPath));
const names = new Set(Object.keys(entries));
const texts = new Map<string, string>();
for (const [name, bytes] of Object.entries(entries)) {
  if (/\.(?:js|mjs|html|json|css|map)$/.test(name)) texts.set(name, strFromU8(bytes));
}
const manifestText = texts.get('manifest.json');
if (!manifestText) {
  console.error(`${zipPath} has no manifest.json at its root.`);
  process.exit(1);
}
const manifest = JSON.parse(manifestText) as Manifest;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const expectedLibs = libsDir ? readdirSync(libsDir).filter((f) => f.endsWith('.wasm')) : [];

const problems = [
  ...unjustifiedPermissions(manifest, readme),
  ...iconProblems(manifest, names),
  ...chromeVersionProblems(manifest),
  ...sourceMapProblems(texts),
  ...remoteUrlProblems(texts),
  ...modelLibProblems(names, expectedLibs),
];

const libs = [...names].filter((n) => n.startsWith('model-libs/')).length;
if (problems.length > 0) {
  console.error(`packaging check: ${problems.length} problem(s) in ${zipPath}`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`packaging check: ${zipPath} passes (${names.size} files, ${libs} model libraries, minimum Chrome ${manifest.minimum_chrome_version}).`);
