/**
 * The Firefox build's manifest (`npm run build:firefox`), made from the one WXT generates from
 * wxt.config.ts: Chrome's manifest stays the only one written by hand, and this says what
 * Firefox needs differently.
 *
 * - An add-on id: Firefox requires one for Manifest V3 (and storage.sync, updates) to work.
 * - `strict_min_version`: the newest Firefox feature used unconditionally (FIREFOX_FEATURES).
 * - `data_collection_permissions`: Firefox asks every new add-on to declare what it collects;
 *   Understudy collects nothing (PRIVACY.md), so it says "none".
 * - No `sidePanel` or `offscreen` permission: Firefox has neither API (the side panel is its
 *   sidebar, `sidebar_action`, which WXT writes; the engine host lives in the background page,
 *   lib/llm/host/in-background-host.ts), and it warns about permissions it doesn't know.
 * - No `minimum_chrome_version`: Chrome's own floor, meaningless here.
 */

export const FIREFOX_ADDON_ID = 'understudy@understudy.app';

/** Firefox versions that first shipped each feature the extension uses unconditionally. */
export const FIREFOX_FEATURES: Record<string, number> = {
  // The LinkedIn insert script runs in the page's main world (entrypoints/editor-api.content).
  'content scripts with world: MAIN in Manifest V3': 128,
  // Editor sessions and the once-per-session notices (storage.session in Manifest V3).
  'storage.session': 115,
  // The engine host's model worker is an ES module worker.
  'module workers': 114,
  // Declaring that nothing is collected; older versions ignore the key but the linter asks for
  // the version that reads it.
  'data_collection_permissions': 140,
};

export const FIREFOX_MIN_VERSION = `${Math.max(...Object.values(FIREFOX_FEATURES))}.0`;

/** Permissions Chrome needs that name APIs Firefox lacks. */
const CHROME_ONLY_PERMISSIONS = new Set(['sidePanel', 'offscreen']);

interface ManifestLike {
  permissions?: string[];
  minimum_chrome_version?: string;
  browser_specific_settings?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Rewrites WXT's generated manifest in place for Firefox. */
export function adaptManifestForFirefox(manifest: ManifestLike): void {
  if (manifest.permissions) manifest.permissions = manifest.permissions.filter((p) => !CHROME_ONLY_PERMISSIONS.has(p));
  delete manifest.minimum_chrome_version;
  manifest.browser_specific_settings = {
    ...manifest.browser_specific_settings,
    gecko: {
      id: FIREFOX_ADDON_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
  };
}
