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

/**
 * A conversation page for the conversation conformance suite (e2e/conversation-conformance.spec.ts).
 * Each fixture shows the shared conversations of e2e/sites/shared/chat-kit.js in its site's markup.
 */
export interface ConversationFixturePage {
  /** The page kind the adapter's conversations.pageKind names ('dm', 'dm-overlay', …). */
  kind: string;
  /** Shown in test names: "X chat". */
  name: string;
  /**
   * Arrive the way a creator does: the site's home first, then in-app navigation to the inbox
   * and a click on the conversation (`which`: DM_ONE_TO_ONE, DM_GROUP or DM_HOSTILE's id in
   * chat-kit.js). Resolves once its messages and composer show.
   */
  arrive(page: Page, which: string): Promise<void>;
  /** CSS selector (light DOM, or the shadow host's for X) of the pane holding the composer. */
  paneSelector: string;
  /** The composer's send control, once it holds text. */
  submitSelector: string;
  /**
   * The site's editor accepts no synthetic input (TikTok): Insert falls back to Copy + focus.
   */
  insertFallsBackToCopy?: boolean;
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
  /** The site's conversation pages, where Understudy reads DMs (issue 11). */
  conversations?: ConversationFixturePage[];
}
