/**
 * Options → Model: what the GPU can do, whether to draft with a model at all, which model,
 * downloading and deleting it, the creator's own model, and how the model writes.
 *
 * Status (GPU, cache, storage) comes from the background, which asks the offscreen engine host;
 * download progress is followed live through extension storage, so it keeps going (and stays
 * visible) when this page is closed and reopened.
 */
import type { ModelSelection, ModelStatus } from '@/lib/core/models';
import { useCallback, useEffect, useState } from 'react';
import { downloadStateItem } from '@/lib/llm/download-state';
import {
  CUSTOM_MODEL_CHOICE,
  customModelItem,
  enginePreferenceItem,
  selectedModelItem,
  type EnginePreference,
} from '@/lib/llm/settings';
import { request } from '@/lib/messaging/client';
import { ModelCustomForm } from './ModelCustomForm';
import { ModelEmbeddings } from './ModelEmbeddings';
import { formatBytes } from './ModelFormat';
import { ModelGeneration } from './ModelGeneration';
import { ModelGpu } from './ModelGpu';
import { ModelList } from './ModelList';
import { useStorageItem } from './useStorageItem';

const PREFERENCES: { value: EnginePreference; label: string; hint: string }[] = [
  {
    value: 'auto',
    label: 'Use an AI model when possible',
    hint: 'Drafts come from the model below when your GPU can run it and it is downloaded; otherwise from your past replies, with a note saying why.',
  },
  {
    value: 'memory',
    label: 'Always use my past replies (no model)',
    hint: 'Drafts are put together from your closest past replies. Nothing is downloaded and the GPU is not used.',
  },
];

function EnginePreferenceChoice({ value, onChange }: { value: EnginePreference | undefined; onChange: (v: EnginePreference) => void }) {
  return (
    <fieldset className="stack">
      <legend>Drafting engine</legend>
      {PREFERENCES.map((option) => (
        <label className="model-choice" key={option.value}>
          <input
            type="radio"
            name="engine-preference"
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>
            <strong>{option.label}</strong>
            <span className="muted model-details">{option.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function StorageLine({ storage }: { storage: ModelStatus['storage'] }) {
  if (storage.usage === undefined && storage.quota === undefined) return null;
  return (
    <p className="muted" data-testid="model-storage">
      Storage: {storage.usage !== undefined ? formatBytes(storage.usage) : 'unknown'} used
      {storage.quota !== undefined ? ` of ${formatBytes(storage.quota)} this browser allows Understudy` : ''}. Models
      are kept in the browser’s cache on this computer.
    </p>
  );
}

export function ModelSettings() {
  const [status, setStatus] = useState<ModelStatus>();
  const [statusError, setStatusError] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useStorageItem(selectedModelItem);
  const [custom] = useStorageItem(customModelItem);
  const [preference, setPreference] = useStorageItem(enginePreferenceItem);
  const [download] = useStorageItem(downloadStateItem);

  const refresh = useCallback(async () => {
    try {
      setStatus(await request('model.status', {}));
      setStatusError(undefined);
    } catch (error) {
      setStatusError((error as Error).message);
    }
  }, []);

  // Cache status changes when a download ends or the creator's own model changes.
  const downloadPhase = download?.phase;
  useEffect(() => {
    if (downloadPhase !== 'downloading') void refresh();
  }, [refresh, downloadPhase, custom?.id]);

  async function act(work: () => Promise<unknown>) {
    setActionError(undefined);
    try {
      await work();
    } catch (error) {
      setActionError((error as Error).message);
    }
  }

  const startDownload = (selection: ModelSelection) => void act(() => request('model.download', { selection }));
  const cancel = () => void act(() => request('model.cancel', {}));
  const remove = (selection: ModelSelection) =>
    void act(async () => {
      setDeleting((current) => new Set(current).add(selection.modelId));
      try {
        await request('model.delete', { selection });
      } finally {
        setDeleting((current) => {
          const next = new Set(current);
          next.delete(selection.modelId);
          return next;
        });
        await refresh();
      }
    });

  return (
    <section className="card stack" aria-labelledby="model-title">
      <h2 id="model-title">Model</h2>
      <p className="muted">
        An AI model running in your browser (WebLLM, on your GPU) can write drafts in your voice.
        It is downloaded once and runs on this computer: nothing you write is uploaded.
      </p>
      {status ? (
        <ModelGpu capability={status.capability} />
      ) : statusError ? (
        <div className="banner error" role="alert">
          Could not check your GPU and models: {statusError}{' '}
          <button type="button" onClick={() => void refresh()}>Try again</button>
        </div>
      ) : (
        <p className="muted">Checking your GPU and downloaded models…</p>
      )}
      <EnginePreferenceChoice value={preference} onChange={(value) => void setPreference(value)} />
      {preference === 'memory' && (
        <p className="muted">
          Drafts come from your past replies while this is on; the models below are kept but not used.
        </p>
      )}
      {status && selected !== undefined && (
        <>
          <ModelList
            status={status}
            selected={selected === CUSTOM_MODEL_CHOICE && !custom ? null : selected}
            onSelect={(choice) => void setSelected(choice)}
            customModel={custom ?? null}
            download={download ?? null}
            onDownload={startDownload}
            onCancel={cancel}
            onDelete={remove}
            deleting={deleting}
          />
          <ModelEmbeddings
            status={status}
            enginePreference={preference}
            download={download ?? null}
            onDownload={startDownload}
            onCancel={cancel}
            onDelete={remove}
            deleting={deleting}
          />
          <StorageLine storage={status.storage} />
        </>
      )}
      {actionError && (
        <div className="banner error" role="alert">
          {actionError}
        </div>
      )}
      <ModelCustomForm saved={custom ?? null} />
      <ModelGeneration />
    </section>
  );
}
