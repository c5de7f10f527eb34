/**
 * The curated models for this GPU, one radio each (plus "recommended" and the creator's own
 * model), with cache status, Download / Delete from cache, and live download progress. With no
 * usable GPU (no WebGPU, or only a software one) the list folds into one line saying why, with a
 * button to show it anyway (to pick a model ahead of a better browser, or clear the cache).
 */
import type { GpuCapability, ModelSelection, ModelStatus } from '@/lib/core/models';
import { useId, useState } from 'react';
import { MODEL_CATALOG, findCatalogModel, type CustomModelEntry } from '@/lib/llm/catalog';
import type { DownloadState } from '@/lib/llm/download-state';
import { CUSTOM_MODEL_CHOICE } from '@/lib/llm/settings';
import { CUSTOM_MODELS_ALLOWED } from '@/lib/llm/build-flags';
import { ModelDownloadProgress } from './ModelDownloadProgress';
import { cannotRun, formatMB, modelsToShow, notInThisBuild, speedLabel } from './ModelFormat';

export interface ModelListProps {
  status: ModelStatus;
  /** A catalog id, CUSTOM_MODEL_CHOICE, or null for "recommended". */
  selected: string | null;
  onSelect: (choice: string | null) => void;
  customModel: CustomModelEntry | null;
  download: DownloadState | null;
  onDownload: (selection: ModelSelection) => void;
  onCancel: () => void;
  onDelete: (selection: ModelSelection) => void;
  /** Model ids with a delete in flight. */
  deleting: ReadonlySet<string>;
}

