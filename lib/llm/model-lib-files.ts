/**
 * Build time only (wxt.config.ts, Node): which catalogue model libraries MODEL_LIBS_DIR holds.
 * A store package must carry the compiled code it runs, so the build copies these into the
 * package and tells the catalogue (build-flags.ts) which models it can offer. A file that isn't a
 * catalogue library is ignored (nothing else is packaged by accident); a catalogue library the
 * folder lacks is listed, so the build can say which models the package won't offer.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogLibFiles } from './catalog';

export interface ModelLibsInFolder {
  /** Catalogue library file names found (non-empty files), in catalogue order. */
  found: string[];
  /** Catalogue library file names the folder lacks. */
  missing: string[];
}

export function modelLibsIn(dir: string): ModelLibsInFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`MODEL_LIBS_DIR is set to ${dir}, which is not a folder.`);
  }
  const present = new Set(readdirSync(dir).filter((name) => statSync(join(dir, name)).size > 0));
  const wanted = catalogLibFiles();
  return { found: wanted.filter((f) => present.has(f)), missing: wanted.filter((f) => !present.has(f)) };
}
