import type { GpuCapability } from '../core/models';
import { createFakeLanguageModel } from '../llm/builtin-engine.testutil';
import type { OffscreenClient } from '../llm/host/offscreen-client';
import { makeComment } from '../llm/draft-input.testutil';
import { DEFAULT_LLM_SETTINGS, type LlmSettings } from '../llm/settings';
import type { EmbeddingProgress } from '../memory/embedding-job';
import { freshDb } from '../memory/fresh-db.testutil';
import { createEngineServices } from './engine-services';

const DRAFTING = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';
const EMBED = 'snowflake-arctic-embed-s-q0f32-MLC-b4';
const realGpu: GpuCapability = { available: true, isSoftware: false, shaderF16: false, adapterName: 'Test GPU', maxBufferSize: 2 ** 31 };

function fakeClient(): OffscreenClient & { settingsReadsAtDraft: number[] } {
  const client = {
    settingsReadsAtDraft: [] as number[],
    draft: vi.fn(async () => ({ text: 'Thanks, glad it helped!', engine: 'webllm' as const, model: DRAFTING, exampleIds: [] })),
    embed: vi.fn(async ({ texts }: { texts: string[] }) => texts.map(() => Array.from({ length: 384 }, () => 0.05))),
    download: vi.fn(async () => {}),
    isCached: vi.fn(async () => true),
    deleteFromCache: vi.fn(async () => {}),
    storageEstimate: vi.fn(async () => ({})),
    capability: vi.fn(async () => realGpu),
    unload: vi.fn(async () => {}),
    configure: vi.fn(async () => {}),
    close: vi.fn(async () => {}),
    closeWhenIdle: vi.fn(async () => true),
  };
  return client as unknown as OffscreenClient & { settingsReadsAtDraft: number[] };
}

function setup(stored: Partial<LlmSettings> = {}, languageModel = createFakeLanguageModel({ availability: 'unavailable' })) {
  const client = fakeClient();
  const loadSettings = vi.fn(async (): Promise<LlmSettings> => ({ ...DEFAULT_LLM_SETTINGS, selectedModel: DRAFTING, ...stored }));
  let progress: EmbeddingProgress | null = null;
  const services = createEngineServices({
    db: freshDb(),
    client,
    loadSettings,
    embeddingChoice: async () => EMBED,
    languageModel: () => languageModel,
    embeddingProgress: { getValue: async () => progress, setValue: async (value) => void (progress = value) },
  });
  vi.mocked(client.draft).mockImplementation(async () => {
    client.settingsReadsAtDraft.push(loadSettings.mock.calls.length);
    return { text: 'Thanks, glad it helped!', engine: 'webllm', model: DRAFTING, exampleIds: [] };
  });
  return { services, client, loadSettings };
}

describe('one draft through the engine services', () => {
  it('reads the creator’s model settings once, for the engine choice, the vector search and the model alike', async () => {
    const { services, client } = setup();
    const result = await services.drafts.draft(makeComment());
    expect(result.engine).toBe('webllm');
    expect(client.embed).toHaveBeenCalled();
    expect(client.settingsReadsAtDraft).toEqual([1]);
  });

  it('sends the model the generation settings read for this draft, with the embedding model beside it', async () => {
    const { services, client } = setup({ generation: { temperature: 0.3, maxTokens: 120 } });
    await services.drafts.draft(makeComment());
    expect(client.draft).toHaveBeenCalledWith(
      expect.objectContaining({ model: { modelId: DRAFTING }, generation: { temperature: 0.3, maxTokens: 120 }, companion: { modelId: EMBED } }),
      expect.anything(),
    );
  });

  it('drafts from past replies without asking the engine host anything when the creator chose that', async () => {
    const { services, client } = setup({ engineOrder: ['memory', 'webllm', 'builtin'], enginePreference: 'memory' });
    await services.drafts.draft(makeComment()).catch(() => undefined);
    expect(client.capability).not.toHaveBeenCalled();
    expect(client.draft).not.toHaveBeenCalled();
  });

  it('drafts with the browser’s built-in model in the background when the creator put it first, with the settings read for this draft', async () => {
    const languageModel = createFakeLanguageModel({ chunks: ['Thank you, ', 'Lena!'] });
    const { services, client } = setup({ engineOrder: ['builtin', 'webllm', 'memory'], generation: { temperature: 0.3, maxTokens: 120 } }, languageModel);
    const tokens: string[] = [];
    const result = await services.drafts.draft(makeComment(), { onToken: (t) => tokens.push(t) });
    expect(result.engine).toBe('builtin');
    expect(tokens).toEqual(['Thank you, ', 'Lena!']);
    expect(languageModel.createCalls[0]?.temperature).toBe(0.3);
    expect(client.draft).not.toHaveBeenCalled();
  });
});
