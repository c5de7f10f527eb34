/**
 * The review desk's hooks into the browser (issue 14), started once by the background: Open &
 * insert (desk-insert.ts), the toolbar badge counting drafts waiting (waiting-badge.ts), the
 * keyboard command and the context menu (desk-browser-ui.ts). Wiring only: each decision lives
 * in those modules.
 */
import { browser } from 'wxt/browser';
import type { UnderstudyDB } from '../memory/db';
import { getDraft } from '../memory/drafts-repo';
import { PageSilentError, sendPageCommand } from '../messaging/page-command-client';
import { showWaitingCount } from '../site-status/waiting-badge';
import { withNoteFor } from './disclosure-settings';
import { insertWithVoice } from './draft-records';
import { createDeskInsert } from './desk-insert';
import { serveDeskBrowserUi } from './desk-browser-ui';
import type { EditorSessions } from './editor-sessions';

export function startDeskIntegration(options: { db: UnderstudyDB; sessions: EditorSessions; log?(message: string, error?: unknown): void }) {
  const { db, sessions, log } = options;

  showWaitingCount(db, browser.action);

  serveDeskBrowserUi({
    send: (tabId, type) => sendPageCommand(tabId, type, {}),
    activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
    ...(log ? { log } : {}),
  });

  const insert = createDeskInsert({
    getDraft: (id) => getDraft(db, id),
    tabs: {
      query: (query) => browser.tabs.query(query),
      update: (tabId, change) => browser.tabs.update(tabId, change),
      create: (create) => browser.tabs.create(create),
    },
    windows: {
      getLastFocused: () => browser.windows.getLastFocused(),
      update: (windowId, change) => browser.windows.update(windowId, change),
    },
    sessions,
    sendInsert: (tabId, payload) => sendPageCommand(tabId, 'page.insert', payload),
    // No content script yet, or one still starting (another listener answered nothing).
    noReceiver: (error) => error instanceof PageSilentError,
    withNote: withNoteFor,
    inserted: (report) => insertWithVoice(db, report),
  });

  return { insert };
}
