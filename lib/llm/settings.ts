/**
 * Model and engine settings, kept in extension storage (not IndexedDB: they are preferences,
 * not creator data). Read in the background and passed to the offscreen engine host, which
 * has no access to extension storage.
 */
import type { EngineId } from '../core/draft';
import { DEFAULT_ENGINE_ORDER, normalizeEngineOrder } from '../core/engines';
import type { ModelSelection, GpuCapability } from '../core/models';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { customModelSchema, findCatalogModel, isInThisBuild, recommendModel, type CustomModelEntry, type Packaging } from './catalog';
import { CUSTOM_MODELS_ALLOWED, PACKAGED_MODEL_LIBS } from './build-flags';
import { generationSettingsSchema } from '../messaging/engine-protocol';

/** Stored as the selected model when the creator chose their own model. */
export const CUSTOM_MODEL_CHOICE = 'custom';

export { generationSettingsSchema };
export type GenerationSettingsValue = z.infer<typeof generationSettingsSchema>;
export const DEFAULT_GENERATION: GenerationSettingsValue = { temperature: 0.7, maxTokens: 256 };

export const ENGINE_PREFERENCES = ['auto', 'memory'] as const;
/**
 * Before engines had an order: 'auto' (WebLLM when the GPU and model allow, the memory engine
 * otherwise) or 'memory' (never a model). Now derived from the order: 'memory' when past
 * replies come before the WebLLM model, so the model and its embedding companion stay unused.
 */
export type EnginePreference = (typeof ENGINE_PREFERENCES)[number];

export const DEFAULT_IDLE_UNLOAD_MINUTES = 5;
export const idleUnloadMinutesSchema = z.number().int().min(1).max(240);

/** A catalog model id, CUSTOM_MODEL_CHOICE, or null for "recommend one for my GPU". */
export const selectedModelItem = storage.defineItem<string | null>('local:llm.selectedModel', { fallback: null });
export const customModelItem = storage.defineItem<CustomModelEntry | null>('local:llm.customModel', { fallback: null });
export const generationSettingsItem = storage.defineItem<GenerationSettingsValue>('local:llm.generation', {
  fallback: DEFAULT_GENERATION,
});
export const idleUnloadMinutesItem = storage.defineItem<number>('local:llm.idleUnloadMinutes', {
  fallback: DEFAULT_IDLE_UNLOAD_MINUTES,
});
/**
 * The creator's choice from before the engine order, read only when no order is stored yet.
 * saveEngineOrder keeps it in step with the order, because the background watches it to start
 * or stop the embedding job when the model goes in or out of use.
 */
export const enginePreferenceItem = storage.defineItem<EnginePreference>('local:llm.enginePreference', {
  fallback: 'auto',
});
/** The fallback chain, first choice first; null until the creator first changes it. */
export const engineOrderItem = storage.defineItem<EngineId[] | null>('local:llm.engineOrder', { fallback: null });

export interface LlmSettings {
  selectedModel: string | null;
  customModel: CustomModelEntry | null;
  generation: GenerationSettingsValue;
  idleUnloadMinutes: number;
  /** Engines in the order they are tried for a draft; every engine exactly once. */
  engineOrder: EngineId[];
  /** Derived from engineOrder (see preferenceFromOrder), for what predates the order. */
  enginePreference: EnginePreference;
}

/** What a creator who never opened Options → Model has. */
export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  selectedModel: null,
  customModel: null,
  generation: DEFAULT_GENERATION,
  idleUnloadMinutes: DEFAULT_IDLE_UNLOAD_MINUTES,
  engineOrder: [...DEFAULT_ENGINE_ORDER],
  enginePreference: 'auto',
};

/**
 * The order a creator from before the engine order gets: 'memory' chose past replies over any
 * model, so they stay first; 'auto' (or nothing chosen) is the default chain.
 */
