import type { ModelStatus } from '@/lib/core/models';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { embeddingModelItem, embeddingProgressItem } from '@/lib/llm/embedding-settings';
import type { EmbeddingProgress } from '@/lib/memory/embedding-job';
import { request } from '@/lib/messaging/client';
import { describeEmbedding, ModelEmbeddings, type ModelEmbeddingsProps } from './ModelEmbeddings';

vi.mock('@/lib/messaging/client', () => ({ request: vi.fn(async () => ({ started: true })) }));
// How many replies memory holds now.
vi.mock('@/lib/memory/examples-repo', () => ({ countExamples: vi.fn(async () => 100_000) }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SMALL = 'snowflake-arctic-embed-s-q0f32-MLC-b4';
const SMALL_NAME = 'Arctic Embed S (Snowflake)';
const NOW = Date.now();

let container: HTMLDivElement;
let root: Root;

beforeEach(async () => {
  await embeddingModelItem.setValue(null);
  await embeddingProgressItem.setValue(null);
  vi.mocked(request).mockClear();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function status(cached: Record<string, boolean> = {}): ModelStatus {
  return {
    capability: { available: true, isSoftware: false, shaderF16: true, adapterName: 'Test GPU' },
    recommendedId: null,
    active: null,
    cached,
    storage: {},
  };
}

async function render(props: Partial<ModelEmbeddingsProps> = {}) {
  const calls = { download: [] as string[], delete: [] as string[] };
  await act(async () =>
    root.render(
      <ModelEmbeddings
        status={status()}
        enginePreference="auto"
        download={null}
        onDownload={(s) => calls.download.push(s.modelId)}
        onCancel={() => {}}
        onDelete={(s) => calls.delete.push(s.modelId)}
        deleting={new Set()}
        {...props}
      />,
    ),
  );
  return calls;
}

function row(name: string): HTMLElement {
  const heading = [...container.querySelectorAll('strong')].find((el) => el.textContent === name);
  const li = heading?.closest('li');
  if (!li) throw new Error(`No row for ${name}`);
  return li;
}

const button = (scope: HTMLElement, text: string) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement | undefined;

const progress = (patch: Partial<EmbeddingProgress>): EmbeddingProgress => ({
  model: SMALL,
  embedded: 12_000,
  total: 100_000,
  phase: 'running',
  updatedAt: NOW,
  ...patch,
});

describe('Better matching (embeddings)', () => {
  it('is off by default, and lists the embedding models with download size and GPU memory', async () => {
    await render();
    expect(container.textContent).toContain('Better matching (embeddings)');
    const off = [...container.querySelectorAll('input[type="radio"]')][0] as HTMLInputElement;
    expect(off.checked).toBe(true);
    const small = row(SMALL_NAME);
    expect(small.textContent).toContain('130 MB download');
    expect(small.textContent).toContain('GPU memory');
    expect(small.textContent).toContain('Recommended: small and quick');
    expect(small.textContent).toContain('Not downloaded');
  });

  it('downloading a model chooses it too, so its replies are embedded once it is in', async () => {
    const calls = await render();
    await act(async () => button(row(SMALL_NAME), 'Download')!.click());
    expect(calls.download).toEqual([SMALL]);
    expect(await embeddingModelItem.getValue()).toBe(SMALL);
  });

  it('shows how many replies are embedded while the job runs', async () => {
    await embeddingModelItem.setValue(SMALL);
    await embeddingProgressItem.setValue(progress({}));
    await render({ status: status({ [SMALL]: true }) });
    const view = container.querySelector('[data-testid="embedding-progress"]')!;
    expect(view.textContent).toContain('Embedded 12,000 of 100,000 replies');
    const bar = view.querySelector('progress')!;
    expect(bar.getAttribute('aria-label')).toBe('Embedding progress');
    expect(bar.value).toBe(12_000);
    // Opening options makes sure an unfinished job is running.
    expect(request).toHaveBeenCalledWith('embeddings.start', {});
  });

  it('says when every reply is embedded', async () => {
    await embeddingModelItem.setValue(SMALL);
    await embeddingProgressItem.setValue(progress({ phase: 'done', embedded: 100_000 }));
    await render({ status: status({ [SMALL]: true }) });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(container.querySelector('[role="status"]')?.textContent).toContain('All 100,000 replies embedded');
    expect(request).not.toHaveBeenCalled();
  });

  it('after an import changed memory, says the new replies are being embedded and asks the background to start', async () => {
    await embeddingModelItem.setValue(SMALL);
    await embeddingProgressItem.setValue(progress({ phase: 'done', embedded: 60_000, total: 60_000 }));
    await render({ status: status({ [SMALL]: true }) });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(container.textContent).toContain('Your replies changed: embedding the new ones…');
    expect(request).toHaveBeenCalledWith('embeddings.start', {});
  });

  it('announces a failure as an alert with Try again, which asks the background to start over', async () => {
    await embeddingModelItem.setValue(SMALL);
    await embeddingProgressItem.setValue(progress({ phase: 'error', error: 'The GPU stopped while running the model.' }));
    await render({ status: status({ [SMALL]: true }) });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Embedded 12,000 of 100,000 replies. Embedding stopped: The GPU stopped while running the model.',
    );
    vi.mocked(request).mockClear();
    await act(async () => button(container, 'Try again')!.click());
    expect(request).toHaveBeenCalledWith('embeddings.start', {});
  });

  it('shows no progress for a model that is not downloaded, or while drafting without the GPU', async () => {
    await embeddingModelItem.setValue(SMALL);
    await embeddingProgressItem.setValue(progress({}));
    await render();
    expect(container.querySelector('[data-testid="embedding-progress"]')).toBeNull();
    await render({ status: status({ [SMALL]: true }), enginePreference: 'memory' });
    expect(container.querySelector('[data-testid="embedding-progress"]')).toBeNull();
    expect(container.textContent).toContain('better matching needs the GPU');
  });
});

describe('describeEmbedding', () => {
  it('calls a running job that stopped reporting paused, and offers to continue it', () => {
    const stale = describeEmbedding(progress({ updatedAt: NOW - 10 * 60_000 }), NOW);
    expect(stale).toEqual({ text: 'Embedded 12,000 of 100,000 replies, paused.', tone: 'status', canRetry: true });
    expect(describeEmbedding(progress({}), NOW).canRetry).toBe(false);
    expect(describeEmbedding(progress({ phase: 'done', total: 1, embedded: 1 }), NOW).text).toContain('All 1 reply embedded');
  });
});
