/**
 * The sites the content-script benchmark drives: one row per site, derived from the fixtures
 * (e2e/sites/index.ts) and the adapters (lib/sites/registry.ts), so a new site is benchmarked by
 * the same line that adds it to the conformance suite. Each row's page is the site's first
 * conformance page, reached once the way a creator arrives (its `arrive`), then loaded directly
 * with `?comments=N` so the fixture renders N comments at once.
 */
import type { Page } from 'playwright-core';
import type { SiteId } from '../../lib/core/sites';
import { adapters } from '../../lib/sites/registry';
import type { SiteAdapter } from '../../lib/sites/types';
import { SITE_FIXTURES } from '../sites/index';
import type { ConformancePage } from '../sites/site-fixture';

/**
 * The query parameter a fixture reads for "render N comments", where it isn't `comments`: the
 * YouTube fixture predates the others and counts comment threads.
 */
const COUNT_PARAM: Partial<Record<SiteId, string>> = { youtube: 'threads' };

export interface BenchSite {
  site: SiteId;
  adapter: SiteAdapter;
  page: ConformancePage;
  /** Virtualized list (rows reused as it scrolls): budgets are per recycle batch. */
  virtualized: boolean;
  /** The comments page URL with `count` comments asked for. */
  url(page: Page, count: number): Promise<string>;
}

export function benchSites(only?: readonly string[]): BenchSite[] {
  const wanted = only && only.length ? new Set(only) : null;
  return SITE_FIXTURES.filter((fixtures) => !wanted || wanted.has(fixtures.site)).map((fixtures) => {
    const adapter = adapters.find((a) => a.site === fixtures.site);
    if (!adapter) throw new Error(`No adapter registered for ${fixtures.site}`);
    const page = fixtures.pages[0];
    if (!page) throw new Error(`${fixtures.site} has no conformance page`);
    let arrivedAt: URL | null = null;
    return {
      site: fixtures.site,
      adapter,
      page,
      virtualized: page.virtualized === true,
      async url(tab, count) {
        if (!arrivedAt) {
          await page.arrive(tab);
          arrivedAt = new URL(tab.url());
        }
        const url = new URL(arrivedAt);
        url.searchParams.set(COUNT_PARAM[fixtures.site] ?? 'comments', String(count));
        return url.href;
      },
    };
  });
}
