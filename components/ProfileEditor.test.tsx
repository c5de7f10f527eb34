/**
 * The profile editor in Options (issue 12): a creator with no profile fills name, sign-off, a
 * fact, a boundary and a link, saves, and memory, the profile export and the backup hold them;
 * an invalid value is refused with a message naming the field, and nothing is saved.
 */
import { act } from 'react';
import { MAX_ITEM_CHARS } from '@/lib/core/limits';
import { getDb, PROFILE_KEY } from '@/lib/memory/db';
import { listFacts } from '@/lib/memory/facts-repo';
import { exportBackup } from '@/lib/profile/backup';
import { exportProfile } from '@/lib/profile/export';
import { ProfileEditor } from './ProfileEditor';
import { byText, mount, until, type Mounted } from './test-render';

let view: Mounted;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  view = mount();
});

afterEach(() => view.unmount());

/** The control whose <label> reads `label`. */
function field(label: string): HTMLInputElement | HTMLTextAreaElement {
  const el = byText(view.container, 'label', label);
  if (!el) throw new Error(`no field labelled ${label}`);
  return view.container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${CSS.escape(el.getAttribute('for')!)}`)!;
}

async function fill(label: string, value: string) {
  const box = field(label);
  const proto = box instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(text: string) {
  const button = byText(view.container, 'button', text);
  if (!button) throw new Error(`no button ${text}`);
  await act(async () => button.click());
}

const status = () => view.container.querySelector('[role="status"]')?.textContent ?? '';
const alert = () => view.container.querySelector('[role="alert"]')?.textContent ?? '';

describe('the profile editor', () => {
  it('saves a profile typed from nothing into memory, the profile export and the backup', async () => {
    view.render(<ProfileEditor />);
    await until(() => expect(field('Name')).toBeDefined());
    await fill('Name', 'Maya Okafor');
    await fill('Voice', 'Warm and brief.');
    await fill('Sign-off', '— Maya');
    await fill('Facts', 'I bake sourdough every Sunday\n\nI live in Lisbon');
    await fill('Boundaries', 'my kids');
    await click('Add a link');
    await fill('Link 1 label', 'Shop');
    await fill('Link 1 address', 'https://maya.example/shop');
    await click('Save profile');
    await until(() => expect(status()).toBe('Saved'));
    expect(alert()).toBe('');

    const db = getDb();
    const row = await db.profile.get(PROFILE_KEY);
    expect(row).toMatchObject({
      name: 'Maya Okafor',
      voice: 'Warm and brief.',
      signoff: '— Maya',
      boundaries: ['my kids'],
      links: [{ label: 'Shop', url: 'https://maya.example/shop' }],
    });
    expect(row?.greeting).toBeUndefined();
    expect((await listFacts(db)).map((f) => f.text)).toEqual(['I bake sourdough every Sunday', 'I live in Lisbon']);

    const exported = await exportProfile(db);
    expect(exported.name).toBe('Maya Okafor');
    expect(exported.signoff).toBe('— Maya');
    expect(exported.facts).toEqual([{ text: 'I bake sourdough every Sunday' }, { text: 'I live in Lisbon' }]);
    const backup = await exportBackup(db);
    expect(backup.profile?.boundaries).toEqual(['my kids']);
    expect(backup.facts.map((f) => f.text)).toContain('I live in Lisbon');
  });

  it('shows what memory holds, and an edited fact keeps the ids of the facts left alone', async () => {
    const db = getDb();
    await db.profile.put({
      id: PROFILE_KEY, name: 'Maya', handles: { x: 'maya' }, voice: '', values: ['honesty'], objectives: [],
      boundaries: [], links: [], offers: [], importedAt: 1, source: 'maya.json',
    });
    await db.facts.bulkAdd([{ text: 'I live in Lisbon', topic: 'home', position: 0 }, { text: 'I have a dog', position: 1 }]);
    const lisbon = (await listFacts(db))[0]!;
    view.render(<ProfileEditor />);
    await until(() => expect((field('Facts') as HTMLTextAreaElement).value).toBe('I live in Lisbon\nI have a dog'));
    expect(field('Name').value).toBe('Maya');

    await fill('Facts', 'I live in Lisbon\nI have two dogs');
    await click('Save profile');
    await until(() => expect(status()).toBe('Saved'));
    const facts = await listFacts(db);
    expect(facts.map((f) => f.text)).toEqual(['I live in Lisbon', 'I have two dogs']);
    expect(facts[0]).toMatchObject({ id: lisbon.id, topic: 'home' });
    // Fields the editor does not show stay as imported.
    expect(await db.profile.get(PROFILE_KEY)).toMatchObject({ handles: { x: 'maya' }, values: ['honesty'], source: 'maya.json' });
  });

  it('refuses a link that is not https and an over-long fact, naming each, and saves nothing', async () => {
    view.render(<ProfileEditor />);
    await until(() => expect(field('Name')).toBeDefined());
    await fill('Name', 'Maya');
    await fill('Facts', `I bake\n${'x'.repeat(MAX_ITEM_CHARS + 1)}`);
    await click('Add a link');
    await fill('Link 1 label', 'Shop');
    await fill('Link 1 address', 'http://maya.example/shop');
    await click('Save profile');
    await until(() => expect(alert()).toContain('Facts, line 2'));
    expect(alert()).toContain(`the limit is ${MAX_ITEM_CHARS.toLocaleString('en')} characters`);
    expect(alert()).toContain('Link 1 address: expected an https:// link');
    expect(status()).toBe('');
    expect(field('Facts').getAttribute('aria-invalid')).toBe('true');
    const db = getDb();
    expect(await db.profile.count()).toBe(0);
    expect(await db.facts.count()).toBe(0);
  });

  it('refuses a profile without a name', async () => {
    view.render(<ProfileEditor />);
    await until(() => expect(field('Name')).toBeDefined());
    await fill('Facts', 'I bake');
    await click('Save profile');
    await until(() => expect(alert()).toContain('Name: is empty'));
    expect(await getDb().facts.count()).toBe(0);
  });
});
