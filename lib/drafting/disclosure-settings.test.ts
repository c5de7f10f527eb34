import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disclosureItem, withDisclosureOn, withNoteFor, withoutNoteFor } from './disclosure-settings';

beforeEach(() => fakeBrowser.reset());

describe('the AI-assisted note at Insert and in learning', () => {
  it('goes into the reply only on the platforms the creator picked', async () => {
    await disclosureItem.setValue(withDisclosureOn({ text: '(AI-assisted)', sites: {} }, 'x', true));
    expect(await withNoteFor('x', 'Thanks!')).toBe('Thanks!\n(AI-assisted)');
    expect(await withNoteFor('youtube', 'Thanks!')).toBe('Thanks!');
  });

  it('is taken off what the creator posted before it is compared and learned', async () => {
    await disclosureItem.setValue(withDisclosureOn({ text: '(AI-assisted)', sites: {} }, 'x', true));
    expect(await withoutNoteFor('x', 'Thanks, edited!\n(AI-assisted)')).toBe('Thanks, edited!');
    expect(await withoutNoteFor(undefined, 'Thanks!\n(AI-assisted)')).toBe('Thanks!\n(AI-assisted)');
  });
});
