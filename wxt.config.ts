import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './lib/sites/matches';
import { DRAFT_HERE_COMMAND, DRAFT_HERE_DEFAULT_KEY, DRAFT_HERE_DESCRIPTION } from './lib/drafting/desk-shortcuts';

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

export default defineConfig({
  // A second build folder lets two builds (and their e2e runs) proceed side by side.
  outDir: process.env.UNDERSTUDY_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
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
    // The keyboard command drafts the comment in focus (lib/drafting/desk-shortcuts.ts).
    commands: {
      [DRAFT_HERE_COMMAND]: { suggested_key: { default: DRAFT_HERE_DEFAULT_KEY }, description: DRAFT_HERE_DESCRIPTION },
    },
    content_security_policy: {
      extension_pages: EXTENSION_PAGES_CSP,
    },
  },
  hooks: {
    // `wxt dev` only: the dev server's live reload connects over http and ws to localhost.
    'build:manifestGenerated': (wxt, manifest) => {
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
