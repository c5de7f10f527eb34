import type { GpuCapability } from '../core/models';
import { describe, expect, it, vi } from 'vitest';
import { createEngineChooser, withMemoryFallback } from './engine-choice';
import type { DraftEngine } from '../llm/engine';
import type { LlmSettings } from '../llm/settings';

const realGpu: GpuCapability = { available: true, isSoftware: false, shaderF16: true, adapterName: 'Test GPU', maxBufferSize: 2 ** 31 };
const settings = (over: Partial<LlmSettings> = {}): LlmSettings => ({
  selectedModel: null,
  customModel: null,
  generation: { temperature: 0.7, maxTokens: 256 },
  idleUnloadMinutes: 5,
  enginePreference: 'auto',
  ...over,
});
const engine = (id: 'memory' | 'webllm', draft: DraftEngine['draft'] = async () => ({ text: id, engine: id, exampleIds: [] })): DraftEngine => ({ id, draft });

function chooser(over: { cap?: GpuCapability; cached?: boolean; settings?: LlmSettings } = {}) {
  const memory = engine('memory');
  const webllm = vi.fn(() => engine('webllm'));
  const capability = vi.fn(async () => over.cap ?? realGpu);
  const chooseEngine = createEngineChooser({
    memory,
    webllm,
    capability,
    isCached: async () => over.cached ?? true,
  });
  const choose = () => chooseEngine(over.settings ?? settings());
  return { choose, memory, capability, webllm };
}

describe('choosing the engine for a draft', () => {
  it('uses the model when the GPU is real and the model is downloaded', async () => {
    const { choose } = chooser();
    const choice = await choose();
    expect(choice.engine.id).toBe('webllm');
    expect(choice.notice).toBeUndefined();
  });

  it('falls back to past replies without WebGPU, and says why and where to look', async () => {
    const { choose } = chooser({ cap: { available: false, reason: 'WebGPU is not available in this browser', isSoftware: false, shaderF16: false } });
    const choice = await choose();
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toBe(
      'No WebGPU here (WebGPU is not available in this browser), so this draft comes from your past replies. Options → Model explains what your browser needs.',
    );
  });

  it('does not recommend a software GPU', async () => {
    const { choose } = chooser({ cap: { ...realGpu, isSoftware: true, adapterName: 'SwiftShader' } });
    expect((await choose()).notice).toMatch(/software GPU/);
  });

  it('asks the creator to download the model when it is not cached yet', async () => {
    const { choose } = chooser({ cached: false });
    const choice = await choose();
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toMatch(/not downloaded yet.*Download it in Options → Model/);
  });

  it('uses past replies silently when the creator chose the memory engine', async () => {
    const { choose, capability } = chooser({ settings: settings({ enginePreference: 'memory' }) });
    expect(await choose()).toEqual({ engine: expect.objectContaining({ id: 'memory' }) });
    expect(capability).not.toHaveBeenCalled();
  });

  it('drafts with the model this draft’s settings chose, and the generation settings read for it', async () => {
    const chosen = settings({ selectedModel: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', generation: { temperature: 0.2, maxTokens: 100 } });
    const { choose, webllm } = chooser({ settings: chosen });
    await choose();
    expect(webllm).toHaveBeenCalledWith(chosen, { modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' });
  });

  it('falls back to past replies, saying why, when the engine host cannot tell what the GPU is', async () => {
    const memory = engine('memory');
    const chooseEngine = createEngineChooser({
      memory,
      webllm: () => engine('webllm'),
      capability: async () => Promise.reject(new Error('The offscreen document could not start')),
      isCached: async () => true,
    });
    const choice = await chooseEngine(settings());
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toMatch(/could not check whether this machine can run an AI model \(The offscreen document could not start\)/);
    expect(choice.notice).not.toMatch(/No WebGPU/);
  });

  it('says the download could not be checked, not that the model is missing, when the cache check fails', async () => {
    const memory = engine('memory');
    const chooseEngine = createEngineChooser({
      memory,
      webllm: () => engine('webllm'),
      capability: async () => realGpu,
      isCached: async () => Promise.reject(new Error('The engine host stopped')),
    });
    const choice = await chooseEngine(settings());
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toMatch(/could not check whether the AI model is downloaded \(The engine host stopped\)/);
    expect(choice.notice).not.toMatch(/not downloaded yet/);
  });
});

describe('a model that fails while drafting', () => {
  it('still yields a draft from past replies, with the failure named', async () => {
    const failing = engine('webllm', async () => {
      throw new Error('Out of GPU memory. Pick a smaller model in Options → Model.');
    });
    const memory = engine('memory', async () => ({ text: 'from memory', engine: 'memory', exampleIds: [1], notice: 'Written from your past replies.' }));
    const result = await withMemoryFallback(failing, memory).draft({} as never, {});
    expect(result.engine).toBe('memory');
    expect(result.text).toBe('from memory');
    expect(result.notice).toMatch(/^The AI model could not write this draft: Out of GPU memory/);
  });

  it('does not fall back when the creator stopped the draft', async () => {
    const controller = new AbortController();
    controller.abort();
    const failing = engine('webllm', async () => {
      throw new DOMException('stopped', 'AbortError');
    });
    const memory = engine('memory');
    const spy = vi.spyOn(memory, 'draft');
    await expect(withMemoryFallback(failing, memory).draft({} as never, { signal: controller.signal })).rejects.toThrow('stopped');
    expect(spy).not.toHaveBeenCalled();
  });
});
