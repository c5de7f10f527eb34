import { join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { MODEL_LIBS_FOLDER } from './lib/llm/build-flags';
import { catalogLibFiles } from './lib/llm/catalog';
import { modelLibsIn } from './lib/llm/model-lib-files';
import { SITE_MATCHES } from './lib/sites/matches';
import { DRAFT_HERE_COMMAND, DRAFT_HERE_DEFAULT_KEY, DRAFT_HERE_DESCRIPTION } from './lib/drafting/desk-shortcuts';
import { adaptManifestForFirefox } from './lib/release/firefox-manifest';
import { workerOptionsForSplitWasm } from './lib/release/split-inline-wasm';

/**
 * The extension pages' content security policy (side panel, options, the offscreen document and
 * its model worker). Scripts only from the extension itself ('wasm-unsafe-eval' lets WebLLM
 * compile its WebGPU model library). Connections only to the extension itself and to https
 * hosts: model downloads come from Hugging Face and GitHub for the built-in list, and from any
 * https host for a creator's own model, so no host list can be fixed here. No plain http (a
 * download anyone on the network could alter), no websockets (nothing in the product streams to
 * a server).
 */
export const EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' https:";

/**
 * The store build (`npm run zip`): no custom models, whose library is code fetched from an
 * address the creator types (a store package may run only the code it ships).
 */
const STORE_BUILD = process.env.UNDERSTUDY_STORE_BUILD === '1';
/**
 * The compiled WebLLM model libraries to ship (README "Install"): each catalogue model whose
 * library is here is offered, with its library inside the package; the others are not.
 */
const MODEL_LIBS_DIR = process.env.MODEL_LIBS_DIR ? resolve(process.env.MODEL_LIBS_DIR) : undefined;
const modelLibs = MODEL_LIBS_DIR ? modelLibsIn(MODEL_LIBS_DIR) : { found: [], missing: catalogLibFiles() };

export default defineConfig({
  // A second build folder lets two builds (and their e2e runs) proceed side by side.
  outDir: process.env.UNDERSTUDY_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // WXT checks these before the hook below adds both (lib/release/firefox-manifest.ts).
  suppressWarnings: { firefoxId: true, firefoxDataCollection: true },
  manifest: {
    name: 'Understudy',
    description:
      'Drafts replies to your audience in your own voice, on your machine. You press send.',
    // contextMenus: "Draft a reply to this" on selected text of the supported sites' pages.
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'offscreen', 'contextMenus'],
    host_permissions: SITE_MATCHES,
    // The isolated draft editor is framed into the supported sites' pages, and only there; a
    // dynamic URL (new every browser session) keeps other sites from probing for it.
    web_accessible_resources: [{ resources: ['editor.html'], matches: SITE_MATCHES, use_dynamic_url: true }],
    action: { default_title: 'Open Understudy drafts' },
    // The newest API used unconditionally: sidePanel.setPanelBehavior (116); the rest is older
    // (offscreen 109, WebGPU 113). e2e/release/package-rules.ts checks this against the features.
    minimum_chrome_version: '116',
    // The keyboard command drafts the comment in focus (lib/drafting/desk-shortcuts.ts).
    commands: {
      [DRAFT_HERE_COMMAND]: { suggested_key: { default: DRAFT_HERE_DEFAULT_KEY }, description: DRAFT_HERE_DESCRIPTION },
    },
    content_security_policy: {
      extension_pages: EXTENSION_PAGES_CSP,
    },
  },
  // The sources zip Firefox's store asks for (`npm run zip:firefox`): the repository without
  // what .gitignore keeps out of it (local test, bench and demo output).
  zip: { excludeSources: ['demo-output/**', 'bench-output/**', 'test-results/**', 'test-results-*/**', '**/*.log'] },
  vite: (env) => ({
    // Read by lib/llm/build-flags.ts.
    define: {
      __UNDERSTUDY_MODEL_LIBS__: JSON.stringify(modelLibs.found),
      __UNDERSTUDY_CUSTOM_MODELS__: JSON.stringify(!STORE_BUILD),
    },
    // Firefox's add-on linter parses no script of 5 MB or more (lib/release/split-inline-wasm.ts).
    ...(env.browser === 'firefox' ? { worker: workerOptionsForSplitWasm() } : {}),
  }),
  hooks: {
    // The model libraries from MODEL_LIBS_DIR go into the package, beside the other assets.
    'build:publicAssets': (_wxt, files) => {
      for (const file of modelLibs.found) {
        files.push({ absoluteSrc: join(MODEL_LIBS_DIR!, file), relativeDest: `${MODEL_LIBS_FOLDER}/${file}` });
      }
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // `npm run build:firefox`: the add-on id and what Firefox lacks (lib/release/firefox-manifest.ts).
      if (wxt.config.browser === 'firefox') adaptManifestForFirefox(manifest);
      // `wxt dev` only: the dev server's live reload connects over http and ws to localhost.
      const devServer = wxt.server?.origin;
      const csp = manifest.content_security_policy;
      if (wxt.config.command !== 'serve' || !devServer || typeof csp !== 'object') return;
      const socket = devServer.replace(/^http/, 'ws');
      csp.extension_pages = (csp.extension_pages ?? EXTENSION_PAGES_CSP).replace(
        /connect-src ([^;]*)/,
        `connect-src $1 ${devServer} ${socket}`,
      );
    },
  },
});
