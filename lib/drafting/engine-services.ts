/**
 * Everything the background runs on the engine host, assembled in one place so the background
 * entry point only wires it to the browser: the draft runner the draft port serves, the model
 * manager the options page drives, and the embedding job that gives replies their vectors.
 *
 * Policy lives in lib/llm/model-policy.ts (which models are in use); this module decides who
 * asks when: the creator's settings are read once per draft and passed down to the engine
 * choice, the vector search and the model engine; the GPU answer is the engine host client's.
 */
import type { ModelSelection } from '../core/models';
import { browserLanguageModel, builtinState, createBuiltinEngine, type LanguageModelApi } from '../llm/builtin-engine';
import type { DraftEngine } from '../llm/engine';
import { findEmbeddingModel } from '../llm/catalog';
import { embeddingModelItem, embeddingProgressItem } from '../llm/embedding-settings';
import { createOffscreenDraftEngine, type OffscreenClient, type OffscreenDraftConfig } from '../llm/host/offscreen-client';
import { createMemoryEngine } from '../llm/memory-engine';
import { createModelManager, type ModelManager } from '../llm/model-manager';
import { createModelPolicy, type ModelPolicy } from '../llm/model-policy';
import { loadLlmSettings, type LlmSettings } from '../llm/settings';
import type { UnderstudyDB } from '../memory/db';
import { createActivityGate, createEmbeddingRunner, type ProgressStore } from '../memory/embedding-job';
import { deleteEmbeddings } from '../memory/embeddings-repo';
import { forgetVectorIndex } from '../memory/vector-store';
import { withVoiceMatch } from './draft-records';
import type { DraftRunner } from './draft-runner';
import { createEngineChooser } from './engine-choice';
import { createDraftingPipeline } from './pipeline';
import { createSemanticSearch } from './semantic-search';

export interface EngineServicesDeps {
  db: UnderstudyDB;
  client: OffscreenClient;
  /** Defaults to extension storage (settings.ts, embedding-settings.ts). */
  loadSettings?: () => Promise<LlmSettings>;
  embeddingChoice?: () => Promise<string | null>;
  embeddingProgress?: ProgressStore;
  memory?: DraftEngine;
  /**
   * The browser's Prompt API, asked per draft. Defaults to the global `LanguageModel`, which
   * Chrome exposes to the extension's service worker, so the built-in model runs right here.
   */
  languageModel?: () => LanguageModelApi | undefined;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export interface EngineServices {
  /** Writes drafts; the draft port serves it. */
  drafts: DraftRunner;
  models: ModelManager;
  embeddings: ReturnType<typeof createEmbeddingRunner>;
  policy: ModelPolicy;
  /** Starts the embedding job when there is work (cheap when there is none). */
  kickEmbeddings(force?: boolean): void;
  /** The embedding choice or engine preference changed: stop a job for a model no longer chosen, start one if needed. */
  embeddingChoiceChanged(): Promise<void>;
}

export function createEngineServices(deps: EngineServicesDeps): EngineServices {
  const { db, client } = deps;
  const loadSettings = deps.loadSettings ?? loadLlmSettings;
  const log = deps.log ?? (() => {});
  const memory = deps.memory ?? createMemoryEngine();
  const policy = createModelPolicy({
    capability: () => client.capability(),
    isCached: (selection) => client.isCached(selection),
    embeddingChoice: deps.embeddingChoice ?? (() => embeddingModelItem.getValue()),
    ...(deps.now ? { now: deps.now } : {}),
  });

  // --- The embedding job: waits while a draft is written, checks for new replies after each ---
  const activity = createActivityGate();
  const embeddings = createEmbeddingRunner({
    db,
    chosenModel: async () => policy.chosenEmbedding(await loadSettings()),
    canRun: (model) => policy.embeddingCanRun(model),
    embed: async (model, texts, signal) => {
      const companion = await policy.draftingCompanion(await loadSettings());
      return client.embed({ model: { modelId: model.id }, texts, ...(companion ? { companion } : {}) }, signal ? { signal } : {});
    },
    idle: () => activity.idle(),
    progress: deps.embeddingProgress ?? embeddingProgressItem,
    log,
  });
  const kickEmbeddings = (force = false) =>
    void embeddings.kick({ force }).catch((error: unknown) => log('Could not start embedding', error));

  // --- Downloads and deletes, from the options page ---
  const models = createModelManager({
    client,
    onDownloaded: (selection) => {
      policy.forget(selection.modelId);
      if (findEmbeddingModel(selection.modelId)) kickEmbeddings();
    },
    onDeleted: async (selection) => {
      policy.forget(selection.modelId);
      if (!findEmbeddingModel(selection.modelId)) return;
      // The vectors are only usable with their model: free the disk and memory they take.
      await embeddings.stop(selection.modelId);
      await deleteEmbeddings(db, selection.modelId);
      forgetVectorIndex(db, selection.modelId);
      const progress = deps.embeddingProgress ?? embeddingProgressItem;
      if ((await progress.getValue())?.model === selection.modelId) await progress.setValue(null);
    },
  });

  // --- One draft: settings read once by the pipeline, handed to everything below ---
  const modelConfig = async (settings: LlmSettings, model: ModelSelection): Promise<OffscreenDraftConfig> => {
    const embedding = await policy.activeEmbedding(settings);
    return { model, generation: settings.generation, ...(embedding ? { companion: { modelId: embedding.id } } : {}) };
  };
  const languageModel = deps.languageModel ?? browserLanguageModel;
  const chooseEngine = createEngineChooser({
    memory,
    webllm: (settings, selection) => createOffscreenDraftEngine(client, () => modelConfig(settings, selection)),
    capability: () => client.capability(),
    isCached: (selection) => policy.isCached(selection),
    builtin: (settings) => createBuiltinEngine({ getApi: languageModel, settings: settings.generation }),
    builtinState: () => builtinState(languageModel()),
  });
  const semantic = createSemanticSearch({
    db,
    active: async (settings) => {
      const model = await policy.activeEmbedding(settings);
      if (!model) return null;
      const companion = await policy.draftingCompanion(settings);
      return { model, ...(companion ? { companion } : {}) };
    },
    embed: (request, handlers) => client.embed(request, handlers),
    log,
  });
  const voiced = withVoiceMatch(createDraftingPipeline({ db, engines: { memory }, loadSettings, chooseEngine, semantic }), db);
  const drafts: DraftRunner = {
    draft(comment, options) {
      const result = activity.track(voiced.draft(comment, options));
      void result.finally(() => kickEmbeddings()).catch(() => {});
      return result;
    },
  };

  return {
    drafts,
    models,
    embeddings,
    policy,
    kickEmbeddings,
    async embeddingChoiceChanged() {
      const chosen = await policy.chosenEmbedding(await loadSettings());
      if (embeddings.running && embeddings.running !== chosen?.id) await embeddings.stop();
      kickEmbeddings();
    },
  };
}
