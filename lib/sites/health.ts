/**
 * Adapter health: telling "this page has no comments" apart from "this page has comments that
 * Understudy can no longer read" (the site changed its markup), so a broken adapter is never a
 * silent one. Pure functions over the DOM and the adapter's data; nothing here sends anything.
 *
 * The diagnostic a creator copies for a bug report holds only what Understudy itself defines:
 * the site, the page kind, how many elements each of the adapter's named selectors matches, and
 * the extension's version. Never page text, names, handles or URLs beyond the site's origin: a
 * report must be safe to paste into a public issue, and page text is the commenter's, not ours.
 */
import type { SiteId } from '../core/sites';
import type { SiteAdapter } from './types';

/**
 * What went wrong on a page:
 * - 'no-comments': the page shows a comments section (the adapter's commentsMark) but the
 *   adapter reads no comment in it, after the page settled.
 * - 'composer-missing': the creator pressed Insert and the site's reply box could not be found.
 * - 'composer-refused': the reply box was found but took none of the insertion strategies.
 */
export const HEALTH_PROBLEMS = ['no-comments', 'composer-missing', 'composer-refused'] as const;
export type HealthProblem = (typeof HEALTH_PROBLEMS)[number];

/** What each problem means, in the creator's words (side panel and diagnostic). */
export const PROBLEM_TEXT: Record<HealthProblem, string> = {
  'no-comments': 'The page shows comments, but Understudy found none it could read.',
  'composer-missing': "Understudy couldn't find the site's reply box for a comment.",
  'composer-refused': "The site's reply box didn't accept the draft.",
};

/**
 * Sites whose reply box is known to take only the creator's own typing (TikTok's editor ignores
 * every synthetic input): Insert ending in Copy + focus is how they are designed to work there,
 * not a sign of changed markup, so it is not reported. Belongs in the adapter contract.
 */
export const INSERT_ENDS_IN_COPY: ReadonlySet<SiteId> = new Set(['tiktok']);

/** A page kind as it may travel in a report: the adapters' own vocabulary ('watch', 'status'). */
export const PAGE_KIND_PATTERN = /^[a-z-]{1,32}$/;
/** A selector's name in a report (the adapter's `selectors` keys). */
export const SELECTOR_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,31}$/;
/** Counts are capped: a bug report needs "none", "one" or "many", not an exact 40,000. */
export const MAX_COUNT = 100_000;
/** Stands for a selector the browser refused (a syntax it doesn't support). */
export const INVALID_SELECTOR = -1;

/** How many elements Understudy's selectors match on this page. */
export interface SelectorCounts {
  /** Marks of a comments section (the adapter's commentsMark). */
  marks: number;
  /** Elements matching the adapter's comment selector. */
  comments: number;
  /** Of those, how many show something to reply to (the adapter's commentKey). */
  readable: number;
  /** Each named selector of the adapter, by name. */
  selectors: Record<string, number>;
}

export type PageHealth =
  | { healthy: true }
  | { healthy: false; problem: HealthProblem; pageKind: string; counts: SelectorCounts };

/** A page kind fit to report: the adapter's kind, else 'unknown' (never free text). */
export function reportablePageKind(kind: string | null | undefined): string {
  return kind && PAGE_KIND_PATTERN.test(kind) ? kind : 'unknown';
}

function count(root: ParentNode, selector: string): number {
  try {
    return Math.min(root.querySelectorAll(selector).length, MAX_COUNT);
  } catch {
    return INVALID_SELECTOR;
  }
}

