import type { GpuCapability } from '../core/models';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import {
  buildAppConfig,
  customModelSchema,
  EMBEDDING_CATALOG,
  findCatalogModel,
  findEmbeddingModel,
  RECOMMENDED_EMBEDDING_ID,
  isKnownSelection,
  MODEL_CATALOG,
  MODEL_FAMILIES,
  recommendModel,
  isOfferedSelection,
  catalogLibFiles,
} from './catalog';
import { everyLibPackaged, noLibPackaged, TEST_LIB_BASE } from './packaging.testutil';

/** Every catalogue library packaged. */
const ALL = new Set(catalogLibFiles());

const GiB = 1024 ** 3;

function gpu(overrides: Partial<GpuCapability> = {}): GpuCapability {
  return {
    available: true,
    adapterName: 'NVIDIA GeForce RTX 3060',
    isSoftware: false,
    shaderF16: true,
    maxBufferSize: 4 * GiB,
    maxStorageBufferBindingSize: 2 * GiB,
    deviceMemoryGB: 8,
    ...overrides,
  };
}

describe('model catalog', () => {
  it('offers a short list of instruct model families, each in a 16-bit and a 32-bit shader build', () => {
    expect(MODEL_FAMILIES.length).toBeGreaterThanOrEqual(4);
    expect(MODEL_FAMILIES.length).toBeLessThanOrEqual(6);
    for (const family of MODEL_FAMILIES) {
      const builds = MODEL_CATALOG.filter((m) => m.family === family);
      expect(builds.map((m) => m.quantization).sort()).toEqual(['q4f16_1', 'q4f32_1']);
      expect(builds.find((m) => m.quantization === 'q4f16_1')?.needsShaderF16).toBe(true);
      expect(builds.find((m) => m.quantization === 'q4f32_1')?.needsShaderF16).toBe(false);
    }
  });

  it('matches WebLLM’s own prebuilt records exactly, so the real library will find every model', () => {
    for (const model of MODEL_CATALOG) {
      const prebuilt = prebuiltAppConfig.model_list.find((r) => r.model_id === model.id);
      expect(prebuilt, model.id).toBeDefined();
      expect(model.record.model).toBe(prebuilt?.model);
      expect(prebuilt?.model_lib.endsWith('/' + model.libFile)).toBe(true);
      expect(model.vramMB).toBe(prebuilt?.vram_required_MB);
      expect(model.lowResource).toBe(prebuilt?.low_resource_required ?? false);
      expect(model.record.overrides).toEqual(prebuilt?.overrides);
      expect(model.contextWindowTokens).toBe(prebuilt?.overrides?.context_window_size);
    }
  });

  it('gives every model a size, a GPU memory need and a speed class for the picker', () => {
    for (const model of MODEL_CATALOG) {
      expect(model.downloadMB).toBeGreaterThan(100);
      expect(model.vramMB).toBeGreaterThan(model.downloadMB);
      expect(['fast', 'balanced', 'quality']).toContain(model.speed);
    }
  });
});

describe('embedding models', () => {
  it('matches WebLLM’s own prebuilt embedding records exactly, including their embedding model type', () => {
    expect(EMBEDDING_CATALOG.length).toBeGreaterThanOrEqual(1);
    for (const model of EMBEDDING_CATALOG) {
      const prebuilt = prebuiltAppConfig.model_list.find((r) => r.model_id === model.id);
      expect(prebuilt, model.id).toBeDefined();
      const { model_lib, ...rest } = prebuilt!;
      expect(model.record).toEqual(rest);
      expect(model_lib.endsWith('/' + model.libFile)).toBe(true);
    }
  });

  it('are offered apart from the drafting models, but WebLLM can load them from the same app config', () => {
    for (const model of EMBEDDING_CATALOG) {
      expect(findCatalogModel(model.id)).toBeUndefined();
      expect(isKnownSelection({ modelId: model.id })).toBe(true);
      expect(buildAppConfig(undefined, everyLibPackaged()).model_list.some((r) => r.model_id === model.id)).toBe(true);
    }
  });

  it('recommends the small model, with its vector size, download size and GPU memory for the picker', () => {
    const small = findEmbeddingModel(RECOMMENDED_EMBEDDING_ID);
    expect(small?.dims).toBe(384);
    expect(small?.vramMB).toBeLessThan(300);
    for (const model of EMBEDDING_CATALOG) expect(model.downloadMB).toBeGreaterThan(50);
  });

  it('does not let a custom model take an embedding model’s id', () => {
    const result = customModelSchema.safeParse({
      id: RECOMMENDED_EMBEDDING_ID,
      modelUrl: 'https://huggingface.co/me/my-model',
      modelLibUrl: 'https://example.com/lib.wasm',
    });
    expect(result.success).toBe(false);
  });
});

