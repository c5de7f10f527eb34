import { adapterFor } from '@/lib/sites/registry';
import { startPage } from '@/lib/inline/controller';
import { SITE_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;
    const page = startPage(adapter, ctx.signal);
    // SPA navigation on sites without their own event (WXT watches history for us).
    ctx.addEventListener(window, 'wxt:locationchange', () => page.rescan());
  },
});
