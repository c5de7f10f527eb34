/**
 * The background's side of the isolated editor. The content script opens a session (after the
 * creator's own click on Draft reply); the editor frame, an extension page, attaches to it over
 * EDITOR_PORT and everything about the draft happens here and there, never in the page: drafts
 * stream to the frame, edits are saved to the queue as the creator types, Insert asks the
 * content script of the session's own tab and frame to fill the site's reply box, and a reply
 * seen posted is learned from only if it is still the inserted draft.
 *
 * The claim guard: with the session (on attach, after the comment changed) and with each draft
 * goes the context the guard checks it against (guard-context.ts), so the editor re-checks the
 * creator's every keystroke itself. "Add to fact sheet" on a flag comes back here: the fact is
 * written, and the editor gets the context with it, so the guard stops flagging it.
 */
import type { DraftReport, DraftResult } from '../core/draft';
import {
  editorPortInSchema,
  type EditorPortIn,
  type EditorGuardContext,
  type EditorPortOut,
  type EditorSessionView,
  type InsertOutcome,
} from '../messaging/editor-protocol';
import type { CommentContext } from '../core/draft';
import type { PortLike } from '../messaging/port-like';
import type { DraftRunner } from './draft-runner';
import type { EditorSession, EditorSessions } from './editor-sessions';
import { postedIsTheInsertedDraft } from './posted-reply';
import { dmAnswer, runEndingAt } from '../core/conversation';
import type { GuardFlagKind } from '../core/guard';

export type EditorPort = PortLike<EditorPortOut>;

