import type { DownloadState } from './download-state';
import type { OffscreenClient } from './host/offscreen-client';
import { createModelManager } from './model-manager';

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
