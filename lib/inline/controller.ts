/**
 * Wires one page: finds comments with the site adapter, adds Draft reply buttons, and opens at
 * most one editor per comment. The editor is an extension frame (see editor-frame.ts): the
 * draft lives there, and reaches the page only when the creator presses Insert, which the
 * background carries out through this script. Everything is torn down when `signal` aborts.
 */
import { browser } from 'wxt/browser';
import { request } from '../messaging/client';
import type { ContentCommand, InsertOutcome } from '../messaging/editor-protocol';
import { insertText } from '../sites/insert';
import { observeComments } from '../sites/observe';
import type { SeenComment, SiteAdapter } from '../sites/types';
import { siteName } from '../core/sites';
import type { CommentContext } from '../core/draft';
import { SITE_REPLY_LIMITS } from '../core/limits';
import { createDraftButtons } from './draft-buttons';
import { createEditorFrame, type EditorFrame } from './editor-frame';
import { createHealthMonitor } from './health-monitor';
import { watchForSent, type SentWatch } from './sent-watcher';
import { showToast } from './toast';

const REMOVAL_CHECK_MS = 500;

interface OpenEditor {
  sessionId: string;
  element: HTMLElement;
  button: HTMLElement;
  author: string;
  /** The comment the editor drafts for: a recycled node showing another comment loses it. */
  commentId: string;
  /** The comment's text as the session holds it: an edit by its author is passed on. */
  text: string;
  frame: EditorFrame;
  sentWatch?: SentWatch;
}

