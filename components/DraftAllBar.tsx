/**
 * Draft all in the side panel (issue 14), presentational: the button that starts it for the page
 * the panel shows, then its progress, Pause / Resume / Cancel and what it did ("12 drafted · 3
 * set aside"), and why it could not start (the page can't be read) as an alert. The job's state
 * comes from the background through extension storage (DraftAll.tsx feeds it).
 */
import type { DraftAllProgress } from '@/lib/core/draft-all';
import './draft-all.css';

export interface DraftAllBarProps {
  /** The job as stored; null before the first one. */
  job: DraftAllProgress | null;
  /** Why the last action failed (the page can't be read, one is already running). */
  error?: string | undefined;
  /** False while the panel does not know which page it is on. */
  canStart: boolean;
  /** A request is on its way: the buttons wait for its answer. */
  busy?: boolean;
  onStart: () => void;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}

export function countsText(job: Pick<DraftAllProgress, 'drafted' | 'setAside' | 'failed'>): string {
  const parts = [`${job.drafted} drafted`, `${job.setAside} set aside`];
  if (job.failed > 0) parts.push(`${job.failed} failed`);
  return parts.join(' · ');
}

export function DraftAllBar({ job, error, canStart, busy = false, onStart, onPause, onResume, onCancel }: DraftAllBarProps) {
  const active = job?.status === 'running' || job?.status === 'paused';
  return (
    <section className="draft-all" aria-label="Draft all">
      {active ? (
        <>
          <div className="row">
            <span>{job.status === 'paused' ? 'Paused' : 'Drafting'} · {job.done} of {job.total} comments</span>
            <span className="spacer" />
            {job.status === 'running' ? (
              <button type="button" onClick={onPause} disabled={busy}>Pause</button>
            ) : (
              <button type="button" className="primary" onClick={onResume} disabled={busy}>Resume</button>
            )}
            <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
          </div>
          <div
            className="draft-all-track"
            role="progressbar"
            aria-label="Draft all progress"
            aria-valuemin={0}
            aria-valuemax={job.total}
            aria-valuenow={job.done}
            aria-valuetext={`${job.done} of ${job.total} comments`}
          >
            <span style={{ width: `${job.total > 0 ? (100 * job.done) / job.total : 0}%` }} />
          </div>
        </>
      ) : (
        <div className="row">
          <button type="button" className="primary" onClick={onStart} disabled={!canStart || busy}>
            Draft all on this page
          </button>
          {!canStart && <span className="muted">Open a page with comments in this window.</span>}
        </div>
      )}
      {job && (
        <p className="muted counts" role="status">
          {countsText(job)}
          {!active && job.message ? ` · ${job.message}` : ''}
        </p>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
