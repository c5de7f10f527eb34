/**
 * `npm run bench:model`: the model engines' draft quality and speed, for a machine that has them.
 * It loads the built extension in Chromium (WebGPU on), and for each engine, the WebLLM model
 * (recommended one, downloaded through Options; needs a WebGPU-capable GPU and the model host)
 * and the browser's built-in model (Chrome's `LanguageModel`), drafts a reply through the page's
 * Draft button to every held-out comment of the evaluation sets (lib/drafting/eval), each set with
 * its own profile imported. It reports what `npm run bench` reports for the memory engine (share
 * of answerable comments drafted with a fitting reply, abstention precision and recall, share of
 * drafts shown as fitting that don't; see model-score.ts for how a model's draft is counted) and
 * the medians of time to first token and decode speed, and the share of the prompt-injection
 * corpus's attempts the model followed.
 *
 * An engine that is not there is skipped with the reason; the run fails only if neither ran.
 *   BENCH_MODEL           a WebLLM model id to use instead of the recommended one
 *   BENCH_MODEL_COMMENTS  at most this many held-out comments per evaluation set (default: all)
 *   HEADLESS=0            show the browser
 */
import type { ModelStatus } from '../../lib/core/models';
import type { DraftMetrics, DraftResult, EngineId, FitLevel } from '../../lib/core/draft';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { heldOutItems, modelOutcome } from '../../lib/drafting/eval/model-score';
import { score, type EvalItem, type EvalProfile, type EvalSet, type Outcome, type Scores } from '../../lib/drafting/eval/score';
import { launchWithExtension, ROOT, type Session } from '../harness/launch';
import { FIXTURE_HOSTS } from '../harness/routes';
import { OptionsPage } from '../pages/options-page';
import { YouTubeWatchPage } from '../pages/youtube-watch-page';
import { summarize, type Stat } from './stats';
import { GUARD_FLAG_LABELS, type GuardFlagKind } from '../../lib/core/guard';

type ModelEngine = Extract<EngineId, 'webllm' | 'builtin'>;
const ENGINE_NAMES: Record<ModelEngine, string> = { webllm: 'WebLLM engine', builtin: "browser's built-in model" };
const EVAL_SETS = ['sample-eval.json', 'terse-eval.json'];
const DOWNLOAD_TIMEOUT_MS = 60 * 60 * 1000;
/** The first draft may wait for the model to load (or the browser to fetch its own). */
const DRAFT_TIMEOUT_MS = 10 * 60_000;

type Send = <T>(type: string, payload: unknown) => Promise<T>;
/** Why an engine can't run here, or the model it will draft with. */
type Readiness = { skip: string } | { model: string };

interface EngineReport {
  model: string;
  sets: Record<string, Scores>;
  /** Prompt-injection attempts drafted, and those the model followed (its draft flagged for what the attempt wanted). */
  injections?: { attempts: number; followed: number; ids: string[] };
  timeToFirstToken: Stat;
  decodeSpeed: Stat;
}

function commentCap(): number {
  const raw = process.env.BENCH_MODEL_COMMENTS;
  if (raw === undefined || raw === '') return Infinity;
  const cap = Number(raw);
  if (!Number.isInteger(cap) || cap < 1) throw new Error(`BENCH_MODEL_COMMENTS must be a positive whole number, not “${raw}”.`);
  return cap;
}

function loadSet(file: string): { set: EvalSet; profile: EvalProfile } {
  const set = JSON.parse(readFileSync(path.join(ROOT, 'lib/drafting/eval', file), 'utf8')) as EvalSet;
  const profile = JSON.parse(readFileSync(path.join(ROOT, set.profile), 'utf8')) as EvalProfile;
  return { set, profile };
}

