import { SITE_ORIGINS } from '@/lib/core/sites';
import { EDITOR_API_EVENT } from '@/lib/sites/insert';
import { setTextThroughEditorApi } from '@/lib/sites/editor-api';

/**
 * Runs in the page's main world, where editors keep their instances (Quill's `__quill`), and
 * only on the sites whose reply box needs it. It holds nothing of the creator's: it answers
 * the isolated content script's insert event (sent after the creator pressed Insert) by
 * calling the editor's own API, and the content script verifies the result as for any other
 * strategy. A page that fires the event itself only gets its own text put in its own box.
 */
export default defineContentScript({
  matches: SITE_ORIGINS.linkedin.map((origin) => `${origin}/*`),
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    document.addEventListener(
      EDITOR_API_EVENT,
      (event) => {
        const detail = (event as CustomEvent<unknown>).detail;
        if (typeof detail !== 'string' || !(event.target instanceof HTMLElement)) return;
        setTextThroughEditorApi(event.target, detail);
      },
      { capture: true },
    );
  },
});
