import { makeInput } from '../draft-input.testutil';
import { everyLibPackaged } from '../packaging.testutil';
import { createEngineHost } from './engine-host';
import { FakeMLCEngine } from './fake-mlc-engine.testutil';
import { createInBackgroundClient, hasOffscreenDocuments, inProcessPort, type HostHere } from './in-background-host';
import { createOffscreenDraftEngine, type OffscreenClient } from './offscreen-client';

const MODEL = { modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' };
const GENERATION = { temperature: 0.7, maxTokens: 256 };

async function settle(turns = 300) {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

/** A Firefox background: the client and, once a request needs it, the host in the same page. */
function setup(engineOptions: ConstructorParameters<typeof FakeMLCEngine>[0] = {}, idleUnloadMinutes = 5) {
  const fake = new FakeMLCEngine(engineOptions);
  const started: HostHere[] = [];
  const stop = vi.fn(async () => {});
  const startHost = vi.fn((onIdleUnload: () => void): HostHere => {
    const here = {
      host: createEngineHost({
        getEngine: async () => fake,
        resetEngine: async () => {},
        hasModelInCache: async () => false,
        deleteModelAllInfoInCache: async () => {},
        estimateStorage: async () => ({ usage: 10, quota: 100 }),
        detectGpu: async () => ({ available: true, isSoftware: false, shaderF16: false }),
        onIdleUnload,
        packaging: everyLibPackaged(),
      }),
      stop,
    };
    started.push(here);
    return here;
  });
  let nextId = 0;
  const client = createInBackgroundClient({
    startHost,
    hostSettings: async () => ({ idleUnloadMinutes }),
    newRequestId: () => `r${++nextId}`,
  });
  const engine = createOffscreenDraftEngine(client, async () => ({ model: MODEL, generation: GENERATION }));
  return { client, engine, fake, startHost, stop, started };
}

describe('the engine host in the background page (Firefox: no offscreen documents)', () => {
  it('drafts through the host in the same page: tokens stream back and the result arrives', async () => {
    const { engine, startHost } = setup({ pieces: ['Thanks', ' so much!'] });
    const tokens: string[] = [];
    const result = await engine.draft(makeInput(), { onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(['Thanks', ' so much!']);
    expect(result).toMatchObject({ text: 'Thanks so much!', engine: 'webllm', model: MODEL.modelId });
    expect(startHost).toHaveBeenCalledTimes(1);
  });

  it('starts the host only when a request needs it, and once for requests that arrive together', async () => {
    const { client, engine, startHost } = setup();
    await client.configure({ idleUnloadMinutes: 3 });
    expect(startHost).not.toHaveBeenCalled();
    await Promise.all([engine.draft(makeInput()), engine.draft(makeInput()), client.isCached(MODEL)]);
    expect(startHost).toHaveBeenCalledTimes(1);
  });

  it('cancelling a draft rejects it with an AbortError and stops the model', async () => {
    const { engine, fake } = setup();
    fake.pause();
    const controller = new AbortController();
    const draft = engine.draft(makeInput(), { signal: controller.signal });
    await settle();
    controller.abort();
    await expect(draft).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    expect(fake.interruptCount).toBeGreaterThan(0);
    fake.resume();
  });

  it('reports a model that fails to load with the same advice as on Chrome', async () => {
    const { engine } = setup({ loadError: new Error('Out of memory') });
    await expect(engine.draft(makeInput())).rejects.toMatchObject({ kind: 'out-of-memory', message: expect.stringMatching(/smaller model/) });
  });

  it('downloads a model with progress', async () => {
    const { client } = setup({
      loadReports: [{ progress: 0.5, timeElapsed: 10, text: 'Fetching param cache[1/2]: 150MB fetched. 50% completed, 10 secs elapsed.' }],
    });
    const progress: number[] = [];
    await client.download(MODEL, { onProgress: (p) => progress.push(p.progress) });
    expect(progress).toContain(0.5);
  });

  it('answers capability, cache and storage questions from the host here', async () => {
    const { client } = setup();
    await expect(client.capability()).resolves.toMatchObject({ available: true });
    await expect(client.isCached(MODEL)).resolves.toBe(false);
    await expect(client.storageEstimate()).resolves.toEqual({ usage: 10, quota: 100 });
  });

  describe('after the idle period', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    async function draftOnce(client: OffscreenClient) {
      const engine = createOffscreenDraftEngine(client, async () => ({ model: MODEL, generation: GENERATION }));
      const draft = engine.draft(makeInput());
      await vi.advanceTimersByTimeAsync(0);
      await settle();
      return draft;
    }

    it('unloads the models, stops the model worker to give its memory back, and starts again for the next draft', async () => {
      const { client, fake, startHost, stop } = setup({}, 1);
      await draftOnce(client);
      await vi.advanceTimersByTimeAsync(60_000 + 10);
      await settle();
      expect(fake.calls).toContain('unload');
      expect(stop).toHaveBeenCalledOnce();

      await expect(draftOnce(client)).resolves.toMatchObject({ engine: 'webllm' });
      expect(startHost).toHaveBeenCalledTimes(2);
    });

    it('keeps the host while a request is still in flight', async () => {
      const { client, engine, fake, stop } = setup({}, 1);
      fake.pause();
      const draft = engine.draft(makeInput());
      await vi.advanceTimersByTimeAsync(0);
      await settle();
      await expect(client.closeWhenIdle()).resolves.toBe(false);
      expect(stop).not.toHaveBeenCalled();
      fake.resume();
      await settle();
      await expect(draft).resolves.toMatchObject({ engine: 'webllm' });
    });
  });
});

describe('the in-process port', () => {
  function hostSpy() {
    const received: unknown[] = [];
    let send: ((message: never) => void) | undefined;
    const close = vi.fn();
    const host = {
      connect: (s: (message: never) => void) => {
        send = s;
        return { receive: (m: unknown) => void received.push(m), close };
      },
      pending: 0,
      setIdleUnloadMinutes: () => {},
    };
    return { host, received, close, reply: (message: unknown) => send?.(message as never) };
  }

  it('delivers messages later, as copies, like a browser port', async () => {
    const { host, received, reply } = hostSpy();
    const port = inProcessPort(host);
    const heard: unknown[] = [];
    port.onMessage.addListener((m) => heard.push(m));
    const sent = { type: 'capability', requestId: 'r1' };
    port.postMessage(sent);
    const answer = { type: 'ok', requestId: 'r1' };
    reply(answer);
    expect(received).toEqual([]);
    expect(heard).toEqual([]);
    await settle(5);
    expect(received).toEqual([sent]);
    expect(received[0]).not.toBe(sent);
    expect(heard).toEqual([answer]);
    expect(heard[0]).not.toBe(answer);
  });

  it('closes the host session on disconnect, refuses to post after it, and hears nothing more', async () => {
    const { host, close, reply } = hostSpy();
    const port = inProcessPort(host);
    const heard: unknown[] = [];
    const disconnected = vi.fn();
    port.onMessage.addListener((m) => heard.push(m));
    port.onDisconnect.addListener(disconnected);
    reply({ type: 'ok', requestId: 'late' });
    port.disconnect();
    await settle(5);
    expect(close).toHaveBeenCalledOnce();
    expect(heard).toEqual([]);
    expect(disconnected).not.toHaveBeenCalled();
    expect(() => port.postMessage({ type: 'capability', requestId: 'r2' })).toThrow(/disconnected/);
  });
});

describe('choosing where the engine host lives', () => {
  it('uses an offscreen document where the browser has them (Chrome) and the background page where not (Firefox)', () => {
    expect(hasOffscreenDocuments({ offscreen: { createDocument: () => {} } })).toBe(true);
    expect(hasOffscreenDocuments({ sidebarAction: {} })).toBe(false);
  });
});
