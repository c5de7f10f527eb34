/**
 * The toolbar button opens the review desk, wherever this browser shows it: Chrome's side panel
 * (the browser opens it itself once told to, `sidePanel.setPanelBehavior`) or Firefox's sidebar
 * (`sidebar_action`, which WXT writes for the sidepanel entrypoint; Firefox has no such
 * behaviour setting, so the button's click toggles it). Browser detection by the API present,
 * not by user agent: each branch uses only what it found.
 */

export interface ToolbarApis {
  /** chrome.sidePanel (Chrome 116+). */
  sidePanel?: { setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void> };
  /** browser.sidebarAction (Firefox). `toggle` since Firefox 73; `open` is the older fallback. */
  sidebarAction?: { open(): Promise<void>; toggle?(): Promise<void> };
  /** browser.action: its click is a user action, the only moment Firefox lets a sidebar open. */
  action?: { onClicked: { addListener(listener: () => void): void } };
}

export type ToolbarWiring = 'side panel' | 'sidebar' | 'none';

export function wireToolbarToDesk(apis: ToolbarApis): ToolbarWiring {
  if (apis.sidePanel) {
    apis.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return 'side panel';
  }
  const sidebar = apis.sidebarAction;
  if (sidebar && apis.action) {
    // Called straight from the click, with nothing awaited first, or Firefox refuses it.
    apis.action.onClicked.addListener(() => void (sidebar.toggle ? sidebar.toggle() : sidebar.open()).catch(() => {}));
    return 'sidebar';
  }
  return 'none';
}
