/** Options → Sites: a switch per site, on by default, stored as a WXT storage item. */
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SITE_NAMES } from '@/lib/core/sites';
import { siteSwitchesItem } from '@/lib/site-status/switches';
import { SiteSwitches } from './SiteSwitches';
import { mount, until, type Mounted } from './test-render';

let view: Mounted;
beforeEach(() => {
  fakeBrowser.reset();
  view = mount();
});
afterEach(() => view.unmount());

// The sites' own switches (the Direct messages group below them has its own test file).
const switches = () => [
  ...view.container.querySelectorAll<HTMLInputElement>('ul[aria-label="Sites Understudy works on"] input[role="switch"]'),
];
const switchFor = (name: string) =>
  switches().find((input) => input.closest('label')?.textContent?.trim() === name)!;

describe('Options → Sites', () => {
  it('lists the nine sites by name, every one switched on at first', async () => {
    view.render(<SiteSwitches />);
    await until(() => expect(switches().every((input) => !input.disabled)).toBe(true));
    expect(switches().map((input) => input.closest('label')?.textContent?.trim())).toEqual(Object.values(SITE_NAMES));
    expect(switches().every((input) => input.checked && input.getAttribute('aria-checked') === 'true')).toBe(true);
  });

  it('switching a site off stores it, and only it; switching it on again forgets it', async () => {
    view.render(<SiteSwitches />);
    await until(() => expect(switchFor('Instagram').disabled).toBe(false));
    act(() => switchFor('Instagram').click());
    await until(() => expect(switchFor('Instagram').checked).toBe(false));
    expect(await siteSwitchesItem.getValue()).toEqual({ instagram: false });
    expect(switchFor('YouTube').checked).toBe(true);

    act(() => switchFor('Instagram').click());
    await until(() => expect(switchFor('Instagram').checked).toBe(true));
    expect(await siteSwitchesItem.getValue()).toEqual({});
  });

  it('shows a site switched off elsewhere (another Options tab) as off', async () => {
    await siteSwitchesItem.setValue({ reddit: false });
    view.render(<SiteSwitches />);
    await until(() => expect(switchFor('Reddit').checked).toBe(false));
    await act(() => siteSwitchesItem.setValue({}));
    await until(() => expect(switchFor('Reddit').checked).toBe(true));
  });
});
