import { browser } from 'wxt/browser';
import { getDb } from '@/lib/memory/db';
import { createRouter } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/senders';
import { DRAFT_PORT } from '@/lib/messaging/protocol';
import { ENGINE_PORT } from '@/lib/messaging/engine-protocol';
import { serveDraftPort } from '@/lib/drafting/draft-port';
import { insertWithVoice, queueWithVoice, recordSentDraft, withVoiceMatch } from '@/lib/drafting/draft-records';
import { createDraftingPipeline } from '@/lib/drafting/pipeline';
import { createEngineChooser } from '@/lib/drafting/engine-choice';
import { createMemoryEngine } from '@/lib/llm/memory-engine';
import { createOffscreenClient, createOffscreenDraftEngine } from '@/lib/llm/host/offscreen-client';
import { createModelManager } from '@/lib/llm/model-manager';
import { loadLlmSettings, resolveModelSelection, idleUnloadMinutesItem } from '@/lib/llm/settings';

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export default defineBackground(() => {
  const db = getDb();
  const memory = createMemoryEngine();
  const client = createOffscreenClient();
  const models = createModelManager({ client });

  const webllm = createOffscreenDraftEngine(client, async () => {
    const settings = await loadLlmSettings();
    const selection = resolveModelSelection(settings, await client.capability());
    if (!selection) throw new Error('No AI model is chosen. Pick one in Options → Model.');
    return { model: selection, generation: settings.generation };
  });
  const chooseEngine = createEngineChooser({
    memory,
    webllm,
    loadSettings: loadLlmSettings,
    capability: () => client.capability(),
    isCached: (selection) => client.isCached(selection),
  });
  const pipeline = withVoiceMatch(createDraftingPipeline({ db, engines: { memory, webllm }, chooseEngine }), db);

  const identity = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  };
  const route = createRouter(
    {
      'draft.queue': async (payload) => ({ draftId: await queueWithVoice(db, payload) }),
      'draft.inserted': async (payload) => ({ draftId: await insertWithVoice(db, payload) }),
      'draft.sent': (payload) => recordSentDraft(db, payload),
      'model.status': () => models.status(),
      'model.download': async ({ selection }) => {
        await models.download(selection);
        return { started: true };
      },
      'model.cancel': async () => {
        models.cancel();
        return { cancelled: true };
      },
      'model.delete': async ({ selection }) => {
        await models.remove(selection);
        return { deleted: true };
      },
    },
    identity,
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onConnect.addListener((port) => {
    // The engine port runs between this worker and the offscreen document; it isn't ours to judge.
    if (port.name === ENGINE_PORT) return;
    const sender = port.sender ?? {};
    const kind = classifySender(sender, identity.extensionId, identity.extensionOrigin);
    if (port.name !== DRAFT_PORT || kind !== 'content' || !sender.url) {
      port.disconnect();
      return;
    }
    serveDraftPort(port, sender.url, pipeline);
  });

  // Keep the engine host's idle unload in step with the creator's setting.
  const configure = (minutes: number) => void client.configure({ idleUnloadMinutes: minutes }).catch(() => {});
  idleUnloadMinutesItem.watch((minutes) => configure(minutes));

  // A model download the browser interrupted continues where it stopped.
  browser.runtime.onStartup.addListener(() => void models.resumeInterrupted().catch(() => {}));

  // The toolbar button opens the side panel (Chrome); the API is absent on other browsers.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
