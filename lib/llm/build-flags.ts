/**
 * What this build of the extension was built with (wxt.config.ts sets both at build time; see the
 * README's "Install"). A store package may not run code it didn't ship (the Chrome Web Store's
 * Manifest V3 rules, WebAssembly included), so:
 *
 * - `PACKAGED_MODEL_LIBS`: the file names of the WebLLM model libraries (.wasm, compiled code)
 *   copied into the package from MODEL_LIBS_DIR. Only those catalogue models are offered; the
 *   others are shown as not available in this build and their libraries are never fetched.
 * - `CUSTOM_MODELS_ALLOWED`: whether the creator may add their own model, whose library is code
 *   from an address they type. On for a build from source, off in the store build.
 *
 * Outside a WXT build (unit tests) neither is defined: no library is packaged and custom models
 * are allowed, and the functions that use them take the values as parameters.
 */
declare const __UNDERSTUDY_MODEL_LIBS__: readonly string[] | undefined;
declare const __UNDERSTUDY_CUSTOM_MODELS__: boolean | undefined;

export const PACKAGED_MODEL_LIBS: ReadonlySet<string> = new Set(
  typeof __UNDERSTUDY_MODEL_LIBS__ === 'undefined' ? [] : __UNDERSTUDY_MODEL_LIBS__,
);

export const CUSTOM_MODELS_ALLOWED: boolean =
  typeof __UNDERSTUDY_CUSTOM_MODELS__ === 'undefined' ? true : __UNDERSTUDY_CUSTOM_MODELS__;

/** The package folder the model libraries are copied into. */
export const MODEL_LIBS_FOLDER = 'model-libs';
