/**
 * The browser killed in the middle of a write (issue 13): an import of 6,000 replies is stopped
 * between two chunk writes by the crash-test build's pause (lib/imports/crash-pause.ts), and
 * Chromium's browser process is SIGKILLed there, as a crash or a power cut would end it. On the
 * relaunch, with the same profile folder, memory holds the replies from before the import or
 * from after it, never some of them; and a draft the creator was editing in an open inline
 * editor is back in the side panel's queue.
 *
 * The pause exists only in a build made with `wxt build --mode crash-test`, which this spec makes
 * itself (beside the production build, in `<out dir>/chrome-mv3-crash-test`); the first test
 * checks the production build holds none of it.
 *
 * One browser profile, launched twice (before and after the kill); one build for the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { PAUSE_MARKER, PAUSE_REQUEST } from '../lib/imports/crash-pause-keys';
import { EXTENSION_PATH, ROOT, launchWithExtension, type Session } from './harness/launch';
import { killBrowser } from './harness/kill-browser';
import { SAMPLE_PROFILE } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { SidePanelPage } from './pages/side-panel-page';
import { YouTubeWatchPage } from './pages/youtube-watch-page';

const OUT_DIR = path.join(ROOT, process.env.UNDERSTUDY_OUT_DIR ?? '.output');
const CRASH_BUILD = path.join(OUT_DIR, 'chrome-mv3-crash-test');

const IMPORTED = 6_000;
const COMMENT = 'Can I do the 72 hours with a 100% whole wheat dough';
const AUTHOR = '@LiamBakesBread';
/** A second draft, left as the engine wrote it: recovered into the queue at the next start. */
const UNEDITED_COMMENT = 'Is the rice flour on the banneton necessary?';
const UNEDITED_AUTHOR = '@kofi.bakes';
const EDITED = 'Whole wheat works, just shorten the cold proof to 48 hours. Edited by hand before the crash.';

/** A CSV of replies memory holds none of: one import, many chunks. */
function bigCsv(): Buffer {
  const lines = ['comment,reply,platform'];
  for (let i = 0; i < IMPORTED; i++) lines.push(`"Question ${i} about proofing?","Reply ${i}: a longer cold proof gives more flavour, batch ${i % 97}.",youtube`);
  return Buffer.from(lines.join('\n'));
}

/** Every file of a build, read as text, joined (the bundles are a few MB). */
function buildText(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|html|json)$/.test(name)) out.push(readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out.join('\n');
}

