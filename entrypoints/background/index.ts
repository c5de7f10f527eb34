import type { ModelSelection, GpuCapability } from '@/lib/core/models';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/memory/db';
import { createRouter } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/senders';
import { EDITOR_PORT } from '@/lib/messaging/ports';
import type { InsertOutcome } from '@/lib/messaging/editor-protocol';
import { ENGINE_PORT } from '@/lib/messaging/engine-protocol';
import { createEditorService } from '@/lib/drafting/editor-service';
import { createEditorSessions, type EditorSession } from '@/lib/drafting/editor-sessions';
import { insertWithVoice, queueWithVoice, recordSentDraft, withVoiceMatch } from '@/lib/drafting/draft-records';
import { createDraftingPipeline } from '@/lib/drafting/pipeline';
import { createEngineChooser } from '@/lib/drafting/engine-choice';
import { createSemanticSearch } from '@/lib/drafting/semantic-search';
import { findEmbeddingModel, type EmbeddingCatalogModel } from '@/lib/llm/catalog';
import { chosenEmbeddingModel, embeddingModelItem, embeddingProgressItem } from '@/lib/llm/embedding-settings';
import { createMemoryEngine } from '@/lib/llm/memory-engine';
import { createOffscreenClient, createOffscreenDraftEngine } from '@/lib/llm/host/offscreen-client';
import { createModelManager } from '@/lib/llm/model-manager';
import { enginePreferenceItem, loadLlmSettings, resolveModelSelection, idleUnloadMinutesItem } from '@/lib/llm/settings';
import { createActivityGate, createEmbeddingRunner } from '@/lib/memory/embedding-job';
import { deleteEmbeddings } from '@/lib/memory/embeddings-repo';
import { forgetVectorIndex } from '@/lib/memory/vector-store';

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export default defineBackground(() => {
  const db = getDb();
  const memory = createMemoryEngine();
  const client = createOffscreenClient();
  const log = (message: string, error?: unknown) => console.warn(`[Understudy] ${message}`, error ?? '');

  // --- Embedding model ("Better matching"): which one, and whether it can run here ---
  // The GPU does not change while the browser runs; ask the host once.
  let gpu: Promise<GpuCapability> | undefined;
  const capability = () => {
    gpu ??= client.capability().catch((error: unknown) => {
      gpu = undefined;
      throw error;
    });
    return gpu;
  };
  // Whether a model is downloaded, remembered briefly: every draft and embed batch asks.
  const cachedAnswers = new Map<string, { at: number; cached: Promise<boolean> }>();
  const isCached = (selection: ModelSelection) => {
    const seen = cachedAnswers.get(selection.modelId);
    if (seen && Date.now() - seen.at < 30_000 && !selection.custom) return seen.cached;
    const cached = client.isCached(selection).catch(() => false);
    cachedAnswers.set(selection.modelId, { at: Date.now(), cached });
    return cached;
  };
  const realGpu = async () => {
    const cap = await capability().catch(() => null);
    return cap?.available === true && !cap.isSoftware ? cap : null;
  };
  const chosenEmbedding = async (): Promise<EmbeddingCatalogModel | null> => {
    const [settings, chosen] = await Promise.all([loadLlmSettings(), embeddingModelItem.getValue()]);
    return chosenEmbeddingModel(chosen, settings.enginePreference);
  };
  // A software GPU could load it, but would take hours over a large memory: word matching only.
  const embeddingCanRun = async (model: { id: string }) => (await realGpu()) !== null && isCached({ modelId: model.id });
  const activeEmbedding = async () => {
    const model = await chosenEmbedding();
    return model && (await embeddingCanRun(model)) ? model : null;
  };
  /** The drafting model in use, kept on the GPU beside the embedding model; none when no model drafts. */
  const draftingCompanion = async (): Promise<ModelSelection | undefined> => {
    const cap = await realGpu();
    const selection = cap ? resolveModelSelection(await loadLlmSettings(), cap) : null;
    return selection && (await isCached(selection)) ? selection : undefined;
  };

  const activity = createActivityGate();
  const embeddings = createEmbeddingRunner({
    db,
    chosenModel: chosenEmbedding,
    canRun: embeddingCanRun,
    embed: async (model, texts, signal) => {
      const companion = await draftingCompanion();
      return client.embed({ model: { modelId: model.id }, texts, ...(companion ? { companion } : {}) }, signal ? { signal } : {});
    },
    idle: () => activity.idle(),
    progress: embeddingProgressItem,
    log,
  });
  const kickEmbeddings = (force = false) => void embeddings.kick({ force }).catch((error: unknown) => log('Could not start embedding', error));
  /** The choice changed: stop a job for a model no longer chosen, and start one if there is work. */
  const embeddingChoiceChanged = async () => {
    const chosen = await chosenEmbedding();
    if (embeddings.running && embeddings.running !== chosen?.id) await embeddings.stop();
    kickEmbeddings();
  };

  const models = createModelManager({
    client,
    onDownloaded: (selection) => {
      cachedAnswers.delete(selection.modelId);
      if (findEmbeddingModel(selection.modelId)) kickEmbeddings();
    },
    onDeleted: async (selection) => {
      cachedAnswers.delete(selection.modelId);
      if (!findEmbeddingModel(selection.modelId)) return;
      // The vectors are only usable with their model: free the disk and memory they take.
      await embeddings.stop(selection.modelId);
      await deleteEmbeddings(db, selection.modelId);
      forgetVectorIndex(db, selection.modelId);
      if ((await embeddingProgressItem.getValue())?.model === selection.modelId) await embeddingProgressItem.setValue(null);
    },
  });

  const webllm = createOffscreenDraftEngine(client, async () => {
    const settings = await loadLlmSettings();
    const selection = resolveModelSelection(settings, await client.capability());
    if (!selection) throw new Error('No AI model is chosen. Pick one in Options → Model.');
    const embedding = await activeEmbedding();
    return { model: selection, generation: settings.generation, ...(embedding ? { companion: { modelId: embedding.id } } : {}) };
  });
  const chooseEngine = createEngineChooser({
    memory,
    webllm,
    loadSettings: loadLlmSettings,
    capability: () => client.capability(),
    isCached: (selection) => client.isCached(selection),
  });
  const semantic = createSemanticSearch({
    db,
    active: async () => {
      const model = await activeEmbedding();
      if (!model) return null;
      const companion = await draftingCompanion();
      return { model, ...(companion ? { companion } : {}) };
    },
    embed: (request, handlers) => client.embed(request, handlers),
    log,
  });
  const drafting = withVoiceMatch(createDraftingPipeline({ db, engines: { memory, webllm }, chooseEngine, semantic }), db);
  // The embedding job waits while a draft is written, and checks for new replies after each.
  const pipeline: typeof drafting = {
    draft(comment, options) {
      const result = activity.track(drafting.draft(comment, options));
      void result.finally(() => kickEmbeddings()).catch(() => {});
      return result;
    },
  };

  const editorSessionsItem = storage.defineItem<EditorSession[]>('session:editor.sessions');
  const editor = createEditorService({
    sessions: createEditorSessions({
      get: () => editorSessionsItem.getValue(),
      set: (sessions) => editorSessionsItem.setValue(sessions),
    }),
    drafter: pipeline,
    queue: (report) => queueWithVoice(db, report),
    inserted: (report) => insertWithVoice(db, report),
    sent: async (report, via) => recordSentDraft(db, { ...report, via }),
    insertInPage: async (session, text): Promise<InsertOutcome> => {
      try {
        const outcome = (await browser.tabs.sendMessage(
          session.tabId,
          { type: 'editor.insert', sessionId: session.id, text },
          { frameId: session.frameId },
        )) as InsertOutcome | undefined;
        return outcome ?? { ok: false, reason: 'The page did not answer. Reload it and try again.' };
      } catch {
        return { ok: false, reason: 'The page this draft belongs to was closed or reloaded. Your draft is in the queue.' };
      }
    },
  });
  browser.tabs.onRemoved.addListener((tabId) => void editor.closeTab(tabId));

  const identity = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  };
  const route = createRouter(
    {
      'editor.open': ({ comment }, sender) => editor.open(comment, sender.tab!.id!, sender.frameId ?? 0),
      'editor.posted': ({ sessionId, text }, sender) => editor.posted(sessionId, sender.tab!.id!, text),
      'editor.gone': ({ sessionId }, sender) => editor.gone(sessionId, sender.tab!.id!),
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
      'embeddings.start': async () => {
        await embeddings.kick({ force: true });
        return { started: embeddings.running !== undefined };
      },
    },
    identity,
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onConnect.addListener((port) => {
    // The engine port runs between this worker and the offscreen document; it isn't ours to judge.
    if (port.name === ENGINE_PORT) return;
    // The isolated editor frame, in a site's tab; nothing else may open a port to us.
    const sender = port.sender ?? {};
    const kind = classifySender(sender, identity.extensionId, identity.extensionOrigin);
    const tabId = sender.tab?.id;
    if (port.name !== EDITOR_PORT || kind !== 'editor' || tabId === undefined) {
      port.disconnect();
      return;
    }
    editor.serve(port, tabId);
  });

  // Keep the engine host's idle unload in step with the creator's setting.
  const configure = (minutes: number) => void client.configure({ idleUnloadMinutes: minutes }).catch(() => {});
  idleUnloadMinutesItem.watch((minutes) => configure(minutes));

  // A model download the browser interrupted continues where it stopped.
  browser.runtime.onStartup.addListener(() => void models.resumeInterrupted().catch(() => {}));

  // Replies still without a vector (a job the worker's stop cut short, a new import) get one.
  // Cheap when there is nothing to do: no engine host is started for that.
  kickEmbeddings();
  embeddingModelItem.watch(() => void embeddingChoiceChanged());
  enginePreferenceItem.watch(() => void embeddingChoiceChanged());

  // The toolbar button opens the side panel (Chrome); the API is absent on other browsers.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
