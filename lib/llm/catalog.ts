/**
 * The models Understudy offers, and which one suits this machine.
 *
 * Records are copied from WebLLM's `prebuiltAppConfig` (web-llm 0.2.86) rather than imported:
 * importing anything at runtime from `@mlc-ai/web-llm` pulls its whole 6 MB bundle into every
 * page that shows the model picker. `catalog.test.ts` checks each record against the real
 * `prebuiltAppConfig`, so upgrading WebLLM fails loudly until these are refreshed.
 */
import { customModelWireSchema, type GpuCapability, type ModelSelection } from '../core/models';
import type { AppConfig, ModelRecord, ModelType } from '@mlc-ai/web-llm';
import { z } from 'zod';

export type SpeedClass = 'fast' | 'balanced' | 'quality';
export type Quantization = 'q4f16_1' | 'q4f32_1';

export interface CatalogModel {
  /** WebLLM `model_id`. */
  id: string;
  /** Same weights, different quantization: the f16 and f32 builds share a family. */
  family: string;
  displayName: string;
  quantization: Quantization;
  /** Approximate size of the weights to download, in MB. */
  downloadMB: number;
  /** GPU memory the model needs, from WebLLM's `vram_required_MB`. */
  vramMB: number;
  speed: SpeedClass;
  /** q4f16 builds need the WebGPU `shader-f16` feature. */
  needsShaderF16: boolean;
  /** WebLLM's `low_resource_required`: runs on limited devices. */
  lowResource: boolean;
  contextWindowTokens: number;
  /** The WebLLM model record, as in `prebuiltAppConfig`. */
  record: ModelRecord;
}

const HF = 'https://huggingface.co/mlc-ai/';
const LIB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/';
const CONTEXT_WINDOW = 4096;

interface FamilySpec {
  family: string;
  name: string;
  /** Prefix of the model id, before the quantization. */
  idStem: string;
  /** Prefix of the model library file name (Qwen2.5 reuses the Qwen2 libraries). */
  libStem: string;
  downloadMB: number;
  speed: SpeedClass;
  lowResource: boolean;
  vramMB: Record<Quantization, number>;
}

const FAMILIES: FamilySpec[] = [
  {
    family: 'qwen2.5-0.5b',
    name: 'Qwen2.5 0.5B',
    idStem: 'Qwen2.5-0.5B-Instruct',
    libStem: 'Qwen2-0.5B-Instruct',
    downloadMB: 280,
    speed: 'fast',
    lowResource: true,
    vramMB: { q4f16_1: 944.62, q4f32_1: 1060.2 },
  },
  {
    family: 'llama-3.2-1b',
    name: 'Llama 3.2 1B',
    idStem: 'Llama-3.2-1B-Instruct',
    libStem: 'Llama-3.2-1B-Instruct',
    downloadMB: 700,
    speed: 'fast',
    lowResource: true,
    vramMB: { q4f16_1: 879.04, q4f32_1: 1128.82 },
  },
  {
    family: 'qwen2.5-1.5b',
    name: 'Qwen2.5 1.5B',
    idStem: 'Qwen2.5-1.5B-Instruct',
    libStem: 'Qwen2-1.5B-Instruct',
    downloadMB: 880,
    speed: 'balanced',
    lowResource: true,
    vramMB: { q4f16_1: 1629.75, q4f32_1: 1888.97 },
  },
  {
    family: 'llama-3.2-3b',
    name: 'Llama 3.2 3B',
    idStem: 'Llama-3.2-3B-Instruct',
    libStem: 'Llama-3.2-3B-Instruct',
    downloadMB: 1800,
    speed: 'quality',
    lowResource: true,
    vramMB: { q4f16_1: 2263.69, q4f32_1: 2951.51 },
  },
  {
    family: 'phi-3.5-mini',
    name: 'Phi-3.5 mini',
    idStem: 'Phi-3.5-mini-instruct',
    libStem: 'Phi-3.5-mini-instruct',
    downloadMB: 2200,
    speed: 'quality',
    lowResource: false,
    vramMB: { q4f16_1: 3672.07, q4f32_1: 5483.12 },
  },
];

function toModel(spec: FamilySpec, quantization: Quantization): CatalogModel {
  const id = `${spec.idStem}-${quantization}-MLC`;
  const vramMB = spec.vramMB[quantization];
  return {
    id,
    family: spec.family,
    displayName: `${spec.name} (${quantization === 'q4f16_1' ? '16-bit' : '32-bit'} shaders)`,
    quantization,
    downloadMB: spec.downloadMB,
    vramMB,
    speed: spec.speed,
    needsShaderF16: quantization === 'q4f16_1',
    lowResource: spec.lowResource,
    contextWindowTokens: CONTEXT_WINDOW,
    record: {
      model: HF + id,
      model_id: id,
      model_lib: `${LIB}${spec.libStem}-${quantization}_cs1k-webgpu.wasm`,
      vram_required_MB: vramMB,
      low_resource_required: spec.lowResource,
      overrides: { context_window_size: CONTEXT_WINDOW },
    },
  };
}

/** Smallest first; each family in its f16 then f32 build. */
export const MODEL_CATALOG: readonly CatalogModel[] = FAMILIES.flatMap((spec) => [
  toModel(spec, 'q4f16_1'),
  toModel(spec, 'q4f32_1'),
]);

export const MODEL_FAMILIES: readonly string[] = FAMILIES.map((f) => f.family);

export function findCatalogModel(id: string): CatalogModel | undefined {
  return MODEL_CATALOG.find((m) => m.id === id);
}

/**
 * An embedding model: turns a text into a vector, so replies to comments that mean the same
 * thing in other words can be found (hybrid retrieval). Optional; drafting never needs one.
 */
