import type { DownloadState } from './download-state';
import type { OffscreenClient } from './host/offscreen-client';
import { createEngineHost, type EngineHostDeps } from './host/engine-host';
import { backgroundOver } from './host/engine-port.testutil';
import { FakeMLCEngine } from './host/fake-mlc-engine.testutil';
import { createModelManager, HEARTBEAT_MS } from './model-manager';
import { everyLibPackaged } from './packaging.testutil';

const EMBED = { modelId: 'snowflake-arctic-embed-s-q0f32-MLC-b4' };

function fakeClient(cached: Set<string>): OffscreenClient {
  return {
    draft: vi.fn(),
    embed: vi.fn(),
    download: vi.fn(async (model) => {
      cached.add(model.modelId);
    }),
    isCached: vi.fn(async (model) => cached.has(model.modelId)),
    deleteFromCache: vi.fn(async (model) => {
      cached.delete(model.modelId);
    }),
    storageEstimate: vi.fn(async () => ({ usage: 1, quota: 2 })),
    capability: vi.fn(async () => ({ available: true, isSoftware: false, shaderF16: true })),
    unload: vi.fn(),
    configure: vi.fn(),
    close: vi.fn(),
    closeWhenIdle: vi.fn(async () => false),
  };
}

function memoryState() {
  let value: DownloadState | null = null;
  return {
    getValue: async () => value,
    setValue: async (next: DownloadState | null) => {
      value = next;
    },
  };
}

async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('model manager with embedding models', () => {
  it('reports whether each embedding model is downloaded, alongside the drafting models', async () => {
    const manager = createModelManager({ client: fakeClient(new Set([EMBED.modelId])), state: memoryState() });
    const status = await manager.status();
    expect(status.cached[EMBED.modelId]).toBe(true);
    expect(status.cached['snowflake-arctic-embed-m-q0f32-MLC-b4']).toBe(false);
    expect(status.cached['Qwen2.5-0.5B-Instruct-q4f32_1-MLC']).toBe(false);
  });

  it('downloads an embedding model through the same machinery and says when it is in', async () => {
    const onDownloaded = vi.fn();
    const state = memoryState();
    const manager = createModelManager({ client: fakeClient(new Set()), state, onDownloaded });
    await manager.download(EMBED);
    await settle();
    expect(onDownloaded).toHaveBeenCalledWith(EMBED);
    expect(await state.getValue()).toMatchObject({ selection: EMBED, phase: 'done' });
  });

  it('tells the background after a model is deleted from the cache, so it can drop what only that model could use', async () => {
    const onDeleted = vi.fn(async () => {});
    const client = fakeClient(new Set([EMBED.modelId]));
    const manager = createModelManager({ client, state: memoryState(), onDeleted });
    await manager.remove(EMBED);
    expect(client.deleteFromCache).toHaveBeenCalledWith(EMBED);
    expect(onDeleted).toHaveBeenCalledWith(EMBED);
  });
});

describe('a model download while the background service worker is stopped and restarted', () => {
  const LLAMA = { modelId: 'Llama-3.2-1B-Instruct-q4f16_1-MLC' };

  /** One engine host (the offscreen document lives on), whose download waits until released. */
  function hostWithSilentDownload() {
    const engines = [new FakeMLCEngine({ loadReports: [{ progress: 0.3, timeElapsed: 10, text: 'Fetching param cache[3/10]: 210MB fetched. 30% completed, 10 secs elapsed.' }] })];
    const current = () => engines.at(-1)!;
    const release = current().holdReload();
    const deps: EngineHostDeps = {
      getEngine: async () => current(),
      resetEngine: vi.fn(async () => {
        engines.push(new FakeMLCEngine());
      }),
      hasModelInCache: async () => false,
      deleteModelAllInfoInCache: async () => {},
      estimateStorage: async () => ({}),
      detectGpu: async () => ({ available: true, isSoftware: false, shaderF16: true }),
      packaging: everyLibPackaged(),
    };
    return { host: createEngineHost(deps), deps, release, engines };
  }

  it('still finishes, and the restarted background records it as downloaded', async () => {
    const { host, release, engines } = hostWithSilentDownload();
    const state = memoryState();
    const first = backgroundOver(host);
    await createModelManager({ client: first.client, state }).download(LLAMA);
    await settle();
    expect(await state.getValue()).toMatchObject({ phase: 'downloading', progress: 0.3 });

    // No progress for over 30 s: Chrome stops the service worker; the host keeps downloading.
    first.stopBackground();
    const second = backgroundOver(host);
    const onDownloaded = vi.fn();
    const restarted = createModelManager({ client: second.client, state, onDownloaded });
    expect(await restarted.resumeInterrupted()).toBe(true);
    await settle();
    expect(await state.getValue()).toMatchObject({ phase: 'downloading', progress: 0.3 });

    release();
    await settle();
    expect(await state.getValue()).toMatchObject({ phase: 'done', progress: 1 });
    expect(onDownloaded).toHaveBeenCalledWith(LLAMA);
    expect(engines[0]!.calls.filter((call) => call.startsWith('reload:'))).toHaveLength(1);
  });

  it('is recorded as downloaded when it finished while no background was listening, once the options page asks for the status', async () => {
    const { host, release } = hostWithSilentDownload();
    const state = memoryState();
    const first = backgroundOver(host);
    await createModelManager({ client: first.client, state }).download(LLAMA);
    await settle();
    first.stopBackground();
    release();
    await settle();
    expect((await state.getValue())?.phase).toBe('downloading');

    const restarted = createModelManager({ client: backgroundOver(host).client, state });
    await restarted.status();
    await settle();
    expect(await state.getValue()).toMatchObject({ phase: 'done' });
  });

  it('can be cancelled from the restarted background', async () => {
    const { host, deps } = hostWithSilentDownload();
    const state = memoryState();
    const first = backgroundOver(host);
    await createModelManager({ client: first.client, state }).download(LLAMA);
    await settle();
    first.stopBackground();

    const restarted = createModelManager({ client: backgroundOver(host).client, state });
    await restarted.cancel();
    await settle();
    expect(deps.resetEngine).toHaveBeenCalledTimes(1);
    expect(await state.getValue()).toMatchObject({ phase: 'cancelled' });
    expect(host.pending).toBe(0);
  });

  it('stops a download of a model the creator deletes, although a stopped service worker started it', async () => {
    const { host, deps } = hostWithSilentDownload();
    const state = memoryState();
    const first = backgroundOver(host);
    await createModelManager({ client: first.client, state }).download(LLAMA);
    await settle();
    first.stopBackground();

    await createModelManager({ client: backgroundOver(host).client, state }).remove(LLAMA);
    await settle();
    expect(deps.resetEngine).toHaveBeenCalledTimes(1);
    expect(await state.getValue()).toBeNull();
    expect(host.pending).toBe(0);
  });

  it('touches its stored state while progress is silent, which keeps the service worker awake', async () => {
    vi.useFakeTimers();
    try {
      const { host } = hostWithSilentDownload();
      const state = memoryState();
      const writes = vi.spyOn(state, 'setValue');
      let time = 0;
      const manager = createModelManager({ client: backgroundOver(host).client, state, now: () => time });
      await manager.download(LLAMA);
      await vi.advanceTimersByTimeAsync(1000);
      const before = writes.mock.calls.length;
      time = 3 * HEARTBEAT_MS;
      await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
      expect(writes.mock.calls.length - before).toBeGreaterThanOrEqual(3);
      expect((await state.getValue())?.updatedAt).toBe(3 * HEARTBEAT_MS);
    } finally {
      vi.useRealTimers();
    }
  });
});