export function orderFromPreference(preference: unknown): EngineId[] {
  if (preference !== 'memory') return [...DEFAULT_ENGINE_ORDER];
  return normalizeEngineOrder(['memory', ...DEFAULT_ENGINE_ORDER]);
}

/** 'memory' when past replies are tried before the WebLLM model, which then never drafts. */
export function preferenceFromOrder(order: readonly EngineId[]): EnginePreference {
  return order.indexOf('memory') < order.indexOf('webllm') ? 'memory' : 'auto';
}

/** The stored order, made whole; the old preference decides it until an order is saved. */
export async function loadEngineOrder(): Promise<EngineId[]> {
  const [stored, preference] = await Promise.all([engineOrderItem.getValue(), enginePreferenceItem.getValue()]);
  return stored ? normalizeEngineOrder(stored) : orderFromPreference(preference);
}

/** Stores the order, and the preference derived from it (see enginePreferenceItem for why). */
export async function saveEngineOrder(order: readonly EngineId[]): Promise<EngineId[]> {
  const whole = normalizeEngineOrder(order);
  await engineOrderItem.setValue(whole);
  await enginePreferenceItem.setValue(preferenceFromOrder(whole));
  return whole;
}

/** The stored idle-unload period, validated: what every newly started engine host is told. */
export async function loadIdleUnloadMinutes(): Promise<number> {
  const parsed = idleUnloadMinutesSchema.safeParse(await idleUnloadMinutesItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_IDLE_UNLOAD_MINUTES;
}

/** Reads every setting; a value that no longer validates falls back to its default. */
export async function loadLlmSettings(): Promise<LlmSettings> {
  const [selectedModel, customModel, generation, idle, engineOrder] = await Promise.all([
    selectedModelItem.getValue(),
    customModelItem.getValue(),
    generationSettingsItem.getValue(),
    idleUnloadMinutesItem.getValue(),
    loadEngineOrder(),
  ]);
  const custom = customModel ? customModelSchema.safeParse(customModel) : undefined;
  const gen = generationSettingsSchema.safeParse(generation);
  const idleParsed = idleUnloadMinutesSchema.safeParse(idle);
  return {
    selectedModel: typeof selectedModel === 'string' ? selectedModel : null,
    customModel: custom?.success ? custom.data : null,
    generation: gen.success ? gen.data : DEFAULT_GENERATION,
    idleUnloadMinutes: idleParsed.success ? idleParsed.data : DEFAULT_IDLE_UNLOAD_MINUTES,
    engineOrder,
    enginePreference: preferenceFromOrder(engineOrder),
  };
}

/** Validates and stores the creator's own model. Throws zod's error with readable messages. */
export async function saveCustomModel(entry: unknown): Promise<CustomModelEntry> {
  const parsed = customModelSchema.parse(entry);
  await customModelItem.setValue(parsed);
  return parsed;
}

/**
 * Which model to load: the creator's choice when it is valid, else the recommendation for this
 * GPU; null when nothing should be loaded (memory engine chosen, or no usable GPU).
 */
export function resolveModelSelection(
  settings: LlmSettings,
  capability?: GpuCapability,
  // What this build can load (build-flags.ts): a choice saved under another build falls back.
  packaging: Pick<Packaging, 'packaged' | 'customAllowed'> = { packaged: PACKAGED_MODEL_LIBS, customAllowed: CUSTOM_MODELS_ALLOWED },
): ModelSelection | null {
  if (settings.enginePreference === 'memory') return null;
  if (settings.selectedModel === CUSTOM_MODEL_CHOICE) {
    return settings.customModel && packaging.customAllowed ? { modelId: settings.customModel.id, custom: settings.customModel } : null;
  }
  const chosen = settings.selectedModel ? findCatalogModel(settings.selectedModel) : undefined;
  if (chosen && isInThisBuild(chosen, packaging.packaged)) return { modelId: chosen.id };
  const recommended = capability ? recommendModel(capability, packaging.packaged) : null;
  return recommended ? { modelId: recommended.id } : null;
}
