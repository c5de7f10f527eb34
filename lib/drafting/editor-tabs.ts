/**
 * The browser side of editor sessions: where they persist (session storage: the extension's own
 * contexts only, cleared when the browser closes) and how an Insert reaches the tab and frame
 * whose content script opened the session.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { InsertOutcome } from '../messaging/editor-protocol';
import type { EditorSession } from './editor-sessions';

// Local, not session, storage: an editor open when the browser closed or crashed is recovered
// into the queue at the next start (editor-service.ts recover).
export const editorSessionsItem = storage.defineItem<EditorSession[]>('local:editor.sessions');

export async function insertInTab(session: EditorSession, text: string): Promise<InsertOutcome> {
  try {
    const outcome = (await browser.tabs.sendMessage(
      session.tabId,
      { type: 'editor.insert', sessionId: session.id, text },
      { frameId: session.frameId },
    )) as InsertOutcome | undefined;
    return outcome ?? { ok: false, reason: 'The page did not answer. Reload it and try again.' };
  } catch {
    return { ok: false, reason: 'The page this draft belongs to was closed or reloaded. Use Copy, or Queue it.' };
  }
}
