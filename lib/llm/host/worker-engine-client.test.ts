import type { ChatCompletionChunk, ChatCompletionRequestStreaming, InitProgressReport } from '@mlc-ai/web-llm';
import { buildAppConfig } from '../catalog';
import { makeInput } from '../draft-input.testutil';
import { classifyLoadError, createWebLLMEngine, isAbortError } from '../webllm-engine';
import { FakeMLCEngine, usageOf, type FakeEngineOptions } from './fake-mlc-engine.testutil';
import { clientOf, FakeModelWorker } from './fake-model-worker.testutil';
import { everyLibPackaged } from '../packaging.testutil';

const MODEL = 'Llama-3.2-1B-Instruct-q4f16_1-MLC';
const EMBEDDER = 'snowflake-arctic-embed-s-q0f32-MLC-b4';

function setup(options: FakeEngineOptions = {}) {
  const worker = new FakeModelWorker(new FakeMLCEngine(options));
  return { worker, engine: worker.engine, cache: worker.cache, client: clientOf(worker) };
}

const request = (overrides: Partial<ChatCompletionRequestStreaming> = {}): ChatCompletionRequestStreaming => ({
  model: MODEL,
  messages: [{ role: 'user', content: 'Why did my bread not rise?' }],
  stream: true,
  stream_options: { include_usage: true },
  ...overrides,
});

