import type { EngineHostOut } from '../../messaging/engine-protocol';
import { toWireInput } from './offscreen-client';
import { makeInput } from '../draft-input.testutil';
import { createEngineHost, PAIR_TOO_BIG, type EngineHostDeps } from './engine-host';
import { FakeMLCEngine } from './fake-mlc-engine.testutil';
import { everyLibPackaged } from '../packaging.testutil';

const MODEL = { modelId: 'Llama-3.2-1B-Instruct-q4f16_1-MLC' };
const GENERATION = { temperature: 0.7, maxTokens: 256 };

/** Lets queued microtasks (fake worker messages, promise chains) run. */
async function settle(turns = 50) {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

function setup(overrides: Partial<EngineHostDeps> = {}, engineOptions: ConstructorParameters<typeof FakeMLCEngine>[0] = {}) {
  const engines: FakeMLCEngine[] = [new FakeMLCEngine(engineOptions)];
  const current = () => engines.at(-1) as FakeMLCEngine;
  const deps: EngineHostDeps = {
    getEngine: vi.fn(async () => current()),
    resetEngine: vi.fn(async () => {
      engines.push(new FakeMLCEngine(engineOptions));
    }),
    hasModelInCache: vi.fn(async () => true),
    deleteModelAllInfoInCache: vi.fn(async () => {}),
    estimateStorage: vi.fn(async () => ({ usage: 1_200_000_000, quota: 50_000_000_000 })),
    detectGpu: vi.fn(async () => ({ available: true, isSoftware: false, shaderF16: true, adapterName: 'Test GPU' })),
    packaging: everyLibPackaged(),
    ...overrides,
  };
  const host = createEngineHost(deps);
  const tab = () => {
    const received: EngineHostOut[] = [];
    const session = host.connect((m) => received.push(m));
    return {
      session,
      received,
      of: (requestId: string) => received.filter((m) => m.requestId === requestId),
      positions: (requestId: string) =>
        received.flatMap((m) => (m.type === 'queue' && m.requestId === requestId ? [m.position] : [])),
      done: (requestId: string) => received.find((m) => m.type === 'done' && m.requestId === requestId),
      draft: (requestId: string) =>
        session.receive({ type: 'draft.start', requestId, model: MODEL, generation: GENERATION, input: toWireInput(makeInput()) }),
    };
  };
  return { host, deps, engines, current, tab };
}

describe('engine host queue', () => {
  it('runs drafts from several tabs one at a time, in order, telling each its place in line as it changes', async () => {
    const { tab, current } = setup();
    current().pause();
    const a = tab();
    const b = tab();
    const c = tab();
    a.draft('a1');
    b.draft('b1');
    c.draft('c1');
    await settle();
    expect(a.positions('a1')).toEqual([0]);
    expect(b.positions('b1')).toEqual([1]);
    expect(c.positions('c1')).toEqual([2]);

    current().resume();
    await settle(400);
    expect(b.positions('b1')).toEqual([1, 0]);
    expect(c.positions('c1')).toEqual([2, 1, 0]);
    expect(a.done('a1')).toBeDefined();
    expect(b.done('b1')).toBeDefined();
    expect(c.done('c1')).toBeDefined();
    const finishOrder = [...a.received, ...b.received, ...c.received];
    expect(finishOrder.filter((m) => m.type === 'done').length).toBe(3);
    expect(current().requests).toHaveLength(3);
  });

  it('streams tokens only to the tab that asked, then the finished draft', async () => {
    const { tab } = setup();
    const a = tab();
    const b = tab();
    a.draft('a1');
    await settle(200);
    const tokens = a.of('a1').flatMap((m) => (m.type === 'token' ? [m.text] : []));
    expect(tokens.join('')).toBe('Thanks so much!');
    const done = a.done('a1');
    expect(done?.type === 'done' && done.result).toMatchObject({ text: 'Thanks so much!', engine: 'webllm', model: MODEL.modelId });
    expect(b.received).toEqual([]);
  });

  it('removes a cancelled queued draft and moves the drafts behind it up', async () => {
    const { tab, current } = setup();
    current().pause();
    const a = tab();
    const b = tab();
    const c = tab();
    a.draft('a1');
    b.draft('b1');
    c.draft('c1');
    await settle();
    b.session.receive({ type: 'draft.cancel', requestId: 'b1' });
    await settle();
    expect(b.of('b1').at(-1)).toEqual({ type: 'cancelled', requestId: 'b1' });
    expect(c.positions('c1')).toEqual([2, 1]);

    current().resume();
    await settle(400);
    expect(b.done('b1')).toBeUndefined();
    expect(c.done('c1')).toBeDefined();
    expect(current().requests).toHaveLength(2);
  });

  it('cancelling the running draft interrupts generation, and the next draft then runs', async () => {
    const { tab, current } = setup();
    const a = tab();
    const b = tab();
    current().pause();
    a.draft('a1');
    b.draft('b1');
    await settle(100);
    a.session.receive({ type: 'draft.cancel', requestId: 'a1' });
    await settle();
    expect(current().interruptCount).toBeGreaterThan(0);
    current().resume();
    await settle(400);
    expect(a.of('a1').at(-1)).toEqual({ type: 'cancelled', requestId: 'a1' });
    expect(b.done('b1')).toBeDefined();
  });

  it('ignores a cancel for another tab’s request', async () => {
    const { tab, current } = setup();
    current().pause();
    const a = tab();
    const b = tab();
    a.draft('a1');
    await settle();
    b.session.receive({ type: 'draft.cancel', requestId: 'a1' });
    current().resume();
    await settle(200);
    expect(a.done('a1')).toBeDefined();
  });

  it('cancels the drafts of a tab whose port closed, and carries on with the others', async () => {
    const { tab, current } = setup();
    current().pause();
    const a = tab();
    const b = tab();
    a.draft('a1');
    a.draft('a2');
    b.draft('b1');
    await settle();
    a.session.close();
    current().resume();
    await settle(400);
    expect(b.done('b1')).toBeDefined();
    expect(b.positions('b1')).toEqual([2, 1, 0]);
    expect(current().requests.length).toBeLessThanOrEqual(2);
  });

  it('rejects a malformed request with an error instead of running it', async () => {
    const { tab, deps } = setup();
    const a = tab();
    a.session.receive({ type: 'draft.start', requestId: 'bad', model: MODEL });
    a.session.receive({ type: 'format.disk', requestId: 'evil' });
    await settle();
    expect(a.of('bad')).toEqual([
      { type: 'error', requestId: 'bad', message: 'The engine could not read this request: generation is missing (and 1 more problem).' },
    ]);
    expect(a.of('evil')[0]?.type).toBe('error');
    expect(deps.getEngine).not.toHaveBeenCalled();
  });

  it('reports an unknown model with advice instead of loading it', async () => {
    const { tab } = setup();
    const a = tab();
    a.session.receive({ type: 'draft.start', requestId: 'x', model: { modelId: 'not-a-model' }, generation: GENERATION, input: toWireInput(makeInput()) });
    await settle();
    expect(a.of('x').at(-1)).toMatchObject({ type: 'error', kind: 'model-not-found' });
  });

  it('reports a lost GPU with advice and starts a fresh engine for the next request', async () => {
    const { tab, deps, engines } = setup({}, { loadError: 'DeviceLostError: The WebGPU device was lost while loading the model.' });
    const a = tab();
    a.draft('a1');
    await settle(100);
    expect(a.of('a1').at(-1)).toMatchObject({ type: 'error', kind: 'device-lost' });
    expect(deps.resetEngine).toHaveBeenCalledTimes(1);
    expect(engines).toHaveLength(2);
  });
});

describe('engine host model downloads', () => {
  const fetching = (progress: number, mb: number, secs: number) => ({
    progress,
    timeElapsed: secs,
    text: `Fetching param cache[1/20]: ${mb}MB fetched. ${Math.floor(progress * 100)}% completed, ${secs} secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.`,
  });

  it('reports download progress with megabytes and time left, then ok', async () => {
    const { tab } = setup({}, { loadReports: [fetching(0.25, 175, 30), fetching(0.5, 350, 60)] });
    const a = tab();
    a.session.receive({ type: 'model.download', requestId: 'd1', model: MODEL });
    await settle(100);
    const progress = a.of('d1').filter((m) => m.type === 'progress');
    expect(progress[0]).toMatchObject({ phase: 'download', progress: 0.25, loadedMB: 175, totalMB: 700, timeLeftSeconds: 90 });
    expect(progress[1]).toMatchObject({ loadedMB: 350, totalMB: 700, timeLeftSeconds: 60 });
    expect(progress[1]?.type === 'progress' && progress[1].message).toBe('Downloading Llama 3.2 1B (16-bit shaders): 350 of 700 MB (50%), about 1 min left');
    expect(a.of('d1').at(-1)).toEqual({ type: 'ok', requestId: 'd1' });
  });

  it('cancelling a download drops the engine, since WebLLM cannot stop a download otherwise', async () => {
    const { tab, current, deps } = setup();
    current().holdReload();
    const a = tab();
    a.session.receive({ type: 'model.download', requestId: 'd1', model: MODEL });
    await settle();
    a.session.receive({ type: 'model.cancel', requestId: 'd1' });
    await settle();
    expect(deps.resetEngine).toHaveBeenCalledTimes(1);
    expect(a.of('d1').at(-1)).toEqual({ type: 'cancelled', requestId: 'd1' });
  });

  it('keeps downloading when the port that asked for it closes', async () => {
    const { tab, current } = setup();
    const release = current().holdReload();
    const a = tab();
    a.session.receive({ type: 'model.download', requestId: 'd1', model: MODEL });
    await settle();
    a.session.close();
    release();
    await settle();
    expect(current().modelId).toEqual([MODEL.modelId]);
  });

  it('lets a restarted background take over a running download: it hears the progress and the outcome, and nothing is fetched twice', async () => {
    const { tab, current } = setup({}, { loadReports: [fetching(0.25, 175, 30)] });
    const release = current().holdReload();
    const before = tab();
    before.session.receive({ type: 'model.download', requestId: 'd1', model: MODEL });
    await settle();
    // The service worker stops while progress is silent: its port closes.
    before.session.close();
    const after = tab();
    after.session.receive({ type: 'model.download', requestId: 'd2', model: MODEL });
    await settle();
    expect(after.of('d2').find((m) => m.type === 'progress')).toMatchObject({ progress: 0.25, loadedMB: 175 });
    release();
    await settle(100);
    expect(after.of('d2').at(-1)).toEqual({ type: 'ok', requestId: 'd2' });
    expect(current().calls.filter((call) => call.startsWith('reload:'))).toHaveLength(1);
  });

  it('lets a restarted background cancel a download it did not start', async () => {
    const { tab, current, deps } = setup();
    current().holdReload();
    const before = tab();
    before.session.receive({ type: 'model.download', requestId: 'd1', model: MODEL });
    await settle();
    before.session.close();
    const after = tab();
    after.session.receive({ type: 'model.download', requestId: 'd2', model: MODEL });
    await settle();
    after.session.receive({ type: 'model.cancel', requestId: 'd2' });
    await settle();
    expect(deps.resetEngine).toHaveBeenCalledTimes(1);
    expect(after.of('d2').at(-1)).toEqual({ type: 'cancelled', requestId: 'd2' });
  });
});

describe('engine host idle unload', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('unloads the model after the idle period, and each request restarts the clock', async () => {
    const { tab, current } = setup({ idleUnloadMinutes: 5 });
    const a = tab();
    a.draft('a1');
    await settle(200);
    expect(current().modelId).toEqual([MODEL.modelId]);

    await vi.advanceTimersByTimeAsync(4 * 60_000);
    a.draft('a2');
    await settle(200);
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(current().calls).not.toContain('unload');

    await vi.advanceTimersByTimeAsync(60_000 + 10);
    await settle();
    expect(current().calls).toContain('unload');
    expect(current().modelId).toBeUndefined();

    a.draft('a3');
    await settle(200);
    expect(a.done('a3')).toBeDefined();
    expect(current().calls.filter((c) => c.startsWith('reload:'))).toHaveLength(2);
  });

  it('uses the idle period the creator configured', async () => {
    const { tab, current } = setup({ idleUnloadMinutes: 5 });
    const a = tab();
    a.session.receive({ type: 'configure', idleUnloadMinutes: 1 });
    a.draft('a1');
    await settle(200);
    await vi.advanceTimersByTimeAsync(60_000 + 10);
    await settle();
    expect(current().calls).toContain('unload');
  });

  it('does not unload while a draft is waiting in line', async () => {
    const { tab, current } = setup({ idleUnloadMinutes: 1 });
    const a = tab();
    current().pause();
    a.draft('a1');
    a.draft('a2');
    await settle(100);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(current().calls).not.toContain('unload');
    current().resume();
    await settle(400);
    expect(a.done('a2')).toBeDefined();
  });

  it('says it went idle once the idle unload has freed the GPU, so its document can be closed', async () => {
    const onIdleUnload = vi.fn();
    const { tab, current } = setup({ idleUnloadMinutes: 1, onIdleUnload });
    const a = tab();
    a.draft('a1');
    await settle(200);
    a.session.receive({ type: 'engine.unload', requestId: 'u1' });
    await settle(50);
    expect(onIdleUnload).not.toHaveBeenCalled();

    a.draft('a2');
    await settle(200);
    await vi.advanceTimersByTimeAsync(60_000 + 10);
    await settle();
    expect(current().calls).toContain('unload');
    expect(onIdleUnload).toHaveBeenCalledOnce();
  });
});