async function prepareWebllm(options: OptionsPage, send: Send): Promise<Readiness> {
  const status = await send<ModelStatus>('model.status', {});
  if (!status.capability.available || status.capability.isSoftware) {
    return { skip: `no usable GPU here (${status.capability.reason ?? status.capability.adapterName ?? 'software adapter'}); run it on a machine with a WebGPU-capable GPU` };
  }
  const modelId = process.env.BENCH_MODEL ?? status.recommendedId;
  if (!modelId) return { skip: `no model fits this GPU (${status.capability.adapterName})` };
  console.log(`bench:model: ${status.capability.adapterName} → ${modelId}`);
  await options.page.evaluate((id) => chrome.storage.local.set({ 'llm.selectedModel': id }), modelId);
  if (!status.cached[modelId]) {
    console.log('bench:model: downloading the model (once per run)…');
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
  return { model: modelId };
}

/** Asks an extension page what the engine's builtinState asks: is the Prompt API there, for English. */
async function prepareBuiltin(options: OptionsPage): Promise<Readiness> {
  const state = await options.page.evaluate(async () => {
    const api = (globalThis as { LanguageModel?: { availability(o: unknown): Promise<string> } }).LanguageModel;
    if (typeof api?.availability !== 'function') return 'absent';
    const english = [{ type: 'text', languages: ['en'] }];
    return api.availability({ expectedInputs: english, expectedOutputs: english }).catch(() => 'unavailable');
  });
  if (state === 'absent') return { skip: 'this browser has no Prompt API (`LanguageModel` is absent)' };
  if (state === 'unavailable') return { skip: "`LanguageModel.availability()` says 'unavailable' on this machine" };
  return { model: `built-in (${state})` };
}

/**
 * Two fixture comments whose text is rewritten for each evaluation comment: a top-level one, and
 * a reply in a thread (its thread's top comment then holds the item's parent), so the content
 * script reads the comment and its parent exactly as it does on YouTube.
 */
function draftTargets(youtube: YouTubeWatchPage): { top: Locator; threadTop: Locator; reply: Locator } {
  const thread = youtube.page.locator('ytd-comment-thread-renderer').filter({ has: youtube.page.locator('[is-reply]') }).first();
  return {
    top: youtube.page.locator('ytd-comment-thread-renderer #comment').first(),
    threadTop: thread.locator('#comment'),
    reply: thread.locator('[is-reply]').first(),
  };
}

const setText = (comment: Locator, text: string) =>
  comment.evaluate((el, t) => {
    el.querySelector('#content-text')!.textContent = t;
  }, text);

/** What the editor showed for the draft: its text, engine, fit judgement, guard flags and metrics. */
async function readDraft(editor: FrameLocator, youtube: YouTubeWatchPage): Promise<{ draft: DraftResult; label: string; checks: string; metrics?: DraftMetrics }> {
  await editor.getByRole('status').filter({ hasText: 'Draft ready' }).waitFor({ timeout: DRAFT_TIMEOUT_MS });
  const text = await youtube.draftBox(editor).inputValue();
  const label = (await youtube.engineLabel(editor).textContent()) ?? '';
  const fitClass = (await editor.locator('p.fit').getAttribute('class', { timeout: 1000 }).catch(() => null)) ?? '';
  const level = (/\bfit-(fits|partly|none)\b/.exec(fitClass)?.[1] ?? 'none') as FitLevel;
  const raw = await editor.locator('.metrics').getAttribute('data-metrics', { timeout: 1000 }).catch(() => null);
  // The claim guard's list under the draft ("Check before sending"), empty for a clean draft.
  const checks = (await editor.getByRole('region', { name: 'Check before sending' }).innerText({ timeout: 1000 }).catch(() => '')) ?? '';
  const engine: EngineId = label.startsWith('From your past') ? 'memory' : label.startsWith("Browser's") ? 'builtin' : 'webllm';
  return {
    draft: { text, engine, exampleIds: [], fit: { level, reasons: [] } },
    label,
    checks,
    ...(raw ? { metrics: JSON.parse(raw) as DraftMetrics } : {}),
  };
}

async function draftItem(youtube: YouTubeWatchPage, item: EvalItem) {
  const targets = draftTargets(youtube);
  const comment = item.parent ? targets.reply : targets.top;
  if (item.parent) await setText(targets.threadTop, item.parent);
  await setText(comment, item.text);
  const editor = await youtube.openDraftOn(comment);
  try {
    return await readDraft(editor, youtube);
  } finally {
    await editor.getByRole('button', { name: 'Close draft' }).click();
  }
}

interface InjectionAttempt {
  id: string;
  technique: string;
  field: string;
  text: string;
  expectedKinds: GuardFlagKind[];
}

/**
 * The prompt-injection corpus (lib/guard/corpus/injections.json), drafted by the model as a
 * comment (or a reply under it, for attempts in a parent comment): an attempt counts as followed
 * when the claim guard flags the model's draft with a kind the attempt was after (a link, a
 * price, an echo of private notes…). Attempts hidden in author names and titles need their own
 * page fields and are left to the prompt-level tests.
 */
async function injectionFollowRate(youtube: YouTubeWatchPage): Promise<{ attempts: number; followed: number; ids: string[] }> {
  const corpus = JSON.parse(readFileSync(path.join(ROOT, 'lib/guard/corpus/injections.json'), 'utf8')) as { attempts: InjectionAttempt[] };
  const usable = corpus.attempts.filter((a) => a.field === 'comment' || a.field === 'parent' || a.field === 'dm');
  const ids: string[] = [];
  for (const attempt of usable) {
    const item = (attempt.field === 'parent' ? { text: 'What do you think of this?', parent: attempt.text } : { text: attempt.text }) as EvalItem;
    const { checks } = await draftItem(youtube, item);
    if (attempt.expectedKinds.some((kind) => checks.includes(GUARD_FLAG_LABELS[kind]))) ids.push(attempt.id);
  }
  return { attempts: usable.length, followed: ids.length, ids };
}

async function benchEngine(session: Session, options: OptionsPage, engine: ModelEngine, model: string): Promise<EngineReport> {
  // Memory right after the engine, so a failing model shows as a memory draft (caught below)
  // rather than a draft from the other model engine.
  const order: EngineId[] = [engine, 'memory', engine === 'webllm' ? 'builtin' : 'webllm'];
  await options.page.evaluate((o) => chrome.storage.local.set({ 'llm.engineOrder': o }), order);
  const youtube = await new YouTubeWatchPage(session).open();
  const cap = commentCap();
  const sets: Record<string, Scores> = {};
  const ttft: number[] = [], decode: number[] = [];
  let injections: EngineReport['injections'];
  try {
    for (const [index, file] of EVAL_SETS.entries()) {
      const { set, profile } = loadSet(file);
      // Imports add up; each evaluation set is scored on its own profile's replies alone.
      if (index > 0) await options.deleteEverything();
      await options.importFile(set.profile);
      await options.exampleCount.filter({ hasText: new RegExp(`\\b${profile.examples.length}\\b`) }).waitFor();
      const outcomes: Outcome[] = [];
      for (const item of heldOutItems(set, cap)) {
        const { draft, label, metrics } = await draftItem(youtube, item);
        if (draft.engine !== engine) throw new Error(`the draft for “${item.text.slice(0, 40)}” came from “${label}”, not the ${ENGINE_NAMES[engine]}`);
        outcomes.push(modelOutcome(item, draft));
        if (metrics) {
          ttft.push(metrics.timeToFirstTokenMs);
          decode.push(metrics.decodeTokensPerSecond);
        }
      }
      sets[file] = score(outcomes);
    }
    injections = await injectionFollowRate(youtube);
  } finally {
    await youtube.page.close();
  }
  return { model, sets, injections, timeToFirstToken: summarize(ttft, 'ms'), decodeSpeed: summarize(decode, 'tokens/s') };
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

function printReport(engine: ModelEngine, report: EngineReport) {
  console.log(`bench:model: ${ENGINE_NAMES[engine]} (${report.model})`);
  for (const [file, s] of Object.entries(report.sets)) {
    console.log(
      `  ${file} (${s.items} held-out, ${s.answerable} answerable): fitting ${pct(s.fittingShare)} (goal ≥ 85%), ` +
        `abstention precision ${pct(s.abstentionPrecision)} recall ${pct(s.abstentionRecall)} (goal ≥ 90%), ` +
        `shown as fitting but not ${pct(s.wrongFitsShare)} of ${s.shownFits} (goal ≤ 3%)`,
    );
  }
  if (report.injections) {
    const { attempts, followed } = report.injections;
    console.log(`  prompt injection: followed ${followed} of ${attempts} attempts (${pct(followed / Math.max(1, attempts))}); each one the claim guard flagged`);
  }
  console.log(`  time to first token median ${report.timeToFirstToken.median.toFixed(0)} ms, decode median ${report.decodeSpeed.median.toFixed(1)} tokens/s`);
}

async function main() {
  const session = await launchWithExtension({
    headless: process.env.HEADLESS !== '0',
    extraArgs: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist'],
  });
  // Unlike the tests, this run needs the model host: let non-fixture requests through.
  await session.context.route('**/*', (route) =>
    FIXTURE_HOSTS.has(new URL(route.request().url()).hostname) ? route.fallback() : route.continue(),
  );
  const results: Partial<Record<ModelEngine, EngineReport | { skipped: string }>> = {};
  try {
    const options = await new OptionsPage(session).open();
    const send: Send = <T>(type: string, payload: unknown) =>
      options.page.evaluate(
        async ([t, p]) => {
          const reply = await chrome.runtime.sendMessage({ type: t, payload: p });
          if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
          return reply.data;
        },
        [type, payload] as const,
      ) as Promise<T>;

    for (const engine of ['webllm', 'builtin'] as const) {
      const ready = engine === 'webllm' ? await prepareWebllm(options, send) : await prepareBuiltin(options);
      if ('skip' in ready) {
        console.log(`bench:model: ${ENGINE_NAMES[engine]}: skipped: ${ready.skip}.`);
        results[engine] = { skipped: ready.skip };
        continue;
      }
      try {
        const report = await benchEngine(session, options, engine, ready.model);
        results[engine] = report;
        printReport(engine, report);
      } catch (error) {
        const why = `could not finish: ${error instanceof Error ? error.message : error}`;
        console.log(`bench:model: ${ENGINE_NAMES[engine]}: ${why}`);
        results[engine] = { skipped: why };
      }
    }
    const out = path.join(ROOT, 'bench-output');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'model.json'), JSON.stringify(results, null, 2));
  } finally {
    await session.close();
  }
  if (!Object.values(results).some((r) => r && !('skipped' in r))) {
    throw new Error('neither the WebLLM engine nor the built-in model could run on this machine; nothing was measured.');
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
