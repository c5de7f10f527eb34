import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './lib/sites/matches';

export default defineConfig({
  // A second build folder lets two builds (and their e2e runs) proceed side by side.
  outDir: process.env.UNDERSTUDY_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Understudy',
    description:
      'Drafts replies to your audience in your own voice, on your machine. You press send.',
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'offscreen'],
    host_permissions: SITE_MATCHES,
    action: { default_title: 'Open Understudy drafts' },
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
  },
});