describe('recommendModel', () => {
  it('recommends the 16-bit build when the GPU supports shader-f16', () => {
    expect(recommendModel(gpu(), ALL)?.id).toBe('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
  });

  it('recommends the 32-bit build when the GPU lacks shader-f16', () => {
    expect(recommendModel(gpu({ shaderF16: false }), ALL)?.id).toBe('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
  });

  it('recommends nothing for a software GPU, which would take minutes per reply', () => {
    expect(recommendModel(gpu({ isSoftware: true, adapterName: 'SwiftShader Device (Subzero)' }), ALL)).toBeNull();
  });

  it('recommends nothing when there is no usable adapter', () => {
    expect(recommendModel({ available: false, reason: 'No GPU adapter', isSoftware: false, shaderF16: false }, ALL)).toBeNull();
  });

  it('picks the smallest model on a GPU with small buffer limits', () => {
    expect(recommendModel(gpu({ maxStorageBufferBindingSize: 512 * 1024 * 1024 }), ALL)?.id).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
  });

  it('picks a smaller model when the machine reports little memory', () => {
    expect(recommendModel(gpu({ deviceMemoryGB: 4, shaderF16: false }), ALL)?.id).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(recommendModel(gpu({ deviceMemoryGB: 2 }), ALL)?.family).toBe('qwen2.5-0.5b');
  });
});

describe('custom models', () => {
  const valid = {
    id: 'my-Llama-3.2-1B-q4f16',
    modelUrl: 'https://huggingface.co/me/my-model',
    modelLibUrl: 'https://example.com/libs/my-model-webgpu.wasm',
  };

  it('accepts https addresses, including a model the creator serves on this computer', () => {
    expect(customModelSchema.safeParse(valid).success).toBe(true);
    expect(
      customModelSchema.safeParse({ ...valid, modelUrl: 'https://localhost:8443/model', modelLibUrl: 'https://127.0.0.1:8443/lib.wasm' }).success,
    ).toBe(true);
  });

  it('rejects plain http anywhere, even on this computer, because the extension may not fetch it', () => {
    for (const modelUrl of ['http://models.example.com/m', 'http://localhost:8080/model', 'http://127.0.0.1:8080/model']) {
      const http = customModelSchema.safeParse({ ...valid, modelUrl });
      expect(http.success).toBe(false);
      expect(http.error?.issues[0]?.message).toBe(
        'Use an https:// address (plain http is not allowed, even for a model on this computer).',
      );
    }
    expect(customModelSchema.safeParse({ ...valid, modelLibUrl: 'http://localhost:8080/lib.wasm' }).success).toBe(false);
  });

  it('rejects other schemes and non-wasm libraries with a readable reason', () => {
    expect(customModelSchema.safeParse({ ...valid, modelUrl: 'file:///tmp/model' }).success).toBe(false);
    expect(customModelSchema.safeParse({ ...valid, modelUrl: 'ws://models.example.com/m' }).success).toBe(false);
    expect(customModelSchema.safeParse({ ...valid, modelLibUrl: 'https://example.com/lib.js' }).success).toBe(false);
  });

  it('rejects an id that would shadow a built-in model', () => {
    const result = customModelSchema.safeParse({ ...valid, id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC' });
    expect(result.success).toBe(false);
  });

  it('builds a WebLLM app config with the catalog records plus the custom record', () => {
    const custom = customModelSchema.parse(valid);
    const config = buildAppConfig({ modelId: custom.id, custom }, everyLibPackaged());
    expect(config.model_list).toHaveLength(MODEL_CATALOG.length + EMBEDDING_CATALOG.length + 1);
    expect(config.model_list.at(-1)).toEqual({ model: valid.modelUrl, model_id: valid.id, model_lib: valid.modelLibUrl });
    expect(isKnownSelection({ modelId: custom.id, custom })).toBe(true);
    expect(isKnownSelection({ modelId: 'nope' })).toBe(false);
    expect(findCatalogModel('Phi-3.5-mini-instruct-q4f16_1-MLC')?.speed).toBe('quality');
  });

  it('does not let callers mutate the catalog through a built config', () => {
    const config = buildAppConfig(undefined, everyLibPackaged());
    const first = config.model_list[0];
    if (first?.overrides) first.overrides.context_window_size = 1;
    expect(MODEL_CATALOG[0]?.record.overrides?.context_window_size).toBe(4096);
  });
});

describe('a store build ships the model libraries it offers (issue 15)', () => {
  it('points every model in the app config at its library inside the package, never at a web address', () => {
    const config = buildAppConfig(undefined, everyLibPackaged());
    expect(config.model_list).toHaveLength(MODEL_CATALOG.length + EMBEDDING_CATALOG.length);
    for (const record of config.model_list) {
      expect(record.model_lib.startsWith(TEST_LIB_BASE), record.model_id).toBe(true);
      expect(record.model_lib).not.toMatch(/^https?:/);
    }
  });

  it('leaves out a catalogue model whose library the build lacks, so it can never be fetched', () => {
    const [first, ...rest] = catalogLibFiles();
    const packaging = { ...everyLibPackaged(), packaged: new Set(rest) };
    const missing = MODEL_CATALOG.find((m) => m.libFile === first)!;
    const config = buildAppConfig({ modelId: missing.id }, packaging);
    expect(config.model_list.some((r) => r.model_id === missing.id)).toBe(false);
    expect(isOfferedSelection({ modelId: missing.id }, packaging)).toBe(false);
  });

  it('offers no model at all from a build without libraries, and no custom model in the store build', () => {
    const custom = customModelSchema.parse({ id: 'mine', modelUrl: 'https://example.com/m/', modelLibUrl: 'https://example.com/m.wasm' });
    const config = buildAppConfig({ modelId: 'mine', custom }, noLibPackaged(false));
    expect(config.model_list).toEqual([]);
    expect(isOfferedSelection({ modelId: 'mine', custom }, noLibPackaged(false))).toBe(false);
    expect(isOfferedSelection({ modelId: 'mine', custom }, noLibPackaged(true))).toBe(true);
    expect(recommendModel(gpu(), new Set())).toBeNull();
  });

  it('recommends only a model this build ships, the smallest one the GPU can run when the usual pick is missing', () => {
    const withoutQwen15 = new Set(catalogLibFiles().filter((f) => !f.startsWith('Qwen2-1.5B')));
    const pick = recommendModel(gpu({ shaderF16: false }), withoutQwen15);
    expect(pick?.libFile.startsWith('Qwen2-1.5B')).toBe(false);
    expect(pick?.needsShaderF16).toBe(false);
    expect(recommendModel(gpu(), new Set(catalogLibFiles()))?.family).toBe('qwen2.5-1.5b');
  });

  it('names each library file as WebLLM publishes it, in the one folder the README points to', () => {
    const published = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/';
    for (const model of [...MODEL_CATALOG, ...EMBEDDING_CATALOG]) {
      expect(prebuiltAppConfig.model_list.find((r) => r.model_id === model.id)?.model_lib).toBe(published + model.libFile);
    }
  });
});
