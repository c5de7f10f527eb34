import { adaptManifestForFirefox, FIREFOX_ADDON_ID, FIREFOX_FEATURES, FIREFOX_MIN_VERSION } from './firefox-manifest';

function chromeLike() {
  return {
    manifest_version: 3,
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'offscreen', 'contextMenus'],
    minimum_chrome_version: '116',
    sidebar_action: { default_panel: 'sidepanel.html' },
  };
}

describe("the Firefox build's manifest", () => {
  it('carries the add-on id Firefox requires for Manifest V3, and says it collects no data', () => {
    const manifest: Record<string, unknown> = chromeLike();
    adaptManifestForFirefox(manifest);
    expect(manifest.browser_specific_settings).toEqual({
      gecko: { id: FIREFOX_ADDON_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
    });
  });

  it('asks for no permission naming an API Firefox lacks, and keeps every other one', () => {
    const manifest = chromeLike();
    adaptManifestForFirefox(manifest);
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'contextMenus']);
  });

  it("drops Chrome's version floor and keeps the sidebar", () => {
    const manifest: Record<string, unknown> = chromeLike();
    adaptManifestForFirefox(manifest);
    expect(manifest).not.toHaveProperty('minimum_chrome_version');
    expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html' });
  });

  it('requires the Firefox that has every feature used (main-world content scripts in MV3: 128 at least)', () => {
    const major = Number.parseInt(FIREFOX_MIN_VERSION, 10);
    expect(major).toBe(Math.max(...Object.values(FIREFOX_FEATURES)));
    expect(major).toBeGreaterThanOrEqual(128);
  });
});
