/**
 * Editor sessions: one per "Draft reply" the creator opened. The content script opens one for a
 * comment (after the creator's own click); the isolated editor frame attaches to it by an id
 * the page never sees. A session remembers what the editor shows (the draft, the creator's
 * edits, whether it was inserted or sent), so the editor picks up where it was after the
 * background service worker restarts, and so the background, not the page, decides what a
 * reply seen on the page may teach.
 *
 * Kept in the extension's local storage (its own contexts only): the service worker may stop at
 * any moment between two clicks, and the browser may close or crash with an editor open, whose
 * draft then goes to the queue when the browser starts again (editor-service.ts recover).
 */
import type { CommentContext, DraftResult } from '../core/draft';
import { MAX_EDITOR_SESSIONS } from '../core/limits';

export interface EditorSession {
  id: string;
  tabId: number;
  /** The frame of the content script that opened it: where Insert is carried out. */
  frameId: number;
  comment: CommentContext;
  createdAt: number;
  /** The last draft an engine wrote for it. */
  result?: DraftResult;
  /** What the editor holds now (the draft, or the creator's edit of it). */
  text?: string;
  /** The creator changed the draft by hand. */
  edited: boolean;
  /** What was put into the site's reply box, when the creator pressed Insert. */
  inserted?: string;
  sent: boolean;
}

/** Where sessions persist; browser.storage.session in the extension, a Map in tests. */
export interface SessionStorageLike {
  get(): Promise<EditorSession[] | null>;
  set(sessions: EditorSession[]): Promise<void>;
}

export function createEditorSessions(storage: SessionStorageLike, now: () => number = Date.now) {
  let loaded: Promise<Map<string, EditorSession>> | undefined;
  // One write at a time, and at most one more queued behind it, which takes the sessions as they
  // are when it starts: a creator typing sends an update per keystroke, and each would otherwise
  // rewrite every session (comments up to 40,000 characters) to session storage.
  let writing: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;

  function all(): Promise<Map<string, EditorSession>> {
    loaded ??= storage
      .get()
      .catch(() => null)
      .then((list) => new Map((list ?? []).map((s) => [s.id, s] as const)));
    return loaded;
  }

  function persist(map: Map<string, EditorSession>): Promise<void> {
    queued ??= writing.then(() => {
      queued = undefined;
      return storage.set([...map.values()]).catch(() => {
        // Session storage full or gone: the sessions still work until the worker stops.
      });
    });
    writing = queued;
    return queued;
  }

  return {
    async open(comment: CommentContext, tabId: number, frameId: number): Promise<EditorSession> {
      const map = await all();
      const session: EditorSession = {
        id: crypto.randomUUID(),
        tabId,
        frameId,
        comment,
        createdAt: now(),
        edited: false,
        sent: false,
      };
      map.set(session.id, session);
      // Oldest first in insertion order: drop the oldest beyond the cap.
      for (const id of map.keys()) {
        if (map.size <= MAX_EDITOR_SESSIONS) break;
        map.delete(id);
      }
      await persist(map);
      return session;
    },
    async get(id: string): Promise<EditorSession | undefined> {
      return (await all()).get(id);
    },
    async update(id: string, patch: Partial<Omit<EditorSession, 'id' | 'tabId' | 'frameId' | 'comment'>>) {
      const map = await all();
      const session = map.get(id);
      if (!session) return undefined;
      const next = { ...session, ...patch };
      map.set(id, next);
      await persist(map);
      return next;
    },
    /** The comment was edited on the page: the session answers its new text from now on. */
    async replaceComment(id: string, comment: CommentContext): Promise<EditorSession | undefined> {
      const map = await all();
      const session = map.get(id);
      if (!session) return undefined;
      const next = { ...session, comment };
      map.set(id, next);
      await persist(map);
      return next;
    },
    async close(id: string): Promise<void> {
      const map = await all();
      if (map.delete(id)) await persist(map);
    },
    /** Every session, and none kept: after a browser restart, no tab they belonged to exists. */
    async takeAll(): Promise<EditorSession[]> {
      const map = await all();
      const taken = [...map.values()];
      map.clear();
      if (taken.length > 0) await persist(map);
      return taken;
    },
    /** The tab closed: its sessions go (an edited draft is already in the queue). */
    async closeTab(tabId: number): Promise<void> {
      const map = await all();
      let changed = false;
      for (const [id, session] of map) {
        if (session.tabId === tabId) {
          map.delete(id);
          changed = true;
        }
      }
      if (changed) await persist(map);
    },
  };
}

export type EditorSessions = ReturnType<typeof createEditorSessions>;
