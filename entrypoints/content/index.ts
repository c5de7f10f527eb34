import { adapterForOrigin } from '@/lib/sites/registry';
import { startPage } from '@/lib/inline/controller';
import { whileSiteOn } from '@/lib/inline/site-switch';
import { request } from '@/lib/messaging/client';
import { SITE_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Start on any page of a supported site: a creator who lands on the home page and then
    // opens a video in-app never reloads, so the adapter decides per scan what to read.
    const adapter = adapterForOrigin(location.href);
    if (!adapter) return;
    // Only while the creator has this site switched on in Options (asked of the background),
    // and its direct messages only once they turned those on too.
    const page = whileSiteOn({
      start: (signal, { dms }) => startPage(adapter, signal, { dms }),
      ask: () => request('site.enabled', {}),
      signal: ctx.signal,
    });
    // SPA navigation on sites without their own event (WXT watches history for us).
    ctx.addEventListener(window, 'wxt:locationchange', () => page.current()?.rescan());
  },
});
