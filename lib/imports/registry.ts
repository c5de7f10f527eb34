/**
 * Every export format Understudy reads: one importer module each, one line here. Detection asks
 * each importer in turn (most specific first); the first that recognises the files reads them.
 */
import { linkedinImporter } from './linkedin';
import { tiktokImporter } from './tiktok';
import { facebookImporter } from './facebook';
import { instagramImporter } from './instagram';
import type { ImportFile, Importer } from './types';

export const IMPORTERS: Importer[] = [
  instagramImporter,
  facebookImporter,
  tiktokImporter,
  linkedinImporter,
];

/** The importer for these files, or undefined when no format is recognised. */
export async function detectImporter(files: readonly ImportFile[]): Promise<Importer | undefined> {
  for (const importer of IMPORTERS) {
    if (await importer.detect(files)) return importer;
  }
  return undefined;
}
