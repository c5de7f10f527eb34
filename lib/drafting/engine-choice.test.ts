import type { EngineId } from '../core/draft';
import type { GpuCapability } from '../core/models';
import { describe, expect, it, vi } from 'vitest';
import type { BuiltinState } from '../llm/builtin-engine';
import type { DraftEngine } from '../llm/engine';
import { DEFAULT_LLM_SETTINGS, type LlmSettings } from '../llm/settings';
import { createEngineChooser, type EngineChoiceDeps } from './engine-choice';

const realGpu: GpuCapability = { available: true, isSoftware: false, shaderF16: true, adapterName: 'Test GPU', maxBufferSize: 2 ** 31 };
const noGpu: GpuCapability = { available: false, reason: 'WebGPU is not available in this browser', isSoftware: false, shaderF16: false };
const settings = (over: Partial<LlmSettings> = {}): LlmSettings => ({ ...DEFAULT_LLM_SETTINGS, ...over });
const ordered = (...engineOrder: EngineId[]) => settings({ engineOrder });
const engine = (id: EngineId, draft: DraftEngine['draft'] = async () => ({ text: id, engine: id, exampleIds: [] })): DraftEngine => ({ id, draft });
/** The memory engine as the real one behaves: the chooser's reason replaces its own notice. */
const memoryEngine = () =>
  engine('memory', async (_input, options) => ({
    text: 'from memory',
    engine: 'memory',
    exampleIds: [1],
    notice: (options as { reason?: string }).reason ?? 'Written from your past replies.',
  }));

function chooser(over: { cap?: GpuCapability; cached?: boolean; builtin?: BuiltinState; deps?: Partial<EngineChoiceDeps> } = {}) {
  const memory = memoryEngine();
  const webllm = vi.fn(() => engine('webllm'));
  const builtin = vi.fn(() => engine('builtin'));
  const capability = vi.fn(async () => over.cap ?? realGpu);
  const builtinState = vi.fn(async () => over.builtin ?? 'available');
  const chooseEngine = createEngineChooser({
    memory,
    webllm,
    capability,
    isCached: async () => over.cached ?? true,
    builtin,
    builtinState,
    ...over.deps,
  });
  return { chooseEngine, memory, capability, webllm, builtin, builtinState };
}