export interface EditorServiceDeps {
  sessions: EditorSessions;
  drafter: DraftRunner;
  /** Keep a draft in the side panel's queue (one live draft per comment: an upsert). */
  queue(report: DraftReport): Promise<number>;
  /** The draft went into the site's reply box. */
  inserted(report: DraftReport): Promise<number>;
  /** The creator sent it: learn from the text (once per draft). */
  sent(report: DraftReport, via: 'confirmed' | 'seen'): Promise<{ recorded: boolean }>;
  /** Ask the session's own content script to fill the site's reply box. */
  insertInPage(session: EditorSession, text: string): Promise<InsertOutcome>;
  /** How long typing pauses before an edit is written to the queue (default 400 ms). */
  saveDelayMs?: number;
  /** What the claim guard checks a draft of this comment (and, once written, this result) against. */
  guardContext?(comment: CommentContext, result?: DraftResult): Promise<EditorGuardContext>;
  /** Writes a fact the creator added from a flag to the fact sheet. */
  addFact?(text: string): Promise<{ added: boolean }>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The draft as it stands, with the provenance of the engine text it came from. */
export function reportOf(session: EditorSession, text: string): DraftReport {
  const result = session.result;
  return {
    comment: session.comment,
    text: text.trim(),
    engineText: result?.text ?? '',
    engine: result?.engine ?? 'memory',
    ...(result?.model !== undefined ? { model: result.model } : {}),
    exampleIds: result?.exampleIds ?? [],
    ...(result?.factIds ? { factIds: result.factIds } : {}),
    ...(result?.metrics ? { metrics: result.metrics } : {}),
    ...(result?.leftOut ? { leftOut: result.leftOut } : {}),
  };
}

function viewOf(session: EditorSession): EditorSessionView {
  return {
    comment: session.comment,
    ...(session.result ? { result: session.result } : {}),
    ...(session.text !== undefined ? { text: session.text } : {}),
    inserted: session.inserted !== undefined,
    sent: session.sent,
  };
}

export function createEditorService(deps: EditorServiceDeps) {
  const { sessions } = deps;

  /** The guard's context, or none when memory can't be read (the editor then says it is unchecked). */
  async function guardOf(comment: CommentContext, result?: DraftResult): Promise<EditorGuardContext | undefined> {
    try {
      return await deps.guardContext?.(comment, result);
    } catch {
      return undefined;
    }
  }

  async function guardedView(session: EditorSession): Promise<EditorSessionView> {
    const guard = await guardOf(session.comment, session.result);
    return { ...viewOf(session), ...(guard ? { guard } : {}) };
  }
  const saveDelayMs = deps.saveDelayMs ?? 400;
  /** The one editor frame attached to each session. */
  const attached = new Map<string, EditorPort>();
  /** Edits typed but not yet written to the queue, per session. */
  const pendingSaves = new Map<string, { tabId: number; timer: ReturnType<typeof setTimeout>; write: () => Promise<void> }>();

  /** Writes a session's latest text to the queue now, if a write is waiting. */
  async function flushSave(sessionId: string): Promise<void> {
    const pending = pendingSaves.get(sessionId);
    if (!pending) return;
    pendingSaves.delete(sessionId);
    clearTimeout(pending.timer);
    await pending.write();
  }

  function notify(sessionId: string, message: EditorPortOut) {
    try {
      attached.get(sessionId)?.postMessage(message);
    } catch {
      attached.delete(sessionId);
    }
  }

  /** Serves one editor frame. `tabId` is the tab the browser says the frame is in. */
  function serve(port: EditorPort, tabId: number): void {
    let sessionId: string | undefined;
    let connected = true;
    const inFlight = new Map<string, AbortController>();
    const post = (message: EditorPortOut) => {
      if (connected) port.postMessage(message);
    };

    port.onDisconnect.addListener(() => {
      connected = false;
      for (const controller of inFlight.values()) controller.abort();
      inFlight.clear();
      if (sessionId && attached.get(sessionId) === port) attached.delete(sessionId);
    });

    async function attach(id: string) {
      const session = await sessions.get(id);
      if (!session || session.tabId !== tabId) {
        post({ type: 'error', message: 'This draft is no longer open on this page. Close it and click Draft reply again.' });
        return;
      }
      if (attached.has(id) && attached.get(id) !== port) {
        post({ type: 'error', message: 'This draft is already open in another editor.' });
        return;
      }
      sessionId = id;
      attached.set(id, port);
      post({ type: 'session', session: await guardedView(session) });
    }

    function draft(session: EditorSession, message: Extract<EditorPortIn, { type: 'draft' }>) {
      const { requestId } = message;
      inFlight.get(requestId)?.abort();
      const controller = new AbortController();
      inFlight.set(requestId, controller);
      deps.drafter
        .draft(session.comment, {
          ...(message.steer ? { steer: message.steer } : {}),
          ...(message.variant !== undefined ? { variant: message.variant } : {}),
          signal: controller.signal,
          onToken: (text) => post({ type: 'token', requestId, text }),
          onStatus: (status, progress) => post({ type: 'status', requestId, message: status, progress }),
        })
        .then(async (result) => {
          if (controller.signal.aborted) return;
          await sessions.update(session.id, { result, text: result.text, edited: false });
          const guard = await guardOf(session.comment, result);
          if (controller.signal.aborted) return;
          post({ type: 'done', requestId, result, ...(guard ? { guard } : {}) });
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) post({ type: 'error', requestId, message: messageOf(error) });
        })
        .finally(() => {
          if (inFlight.get(requestId) === controller) inFlight.delete(requestId);
        });
    }

    /** Queues the session's text as it stands (edits since are written by their own save). */
    async function writeQueue(id: string, via: 'edit' | 'queue') {
      const latest = await sessions.get(id);
      const text = latest?.text ?? '';
      if (!latest || !text.trim() || latest.sent) return post({ type: 'saved', queued: false, via });
      await deps.queue(reportOf(latest, text));
      post({ type: 'saved', queued: true, via });
    }

    async function edit(session: EditorSession, text: string) {
      // The session holds every keystroke at once; the queue write waits for a pause in typing.
      await sessions.update(session.id, { text, edited: true });
      const previous = pendingSaves.get(session.id);
      if (previous) clearTimeout(previous.timer);
      const write = () => writeQueue(session.id, 'edit').catch((error: unknown) => post({ type: 'error', message: messageOf(error) }));
      const timer = setTimeout(() => {
        pendingSaves.delete(session.id);
        void write();
      }, saveDelayMs);
      pendingSaves.set(session.id, { tabId: session.tabId, timer, write });
    }

    async function queue(session: EditorSession, text: string) {
      clearTimeout(pendingSaves.get(session.id)?.timer);
      pendingSaves.delete(session.id);
      await sessions.update(session.id, { text });
      await writeQueue(session.id, 'queue');
    }

    async function insert(session: EditorSession, text: string, overridden?: readonly GuardFlagKind[]) {
      if (!text.trim()) return post({ type: 'inserted', ok: false, reason: 'The draft is empty. Write something or click Regenerate.' });
      const outcome = await deps.insertInPage(session, text.trim());
      if (!outcome.ok) return post({ type: 'inserted', ok: false, reason: outcome.reason });
      await flushSave(session.id);
      await sessions.update(session.id, { inserted: text.trim(), text });
      await deps.inserted({ ...reportOf(session, text), ...(overridden?.length ? { overriddenFlags: [...overridden] } : {}) });
      post({ type: 'inserted', ok: true });
    }

    async function markSent(session: EditorSession, text: string) {
      if (session.sent) return post({ type: 'sent', via: 'confirmed', recorded: false });
      if (!text.trim()) return post({ type: 'error', message: 'The draft is empty: there is nothing to mark as sent.' });
      await flushSave(session.id);
      const { recorded } = await deps.sent(reportOf(session, text), 'confirmed');
      await sessions.update(session.id, { sent: true });
      post({ type: 'sent', via: 'confirmed', recorded });
    }

    /** A DM draft answers another message of its conversation, picked by the creator. */
    async function answer(session: EditorSession, index: number) {
      const conversation = session.comment.kind === 'dm' ? session.comment.conversation : undefined;
      const picked = conversation ? dmAnswer(conversation, runEndingAt(conversation.messages, index)) : null;
      if (!conversation || !picked) return post({ type: 'error', message: 'That message can’t be answered: pick one the other person sent.' });
      // The sender's handle and time come from the message picked, never from the last one.
      const { handle: _handle, postedAt: _postedAt, ...rest } = session.comment;
      const next = await sessions.replaceComment(session.id, { ...rest, ...picked });
      if (next) post({ type: 'answering', session: await guardedView(next) });
    }

    /** "Add to fact sheet" from a flag: written, then the guard's context with the new fact. */
    async function addFact(session: EditorSession, text: string) {
      if (!deps.addFact) return post({ type: 'error', message: 'The fact sheet can’t be changed from here.' });
      const { added } = await deps.addFact(text);
      const guard = await guardOf(session.comment, session.result);
      post({ type: 'factAdded', added, text, ...(guard ? { guard } : {}) });
    }

    async function handle(message: EditorPortIn) {
      if (message.type === 'attach') return attach(message.sessionId);
      if (message.type === 'cancel') {
        inFlight.get(message.requestId)?.abort();
        inFlight.delete(message.requestId);
        return;
      }
      const session = sessionId ? await sessions.get(sessionId) : undefined;
      if (!session) {
        return post({ type: 'error', message: 'This draft is no longer open on this page. Close it and click Draft reply again.' });
      }
      switch (message.type) {
        case 'draft':
          return draft(session, message);
        case 'edit':
          return edit(session, message.text);
        case 'queue':
          return queue(session, message.text);
        case 'insert':
          return insert(session, message.text, message.overridden);
        case 'markSent':
          return markSent(session, message.text);
        case 'answer':
          return answer(session, message.index);
        case 'addFact':
          return addFact(session, message.text);
      }
    }

    port.onMessage.addListener((raw) => {
      const parsed = editorPortInSchema.safeParse(raw);
      if (!parsed.success) {
        post({ type: 'error', message: `Understudy could not read that request (${parsed.error.issues[0]?.message ?? 'invalid'}).` });
        return;
      }
      handle(parsed.data).catch((error: unknown) => post({ type: 'error', message: messageOf(error) }));
    });
  }

