import type { GpuCapability } from '../core/models';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CUSTOM_MODEL_CHOICE,
  customModelItem,
  DEFAULT_GENERATION,
  engineOrderItem,
  enginePreferenceItem,
  generationSettingsItem,
  idleUnloadMinutesItem,
  loadIdleUnloadMinutes,
  loadLlmSettings,
  resolveModelSelection,
  saveCustomModel,
  saveEngineOrder,
  selectedModelItem,
} from './settings';
import { everyLibPackaged } from './packaging.testutil';

/** A build that ships every catalogue library and allows custom models. */
const ALL = everyLibPackaged(true);

const gpu: GpuCapability = { available: true, isSoftware: false, shaderF16: true, deviceMemoryGB: 8 };
const custom = { id: 'mine', modelUrl: 'https://models.example.org/mine', modelLibUrl: 'https://models.example.org/mine.wasm' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('LLM settings', () => {
  it('starts with sensible defaults: temperature 0.7, 256 tokens, unload after 5 idle minutes, automatic engine', async () => {
    const settings = await loadLlmSettings();
    expect(settings).toEqual({
      selectedModel: null,
      customModel: null,
      generation: { temperature: 0.7, maxTokens: 256 },
      idleUnloadMinutes: 5,
      engineOrder: ['webllm', 'builtin', 'memory'],
      enginePreference: 'auto',
    });
    expect(DEFAULT_GENERATION).toEqual({ temperature: 0.7, maxTokens: 256 });
  });

  it('remembers what the creator chose', async () => {
    await selectedModelItem.setValue('Llama-3.2-1B-Instruct-q4f16_1-MLC');
    await generationSettingsItem.setValue({ temperature: 0.2, maxTokens: 128 });
    await idleUnloadMinutesItem.setValue(15);
    await saveEngineOrder(['builtin', 'memory', 'webllm']);
    const settings = await loadLlmSettings();
    expect(settings.selectedModel).toBe('Llama-3.2-1B-Instruct-q4f16_1-MLC');
    expect(settings.generation).toEqual({ temperature: 0.2, maxTokens: 128 });
    expect(settings.idleUnloadMinutes).toBe(15);
    expect(settings.engineOrder).toEqual(['builtin', 'memory', 'webllm']);
  });

  it('falls back to defaults when a stored value is no longer valid', async () => {
    await generationSettingsItem.setValue({ temperature: 9, maxTokens: -1 });
    await idleUnloadMinutesItem.setValue(0);
    const settings = await loadLlmSettings();
    expect(settings.generation).toEqual(DEFAULT_GENERATION);
    expect(settings.idleUnloadMinutes).toBe(5);
  });

  it('validates a custom model before saving it', async () => {
    await expect(saveCustomModel({ ...custom, modelUrl: 'http://evil.example/m' })).rejects.toThrow(/https/);
    expect(await customModelItem.getValue()).toBeNull();
    await saveCustomModel(custom);
    expect((await loadLlmSettings()).customModel).toEqual(custom);
  });
});

describe('the engine order, for creators from before it existed', () => {
  it('keeps past replies first for a creator who chose “Always use my past replies”', async () => {
    await enginePreferenceItem.setValue('memory');
    const settings = await loadLlmSettings();
    expect(settings.engineOrder).toEqual(['memory', 'webllm', 'builtin']);
    expect(settings.enginePreference).toBe('memory');
  });

  it('gives a creator who let Understudy use a model the default chain, with the browser’s model before past replies', async () => {
    await enginePreferenceItem.setValue('auto');
    expect((await loadLlmSettings()).engineOrder).toEqual(['webllm', 'builtin', 'memory']);
  });

  it('follows the saved order once there is one, whatever the old choice said', async () => {
    await enginePreferenceItem.setValue('memory');
    await engineOrderItem.setValue(['webllm', 'memory', 'builtin']);
    const settings = await loadLlmSettings();
    expect(settings.engineOrder).toEqual(['webllm', 'memory', 'builtin']);
    expect(settings.enginePreference).toBe('auto');
  });

  it('keeps the old choice in step with a saved order, so the model stays unused while past replies come first', async () => {
    await saveEngineOrder(['builtin', 'memory', 'webllm']);
    expect(await enginePreferenceItem.getValue()).toBe('memory');
    await saveEngineOrder(['builtin', 'webllm', 'memory']);
    expect(await enginePreferenceItem.getValue()).toBe('auto');
  });

  it('repairs a stored order that lost or repeated an engine', async () => {
    await engineOrderItem.setValue(['builtin', 'builtin', 'memory'] as never);
    expect((await loadLlmSettings()).engineOrder).toEqual(['webllm', 'builtin', 'memory']);
  });
});

describe('resolveModelSelection', () => {
  it('recommends a model for the GPU when the creator has not picked one', async () => {
    expect(resolveModelSelection(await loadLlmSettings(), gpu, ALL)).toEqual({ modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' });
  });

  it('uses the creator’s pick, or their custom model', async () => {
    const settings = await loadLlmSettings();
    expect(resolveModelSelection({ ...settings, selectedModel: 'Phi-3.5-mini-instruct-q4f32_1-MLC' }, gpu, ALL)).toEqual({
      modelId: 'Phi-3.5-mini-instruct-q4f32_1-MLC',
    });
    expect(resolveModelSelection({ ...settings, selectedModel: CUSTOM_MODEL_CHOICE, customModel: custom }, gpu, ALL)).toEqual({
      modelId: 'mine',
      custom,
    });
  });

  it('selects no model when the creator prefers the memory engine or the GPU is unusable', async () => {
    const settings = await loadLlmSettings();
    expect(resolveModelSelection({ ...settings, enginePreference: 'memory' }, gpu, ALL)).toBeNull();
    expect(resolveModelSelection(settings, { ...gpu, isSoftware: true }, ALL)).toBeNull();
    expect(resolveModelSelection({ ...settings, selectedModel: CUSTOM_MODEL_CHOICE }, gpu, ALL)).toBeNull();
  });
});

describe('the idle-unload period a new engine host is told', () => {
  it('is the stored value, so it applies from the first draft after a browser start', async () => {
    await idleUnloadMinutesItem.setValue(12);
    await expect(loadIdleUnloadMinutes()).resolves.toBe(12);
  });

  it('falls back to 5 minutes when nothing valid is stored', async () => {
    await expect(loadIdleUnloadMinutes()).resolves.toBe(5);
    await idleUnloadMinutesItem.setValue(0);
    await expect(loadIdleUnloadMinutes()).resolves.toBe(5);
  });
});
