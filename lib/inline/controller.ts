/**
 * Wires one page: finds comments with the site adapter, adds Draft reply buttons, and opens at
 * most one editor per comment (editor-host.ts); with direct messages on, the same for each open
 * conversation (conversation-controller.ts). The editor is an extension frame (editor-frame.ts):
 * the draft lives there, and reaches the page only when the creator presses Insert, which the
 * background carries out through this script. Everything is torn down when `signal` aborts.
 */
import { request } from '../messaging/client';
import { observeComments, scanComments } from '../sites/observe';
import type { SeenComment, SiteAdapter } from '../sites/types';
import { siteName } from '../core/sites';
import type { CommentContext } from '../core/draft';
import { MAX_PAGE_COMMENTS, SITE_REPLY_LIMITS } from '../core/limits';
import { startConversations } from './conversation-controller';
import { createDraftButtons } from './draft-buttons';
import { createEditorHost, type DraftTarget } from './editor-host';
import { fillBox } from './fill-box';
import { createHealthMonitor } from './health-monitor';
import { deskPageCommands } from './desk-commands';
import { servePageCommands } from './page-commands';
import { watchForSent, type SentWatch } from './sent-watcher';

export interface PageOptions {
  /** The creator turned this site's direct messages on in Options. */
  dms?: boolean;
}

export function startPage(adapter: SiteAdapter, signal: AbortSignal, options: PageOptions = {}) {
  const site = siteName(adapter.site);
  const editors = createEditorHost(signal);

  /** The comment as the page shows it now, with the page kind and the site's reply limit. */
  function readForDraft(element: HTMLElement): CommentContext | null {
    const comment = adapter.readComment(element, location.href);
    if (!comment) return null;
    comment.pageKind ??= adapter.pageKind(new URL(location.href)) ?? undefined;
    comment.replyLimit ??= adapter.replyLimit?.(element) ?? SITE_REPLY_LIMITS[adapter.site];
    return comment;
  }

  /** A comment's editor: under the comment; Insert opens the comment's own reply box. */
  function commentTarget(element: HTMLElement): DraftTarget {
    let sentWatch: SentWatch | undefined;
    return {
      read: () => readForDraft(element),
      place: (frameHost) => element.after(frameHost),
      describe: (comment) => `The comment by ${comment.author}`,
      same: (opened, now) => opened.commentId === now.commentId,
      stop: () => sentWatch?.stop(),
      async insert(text, sessionId) {
        const composer = await adapter.openComposer(element);
        if (!composer) {
          health.insertFailed('composer-missing');
          return { ok: false, reason: `Couldn't find ${site}'s reply box for this comment. Use Copy and paste it.` };
        }
        const outcome = await fillBox({ composer, text, submit: () => adapter.submitButtonFor(composer), boxLabel: `${site}'s reply box` });
        if (!outcome.ok) {
          health.insertFailed('composer-refused');
          return outcome;
        }
        health.insertWorked();
        sentWatch?.stop();
        sentWatch = watchForSent({
          composer: composer.editor,
          findPosted: (finalText) => adapter.findPostedReply(element, finalText),
          onSent: (finalText) => void request('editor.posted', { sessionId, text: finalText }).catch(() => {}),
        });
        return { ok: true };
      },
    };
  }

  const open = (element: HTMLElement, button: HTMLElement) =>
    void editors.open(element, button, commentTarget(element), 'Understudy could not read this comment. The site may have changed its layout.');

  const { add: addButtons, removeAll: removeButtons } = createDraftButtons(open, signal);
  // A virtualized list (X, Instagram, TikTok, Threads) reuses a comment's node for another
  // comment: its editor must not stay under a comment it wasn't opened for. An edit of the same
  // comment keeps its id, and its editor.
  const onFound = (found: SeenComment[]) => {
    for (const { element } of found) editors.changed(element);
    health.commentsFound();
    return addButtons(found);
  };
  // Comments are read only on the site's pages that have them (not its home or search), and
  // an overlay route (a reply modal with its own URL) keeps the page kind under it.
  let pageKind = adapter.pageKind(new URL(location.href));
  const active = () => pageKind !== null;
  // Direct messages, where the site has them and the creator turned them on.
  const dms = options.dms ? adapter.conversations : undefined;
  // Adapter health (health-monitor.ts): a page Understudy can't read is reported, never silent.
  // One monitor for the comments and (DMs on) the conversations: one tab has one report.
  const health = createHealthMonitor({
    adapter,
    root: document,
    pageKind: () => pageKind,
    ...(dms ? { conversations: { adapter: dms, doc: document, pageKind: () => dms.pageKind(new URL(location.href)) } } : {}),
    send: (report) => void request('site.health', report).catch(() => {}),
    signal,
  });
  const observer = observeComments(adapter, document, onFound, signal, active);
  // One Draft reply beside each open conversation's composer, sharing this page's editors.
  const conversations = dms ? startConversations(adapter.site, dms, editors, signal, health) : null;

  // The background's commands to this page (lib/messaging/page-commands.ts), from the creator's
  // actions in the side panel or the browser's own UI; the page cannot send them.
  servePageCommands(
    {
      // Draft all: what the page shows now, read as a click on each Draft reply would.
      'page.comments': () => ({ comments: pageForDraft(conversations?.readAllForDraft() ?? [], active() ? readAllForDraft() : []) }),
      // Open & insert, the keyboard command and the context menu: a Draft reply click or an Insert.
      ...deskPageCommands({ adapter, active, open, insert: (element, text, sessionId) => commentTarget(element).insert(text, sessionId) }, signal),
    },
    signal,
  );

  /**
   * Draft all's page: the open conversations first (the creator is looking at them), then the
   * comments, MAX_PAGE_COMMENTS in all.
   */
  function pageForDraft(conversationsNow: CommentContext[], comments: CommentContext[]): CommentContext[] {
    return [...conversationsNow, ...comments].slice(0, MAX_PAGE_COMMENTS);
  }

  /** Every comment on the page now, first MAX_PAGE_COMMENTS in page order, once each. */
  function readAllForDraft(): CommentContext[] {
    const seen = new Set<string>();
    const comments: CommentContext[] = [];
    for (const { element } of scanComments(adapter, document, location.href)) {
      if (comments.length >= MAX_PAGE_COMMENTS) break;
      const comment = readForDraft(element);
      if (!comment || seen.has(comment.commentId)) continue;
      seen.add(comment.commentId);
      comments.push(comment);
    }
    return comments;
  }

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
        conversations?.rescan();
        health.navigated();
      }, 0);
    },
  };
}
