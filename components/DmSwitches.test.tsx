/**
 * Options → Sites → Direct messages: a switch per DM site, off at first; the first one turned on
 * asks first (a dialog saying what is read and kept), then never again.
 */
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dmExplainedItem, dmSwitchesItem, siteSwitchesItem } from '@/lib/site-status/switches';
import { SiteSwitches } from './SiteSwitches';
import { byText, mount, until, type Mounted } from './test-render';

let view: Mounted;
beforeEach(() => {
  fakeBrowser.reset();
  view = mount();
});
afterEach(() => view.unmount());

/** An input's accessible name: the text of the label around it. */
const nameOf = (input: HTMLInputElement) => input.closest('label')?.textContent?.trim();
const dmGroup = () =>
  [...view.container.querySelectorAll<HTMLElement>('[role="group"]')].find(
    (group) => document.getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent === 'Direct messages',
  );
const dmSwitches = () => [...(dmGroup()?.querySelectorAll<HTMLInputElement>('input[role="switch"]') ?? [])];
const dmSwitch = (name: string) => dmSwitches().find((input) => nameOf(input) === name)!;
const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');
const press = (text: string) => act(() => byText(dialog()!, 'button', text)!.click());

async function ready() {
  view.render(<SiteSwitches />);
  await until(() => expect(dmSwitch('Direct messages on X').disabled).toBe(false));
}

describe('Options → Sites → Direct messages', () => {
  it('has a switch per site whose DMs Understudy reads, named "Direct messages on <Site>", every one off', async () => {
    await ready();
    expect(dmSwitches().map(nameOf)).toEqual([
      'Direct messages on Instagram',
      'Direct messages on X',
      'Direct messages on LinkedIn',
      'Direct messages on Facebook',
      'Direct messages on TikTok',
    ]);
    expect(dmSwitches().every((input) => !input.checked && input.getAttribute('aria-checked') === 'false')).toBe(true);
    expect(dmGroup()?.closest('section')?.querySelector('h2')?.textContent).toBe('Sites');
  });

  it('the first time one is turned on, explains what is read and kept, and turns it on only after "Turn on"', async () => {
    await ready();
    act(() => {
      // As a real click does: the switch takes focus, then changes.
      dmSwitch('Direct messages on X').focus();
      dmSwitch('Direct messages on X').click();
    });

    const box = dialog()!;
    expect(box).not.toBeNull();
    expect(box.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-labelledby')!)?.textContent).toBe('Turn on direct messages on X?');
    const body = document.getElementById(box.getAttribute('aria-describedby')!)!.textContent!;
    expect(body).toContain('only when you press Draft reply');
    expect(body).toContain('latest messages');
    expect(body).toContain('the draft, the messages it answered');
    expect(body).toContain('The rest of the conversation is not kept');
    expect(body).toContain('Nothing leaves this computer');
    expect(body).toContain('nothing is ever sent for you');
    // Focus is in the dialog; the switch waits for the answer.
    expect(box.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe('Turn on');
    expect(dmSwitch('Direct messages on X').checked).toBe(false);

    press('Turn on');
    await until(() => expect(dmSwitch('Direct messages on X').checked).toBe(true));
    expect(dialog()).toBeNull();
    expect(await dmSwitchesItem.getValue()).toEqual({ x: true });
    expect(await dmExplainedItem.getValue()).toBe(true);
    // Focus goes back to the switch that opened it.
    expect(document.activeElement).toBe(dmSwitch('Direct messages on X'));

    // Shown once: the next site turns on at once, and off needs no question either.
    act(() => dmSwitch('Direct messages on LinkedIn').click());
    expect(dialog()).toBeNull();
    await until(() => expect(dmSwitch('Direct messages on LinkedIn').checked).toBe(true));
    act(() => dmSwitch('Direct messages on X').click());
    await until(() => expect(dmSwitch('Direct messages on X').checked).toBe(false));
    expect(await dmSwitchesItem.getValue()).toEqual({ linkedin: true });
  });

  it('Cancel, or Escape, leaves the switch off and asks again next time', async () => {
    await ready();
    act(() => dmSwitch('Direct messages on Instagram').click());
    press('Cancel');
    expect(dialog()).toBeNull();
    expect(dmSwitch('Direct messages on Instagram').checked).toBe(false);

    act(() => dmSwitch('Direct messages on Instagram').click());
    const box = dialog()!;
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(dialog()).toBeNull();
    expect(box.isConnected).toBe(false);
    expect(dmSwitch('Direct messages on Instagram').checked).toBe(false);
    expect(await dmSwitchesItem.getValue()).toEqual({});
    expect(await dmExplainedItem.getValue()).toBe(false);

    act(() => dmSwitch('Direct messages on Instagram').click());
    expect(dialog()).not.toBeNull();
  });

  it('keeps Tab inside the dialog', async () => {
    await ready();
    act(() => dmSwitch('Direct messages on Facebook').click());
    const [turnOn, cancel] = [...dialog()!.querySelectorAll('button')];
    act(() => cancel!.focus());
    act(() => {
      cancel!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(turnOn);
    act(() => {
      turnOn!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(cancel);
  });

  it('shows a site whose comments are switched off with its DM switch off and disabled, saying why', async () => {
    await dmExplainedItem.setValue(true);
    await dmSwitchesItem.setValue({ instagram: true, x: true });
    await siteSwitchesItem.setValue({ instagram: false });
    view.render(<SiteSwitches />);
    await until(() => expect(dmSwitch('Direct messages on X').checked).toBe(true));

    const instagram = dmSwitch('Direct messages on Instagram');
    expect(instagram.disabled).toBe(true);
    expect(instagram.checked).toBe(false);
    const reason = document.getElementById(instagram.getAttribute('aria-describedby')!);
    expect(reason?.textContent).toBe('Instagram is switched off above, so nothing there is read.');
    // The name stays exactly the stable one; the reason is a description.
    expect(nameOf(instagram)).toBe('Direct messages on Instagram');

    // Turning Instagram back on brings its DMs back as the creator left them.
    await act(() => siteSwitchesItem.setValue({}));
    await until(() => expect(dmSwitch('Direct messages on Instagram').disabled).toBe(false));
    expect(dmSwitch('Direct messages on Instagram').checked).toBe(true);
    expect(dmSwitch('Direct messages on Instagram').hasAttribute('aria-describedby')).toBe(false);
  });

  it('follows a change made in another Options tab', async () => {
    await dmExplainedItem.setValue(true);
    await ready();
    await act(() => dmSwitchesItem.setValue({ facebook: true }));
    await until(() => expect(dmSwitch('Direct messages on Facebook').checked).toBe(true));
  });
});
