import { wireToolbarToDesk, type ToolbarApis } from './toolbar-opens-desk';

function firefoxApis(withToggle = true) {
  const clicks: (() => void)[] = [];
  const sidebarAction = {
    open: vi.fn(async () => {}),
    ...(withToggle ? { toggle: vi.fn(async () => {}) } : {}),
  };
  const apis: ToolbarApis = { sidebarAction, action: { onClicked: { addListener: (listener) => void clicks.push(listener) } } };
  return { apis, sidebarAction, click: () => clicks.forEach((listener) => listener()) };
}

describe('the toolbar button opens the review desk', () => {
  it('on Chrome, asks the browser to open the side panel on a click', () => {
    const setPanelBehavior = vi.fn(async () => {});
    const onClicked = { addListener: vi.fn() };
    expect(wireToolbarToDesk({ sidePanel: { setPanelBehavior }, action: { onClicked } })).toBe('side panel');
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    // The browser does it; a click handler of ours would fight it.
    expect(onClicked.addListener).not.toHaveBeenCalled();
  });

  it('on Firefox, toggles the sidebar right inside the button’s click (the only moment Firefox allows it), and not before', () => {
    const { apis, sidebarAction, click } = firefoxApis();
    expect(wireToolbarToDesk(apis)).toBe('sidebar');
    expect(sidebarAction.toggle).not.toHaveBeenCalled();
    click();
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
  });

  it('opens the sidebar on a Firefox without toggle', () => {
    const { apis, sidebarAction, click } = firefoxApis(false);
    wireToolbarToDesk(apis);
    click();
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
  });

  it('leaves a browser with neither API alone', () => {
    expect(wireToolbarToDesk({})).toBe('none');
  });

  it('keeps working when the browser refuses to open the sidebar', async () => {
    const { apis, sidebarAction, click } = firefoxApis();
    sidebarAction.toggle!.mockRejectedValueOnce(new Error('sidebarAction.toggle may only be called from a user input handler'));
    wireToolbarToDesk(apis);
    click();
    await Promise.resolve();
    click();
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(2);
  });
});
