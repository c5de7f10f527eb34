import type { GpuCapability, ModelSelection } from '../core/models';
import { CACHED_ANSWER_MS, createModelPolicy, type ModelPolicyDeps } from './model-policy';
import { DEFAULT_LLM_SETTINGS, type LlmSettings } from './settings';

const EMBED = 'snowflake-arctic-embed-s-q0f32-MLC-b4';
const DRAFTING = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';
const realGpu: GpuCapability = { available: true, isSoftware: false, shaderF16: false, adapterName: 'Test GPU', maxBufferSize: 2 ** 31 };
const softwareGpu: GpuCapability = { ...realGpu, isSoftware: true, adapterName: 'SwiftShader' };
const settings = (over: Partial<LlmSettings> = {}): LlmSettings => ({ ...DEFAULT_LLM_SETTINGS, selectedModel: DRAFTING, ...over });

function policyWith(over: Partial<ModelPolicyDeps> & { gpu?: GpuCapability; cached?: boolean } = {}) {
  let time = 1_000_000;
  const isCached = vi.fn(async (_selection: ModelSelection) => over.cached ?? true);
  const policy = createModelPolicy({
    capability: async () => over.gpu ?? realGpu,
    isCached,
    embeddingChoice: async () => EMBED,
    now: () => time,
    ...over,
  });
  return { policy, isCached, advance: (ms: number) => (time += ms) };
}

describe('whether a model is downloaded', () => {
  it('reuses a recent answer, so a draft and its embedding batch ask the engine host once', async () => {
    const { policy, isCached, advance } = policyWith();
    await policy.isCached({ modelId: DRAFTING });
    advance(CACHED_ANSWER_MS - 1);
    await policy.isCached({ modelId: DRAFTING });
    expect(isCached).toHaveBeenCalledOnce();
  });

  it('asks again once the answer is 30 seconds old, so a download finished elsewhere is seen', async () => {
    const { policy, isCached, advance } = policyWith();
    await policy.isCached({ modelId: DRAFTING });
    advance(CACHED_ANSWER_MS);
    await policy.isCached({ modelId: DRAFTING });
    expect(isCached).toHaveBeenCalledTimes(2);
  });

  it('asks again right after a download or delete of that model', async () => {
    const { policy, isCached } = policyWith();
    await policy.isCached({ modelId: DRAFTING });
    policy.forget(DRAFTING);
    await policy.isCached({ modelId: DRAFTING });
    expect(isCached).toHaveBeenCalledTimes(2);
  });

  it('always asks about the creator’s own model, whose files can change under the same id', async () => {
    const { policy, isCached } = policyWith();
    const custom = { modelId: 'mine', custom: { id: 'mine', modelUrl: 'https://example.com/m', modelLibUrl: 'https://example.com/m.wasm' } };
    await policy.isCached(custom);
    await policy.isCached(custom);
    expect(isCached).toHaveBeenCalledTimes(2);
  });

  it('treats a failed question as not downloaded', async () => {
    const { policy } = policyWith({ isCached: async () => Promise.reject(new Error('host gone')) });
    await expect(policy.isCached({ modelId: DRAFTING })).resolves.toBe(false);
  });
});

describe('the embedding model in use', () => {
  it('is the chosen one when it is downloaded and the GPU is real', async () => {
    const { policy } = policyWith();
    expect((await policy.activeEmbedding(settings()))?.id).toBe(EMBED);
  });

  it('is none on a software GPU: matching words only, rather than hours of embedding', async () => {
    const { policy } = policyWith({ gpu: softwareGpu });
    expect(await policy.activeEmbedding(settings())).toBeNull();
  });

  it('is none until it is downloaded', async () => {
    const { policy } = policyWith({ cached: false });
    expect(await policy.activeEmbedding(settings())).toBeNull();
  });

  it('is none when the creator chose to draft from past replies only', async () => {
    const { policy } = policyWith();
    expect(await policy.activeEmbedding(settings({ enginePreference: 'memory' }))).toBeNull();
  });

  it('is none when the engine host cannot say what the GPU is', async () => {
    const { policy } = policyWith({ capability: async () => Promise.reject(new Error('no document')) });
    expect(await policy.activeEmbedding(settings())).toBeNull();
  });
});

describe('the drafting companion kept beside the embedding model', () => {
  it('is the drafting model in use, with a real GPU and the model downloaded', async () => {
    const { policy } = policyWith();
    expect(await policy.draftingCompanion(settings())).toEqual({ modelId: DRAFTING });
  });

  it('is none on a software GPU, where no model drafts', async () => {
    const { policy } = policyWith({ gpu: softwareGpu });
    expect(await policy.draftingCompanion(settings())).toBeUndefined();
  });

  it('is none while the drafting model is not downloaded', async () => {
    const { policy } = policyWith({ isCached: async (s: ModelSelection) => s.modelId !== DRAFTING });
    expect(await policy.draftingCompanion(settings())).toBeUndefined();
  });
});
