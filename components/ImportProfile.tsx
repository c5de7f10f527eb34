/**
 * Import: a style profile or a platform's data export (a zip, its files, or a folder), chosen or
 * dropped. The files are read and previewed first (ImportPreview); nothing is written until the
 * creator presses Import, and then all or nothing. Each import adds a source; a file imported
 * again adds nothing. Outcomes: role=status on success, role=alert naming the file on error.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import {
  commitImport,
  describeImportError,
  describeOutcome,
  openSelection,
  prepareImport,
  type ChosenFile,
  type ImportFilters,
  type PreparedImport,
  type Selection,
} from '@/lib/imports/import-flow';
import { ImportFormatError } from '@/lib/imports/types';
import { getDb } from '@/lib/memory/db';
import { IMPORT_CONSENT_TEXT } from '@/lib/memory/sources-repo';
import { droppedFiles } from './DroppedFiles';
import { ImportPreview } from './ImportPreview';

type Outcome = { kind: 'success' | 'error'; message: string; fileName?: string; problems?: readonly string[] } | undefined;

/** The problems of a refused file, when there are several: every one, so the creator can fix them all at once. */
function errorOutcome(fileName: string, error: unknown): Outcome {
  const problems = error instanceof ImportFormatError ? error.problems : [];
  return { kind: 'error', message: describeImportError(fileName, error), fileName: (error as ImportFormatError)?.fileName || fileName, problems };
}

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; name: string; progress: string }
  | { step: 'preview'; prepared: PreparedImport; filters: ImportFilters; committing: boolean };

function isAbort(error: unknown): boolean {
  return (error as { name?: string })?.name === 'AbortError';
}

export function ImportProfile() {
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [outcome, setOutcome] = useState<Outcome>();
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const busy = phase.step === 'reading' || (phase.step === 'preview' && phase.committing);

  async function read(name: string, open: (signal: AbortSignal, progress: (text: string) => void) => Promise<Selection>, creator?: string) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(undefined);
    setPhase({ step: 'reading', name, progress: `Reading ${name}…` });
    const progress = (text: string) => {
      if (!controller.signal.aborted) setPhase({ step: 'reading', name, progress: text });
    };
    try {
      const selection = await open(controller.signal, progress);
      const prepared = await prepareImport(getDb(), selection, {
        signal: controller.signal,
        onProgress: progress,
        ...(creator ? { creator } : {}),
      });
      if (controller.signal.aborted) throw new DOMException('Import cancelled', 'AbortError');
      setPhase({ step: 'preview', prepared, filters: {}, committing: false });
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) {
        setPhase({ step: 'idle' });
        setOutcome({ kind: 'success', message: `Stopped reading ${name}: nothing was changed.` });
        return;
      }
      setPhase({ step: 'idle' });
      setOutcome(errorOutcome(name, error));
    } finally {
      if (abort.current === controller) abort.current = undefined;
    }
  }

  function choose(files: readonly (File | ChosenFile)[]) {
    if (files.length === 0) return;
    const first = files[0]!;
    const name = (first instanceof Blob ? first : first.file).name;
    const label = files.length > 1 ? `${name} and ${files.length - 1} more` : name;
    void read(label, (signal, onProgress) => openSelection(files, { signal, onProgress }));
  }

  async function confirm() {
    if (phase.step !== 'preview') return;
    const { prepared, filters } = phase;
    setPhase({ ...phase, committing: true });
    try {
      const summary = await commitImport(getDb(), prepared, { filters, consentText: IMPORT_CONSENT_TEXT });
      setPhase({ step: 'idle' });
      setOutcome({ kind: 'success', message: describeOutcome(summary) });
    } catch (error) {
      setPhase({ step: 'idle' });
      setOutcome(errorOutcome(prepared.selection.name, error));
    }
  }

  function cancel() {
    if (phase.step === 'reading') {
      abort.current?.abort();
      return;
    }
    if (phase.step === 'preview') {
      setPhase({ step: 'idle' });
      setOutcome({ kind: 'success', message: `Nothing was imported from ${phase.prepared.selection.name}.` });
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    void droppedFiles(event.dataTransfer).then(choose, (error: unknown) =>
      setOutcome({ kind: 'error', message: `The dropped files could not be read: ${(error as Error)?.message ?? String(error)}` }),
    );
  }

  return (
    <section className="card stack" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Import your replies</h2>
      <p className="muted">
        Your platforms' data exports (X, Instagram, Facebook, YouTube Takeout, TikTok, Reddit,
        LinkedIn), a CSV of replies, or an Understudy style profile (format in the README; try{' '}
        <code>samples/sample-profile.json</code>). A zip, several of its files, or its folder.
        You see what an import would add before anything is written; each import adds to the
        replies already in memory, and a file imported twice adds nothing. A style profile also
        replaces your profile and fact sheet.
      </p>
      <div
        className={`drop${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="muted">Drop files or a whole export folder here, or choose them:</p>
        <div className="row">
          <label htmlFor={inputId}><strong>Import style profile</strong></label>
          <input
            id={inputId}
            type="file"
            multiple
            disabled={busy}
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              choose(files);
            }}
          />
        </div>
      </div>
      {phase.step === 'reading' && (
        <div className="row">
          <span className="muted" aria-live="polite" data-testid="import-progress">{phase.progress}</span>
          <button type="button" onClick={cancel}>Cancel</button>
        </div>
      )}
      {phase.step === 'preview' && (
        <ImportPreview
          prepared={phase.prepared}
          filters={phase.filters}
          onFilters={(filters) => setPhase({ ...phase, filters })}
          busy={phase.committing}
          onImport={() => void confirm()}
          onCancel={cancel}
          onCreator={(creator) => {
            const selection = phase.prepared.selection;
            void read(selection.name, async () => selection, creator);
          }}
        />
      )}
      {outcome?.kind === 'success' && <div className="banner success" role="status">{outcome.message}</div>}
      {outcome?.kind === 'error' && <div className="banner error" role="alert">{outcome.message}</div>}
      {outcome?.kind === 'error' && outcome.problems && outcome.problems.length > 1 && (
        <ProblemList fileName={outcome.fileName ?? ''} problems={outcome.problems} />
      )}
    </section>
  );
}

/** Every problem of a refused file, numbered, in a list that scrolls when it is long. */
function ProblemList({ fileName, problems }: { fileName: string; problems: readonly string[] }) {
  const id = useId();
  const count = `${problems.length.toLocaleString('en-US')} problems in ${fileName}`;
  return (
    <div className="stack" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{count}</h3>
      <p className="muted">Fix them all, then choose the file again: nothing was imported.</p>
      <ol className="problems" aria-label={count} tabIndex={0} data-testid="import-problems">
        {problems.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ol>
    </div>
  );
}
