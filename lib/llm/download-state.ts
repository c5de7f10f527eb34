/**
 * The state of a model download, kept in extension storage so every page (options, side panel)
 * sees it live and a download cut short by a browser restart can pick up where it stopped
 * (WebLLM keeps the shards it already fetched in its cache).
 */
import type { ModelSelection } from '../core/models';
import { storage } from 'wxt/utils/storage';

export type DownloadPhase = 'downloading' | 'done' | 'error' | 'cancelled';

export interface DownloadState {
  selection: ModelSelection;
  phase: DownloadPhase;
  /** 0–1 */
  progress: number;
  message: string;
  loadedMB?: number;
  totalMB?: number;
  timeLeftSeconds?: number;
  error?: string;
  updatedAt: number;
}

export const downloadStateItem = storage.defineItem<DownloadState | null>('local:llm.download', {
  fallback: null,
});

/**
 * A download the stored state says is running, which the background may no longer be following:
 * the browser stopped, or only the service worker did (after 30 s without events) while the
 * engine host kept downloading. The model manager then takes it over (model-manager.ts).
 */
export function shouldResume(state: DownloadState | null): state is DownloadState {
  return state?.phase === 'downloading';
}
