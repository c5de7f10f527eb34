/**
 * Every export format Understudy reads: one importer module each, one line here. Detection asks
 * each importer in turn (most specific first); the first that recognises the files reads them.
 */
import { csvRepliesImporter } from './csv-replies';
import { linkedinImporter } from './linkedin';
import { tiktokImporter } from './tiktok';
import { facebookImporter } from './facebook';
import { instagramImporter } from './instagram';
import { reddit } from './reddit';
import type { ImportFile, Importer } from './types';
import { xArchiveImporter } from './x-archive';
import { youtubeTakeout } from './youtube-takeout';

export const IMPORTERS: Importer[] = [
  xArchiveImporter,
  instagramImporter,
  facebookImporter,
  tiktokImporter,
  youtubeTakeout,
  reddit,
  linkedinImporter,
  // The catch-all: last, so every platform's own CSV is claimed by its importer first.
  csvRepliesImporter,
];

/** The importer for these files, or undefined when no format is recognised. */
export async function detectImporter(files: readonly ImportFile[]): Promise<Importer | undefined> {
  for (const importer of IMPORTERS) {
    if (await importer.detect(files)) return importer;
  }
  return undefined;
}