describe('engine host pass-throughs for the options page', () => {
  it('answers whether a model is cached, with the app config WebLLM needs to find it', async () => {
    const { tab, deps } = setup();
    const a = tab();
    a.session.receive({ type: 'cache.status', requestId: 'q1', model: MODEL });
    await settle();
    expect(a.of('q1')).toEqual([{ type: 'cache.status', requestId: 'q1', cached: true }]);
    const [modelId, appConfig] = vi.mocked(deps.hasModelInCache).mock.calls[0] ?? [];
    expect(modelId).toBe(MODEL.modelId);
    expect(appConfig?.model_list.some((r) => r.model_id === MODEL.modelId)).toBe(true);
  });

  it('unloads a model before deleting it from the cache', async () => {
    const { tab, deps, current } = setup();
    const a = tab();
    a.draft('a1');
    await settle(200);
    a.session.receive({ type: 'cache.delete', requestId: 'del', model: MODEL });
    await settle();
    expect(current().calls.at(-1)).toBe('unload');
    expect(deps.deleteModelAllInfoInCache).toHaveBeenCalledWith(MODEL.modelId, expect.objectContaining({ model_list: expect.any(Array) }));
    expect(a.of('del').at(-1)).toEqual({ type: 'ok', requestId: 'del' });
  });

  it('passes through the storage estimate and the GPU capability', async () => {
    const { tab } = setup();
    const a = tab();
    a.session.receive({ type: 'storage.estimate', requestId: 's1' });
    a.session.receive({ type: 'capability', requestId: 'g1' });
    await settle();
    expect(a.of('s1')).toEqual([{ type: 'storage.estimate', requestId: 's1', usage: 1_200_000_000, quota: 50_000_000_000 }]);
    expect(a.of('g1')[0]).toMatchObject({ type: 'capability', capability: { available: true, adapterName: 'Test GPU' } });
  });

  it('answers with an error when the cache cannot be read', async () => {
    const { tab } = setup({ hasModelInCache: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const a = tab();
    a.session.receive({ type: 'cache.status', requestId: 'q1', model: MODEL });
    await settle();
    expect(a.of('q1')[0]).toMatchObject({ type: 'error' });
  });
});

describe('engine host without a GPU', () => {
  it('refuses to load a model when WebGPU has no adapter, instead of downloading it first', async () => {
    const { tab, deps, current } = setup({
      detectGpu: vi.fn(async () => ({
        available: false,
        reason: 'No GPU adapter: the browser found no graphics card it can use for WebGPU.',
        isSoftware: false,
        shaderF16: false,
      })),
    });
    const a = tab();
    a.draft('a1');
    a.session.receive({ type: 'model.download', requestId: 'd1', model: MODEL });
    await settle(100);
    expect(a.of('a1').at(-1)).toMatchObject({ type: 'error', kind: 'no-webgpu', message: expect.stringMatching(/^No GPU adapter.*memory engine/) });
    expect(a.of('d1').at(-1)).toMatchObject({ type: 'error', kind: 'no-webgpu' });
    expect(current().calls).toEqual([]);
    expect(deps.detectGpu).toHaveBeenCalledTimes(1);
  });
});

describe('engine host embeddings', () => {
  const EMBED = { modelId: 'snowflake-arctic-embed-s-q0f32-MLC-b4' };
  const embeddingsOf = (messages: EngineHostOut[]) =>
    messages.flatMap((m) => (m.type === 'embeddings' ? [m.vectors] : []));
  const reloads = (engine: FakeMLCEngine) => engine.calls.filter((c) => c.startsWith('reload:'));

  it('turns a batch of texts into one vector per text, in order, loading the embedding model first', async () => {
    const { tab, current } = setup();
    const a = tab();
    a.session.receive({ type: 'embed', requestId: 'e1', model: EMBED, texts: ['flat loaf', 'oven temperature', 'flat loaf'] });
    await settle(200);
    const [vectors] = embeddingsOf(a.of('e1'));
    expect(vectors).toHaveLength(3);
    expect(vectors?.every((v) => v.length === 384)).toBe(true);
    expect(vectors?.[0]).toEqual(vectors?.[2]);
    expect(vectors?.[0]).not.toEqual(vectors?.[1]);
    expect(a.positions('e1')).toEqual([0]);
    expect(reloads(current())).toEqual([`reload:${EMBED.modelId}`]);
    expect(current().embedRequests[0]).toMatchObject({ model: EMBED.modelId, input: ['flat loaf', 'oven temperature', 'flat loaf'] });
  });

  it('waits in the same queue as drafts, behind the draft that is writing', async () => {
    const { tab, current } = setup();
    const a = tab();
    current().pause();
    a.draft('d1');
    a.session.receive({ type: 'embed', requestId: 'e1', model: EMBED, texts: ['hello'] });
    await settle(100);
    expect(a.positions('e1')).toEqual([1]);
    expect(embeddingsOf(a.of('e1'))).toEqual([]);
    current().resume();
    await settle(400);
    expect(a.done('d1')).toBeDefined();
    expect(embeddingsOf(a.of('e1'))).toHaveLength(1);
  });

  it('keeps the drafting model on the GPU: both load together, and neither a later draft nor embed reloads', async () => {
    const { tab, current } = setup();
    const a = tab();
    a.session.receive({ type: 'embed', requestId: 'e1', model: EMBED, texts: ['hi'], companion: MODEL });
    await settle(200);
    expect(current().modelId).toEqual([EMBED.modelId, MODEL.modelId]);
    a.session.receive({ type: 'draft.start', requestId: 'd1', model: MODEL, generation: GENERATION, input: toWireInput(makeInput()), companion: EMBED });
    await settle(300);
    a.session.receive({ type: 'embed', requestId: 'e2', model: EMBED, texts: ['again'], companion: MODEL });
    await settle(200);
    expect(a.done('d1')).toBeDefined();
    expect(embeddingsOf(a.of('e2'))).toHaveLength(1);
    expect(reloads(current())).toHaveLength(1);
    // With two models loaded WebLLM needs every request to name its model.
    expect(current().requests[0]?.model).toBe(MODEL.modelId);
  });

  it('a draft that has to load its model brings the embedding model along, but does not reload just to add it', async () => {
    const first = setup();
    const a = first.tab();
    a.session.receive({ type: 'draft.start', requestId: 'd1', model: MODEL, generation: GENERATION, input: toWireInput(makeInput()), companion: EMBED });
    await settle(300);
    expect(first.current().modelId).toEqual([MODEL.modelId, EMBED.modelId]);

    const second = setup();
    const b = second.tab();
    b.draft('d1');
    await settle(300);
    b.session.receive({ type: 'draft.start', requestId: 'd2', model: MODEL, generation: GENERATION, input: toWireInput(makeInput()), companion: EMBED });
    await settle(300);
    expect(b.done('d2')).toBeDefined();
    expect(reloads(second.current())).toEqual([`reload:${MODEL.modelId}`]);
  });

  it('classifies an embedding failure like a load failure, and starts a fresh engine after a lost GPU', async () => {
    const { tab, deps } = setup({}, { embedError: new Error('DeviceLostError: The WebGPU device was lost.') });
    const a = tab();
    a.session.receive({ type: 'embed', requestId: 'e1', model: EMBED, texts: ['hi'] });
    await settle(200);
    expect(a.of('e1').at(-1)).toMatchObject({ type: 'error', kind: 'device-lost' });
    expect(deps.resetEngine).toHaveBeenCalledTimes(1);
  });

  it('refuses to embed with a drafting model, or an unknown one', async () => {
    const { tab, current } = setup();
    const a = tab();
    a.session.receive({ type: 'embed', requestId: 'e1', model: MODEL, texts: ['hi'] });
    a.session.receive({ type: 'embed', requestId: 'e2', model: { modelId: 'nope' }, texts: ['hi'] });
    a.draft('d0');
    a.session.receive({ type: 'draft.start', requestId: 'd1', model: EMBED, generation: GENERATION, input: toWireInput(makeInput()) });
    await settle(300);
    expect(a.of('e1').at(-1)).toMatchObject({ type: 'error', kind: 'model-not-found' });
    expect(a.of('e2').at(-1)).toMatchObject({ type: 'error', kind: 'model-not-found' });
    expect(a.of('d1').at(-1)).toMatchObject({ type: 'error', kind: 'model-not-found' });
    expect(current().embedRequests).toHaveLength(0);
  });

  it('rejects an empty text or an oversized batch before it reaches the engine', async () => {
    const { tab, current } = setup();
    const a = tab();
    a.session.receive({ type: 'embed', requestId: 'e1', model: EMBED, texts: ['hi', ''] });
    a.session.receive({ type: 'embed', requestId: 'e2', model: EMBED, texts: Array.from({ length: 65 }, () => 'x') });
    await settle(100);
    expect(a.of('e1')[0]).toMatchObject({ type: 'error', message: 'The engine could not read this request: texts[1] is empty.' });
    expect(a.of('e2')[0]).toMatchObject({ type: 'error' });
    expect(current().calls).toEqual([]);
  });

  it('when the two models together ran the GPU out of memory, drafts load alone and embeds that need both are refused', async () => {
    const { tab, engines, current } = setup();
    // Loading the pair fails for lack of memory; loading one model succeeds.
    const reload = current().reload.bind(current());
    current().reload = async (ids: string | string[]) => {
      if (Array.isArray(ids) && ids.length > 1) throw new Error('Error: Out of memory: failed to allocate buffer');
      return reload(ids);
    };
    const a = tab();
    a.session.receive({ type: 'embed', requestId: 'e1', model: EMBED, texts: ['hi'], companion: MODEL });
    await settle(200);
    expect(a.of('e1').at(-1)).toMatchObject({ type: 'error', kind: 'out-of-memory' });

    a.session.receive({ type: 'draft.start', requestId: 'd1', model: MODEL, generation: GENERATION, input: toWireInput(makeInput()), companion: EMBED });
    await settle(300);
    expect(a.done('d1')).toBeDefined();
    expect(engines.at(-1)?.modelId).toEqual([MODEL.modelId]);

    a.session.receive({ type: 'embed', requestId: 'e2', model: EMBED, texts: ['hi'], companion: MODEL });
    await settle(200);
    expect(a.of('e2').at(-1)).toMatchObject({ type: 'error', kind: 'out-of-memory', message: PAIR_TOO_BIG });
    expect(engines.at(-1)?.modelId).toEqual([MODEL.modelId]);
  });

  it('drops the embed requests of a port that closed, and a cancelled one answers cancelled', async () => {
    const { tab, current } = setup();
    const a = tab();
    const b = tab();
    current().pause();
    b.draft('d1');
    a.session.receive({ type: 'embed', requestId: 'e1', model: EMBED, texts: ['one'] });
    a.session.receive({ type: 'embed', requestId: 'e2', model: EMBED, texts: ['two'] });
    await settle(50);
    a.session.receive({ type: 'embed.cancel', requestId: 'e1' });
    await settle();
    expect(a.of('e1').at(-1)).toEqual({ type: 'cancelled', requestId: 'e1' });
    a.session.close();
    current().resume();
    await settle(400);
    expect(b.done('d1')).toBeDefined();
    expect(current().embedRequests).toHaveLength(0);
  });

  it('reports a model that answers with vectors of the wrong length as an error', async () => {
    const { tab } = setup({}, { embedDims: 100 });
    const a = tab();
    a.session.receive({ type: 'embed', requestId: 'e1', model: EMBED, texts: ['hi'] });
    await settle(200);
    expect(a.of('e1').at(-1)).toMatchObject({ type: 'error', kind: 'unknown' });
  });
});
