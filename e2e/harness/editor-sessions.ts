/**
 * The editor sessions the background holds for open editors (lib/drafting/editor-tabs.ts keeps
 * them in the extension's local storage, so a draft open when the browser dies is recovered), as
 * the service worker reads them. Tests read what the background decided, never the page.
 */
import type { Session } from './launch';

export interface StoredEditorSession {
  comment: { text: string; author: string };
  createdAt?: number;
}

export async function editorSessions(session: Session): Promise<StoredEditorSession[]> {
  return session.serviceWorker.evaluate(async () => {
    type Area = { get(key: string): Promise<Record<string, unknown>> };
    const area = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
    return ((await area.get('editor.sessions'))['editor.sessions'] as StoredEditorSession[] | undefined) ?? [];
  });
}
