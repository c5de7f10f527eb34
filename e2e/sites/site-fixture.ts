/**
 * How a site's fixtures plug into the e2e harness: which hosts they are served on, which file
 * answers each URL, and, for the conformance suite (e2e/conformance.spec.ts), each page kind's
 * way in and the facts the shared checks need. A site adds one `e2e/sites/<site>/site.ts`
 * exporting a SiteFixtures, and one line in e2e/sites/index.ts.
 */
import type { Page } from 'playwright-core';
import type { SiteId } from '../../lib/core/sites';

export interface ConformancePage {
  /** The page kind the adapter names for this page ('status', 'post', …). */
  kind: string;
  /** Shown in test names: "X status page". */
  name: string;
  /**
   * Arrive the way a creator does: the site's home (or feed) first, then in-app navigation
   * (clicking the site's own links) to the page with comments. Resolves once comments show.
   */
  arrive(page: Page): Promise<void>;
  /** CSS selector of every comment the adapter should give a Draft reply button. */
  commentSelector: string;
  /**
   * A text fragment of a comment the sample creator's past replies answer (BAKER_COMMENTS in
   * e2e/sites/shared/kit.js): drafted by the memory engine, then inserted.
   */
  draftable: string;
  /** The site's submit control for the reply box opened under the draftable comment. */
  submitSelector: string;
  /**
   * The site's editor accepts no synthetic input at all (TikTok's ignores untrusted events):
   * Insert must fall back to Copy + focus, and say so.
   */
  insertFallsBackToCopy?: boolean;
  /** What the site prefills in the reply box itself (an @mention), kept before the draft. */
  prefix?: string;
  /** The fixture's list is virtualized (recycle() scrolls, reusing rows for other comments). */
  virtualized?: boolean;
}

export interface SiteFixtures {
  site: SiteId;
  /** Host names served from this site's fixture folder. */
  hosts: string[];
  /**
   * The page (relative to e2e/sites/<site>/) answering a URL of the site, or null for a 404.
   * Scripts are served apart from this, at /__fixture/<path under e2e/sites>.
   */
  fileFor(url: URL): string | null;
  /** The page kinds the conformance suite checks. */
  pages: ConformancePage[];
}