export interface EmbeddingCatalogModel {
  /** WebLLM `model_id`. */
  id: string;
  displayName: string;
  /** Length of each vector. */
  dims: number;
  /** Approximate size of the weights to download, in MB (float32 weights: 4 bytes a parameter). */
  downloadMB: number;
  /** GPU memory the model needs, from WebLLM's `vram_required_MB`. */
  vramMB: number;
  /** Longest input in tokens; longer texts are an error in WebLLM, not truncated. */
  contextTokens: number;
  /**
   * Put before a search query, not before stored texts: Arctic Embed was trained for
   * asymmetric retrieval this way (its model card).
   */
  queryPrefix: string;
  record: ModelRecord;
}

/** WebLLM's ModelType.embedding, as a literal: importing the enum would load the whole library. */
const EMBEDDING_MODEL_TYPE = 1 as ModelType;

function embeddingModel(
  size: 's' | 'm',
  spec: Pick<EmbeddingCatalogModel, 'displayName' | 'dims' | 'downloadMB' | 'vramMB'>,
): EmbeddingCatalogModel {
  const weights = `snowflake-arctic-embed-${size}-q0f32-MLC`;
  // The batch-4 builds: the embedding model sits on the GPU next to the drafting model, so its
  // memory matters more than batch-32 throughput (the -b32 builds need 1–1.4 GB more).
  const id = `${weights}-b4`;
  return {
    id,
    ...spec,
    contextTokens: 512,
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    record: {
      model: HF + weights,
      model_id: id,
      model_lib: `${LIB}snowflake-arctic-embed-${size}-q0f32-ctx512_cs512_batch4-webgpu.wasm`,
      vram_required_MB: spec.vramMB,
      model_type: EMBEDDING_MODEL_TYPE,
    },
  };
}

/** Smallest (and recommended) first. */
export const EMBEDDING_CATALOG: readonly EmbeddingCatalogModel[] = [
  embeddingModel('s', { displayName: 'Arctic Embed S (Snowflake)', dims: 384, downloadMB: 130, vramMB: 238.71 }),
  embeddingModel('m', { displayName: 'Arctic Embed M (Snowflake)', dims: 768, downloadMB: 440, vramMB: 539.4 }),
];

export const RECOMMENDED_EMBEDDING_ID = EMBEDDING_CATALOG[0]!.id;

export function findEmbeddingModel(id: string): EmbeddingCatalogModel | undefined {
  return EMBEDDING_CATALOG.find((m) => m.id === id);
}

/** The build of `family` this GPU can run: 16-bit shaders when it has them. */
export function variantFor(family: string, shaderF16: boolean): CatalogModel | undefined {
  const quantization: Quantization = shaderF16 ? 'q4f16_1' : 'q4f32_1';
  return MODEL_CATALOG.find((m) => m.family === family && m.quantization === quantization);
}

const GiB = 1024 ** 3;

/**
 * Picks a model for this machine, or null when it has no GPU worth drafting on (no adapter,
 * or a software one: a CPU-emulated GPU takes minutes per reply).
 * WebLLM treats a `maxStorageBufferBindingSize` under 1 GiB as a limited device (phones,
 * small integrated GPUs); `deviceMemory` (GB of RAM, capped at 8 by browsers) is the other hint.
 */
export function recommendModel(cap: GpuCapability): CatalogModel | null {
  if (!cap.available || cap.isSoftware) return null;
  const limitedBuffers =
    (cap.maxStorageBufferBindingSize ?? Infinity) < GiB || (cap.maxBufferSize ?? Infinity) < GiB;
  const ram = cap.deviceMemoryGB;
  let family = 'qwen2.5-1.5b';
  if (limitedBuffers || (ram !== undefined && ram <= 2)) family = 'qwen2.5-0.5b';
  else if (ram !== undefined && ram <= 4) family = 'llama-3.2-1b';
  return variantFor(family, cap.shaderF16) ?? null;
}

/** The creator's own model: the wire checks, and an id that does not shadow a built-in model. */
export const customModelSchema = customModelWireSchema.extend({
  id: customModelWireSchema.shape.id.refine(
    (id) => !findCatalogModel(id) && !findEmbeddingModel(id),
    'This id is already a built-in model; pick another.',
  ),
});
export type CustomModelEntry = z.infer<typeof customModelSchema>;

export type { ModelSelection };

export function customModelRecord(entry: CustomModelEntry): ModelRecord {
  return { model: entry.modelUrl, model_id: entry.id, model_lib: entry.modelLibUrl };
}

/**
 * The WebLLM AppConfig for a selection: every catalog record (drafting and embedding models,
 * so both can be loaded together), plus the custom one if any.
 */
export function buildAppConfig(selection?: ModelSelection): AppConfig {
  const model_list: ModelRecord[] = MODEL_CATALOG.map((m) => ({
    ...m.record,
    overrides: { ...m.record.overrides },
  }));
  for (const m of EMBEDDING_CATALOG) model_list.push({ ...m.record });
  if (selection?.custom) model_list.push(customModelRecord(selection.custom));
  return { model_list };
}

/** Whether the selection names a model WebLLM can find in `buildAppConfig(selection)`. */
export function isKnownSelection(selection: ModelSelection): boolean {
  if (selection.custom) return selection.custom.id === selection.modelId;
  return findCatalogModel(selection.modelId) !== undefined || findEmbeddingModel(selection.modelId) !== undefined;
}

/** A human name for any selection. */
export function selectionLabel(selection: ModelSelection): string {
  return (
    findCatalogModel(selection.modelId)?.displayName ??
    findEmbeddingModel(selection.modelId)?.displayName ??
    selection.modelId
  );
}
