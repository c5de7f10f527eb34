/** Test packagings: a build that ships every catalogue library, and one that ships none. */
import { catalogLibFiles, type Packaging } from './catalog';

export const TEST_LIB_BASE = 'chrome-extension://test-extension-id/model-libs/';

export function everyLibPackaged(customAllowed = true): Packaging {
  return { packaged: new Set(catalogLibFiles()), libUrl: (file) => TEST_LIB_BASE + file, customAllowed };
}

export function noLibPackaged(customAllowed = false): Packaging {
  return { packaged: new Set(), libUrl: (file) => TEST_LIB_BASE + file, customAllowed };
}
