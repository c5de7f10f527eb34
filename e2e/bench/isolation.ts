/**
 * "A page of one site does no work for the other eight": every DOM query the content script
 * makes on a site's comments page, counted in the content script's own (isolated) world, and
 * each selector traced back to the adapter source files that spell it. Any selector that only
 * another site's adapter spells is work for the wrong site.
 *
 * How: the DevTools protocol pauses before each script runs; before the content script's, the
 * query methods of that world (querySelector(All), matches, closest) are wrapped with a counter.
 * Counting slows the scan, so this run is apart from the timed ones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { ROOT } from '../harness/launch';
import { adapters } from '../../lib/sites/registry';
import type { SiteId } from '../../lib/core/sites';

const CONTENT_SCRIPT = /\/content-scripts\/content\.js$/;
const COUNTERS = '__understudyBenchQueries';

/** Installed in the content script's world before it runs. */
const WRAP = `(() => {
  const counts = (globalThis.${COUNTERS} = {});
  const wrap = (proto, name) => {
    const original = proto[name];
    if (typeof original !== 'function') return;
    proto[name] = function (selector) {
      const key = name + '\\u0000' + selector;
      counts[key] = (counts[key] || 0) + 1;
      return original.apply(this, arguments);
    };
  };
  for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
    if (Object.prototype.hasOwnProperty.call(proto, 'querySelector')) wrap(proto, 'querySelector');
    if (Object.prototype.hasOwnProperty.call(proto, 'querySelectorAll')) wrap(proto, 'querySelectorAll');
  }
  wrap(Element.prototype, 'matches');
  wrap(Element.prototype, 'closest');
})()`;

export interface QueryCount {
  method: string;
  selector: string;
  calls: number;
  /** Sites whose adapter source spells every part of this selector (empty: none does). */
  sites: SiteId[];
}

export interface IsolationReport {
  queries: QueryCount[];
  /** Calls whose selector only other sites' adapters spell. */
  foreignCalls: number;
  foreignSelectors: string[];
  /** Calls whose selector no adapter spells (the shared UI's own, e.g. its button tag). */
  sharedCalls: number;
  ownCalls: number;
}

const sources = new Map<SiteId, string>(
  adapters.map((a) => [a.site, readFileSync(path.join(ROOT, 'lib', 'sites', `${a.site}.ts`), 'utf8')]),
);

/** Top-level comma parts of a selector list (commas inside :is()/[…] kept). */
function parts(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(selector.slice(start).trim());
  return out.filter(Boolean);
}

/**
 * Which adapters spell this selector: each part appears in the adapter's source, or in its
 * exported adapter's selector strings (parts assembled at run time from constants).
 */
function ownersOf(selector: string): SiteId[] {
  return adapters
    .filter((a) => {
      const built = [a.commentSelector, a.commentsMark, ...Object.values(a.selectors)].join('\n');
      const source = sources.get(a.site) ?? '';
      return parts(selector).every((p) => source.includes(p) || built.includes(p));
    })
    .map((a) => a.site);
}

/** Arm the counter on a page before it navigates. Returns a reader for after the scan. */
export async function countContentScriptQueries(page: Page, cdp: CDPSession): Promise<() => Promise<QueryCount[]>> {
  const contexts: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.type === 'isolated' && context.name === 'Understudy') contexts.push(context.id);
  });
  let armed = 0;
  let breakpoint = '';
  cdp.on('Debugger.paused', async (event) => {
    try {
      // Paused on the content script's first statement, in its own world.
      // (A content script's call frames carry no URL: the breakpoint says which script it is.)
      const frame = event.callFrames[0];
      if (frame && event.hitBreakpoints?.includes(breakpoint)) {
        const { exceptionDetails } = await cdp.send('Debugger.evaluateOnCallFrame', { callFrameId: frame.callFrameId, expression: WRAP });
        if (!exceptionDetails) armed += 1;
      }
    } catch {
      // The page closed while paused.
    } finally {
      await cdp.send('Debugger.resume').catch(() => {});
    }
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  ({ breakpointId: breakpoint } = await cdp.send('Debugger.setBreakpointByUrl', { urlRegex: CONTENT_SCRIPT.source, lineNumber: 0, columnNumber: 0 }));
  return async () => {
    if (!armed) throw new Error(`the content script never ran on ${page.url()}`);
    for (const id of contexts.reverse()) {
      const { result } = await cdp
        .send('Runtime.evaluate', { contextId: id, expression: `JSON.stringify(globalThis.${COUNTERS} ?? null)`, returnByValue: true })
        .catch(() => ({ result: { value: 'null' } }));
      const counts = JSON.parse(String(result.value)) as Record<string, number> | null;
      if (!counts) continue;
      return Object.entries(counts).map(([key, calls]) => {
        const [method, selector] = key.split('\u0000') as [string, string];
        return { method, selector, calls, sites: ownersOf(selector) };
      });
    }
    throw new Error('no content-script world with counters found');
  };
}

export function isolationReport(site: SiteId, queries: QueryCount[]): IsolationReport {
  const foreign = queries.filter((q) => q.sites.length > 0 && !q.sites.includes(site));
  const shared = queries.filter((q) => q.sites.length === 0);
  const sum = (list: QueryCount[]) => list.reduce((n, q) => n + q.calls, 0);
  return {
    queries,
    foreignCalls: sum(foreign),
    foreignSelectors: [...new Set(foreign.map((q) => q.selector))],
    sharedCalls: sum(shared),
    ownCalls: sum(queries) - sum(foreign) - sum(shared),
  };
}
