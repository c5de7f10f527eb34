/**
 * Open & insert, from the side panel (issue 14): the creator picks a queued draft and Understudy
 * takes them to its comment and puts the draft in the comment's reply box, as the inline Insert
 * does. The tab already showing the comment's page is brought to the front; with none, the
 * comment's permalink opens in a new tab. The page's content script finds the comment, scrolls
 * to it, opens its reply box and fills it (lib/inline/desk-commands.ts); nothing is sent.
 *
 * Who may ask: only extension pages (the router's allowedSenders), so only the creator, from
 * the side panel. A flagged draft (the claim guard's count on the row) needs the flags the
 * creator confirmed in the panel's question: the panel asks, the background refuses a flagged
 * draft that comes without them, and keeps them with the draft as the inline Insert does (the
 * exportable AI-assisted log names them).
 *
 * Learning: the insert is recorded as an editor session of that tab (editor-sessions.ts), so a
 * reply seen posted afterwards goes through 'editor.posted' and is learned exactly as after an
 * inline Insert: only while it is still the inserted draft, once, without the AI-assisted note.
 */
import type { CommentContext, DraftReport, DraftResult } from '../core/draft';
import type { GuardFlagKind } from '../core/guard';
import { siteForOrigin } from '../core/sites';
import type { DraftRow } from '../memory/db';
import type { PageInsertAnswer } from '../messaging/page-commands';
import { reportOf } from './editor-service';
import type { EditorSessions } from './editor-sessions';

export const COMMENT_MISSING = "The comment isn't on that page any more. Copy the draft and reply on the site.";
export const PAGE_UNREACHABLE =
  "Understudy couldn't reach the page with this comment: it didn't load, or its site is switched off in Options. Copy the draft and reply on the site.";
export const FLAGS_NOT_CONFIRMED = 'This draft has flags from the claim guard. Review them in the side panel and confirm before inserting.';

/** How long a tab Understudy opened may take before its content script answers. */
export const PAGE_READY_MS = 20_000;
const RETRY_MS = 250;

/** What the tab-finding reads of a browser tab. */
export interface TabLike {
  id?: number;
  url?: string;
  windowId?: number;
  active?: boolean;
  lastAccessed?: number;
}

// Parameters that move within a page or say where a visitor came from, not which page it is:
// YouTube's lc (highlighted comment) and t (time), share tokens, campaign tags.
const TRANSIENT_PARAMS = new Set(['lc', 't', 'si', 'pp', 'feature', 'ref', 'ref_src', 's']);

/** A page's identity: its origin, path and meaningful query, in one order; null for no URL. */
export function pageKey(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const params = [...parsed.searchParams]
    .filter(([name]) => !TRANSIENT_PARAMS.has(name) && !name.startsWith('utm_'))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = new URLSearchParams(params).toString();
  const path = parsed.pathname.replace(/\/+$/, '') || '/';
  return `${parsed.origin}${path}${query ? `?${query}` : ''}`;
}

function siteOfUrl(url: string | undefined): string | undefined {
  try {
    return url ? siteForOrigin(new URL(url).origin) : undefined;
  } catch {
    return undefined;
  }
}

type DraftPlace = Pick<DraftRow, 'site' | 'pageUrl' | 'permalink' | 'commentId'>;

/**
 * The open tabs that show the draft's page, best first: on the draft's site, at its page (or its
 * permalink, or a URL naming its comment id); the tab in front of the focused window, then the
 * most recently used.
 */
