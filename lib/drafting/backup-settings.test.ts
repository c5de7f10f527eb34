import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDb } from '../memory/fresh-db.testutil';
import { exportBackup, parseBackup, serializeBackup } from '../profile/backup';
import { engineOrderItem, enginePreferenceItem, selectedModelItem } from '../llm/settings';
import { dmSwitchesItem, siteSwitchesItem } from '../site-status/switches';
import { checkBackupSettings, readBackupSettings, restoreBackupSettings } from './backup-settings';
import { disclosureItem } from './disclosure-settings';

beforeEach(() => fakeBrowser.reset());

async function setSome() {
  await siteSwitchesItem.setValue({ youtube: true, x: false });
  await dmSwitchesItem.setValue({ instagram: true });
  await disclosureItem.setValue({ text: 'Written with help from Understudy', sites: { youtube: true } });
  await engineOrderItem.setValue(['memory', 'webllm']);
  await enginePreferenceItem.setValue('memory');
  await selectedModelItem.setValue('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
}

describe('settings in the full backup', () => {
  it('a backup carries the settings and restoring it puts every one back after they were reset', async () => {
    await setSome();
    const before = await readBackupSettings();
    const text = serializeBackup(await exportBackup(freshDb(), Date.now(), before));
    fakeBrowser.reset();
    expect(await siteSwitchesItem.getValue()).toEqual({});

    const parsed = parseBackup('backup.json', text);
    if (!parsed.ok) throw new Error(parsed.message);
    const check = checkBackupSettings(parsed.backup.settings!);
    if (!check.ok) throw new Error(check.problems.join());
    await restoreBackupSettings(check.values);
    expect(await readBackupSettings()).toEqual(before);
    expect(await disclosureItem.getValue()).toEqual({ text: 'Written with help from Understudy', sites: { youtube: true } });
    expect(await engineOrderItem.getValue()).toEqual(['memory', 'webllm']);
  });

  it('ignores a setting it does not know (from a newer version) and restores the rest', () => {
    const check = checkBackupSettings({ siteSwitches: { youtube: true }, aNewerSetting: 42 });
    expect(check).toEqual({ ok: true, values: { siteSwitches: { youtube: true } } });
  });

  it('refuses bad values with each setting named, so nothing is restored', () => {
    const check = checkBackupSettings({ siteSwitches: { youtube: 'yes' }, engineOrder: ['teleport'], enginePreference: 'auto' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toHaveLength(2);
    expect(check.problems[0]).toMatch(/^settings\.siteSwitches: youtube — /);
    expect(check.problems[1]).toMatch(/^settings\.engineOrder: 0 — /);
  });

  it('a backup made before settings were kept still reads, with no settings', async () => {
    const text = serializeBackup(await exportBackup(freshDb()));
    const parsed = parseBackup('old.json', text);
    expect(parsed.ok && parsed.backup.settings).toBe(undefined);
  });
});
