import type { EngineHostOut } from '../../messaging/engine-protocol';
import { buildAppConfig } from '../catalog';
import { isAbortError } from '../webllm-engine';
import { createEngineHost } from './engine-host';
import { FakeMLCEngine, type FakeEngineOptions } from './fake-mlc-engine.testutil';
import { FakeModelWorker } from './fake-model-worker.testutil';
import { createModelWorker } from './model-worker';
import { everyLibPackaged } from '../packaging.testutil';

const MODEL = 'Llama-3.2-1B-Instruct-q4f16_1-MLC';

/** Lets queued microtasks (worker messages, promise chains) run. */
async function settle(turns = 50) {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

/** `prepare` is called with each new worker's engine, before anything reaches it. */
function setup(options: FakeEngineOptions = {}, prepare: (engine: FakeMLCEngine, index: number) => void = () => {}) {
  const workers: FakeModelWorker[] = [];
  const modelWorker = createModelWorker(() => {
    const worker = new FakeModelWorker(new FakeMLCEngine(options));
    prepare(worker.engine, workers.length);
    workers.push(worker);
    return worker;
  });
  return { modelWorker, workers };
}

describe('the model worker owned by the offscreen document', () => {
  it('starts the worker only when something needs the engine or the cache, and reuses it after', async () => {
    const { modelWorker, workers } = setup();
    expect(workers).toHaveLength(0);

    const engine = await modelWorker.getEngine();
    await modelWorker.hasModelInCache(MODEL, buildAppConfig(undefined, everyLibPackaged()));

    expect(await modelWorker.getEngine()).toBe(engine);
    expect(workers).toHaveLength(1);
  });

  it('on reset, terminates the worker, cancels what was waiting on it, and starts a fresh worker next time', async () => {
    const { modelWorker, workers } = setup();
    const engine = await modelWorker.getEngine();
    workers[0]!.engine.holdReload();
    const loading = engine.reload(MODEL);
    await settle();

    await modelWorker.resetEngine();
    const error = await loading.catch((e: unknown) => e);
    const next = await modelWorker.getEngine();

    expect(workers[0]!.terminated).toBe(true);
    expect(isAbortError(error)).toBe(true);
    expect(next).not.toBe(engine);
    expect(workers).toHaveLength(2);
  });

  it('fails waiting calls with the worker’s error when it crashes or its script cannot load, instead of waiting forever', async () => {
    const { modelWorker, workers } = setup();
    const engine = await modelWorker.getEngine();
    workers[0]!.engine.holdReload();
    const loading = engine.reload(MODEL);
    await settle();

    workers[0]!.crash();

    await expect(loading).rejects.toThrow('The model worker stopped');
    expect(workers[0]!.terminated).toBe(true);
    await modelWorker.getEngine();
    expect(workers).toHaveLength(2);
  });
});

describe('the engine host over the model worker', () => {
  const selection = { modelId: MODEL };

  function hostOver(options: FakeEngineOptions = {}, prepare?: Parameters<typeof setup>[1]) {
    const { modelWorker, workers } = setup(options, prepare);
    const host = createEngineHost({
      ...modelWorker,
      estimateStorage: async () => ({}),
      detectGpu: async () => ({ available: true, isSoftware: true, shaderF16: false }),
      packaging: everyLibPackaged(),
    });
    const received: EngineHostOut[] = [];
    const session = host.connect((message) => received.push(message));
    const of = (requestId: string) => received.filter((m) => m.requestId === requestId);
    return { session, workers, of };
  }

  it('downloads a model with its progress reported from the worker, then says it is done', async () => {
    const { session, of } = hostOver({
      loadReports: [
        { progress: 0.25, timeElapsed: 5, text: 'Fetching param cache[5/20]: 200MB fetched. 25% completed' },
        { progress: 1, timeElapsed: 20, text: 'Finish loading on WebGPU' },
      ],
    });

    session.receive({ type: 'model.download', requestId: 'd1', model: selection });
    await settle(200);

    const progress = of('d1').flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toContain(0.25);
    expect(of('d1').at(-1)?.type).toBe('ok');
  });

  it('cancels a download by terminating its worker, and a later download starts in a new worker', async () => {
    // The first worker's download never finishes on its own, like a slow one.
    const { session, workers, of } = hostOver({}, (engine, index) => {
      if (index === 0) engine.holdReload();
    });
    session.receive({ type: 'model.download', requestId: 'd1', model: selection });
    await settle(200);
    expect(workers[0]!.engine.calls).toContain(`reload:${MODEL}`);

    session.receive({ type: 'model.cancel', requestId: 'd1' });
    await settle(200);
    session.receive({ type: 'model.download', requestId: 'd2', model: selection });
    await settle(200);

    expect(of('d1').at(-1)?.type).toBe('cancelled');
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(of('d2').at(-1)?.type).toBe('ok');
  });

  it('reports a download the model host answered with a 404 as a download error the creator can act on', async () => {
    const { session, of } = hostOver({ loadError: new TypeError("Failed to execute 'add' on 'Cache': Request failed") });

    session.receive({ type: 'model.download', requestId: 'd1', model: selection });
    await settle(200);

    const last = of('d1').at(-1);
    expect(last).toMatchObject({ type: 'error', kind: 'download' });
  });

  it('answers whether a model is cached from the worker’s cache', async () => {
    const { session, workers, of } = hostOver();
    session.receive({ type: 'cache.status', requestId: 'c1', model: selection });
    await settle(200);

    expect(of('c1')).toEqual([{ type: 'cache.status', requestId: 'c1', cached: false }]);
    expect(workers[0]!.cache.calls).toEqual([`has:${MODEL}:${buildAppConfig(undefined, everyLibPackaged()).model_list[0]?.model_id}`]);
  });
});
