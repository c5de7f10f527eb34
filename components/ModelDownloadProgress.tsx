/** One model's download as the background reports it: live progress, or how it ended. */
import { useEffect, useState } from 'react';
import type { DownloadState } from '@/lib/llm/download-state';
import { formatMB, formatPercent, formatTimeLeft } from './ModelFormat';

interface Props {
  state: DownloadState;
  onCancel: () => void;
  /** Starts the download again; files already fetched are not fetched twice. */
  onResume: () => void;
}

/** Shards arrive every few seconds; this long without news means the download stopped. */
export const STALLED_AFTER_MS = 2 * 60_000;

/** Re-renders now and then while `active`, so a stalled download is noticed. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function ModelDownloadProgress({ state, onCancel, onResume }: Props) {
  const now = useNow(state.phase === 'downloading');
  if (state.phase === 'downloading') {
    // E.g. the browser stopped the background mid-download: the stored progress stops moving.
    const stalled = now - state.updatedAt > STALLED_AFTER_MS;
    const amount =
      state.loadedMB !== undefined && state.totalMB !== undefined
        ? `${formatMB(state.loadedMB)} of ${formatMB(state.totalMB)}`
        : undefined;
    const left = formatTimeLeft(state.timeLeftSeconds);
    return (
      <div className="download stack" data-testid="download-progress">
        <div className="row">
          <progress aria-label="Download progress" max={1} value={state.progress} />
          <b data-testid="download-percent">{formatPercent(state.progress)}</b>
          <button type="button" onClick={onCancel}>Cancel download</button>
        </div>
        <p className="muted">
          {/* While files arrive, the numbers; in later phases ("Preparing the GPU…") the host's words. */}
          {amount ? [amount, left].filter(Boolean).join(' · ') : state.message}
        </p>
        {stalled && (
          <div className="row">
            <span className="muted">No progress for a few minutes.</span>
            <button type="button" onClick={onResume}>Resume download</button>
          </div>
        )}
      </div>
    );
  }
  if (state.phase === 'error') {
    return (
      <div className="banner error" role="alert">
        Download failed: {state.error ?? state.message}
      </div>
    );
  }
  return (
    <div className={`banner${state.phase === 'done' ? ' success' : ''}`} role="status">
      {state.message}
    </div>
  );
}
