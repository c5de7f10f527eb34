/**
 * Writes a stand-in for every catalogue model library into a folder, for the test build
 * (`npm run build:e2e` sets MODEL_LIBS_DIR to it). Each is the fake model library the e2e model
 * server used to serve from the web (fake-model.ts): the tests then prove the package carries the
 * libraries and that none is fetched. Never part of a build users get: `npm run build` and
 * `npm run zip` take MODEL_LIBS_DIR from the environment only.
 *
 * Usage: tsx e2e/harness/stand-in-model-libs.ts <folder>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogLibFiles } from '../../lib/llm/catalog';
import { fakeModelLibrary } from './fake-model';

const folder = resolve(process.argv[2] ?? '.stand-in-model-libs');
mkdirSync(folder, { recursive: true });
const bytes = fakeModelLibrary();
for (const file of catalogLibFiles()) writeFileSync(join(folder, file), bytes);
console.log(`stand-in model libraries: ${catalogLibFiles().length} in ${folder}`);
