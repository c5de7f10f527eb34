/**
 * The import part of Options (happy-dom, the real Dexie database on fake-indexeddb): a preview
 * with the counts before anything is written, Import and Cancel, the question a DM export without
 * an account file needs, and the outcome announced.
 */
import { act } from 'react';
import { getDb } from '@/lib/memory/db';
import { countExamples } from '@/lib/memory/examples-repo';
import { IMPORTERS } from '@/lib/imports/registry';
import type { ImportedReply, Importer, ImportResult } from '@/lib/imports/types';
import { ImportProfile } from './ImportProfile';
import { ImportSources } from './ImportSources';
import { byText, mount, until, type Mounted } from './test-render';

/** A test format: "dms.json" = { dmTest: true, me?, messages: [{ from, text }] }, each of mine answering the one before. */
const dmImporter: Importer = {
  id: 'dm-test',
  label: 'Test DMs',
  async detect(files) {
    return files.some((f) => f.path.endsWith('dms.json'));
  },
  async parse(files, options): Promise<ImportResult> {
    const data = JSON.parse(await files[0]!.text()) as { me?: string; messages: { from: string; text: string }[] };
    const me = data.me ?? options?.creator;
    if (!me) return { format: 'dm-test', replies: [], skipped: {}, warnings: [], needsCreator: { candidates: [...new Set(data.messages.map((m) => m.from))] } };
    const replies: ImportedReply[] = [];
    data.messages.forEach((m, i) => {
      if (m.from !== me) return;
      const before = data.messages[i - 1];
      replies.push({ reply: m.text, platform: 'instagram', kind: 'dm', date: Date.UTC(2024, 0, i + 1), ...(before && before.from !== me ? { incoming: before.text } : {}) });
    });
    return { format: 'dm-test', replies, skipped: { 'media-only messages': 1 }, warnings: [] };
  },
};

const MESSAGES = [
  { from: 'sam', text: 'Is the kit back?' },
  { from: 'maya', text: 'Yes! Ships Monday.' },
  { from: 'sam', text: 'Yay' },
  { from: 'maya', text: 'Enjoy it!' },
];

const registered = IMPORTERS.slice();
let view: Mounted;

beforeEach(async () => {
  IMPORTERS.splice(0, IMPORTERS.length, dmImporter, ...registered);
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  view = mount();
});

afterEach(() => {
  view.unmount();
  IMPORTERS.splice(0, IMPORTERS.length, ...registered);
});

