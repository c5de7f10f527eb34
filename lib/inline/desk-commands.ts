/**
 * The page's side of the review desk's commands (lib/messaging/page-commands.ts): Open & insert
 * from the side panel, the keyboard command (default Alt+Shift+D) and the context menu "Draft a
 * reply to this". Each comes from the browser's own UI or an extension page, through the
 * background: a page cannot send them (it can't reach runtime.onMessage, and dispatching a key
 * press or a contextmenu event in the page only reaches the page). They do exactly what the
 * creator's own click would: open the comment's editor (a trusted Draft reply click), or fill
 * its reply box (the inline Insert).
 *
 * What a page can still do is move the focus, the selection, or (with synthetic events) an
 * imagined pointer: the first two only choose which comment's editor opens, in plain view, and
 * nothing is drafted into the page or sent without the creator; the pointer is tracked from
 * trusted events only, so a page can't aim the shortcut at a comment the creator never pointed at.
 */
import type { InsertOutcome } from '../messaging/editor-protocol';
import type { PageCommandHandlers } from './page-commands';
import type { SiteAdapter } from '../sites/types';
import { waitFor } from '../sites/wait-for';
import { BUTTON_HOST_TAG } from './draft-buttons';
import { showToast } from './toast';

/** How long Open & insert waits for its comment on a page still loading (a tab it just opened). */
export const COMMENT_WAIT_MS = 4_000;

export const NOTHING_IN_FOCUS =
  'Understudy found no comment in focus or under the pointer. Click into a comment or point at one, then press the shortcut again.';
export const NOTHING_SELECTED =
  'Understudy found no comment around the selected text. Select some words of a comment, then choose “Draft a reply to this” again.';

export interface DeskCommandDeps {
  adapter: SiteAdapter;
  /** Whether this page shows comments to reply to now (its page kind). */
  active(): boolean;
  /** Opens a comment's editor, as the creator's own click on its Draft reply does. */
  open(element: HTMLElement, button: HTMLElement): void;
  /** Fills a comment's reply box, as the inline Insert does (and watches for it posted). */
  insert(element: HTMLElement, text: string, sessionId: string): Promise<InsertOutcome>;
  doc?: Document;
}

type DeskHandlers = Required<Pick<PageCommandHandlers, 'page.insert' | 'page.draftHere' | 'page.draftSelection'>>;

/** The last place the creator's real pointer was over the page; page-made events don't count. */
export function trackPointer(doc: Document, signal: AbortSignal): () => { x: number; y: number } | null {
  let last: { x: number; y: number } | null = null;
  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.isTrusted) last = { x: event.clientX, y: event.clientY };
    },
    { passive: true, capture: true, signal },
  );
  return () => last;
}

/** The innermost comment (a reply inside a thread, not its thread) holding `node`. */
export function commentHolding(adapter: SiteAdapter, node: Node | null | undefined): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return (element?.closest(adapter.commentSelector) as HTMLElement | null) ?? null;
}

/** The comment's Draft reply button: only a comment Understudy offers a draft for has one. */
export function draftButtonOf(adapter: SiteAdapter, comment: HTMLElement): HTMLElement | null {
  const last = (adapter.buttonHost(comment) ?? comment).lastElementChild;
  return last?.localName === BUTTON_HOST_TAG ? (last as HTMLElement) : null;
}

/** The comment element the page shows with this id now, or null. */
export function findCommentById(adapter: SiteAdapter, doc: Document, commentId: string, pageUrl: string): HTMLElement | null {
  const all = doc.querySelectorAll<HTMLElement>(adapter.commentSelector);
  for (let i = 0; i < all.length; i++) {
    if (adapter.readComment(all[i]!, pageUrl)?.commentId === commentId) return all[i]!;
  }
  return null;
}

export function deskPageCommands(deps: DeskCommandDeps, signal: AbortSignal): DeskHandlers {
  const { adapter } = deps;
  const doc = deps.doc ?? document;
  const pointer = trackPointer(doc, signal);

  /** Opens the editor of `comment` if Understudy offers a draft for it there; false if not. */
  function openFor(comment: HTMLElement | null): boolean {
    const button = comment && deps.active() ? draftButtonOf(adapter, comment) : null;
    if (!comment || !button) return false;
    deps.open(comment, button);
    return true;
  }

  function underPointer(): HTMLElement | null {
    const at = pointer();
    return at ? commentHolding(adapter, doc.elementFromPoint(at.x, at.y)) : null;
  }

  return {
    async 'page.insert'({ commentId, text, sessionId }) {
      const href = doc.location?.href ?? location.href;
      const find = () => (deps.active() ? findCommentById(adapter, doc, commentId, href) : null);
      const comment = await waitFor(doc.body ?? doc.documentElement, find, COMMENT_WAIT_MS);
      if (!comment || signal.aborted) return { outcome: 'missing' };
      comment.scrollIntoView({ block: 'center' });
      const outcome = await deps.insert(comment, text, sessionId);
      return outcome.ok ? { outcome: 'inserted' } : { outcome: 'refused', reason: outcome.reason.slice(0, 500) };
    },

    'page.draftHere'() {
      const opened = openFor(commentHolding(adapter, doc.activeElement)) || openFor(underPointer());
      if (!opened) showToast(NOTHING_IN_FOCUS);
      return { opened };
    },

    'page.draftSelection'() {
      const selection = doc.getSelection();
      const opened = !!selection && selection.rangeCount > 0 && openFor(commentHolding(adapter, selection.anchorNode));
      if (!opened) showToast(NOTHING_SELECTED);
      return { opened };
    },
  };
}