  return {
    serve,

    /** Content script, after the creator's own click: a session for this comment. */
    async open(comment: CommentContext, tabId: number, frameId: number): Promise<{ sessionId: string }> {
      const session = await sessions.open(comment, tabId, frameId);
      return { sessionId: session.id };
    },

    /**
     * Content script: a reply with this text appeared under the session's comment after an
     * Insert. Learned from only when it is still the inserted draft, once.
     */
    async posted(sessionId: string, tabId: number, text: string): Promise<{ recorded: boolean }> {
      const session = await sessions.get(sessionId);
      if (!session || session.tabId !== tabId || session.sent) return { recorded: false };
      if (!postedIsTheInsertedDraft(session.inserted, text)) return { recorded: false };
      const { recorded } = await deps.sent(reportOf(session, text), 'seen');
      await sessions.update(session.id, { sent: true });
      notify(sessionId, { type: 'sent', via: 'seen', recorded });
      return { recorded };
    },

    /** Content script: the comment left the page. Keep what the editor held, in the queue. */
    async gone(sessionId: string, tabId: number): Promise<{ queued: boolean }> {
      const session = await sessions.get(sessionId);
      if (!session || session.tabId !== tabId) return { queued: false };
      clearTimeout(pendingSaves.get(sessionId)?.timer);
      pendingSaves.delete(sessionId);
      const text = session.text?.trim() ?? '';
      const queued = !session.sent && text.length > 0;
      if (queued) await deps.queue(reportOf(session, text));
      notify(sessionId, { type: 'gone', queued });
      attached.get(sessionId)?.disconnect();
      attached.delete(sessionId);
      await sessions.close(sessionId);
      return { queued };
    },

    /**
     * Content script: the session's comment now says something else (its author edited it).
     * Only the same comment on the same page may be updated; a node the site reused for
     * another comment is reported as gone instead.
     */
    async edited(sessionId: string, tabId: number, comment: CommentContext): Promise<{ updated: boolean }> {
      const session = await sessions.get(sessionId);
      if (!session || session.tabId !== tabId || session.sent) return { updated: false };
      if (session.comment.site !== comment.site || session.comment.commentId !== comment.commentId) return { updated: false };
      if (session.comment.text === comment.text) return { updated: false };
      const next = await sessions.replaceComment(sessionId, comment);
      if (next) notify(sessionId, { type: 'commentEdited', session: await guardedView(next) });
      return { updated: next !== undefined };
    },

    /**
     * The browser started again after it closed or crashed with editors open: what each editor
     * held goes to the queue, as when its comment left the page (a draft already inserted or
     * sent is in memory as such). Their tabs are gone, so every session goes.
     */
    async recover(): Promise<{ queued: number }> {
      let queued = 0;
      for (const session of await sessions.takeAll()) {
        const text = session.text?.trim() ?? '';
        if (session.sent || session.inserted !== undefined || text.length === 0) continue;
        await deps.queue(reportOf(session, text));
        queued += 1;
      }
      return { queued };
    },

    /** The tab closed: edits still waiting are written to the queue, then its sessions go. */
    async closeTab(tabId: number): Promise<void> {
      const ofTab = [...pendingSaves].filter(([, pending]) => pending.tabId === tabId).map(([id]) => id);
      await Promise.all(ofTab.map((id) => flushSave(id)));
      await sessions.closeTab(tabId);
    },
  };
}

export type EditorService = ReturnType<typeof createEditorService>;