export function tabsShowingDraft(tabs: readonly TabLike[], draft: DraftPlace, focusedWindowId?: number): TabLike[] {
  const keys = new Set([pageKey(draft.pageUrl), pageKey(draft.permalink)].filter((key): key is string => key !== null));
  const idInUrl = encodeURIComponent(draft.commentId);
  const showing = tabs.filter((tab) => {
    if (tab.id === undefined || siteOfUrl(tab.url) !== draft.site) return false;
    const key = pageKey(tab.url);
    return (key !== null && keys.has(key)) || (idInUrl.length >= 6 && tab.url!.includes(idInUrl));
  });
  const inFront = (tab: TabLike) => (tab.active && tab.windowId === focusedWindowId ? 1 : 0);
  return showing.sort((a, b) => inFront(b) - inFront(a) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
}

/** Where to open the comment when no tab shows it: its permalink, else the page it was on. */
export function draftLink(draft: Pick<DraftRow, 'pageUrl' | 'permalink'>): string {
  return draft.permalink ?? draft.pageUrl;
}

/** The comment as the draft remembers it (what the session and a later learning write keep). */
export function commentOfDraft(row: DraftRow): CommentContext {
  return {
    site: row.site,
    commentId: row.commentId,
    author: row.author,
    text: row.commentText,
    pageUrl: row.pageUrl,
    ...(row.permalink !== undefined ? { permalink: row.permalink } : {}),
    ...(row.threadTitle !== undefined ? { threadTitle: row.threadTitle } : {}),
    ...(row.kind ? { kind: row.kind } : {}),
  };
}

/** The engine's draft as it was written, for the provenance a learning write keeps. */
export function resultOfDraft(row: DraftRow): DraftResult {
  return {
    text: row.engineText,
    engine: row.engine,
    ...(row.model !== undefined ? { model: row.model } : {}),
    exampleIds: [...row.exampleIds],
    ...(row.factIds ? { factIds: [...row.factIds] } : {}),
    ...(row.metrics ? { metrics: row.metrics } : {}),
    ...(row.leftOut ? { leftOut: row.leftOut } : {}),
  };
}

/** Why a draft can't be inserted from the desk at all, in plain words; null when it can. */
export function cannotInsert(row: DraftRow | undefined, confirmedFlags: readonly GuardFlagKind[] | undefined): string | null {
  if (!row) return 'This draft is no longer in the queue.';
  if (row.status === 'discarded') return 'This draft was discarded.';
  if (row.status === 'sent') return 'This reply was already sent.';
  if (row.status === 'skipped') return 'Draft all set this comment aside: there is no draft to insert.';
  if (row.kind === 'dm') return 'Open & insert works on comments. Open the conversation, then Copy the draft and paste it there.';
  if (!row.text.trim()) return 'The draft is empty. Write something first.';
  if ((row.flagCount ?? 0) > 0 && !confirmedFlags?.length) return FLAGS_NOT_CONFIRMED;
  return null;
}

export interface DeskInsertDeps {
  getDraft(id: number): Promise<DraftRow | undefined>;
  tabs: {
    query(query: object): Promise<TabLike[]>;
    update(tabId: number, change: { active: true }): Promise<unknown>;
    create(options: { url: string; active: true }): Promise<TabLike>;
  };
  windows: {
    getLastFocused(): Promise<{ id?: number }>;
    update(windowId: number, change: { focused: true }): Promise<unknown>;
  };
  sessions: Pick<EditorSessions, 'open' | 'update' | 'close'>;
  /** Sends 'page.insert' to the tab's top frame; throws when no content script answers. */
  sendInsert(tabId: number, payload: { commentId: string; text: string; sessionId: string }): Promise<PageInsertAnswer>;
  /** Whether an error from sendInsert means nothing listens in the tab (yet). */
  noReceiver(error: unknown): boolean;
  /** The reply as it goes into the box: with the creator's AI-assisted note where they want it. */
  withNote(site: DraftRow['site'], text: string): Promise<string>;
  /** Marks the draft inserted (with its voice score; the flags confirmed over). */
  inserted(report: DraftReport): Promise<number>;
  sleep?(ms: number): Promise<void>;
  now?(): number;
  readyMs?: number;
}

export function createDeskInsert(deps: DeskInsertDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const now = deps.now ?? Date.now;

  async function focus(tab: TabLike): Promise<void> {
    await deps.tabs.update(tab.id!, { active: true });
    if (tab.windowId !== undefined) await deps.windows.update(tab.windowId, { focused: true }).catch(() => {});
  }

  /** Asks the tab to insert; a tab just opened is asked again until its content script answers. */
  async function ask(tabId: number, payload: { commentId: string; text: string; sessionId: string }, waitForPage: boolean) {
    const deadline = now() + (deps.readyMs ?? PAGE_READY_MS);
    for (;;) {
      try {
        return await deps.sendInsert(tabId, payload);
      } catch (error) {
        if (!deps.noReceiver(error)) throw error;
        if (!waitForPage || now() >= deadline) return null;
        await sleep(RETRY_MS);
      }
    }
  }

  return async function openAndInsert(draftId: number, confirmedFlags?: readonly GuardFlagKind[]): Promise<{ inserted: true; tabId: number }> {
    const row = await deps.getDraft(draftId);
    const refusal = cannotInsert(row, confirmedFlags);
    if (refusal || !row) throw new Error(refusal ?? 'This draft is no longer in the queue.');
    const text = row.text.trim();
    const comment = commentOfDraft(row);
    const forPage = await deps.withNote(row.site, text);

    const focusedWindow = await deps.windows.getLastFocused().catch(() => ({ id: undefined }));
    const candidates = tabsShowingDraft(await deps.tabs.query({}), row, focusedWindow.id);
    const opened = candidates.length === 0;
    const tabs = opened ? [await deps.tabs.create({ url: draftLink(row), active: true })] : candidates;

    let answer: PageInsertAnswer | null = null;
    let missing = false;
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      await focus(tab);
      const session = await deps.sessions.open(comment, tab.id, 0);
      await deps.sessions.update(session.id, { result: resultOfDraft(row), text });
      answer = await ask(tab.id, { commentId: row.commentId, text: forPage, sessionId: session.id }, opened).catch((error: unknown) => {
        void deps.sessions.close(session.id);
        throw error;
      });
      if (answer?.outcome === 'inserted') {
        // What a reply seen posted is compared with: the draft, without the note.
        await deps.sessions.update(session.id, { inserted: text });
        const report = reportOf({ ...session, result: resultOfDraft(row) }, text);
        await deps.inserted(confirmedFlags?.length ? { ...report, overriddenFlags: [...confirmedFlags] } : report);
        return { inserted: true, tabId: tab.id };
      }
      await deps.sessions.close(session.id);
      if (answer?.outcome === 'refused') throw new Error(answer.reason);
      if (answer?.outcome === 'missing') missing = true;
    }
    throw new Error(missing ? COMMENT_MISSING : PAGE_UNREACHABLE);
  };
}

export type DeskInsert = ReturnType<typeof createDeskInsert>;
