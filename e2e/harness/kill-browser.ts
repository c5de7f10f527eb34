/**
 * Kills a Chromium the harness launched the way a crash or a power cut would end it: SIGKILL to
 * its browser process, no graceful close, no chance to flush anything. Playwright's persistent
 * context does not expose that process, so it is found by its profile folder in /proc (Linux, as
 * the harness's Chromium is): the browser process is the one with that --user-data-dir and no
 * --type= (renderers, the GPU and utility processes carry one).
 */
import { readdirSync, readFileSync } from 'node:fs';

function commandLine(pid: string): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** The browser process started with this profile folder, or undefined when none runs. */
export function browserProcessFor(userDataDir: string): number | undefined {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const args = commandLine(pid);
    if (!args.includes(`--user-data-dir=${userDataDir}`)) continue;
    if (args.some((arg) => arg.startsWith('--type='))) continue;
    // The shell wrapper some distributions put in front of Chromium isn't the browser.
    if (/(^|\/)(sh|bash|dash)$/.test(args[0] ?? '')) continue;
    return Number(pid);
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILLs the browser of this profile and waits until it is gone. Throws when none runs. */
export async function killBrowser(userDataDir: string): Promise<number> {
  const pid = browserProcessFor(userDataDir);
  if (pid === undefined) throw new Error(`No Chromium browser process runs with --user-data-dir=${userDataDir}.`);
  process.kill(pid, 'SIGKILL');
  for (let waited = 0; alive(pid); waited += 50) {
    if (waited > 10_000) throw new Error(`Chromium (pid ${pid}) is still running 10 s after SIGKILL.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return pid;
}
