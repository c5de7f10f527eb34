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
import { PACKAGED_MODEL_LIBS } from './build-flags';

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
  /**
   * The WebLLM model record, as in `prebuiltAppConfig`, without its `model_lib`: the library
   * comes from the package (`buildAppConfig`), never from where WebLLM publishes it.
   */
  record: CatalogRecord;
  /** The model library's file name: what a build must find in MODEL_LIBS_DIR to offer this model. */
  libFile: string;
}

const HF = 'https://huggingface.co/mlc-ai/';
/** A WebLLM model record before the build says where its library is. */
export type CatalogRecord = Omit<ModelRecord, 'model_lib'>;
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
    libFile: `${spec.libStem}-${quantization}_cs1k-webgpu.wasm`,
    record: {
      model: HF + id,
      model_id: id,
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
  record: CatalogRecord;
  /** The model library's file name (see CatalogModel.libFile). */
  libFile: string;
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
  const libFile = `snowflake-arctic-embed-${size}-q0f32-ctx512_cs512_batch4-webgpu.wasm`;
  return {
    id,
    ...spec,
    libFile,
    contextTokens: 512,
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    record: {
      model: HF + weights,
      model_id: id,
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

/** Whether this build ships the model's library (build-flags.ts), so it can be offered. */
export function isInThisBuild(model: { libFile: string }, packaged: ReadonlySet<string> = PACKAGED_MODEL_LIBS): boolean {
  return packaged.has(model.libFile);
}

/** Every catalogue library file name, drafting and embedding models (what MODEL_LIBS_DIR may hold). */
export function catalogLibFiles(): string[] {
  return [...new Set([...MODEL_CATALOG, ...EMBEDDING_CATALOG].map((m) => m.libFile))];
}

const GiB = 1024 ** 3;

/**
 * Picks a model for this machine, or null when it has no GPU worth drafting on (no adapter,
 * or a software one: a CPU-emulated GPU takes minutes per reply).
 * WebLLM treats a `maxStorageBufferBindingSize` under 1 GiB as a limited device (phones,
 * small integrated GPUs); `deviceMemory` (GB of RAM, capped at 8 by browsers) is the other hint.
 */
export function recommendModel(cap: GpuCapability, packaged: ReadonlySet<string> = PACKAGED_MODEL_LIBS): CatalogModel | null {
  if (!cap.available || cap.isSoftware) return null;
  const limitedBuffers =
    (cap.maxStorageBufferBindingSize ?? Infinity) < GiB || (cap.maxBufferSize ?? Infinity) < GiB;
  const ram = cap.deviceMemoryGB;
  let family = 'qwen2.5-1.5b';
  if (limitedBuffers || (ram !== undefined && ram <= 2)) family = 'qwen2.5-0.5b';
  else if (ram !== undefined && ram <= 4) family = 'llama-3.2-1b';
  const wanted = variantFor(family, cap.shaderF16);
  if (wanted && isInThisBuild(wanted, packaged)) return wanted;
  // This build lacks that library: the smallest one it has that this GPU can run, if any.
  return MODEL_CATALOG.find((m) => isInThisBuild(m, packaged) && (cap.shaderF16 || !m.needsShaderF16)) ?? null;
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

/** How a build's app config points at libraries: the package's files, and whether custom models are allowed. */
export interface Packaging {
  packaged: ReadonlySet<string>;
  /** The packaged library's URL (in the extension: runtime.getURL of MODEL_LIBS_FOLDER/file). */
  libUrl(file: string): string;
  customAllowed: boolean;
}

/**
 * The WebLLM AppConfig for a selection: every catalogue record whose library this build ships
 * (drafting and embedding models, so both can be loaded together), each `model_lib` pointing
 * into the package, plus the creator's own model where the build allows custom models. A
 * catalogue model whose library isn't packaged is left out, so WebLLM can never fetch it.
 */
export function buildAppConfig(selection: ModelSelection | undefined, packaging: Packaging): AppConfig {
  const model_list: ModelRecord[] = [];
  for (const m of [...MODEL_CATALOG, ...EMBEDDING_CATALOG]) {
    if (!isInThisBuild(m, packaging.packaged)) continue;
    const overrides = m.record.overrides ? { overrides: { ...m.record.overrides } } : {};
    model_list.push({ ...m.record, ...overrides, model_lib: packaging.libUrl(m.libFile) });
  }
  if (selection?.custom && packaging.customAllowed) model_list.push(customModelRecord(selection.custom));
  return { model_list };
}

/**
 * Whether this build can load the selection: a catalogue model whose library it ships, or the
 * creator's own model where custom models are allowed (what `buildAppConfig` puts in).
 */
export function isOfferedSelection(selection: ModelSelection, packaging: Pick<Packaging, 'packaged' | 'customAllowed'>): boolean {
  if (selection.custom) return packaging.customAllowed && selection.custom.id === selection.modelId;
  const model = findCatalogModel(selection.modelId) ?? findEmbeddingModel(selection.modelId);
  return model !== undefined && isInThisBuild(model, packaging.packaged);
}

/** Whether the selection names a catalogue model, or is a well-formed custom one. */
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
