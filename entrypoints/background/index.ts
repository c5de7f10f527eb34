import { browser } from 'wxt/browser';
import { getDb } from '@/lib/memory/db';
import { markInserted, queueDraft } from '@/lib/memory/drafts-repo';
import { createRouter } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/senders';
import { DRAFT_PORT } from '@/lib/messaging/protocol';
import { serveDraftPort } from '@/lib/drafting/draft-port';
import { createDraftingPipeline } from '@/lib/drafting/pipeline';
import { createMemoryEngine } from '@/lib/llm/memory-engine';

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export default defineBackground(() => {
  const db = getDb();
  const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
  const identity = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  };

  const route = createRouter(
    {
      'draft.queue': async (payload) => ({ draftId: await queueDraft(db, payload) }),
      'draft.inserted': async (payload) => ({ draftId: await markInserted(db, payload) }),
    },
    identity,
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onConnect.addListener((port) => {
    const sender = port.sender ?? {};
    const kind = classifySender(sender, identity.extensionId, identity.extensionOrigin);
    if (port.name !== DRAFT_PORT || kind !== 'content' || !sender.url) {
      port.disconnect();
      return;
    }
    serveDraftPort(port, sender.url, pipeline);
  });

  // The toolbar button opens the side panel (Chrome); the API is absent on other browsers.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