export interface ModelRowProps extends Pick<ModelListProps, 'download' | 'onDownload' | 'onCancel' | 'onDelete' | 'deleting'> {
  name: string;
  radioName: string;
  value: string;
  checked: boolean;
  onChoose: () => void;
  selection: ModelSelection;
  details: string;
  cached: boolean;
  recommended?: boolean;
  /** The recommended badge's words. */
  recommendedLabel?: string;
  problem?: string;
  /** No usable WebGPU: a download would only be refused. */
  noGpu: boolean;
  otherDownloadRunning: boolean;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** One model: its radio, sizes, cache status, Download / Delete and live progress. */
export function ModelRow(props: ModelRowProps) {
  const id = useId();
  const { download, selection } = props;
  const mine = download && download.selection.modelId === selection.modelId ? download : null;
  const downloading = mine?.phase === 'downloading';
  const deleting = props.deleting.has(selection.modelId);
  const canDownload = !props.noGpu && !props.problem && !downloading && !props.otherDownloadRunning;
  return (
    // A list item stays a list item (a <ul> may hold only those); the named group inside it is
    // what assistive tech and the tests find a model by.
    <li>
      <div className={`model${props.checked ? ' chosen' : ''}`} role="group" aria-labelledby={`${id}-name`}>
        <label className="model-choice">
          <input
            type="radio"
            name={props.radioName}
            value={props.value}
            checked={props.checked}
            disabled={Boolean(props.problem) && !props.checked}
            onChange={props.onChoose}
          />
          <span>
            <strong id={`${id}-name`}>{props.name}</strong>
            {props.recommended && <span className="badge">{props.recommendedLabel ?? 'Recommended for this device'}</span>}
            <span className="muted model-details">{props.details}</span>
          </span>
        </label>
        {props.problem && <p className="muted">{props.problem}</p>}
        <div className="row">
          <span className={`cache-status${props.cached ? ' cached' : ''}`}>
            {props.cached ? 'Downloaded' : downloading ? 'Downloading…' : 'Not downloaded'}
          </span>
          <span className="spacer" />
          {!props.cached && !downloading && (
            <button
              type="button"
              className="primary"
              disabled={!canDownload}
              onClick={() => props.onDownload(selection)}
            >
              Download
            </button>
          )}
          {/* Also after a cancelled or failed download: it clears the files already fetched. */}
          {(props.cached || mine) && !downloading && (
            <button
              type="button"
              className="danger"
              disabled={deleting}
              onClick={() => props.onDelete(selection)}
            >
              {deleting ? 'Deleting…' : 'Delete from cache'}
            </button>
          )}
        </div>
        {mine && (
          <ModelDownloadProgress state={mine} onCancel={props.onCancel} onResume={() => props.onDownload(selection)} />
        )}
      </div>
    </li>
  );
}

/** Why no model can write drafts on this machine, in one sentence; undefined when one can. */
export function whyNoModelRuns(cap: GpuCapability): string | undefined {
  if (!cap.available) {
    const why = (cap.reason ?? 'WebGPU is not available in this browser').replace(/[.\s]+$/, '');
    return `No usable GPU here (${why}), so no model can run and drafts come from your past replies.`;
  }
  if (cap.isSoftware) return 'Only a software GPU here, far too slow for a model, so drafts come from your past replies.';
  return undefined;
}

export function ModelList(props: ModelListProps) {
  const radioName = useId();
  const listId = useId();
  const { status, selected, customModel, download } = props;
  const cap = status.capability;
  const noGpu = !cap.available;
  const unusable = whyNoModelRuns(cap);
  // Open from the start when the creator picked a model themselves (their choice stays in view)
  // or a download is under way (a software GPU may still download).
  const [expanded, setExpanded] = useState(selected !== null || download?.phase === 'downloading');
  const recommended = status.recommendedId ? findCatalogModel(status.recommendedId) : undefined;
  const otherRunning = (modelId: string) =>
    download?.phase === 'downloading' && download.selection.modelId !== modelId;
  const shared = {
    radioName,
    download,
    onDownload: props.onDownload,
    onCancel: props.onCancel,
    onDelete: props.onDelete,
    deleting: props.deleting,
    noGpu,
  };

  const fold = unusable && (
    <div className="row models-collapsed" data-testid="models-collapsed">
      <p>
        <strong>Model:</strong> {unusable}
      </p>
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        onClick={() => setExpanded((open) => !open)}
      >
        {expanded ? 'Hide the models' : 'Show the models anyway'}
      </button>
    </div>
  );
  if (unusable && !expanded) return fold;

  return (
    <>
      {fold}
      <fieldset className="stack models" id={listId}>
        <legend>Model</legend>
        {/* Said in words beside the list: a disabled Download button explains nothing by itself. */}
        {noGpu && <p className="muted">Download is off: without WebGPU a model cannot run in this browser.</p>}
        <label className="model-choice recommended-choice">
          <input type="radio" name={radioName} value="" checked={selected === null} onChange={() => props.onSelect(null)} />
          <span>
            <strong>Recommended for this device</strong>
            <span className="muted model-details">
              {recommended
                ? `Currently ${recommended.displayName}.`
                : 'None right now: this device has no GPU suited to a model, so drafts come from your past replies.'}
            </span>
          </span>
        </label>
        <ul className="model-list">
          {modelsToShow(MODEL_CATALOG, cap, selected, status.cached).map((model) => (
            <ModelRow
              key={model.id}
              {...shared}
              name={model.displayName}
              value={model.id}
              checked={selected === model.id}
              onChoose={() => props.onSelect(model.id)}
              selection={{ modelId: model.id }}
              details={`${formatMB(model.downloadMB)} download · needs ${formatMB(model.vramMB)} of GPU memory · ${speedLabel(model.speed)}`}
              cached={status.cached[model.id] === true}
              recommended={model.id === status.recommendedId}
              problem={notInThisBuild(model) ?? (cap.available ? cannotRun(model, cap) : undefined)}
              otherDownloadRunning={otherRunning(model.id)}
            />
          ))}
          {customModel && CUSTOM_MODELS_ALLOWED && (
            <ModelRow
              {...shared}
              name={`Your own model: ${customModel.id}`}
              value={CUSTOM_MODEL_CHOICE}
              checked={selected === CUSTOM_MODEL_CHOICE}
              onChoose={() => props.onSelect(CUSTOM_MODEL_CHOICE)}
              selection={{ modelId: customModel.id, custom: customModel }}
              details={`Your own weights, from ${hostOf(customModel.modelUrl)}`}
              cached={status.cached[customModel.id] === true}
              otherDownloadRunning={otherRunning(customModel.id)}
            />
          )}
        </ul>
      </fieldset>
    </>
  );
}
