/**
 * The open editors of one page, whatever they answer (a comment, or a conversation's latest
 * messages): at most one per element, each an extension frame bound to an editor session in the
 * background (editor-frame.ts). The draft lives in that frame; it reaches the page only when the
 * creator presses Insert, which the background carries out through `insert` here. An editor
 * whose element leaves the page, or starts showing something else, goes (its draft to the queue).
 */
import { browser } from 'wxt/browser';
import { request } from '../messaging/client';
import type { ContentCommand, InsertOutcome } from '../messaging/editor-protocol';
import type { CommentContext } from '../core/draft';
import { createEditorFrame, type EditorFrame } from './editor-frame';
import { showToast } from './toast';

const REMOVAL_CHECK_MS = 500;

/** What one editor answers on the page, and how the page is touched for it. */
export interface DraftTarget {
  /** What the draft answers, as the page shows it now; null when it can't be read. */
  read(): CommentContext | null;
  /** Puts the editor frame on the page (under the comment, above a chat's composer). */
  place(frameHost: HTMLElement): void;
  /** Fills the site's box with the draft, after the creator pressed Insert. */
  insert(text: string, sessionId: string): Promise<InsertOutcome>;
  /** "The comment by Maria" / "The conversation with Maria", for what the creator is told. */
  describe(context: CommentContext): string;
  /**
   * Whether a fresh read is still the same thing the editor was opened for (the same comment,
   * or the same conversation): if not, the site reused the element and the editor goes.
   */
  same(opened: CommentContext, now: CommentContext): boolean;
  /**
   * Whether a fresh read is news the draft should follow. A chat's virtualized list shows older
   * messages as the creator scrolls up: that is not a new message, and the draft stays as it is.
   */
  isNewer?(opened: CommentContext, now: CommentContext): boolean;
  /** Stops what Insert started (watching for the reply to appear posted). */
  stop?(): void;
}

interface OpenEditor {
  sessionId: string;
  element: HTMLElement;
  button: HTMLElement;
  target: DraftTarget;
  /** What the session holds: a change in the page is passed on. */
  context: CommentContext;
  frame: EditorFrame;
}

export function createEditorHost(signal: AbortSignal) {
  const byElement = new Map<HTMLElement, OpenEditor>();
  const bySession = new Map<string, OpenEditor>();
  const opening = new WeakSet<HTMLElement>();

  function close(editor: OpenEditor) {
    editor.frame.remove();
    byElement.delete(editor.element);
    bySession.delete(editor.sessionId);
    editor.button.setAttribute('aria-expanded', 'false');
    // An open reply box stays watched: the creator may close the editor, then press send.
  }

  async function open(element: HTMLElement, button: HTMLElement, target: DraftTarget, unreadable: string) {
    const existing = byElement.get(element);
    if (existing) return existing.frame.focus();
    if (opening.has(element)) return;
    const context = target.read();
    if (!context) {
      showToast(unreadable);
      return;
    }
    opening.add(element);
    let sessionId: string;
    try {
      ({ sessionId } = await request('editor.open', { comment: context }));
    } catch (error) {
      showToast((error as Error).message);
      return;
    } finally {
      opening.delete(element);
    }
    if (signal.aborted || !element.isConnected) return;
    const editor: OpenEditor = { sessionId, element, button, target, context, frame: undefined! };
    editor.frame = createEditorFrame(sessionId, context.author, () => {
      close(editor);
      // The creator closed it (Escape or ×): the keyboard goes back where they opened it from.
      if (button.isConnected) button.focus();
    });
    byElement.set(element, editor);
    bySession.set(sessionId, editor);
    button.setAttribute('aria-expanded', 'true');
    target.place(editor.frame.host);
    editor.frame.focus();
  }

  function onCommand(message: unknown): Promise<InsertOutcome> | undefined {
    const command = message as ContentCommand | null;
    if (command?.type === 'editor.insert') {
      const editor = bySession.get(command.sessionId);
      if (!editor || !editor.element.isConnected) {
        return Promise.resolve({ ok: false, reason: 'This comment is no longer on the page.' });
      }
      return editor.target.insert(command.text, command.sessionId);
    }
    if (command?.type === 'editor.close') {
      const editor = bySession.get(command.sessionId);
      if (editor) close(editor);
    }
    return undefined;
  }
  browser.runtime.onMessage.addListener(onCommand);

  // What an editor answers can vanish while it is open (deleted, list re-rendered, in-app
  // navigation). The background keeps what the editor held, in the queue, and says so.
  function gone(editor: OpenEditor) {
    close(editor);
    const what = editor.target.describe(editor.context);
    request('editor.gone', { sessionId: editor.sessionId })
      .then(({ queued }) =>
        showToast(
          queued
            ? `${what} was removed from the page. Your draft was saved to the queue in the side panel.`
            : `${what} was removed from the page.`,
        ),
      )
      .catch(() => showToast(`${what} was removed from the page, and your draft could not be saved.`));
  }

  const removalTimer = window.setInterval(() => {
    for (const editor of [...byElement.values()]) {
      if (!editor.element.isConnected) gone(editor);
    }
  }, REMOVAL_CHECK_MS);

  signal.addEventListener('abort', () => {
    window.clearInterval(removalTimer);
    browser.runtime.onMessage.removeListener(onCommand);
    for (const editor of [...byElement.values()]) {
      editor.target.stop?.();
      close(editor);
    }
  });

  return {
    open,
    /**
     * The element of an open editor shows something else now. The same comment (or the same
     * conversation) with new text: the draft follows it (the background re-drafts an untouched
     * draft). Anything else means the site reused the node: the editor's subject left the page.
     */
    changed(element: HTMLElement): void {
      const editor = byElement.get(element);
      if (!editor) return;
      const now = editor.target.read();
      if (!now || !editor.target.same(editor.context, now)) return gone(editor);
      if (now.text === editor.context.text) return;
      if (editor.target.isNewer && !editor.target.isNewer(editor.context, now)) return;
      editor.context = now;
      request('editor.edited', { sessionId: editor.sessionId, comment: now }).catch(() => {});
    },
    isOpen: (element: HTMLElement) => byElement.has(element),
  };
}

export type EditorHost = ReturnType<typeof createEditorHost>;
