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
import type { ConversationAdapter, SiteAdapter } from './types';

/**
 * What went wrong on a page:
 * - 'no-comments': the page shows a comments section (the adapter's commentsMark) but the
 *   adapter reads no comment in it, after the page settled.
 * - 'no-conversation': with the site's direct messages on, a conversation page shows a
 *   conversation (the conversation adapter's conversationMark) but no open conversation with a
 *   message box is found in it, after the page settled: no Draft reply can be placed.
 * - 'composer-missing': the creator pressed Insert and the site's reply box (or, in a
 *   conversation, its message box) could not be found.
 * - 'composer-refused': the box was found but took none of the insertion strategies.
 */
export const HEALTH_PROBLEMS = ['no-comments', 'no-conversation', 'composer-missing', 'composer-refused'] as const;
export type HealthProblem = (typeof HEALTH_PROBLEMS)[number];

/** What each problem means, in the creator's words (side panel and diagnostic). */
export const PROBLEM_TEXT: Record<HealthProblem, string> = {
  'no-comments': 'The page shows comments, but Understudy found none it could read.',
  'no-conversation': "Understudy can't find this conversation's message box.",
  'composer-missing': "Understudy couldn't find the site's reply box for a comment.",
  'composer-refused': "The site's reply box didn't accept the draft.",
};

/**
 * Which part of a page a report is about: its comments, or (DMs on) an open conversation. One
 * tab has one report, made by one monitor (lib/inline/health-monitor.ts), so a report is about
 * one of them; its selector names say which (conversation ones carry CONVERSATION_SELECTOR_PREFIX).
 */
export type HealthArea = 'comments' | 'conversation';

/** The same problems, said of a conversation's message box. */
const CONVERSATION_PROBLEM_TEXT: Partial<Record<HealthProblem, string>> = {
  'composer-missing': "Understudy couldn't find the site's message box in this conversation.",
  'composer-refused': "The site's message box didn't accept the draft.",
};

/** What a report's problem means, in the creator's words, for the part of the page it is about. */
export function problemText(problem: HealthProblem, area: HealthArea): string {
  return (area === 'conversation' ? CONVERSATION_PROBLEM_TEXT[problem] : undefined) ?? PROBLEM_TEXT[problem];
}

/**
 * A conversation adapter's selector names are reported with this prefix: a site's comment and
 * conversation adapters name their selectors independently (both X adapters have an `editor`
 * and a `text`), and a diagnostic must say whose count it is. Comment selector names never
 * start with it (health.test.ts checks every adapter).
 */
export const CONVERSATION_SELECTOR_PREFIX = 'dm-';

/** How a conversation selector's name travels in a report. */
export function conversationSelectorName(name: string): string {
  return `${CONVERSATION_SELECTOR_PREFIX}${name}`;
}

/** Every selector name a report about this site's pages may carry: its comments' and its conversations'. */
export function reportableSelectorNames(adapter: SiteAdapter): Set<string> {
  const names = new Set(Object.keys(adapter.selectors));
  for (const name of Object.keys(adapter.conversations?.selectors ?? {})) names.add(conversationSelectorName(name));
  return names;
}

/**
 * The part of the page a report is about, from its problem and selector names; null when they
 * disagree (a report mixing both, or 'no-comments' with conversation selectors): no monitor
 * makes such a report, so the background refuses it.
 */
export function healthArea(problem: HealthProblem, selectorNames: readonly string[]): HealthArea | null {
  const conversation = selectorNames.filter((name) => name.startsWith(CONVERSATION_SELECTOR_PREFIX)).length;
  if (conversation > 0 && conversation < selectorNames.length) return null;
  // The names say which, when there are any; else the problem does.
  const area: HealthArea =
    selectorNames.length > 0 ? (conversation > 0 ? 'conversation' : 'comments') : problem === 'no-conversation' ? 'conversation' : 'comments';
  if (problem === 'no-comments' && area === 'conversation') return null;
  if (problem === 'no-conversation' && area === 'comments') return null;
  return area;
}

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
  problem: Exclude<HealthProblem, 'no-comments' | 'no-conversation'>,
): PageHealth {
  return { healthy: false, problem, pageKind: reportablePageKind(kindOf(adapter, page)), counts: countSelectors(adapter, root) };
}

/** Where a conversation's marks and selectors are looked for: the document and the adapter's roots. */
function conversationRoots(adapter: ConversationAdapter, doc: Document): ParentNode[] {
  const roots: ParentNode[] = [doc];
  for (const root of adapter.markRoots?.(doc) ?? []) if (!roots.includes(root)) roots.push(root);
  return roots;
}

/** One selector counted over several roots (disjoint trees: a document query doesn't enter a shadow root). */
function countIn(roots: readonly ParentNode[], selector: string): number {
  let total = 0;
  for (const root of roots) {
    const n = count(root, selector);
    if (n === INVALID_SELECTOR) return INVALID_SELECTOR;
    total += n;
  }
  return Math.min(total, MAX_COUNT);
}

/** A pane the creator can draft in: it has the message box, and a place for Draft reply beside it. */
function isUsablePane(adapter: ConversationAdapter, pane: HTMLElement): boolean {
  return adapter.composer(pane) !== null && adapter.buttonHost(pane) !== null;
}

