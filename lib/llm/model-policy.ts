/**
 * Which models are in use on this machine, decided in one place: the drafting model, the
 * embedding model ("Better matching") beside it, and whether each can run here (a real GPU,
 * the files downloaded). The background asks on every draft and every embedding batch.
 *
 * Pure policy over three questions it is handed: the creator's settings (passed in by the
 * caller, read once per draft), the GPU (asked of the engine host, which keeps the answer) and
 * whether a model is downloaded (remembered briefly here).
 */
import type { GpuCapability, ModelSelection } from '../core/models';
import type { EmbeddingCatalogModel } from './catalog';
import { chosenEmbeddingModel } from './embedding-settings';
import { resolveModelSelection, type LlmSettings } from './settings';

/** Long enough to cover one draft and its embedding batch, short enough to notice a download. */
export const CACHED_ANSWER_MS = 30_000;

export interface ModelPolicyDeps {
  /** The engine host's GPU answer (the host's client keeps it; see offscreen-client.ts). */
  capability(): Promise<GpuCapability>;
  /** Asks the engine host whether a model's files are in WebLLM's cache. */
  isCached(selection: ModelSelection): Promise<boolean>;
  /** The embedding model id the creator chose, or null. */
  embeddingChoice(): Promise<string | null>;
  now?: () => number;
}

export interface ModelPolicy {
  /** Whether a model is downloaded; a recent answer is reused (custom models are always asked). */
  isCached(selection: ModelSelection): Promise<boolean>;
  /** A model was downloaded or deleted: the next question about it goes to the engine host. */
  forget(modelId: string): void;
  /** The GPU when it is real hardware that can run a model, else null. */
  realGpu(): Promise<GpuCapability | null>;
  /** The embedding model the creator chose, whether or not it can run now. */
  chosenEmbedding(settings: Pick<LlmSettings, 'enginePreference'>): Promise<EmbeddingCatalogModel | null>;
  /** Whether an embedding model can run now: downloaded, on a real GPU. */
  embeddingCanRun(model: { id: string }): Promise<boolean>;
  /** The embedding model in use: chosen and able to run; null means word matching only. */
  activeEmbedding(settings: Pick<LlmSettings, 'enginePreference'>): Promise<EmbeddingCatalogModel | null>;
  /** The drafting model to keep on the GPU beside the embedding model; none when no model drafts. */
  draftingCompanion(settings: LlmSettings): Promise<ModelSelection | undefined>;
}

export function createModelPolicy(deps: ModelPolicyDeps): ModelPolicy {
  const now = deps.now ?? Date.now;
  const answers = new Map<string, { at: number; cached: Promise<boolean> }>();

  function isCached(selection: ModelSelection): Promise<boolean> {
    const seen = answers.get(selection.modelId);
    // A custom model's files can change under the same id: always ask.
    if (seen && now() - seen.at < CACHED_ANSWER_MS && !selection.custom) return seen.cached;
    const cached = deps.isCached(selection).catch(() => false);
    answers.set(selection.modelId, { at: now(), cached });
    return cached;
  }

  async function realGpu(): Promise<GpuCapability | null> {
    const cap = await deps.capability().catch(() => null);
    return cap?.available === true && !cap.isSoftware ? cap : null;
  }

  async function chosenEmbedding(settings: Pick<LlmSettings, 'enginePreference'>) {
    return chosenEmbeddingModel(await deps.embeddingChoice(), settings.enginePreference);
  }

  // A software GPU could load it, but would take hours over a large memory: word matching only.
  async function embeddingCanRun(model: { id: string }): Promise<boolean> {
    return (await realGpu()) !== null && (await isCached({ modelId: model.id }));
  }

  return {
    isCached,
    forget: (modelId) => void answers.delete(modelId),
    realGpu,
    chosenEmbedding,
    embeddingCanRun,
    async activeEmbedding(settings) {
      const model = await chosenEmbedding(settings);
      return model && (await embeddingCanRun(model)) ? model : null;
    },
    async draftingCompanion(settings) {
      const cap = await realGpu();
      const selection = cap ? resolveModelSelection(settings, cap) : null;
      return selection && (await isCached(selection)) ? selection : undefined;
    },
  };
}
