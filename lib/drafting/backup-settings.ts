/**
 * The creator's settings in the full backup (issue 12): site and DM switches, the disclosure
 * note, the engine order and preference, the model and its generation settings. They live in
 * WXT storage items, not in the database, so the backup file carries them beside the tables.
 *
 * Restore checks every value with its own schema first: an unknown key is ignored (a newer
 * version's setting), a bad value refuses the whole file with its name and reason, and the
 * values are written in one storage call after memory is restored, so nothing is half-restored.
 * Here (drafting) rather than in lib/profile: the items belong to the layers above profile.
 */
import { z } from 'zod';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { engineIdSchema } from '../core/draft';
import { siteIdSchema } from '../core/draft';
import { customModelSchema } from '../llm/catalog';
import {
  customModelItem,
  engineOrderItem,
  enginePreferenceItem,
  ENGINE_PREFERENCES,
  generationSettingsItem,
  generationSettingsSchema,
  idleUnloadMinutesItem,
  idleUnloadMinutesSchema,
  selectedModelItem,
} from '../llm/settings';
import { dmSwitchesItem, siteSwitchesItem } from '../site-status/switches';
import { disclosureItem } from './disclosure-settings';

const switches = z.partialRecord(siteIdSchema, z.boolean());

/** Each setting a backup carries: its name in the file, its storage item, and what a value must be. */
const SETTINGS: Record<string, { item: WxtStorageItem<any, any>; schema: z.ZodType }> = {
  siteSwitches: { item: siteSwitchesItem, schema: switches },
  dmSwitches: { item: dmSwitchesItem, schema: switches },
  disclosure: { item: disclosureItem, schema: z.object({ text: z.string().max(200), sites: z.partialRecord(siteIdSchema, z.literal(true)) }) },
  selectedModel: { item: selectedModelItem, schema: z.string().min(1).nullable() },
  customModel: { item: customModelItem, schema: customModelSchema.nullable() },
  generation: { item: generationSettingsItem, schema: generationSettingsSchema },
  idleUnloadMinutes: { item: idleUnloadMinutesItem, schema: idleUnloadMinutesSchema },
  enginePreference: { item: enginePreferenceItem, schema: z.enum(ENGINE_PREFERENCES) },
  engineOrder: { item: engineOrderItem, schema: z.array(engineIdSchema).min(1).nullable() },
};

export const BACKUP_SETTING_NAMES = Object.keys(SETTINGS);

/** Every setting as it is now, for exportBackup. */
export async function readBackupSettings(): Promise<Record<string, unknown>> {
  const entries = await Promise.all(Object.entries(SETTINGS).map(async ([name, { item }]) => [name, await item.getValue()] as const));
  return Object.fromEntries(entries);
}

export type SettingsCheck = { ok: true; values: Record<string, unknown> } | { ok: false; problems: string[] };

/** The settings a backup would restore, checked; unknown names are left out, bad values listed. */
export function checkBackupSettings(raw: Record<string, unknown>): SettingsCheck {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const setting = SETTINGS[name];
    if (!setting) continue;
    const parsed = setting.schema.safeParse(value);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`settings.${name}: ${parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')} — ` : ''}${i.message}`).join('; ')}`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}

/** Writes checked settings back, in one storage call. */
export async function restoreBackupSettings(values: Record<string, unknown>): Promise<void> {
  const writes = Object.entries(values).flatMap(([name, value]) => (SETTINGS[name] ? [{ item: SETTINGS[name].item, value }] : []));
  if (writes.length) await storage.setItems(writes);
}