async function readAll(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const text = (chunks: ChatCompletionChunk[]) => chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');

describe('the engine client in the offscreen document, talking to the model worker', () => {
  it('loads a model in the worker, relays every progress report as it comes, and then reports the model as loaded', async () => {
    const reports: InitProgressReport[] = [
      { progress: 0, timeElapsed: 0, text: 'Start to fetch params' },
      { progress: 0.5, timeElapsed: 10, text: 'Fetching param cache[15/30]: 400MB fetched. 50% completed' },
      { progress: 1, timeElapsed: 20, text: 'Finish loading on WebGPU' },
    ];
    const { client, engine } = setup({ loadReports: reports });
    const heard: InitProgressReport[] = [];
    client.setInitProgressCallback((report) => heard.push(report));

    await client.reload(MODEL);

    expect(heard).toEqual(reports);
    expect(engine.calls).toContain(`reload:${MODEL}`);
    expect(client.modelId).toEqual([MODEL]);
  });

  it('sends the app config set before a reload with that reload, so a custom model record reaches the real engine', async () => {
    const { client, engine } = setup();
    const appConfig = buildAppConfig(undefined, everyLibPackaged());
    client.setAppConfig(appConfig);

    await client.reload([MODEL, EMBEDDER]);

    expect(engine.appConfig).toEqual(appConfig);
    expect(client.modelId).toEqual([MODEL, EMBEDDER]);
  });

  it('reports no model loaded after unload, and after a reload that failed', async () => {
    const { client, engine } = setup();
    await client.reload(MODEL);
    await client.unload();
    expect(client.modelId).toBeUndefined();

    await client.reload(MODEL);
    engine.options.loadError = new Error('Failed to fetch');
    await expect(client.reload(EMBEDDER)).rejects.toThrow('Failed to fetch');
    expect(client.modelId).toBeUndefined();
  });

  it('streams a reply chunk by chunk and ends with the usage chunk', async () => {
    const { client } = setup();
    await client.reload(MODEL);

    const chunks = await readAll(await client.chat.completions.create(request()));

    expect(text(chunks)).toBe('Thanks so much!');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.usage).toEqual(usageOf());
  });

  it('interrupts a generation in progress: the stream ends early with finish_reason "abort"', async () => {
    const { client, engine } = setup({ pieces: ['One', ' two', ' three', ' four', ' five'] });
    await client.reload(MODEL);
    const iterator = (await client.chat.completions.create(request()))[Symbol.asyncIterator]();

    const first = await iterator.next();
    client.interruptGenerate();
    const rest: ChatCompletionChunk[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value);

    expect(text([first.value as ChatCompletionChunk])).toBe('One');
    expect(engine.interruptCount).toBe(1);
    expect(rest.at(-1)?.choices[0]?.finish_reason).toBe('abort');
    expect(text(rest).length).toBeLessThan(' two three four five'.length);
  });

  it('ignores an interrupt that reaches the worker after its stream ended, so it cannot stop the next generation', async () => {
    const { client, worker, engine } = setup();
    await client.reload(MODEL);
    await readAll(await client.chat.completions.create(request()));
    const finished = worker.received.findLast((m) => m.kind === 'call' && m.call.method === 'chat');

    worker.postMessage({ kind: 'interrupt', callId: finished?.kind === 'call' ? finished.callId : -1 });
    const next = await readAll(await client.chat.completions.create(request()));

    expect(engine.interruptCount).toBe(0);
    expect(text(next)).toBe('Thanks so much!');
  });

  it('rejects the request itself when the worker refuses it before streaming, with the worker’s message', async () => {
    const { client } = setup();

    await expect(client.chat.completions.create(request())).rejects.toThrow('is not loaded with a model');
  });

  it('throws an error that happens mid-stream to the reader, after the chunks that came before it', async () => {
    const { client } = setup({ streamError: new Error('GPUPipelineError: shader compilation failed') });
    await client.reload(MODEL);
    const stream = await client.chat.completions.create(request());
    const seen: string[] = [];

    const reading = (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    })();

    await expect(reading).rejects.toThrow('GPUPipelineError: shader compilation failed');
    expect(seen).toEqual(['Thanks']);
  });

  it('keeps a load error’s name and message across the worker boundary, so the host classifies it as before', async () => {
    const lost = new Error('The WebGPU device was lost while loading the model.');
    lost.name = 'DeviceLostError';
    const { client } = setup({ loadError: lost });

    const error = await client.reload(MODEL).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('DeviceLostError');
    expect((error as Error).message).toBe('The WebGPU device was lost while loading the model.');
    expect(classifyLoadError(error).kind).toBe('device-lost');
  });

  it('carries a failed download (a 404 from the model host) through as a download error', async () => {
    const { client } = setup({ loadError: new TypeError("Failed to execute 'add' on 'Cache': Request failed") });

    const error = await client.reload(MODEL).catch((e: unknown) => e);

    expect((error as Error).name).toBe('TypeError');
    expect(classifyLoadError(error).kind).toBe('download');
  });

  it('carries an out-of-memory error thrown as a plain string through with its text', async () => {
    const { client } = setup({ loadError: 'Out of memory: failed to allocate buffer' });

    const error = await client.reload(MODEL).catch((e: unknown) => e);

    expect((error as Error).message).toBe('Out of memory: failed to allocate buffer');
    expect(classifyLoadError(error).kind).toBe('out-of-memory');
  });

  it('returns embeddings computed in the worker, one vector per text in order', async () => {
    const { client } = setup({ embedDims: 8 });
    await client.reload(EMBEDDER);

    const response = await client.embeddings.create({ input: ['bread rising', 'sourdough starter'], model: EMBEDDER });

    expect(response.data.map((d) => d.index)).toEqual([0, 1]);
    expect(response.data.every((d) => d.embedding.length === 8)).toBe(true);
  });

  it('rejects an embedding request the worker failed, with the worker’s message', async () => {
    const { client } = setup({ embedError: new Error('ExceedContextWindowSizeError: embedding input is too long') });
    await client.reload(EMBEDDER);

    await expect(client.embeddings.create({ input: ['x'], model: EMBEDDER })).rejects.toThrow('embedding input is too long');
  });

  it('asks the worker’s cache whether a model is stored, and deletes it there, with the app config given', async () => {
    const { client, cache } = setup();
    const appConfig = buildAppConfig(undefined, everyLibPackaged());
    const firstRecord = appConfig.model_list[0]?.model_id;
    cache.stored.add(MODEL);

    expect(await client.hasModelInCache(MODEL, appConfig)).toBe(true);
    await client.deleteModelAllInfoInCache(MODEL, appConfig);
    expect(await client.hasModelInCache(MODEL, appConfig)).toBe(false);
    expect(cache.calls).toEqual([`has:${MODEL}:${firstRecord}`, `delete:${MODEL}:${firstRecord}`, `has:${MODEL}:${firstRecord}`]);
  });

  it('rejects a cache check the worker failed, with the worker’s message', async () => {
    const { client, cache } = setup();
    cache.failWith = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

    const error = await client.hasModelInCache(MODEL, buildAppConfig(undefined, everyLibPackaged())).catch((e: unknown) => e);

    expect((error as Error).name).toBe('QuotaExceededError');
    expect(classifyLoadError(error).kind).toBe('storage-full');
  });

  it('rejects every waiting call, and every later one, once the worker is closed', async () => {
    const { client, engine } = setup();
    const release = engine.holdReload();
    const loading = client.reload(MODEL);
    const stopped = new DOMException('The model worker was stopped.', 'AbortError');

    client.close(stopped);
    release();

    await expect(loading).rejects.toBe(stopped);
    await expect(client.unload()).rejects.toBe(stopped);
    await expect(client.chat.completions.create(request())).rejects.toBe(stopped);
  });
});

describe('the drafting engine over the model worker', () => {
  const drafter = (client: ReturnType<typeof clientOf>) =>
    createWebLLMEngine({ getEngine: async () => client, modelId: MODEL, settings: { temperature: 0.7, maxTokens: 256 } });

  it('drafts a reply as it did on WebLLM’s own worker client: loading first, streaming tokens, with the usage metrics', async () => {
    const { client } = setup();
    const tokens: string[] = [];

    const result = await drafter(client).draft(makeInput(), { onToken: (t) => tokens.push(t) });

    expect(result.text).toBe('Thanks so much!');
    expect(tokens).toEqual(['Thanks', ' so', ' much', '!']);
    expect(result.metrics?.decodeTokensPerSecond).toBe(42);
  });

  it('cancels a draft mid-stream, and the next draft still runs', async () => {
    const { client, engine } = setup();
    const controller = new AbortController();
    const first = drafter(client).draft(makeInput(), {
      signal: controller.signal,
      onToken: () => {
        controller.abort();
      },
    });

    const error = await first.catch((e: unknown) => e);
    const second = await drafter(client).draft(makeInput());

    expect(isAbortError(error)).toBe(true);
    expect(engine.interruptCount).toBeGreaterThan(0);
    expect(second.text).toBe('Thanks so much!');
  });
});
