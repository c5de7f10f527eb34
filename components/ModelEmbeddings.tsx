/**
 * Options → Model → Better matching (embeddings): the optional embedding model, downloaded and
 * deleted like the drafting models (the same rows and download machinery), and how far giving
 * every reply a vector has got.
 */
import type { ModelSelection, ModelStatus } from '@/lib/core/models';
import { useEffect, useId, useState } from 'react';
import { EMBEDDING_CATALOG, RECOMMENDED_EMBEDDING_ID } from '@/lib/llm/catalog';
import type { DownloadState } from '@/lib/llm/download-state';
import { embeddingModelItem, embeddingProgressItem } from '@/lib/llm/embedding-settings';
import type { EnginePreference } from '@/lib/llm/settings';
import type { EmbeddingProgress } from '@/lib/memory/embedding-job';
import { countExamples } from '@/lib/memory/examples-repo';
import { request } from '@/lib/messaging/client';
import { formatMB, notInThisBuild } from './ModelFormat';
import { ModelRow } from './ModelList';
import { useLive } from './useLive';
import { useStorageItem } from './useStorageItem';

export interface ModelEmbeddingsProps {
  status: ModelStatus;
  enginePreference: EnginePreference | undefined;
  download: DownloadState | null;
  onDownload: (selection: ModelSelection) => void;
  onCancel: () => void;
  onDelete: (selection: ModelSelection) => void;
  deleting: ReadonlySet<string>;
}

/** A running job that has not reported for this long was cut short (the worker stopped). */
export const EMBEDDING_STALLED_AFTER_MS = 2 * 60_000;

const count = (n: number) => n.toLocaleString('en-US');

function replies(n: number): string {
  return `${count(n)} ${n === 1 ? 'reply' : 'replies'}`;
}

/**
 * What the job is doing, in one sentence, and whether the creator can do something about it.
 * `inMemory` is how many replies memory holds now: a finished job over another number means
 * replies were imported or deleted since, and the job is about to run again.
 */
export function describeEmbedding(
  progress: EmbeddingProgress,
  now: number,
  inMemory?: number,
): { text: string; tone: 'status' | 'alert'; canRetry: boolean } {
  const so = `Embedded ${count(progress.embedded)} of ${replies(progress.total)}`;
  switch (progress.phase) {
    case 'done':
      if (inMemory !== undefined && inMemory !== progress.total) {
        return { text: 'Your replies changed: embedding the new ones…', tone: 'status', canRetry: false };
      }
      return progress.total === 0
        ? { text: 'No replies in memory yet: they are embedded as soon as you import some.', tone: 'status', canRetry: false }
        : { text: `All ${replies(progress.total)} embedded: drafts find past replies by meaning as well as by words.`, tone: 'status', canRetry: false };
    case 'error':
      return { text: `${so}. Embedding stopped: ${progress.error ?? 'the embedding model failed.'}`, tone: 'alert', canRetry: true };
    case 'stopped':
      return { text: `${so}, paused.`, tone: 'status', canRetry: true };
    case 'running':
      return now - progress.updatedAt > EMBEDDING_STALLED_AFTER_MS
        ? { text: `${so}, paused.`, tone: 'status', canRetry: true }
        : { text: `${so}…`, tone: 'status', canRetry: false };
  }
}

function EmbeddingProgressView({ progress, inMemory, onRetry }: { progress: EmbeddingProgress; inMemory?: number; onRetry: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const running = progress.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [running]);
  const { text, tone, canRetry } = describeEmbedding(progress, Math.max(now, progress.updatedAt), inMemory);
  return (
    <div className="download stack" data-testid="embedding-progress">
      {progress.phase !== 'done' && progress.total > 0 && (
        <progress aria-label="Embedding progress" max={progress.total} value={progress.embedded} />
      )}
      <div className="row">
        <span role={tone} className={tone === 'alert' ? 'banner error' : progress.phase === 'done' ? 'banner success' : 'muted'}>
          {text}
        </span>
        {canRetry && (
          <button type="button" onClick={onRetry}>
            {progress.phase === 'error' ? 'Try again' : 'Continue'}
          </button>
        )}
      </div>
    </div>
  );
}