/** Replies in memory, read from IndexedDB itself (chunks and single rows), and the sources' names. */
async function memoryOnDisk(page: Page): Promise<{ replies: number; sources: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ replies: number; sources: string[] }>((resolve, reject) => {
        const open = indexedDB.open('understudy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['examples', 'exampleChunks', 'sources'], 'readonly');
          const chunks = tx.objectStore('exampleChunks').getAll();
          const singles = tx.objectStore('examples').count();
          const sources = tx.objectStore('sources').getAll();
          tx.oncomplete = () => {
            const inChunks = (chunks.result as { rows: unknown[] }[]).reduce((n, c) => n + c.rows.length, 0);
            resolve({
              replies: inChunks + singles.result,
              sources: (sources.result as { fileName: string }[]).map((s) => s.fileName),
            });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const test = base.extend<object, { crashBuild: string }>({
  crashBuild: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const built = spawnSync('npx', ['wxt', 'build', '--mode', 'crash-test'], {
        cwd: ROOT,
        env: { ...process.env, UNDERSTUDY_OUT_DIR: path.relative(ROOT, OUT_DIR) },
        encoding: 'utf8',
      });
      if (built.status !== 0) throw new Error(`The crash-test build failed:\n${built.stdout}\n${built.stderr}`);
      await use(CRASH_BUILD);
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

// One worker builds once: the two tests share the crash-test build.
test.describe.configure({ mode: 'serial' });

test('the production build holds no test pause; the crash-test build does', ({ crashBuild }) => {
  const production = buildText(EXTENSION_PATH);
  const crashTest = buildText(crashBuild);
  for (const marker of [PAUSE_MARKER, PAUSE_REQUEST]) {
    expect(production, `the production build at ${EXTENSION_PATH} mentions ${marker}`).not.toContain(marker);
    // The same search finds it where it is: the check above can fail.
    expect(crashTest).toContain(marker);
  }
});

test('killed mid-import, memory is as before or after the import, never between, and the open drafts are back in the queue', async ({ crashBuild }, testInfo) => {
  test.setTimeout(180_000);
  const profileDir = mkdtempSync(path.join(tmpdir(), 'understudy-crash-'));
  let session: Session | undefined = await launchWithExtension({ extensionPath: crashBuild, userDataDir: profileDir });
  let before: { replies: number; sources: string[] };
  let unedited = '';

  try {
    const options = await new OptionsPage(session).open();
    await options.importFile(SAMPLE_PROFILE);
    await expect(options.success).toBeVisible();
    before = await memoryOnDisk(options.page);
    expect(before.replies).toBeGreaterThan(0);

    await test.step('the creator edits a draft in the inline editor; the edit is saved to the queue', async () => {
      const youtube = await new YouTubeWatchPage(session!).open();
      const editor = await youtube.openDraft(COMMENT);
      await expect(editor.getByRole('status')).toContainText('Draft ready', { timeout: 20_000 });
      await youtube.draftBox(editor).fill(EDITED);
      await expect(editor.getByText('Your edits are saved in the queue.')).toBeVisible();
      // A second editor, its draft untouched: only the editor holds it when the browser dies.
      const second = await youtube.openDraft(UNEDITED_COMMENT);
      await expect(second.getByRole('status')).toContainText('Draft ready', { timeout: 20_000 });
      unedited = await youtube.draftBox(second).inputValue();
      expect(unedited.length).toBeGreaterThan(0);
    });

    await test.step('an import stops between two chunk writes', async () => {
      await options.page.bringToFront();
      await options.page.evaluate((key) => localStorage.setItem(key, '1'), PAUSE_REQUEST);
      await options.chooseImportFiles([{ name: 'replies.csv', buffer: bigCsv(), mimeType: 'text/csv' }]);
      await expect(options.importPreview).toContainText(IMPORTED.toLocaleString('en-US'), { timeout: 30_000 });
      await options.confirmImportButton.click();
      await options.page.waitForFunction((marker) => (globalThis as Record<string, unknown>)[marker] === true, PAUSE_MARKER, { timeout: 30_000 });
      await options.page.screenshot({ path: testInfo.outputPath('paused-import.png') });
    });

    await test.step('Chromium is killed there (SIGKILL to the browser process)', async () => {
      const closed = new Promise<void>((resolve) => session!.context.once('close', () => resolve()));
      await killBrowser(profileDir);
      await closed;
      session = undefined;
    });
  } finally {
    // Only when a step failed before the kill; a killed browser has nothing left to close.
    await session?.close().catch(() => {});
  }

  const relaunched = await launchWithExtension({ extensionPath: crashBuild, userDataDir: profileDir });
  try {
    const options = await new OptionsPage(relaunched).open();
    const after = await memoryOnDisk(options.page);
    const whole = { replies: before!.replies + IMPORTED, sources: [...before!.sources, 'replies.csv'] };
    // Before or after, as a whole: every reply of the import and its source, or none of either.
    expect([before!, whole]).toContainEqual(after);
    testInfo.annotations.push({ type: 'memory after the kill', description: after.replies === before!.replies ? 'as before the import' : 'as after the import' });
    // What Options shows agrees with what is on disk.
    await expect(options.exampleCount).toHaveText(String(after.replies));

    const panel = await new SidePanelPage(relaunched).open();
    await expect(panel.draftBox(AUTHOR)).toHaveValue(EDITED);
    // The untouched draft too: the browser's start put what its editor held into the queue.
    await expect(panel.draftBox(UNEDITED_AUTHOR)).toHaveValue(unedited);
    await panel.page.screenshot({ path: testInfo.outputPath('queue-after-kill.png') });
    expect(relaunched.blocked).toEqual([]);
  } finally {
    await relaunched.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
});
