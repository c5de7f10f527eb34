/**
 * Watches whether Understudy can read the page (lib/sites/health.ts) and tells the background,
 * which shows a toolbar badge and a notice in the side panel. A comments section with no comment
 * read is reported only after the page had time to settle (two looks SETTLE_MS apart), since
 * sites render a section's header before its comments. A comments page is looked at again every
 * SETTLE_MS while no comment has been read (comments load when scrolled to), and a page that
 * recovers (its comments appear) is cleared. Only changes are sent; each navigation starts afresh.
 */
import { checkPage, insertProblem, type HealthProblem, type PageHealth } from '../sites/health';
import type { SiteAdapter } from '../sites/types';

export const SETTLE_MS = 2000;

export interface HealthMonitorOptions {
  adapter: SiteAdapter;
  root: ParentNode;
  /** The page kind now (SPA navigation changes it without a load); null: no comments here. */
  pageKind: () => string | null;
  send: (health: PageHealth) => void;
  signal: AbortSignal;
  settleMs?: number;
}

export interface HealthMonitor {
  /** The page navigated in-app (or was rescanned): look again once it settles. */
  navigated(): void;
  /** The observer reported comments: a page reported unreadable may have recovered. */
  commentsFound(): void;
  /** An Insert could not find or fill the site's reply box. */
  insertFailed(problem: Exclude<HealthProblem, 'no-comments'>): void;
  /** An Insert worked: the reply box is fine again. */
  insertWorked(): void;
}

function keyOf(health: PageHealth): string {
  return health.healthy ? 'healthy' : `${health.problem}:${health.pageKind}`;
}

export function createHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  const { adapter, root, pageKind, send, signal } = options;
  const settleMs = options.settleMs ?? SETTLE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * What the background was last told about this page; undefined: it must be told the next
   * result whatever it is. A page load starts healthy (the background forgets a tab's report
   * when it loads a page), so a readable page costs no message.
   */
  let lastSent: string | undefined = 'healthy';
  /** The previous look found a comments section and no comment: the next one may report it. */
  let suspect = false;
  let insertFailure: PageHealth | null = null;

  function publish(health: PageHealth): void {
    if (signal.aborted) return;
    const key = keyOf(health);
    if (key === lastSent) return;
    lastSent = key;
    send(health);
  }

  function look(): void {
    timer = undefined;
    if (signal.aborted) return;
    const { health, waiting } = checkPage(adapter, root, pageKind());
    if (!health.healthy && !suspect) {
      // Once is not enough: the comments may be a moment behind their section.
      suspect = true;
      schedule();
      return;
    }
    suspect = !health.healthy;
    publish(insertFailure ?? health);
    if (waiting) schedule();
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(look, settleMs);
  }

  signal.addEventListener('abort', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }, { once: true });

  const monitor: HealthMonitor = {
    navigated() {
      // In-app navigation may or may not have made the background forget a report: resend.
      if (lastSent !== 'healthy') lastSent = undefined;
      suspect = false;
      insertFailure = null;
      schedule();
    },
    commentsFound() {
      if (lastSent === 'healthy' || insertFailure) return;
      const { health } = checkPage(adapter, root, pageKind());
      if (health.healthy) {
        suspect = false;
        publish(health);
      }
    },
    insertFailed(problem) {
      insertFailure = insertProblem(adapter, root, pageKind(), problem);
      publish(insertFailure);
    },
    insertWorked() {
      if (!insertFailure) return;
      insertFailure = null;
      publish(checkPage(adapter, root, pageKind()).health);
    },
  };
  if (!signal.aborted) schedule();
  return monitor;
}
