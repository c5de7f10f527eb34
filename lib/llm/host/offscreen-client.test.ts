import { makeInput } from '../draft-input.testutil';
import { WebLLMError } from '../webllm-engine';
import { createEngineHost } from './engine-host';
import { FakeMLCEngine } from './fake-mlc-engine.testutil';
import type { PortLike } from '../../messaging/port-like';
import { createOffscreenClient, createOffscreenDraftEngine, OFFSCREEN_PATH, type OffscreenClient, type OffscreenClientDeps } from './offscreen-client';
import { everyLibPackaged } from '../packaging.testutil';

const MODEL = { modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' };
const EMBED = { modelId: 'snowflake-arctic-embed-s-q0f32-MLC-b4' };
const GENERATION = { temperature: 0.7, maxTokens: 256 };

async function settle(turns = 100) {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

interface End {
  port: PortLike;
  deliver(message: unknown): void;
  closed(): void;
}

/** Two connected port ends; messages are JSON round-tripped like chrome.runtime ports. */
function portPair(): [End, End] {
  const make = (): End & { other?: End } => {
    const onMessage: ((m: unknown) => void)[] = [];
    const onDisconnect: (() => void)[] = [];
    let open = true;
    const end: End & { other?: End } = {
      port: {
        postMessage(message) {
          if (!open) throw new Error('Attempting to use a disconnected port object');
          const copy = JSON.parse(JSON.stringify(message)) as unknown;
          queueMicrotask(() => end.other?.deliver(copy));
        },
        onMessage: { addListener: (l) => onMessage.push(l) },
        onDisconnect: { addListener: (l) => onDisconnect.push(l) },
        disconnect() {
          open = false;
          end.other?.closed();
        },
      },
      deliver: (m) => {
        if (open) onMessage.forEach((l) => l(m));
      },
      closed: () => {
        if (!open) return;
        open = false;
        onDisconnect.forEach((l) => l());
      },
    };
    return end;
  };
  const a = make();
  const b = make();
  a.other = b;
  b.other = a;
  return [a, b];
}

function setup(
  engineOptions: ConstructorParameters<typeof FakeMLCEngine>[0] = {},
  contexts: unknown[] = [],
  extra: Pick<OffscreenClientDeps, 'hostSettings'> = {},
) {
  const fake = new FakeMLCEngine(engineOptions);
  const detectGpu = vi.fn(async () => ({ available: true, isSoftware: false, shaderF16: false }));
  let client: OffscreenClient | undefined;
  // A new engine host per document, as a recreated offscreen document starts from nothing.
  let host: ReturnType<typeof createEngineHost> | undefined;
  const newHost = () =>
    createEngineHost({
      getEngine: async () => fake,
      resetEngine: async () => {},
      hasModelInCache: async () => false,
      deleteModelAllInfoInCache: async () => {},
      estimateStorage: async () => ({ usage: 10, quota: 100 }),
      detectGpu,
      // What the offscreen document's idle port does: the background closes the document.
      onIdleUnload: () => void client?.closeWhenIdle(),
      packaging: everyLibPackaged(),
    });
  const hostEnds: End[] = [];
  let documentOpen = contexts.length > 0;
  let nextId = 0;
  const deps = {
    connect: vi.fn(() => {
      host ??= newHost();
      const [backgroundEnd, hostEnd] = portPair();
      hostEnds.push(hostEnd);
      const session = host.connect((m) => hostEnd.port.postMessage(m));
      hostEnd.port.onMessage.addListener((m) => session.receive(m));
      hostEnd.port.onDisconnect.addListener(() => session.close());
      return backgroundEnd.port;
    }),
    getURL: (path: string) => `chrome-extension://id/${path}`,
    getContexts: vi.fn(async () => (documentOpen ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [])),
    createDocument: vi.fn(async () => {
      await settle(5);
      documentOpen = true;
    }),
    closeDocument: vi.fn(async () => closeDocument()),
    newRequestId: () => `r${++nextId}`,
    ...extra,
  } satisfies OffscreenClientDeps;
  client = createOffscreenClient(deps);
  function closeDocument() {
    documentOpen = false;
    host = undefined;
    hostEnds.forEach((end) => end.port.disconnect());
  }
  return { client, deps, fake, closeDocument, detectGpu, documentOpen: () => documentOpen };
}

describe('offscreen client', () => {
  it('creates the offscreen document once, for workers, even when requests arrive together', async () => {
    const { client, deps } = setup();
    const [a, b] = await Promise.all([client.isCached(MODEL), client.isCached(MODEL)]);
    expect([a, b]).toEqual([false, false]);
    expect(deps.createDocument).toHaveBeenCalledTimes(1);
    expect(deps.createDocument).toHaveBeenCalledWith(expect.objectContaining({ url: OFFSCREEN_PATH, reasons: ['WORKERS'] }));
    expect(deps.getContexts).toHaveBeenCalledWith({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: ['chrome-extension://id/offscreen.html'] });
    expect(deps.connect).toHaveBeenCalledTimes(1);
  });

  it('reuses an offscreen document that already exists', async () => {
    const { client, deps } = setup({}, [{}]);
    await client.storageEstimate();
    expect(deps.createDocument).not.toHaveBeenCalled();
  });

  it('carries on when another context created the document first', async () => {
    const { client, deps } = setup();
    deps.createDocument.mockRejectedValueOnce(new Error('Only a single offscreen document may be created.'));
    await expect(client.capability()).resolves.toMatchObject({ available: true });
  });

  it('drafts through the offscreen engine: tokens stream back and the result arrives', async () => {
    const { client } = setup({ pieces: ['Hi', ' there'] });
    const engine = createOffscreenDraftEngine(client, async () => ({ model: MODEL, generation: GENERATION }));
    const tokens: string[] = [];
    const result = await engine.draft(makeInput(), { onToken: (t) => tokens.push(t) });
    expect(engine.id).toBe('webllm');
    expect(tokens).toEqual(['Hi', ' there']);
    expect(result).toMatchObject({ text: 'Hi there', engine: 'webllm', model: MODEL.modelId, exampleIds: [11, 12] });
    expect(result.metrics?.decodeTokensPerSecond).toBe(42);
  });

  it('tells a draft waiting behind another one that it is waiting', async () => {
    const { client, fake } = setup();
    const engine = createOffscreenDraftEngine(client, async () => ({ model: MODEL, generation: GENERATION }));
    fake.pause();
    const first = engine.draft(makeInput());
    const statuses: string[] = [];
    const second = engine.draft(makeInput(), { onStatus: (m) => statuses.push(m) });
    await settle(300);
    expect(statuses).toContain('Waiting for another draft to finish…');
    fake.resume();
    await Promise.all([first, second]);
  });

  it('cancelling a draft rejects it with an AbortError and stops the model', async () => {
    const { client, fake } = setup();
    const engine = createOffscreenDraftEngine(client, async () => ({ model: MODEL, generation: GENERATION }));
    fake.pause();
    const controller = new AbortController();
    const draft = engine.draft(makeInput(), { signal: controller.signal });
    await settle(300);
    controller.abort();
    await expect(draft).rejects.toMatchObject({ name: 'AbortError' });
    await settle(300);
    expect(fake.interruptCount).toBeGreaterThan(0);
    fake.resume();
  });

  it('turns host errors into WebLLMError with the advice and kind', async () => {
    const { client } = setup({ loadError: new Error('Out of memory') });
    const engine = createOffscreenDraftEngine(client, async () => ({ model: MODEL, generation: GENERATION }));
    const error = await engine.draft(makeInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebLLMError);
    expect((error as WebLLMError).kind).toBe('out-of-memory');
    expect((error as Error).message).toMatch(/smaller model/);
  });

  it('fails pending requests clearly when the document goes away, and reconnects for the next one', async () => {
    const { client, fake, deps, closeDocument } = setup();
    fake.pause();
    const draft = client.draft({ model: MODEL, generation: GENERATION, input: { ...makeInput(), profile: undefined } });
    await settle(300);
    closeDocument();
    await expect(draft).rejects.toThrow(/stopped unexpectedly/);
    fake.resume();
    await expect(client.isCached(MODEL)).resolves.toBe(false);
    expect(deps.createDocument).toHaveBeenCalledTimes(2);
    expect(deps.connect).toHaveBeenCalledTimes(2);
  });

  it('downloads a model with progress and resolves when it is ready', async () => {
    const { client } = setup({
      loadReports: [{ progress: 0.5, timeElapsed: 10, text: 'Fetching param cache[1/2]: 150MB fetched. 50% completed, 10 secs elapsed.' }],
    });
    const progress: number[] = [];
    await client.download(MODEL, { onProgress: (p) => progress.push(p.totalMB ?? 0) });
    expect(progress).toEqual([300]);
  });

  it('embeds texts through the offscreen engine, the vectors surviving the port’s JSON copy', async () => {
    const { client, fake } = setup({ embedVector: (text, dims) => Array.from({ length: dims }, (_, i) => (i === text.length ? 1 : 0)) });
    const statuses: string[] = [];
    const vectors = await client.embed(
      { model: EMBED, texts: ['ab', 'abcd'], companion: MODEL },
      { onStatus: (message) => statuses.push(message) },
    );
    expect(vectors).toHaveLength(2);
    expect(vectors[0]?.[2]).toBe(1);
    expect(vectors[1]?.[4]).toBe(1);
    expect(fake.modelId).toEqual([EMBED.modelId, MODEL.modelId]);
    expect(statuses[0]).toBe('Loading Arctic Embed S (Snowflake)…');
  });

  it('cancelling an embed rejects it with an AbortError', async () => {
    const { client, fake } = setup();
    const release = fake.holdReload();
    const controller = new AbortController();
    const pending = client.embed({ model: EMBED, texts: ['hi'] }, { signal: controller.signal });
    await settle();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    release();
  });
});

describe('the GPU answer', () => {
  it('asks the engine host about the GPU once, however many drafts and pages ask', async () => {
    const { client, detectGpu } = setup();
    await Promise.all([client.capability(), client.capability()]);
    await client.capability();
    expect(detectGpu).toHaveBeenCalledOnce();
  });

  it('asks again after the engine host restarted, since a new host may see another GPU state', async () => {
    const { client, detectGpu, closeDocument } = setup();
    await client.capability();
    closeDocument();
    await client.capability();
    expect(detectGpu).toHaveBeenCalledTimes(2);
  });

  it('asks again after a failed answer instead of keeping the failure', async () => {
    const { client, deps, detectGpu } = setup();
    deps.createDocument.mockRejectedValueOnce(new Error('The offscreen document could not be created.'));
    await expect(client.capability()).rejects.toThrow(/could not be created/);
    await expect(client.capability()).resolves.toMatchObject({ available: true });
    expect(detectGpu).toHaveBeenCalledOnce();
  });
});

describe('the idle-unload setting and the document’s lifetime', () => {
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
    await settle(300);
    return draft;
  }

  it('applies the stored idle-unload minutes from the first draft, before the setting was ever changed', async () => {
    const { client, fake } = setup({}, [], { hostSettings: async () => ({ idleUnloadMinutes: 1 }) });
    await draftOnce(client);
    await vi.advanceTimersByTimeAsync(60_000 + 10);
    await settle();
    expect(fake.calls).toContain('unload');
  });

  it('sends the stored idle-unload minutes again to an engine host that was recreated', async () => {
    const hostSettings = vi.fn(async () => ({ idleUnloadMinutes: 2 }));
    const { client, fake, closeDocument } = setup({}, [], { hostSettings });
    await draftOnce(client);
    closeDocument();
    await draftOnce(client);
    expect(hostSettings).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2 * 60_000 + 10);
    await settle();
    expect(fake.calls.filter((c) => c === 'unload')).toHaveLength(1);
  });

  it('does not open the engine host just to pass on a changed setting', async () => {
    const { client, deps } = setup();
    await client.configure({ idleUnloadMinutes: 10 });
    expect(deps.createDocument).not.toHaveBeenCalled();
    expect(deps.connect).not.toHaveBeenCalled();
  });

  it('closes the offscreen document after the idle unload, and opens a new one for the next draft', async () => {
    const { client, deps, documentOpen } = setup({}, [], { hostSettings: async () => ({ idleUnloadMinutes: 1 }) });
    await draftOnce(client);
    expect(documentOpen()).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000 + 10);
    await settle(300);
    expect(deps.closeDocument).toHaveBeenCalledOnce();
    expect(documentOpen()).toBe(false);

    await expect(draftOnce(client)).resolves.toMatchObject({ text: expect.any(String), engine: 'webllm' });
    expect(deps.createDocument).toHaveBeenCalledTimes(2);
    expect(documentOpen()).toBe(true);
  });

  it('keeps the document open while one of its requests is still in flight', async () => {
    const { client, deps, fake } = setup();
    fake.pause();
    const engine = createOffscreenDraftEngine(client, async () => ({ model: MODEL, generation: GENERATION }));
    const draft = engine.draft(makeInput());
    await vi.advanceTimersByTimeAsync(0);
    await settle(300);
    await expect(client.closeWhenIdle()).resolves.toBe(false);
    expect(deps.closeDocument).not.toHaveBeenCalled();
    fake.resume();
    await settle(300);
    await expect(draft).resolves.toMatchObject({ engine: 'webllm' });
  });
});

describe('what crosses to the engine host', () => {
  it('carries the earlier exchanges with a commenter, so a model draft knows them too, and nothing private', async () => {
    const { toWireInput } = await import('./offscreen-client');
    const { draftInputWireSchema } = await import('../../messaging/engine-protocol');
    const { makeInput } = await import('../draft-input.testutil');
    const contact = {
      handle: '@bob',
      interactions: 2,
      lastSeen: 1_700_000_000_000,
      history: [{ exampleId: 4, comment: 'Rye starter?', reply: 'Rye is great, feed it more often!', at: 1_700_000_000_000 }],
    };
    const wire = draftInputWireSchema.parse(toWireInput({ ...makeInput(), contact }));
    expect(wire.contact?.history[0]?.reply).toBe('Rye is great, feed it more often!');
    // A note smuggled in by mistake is refused, not passed along.
    expect(draftInputWireSchema.safeParse({ ...wire, contact: { ...contact, note: 'private' } }).success).toBe(false);
  });
});
