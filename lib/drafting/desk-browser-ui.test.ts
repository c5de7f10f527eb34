import { describe, expect, it, vi } from 'vitest';
import { createDeskBrowserUi } from './desk-browser-ui';
import { DRAFT_HERE_COMMAND, DRAFT_SELECTION_MENU_ID } from './desk-shortcuts';

function setup(options: { opened?: boolean; fails?: boolean } = {}) {
  const send = vi.fn(async () => {
    if (options.fails) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { opened: options.opened ?? true };
  });
  const activeTab = vi.fn(async () => ({ id: 31 }));
  return { ui: createDeskBrowserUi({ send, activeTab }), send, activeTab };
}

describe('the keyboard command and the context menu in the background', () => {
  it('sends "draft the comment in focus" to the tab the shortcut was pressed in', async () => {
    const { ui, send } = setup();
    expect(await ui.onCommand(DRAFT_HERE_COMMAND, { id: 12 })).toBe(true);
    expect(send).toHaveBeenCalledWith(12, 'page.draftHere');
  });

  it('falls back to the tab in front when the browser does not say which', async () => {
    const { ui, send } = setup();
    await ui.onCommand(DRAFT_HERE_COMMAND);
    expect(send).toHaveBeenCalledWith(31, 'page.draftHere');
  });

  it('sends "draft the comment holding the selection" for the menu item, and ignores other commands and items', async () => {
    const { ui, send } = setup();
    expect(await ui.onMenuClick({ menuItemId: DRAFT_SELECTION_MENU_ID }, { id: 12 })).toBe(true);
    expect(send).toHaveBeenCalledWith(12, 'page.draftSelection');
    send.mockClear();
    expect(await ui.onCommand('_execute_action', { id: 12 })).toBe(false);
    expect(await ui.onMenuClick({ menuItemId: 'something-else' }, { id: 12 })).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  it('opens nothing on a tab without an Understudy page (no content script answers)', async () => {
    const { ui } = setup({ fails: true });
    expect(await ui.onCommand(DRAFT_HERE_COMMAND, { id: 12 })).toBe(false);
  });
});
