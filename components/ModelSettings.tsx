/**
 * Options → Model: what the GPU can do, the order engines are tried in, which model,
 * downloading and deleting it, the creator's own model, and how the model writes.
 *
 * Status (GPU, cache, storage) comes from the background, which asks the offscreen engine host;
 * download progress is followed live through extension storage, so it keeps going (and stays
 * visible) when this page is closed and reopened.
 */
import type { EngineId } from '@/lib/core/draft';
import type { ModelSelection, ModelStatus } from '@/lib/core/models';
import { useCallback, useEffect, useState } from 'react';
import { browserLanguageModel, builtinState, type BuiltinState } from '@/lib/llm/builtin-engine';
import { downloadStateItem } from '@/lib/llm/download-state';
import {
  CUSTOM_MODEL_CHOICE,
  customModelItem,
  engineOrderItem,
  loadEngineOrder,
  preferenceFromOrder,
  saveEngineOrder,
  selectedModelItem,
} from '@/lib/llm/settings';
import { request } from '@/lib/messaging/client';
import { ModelCustomForm } from './ModelCustomForm';
import { CUSTOM_MODELS_ALLOWED } from '@/lib/llm/build-flags';
import { ModelEmbeddings } from './ModelEmbeddings';
import { ModelEngineOrder } from './ModelEngineOrder';
import { formatBytes } from './ModelFormat';
import { ModelGeneration } from './ModelGeneration';
import { ModelGpu } from './ModelGpu';
import { ModelList } from './ModelList';
import { useStorageItem } from './useStorageItem';

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

/** The engine order, live across pages; saving also keeps the derived preference in step. */
function useEngineOrder(): [EngineId[] | undefined, (order: EngineId[]) => void] {
  const [order, setOrder] = useState<EngineId[]>();
  useEffect(() => {
    let live = true;
    const reload = () => void loadEngineOrder().then((current) => live && setOrder(current));
    const unwatch = engineOrderItem.watch(reload);
    reload();
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const save = useCallback((next: EngineId[]) => {
    setOrder(next);
    void saveEngineOrder(next);
  }, []);
  return [order, save];
}

/** Asked of the browser here: the options page is an extension page, where Chrome offers the API. */
function useBuiltinState(): BuiltinState | undefined {
  const [state, setState] = useState<BuiltinState>();
  useEffect(() => {
    let live = true;
    void builtinState(browserLanguageModel()).then((answer) => live && setState(answer));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function ModelSettings() {
  const [status, setStatus] = useState<ModelStatus>();
  const [statusError, setStatusError] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [deleting, setDeleting] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useStorageItem(selectedModelItem);
  const [custom] = useStorageItem(customModelItem);
  const [order, setOrder] = useEngineOrder();
  const builtin = useBuiltinState();
  const preference = order ? preferenceFromOrder(order) : undefined;
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
      {order && <ModelEngineOrder order={order} builtinState={builtin} onChange={setOrder} />}
      {preference === 'memory' && (
        <p className="muted">
          Your past replies come before the AI model, so the models below are kept but not used.
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
      {/* A store build runs only the code it ships; a creator's own model brings its own. */}
      {CUSTOM_MODELS_ALLOWED ? (
        <ModelCustomForm saved={custom ?? null} />
      ) : (
        <p className="muted">
          Your own model: not in this version of Understudy, because a model brings its own code and a store
          package may run only the code it ships. Builds from source offer it (README → Install).
        </p>
      )}
      <ModelGeneration />
    </section>
  );
}