function choose(files: File[]) {
  const input = view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const dms = (me?: string) => new File([JSON.stringify({ me, messages: MESSAGES })], 'dms.json', { type: 'application/json' });
const preview = () => view.container.querySelector<HTMLElement>('section[aria-labelledby] section[aria-labelledby]');
const button = (name: string) => byText(view.container, 'button', name) as HTMLButtonElement | undefined;

describe('Importing in Options', () => {
  it('previews the counts before writing, then imports on Import and announces it', async () => {
    view.render(
      <>
        <ImportProfile />
        <ImportSources />
      </>,
    );
    const input = view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('');
    choose([dms('maya')]);

    await until(() => expect(preview()?.textContent).toContain('2 replies (2 with the message they answered) from Instagram, 2024.'));
    const region = preview()!;
    expect(region.querySelector('h3')?.textContent).toBe('Import preview');
    expect(region.textContent).toContain('1 media-only message left out.');
    expect(region.textContent).toContain('Yes! Ships Monday.');
    expect(await countExamples(getDb())).toBe(0);

    act(() => button('Import')!.click());
    await until(() =>
      expect(view.container.querySelector('[role="status"]')?.textContent).toBe(
        'Imported dms.json: 2 replies from Instagram (2 with the message they answered).',
      ),
    );
    expect(preview()).toBeNull();
    expect(await countExamples(getDb())).toBe(2);
    await until(() => expect(view.container.querySelector('[data-testid="source"]')?.textContent).toContain('2 replies (2 with the message they answered) · Instagram · from 2024'));
  });

  it('writes nothing on Cancel', async () => {
    view.render(<ImportProfile />);
    choose([dms('maya')]);
    await until(() => expect(preview()).not.toBeNull());
    act(() => button('Cancel')!.click());
    await until(() => expect(preview()).toBeNull());
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Nothing was imported from dms.json.');
    expect(await countExamples(getDb())).toBe(0);
  });

  it('asks "Which of these is you?" when the export does not say, and previews the pairs once told', async () => {
    view.render(<ImportProfile />);
    choose([dms()]);
    await until(() => expect(preview()?.textContent).toContain('Which of these is you?'));
    expect(preview()!.textContent).toContain('0 replies');
    const maya = view.container.querySelector<HTMLInputElement>('input[type="radio"][value="maya"]')!;
    act(() => maya.click());
    act(() => button("That's me")!.click());
    await until(() => expect(preview()?.textContent).toContain('2 replies (2 with the message they answered)'));
    expect(preview()!.textContent).not.toContain('Which of these is you?');
  });

  it('stops reading on Cancel while the files are read, and changes nothing', async () => {
    view.render(<ImportProfile />);
    choose([dms('maya')]);
    expect(view.container.querySelector('[data-testid="import-progress"]')?.textContent).toMatch(/^Reading dms\.json/);
    act(() => button('Cancel')!.click());
    await until(() => expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Stopped reading dms.json: nothing was changed.'));
    expect(preview()).toBeNull();
    expect(await countExamples(getDb())).toBe(0);
  });

  it('takes files dropped onto the import area, a dropped folder with the paths inside it', async () => {
    view.render(<ImportProfile />);
    const file = dms('maya');
    const folder = {
      isFile: false,
      isDirectory: true,
      fullPath: '/export',
      createReader() {
        let done = false;
        return {
          readEntries(resolve: (entries: unknown[]) => void) {
            resolve(done ? [] : [{ isFile: true, isDirectory: false, fullPath: '/export/inbox/dms.json', file: (ok: (f: File) => void) => ok(file) }]);
            done = true;
          },
        };
      },
    };
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [], items: [{ webkitGetAsEntry: () => folder }] } });
    act(() => {
      view.container.querySelector('.drop')!.dispatchEvent(drop);
    });
    await until(() => expect(preview()?.textContent).toContain('2 replies (2 with the message they answered) from Instagram'));
  });

  it('says which file it could not read, in an alert, and shows no preview', async () => {
    view.render(<ImportProfile />);
    choose([new File(['hello {'], 'notes.json')]);
    await until(() => expect(view.container.querySelector('[role="alert"]')?.textContent).toMatch(/^notes\.json is not JSON/));
    expect(preview()).toBeNull();
  });

  it('filters what the preview counts and what Import writes', async () => {
    view.render(<ImportProfile />);
    choose([dms('maya')]);
    await until(() => expect(preview()?.textContent).toContain('2 replies'));
    const minChars = [...view.container.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Leave out replies shorter'))!.querySelector('input')!;
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(minChars, '12');
      minChars.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => expect(preview()?.textContent).toContain('1 reply (1 with the message they answered)'));
    expect(preview()!.textContent).toContain('1 reply left out by your filters.');
    act(() => button('Import')!.click());
    await until(() => expect(view.container.querySelector('[role="status"]')?.textContent).toContain('Imported dms.json: 1 reply from Instagram'));
    expect(await countExamples(getDb())).toBe(1);
  });

  it('lists every problem of a refused profile in a numbered list with their count, not "and 4 more"', async () => {
    view.render(<ImportProfile />);
    const profile = { format: 'understudy.style-profile', version: 1, name: 'Maya', examples: Array.from({ length: 7 }, () => ({ reply: '' })) };
    choose([new File([JSON.stringify(profile)], 'p.json', { type: 'application/json' })]);
    await until(() => expect(view.container.querySelector('[role="alert"]')?.textContent).toMatch(/^p\.json: examples\[0\]\.reply — is empty/));
    const list = view.container.querySelector<HTMLElement>('[data-testid="import-problems"]')!;
    expect(list.getAttribute('aria-label')).toBe('7 problems in p.json');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(
      Array.from({ length: 7 }, (_, i) => `examples[${i}].reply — is empty`),
    );
    expect(preview()).toBeNull();
  });

  it('recognises a backup by its content, previews what it holds per table, and restores it on Import', async () => {
    const { exportBackup, serializeBackup } = await import('@/lib/profile/backup');
    const { addRepliesAsSource } = await import('@/lib/imports/add-source');
    const db = getDb();
    await addRepliesAsSource(db, [{ reply: 'Ships Monday!', incoming: 'When?', platform: 'instagram', kind: 'dm' }, { reply: 'Thanks!' }], { fileName: 'ig.zip', kind: 'export-import', now: 1 });
    await db.facts.add({ text: 'I bake sourdough.' });
    const text = serializeBackup(await exportBackup(db));
    await Promise.all(db.tables.map((t) => t.clear()));

    view.render(<ImportProfile />);
    // Named like a note, not a .json: the content says what it is.
    choose([new File([text], 'my-stuff.txt')]);
    await until(() => expect(preview()?.textContent).toContain("A backup of Understudy's memory: 2 replies, 1 fact, 0 contacts, 1 source and 0 drafts."));
    expect(preview()!.textContent).toContain('Memory here is empty: importing restores everything as it was.');
    expect(await countExamples(db)).toBe(0);
    act(() => button('Import')!.click());
    await until(() => expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Restored my-stuff.txt: 2 replies, 1 fact, 0 contacts, 1 source and 0 drafts.'));
    expect(await countExamples(db)).toBe(2);
  });

  it('refuses a truncated backup with an alert naming the file, and changes nothing', async () => {
    const { exportBackup, serializeBackup } = await import('@/lib/profile/backup');
    const db = getDb();
    await db.facts.add({ text: 'I bake sourdough.' });
    const text = serializeBackup(await exportBackup(db));
    view.render(<ImportProfile />);
    choose([new File([text.slice(0, 60)], 'backup.json')]);
    await until(() => expect(view.container.querySelector('[role="alert"]')?.textContent).toMatch(/^backup\.json is an Understudy backup that cannot be read/));
    expect(preview()).toBeNull();
    expect(await db.facts.count()).toBe(1);
  });
});
