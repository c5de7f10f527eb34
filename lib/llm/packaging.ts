/** This build's packaging (build-flags.ts) with library URLs inside the installed extension. */
import { browser } from 'wxt/browser';
import { CUSTOM_MODELS_ALLOWED, MODEL_LIBS_FOLDER, PACKAGED_MODEL_LIBS } from './build-flags';
import type { Packaging } from './catalog';

export function thisBuildPackaging(): Packaging {
  return {
    packaged: PACKAGED_MODEL_LIBS,
    // A chrome-extension:// URL: WebLLM fetches a library that isn't on http(s) directly,
    // without its download cache (web-llm's fetchWasmSource), so nothing leaves the machine.
    libUrl: (file) => browser.runtime.getURL(`/${MODEL_LIBS_FOLDER}/${file}` as '/'),
    customAllowed: CUSTOM_MODELS_ALLOWED,
  };
}
