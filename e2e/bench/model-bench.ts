/**
 * `npm run bench:model`: real on-device drafting speed, for a machine with a WebGPU-capable GPU
 * and network access (model files come from the model host). It loads the built extension in
 * Chromium with WebGPU on, imports the sample creator, downloads the recommended model through
 * Options, then drafts replies to 20 fixture comments and reports time to first token, prefill
 * and decode speed, total draft latency (median and p95) and prompt tokens.
 *
 * It cannot run on machines without a GPU or without access to the model host; it says so.
 *   BENCH_MODEL  a model id to use instead of the recommended one
 *   HEADLESS=0   show the browser
 */
import type { ModelStatus } from '../../lib/core/models';
import type { DraftResult } from '../../lib/core/draft';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, ROOT } from '../harness/launch';
import { FIXTURE_HOSTS } from '../harness/routes';
import { OptionsPage } from '../pages/options-page';
import { YouTubeWatchPage } from '../pages/youtube-watch-page';
import { summarize, type Stat } from './stats';

const COMMENTS = 20;
const DOWNLOAD_TIMEOUT_MS = 60 * 60 * 1000;

async function main() {
  const session = await launchWithExtension({
    headless: process.env.HEADLESS !== '0',
    extraArgs: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist'],
  });
  // Unlike the tests, this run needs the model host: let non-fixture requests through.
  await session.context.route('**/*', (route) =>
    FIXTURE_HOSTS.has(new URL(route.request().url()).hostname) ? route.fallback() : route.continue(),
  );
  try {
    const options = await new OptionsPage(session).open();
    await options.importFile('public/samples/sample-profile.json');
    await options.success.waitFor();

    const send = <T>(type: string, payload: unknown) =>
      options.page.evaluate(
        async ([t, p]) => {
          const reply = await chrome.runtime.sendMessage({ type: t, payload: p });
          if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
          return reply.data;
        },
        [type, payload] as const,
      ) as Promise<T>;

    const status = await send<ModelStatus>('model.status', {});
    if (!status.capability.available || status.capability.isSoftware) {
      throw new Error(`No usable GPU here (${status.capability.reason ?? status.capability.adapterName ?? 'software adapter'}). Run this on a machine with a WebGPU-capable GPU.`);
    }
    const modelId = process.env.BENCH_MODEL ?? status.recommendedId;
    if (!modelId) throw new Error('No model fits this GPU.');
    console.log(`bench:model: ${status.capability.adapterName} → ${modelId}`);
    await options.page.evaluate((id) => chrome.storage.local.set({ 'llm.selectedModel': id }), modelId);
    if (!status.cached[modelId]) {
      console.log('bench:model: downloading the model (once; it stays cached)…');
      await send('model.download', { selection: { modelId } });
      await options.page.waitForFunction(
        async () => {
          const { ['llm.download']: state } = await chrome.storage.local.get('llm.download');
          if (state?.phase === 'error') throw new Error(state.error);
          return state?.phase === 'done';
        },
        null,
        { timeout: DOWNLOAD_TIMEOUT_MS, polling: 1000 },
      );
    }

    const youtube = await new YouTubeWatchPage(session).open();
    const texts = await youtube.comments.evaluateAll((els) =>
      els.map((el) => el.querySelector('#content-text')?.textContent?.trim() ?? '').filter((t) => t.length > 15 && t.length < 400),
    );
    const ttft: number[] = [], prefill: number[] = [], decode: number[] = [], latency: number[] = [], promptTokens: number[] = [];
    for (const text of texts.slice(0, COMMENTS)) {
      const started = Date.now();
      const editor = await youtube.openDraft(text.slice(0, 40));
      await editor.getByRole('status').filter({ hasText: 'Draft ready' }).waitFor({ timeout: 5 * 60_000 });
      latency.push(Date.now() - started);
      const raw = await editor.locator('.metrics').getAttribute('data-metrics');
      if (!raw) throw new Error(`The draft for “${text.slice(0, 40)}…” was not written by the model: ${await editor.locator('.notice').textContent()}`);
      const m = JSON.parse(raw) as NonNullable<DraftResult['metrics']>;
      ttft.push(m.timeToFirstTokenMs);
      prefill.push(m.prefillTokensPerSecond);
      decode.push(m.decodeTokensPerSecond);
      promptTokens.push(m.promptTokens);
      await editor.getByRole('button', { name: 'Close draft' }).click();
    }
    const results: Record<string, Stat> = {
      'time to first token': summarize(ttft, 'ms'),
      'prefill speed': summarize(prefill, 'tokens/s'),
      'decode speed': summarize(decode, 'tokens/s'),
      'total draft latency (click → ready)': summarize(latency, 'ms'),
      'prompt tokens': summarize(promptTokens, 'tokens'),
    };
    for (const [name, s] of Object.entries(results)) {
      console.log(`${name.padEnd(38)} median ${s.median.toFixed(1).padStart(8)}  p95 ${s.p95.toFixed(1).padStart(8)}  ${s.unit}`);
    }
    const out = path.join(ROOT, 'bench-output');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'model.json'), JSON.stringify({ modelId, gpu: status.capability, results }, null, 2));
  } finally {
    await session.close();
  }
}

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> };
  storage: { local: { get(key: string): Promise<Record<string, { phase?: string; error?: string } | undefined>>; set(items: Record<string, unknown>): Promise<void> } };
};

main().catch((error) => {
  console.error(`bench:model: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
