/**
 * Where the creator wants the "AI-assisted" note (lib/core/disclosure.ts) on replies Understudy
 * inserts: per platform, off by default, in one wording of theirs. A preference, kept in
 * extension storage; the background reads it at Insert, the page never does.
 */
import { storage } from 'wxt/utils/storage';
import { cleanDisclosure, DEFAULT_DISCLOSURE, stripDisclosure, withDisclosure } from '../core/disclosure';
import type { SiteId } from '../core/sites';

export interface DisclosureSettings {
  /** The note, in the creator's words. */
  text: string;
  /** Platforms where it is added (only those switched on are kept). */
  sites: Partial<Record<SiteId, true>>;
}

export const disclosureItem = storage.defineItem<DisclosureSettings>('local:disclosure', {
  fallback: { text: DEFAULT_DISCLOSURE, sites: {} },
});

/** The note to add on this platform, or undefined when the creator didn't ask for one there. */
export function noteFor(settings: DisclosureSettings | null | undefined, site: SiteId): string | undefined {
  if (!settings?.sites[site]) return undefined;
  return cleanDisclosure(settings.text) || undefined;
}

/** The settings with one platform switched on or off. */
export function withDisclosureOn(settings: DisclosureSettings, site: SiteId, on: boolean): DisclosureSettings {
  const sites = { ...settings.sites };
  if (on) sites[site] = true;
  else delete sites[site];
  return { ...settings, sites };
}

/** The reply as it goes into the site's box: with the creator's note where they asked for it. */
export async function withNoteFor(site: SiteId, text: string): Promise<string> {
  return withDisclosure(text, noteFor(await disclosureItem.getValue(), site));
}

/** What the creator posted, without the note: the note is not their writing, so not learned. */
export async function withoutNoteFor(site: SiteId | undefined, text: string): Promise<string> {
  if (!site) return text;
  return stripDisclosure(text, (await disclosureItem.getValue()).text);
}
