/** Options → AI-assisted replies: the note per platform, off by default, and the log's export. */
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_DISCLOSURE } from '@/lib/core/disclosure';
import { disclosureItem, noteFor } from '@/lib/drafting/disclosure-settings';
import { DisclosureSettings } from './DisclosureSettings';
import { mount, until, type Mounted } from './test-render';

let view: Mounted;
beforeEach(() => {
  fakeBrowser.reset();
  view = mount();
});
afterEach(() => view.unmount());

const switchFor = (name: string) =>
  [...view.container.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((input) => input.closest('label')?.textContent?.trim() === name)!;

describe('Options → AI-assisted replies', () => {
  it('adds the note nowhere until the creator picks a platform, then only there', async () => {
    view.render(<DisclosureSettings />);
    await until(() => expect(switchFor('AI-assisted note on X').disabled).toBe(false));
    expect(noteFor(await disclosureItem.getValue(), 'x')).toBeUndefined();
    act(() => switchFor('AI-assisted note on X').click());
    await until(async () => expect(noteFor(await disclosureItem.getValue(), 'x')).toBe(DEFAULT_DISCLOSURE));
    expect(noteFor(await disclosureItem.getValue(), 'youtube')).toBeUndefined();
  });

  it('keeps the note in the creator’s own words', async () => {
    view.render(<DisclosureSettings />);
    const noteBox = () => view.container.querySelector<HTMLInputElement>('input[type="text"]')!;
    await until(() => expect(noteBox().disabled).toBe(false));
    const input = noteBox();
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, '(written with help from AI)');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(async () => expect((await disclosureItem.getValue()).text).toBe('(written with help from AI)'));
  });
});