describe('choosing the engine for a draft from the creator’s order', () => {
  it('uses the first engine in the order that can run, without a notice', async () => {
    const { chooseEngine } = chooser();
    expect((await chooseEngine(ordered('webllm', 'builtin', 'memory'))).engine.id).toBe('webllm');
    expect((await chooseEngine(ordered('builtin', 'webllm', 'memory'))).engine.id).toBe('builtin');
    const choice = await chooseEngine(ordered('builtin', 'webllm', 'memory'));
    expect(choice.notice).toBeUndefined();
  });

  it('uses past replies silently, asking nothing of the GPU or the browser, when the creator put them first', async () => {
    const { chooseEngine, capability, builtinState } = chooser();
    expect(await chooseEngine(ordered('memory', 'webllm', 'builtin'))).toEqual({ engine: expect.objectContaining({ id: 'memory' }) });
    expect(capability).not.toHaveBeenCalled();
    expect(builtinState).not.toHaveBeenCalled();
  });

  it('falls to the browser’s model without WebGPU, saying why the AI model was skipped', async () => {
    const { chooseEngine } = chooser({ cap: noGpu });
    const choice = await chooseEngine(ordered('webllm', 'builtin', 'memory'));
    expect(choice.engine.id).toBe('builtin');
    expect(choice.notice).toBe(
      "No WebGPU here (WebGPU is not available in this browser), so the AI model can't run. Options → Model explains what your browser needs. So this draft comes from the browser's built-in model.",
    );
  });

  it('falls to past replies when neither model can run, naming both reasons in order', async () => {
    const { chooseEngine } = chooser({ cap: noGpu, builtin: 'unavailable' });
    const choice = await chooseEngine(ordered('webllm', 'builtin', 'memory'));
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toMatch(/^No WebGPU here .*The browser's built-in model is not available on this device\. So this draft comes from your past replies\.$/);
  });

  it('says the browser has no built-in model when it lacks the Prompt API', async () => {
    const { chooseEngine } = chooser({ builtin: 'absent' });
    const choice = await chooseEngine(ordered('builtin', 'webllm', 'memory'));
    expect(choice.engine.id).toBe('webllm');
    expect(choice.notice).toMatch(/^This browser has no built-in model \(Chrome offers one from version 138.*So this draft comes from the AI model\.$/);
  });

  it('uses the browser’s model while the browser still has to download it, since the browser fetches it on first use', async () => {
    for (const state of ['downloadable', 'downloading'] as const) {
      const { chooseEngine } = chooser({ builtin: state });
      expect((await chooseEngine(ordered('builtin', 'memory', 'webllm'))).engine.id).toBe('builtin');
    }
  });

  it('skips the browser’s model with a reason when this build has no way to reach it', async () => {
    const { chooseEngine } = chooser({ deps: { builtin: undefined, builtinState: undefined } });
    const choice = await chooseEngine(ordered('builtin', 'memory', 'webllm'));
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toMatch(/no built-in model/);
  });

  it('does not recommend a software GPU', async () => {
    const { chooseEngine } = chooser({ cap: { ...realGpu, isSoftware: true, adapterName: 'SwiftShader' }, builtin: 'unavailable' });
    expect((await chooseEngine(settings())).notice).toMatch(/software GPU/);
  });

  it('asks the creator to download the model when it is not cached yet', async () => {
    const { chooseEngine } = chooser({ cached: false, builtin: 'unavailable' });
    const choice = await chooseEngine(settings());
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toMatch(/not downloaded yet\. Download it in Options → Model\./);
  });

  it('drafts with the model this draft’s settings chose, and the generation settings read for it', async () => {
    const chosen = settings({ selectedModel: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', generation: { temperature: 0.2, maxTokens: 100 } });
    const { chooseEngine, webllm } = chooser();
    await chooseEngine(chosen);
    expect(webllm).toHaveBeenCalledWith(chosen, { modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' });
  });

  it('says the GPU could not be checked, not that there is no WebGPU, when the engine host does not answer', async () => {
    const { chooseEngine } = chooser({ builtin: 'unavailable', deps: { capability: () => Promise.reject(new Error('The offscreen document could not start')) } });
    const choice = await chooseEngine(settings());
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toMatch(/could not check whether this machine can run an AI model \(The offscreen document could not start\)/);
    expect(choice.notice).not.toMatch(/No WebGPU/);
  });

  it('says the download could not be checked, not that the model is missing, when the cache check fails', async () => {
    const { chooseEngine } = chooser({ builtin: 'unavailable', deps: { isCached: () => Promise.reject(new Error('The engine host stopped')) } });
    const choice = await chooseEngine(settings());
    expect(choice.notice).toMatch(/could not check whether the AI model is downloaded \(The engine host stopped\)/);
    expect(choice.notice).not.toMatch(/not downloaded yet/);
  });

  it('says the browser’s model could not be checked when asking about it fails', async () => {
    const { chooseEngine } = chooser({ deps: { builtinState: () => Promise.reject(new Error('broken')) } });
    const choice = await chooseEngine(ordered('builtin', 'memory', 'webllm'));
    expect(choice.engine.id).toBe('memory');
    expect(choice.notice).toMatch(/could not check the browser's built-in model \(broken\)/);
  });
});

describe('an engine that fails while drafting', () => {
  it('hands over to the next engine in the order, with the failure named', async () => {
    const failing = engine('webllm', async () => {
      throw new Error('Out of GPU memory. Pick a smaller model in Options → Model.');
    });
    const { chooseEngine } = chooser({ deps: { webllm: () => failing } });
    const choice = await chooseEngine(settings());
    const result = await choice.engine.draft({} as never, {});
    expect(result.engine).toBe('builtin');
    expect(result.notice).toBe(
      "The AI model could not write this draft: Out of GPU memory. Pick a smaller model in Options → Model. So this draft comes from the browser's built-in model.",
    );
  });

  it('goes on down the chain to past replies, telling the whole story once', async () => {
    const failing = (id: EngineId) =>
      engine(id, async () => {
        throw new Error(`${id} broke`);
      });
    const { chooseEngine } = chooser({ cap: noGpu, deps: { builtin: () => failing('builtin') } });
    const choice = await chooseEngine(settings());
    const result = await choice.engine.draft({} as never, {});
    expect(result.engine).toBe('memory');
    expect(result.text).toBe('from memory');
    expect(result.notice?.startsWith(choice.notice ?? 'missing')).toBe(true);
    expect(result.notice).toMatch(/The browser's built-in model could not write this draft: builtin broke\. So this draft comes from your past replies\.$/);
    expect(result.notice?.match(/No WebGPU here/g)).toHaveLength(1);
  });

  it('does not fall back when the creator stopped the draft', async () => {
    const controller = new AbortController();
    controller.abort();
    const stopped = engine('webllm', async () => {
      throw new DOMException('stopped', 'AbortError');
    });
    const { chooseEngine, memory, builtin } = chooser({ deps: { webllm: () => stopped } });
    const spy = vi.spyOn(memory, 'draft');
    const choice = await chooseEngine(settings());
    await expect(choice.engine.draft({} as never, { signal: controller.signal })).rejects.toThrow('stopped');
    expect(spy).not.toHaveBeenCalled();
    expect(builtin).not.toHaveBeenCalled();
  });
});
