/**
 * The review desk's list as pure functions (issue 14): which desk status a draft shows, which
 * drafts the creator's filters and search keep, and the rows the side panel virtualizes (a
 * heading per site and thread, or per DM conversation, then its drafts, newest first).
 *
 * Cost: one pass over the drafts per filter change. The search text of each draft (its text,
 * the comment, the author, lower-cased) is built once per row object and kept in a WeakMap, so a
 * keystroke in the search box over 10,000 drafts is a substring test per draft, not a rebuild.
 * The "flagged" filter reads the count the claim guard left on the row (DraftRow.flagCount, see
 * drafts-repo.ts): guarding 10,000 drafts per keystroke would take seconds.
 */
import type { DeskStatus } from '../core/desk';
import type { SiteId } from '../core/sites';
import type { DraftRow } from '../memory/db';

/** What the creator narrowed the desk to; empty lists mean "all". */
export interface DeskFilters {
  sites: readonly SiteId[];
  statuses: readonly DeskStatus[];
  flaggedOnly: boolean;
  /** A contact: part of the author's name as the page showed it (typed, so any part matches). */
  contact: string;
  kind: 'all' | 'comment' | 'dm';
  search: string;
}

export const NO_FILTERS: DeskFilters = { sites: [], statuses: [], flaggedOnly: false, contact: '', kind: 'all', search: '' };

/** The desk status of a stored draft; undefined for a discarded one (not on the desk). */
export function deskStatusOf(draft: Pick<DraftRow, 'status' | 'text' | 'engineText'>): DeskStatus | undefined {
  switch (draft.status) {
    case 'queued':
      // A queued draft the creator changed is "edited"; untouched it is "new".
      return draft.text.trim() === draft.engineText.trim() ? 'new' : 'edited';
    case 'discarded':
      return undefined;
    default:
      return draft.status;
  }
}

export function isDm(draft: Pick<DraftRow, 'kind'>): boolean {
  return draft.kind === 'dm';
}

export function isFlagged(draft: Pick<DraftRow, 'flagCount'>): boolean {
  return (draft.flagCount ?? 0) > 0;
}

const haystacks = new WeakMap<DraftRow, string>();

/** Everything search looks in, lower-cased, built once per row object. */
function haystackOf(draft: DraftRow): string {
  let text = haystacks.get(draft);
  if (text === undefined) {
    text = `${draft.text}\n${draft.commentText}\n${draft.author}`.toLowerCase();
    haystacks.set(draft, text);
  }
  return text;
}

/** The search as typed, ready to test: lower-cased words, all of which must appear. */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/u).filter(Boolean);
}

export function matchesSearch(draft: DraftRow, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = haystackOf(draft);
  return terms.every((term) => haystack.includes(term));
}

/** The drafts the filters keep, in the order given. */
export function filterDrafts(drafts: readonly DraftRow[], filters: DeskFilters): DraftRow[] {
  const sites = filters.sites.length ? new Set(filters.sites) : undefined;
  const statuses = filters.statuses.length ? new Set(filters.statuses) : undefined;
  const contact = filters.contact.trim().toLowerCase();
  const terms = searchTerms(filters.search);
  return drafts.filter((draft) => {
    const status = deskStatusOf(draft);
    if (status === undefined) return false;
    if (statuses && !statuses.has(status)) return false;
    if (sites && !sites.has(draft.site)) return false;
    if (filters.kind !== 'all' && (filters.kind === 'dm') !== isDm(draft)) return false;
    if (filters.flaggedOnly && !isFlagged(draft)) return false;
    if (contact && !draft.author.toLowerCase().includes(contact)) return false;
    return matchesSearch(draft, terms);
  });
}

/** Newest first by when the draft was written (not last touched: typing must not reorder the list). */
export function newestFirst(a: Pick<DraftRow, 'createdAt' | 'id'>, b: Pick<DraftRow, 'createdAt' | 'id'>): number {
  return b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0);
}

/** The group a draft is listed under: its DM conversation, else its site and thread. */
export function groupKeyOf(draft: DraftRow): string {
  if (isDm(draft)) return `dm:${draft.site}:${draft.conversation?.id ?? draft.commentId}`;
  return `thread:${draft.site}:${draft.threadTitle?.trim() || threadUrl(draft.pageUrl)}`;
}

/** A page's address without its fragment: a comment's anchor is still the same thread. */
export function threadUrl(pageUrl: string): string {
  const hash = pageUrl.indexOf('#');
  return hash < 0 ? pageUrl : pageUrl.slice(0, hash);
}

export type DeskRow =
  | {
      type: 'group';
      key: string;
      site: SiteId;
      dm: boolean;
      /** The thread's title or address; the conversation's title or the person's name. */
      title: string;
      count: number;
      /** The group's newest draft, for its link back (the thread, the conversation). */
      first: DraftRow;
    }
  | { type: 'draft'; key: string; draft: DraftRow; groupKey: string }
  /**
   * A DM conversation: its heading and drafts in one row (one region, as ConversationGroup
   * shows it). Conversations hold a few drafts; a thread can hold hundreds, so threads stay
   * one row per draft for the virtualizer.
   */
  | { type: 'conversation'; key: string; drafts: DraftRow[] };

/**
 * The rows shown: groups ordered by their newest draft, each heading followed by its drafts,
 * newest first.
 */
export function deskRows(drafts: readonly DraftRow[]): DeskRow[] {
  const sorted = [...drafts].sort(newestFirst);
  const groups = new Map<string, DraftRow[]>();
  for (const draft of sorted) {
    const key = groupKeyOf(draft);
    const list = groups.get(key);
    if (list) list.push(draft);
    else groups.set(key, [draft]);
  }
  const rows: DeskRow[] = [];
  for (const [key, list] of groups) {
    const first = list[0]!;
    const dm = isDm(first);
    if (dm) {
      rows.push({ type: 'conversation', key, drafts: list });
      continue;
    }
    rows.push({
      type: 'group',
      key,
      site: first.site,
      dm,
      title: dm ? first.conversation?.title?.trim() || first.author : first.threadTitle?.trim() || threadUrl(first.pageUrl),
      count: list.length,
      first,
    });
    for (const draft of list) rows.push({ type: 'draft', key: `draft:${draft.id ?? draft.commentId}`, draft, groupKey: key });
  }
  return rows;
}

/** The draft ids in the order rows show them (what j and k walk). */
export function draftOrder(rows: readonly DeskRow[]): number[] {
  return rows.flatMap((row) => draftsOfRow(row).flatMap((draft) => (draft.id !== undefined ? [draft.id] : [])));
}

/** The drafts a row shows. */
export function draftsOfRow(row: DeskRow): DraftRow[] {
  return row.type === 'draft' ? [row.draft] : row.type === 'conversation' ? row.drafts : [];
}

/** The authors on the desk, for the contact filter, most drafts first. */
export function contactsOf(drafts: readonly DraftRow[]): string[] {
  const counts = new Map<string, number>();
  for (const draft of drafts) counts.set(draft.author, (counts.get(draft.author) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([author]) => author);
}