/**
 * Every count the diagnostic shows for a conversation page, in the comment counts' fields (one
 * report shape for both): `marks` the conversation marks, `comments` the open conversations
 * (panes) found, `readable` those with a message box and a place for Draft reply; selectors
 * under their conversation names (conversationSelectorName).
 */
export function countConversationSelectors(adapter: ConversationAdapter, doc: Document): SelectorCounts {
  const roots = conversationRoots(adapter, doc);
  const panes = adapter.panes(doc);
  let usable = 0;
  for (const pane of panes) if (isUsablePane(adapter, pane)) usable++;
  const selectors: Record<string, number> = {};
  for (const [name, selector] of Object.entries(adapter.selectors)) {
    const reported = conversationSelectorName(name);
    if (SELECTOR_NAME_PATTERN.test(reported)) selectors[reported] = countIn(roots, selector);
  }
  return {
    marks: countIn(roots, adapter.conversationMark),
    comments: Math.min(panes.length, MAX_COUNT),
    readable: Math.min(usable, MAX_COUNT),
    selectors,
  };
}

function conversationKindOf(adapter: ConversationAdapter, page: URL | string | null): string | null {
  return page instanceof URL ? adapter.pageKind(page) : page;
}

/**
 * Looks at a conversation page once (`page`: its URL or its conversation page kind; null when it
 * isn't one). Healthy when it isn't a conversation page, shows no conversation (an inbox with
 * none open), or has an open conversation with a message box; else "a conversation shows but
 * its message box can't be found" ('no-conversation'). `waiting` while no usable pane is found:
 * a conversation may still open (a click in the inbox, LinkedIn's overlay). Cheap when healthy
 * (the adapter's panes, then its composer per pane); full counts only for an unhealthy page.
 */
export function checkConversation(adapter: ConversationAdapter, doc: Document, page: URL | string | null): PageCheck {
  const kind = conversationKindOf(adapter, page);
  if (kind === null) return { health: { healthy: true }, waiting: false };
  if (adapter.panes(doc).some((pane) => isUsablePane(adapter, pane))) return { health: { healthy: true }, waiting: false };
  const roots = conversationRoots(adapter, doc);
  if (!roots.some((root) => exists(root, adapter.conversationMark))) return { health: { healthy: true }, waiting: true };
  return {
    health: { healthy: false, problem: 'no-conversation', pageKind: reportablePageKind(kind), counts: countConversationSelectors(adapter, doc) },
    waiting: true,
  };
}

/** An Insert into a conversation's message box that failed, as a report. */
export function conversationInsertProblem(
  adapter: ConversationAdapter,
  doc: Document,
  page: URL | string | null,
  problem: Exclude<HealthProblem, 'no-comments' | 'no-conversation'>,
): PageHealth {
  return {
    healthy: false,
    problem,
    pageKind: reportablePageKind(conversationKindOf(adapter, page)),
    counts: countConversationSelectors(adapter, doc),
  };
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

/** Conversation page kinds (the conversation adapters' vocabulary), as the creator calls them. */
const KIND_LABELS: Readonly<Record<string, string>> = {
  dm: 'conversation page',
  'dm-requests': 'message requests page',
  'dm-inbox': 'messages inbox',
  'dm-overlay': 'messaging overlay',
};

/** How the page kind reads to the creator: "watch page", "conversation page", "unknown page". */
export function pageKindLabel(kind: string): string {
  if (Object.hasOwn(KIND_LABELS, kind)) return KIND_LABELS[kind]!;
  return kind === 'unknown' ? 'unknown page' : `${kind.replace(/-/g, ' ')} page`;
}

/** The part of the page a stored report is about (the background stored only consistent ones). */
export function reportArea(report: Pick<HealthReport, 'problem' | 'counts'>): HealthArea {
  return healthArea(report.problem, Object.keys(report.counts.selectors)) ?? 'comments';
}

const showCount = (n: number) => (n === INVALID_SELECTOR ? 'invalid selector' : String(n));

/**
 * The text "Copy diagnostic" puts on the clipboard. Built only from the report's checked fields
 * (the background validated each before storing it): no page text can reach it.
 */
export function diagnosticText(report: HealthReport, siteLabel: string): string {
  // A conversation report carries its counts in the same fields (countConversationSelectors).
  const [marks, elements, readable] =
    reportArea(report) === 'conversation'
      ? ['conversation marks', 'open conversations', 'conversations with a message box']
      : ['comments section marks', 'comment elements', 'readable comments'];
  const lines = [
    'Understudy diagnostic',
    `version: ${report.version}`,
    `site: ${siteLabel} (${report.site}, ${report.origin})`,
    `page kind: ${report.pageKind}`,
    `problem: ${report.problem}`,
    `${marks}: ${showCount(report.counts.marks)}`,
    `${elements}: ${showCount(report.counts.comments)}`,
    `${readable}: ${showCount(report.counts.readable)}`,
    'selectors tried:',
    ...Object.entries(report.counts.selectors).map(([name, n]) => `  ${name}: ${showCount(n)}`),
    `reported: ${new Date(report.reportedAt).toISOString()}`,
  ];
  return lines.join('\n');
}
