import { describe, expect, it } from 'vitest';
import { builtinState, createBuiltinEngine, createChunkReader, type BuiltinEngineDeps } from './builtin-engine';
import { createFakeLanguageModel, type FakeLanguageModelOptions } from './builtin-engine.testutil';
import { makeInput } from './draft-input.testutil';

function engineWith(options: FakeLanguageModelOptions = {}, over: Partial<BuiltinEngineDeps> = {}) {
  const api = createFakeLanguageModel(options);
  let clock = 0;
  const engine = createBuiltinEngine({
    getApi: () => api,
    settings: { temperature: 0.4, maxTokens: 256 },
    // Each reading of the clock is 100 ms later: the first token comes after a known wait.
    now: () => (clock += 100),
    ...over,
  });
  return { api, engine };
}

describe("the browser's built-in model as an engine", () => {
  it('streams the reply piece by piece and records that the built-in model wrote it', async () => {
    const { engine } = engineWith({ chunks: ['Thanks ', 'so much', '!'] });
    const tokens: string[] = [];
    const result = await engine.draft(makeInput(), { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['Thanks ', 'so much', '!']);
    expect(result.text).toBe('Thanks so much!');
    expect(result.engine).toBe('builtin');
    expect(result.model).toBe("Browser's built-in model");
  });

  it('shows the same text when the browser streams the whole reply so far in each chunk', async () => {
    const { engine } = engineWith({ chunks: ['Thanks ', 'so much', '!'], cumulative: true });
    const tokens: string[] = [];
    const result = await engine.draft(makeInput(), { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['Thanks ', 'so much', '!']);
    expect(result.text).toBe('Thanks so much!');
  });

  it('gives the model the creator’s rules as its setup and the examples and comment as the prompt', async () => {
    const { api, engine } = engineWith();
    await engine.draft(makeInput());
    const setup = api.createCalls[0]?.initialPrompts ?? [];
    expect(setup).toHaveLength(1);
    expect(setup[0]?.role).toBe('system');
    expect(setup[0]?.content).toContain('Warm, short, a little nerdy about fermentation.');
    const prompt = api.prompts[0] as { role: string; content: string }[];
    expect(prompt.every((m) => m.role !== 'system')).toBe(true);
    expect(prompt.at(-1)?.content).toContain('What flour do you use?');
    expect(api.createCalls[0]?.temperature).toBe(0.4);
  });

  it('reports the browser’s own download progress while its model downloads on first use', async () => {
    const { engine } = engineWith({ availability: 'downloadable', downloadProgress: [0, 0.5, 1] });
    const statuses: [string, number | undefined][] = [];
    await engine.draft(makeInput(), { onStatus: (message, progress) => statuses.push([message, progress]) });
    const downloads = statuses.filter(([message]) => message.includes('downloading its built-in model'));
    expect(downloads.map(([, progress]) => progress)).toEqual([0, 0.5, 1]);
    expect(downloads[1]?.[0]).toMatch(/50%/);
  });

  it('records time to first token and an estimated speed for the draft', async () => {
    const { engine } = engineWith();
    const result = await engine.draft(makeInput());
    expect(result.metrics?.timeToFirstTokenMs).toBe(100);
    expect(result.metrics?.promptTokens).toBeGreaterThan(0);
    expect(result.metrics?.completionTokens).toBeGreaterThan(0);
    expect(result.metrics?.decodeTokensPerSecond).toBeGreaterThan(0);
  });

  it('stops writing when the creator presses Stop, and frees the session', async () => {
    const { api, engine } = engineWith({ chunks: ['One ', 'two ', 'three'], stallAfter: 1 });
    const controller = new AbortController();
    const tokens: string[] = [];
    const drafting = engine.draft(makeInput(), {
      signal: controller.signal,
      onToken: (t) => {
        tokens.push(t);
        controller.abort();
      },
    });
    await expect(drafting).rejects.toMatchObject({ name: 'AbortError' });
    expect(tokens).toEqual(['One ']);
    expect(api.destroyed).toBe(1);
  });

  it('does not start the model for a draft already stopped', async () => {
    const { api, engine } = engineWith();
    const controller = new AbortController();
    controller.abort();
    await expect(engine.draft(makeInput(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(api.createCalls).toHaveLength(0);
  });

  it('cuts the reply at the creator’s maximum length, since the browser has no such limit', async () => {
    const { engine } = engineWith({ chunks: Array.from({ length: 50 }, () => 'word ') }, { settings: { temperature: 0.7, maxTokens: 10 } });
    const result = await engine.draft(makeInput());
    expect(result.text.split(' ').length).toBeLessThan(15);
  });

  it('explains a failure to start the model in words the creator can act on', async () => {
    const { api, engine } = engineWith({ createError: new DOMException('Requires a user gesture', 'NotAllowedError') });
    await expect(engine.draft(makeInput())).rejects.toThrow(/did not let Understudy start its built-in model/);
    expect(api.destroyed).toBe(0);
  });

  it('names the failure when the reply breaks off mid-stream, and frees the session', async () => {
    const { api, engine } = engineWith({ streamErrorAfter: { chunks: 1, error: new Error('The model crashed') } });
    await expect(engine.draft(makeInput())).rejects.toThrow(/could not write this draft \(Error: The model crashed\)/);
    expect(api.destroyed).toBe(1);
  });

  it('refuses a prompt longer than the session can read instead of sending it', async () => {
    const { api, engine } = engineWith({ inputQuota: 1000, promptUsage: 1500 });
    await expect(engine.draft(makeInput())).rejects.toThrow(/longer than the browser's built-in model can read/);
    expect(api.prompts).toHaveLength(0);
  });

  it('says the browser offers no built-in model when the API is missing', async () => {
    const { engine } = engineWith({}, { getApi: () => undefined });
    await expect(engine.draft(makeInput())).rejects.toThrow("This browser doesn't offer a built-in model.");
  });

  it('fails with a reason, never an empty draft, when the model says nothing', async () => {
    const { engine } = engineWith({ chunks: ['  '] });
    await expect(engine.draft(makeInput())).rejects.toThrow(/empty reply/);
  });
});

describe("the built-in model's state", () => {
  it.each(['available', 'downloadable', 'downloading', 'unavailable'] as const)('is reported as the browser says: %s', async (state) => {
    await expect(builtinState(createFakeLanguageModel({ availability: state }))).resolves.toBe(state);
  });

  it('is absent in a browser without the Prompt API', async () => {
    await expect(builtinState(undefined)).resolves.toBe('absent');
  });

  it('counts as unavailable when the browser cannot answer', async () => {
    const api = { ...createFakeLanguageModel(), availability: async () => Promise.reject(new Error('broken')) };
    await expect(builtinState(api)).resolves.toBe('unavailable');
  });
});

describe('reading the stream', () => {
  it('keeps a piece that happens to start like the reply so far', () => {
    const read = createChunkReader();
    expect([read('Ha'), read('Ha'), read('Ha!')]).toEqual(['Ha', 'Ha', 'Ha!']);
  });
});
