/**
 * Build check: WebLLM (6 MB of script) must be in the built extension once. Run after a build:
 *   npx tsx e2e/bench/webllm-once.ts            (reads $UNDERSTUDY_OUT_DIR or .output)
 * Exits 1 and names the files when more than one large script carries WebLLM's runtime.
 *
 * A script run after the build rather than a Vitest test: a unit test would read whatever build
 * happened to be lying around (or none), so it could pass without checking anything.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Only WebLLM's bundle is this large; everything else Understudy ships is under 400 kB. */
const LARGE_BYTES = 3 * 1024 * 1024;
/** TVM's JavaScript runtime (tvmjs) is inside every copy of @mlc-ai/web-llm. */
const WEBLLM_MARKER = 'tvmjs';

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

export function webllmCopies(extensionDir: string): string[] {
  return scripts(extensionDir).filter((file) => statSync(file).size > LARGE_BYTES && readFileSync(file, 'utf8').includes(WEBLLM_MARKER));
}

const outDir = process.argv[2] ?? path.join(process.env.UNDERSTUDY_OUT_DIR ?? '.output', 'chrome-mv3');
const copies = webllmCopies(outDir);
const mb = (file: string) => `${(statSync(file).size / 1024 / 1024).toFixed(2)} MB`;
if (copies.length === 0) {
  console.error(`No WebLLM bundle found under ${outDir}: build first (npx wxt build).`);
  process.exit(1);
}
if (copies.length > 1) {
  console.error(`WebLLM is bundled ${copies.length} times:\n${copies.map((f) => `  ${path.relative(outDir, f)} (${mb(f)})`).join('\n')}`);
  process.exit(1);
}
console.log(`WebLLM bundled once: ${path.relative(outDir, copies[0]!)} (${mb(copies[0]!)})`);
