import type { ModelStatus } from '@/lib/core/models';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { DownloadState } from '@/lib/llm/download-state';
import { selectedModelItem } from '@/lib/llm/settings';
import { ModelList, type ModelListProps } from './ModelList';
import { useStorageItem } from './useStorageItem';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SMALL = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';
const SMALL_NAME = 'Qwen2.5 0.5B (32-bit shaders)';

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function status(overrides: Partial<ModelStatus> = {}): ModelStatus {
  return {
    capability: { available: true, isSoftware: false, shaderF16: false, adapterName: 'Test GPU' },
    recommendedId: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC',
    active: null,
    cached: {},
    storage: { usage: 1024, quota: 1024 ** 3 },
    ...overrides,
  };
}

function renderList(props: Partial<ModelListProps> = {}) {
  const calls = { download: [] as string[], cancel: 0, delete: [] as string[], select: [] as (string | null)[] };
  act(() =>
    root.render(
      <ModelList
        status={status()}
        selected={null}
        onSelect={(choice) => calls.select.push(choice)}
        customModel={null}
        download={null}
        onDownload={(s) => calls.download.push(s.modelId)}
        onCancel={() => calls.cancel++}
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

const downloading = (progress: number): DownloadState => ({
  selection: { modelId: SMALL },
  phase: 'downloading',
  progress,
  message: 'Downloading…',
  loadedMB: 210,
  totalMB: 280,
  timeLeftSeconds: 95,
  updatedAt: Date.now(),
});

describe('the model list', () => {
  it('marks the recommended model and lets the creator download a model that is not cached', () => {
    const calls = renderList();
    expect(row('Qwen2.5 1.5B (32-bit shaders)').textContent).toContain('Recommended for this device');
    const small = row(SMALL_NAME);
    expect(small.textContent).toContain('Not downloaded');
    expect(small.textContent).not.toContain('Recommended for this device');
    act(() => button(small, 'Download')!.click());
    expect(calls.download).toEqual([SMALL]);
  });

  it('shows a downloaded model as downloaded, with Delete from cache instead of Download', () => {
    const calls = renderList({ status: status({ cached: { [SMALL]: true } }) });
    const small = row(SMALL_NAME);
    expect(small.textContent).toContain('Downloaded');
    expect(button(small, 'Download')).toBeUndefined();
    act(() => button(small, 'Delete from cache')!.click());
    expect(calls.delete).toEqual([SMALL]);
  });

  it('shows a running download with a labelled progress bar, percent, size, time left and Cancel', () => {
    const calls = renderList({ download: downloading(0.75) });
    const small = row(SMALL_NAME);
    const bar = small.querySelector('progress')!;
    expect(bar.getAttribute('aria-label')).toBe('Download progress');
    expect(bar.value).toBe(0.75);
    expect(small.textContent).toContain('75%');
    expect(small.textContent).toContain('210 MB of 280 MB');
    expect(small.textContent).toContain('about 2 min left');
    // Only one download at a time: other models wait.
    expect(button(row('Llama 3.2 1B (32-bit shaders)'), 'Download')!.disabled).toBe(true);
    act(() => button(small, 'Cancel download')!.click());
    expect(calls.cancel).toBe(1);
  });

  it('offers to resume a download whose progress stopped moving', () => {
    const fresh = renderList({ download: downloading(0.5) });
    expect(button(row(SMALL_NAME), 'Resume download')).toBeUndefined();
    expect(fresh.download).toEqual([]);
    const calls = renderList({ download: { ...downloading(0.5), updatedAt: Date.now() - 10 * 60_000 } });
    act(() => button(row(SMALL_NAME), 'Resume download')!.click());
    expect(calls.download).toEqual([SMALL]);
  });

  it('announces a failed download as an alert with the host’s message', () => {
    renderList({
      download: { ...downloading(0.2), phase: 'error', error: 'The model files could not be downloaded. Try again.' },
    });
    const alert = row(SMALL_NAME).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('could not be downloaded');
  });

  it('folds into one line saying why when WebGPU is missing, with no model rows until the creator asks', () => {
    renderList({
      status: status({ capability: { available: false, isSoftware: false, shaderF16: false, reason: 'No adapter.' }, recommendedId: null }),
    });
    const fold = container.querySelector<HTMLElement>('[data-testid="models-collapsed"]')!;
    expect(fold.textContent).toContain('No usable GPU here (No adapter), so no model can run and drafts come from your past replies.');
    expect(container.querySelectorAll('[role="group"]')).toHaveLength(0);
    expect(container.querySelectorAll('input[type="radio"]')).toHaveLength(0);
    expect(button(fold, 'Show the models anyway')!.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers no recommendation and no downloads when WebGPU is missing, saying so in words, once the models are shown', () => {
    renderList({
      status: status({ capability: { available: false, isSoftware: false, shaderF16: false, reason: 'No adapter.' }, recommendedId: null }),
    });
    act(() => button(container, 'Show the models anyway')!.click());
    expect(container.textContent).toContain('None right now');
    const download = button(row(SMALL_NAME), 'Download')!;
    expect(download.disabled).toBe(true);
    expect(download.hasAttribute('title')).toBe(false);
    expect(container.textContent).toContain('Download is off: without WebGPU a model cannot run in this browser.');
    const toggle = button(container, 'Hide the models')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    act(() => toggle.click());
    expect(container.querySelectorAll('[role="group"]')).toHaveLength(0);
  });

  it('folds the list on a software-only GPU too, but keeps it open while a download runs', () => {
    const software = status({ capability: { available: true, isSoftware: true, shaderF16: false, adapterName: 'SwiftShader' }, recommendedId: null });
    renderList({ status: software });
    expect(container.textContent).toContain('Only a software GPU here, far too slow for a model');
    expect(container.querySelectorAll('[role="group"]')).toHaveLength(0);
    act(() => root.unmount());
    root = createRoot(container);
    renderList({ status: software, download: downloading(0.4) });
    expect(row(SMALL_NAME).querySelector('progress')).not.toBeNull();
  });

  it('stays unfolded without a usable GPU when the creator picked a model themselves', () => {
    renderList({
      status: status({ capability: { available: false, isSoftware: false, shaderF16: false, reason: 'No adapter.' }, recommendedId: null }),
      selected: SMALL,
    });
    expect(row(SMALL_NAME).querySelector<HTMLInputElement>('input[type="radio"]')!.checked).toBe(true);
    expect(button(container, 'Hide the models')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows every model at once, with no folded line, when the GPU can run one', () => {
    renderList();
    expect(container.querySelector('[data-testid="models-collapsed"]')).toBeNull();
    expect(container.querySelectorAll('[role="group"]').length).toBeGreaterThanOrEqual(5);
  });

  it('offers the creator’s own model as a choice once saved', () => {
    const calls = renderList({
      customModel: { id: 'my-model', modelUrl: 'https://models.example.com/m/', modelLibUrl: 'https://models.example.com/m/lib.wasm' },
    });
    const mine = row('Your own model: my-model');
    expect(mine.textContent).toContain('models.example.com');
    act(() => (mine.querySelector('input[type="radio"]') as HTMLInputElement).click());
    expect(calls.select).toEqual(['custom']);
  });
});

describe('useStorageItem', () => {
  function Probe() {
    const [value] = useStorageItem(selectedModelItem);
    return <output>{value === undefined ? 'loading' : String(value)}</output>;
  }

  it('shows the stored value and follows changes made elsewhere', async () => {
    await selectedModelItem.setValue(SMALL);
    await act(async () => root.render(<Probe />));
    expect(container.textContent).toBe(SMALL);
    await act(async () => {
      await selectedModelItem.setValue(null);
    });
    expect(container.textContent).toBe('null');
  });
});

describe('the model list for assistive tech', () => {
  it('is a list whose every item is a group named after its model, as screen readers announce it', () => {
    renderList();
    for (const list of container.querySelectorAll('ul')) {
      for (const child of list.children) expect(child.localName).toBe('li');
    }
    const groups = [...container.querySelectorAll('li > [role="group"]')];
    expect(groups.length).toBeGreaterThanOrEqual(5);
    const small = groups.find((group) => document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent === SMALL_NAME);
    expect(small?.querySelector('input[type="radio"]')).not.toBeNull();
    expect(container.querySelector('li[role]')).toBeNull();
  });
});
