/**
 * Direct messages (issue 11): "A conversation of 5,000 messages: reading the context for a draft
 * ≤ 20 ms; the content script does nothing per message until a draft is asked for."
 *
 * Every site's conversation fixture page (`conversations` in e2e/sites/<site>/site.ts), in real
 * Chromium, with the site's real ConversationAdapter and the content script's real conversation
 * controller bundled into the page (dm-probe.ts; no build needed). Each run is a fresh tab that
 * arrives the way a creator does (the page's `arrive`, on the one-to-one conversation), starts
 * the controller, then grows the conversation with the fixture's own hooks (ChatFixtureApi):
 * fill(50), fill(5,000) (older history loads above), receive() of one new message, then 1,000
 * more older messages loading at once (fill). Measured:
 *
 * - Read for a draft: adapter.read of the latest MAX_CONVERSATION_MESSAGES + dmAnswer, at 5,000
 *   messages, READS times per run (the first of each run also on its own: a cold read, which is
 *   what one press of Draft reply costs). Budget 20 ms.
 * - Nothing per message: the controller's scan (pageKind, panes, paneKey, buttonHost: what it
 *   asks of the adapter after every settled mutation batch) timed at 50 and at 5,000 messages and
 *   after 1 + 1,000 more came, as a ratio to 50 (budget 1.25: the scan must not grow with the
 *   conversation); the controller's adapter calls when 1,000 messages load at once, as a ratio
 *   to one message arriving (budget 1.25: calls come per mutation batch, not per message); and
 *   its reads while no draft is asked for (budget 0).
 */
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../harness/chromium';
import { routeSites } from '../harness/routes';
import { MAX_CONVERSATION_MESSAGES } from '../../lib/core/limits';
import type { SiteId } from '../../lib/core/sites';
import { SITE_FIXTURES } from '../sites/index';
import type { ChatFixtureWindow } from '../sites/fixture-api';
import type { ConversationFixturePage } from '../sites/site-fixture';
import { DM_ONE_TO_ONE } from '../sites/shared/chat-kit.js';
import { bundleForBrowser } from './bundle';
import type { AdapterCounts, ReadSample } from './dm-probe';
import { summarize, type Stat } from './stats';

const MESSAGES = 5000;
const SMALL = 50;
const BURST = 1000;
const READS = 15;
const READ_BUDGET_MS = 20;
const GROWTH_BUDGET = 1.25;

type Probe = typeof import('./dm-probe');
type ProbeWindow = ChatFixtureWindow & { UnderstudyDm: Probe };

export interface DmBenchOptions {
  runs: number;
  /** Site ids to run (BENCH_SITES); all with conversation pages when empty. */
  sites?: string[];
}

interface DmPage {
  site: SiteId;
  page: ConversationFixturePage;
}

interface Samples {
  target: DmPage;
  reads: number[];
  firstRead: number[];
  readMessages: number;
  scanSmall: number[];
  scanLarge: number[];
  scanAfterOne: number[];
  scanAfterBurst: number[];
  growth: number[];
  growthAfterBurst: number[];
  callsOne: number[];
  callsBurst: number[];
  callsRatio: number[];
  idleReads: number[];
  panes: number;
  /** Per run: each adapter call's cost at 50 messages and after the burst. */
  parts: string[];
}

function dmPages(only?: readonly string[]): DmPage[] {
  const wanted = only && only.length ? new Set(only) : null;
  return SITE_FIXTURES.filter((f) => !wanted || wanted.has(f.site)).flatMap((f) => (f.conversations ?? []).map((page) => ({ site: f.site, page })));
}

const calls = (c: AdapterCounts) => c.scans + c.paneKey + c.buttonHost + c.read;

async function settle(tab: Page): Promise<AdapterCounts> {
  await tab.evaluate(() => (window as unknown as ProbeWindow).UnderstudyDm.settled());
  return tab.evaluate(() => (window as unknown as ProbeWindow).UnderstudyDm.takeCounts());
}

async function fill(tab: Page, n: number): Promise<AdapterCounts> {
  const has = await tab.evaluate((count) => (window as unknown as ProbeWindow).__fixture.fill(count), n);
  if (has < n) throw new Error(`fill(${n}) left ${has} messages`);
  return settle(tab);
}

async function receive(tab: Page, text: string): Promise<AdapterCounts> {
  await tab.evaluate((t) => (window as unknown as ProbeWindow).__fixture.receive(t), text);
  return settle(tab);
}

const scan = (tab: Page, site: SiteId) => tab.evaluate((s) => (window as unknown as ProbeWindow).UnderstudyDm.scanCost(s), site);

