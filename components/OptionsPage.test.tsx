/**
 * Options as a whole (happy-dom, the real Dexie database on fake-indexeddb): what the creator
 * sees after importing, exporting and then deleting everything.
 */
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { getDb } from '@/lib/memory/db';
import { OptionsPage } from './OptionsPage';
import { byText, mount, until, type Mounted } from './test-render';

let view: Mounted;

beforeEach(async () => {
  window.location.hash = '';
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  view = mount();
});

afterEach(() => view.unmount());

function chooseFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const sampleProfile = () =>
  new File([readFileSync('public/samples/sample-profile.json')], 'sample-profile.json', { type: 'application/json' });

describe('Options after Delete everything', () => {
  it('no longer shows the "Imported …" and "Exported …" messages beside the empty memory', async () => {
    view.render(<OptionsPage />);
    const { container } = view;
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    chooseFile(input, sampleProfile());
    await until(() => expect(byText(container, 'button', 'Import')).toBeDefined());
    act(() => byText(container, 'button', 'Import')!.click());
    await until(() => expect(container.textContent).toContain('Imported sample-profile.json'));

    const exportButton = () => byText(container, 'button', 'Export memory as a style profile') as HTMLButtonElement;
    await until(() => expect(exportButton().disabled).toBe(false));
    act(() => exportButton().click());
    await until(() => expect(container.textContent).toMatch(/Exported .+\.json\./));

    act(() => byText(container, 'button', 'Delete everything…')!.click());
    act(() => byText(container, 'button', 'Yes, delete everything')!.click());
    await until(() => expect(container.textContent).toContain('Everything was deleted'));
    await until(() => expect(container.textContent).toContain('No style profile imported yet.'));

    expect(container.textContent).not.toContain('Imported sample-profile.json');
    expect(container.textContent).not.toMatch(/Exported .+\.json/);
    expect(byText(container, '[role="status"]', 'Everything was deleted: profile, facts, replies and drafts.')).toBeDefined();
  });
});

describe('Options in sections', () => {
  const nav = () => view.container.querySelector<HTMLElement>('nav[aria-label="Options sections"]')!;
  const link = (name: string) => byText(nav(), 'a', name)!;
  const shown = () =>
    [...view.container.querySelectorAll<HTMLElement>('[data-section]')].filter((el) => !el.hidden).map((el) => el.dataset.section);

  it('opens on Profile & memory, with the import input and the four sections in a labelled nav', () => {
    view.render(<OptionsPage />);
    expect([...nav().querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Profile & memory', 'Sites', 'Model', 'Privacy']);
    expect(shown()).toEqual(['profile']);
    expect(link('Profile & memory').getAttribute('aria-current')).toBe('page');
    expect(link('Model').hasAttribute('aria-current')).toBe(false);
    const input = view.container.querySelector<HTMLInputElement>('[data-section="profile"] input[type="file"]')!;
    const label = view.container.querySelector(`label[for="${input.id}"]`)?.textContent ?? input.getAttribute('aria-label');
    expect(label).toContain('Import style profile');
  });

  it('opens the section the address names, so options.html#model lands on Model', () => {
    window.location.hash = '#model';
    view.render(<OptionsPage />);
    expect(shown()).toEqual(['model']);
    expect(link('Model').getAttribute('aria-current')).toBe('page');
    expect(view.container.querySelector('[data-section="model"]')!.textContent).toContain('What writes your drafts');
  });

  it('shows the section a nav link names and moves focus into it', () => {
    view.render(<OptionsPage />);
    act(() => link('Sites').click());
    expect(shown()).toEqual(['sites']);
    expect(link('Sites').getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(view.container.querySelector('[data-section="sites"]'));
    expect(link('Sites').getAttribute('href')).toBe('#sites');
  });

  it('follows the hash when it changes (Back and Forward), and an unknown hash opens the first section', () => {
    view.render(<OptionsPage />);
    act(() => {
      window.location.hash = '#privacy';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(shown()).toEqual(['privacy']);
    act(() => {
      window.location.hash = '#nowhere';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(shown()).toEqual(['profile']);
  });
});
