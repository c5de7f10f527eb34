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
