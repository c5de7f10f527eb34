import { buildAppConfig } from './catalog';
import { makeInput } from './draft-input.testutil';
import { FakeMLCEngine, usageOf } from './host/fake-mlc-engine.testutil';
import { classifyLoadError, createWebLLMEngine, WebLLMError, type WebLLMEngineDeps } from './webllm-engine';
import { everyLibPackaged } from './packaging.testutil';

const MODEL = 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC';

function engineWith(fake: FakeMLCEngine, overrides: Partial<WebLLMEngineDeps> = {}) {
  return createWebLLMEngine({
    getEngine: async () => fake,
    modelId: MODEL,
    modelLabel: 'Qwen2.5 1.5B',
    settings: { temperature: 0.7, maxTokens: 256 },
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('WebLLM engine adapter', () => {
  it('streams the reply to onToken piece by piece, in order, and returns the whole draft', async () => {
    const fake = new FakeMLCEngine({ pieces: ['So', ' glad', ' it', ' clicked', '!'] });
    const tokens: string[] = [];
    const result = await engineWith(fake).draft(makeInput(), { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['So', ' glad', ' it', ' clicked', '!']);
    expect(result.text).toBe('So glad it clicked!');
    expect(result.engine).toBe('webllm');
    expect(result.model).toBe(MODEL);
    expect(result.exampleIds).toEqual([11, 12]);
  });

  it('asks WebLLM for a streamed completion with usage, using the creator’s temperature and length settings', async () => {
    const fake = new FakeMLCEngine();
    await engineWith(fake, { settings: async () => ({ temperature: 0.3, maxTokens: 128 }) }).draft(makeInput());
    const request = fake.requests[0];
    expect(request?.stream).toBe(true);
    expect(request?.stream_options).toEqual({ include_usage: true });
    expect(request?.temperature).toBe(0.3);
    expect(request?.max_tokens).toBe(128);
    expect(request?.messages[0]?.role).toBe('system');
    expect(String(request?.messages[0]?.content)).toContain('I bake with King Arthur bread flour.');
  });

  it('loads the model on first use, reports download progress as status, and does not reload it for the next draft', async () => {
    const fake = new FakeMLCEngine({
      loadReports: [
        { progress: 0, timeElapsed: 0, text: 'Start to fetch params' },
        {
          progress: 0.39,
          timeElapsed: 20,
          text: 'Fetching param cache[12/30]: 345MB fetched. 39% completed, 20 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.',
        },
        { progress: 1, timeElapsed: 30, text: 'Finish loading on WebGPU - nvidia' },
      ],
    });
    const statuses: [string, number | undefined][] = [];
    const engine = engineWith(fake);
    await engine.draft(makeInput(), { onStatus: (m, p) => statuses.push([m, p]) });
    expect(statuses[0]).toEqual(['Loading Qwen2.5 1.5B…', 0]);
    expect(statuses).toContainEqual(['Downloading Qwen2.5 1.5B: 345 of 885 MB (39%), about 31 s left', 0.39]);
    expect(statuses).toContainEqual(['Qwen2.5 1.5B is ready', 1]);

    const again: string[] = [];
    await engine.draft(makeInput(), { onStatus: (m) => again.push(m) });
    expect(fake.calls.filter((c) => c.startsWith('reload:'))).toEqual([`reload:${MODEL}`]);
    expect(again).toEqual([]);
  });

  it('gives the engine the app config of a custom model before loading it', async () => {
    const fake = new FakeMLCEngine();
    const custom = { id: 'my-model', modelUrl: 'http://localhost:8000/my-model', modelLibUrl: 'http://localhost:8000/my-model.wasm' };
    const appConfig = buildAppConfig({ modelId: 'my-model', custom }, everyLibPackaged());
    await engineWith(fake, { modelId: 'my-model', appConfig }).draft(makeInput());
    expect(fake.calls.indexOf('setAppConfig')).toBeLessThan(fake.calls.indexOf('reload:my-model'));
    expect(fake.appConfig?.model_list.map((r) => r.model_id)).toContain('my-model');
  });

  it('cancelling while the reply streams interrupts generation and rejects with an AbortError', async () => {
    const fake = new FakeMLCEngine({ pieces: ['One', ' two', ' three', ' four', ' five'] });
    const controller = new AbortController();
    const tokens: string[] = [];
    const draft = engineWith(fake).draft(makeInput(), {
      signal: controller.signal,
      onToken: (t) => {
        tokens.push(t);
        if (tokens.length === 2) controller.abort();
      },
    });
    const error = await rejection(draft);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(fake.interruptCount).toBeGreaterThan(0);
    expect(tokens).toEqual(['One', ' two']);
  });

  it('after a cancel the engine is free for the next draft, which completes normally', async () => {
    const fake = new FakeMLCEngine({ pieces: ['a', 'b', 'c', 'd'] });
    const engine = engineWith(fake);
    const controller = new AbortController();
    const first = engine.draft(makeInput(), { signal: controller.signal, onToken: () => controller.abort() });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const second = await engine.draft(makeInput());
    expect(second.text).toBe('abcd');
    expect(fake.streamsFinished).toBe(2);
  });

  it('a draft cancelled before it starts rejects without asking the model for anything', async () => {
    const fake = new FakeMLCEngine();
    const controller = new AbortController();
    controller.abort();
    await expect(engineWith(fake).draft(makeInput(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.calls).toEqual([]);
  });

  it('cancelling while the model loads rejects at once, and the load still completes for the next draft', async () => {
    const fake = new FakeMLCEngine();
    const release = fake.holdReload();
    const engine = engineWith(fake);
    const controller = new AbortController();
    const first = engine.draft(makeInput(), { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const second = engine.draft(makeInput());
    release();
    expect((await second).text).toBe('Thanks so much!');
    expect(fake.calls.filter((c) => c.startsWith('reload:'))).toHaveLength(1);
  });

  it('reports WebLLM’s usage stats from the final chunk as draft metrics', async () => {
    const fake = new FakeMLCEngine({
      usage: usageOf({ time_to_first_token_s: 0.25, decode_tokens_per_s: 38.5, prefill_tokens_per_s: 910 }, { prompt: 600, completion: 24 }),
    });
    const result = await engineWith(fake).draft(makeInput());
    expect(result.metrics).toEqual({
      promptTokens: 600,
      completionTokens: 24,
      timeToFirstTokenMs: 250,
      decodeTokensPerSecond: 38.5,
      prefillTokensPerSecond: 910,
    });
  });

  it('measures metrics itself when the engine reports no usage', async () => {
    const fake = new FakeMLCEngine({ usage: null, pieces: ['a', 'b', 'c'] });
    let t = 0;
    const result = await engineWith(fake, { now: () => (t += 100) }).draft(makeInput());
    expect(result.metrics?.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(result.metrics?.completionTokens).toBe(3);
    expect(result.metrics?.decodeTokensPerSecond).toBeGreaterThan(0);
  });

  it('turns a GPU out-of-memory load failure into advice to pick a smaller model', async () => {
    const fake = new FakeMLCEngine({
      loadError: 'DeviceLostError: The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM).',
    });
    const error = await rejection(engineWith(fake).draft(makeInput()));
    expect(error).toBeInstanceOf(WebLLMError);
    expect((error as WebLLMError).kind).toBe('device-lost');
    expect((error as WebLLMError).message).toMatch(/smaller model/);
  });

  it('turns a failed download into advice to delete the cached model and download again', async () => {
    const fake = new FakeMLCEngine({ loadError: new TypeError('Failed to fetch') });
    const error = await rejection(engineWith(fake).draft(makeInput()));
    expect((error as WebLLMError).kind).toBe('download');
    expect((error as Error).message).toMatch(/delete the model from cache .* download it again/);
  });

  it('reports a missing WebGPU when the engine cannot even be created', async () => {
    const engine = createWebLLMEngine({
      getEngine: () => Promise.reject(new Error('WebGPUNotAvailableError: WebGPU is not supported in your current environment')),
      modelId: MODEL,
      settings: { temperature: 0.7, maxTokens: 256 },
    });
    const error = await rejection(engine.draft(makeInput()));
    expect((error as WebLLMError).kind).toBe('no-webgpu');
    expect((error as Error).message).toMatch(/memory engine/);
  });

  it('treats an empty reply as an error the creator can retry', async () => {
    const fake = new FakeMLCEngine({ pieces: ['  ', '\n'] });
    await expect(engineWith(fake).draft(makeInput())).rejects.toThrow(/Regenerate/);
  });

  it('maps an error in the middle of generation to a clear message', async () => {
    const fake = new FakeMLCEngine({ pieces: ['a', 'b', 'c'], streamError: new Error('Device lost') });
    const error = await rejection(engineWith(fake).draft(makeInput()));
    expect((error as WebLLMError).kind).toBe('device-lost');
  });
});

describe('classifyLoadError', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['out of GPU memory', new Error('Out of memory: failed to allocate buffer'), 'out-of-memory', /smaller model/],
    ['device lost (worker string)', 'DeviceLostError: The WebGPU device was lost while loading the model.', 'device-lost', /smaller model.*GPU driver/],
    ['shader compile error', { name: 'GPUPipelineError', message: 'Invalid ShaderModule: WGSL compilation failed' }, 'gpu-error', /update your browser and GPU driver, or use the memory engine/i],
    ['fetch failure', new TypeError('Failed to fetch'), 'download', /delete the model from cache/],
    ['corrupt cached config', new SyntaxError('Unexpected token < in JSON at position 0'), 'download', /download it again/],
    ['file missing on the model host', new TypeError("Failed to execute 'add' on 'Cache': Request failed"), 'download', /download it again/],
    ['integrity failure', new Error('Integrity verification failed for https://huggingface.co/x'), 'download', /delete the model from cache/],
    ['no WebGPU', new Error('WebGPUNotAvailableError: WebGPU is not supported in your current environment'), 'no-webgpu', /WebGPU is not available/],
    ['no adapter', new Error("Unable to find a compatible GPU. This issue might be because your computer doesn't have a GPU"), 'no-webgpu', /memory engine/],
    ['missing shader-f16', 'ShaderF16SupportError: This model requires WebGPU extension shader-f16', 'missing-f16', /32-bit build/],
    ['disk full', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'storage-full', /disk space/],
    ['unknown model', new Error('Cannot find model record in appConfig for foo'), 'model-not-found', /Choose one from the list/],
    ['prompt too long', 'ContextWindowSizeExceededError: Prompt tokens exceed context window size', 'context-window', /longer than the model’s context window/],
    ['embedding input too long', 'EmbeddingExceedContextWindowSizeError: The embedding model you are using only supports up to 512 context size.', 'context-window', /longer than the embedding model can read/],
    ['anything else', new Error('kaboom'), 'unknown', /Try again/],
  ];

  it.each(cases)('classifies %s', (_label, error, kind, message) => {
    const classified = classifyLoadError(error);
    expect(classified.kind).toBe(kind);
    expect(classified.message).toMatch(message);
    expect(classified.detail.length).toBeGreaterThan(0);
  });
});