export function startPage(adapter: SiteAdapter, signal: AbortSignal) {
  const byElement = new Map<HTMLElement, OpenEditor>();
  const bySession = new Map<string, OpenEditor>();
  const opening = new WeakSet<HTMLElement>();
  const site = siteName(adapter.site);

  /** The comment as the page shows it now, with the page kind and the site's reply limit. */
  function readForDraft(element: HTMLElement): CommentContext | null {
    const comment = adapter.readComment(element, location.href);
    if (!comment) return null;
    comment.pageKind ??= adapter.pageKind(new URL(location.href)) ?? undefined;
    comment.replyLimit ??= adapter.replyLimit?.(element) ?? SITE_REPLY_LIMITS[adapter.site];
    return comment;
  }

  function close(editor: OpenEditor) {
    editor.frame.remove();
    byElement.delete(editor.element);
    bySession.delete(editor.sessionId);
    editor.button.setAttribute('aria-expanded', 'false');
    // An open reply box stays watched: the creator may close the editor, then press send.
  }

  async function open(element: HTMLElement, button: HTMLElement) {
    const existing = byElement.get(element);
    if (existing) return existing.frame.focus();
    if (opening.has(element)) return;
    const comment = readForDraft(element);
    if (!comment) {
      showToast('Understudy could not read this comment. The site may have changed its layout.');
      return;
    }
    opening.add(element);
    let sessionId: string;
    try {
      ({ sessionId } = await request('editor.open', { comment }));
    } catch (error) {
      showToast((error as Error).message);
      return;
    } finally {
      opening.delete(element);
    }
    if (signal.aborted || !element.isConnected) return;
    const editor: OpenEditor = {
      sessionId,
      element,
      button,
      author: comment.author,
      commentId: comment.commentId,
      text: comment.text,
      frame: undefined!,
    };
    editor.frame = createEditorFrame(sessionId, comment.author, () => close(editor));
    byElement.set(element, editor);
    bySession.set(sessionId, editor);
    button.setAttribute('aria-expanded', 'true');
    element.after(editor.frame.host);
    editor.frame.focus();
  }

  /**
   * The last resort when the site's editor refuses every way in (TikTok's takes only trusted
   * input): the caret goes into the site's box and the draft onto the clipboard, for the
   * creator's own paste. The creator pressed Insert, so the text may reach the page now.
   */
  async function copyInstead(box: HTMLElement, text: string, why: string): Promise<InsertOutcome> {
    box.focus();
    const copied = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    return {
      ok: false,
      reason: copied
        ? `${why} The draft is copied and the caret is in the box: paste it (Ctrl+V or ⌘V), then send it yourself.`
        : `${why} Use Copy, then paste it into the box.`,
    };
  }

  /** Carries out an Insert the creator pressed in the editor frame (sent by the background). */
  async function insertFor(sessionId: string, text: string): Promise<InsertOutcome> {
    const editor = bySession.get(sessionId);
    if (!editor || !editor.element.isConnected) return { ok: false, reason: 'This comment is no longer on the page.' };
    const composer = await adapter.openComposer(editor.element);
    if (!composer) {
      health.insertFailed('composer-missing');
      return { ok: false, reason: `Couldn't find ${site}'s reply box for this comment. Use Copy and paste it.` };
    }
    const outcome = await insertText(composer.editor, text, adapter.submitButtonFor(composer), {
      boxLabel: `${site}'s reply box`,
      kind: composer.kind,
      prefix: composer.prefix,
    });
    if (!outcome.ok) {
      health.insertFailed('composer-refused');
      return copyInstead(composer.editor, text, `${site}'s reply box didn't accept the text.`);
    }
    health.insertWorked();
    editor.sentWatch?.stop();
    editor.sentWatch = watchForSent({
      adapter,
      commentElement: editor.element,
      composer: composer.editor,
      onSent: (finalText) => void request('editor.posted', { sessionId, text: finalText }).catch(() => {}),
    });
    return { ok: true };
  }

  function onCommand(message: unknown): Promise<InsertOutcome> | undefined {
    const command = message as ContentCommand | null;
    if (command?.type === 'editor.insert') return insertFor(command.sessionId, command.text);
    if (command?.type === 'editor.close') {
      const editor = bySession.get(command.sessionId);
      if (editor) close(editor);
    }
    return undefined;
  }
  browser.runtime.onMessage.addListener(onCommand);

  // A comment can vanish while its editor is open (deleted, list re-rendered, in-app
  // navigation). The background keeps what the editor held, in the queue, and says so.
  function gone(editor: OpenEditor) {
    close(editor);
    request('editor.gone', { sessionId: editor.sessionId })
      .then(({ queued }) =>
        showToast(
          queued
            ? `The comment by ${editor.author} was removed from the page. Your draft was saved to the queue in the side panel.`
            : `The comment by ${editor.author} was removed from the page.`,
        ),
      )
      .catch(() => showToast(`The comment by ${editor.author} was removed from the page, and your draft could not be saved.`));
  }
  /**
   * The comment's node shows something else now. The same comment with new text was edited by
   * its author: the draft follows it (the background re-drafts an untouched draft). Another
   * comment (or none) means the site reused the node: this editor's comment left the page.
   */
  function commentChanged(editor: OpenEditor) {
    const now = readForDraft(editor.element);
    if (!now || now.commentId !== editor.commentId) return gone(editor);
    if (now.text === editor.text) return;
    editor.text = now.text;
    request('editor.edited', { sessionId: editor.sessionId, comment: now }).catch(() => {});
  }

  const removalTimer = window.setInterval(() => {
    for (const editor of [...byElement.values()]) {
      if (!editor.element.isConnected) gone(editor);
    }
  }, REMOVAL_CHECK_MS);

  const { add: addButtons, removeAll: removeButtons } = createDraftButtons((element, button) => void open(element, button), signal);
  // A virtualized list (X, Instagram, TikTok, Threads) reuses a comment's node for another
  // comment: its editor must not stay under a comment it wasn't opened for. An edit of the same
  // comment keeps its id, and its editor.
  const onFound = (found: SeenComment[]) => {
    for (const { element } of found) {
      const editor = byElement.get(element);
      if (editor) commentChanged(editor);
    }
    health.commentsFound();
    return addButtons(found);
  };
  // Comments are read only on the site's pages that have them (not its home or search), and
  // an overlay route (a reply modal with its own URL) keeps the page kind under it.
  let pageKind = adapter.pageKind(new URL(location.href));
  const active = () => pageKind !== null;
  // Adapter health (health-monitor.ts): a page Understudy can't read is reported, never silent.
  const health = createHealthMonitor({
    adapter,
    root: document,
    pageKind: () => pageKind,
    send: (report) => void request('site.health', report).catch(() => {}),
    signal,
  });
  const observer = observeComments(adapter, document, onFound, signal, active);

  signal.addEventListener('abort', () => {
    window.clearInterval(removalTimer);
    browser.runtime.onMessage.removeListener(onCommand);
    for (const editor of [...byElement.values()]) {
      editor.sentWatch?.stop();
      close(editor);
    }
  });

  return {
    /** After in-app navigation: read the new page kind, then scan the page again. */
    rescan() {
      // wxt:locationchange comes from the Navigation API's `navigate` event where there is one
      // (Chromium), which fires before the URL changes: read the page kind once it has.
      setTimeout(() => {
        if (signal.aborted) return;
        const url = new URL(location.href);
        if (!adapter.isOverlay?.(url)) pageKind = adapter.pageKind(url);
        if (!active()) removeButtons();
        observer.rescan();
        health.navigated();
      }, 0);
    },
  };
}
