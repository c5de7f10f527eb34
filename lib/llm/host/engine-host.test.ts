import type { EngineHostOut } from '../../messaging/engine-protocol';
import { toWireInput } from './offscreen-client';
import { makeInput } from '../draft-input.testutil';
import { createEngineHost, type EngineHostDeps } from './engine-host';
import { FakeMLCEngine } from './fake-mlc-engine.testutil';

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
    expect(a.of('bad')).toEqual([{ type: 'error', requestId: 'bad', message: 'The engine could not read this request.' }]);
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