export function ModelEmbeddings(props: ModelEmbeddingsProps) {
  const radioName = useId();
  const [chosen, setChosen] = useStorageItem(embeddingModelItem);
  const [progress] = useStorageItem(embeddingProgressItem);
  const inMemory = useLive((db) => countExamples(db));
  const [retryError, setRetryError] = useState<string>();
  const { status, download } = props;
  const cap = status.capability;
  const chosenModel = EMBEDDING_CATALOG.find((m) => m.id === chosen);
  const ready = chosenModel !== undefined && status.cached[chosenModel.id] === true && props.enginePreference !== 'memory';
  const shown = ready && progress?.model === chosenModel.id ? progress : null;

  const start = () => {
    setRetryError(undefined);
    request('embeddings.start', {}).catch((error: Error) => setRetryError(error.message));
  };
  // Opening options continues a job the browser cut short, and an import made here starts one
  // at once; the background does nothing when every reply already has a vector.
  const unfinished = ready && (shown?.phase !== 'done' || (inMemory !== undefined && inMemory !== shown.total));
  useEffect(() => {
    if (unfinished) request('embeddings.start', {}).catch(() => {});
  }, [unfinished]);

  const otherRunning = (modelId: string) => download?.phase === 'downloading' && download.selection.modelId !== modelId;

  return (
    <fieldset className="stack models" data-testid="embeddings">
      <legend>Better matching (embeddings)</legend>
      <p className="muted">
        Optional. A small second model reads each of your past replies once and stores what it is about, so a
        draft can use a reply that means the same as the new comment in other words (“my loaf came out flat” for
        “why won’t my bread rise?”), not only replies that share words with it. It runs on your GPU next to the
        drafting model; your replies and what it stores about them stay in this browser.
      </p>
      {props.enginePreference === 'memory' && (
        <p className="muted">Off while drafts come from your past replies only: better matching needs the GPU.</p>
      )}
      <label className="model-choice">
        <input type="radio" name={radioName} value="" checked={chosen === null} onChange={() => void setChosen(null)} />
        <span>
          <strong>Off: match by words only</strong>
          <span className="muted model-details">Drafts use past replies that share words with the comment.</span>
        </span>
      </label>
      <ul className="model-list">
        {EMBEDDING_CATALOG.map((model) => (
          <ModelRow
            key={model.id}
            radioName={radioName}
            name={model.displayName}
            value={model.id}
            checked={chosen === model.id}
            onChoose={() => void setChosen(model.id)}
            selection={{ modelId: model.id }}
            details={`${formatMB(model.downloadMB)} download · needs ${formatMB(model.vramMB)} of GPU memory · ${model.dims} numbers per reply`}
            cached={status.cached[model.id] === true}
            recommended={model.id === RECOMMENDED_EMBEDDING_ID}
            recommendedLabel="Recommended: small and quick"
            noGpu={!cap.available}
            problem={notInThisBuild(model)}
            otherDownloadRunning={otherRunning(model.id)}
            download={download}
            onDownload={(selection) => {
              // Downloading one means wanting it: choose it too, so embedding starts when it is in.
              void setChosen(selection.modelId);
              props.onDownload(selection);
            }}
            onCancel={props.onCancel}
            onDelete={props.onDelete}
            deleting={props.deleting}
          />
        ))}
      </ul>
      {ready && cap.isSoftware && (
        <p className="muted">
          This GPU is software only: embedding every reply would take hours, so drafts match by words until a hardware
          GPU is available.
        </p>
      )}
      {shown && <EmbeddingProgressView progress={shown} inMemory={inMemory} onRetry={start} />}
      {retryError && (
        <div className="banner error" role="alert">
          {retryError}
        </div>
      )}
    </fieldset>
  );
}
