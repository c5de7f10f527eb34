/**
 * Direct messages on one page (issue 11): one Draft reply button beside each open
 * conversation's composer, and nothing per message. The conversation is read only when the
 * creator presses Draft reply (its latest MAX_CONVERSATION_MESSAGES), and again while its
 * editor is open when the pane shows a new newest message, so the draft notices a message that
 * arrives. Insert fills the chat composer without a key event (a chat sends on Enter); the
 * creator sends it.
 *
 * Runs only while the creator has the site's DMs switched on (site-switch.ts). A conversation
 * it can't use (no message box found after a scan, an Insert that failed) is told to the page's
 * one health monitor (health-monitor.ts), which reports it like an unreadable comments page.
 */
import { request } from '../messaging/client';
import { dmAnswer, hasNewMessages } from '../core/conversation';
import type { CommentContext } from '../core/draft';
import { MAX_CONVERSATION_MESSAGES, SITE_DM_LIMITS, SITE_REPLY_LIMITS } from '../core/limits';
import { siteName, type SiteId } from '../core/sites';
import type { ConversationAdapter } from '../sites/types';
import { BUTTON_HOST_TAG, createDraftButtons } from './draft-buttons';
import type { DraftTarget, EditorHost } from './editor-host';
import { fillBox } from './fill-box';
import type { HealthMonitor } from './health-monitor';
import { watchForSent, type SentWatch } from './sent-watcher';

/** Mutations come in bursts (a message renders in several steps): look once they settle. */
const SETTLE_MS = 60;

/** What the conversations tell the page's health monitor (health-monitor.ts; the page has one). */
export type ConversationHealth = Pick<HealthMonitor, 'conversationsSeen' | 'insertFailed' | 'insertWorked'>;

export function startConversations(
  site: SiteId,
  adapter: ConversationAdapter,
  editors: EditorHost,
  signal: AbortSignal,
  health?: ConversationHealth,
) {
  const name = siteName(site);
  /** The last key seen on each pane: a change is another conversation or a new message. */
  const keys = new WeakMap<HTMLElement, string>();
  /** The Draft reply button placed for each pane, so it moves with its host instead of doubling. */
  const buttonOf = new WeakMap<HTMLElement, HTMLElement>();
  /** Shadow roots holding panes, observed too (a document observer doesn't see into them). */
  const watchedRoots = new WeakSet<ShadowRoot>();

  /** The conversation as the pane shows it now, answering its latest incoming messages. */
  function readForDraft(pane: HTMLElement): CommentContext | null {
    const url = new URL(location.href);
    const read = adapter.read(pane, url.href, MAX_CONVERSATION_MESSAGES);
    if (!read) return null;
    const answer = dmAnswer(read);
    if (!answer) return null;
    return {
      site,
      ...answer,
      ...(read.title ? { threadTitle: read.title } : {}),
      permalink: url.href,
      pageUrl: url.href,
      pageKind: adapter.pageKind(url) ?? undefined,
      replyLimit: adapter.messageLimit?.(pane) ?? SITE_DM_LIMITS[site] ?? SITE_REPLY_LIMITS[site],
    };
  }

  function conversationTarget(pane: HTMLElement): DraftTarget {
    let sentWatch: SentWatch | undefined;
    return {
      read: () => readForDraft(pane),
      place(frameHost) {
        const slot = adapter.editorSlot(pane);
        if (slot) slot.before(frameHost);
        else pane.append(frameHost);
      },
      describe: (context) => `The conversation with ${context.conversation?.title ?? context.author}`,
      same: (opened, now) => opened.commentId === now.commentId,
      isNewer: (opened, now) => hasNewMessages(opened.conversation, now.conversation),
      stop: () => sentWatch?.stop(),
      async insert(text, sessionId) {
        const composer = adapter.composer(pane);
        if (!composer) {
          health?.insertFailed('composer-missing', 'conversation');
          return { ok: false, reason: `Couldn't find ${name}'s message box in this conversation. Use Copy and paste it.` };
        }
        const outcome = await fillBox({ composer, text, submit: () => adapter.submitButtonFor(composer), boxLabel: `${name}'s message box` });
        if (!outcome.ok) {
          health?.insertFailed('composer-refused', 'conversation');
          return outcome;
        }
        health?.insertWorked();
        sentWatch?.stop();
        sentWatch = watchForSent({
          composer: composer.editor,
          staysOpen: true,
          findPosted: (finalText) => adapter.findSentMessage(pane, finalText),
          onSent: (finalText) => void request('editor.posted', { sessionId, text: finalText }).catch(() => {}),
        });
        return { ok: true };
      },
    };
  }

  const buttons = createDraftButtons(
    (pane, button) =>
      void editors.open(pane, button, conversationTarget(pane), `Understudy could not read this conversation. ${name} may have changed its layout.`),
    signal,
    'conversation',
  );

  function active(): boolean {
    return adapter.pageKind(new URL(location.href)) !== null;
  }

  function scan(): void {
    if (signal.aborted) return;
    if (!active()) {
      buttons.removeAll();
      return;
    }
    const seen = [];
    // Whether a pane has its message box and a place for Draft reply: the health monitor's
    // question (a chat re-rendered in markup Understudy doesn't know has neither).
    let usable = false;
    for (const pane of adapter.panes(document)) {
      const root = pane.getRootNode();
      if (root instanceof ShadowRoot && !watchedRoots.has(root)) {
        watchedRoots.add(root);
        observer.observe(root, OBSERVED);
      }
      const key = adapter.paneKey(pane) ?? '';
      const host = key ? adapter.buttonHost(pane) : null;
      const previous = keys.get(pane);
      keys.set(pane, key);
      if (previous !== undefined && previous !== key) editors.changed(pane);
      // A composer that re-renders (a Send control appearing with text) may hand us another
      // host: the button moves there, never a second one beside the first.
      // A site that appends its own controls after ours (Send appearing with text) leaves our
      // button in place but no longer last: it stays, and no second one is added.
      const placed = buttonOf.get(pane);
      if (placed && (!host || !key || placed.parentElement !== host)) {
        placed.remove();
        buttonOf.delete(pane);
      }
      const kept = placed?.isConnected && placed.parentElement === host;
      if (!kept && (host || !key)) seen.push({ element: pane, key, host: host ?? pane });
      if (health && !usable) usable = (host ?? adapter.buttonHost(pane)) !== null && adapter.composer(pane) !== null;
    }
    buttons.add(seen);
    for (const { element, key, host } of seen) {
      const last = host.lastElementChild as HTMLElement | null;
      if (key && last?.localName === BUTTON_HOST_TAG) buttonOf.set(element, last);
    }
    health?.conversationsSeen(usable);
  }

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      scan();
    }, SETTLE_MS);
  };
  const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, OBSERVED);
  scan();

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      window.clearTimeout(timer);
    },
    { once: true },
  );

  return {
    /** After in-app navigation (another conversation, or leaving the inbox). */
    rescan: schedule,
    /**
     * Draft all: each open conversation waiting for an answer, read as its Draft reply click
     * reads it (one a conversation, however many panes show it). None off a DM page.
     */
    readAllForDraft(): CommentContext[] {
      if (!active()) return [];
      const seen = new Set<string>();
      const read: CommentContext[] = [];
      for (const pane of adapter.panes(document)) {
        const context = readForDraft(pane);
        if (!context || seen.has(context.commentId)) continue;
        seen.add(context.commentId);
        read.push(context);
      }
      return read;
    },
  };
}