async function oneRun(tab: Page, target: DmPage, samples: Samples): Promise<string> {
  const { site } = target;
  const began = Date.now();
  await target.page.arrive(tab, DM_ONE_TO_ONE.id);
  const phases: string[] = [];
  let at = began;
  const phase = (name: string) => (phases.push(`${name} ${((Date.now() - at) / 1000).toFixed(1)}`), (at = Date.now()));
  phase('arrive');
  await tab.evaluate((s) => (window as unknown as ProbeWindow).UnderstudyDm.start(s), site);
  await settle(tab);

  const idle: AdapterCounts[] = [];
  idle.push(await fill(tab, SMALL));
  const small = await scan(tab, site);
  idle.push(await fill(tab, MESSAGES));
  const large = await scan(tab, site);
  phase('fill');

  const reads: ReadSample[] = [];
  for (let i = 0; i < READS; i++) reads.push(await tab.evaluate((s) => (window as unknown as ProbeWindow).UnderstudyDm.readOnce(s), site));
  const bad = reads.find((r) => r.messages < MAX_CONVERSATION_MESSAGES || r.answering === 0);
  if (bad) throw new Error(`read ${bad.messages} messages (answering ${bad.answering}) of ${MESSAGES}`);

  phase('reads');
  const one = await receive(tab, 'Just arrived: does the crumb look right?');
  const afterOne = await scan(tab, site);
  // 1,000 at once: older history loading above (the fixture's receive() re-renders the whole
  // list per message, over a minute for 1,000: the page's own cost, not the content script's).
  const burst = await fill(tab, MESSAGES + 1 + BURST);
  const afterBurst = await scan(tab, site);
  phase('1 + 1,000');
  idle.push(one, burst);
  const us = (x: number) => x.toFixed(0);
  samples.parts.push(`panes ${us(small.panesUs)}→${us(afterBurst.panesUs)}, paneKey ${us(small.paneKeyUs)}→${us(afterBurst.paneKeyUs)}, buttonHost ${us(small.buttonHostUs)}→${us(afterBurst.buttonHostUs)} µs`);

  samples.reads.push(...reads.map((r) => r.ms));
  samples.firstRead.push(reads[0]!.ms);
  samples.readMessages = reads[0]!.messages;
  samples.scanSmall.push(small.us);
  samples.scanLarge.push(large.us);
  samples.scanAfterOne.push(afterOne.us);
  samples.scanAfterBurst.push(afterBurst.us);
  samples.growth.push(large.us / small.us);
  samples.growthAfterBurst.push(afterBurst.us / small.us);
  samples.callsOne.push(calls(one));
  samples.callsBurst.push(calls(burst));
  samples.callsRatio.push(calls(burst) / Math.max(1, calls(one)));
  samples.idleReads.push(idle.reduce((n, c) => n + c.read, 0));
  samples.panes = large.panes;
  const f = (x: number) => x.toFixed(x >= 10 ? 1 : 2);
  return (
    `read ${f(reads[0]!.ms)} ms cold, ${f(summarize(reads.map((r) => r.ms), '').median)} ms median; ` +
    `scan ${f(small.us)} / ${f(large.us)} / ${f(afterOne.us)} / ${f(afterBurst.us)} µs at ${SMALL} / ${MESSAGES} / +1 / +${BURST}; ` +
    `calls: history ${calls(idle[1]!)} (${idle[1]!.scans} scans), +1 ${calls(one)} (${one.scans} scans), +${BURST} ${calls(burst)} (${burst.scans} scans); ` +
    `reads ${idle.reduce((n, c) => n + c.read, 0)}; ${samples.parts[samples.parts.length - 1]}; ${((Date.now() - began) / 1000).toFixed(0)} s (${phases.join(', ')})`
  );
}

export async function runDmBench(options: DmBenchOptions): Promise<Record<string, Stat>> {
  const targets = dmPages(options.sites);
  const probe = await bundleForBrowser('e2e/bench/dm-probe.ts', 'UnderstudyDm');
  // No extension: the adapter and the controller run from the bundle, in the page's main world.
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs('').filter((a) => !a.includes('extension')) });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120_000);
  await routeSites(context);
  // An IIFE's `var` stays inside the init script's own scope: publish it.
  await context.addInitScript({ content: `${probe}\n;window.UnderstudyDm = UnderstudyDm;` });

  const all: Samples[] = [];
  const failed: Record<string, string> = {};
  try {
    for (const target of targets) {
      const samples: Samples = {
        target, reads: [], firstRead: [], readMessages: 0, scanSmall: [], scanLarge: [], scanAfterOne: [], scanAfterBurst: [],
        growth: [], growthAfterBurst: [], callsOne: [], callsBurst: [], callsRatio: [], idleReads: [], panes: 0, parts: [],
      };
      try {
        for (let run = 0; run < options.runs; run++) {
          const tab = await context.newPage();
          try {
            const line = await oneRun(tab, target, samples);
            process.stderr.write(`  ${target.page.name} run ${run + 1}/${options.runs}: ${line}\n`);
          } finally {
            await tab.close();
          }
        }
        all.push(samples);
      } catch (error) {
        failed[target.page.name] = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        process.stderr.write(`  ${target.page.name} FAILED: ${failed[target.page.name]}\n`);
      }
    }
  } finally {
    await browser.close();
  }

  const results: Record<string, Stat> = {};
  for (const [name, reason] of Object.entries(failed)) {
    results[`dm ${name}: not measured (${reason})`] = { median: NaN, p95: NaN, unit: '', budget: 0, runs: 0 };
  }
  const n = MESSAGES.toLocaleString('en');
  for (const s of all) {
    const id = `dm ${s.target.page.name}`;
    results[`${id}: read for a draft (latest ${s.readMessages} of ${n} + dmAnswer)`] = summarize(s.reads, 'ms', READ_BUDGET_MS);
    results[`${id}: of them, the first read of each page load`] = summarize(s.firstRead, 'ms', READ_BUDGET_MS);
    results[`${id}: controller scan (panes, paneKey, buttonHost) at ${SMALL} messages`] = summarize(s.scanSmall, 'µs');
    results[`${id}: scan at ${n} / at ${SMALL}`] = summarize(s.growth, '×', GROWTH_BUDGET);
    results[`${id}: scan after 1 arrived + ${BURST.toLocaleString('en')} loaded / at ${SMALL}`] = summarize(s.growthAfterBurst, '×', GROWTH_BUDGET);
    results[`${id}: adapter calls, ${BURST.toLocaleString('en')} loading at once / 1 arriving (${summarize(s.callsOne, '').median} calls)`] = summarize(s.callsRatio, '×', GROWTH_BUDGET);
    results[`${id}: reads with no draft asked (history to ${n}, 1 arriving, ${BURST.toLocaleString('en')} loading)`] = summarize(s.idleReads, 'reads', 0);
  }
  return results;
}
