/**
 * Watches whether Understudy can read the page (lib/sites/health.ts) and tells the background,
 * which shows a toolbar badge and a notice in the side panel. A comments section with no comment
 * read is reported only after the page had time to settle (two looks SETTLE_MS apart), since
 * sites render a section's header before its comments. A comments page is looked at again every
 * SETTLE_MS while no comment has been read (comments load when scrolled to), and a page that
 * recovers (its comments appear) is cleared. Only changes are sent; each navigation starts afresh.
 *
 * With the site's direct messages on, the same monitor also checks the page's open
 * conversation ('no-conversation': a conversation shows, but no message box is found), with the
 * same two looks, and takes the conversation's Insert failures.
 *
 * Why one monitor for both, not one each: the background keeps one report per tab (one badge,
 * one notice), and each report replaces the last. Two monitors would overwrite each other: the
 * comments' "healthy" would clear the conversation's problem a moment after it was reported.
 * Here both checks feed one state, and what the background is told is the most pressing of it:
 * an Insert that just failed (the creator is looking at it), then unreadable comments (the
 * page's own content), then an unusable conversation. Fixing one shows the next, if any.
 */
import {
  checkConversation,
  checkPage,
  conversationInsertProblem,
  insertProblem,
  reportArea,
  type HealthArea,
  type HealthProblem,
  type PageCheck,
  type PageHealth,
} from '../sites/health';
import type { ConversationAdapter, SiteAdapter } from '../sites/types';

export const SETTLE_MS = 2000;

export interface HealthMonitorOptions {
  adapter: SiteAdapter;
  root: ParentNode;
  /** The page kind now (SPA navigation changes it without a load); null: no comments here. */
  pageKind: () => string | null;
  /** Only while the creator has the site's direct messages on: its conversations are checked too. */
  conversations?: {
    adapter: ConversationAdapter;
    doc: Document;
    /** The conversation page kind now; null: no conversation page. */
    pageKind: () => string | null;
  };
  send: (health: PageHealth) => void;
  signal: AbortSignal;
  settleMs?: number;
}

export type InsertProblem = Exclude<HealthProblem, 'no-comments' | 'no-conversation'>;

export interface HealthMonitor {
  /** The page navigated in-app (or was rescanned): look again once it settles. */
  navigated(): void;
  /** The observer reported comments: a page reported unreadable may have recovered. */
  commentsFound(): void;
  /**
   * The conversation controller scanned the page: `usable`, it found an open conversation with a
   * message box. A conversation reported unusable may have recovered; one that was fine may have
   * been re-rendered in markup Understudy doesn't know (look again once it settles).
   */
  conversationsSeen(usable: boolean): void;
  /** An Insert could not find or fill the site's reply box (or a conversation's message box). */
  insertFailed(problem: InsertProblem, area?: HealthArea): void;
  /** An Insert worked: the box is fine again. */
  insertWorked(): void;
}

function keyOf(health: PageHealth): string {
  return health.healthy ? 'healthy' : `${reportArea(health)}:${health.problem}:${health.pageKind}`;
}

/** One of the page's checks: its last confirmed problem, and whether the last look was unhealthy. */
interface Check {
  run(): PageCheck;
  /** Unhealthy on the last look: the next unhealthy look confirms it. */
  suspect: boolean;
  /** The problem confirmed by two looks, until a look finds the page healthy. */
  problem: PageHealth | null;
}

export function createHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  const { adapter, root, pageKind, send, signal, conversations } = options;
  const settleMs = options.settleMs ?? SETTLE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * What the background was last told about this page; undefined: it must be told the next
   * result whatever it is. A page load starts healthy (the background forgets a tab's report
   * when it loads a page), so a readable page costs no message.
   */
  let lastSent: string | undefined = 'healthy';
  let insertFailure: PageHealth | null = null;

  const comments: Check = { run: () => checkPage(adapter, root, pageKind()), suspect: false, problem: null };
  const conversation: Check | null = conversations
    ? { run: () => checkConversation(conversations.adapter, conversations.doc, conversations.pageKind()), suspect: false, problem: null }
    : null;
  const checks = conversation ? [comments, conversation] : [comments];

  /** The most pressing of what is known (see the header): the order of `checks` is the order. */
  function state(): PageHealth {
    return insertFailure ?? checks.find((check) => check.problem)?.problem ?? { healthy: true };
  }

  function publish(): void {
    if (signal.aborted) return;
    const health = state();
    const key = keyOf(health);
    if (key === lastSent) return;
    lastSent = key;
    send(health);
  }

  /** One look of one check: 'again' to look again later, 'unsure' for a first unhealthy look. */
  function lookAt(check: Check): 'done' | 'again' | 'unsure' {
    const { health, waiting } = check.run();
    if (health.healthy) {
      check.suspect = false;
      check.problem = null;
      return waiting ? 'again' : 'done';
    }
    // Once is not enough: the comments (or the message box) may be a moment behind their marks.
    const confirmed = check.suspect;
    check.suspect = true;
    if (!confirmed) return 'unsure';
    check.problem = health;
    return 'again';
  }

  function look(): void {
    timer = undefined;
    if (signal.aborted) return;
    const results = checks.map(lookAt);
    // A look that isn't sure of something says nothing until the next one is.
    if (!results.includes('unsure')) publish();
    if (results.some((result) => result !== 'done')) schedule();
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(look, settleMs);
  }

  /** Looks at a check now, but only to clear it: recovery needs no settling. */
  function recheck(check: Check): void {
    if (!check.problem || insertFailure) return;
    if (check.run().health.healthy) {
      check.suspect = false;
      check.problem = null;
      publish();
    }
  }

  signal.addEventListener('abort', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }, { once: true });

  const monitor: HealthMonitor = {
    navigated() {
      // In-app navigation may or may not have made the background forget a report: resend.
      if (lastSent !== 'healthy') lastSent = undefined;
      for (const check of checks) {
        check.suspect = false;
        check.problem = null;
      }
      insertFailure = null;
      schedule();
    },
    commentsFound() {
      recheck(comments);
    },
    conversationsSeen(usable) {
      if (!conversation || signal.aborted) return;
      if (usable) recheck(conversation);
      // Not usable and no look pending: the pane changed since the last look found it fine.
      else if (timer === undefined && conversations?.pageKind() != null) schedule();
    },
    insertFailed(problem, area = 'comments') {
      insertFailure =
        area === 'conversation' && conversations
          ? conversationInsertProblem(conversations.adapter, conversations.doc, conversations.pageKind(), problem)
          : insertProblem(adapter, root, pageKind(), problem);
      publish();
    },
    insertWorked() {
      if (!insertFailure) return;
      insertFailure = null;
      // What the page shows now, without settling: it was readable enough to insert into.
      for (const check of checks) {
        if (check.problem && check.run().health.healthy) {
          check.suspect = false;
          check.problem = null;
        }
      }
      publish();
    },
  };
  if (!signal.aborted) schedule();
  return monitor;
}
