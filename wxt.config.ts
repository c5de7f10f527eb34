import { defineConfig } from 'wxt';

/**
 * Every site Understudy reads. Host permissions are exactly these and nothing else: the
 * extension never needs to reach any other origin (the model host is fetched from the
 * offscreen document, which is an extension page, under its own CSP).
 */
export const SITE_MATCHES = ['https://www.youtube.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Understudy',
    description:
      'Drafts replies to your audience in your own voice, on your machine. You press send.',
    permissions: ['storage', 'unlimitedStorage', 'sidePanel'],
    host_permissions: SITE_MATCHES,
    action: { default_title: 'Open Understudy drafts' },
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
  },
});