function exists(root: ParentNode, selector: string): boolean {
  try {
    return root.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** Every count the diagnostic shows. Reads the DOM only; one query per selector. */
export function countSelectors(adapter: SiteAdapter, root: ParentNode): SelectorCounts {
  let elements: NodeListOf<HTMLElement> | [] = [];
  try {
    elements = root.querySelectorAll<HTMLElement>(adapter.commentSelector);
  } catch {
    // An invalid comment selector reads nothing; the counts say so.
  }
  let readable = 0;
  for (let i = 0; i < elements.length && readable < MAX_COUNT; i++) {
    if (adapter.commentKey(elements[i]!)) readable++;
  }
  const selectors: Record<string, number> = {};
  for (const [name, selector] of Object.entries(adapter.selectors)) {
    if (SELECTOR_NAME_PATTERN.test(name)) selectors[name] = count(root, selector);
  }
  return {
    marks: count(root, adapter.commentsMark),
    comments: Math.min(elements.length, MAX_COUNT),
    readable,
    selectors,
  };
}

/** Whether any comment element shows something to reply to; stops at the first one. */
function readsAComment(adapter: SiteAdapter, root: ParentNode): boolean {
  let elements: NodeListOf<HTMLElement>;
  try {
    elements = root.querySelectorAll<HTMLElement>(adapter.commentSelector);
  } catch {
    return false;
  }
  for (let i = 0; i < elements.length; i++) {
    if (adapter.commentKey(elements[i]!)) return true;
  }
  return false;
}

/** The result of looking at a page once. `waiting`: a comments page whose comments may still come. */
export interface PageCheck {
  health: PageHealth;
  /** A comments page (it has a page kind) on which no comment was read yet: look again later. */
  waiting: boolean;
}

/** The page kind: given as is (the controller's, which knows overlays), or read off a URL. */
function kindOf(adapter: SiteAdapter, page: URL | string | null): string | null {
  return page instanceof URL ? adapter.pageKind(page) : page;
}

/**
 * Looks at the page once (`page`: its URL, or the page kind the controller holds for it; null
 * when it isn't a page with comments): healthy when it isn't a comments page, shows no comments section, or
 * the adapter reads at least one comment there; else "comments section but no comments read".
 * Cheap on a healthy page (one existence query, then stops at the first readable comment); the
 * full counts are taken only for an unhealthy one.
 */
export function checkPage(adapter: SiteAdapter, root: ParentNode, page: URL | string | null): PageCheck {
  const kind = kindOf(adapter, page);
  if (kind === null) return { health: { healthy: true }, waiting: false };
  if (readsAComment(adapter, root)) return { health: { healthy: true }, waiting: false };
  if (!exists(root, adapter.commentsMark)) return { health: { healthy: true }, waiting: true };
  return {
    health: { healthy: false, problem: 'no-comments', pageKind: reportablePageKind(kind), counts: countSelectors(adapter, root) },
    waiting: true,
  };
}

/** An Insert that failed on this page, as a report (the counts show what the page holds now). */
export function insertProblem(
  adapter: SiteAdapter,
  root: ParentNode,
  page: URL | string | null,
  problem: Exclude<HealthProblem, 'no-comments'>,
): PageHealth {
  return { healthy: false, problem, pageKind: reportablePageKind(kindOf(adapter, page)), counts: countSelectors(adapter, root) };
}

/** What the background keeps about one tab, and what the diagnostic is made of. */
export interface HealthReport {
  site: SiteId;
  /** The site's origin, from the sender (never the page's path or query). */
  origin: string;
  pageKind: string;
  problem: HealthProblem;
  counts: SelectorCounts;
  /** The extension's version, from its manifest. */
  version: string;
  /** When the background recorded it (ms since the epoch). */
  reportedAt: number;
}

/** How the page kind reads to the creator: "watch page", "an unknown page". */
export function pageKindLabel(kind: string): string {
  return kind === 'unknown' ? 'unknown page' : `${kind.replace(/-/g, ' ')} page`;
}

const showCount = (n: number) => (n === INVALID_SELECTOR ? 'invalid selector' : String(n));

/**
 * The text "Copy diagnostic" puts on the clipboard. Built only from the report's checked fields
 * (the background validated each before storing it): no page text can reach it.
 */
export function diagnosticText(report: HealthReport, siteLabel: string): string {
  const lines = [
    'Understudy diagnostic',
    `version: ${report.version}`,
    `site: ${siteLabel} (${report.site}, ${report.origin})`,
    `page kind: ${report.pageKind}`,
    `problem: ${report.problem}`,
    `comments section marks: ${showCount(report.counts.marks)}`,
    `comment elements: ${showCount(report.counts.comments)}`,
    `readable comments: ${showCount(report.counts.readable)}`,
    'selectors tried:',
    ...Object.entries(report.counts.selectors).map(([name, n]) => `  ${name}: ${showCount(n)}`),
    `reported: ${new Date(report.reportedAt).toISOString()}`,
  ];
  return lines.join('\n');
}
