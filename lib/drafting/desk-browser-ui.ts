/**
 * The keyboard command (default Alt+Shift+D) and the context-menu item "Draft a reply to this"
 * (desk-shortcuts.ts), in the background. Both come from the browser's own UI, which a page can't
 * reach: pressing the keys in a page or dispatching a contextmenu event there only reaches the
 * page. The background then asks the tab's content script (a page command) to open the editor of
 * the comment in focus, under the pointer, or holding the selection, as the creator's own click
 * on its Draft reply would (lib/inline/desk-commands.ts); the page says so when there is none.
 */
import { browser } from 'wxt/browser';
import {
  DRAFT_HERE_COMMAND,
  DRAFT_SELECTION_MENU_ID,
  DRAFT_SELECTION_MENU_PATTERNS,
  DRAFT_SELECTION_MENU_TITLE,
} from './desk-shortcuts';

type OpenCommand = 'page.draftHere' | 'page.draftSelection';

export interface DeskBrowserUiDeps {
  /** Sends the page command to the tab's top frame; throws when no content script answers. */
  send(tabId: number, type: OpenCommand): Promise<{ opened: boolean }>;
  /** The tab in front of the last focused window, when the browser didn't say which. */
  activeTab(): Promise<{ id?: number } | undefined>;
  log?(message: string, error?: unknown): void;
}

interface TabRef {
  id?: number;
}

export function createDeskBrowserUi(deps: DeskBrowserUiDeps) {
  async function openIn(tab: TabRef | undefined, type: OpenCommand): Promise<boolean> {
    const tabId = tab?.id ?? (await deps.activeTab())?.id;
    if (tabId === undefined) return false;
    try {
      return (await deps.send(tabId, type)).opened;
    } catch (error) {
      // Not a supported page, its site switched off, or a page opened before Understudy was
      // installed: nothing there can draft, and the browser's UI has nowhere to say it.
      deps.log?.(`${type} found no Understudy page in the tab`, error);
      return false;
    }
  }

  return {
    /** commands.onCommand: the keyboard command. Resolves to whether an editor opened. */
    onCommand(command: string, tab?: TabRef): Promise<boolean> {
      if (command !== DRAFT_HERE_COMMAND) return Promise.resolve(false);
      return openIn(tab, 'page.draftHere');
    },
    /** contextMenus.onClicked: "Draft a reply to this" on selected text. */
    onMenuClick(info: { menuItemId: string | number }, tab?: TabRef): Promise<boolean> {
      if (info.menuItemId !== DRAFT_SELECTION_MENU_ID) return Promise.resolve(false);
      return openIn(tab, 'page.draftSelection');
    },
  };
}

/** The context-menu item, on selected text of the supported sites' pages only. */
export async function createDraftMenu(): Promise<void> {
  // Menus outlive the worker; on an update the old item is still there under the same id.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: DRAFT_SELECTION_MENU_ID,
    title: DRAFT_SELECTION_MENU_TITLE,
    contexts: ['selection'],
    documentUrlPatterns: [...DRAFT_SELECTION_MENU_PATTERNS],
  });
}

/** Wires the command and the menu to the browser (background start). */
export function serveDeskBrowserUi(deps: DeskBrowserUiDeps): ReturnType<typeof createDeskBrowserUi> {
  const ui = createDeskBrowserUi(deps);
  browser.commands.onCommand.addListener((command, tab) => void ui.onCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => void ui.onMenuClick(info, tab));
  browser.runtime.onInstalled.addListener(() => void createDraftMenu().catch((error: unknown) => deps.log?.('context menu', error)));
  return ui;
}
