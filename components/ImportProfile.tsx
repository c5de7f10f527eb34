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
  type ChosenFile,
  type ImportFilters,
  type PreparedImport,
} from '@/lib/imports/import-flow';
import { inlineRunner, workerRunner, type ImportRunner } from '@/lib/imports/import-runner';
import { describeTimeLeft, estimateMsLeft } from '@/lib/imports/time-left';
import { ImportFormatError } from '@/lib/imports/types';
import { checkBackupSettings, restoreBackupSettings } from '@/lib/drafting/backup-settings';
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
  | { step: 'reading'; name: string; progress: string; fraction: number; timeLeft: string }
  | { step: 'preview'; prepared: PreparedImport; files: readonly ChosenFile[]; filters: ImportFilters; committing: boolean };

function isAbort(error: unknown): boolean {
  return (error as { name?: string })?.name === 'AbortError';
}

/**
 * The import worker in the product; the page itself where there are no Workers (unit tests).
 * The literal `new Worker(new URL(…))` is what the bundler looks for to build the worker.
 */
function defaultRunner(): ImportRunner {
  if (typeof Worker === 'undefined') return inlineRunner(getDb);
  return workerRunner(() => new Worker(new URL('../lib/imports/import.worker.ts', import.meta.url), { type: 'module' }));
}

function toChosen(files: readonly (File | ChosenFile)[]): ChosenFile[] {
  return files.map((f) => (f instanceof Blob ? { file: f } : f));
}

export function ImportProfile({ runner }: { runner?: ImportRunner } = {}) {
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [outcome, setOutcome] = useState<Outcome>();
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const run = useRef<ImportRunner | undefined>(runner);
  const busy = phase.step === 'reading' || (phase.step === 'preview' && phase.committing);

  async function read(name: string, files: readonly ChosenFile[], creator?: string) {
    abort.current?.abort();
    if (phase.step === 'preview') phase.prepared.worker?.release();
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(undefined);
    const started = performance.now();
    let fraction = 0;
    const show = (progress: string) => {
      if (controller.signal.aborted) return;
      const timeLeft = describeTimeLeft(estimateMsLeft(performance.now() - started, fraction));
      setPhase({ step: 'reading', name, progress, fraction, timeLeft });
    };
    show(`Reading ${name}…`);
    try {
      run.current ??= defaultRunner();
      const prepared = await run.current(files, {
        signal: controller.signal,
        onProgress: (text, done) => {
          if (done !== undefined) fraction = Math.max(fraction, done);
          show(text);
        },
        ...(creator ? { creator } : {}),
      });
      if (controller.signal.aborted) throw new DOMException('Import cancelled', 'AbortError');
      // A backup's settings are checked before the preview: a bad one refuses the whole file.
      const settings = prepared.backup?.file.settings;
      if (settings) {
        const check = checkBackupSettings(settings);
        if (!check.ok) {
          throw new ImportFormatError(name, `${name} holds ${check.problems.length === 1 ? 'a setting' : 'settings'} Understudy can't use: ${check.problems.join(' ')} Nothing was restored.`, check.problems);
        }
      }
      setPhase({ step: 'preview', prepared, files, filters: {}, committing: false });
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
    void read(label, toChosen(files));
  }

  async function confirm() {
    if (phase.step !== 'preview') return;
    const { prepared, filters } = phase;
    setPhase({ ...phase, committing: true });
    try {
      if (prepared.worker) {
        const languages = await prepared.worker.languages();
        prepared.replies.forEach((reply, i) => (reply.language = languages[i] ?? ''));
      }
      const summary = await commitImport(getDb(), prepared, { filters, consentText: IMPORT_CONSENT_TEXT });
      const settings = prepared.backup?.file.settings;
      if (settings) {
        const check = checkBackupSettings(settings);
        if (check.ok) await restoreBackupSettings(check.values);
      }
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
      phase.prepared.worker?.release();
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
        <div className="stack import-progress">
          <progress
            style={{ width: '100%' }}
            max={1}
            value={phase.fraction}
            aria-label={`Reading ${phase.name}`}
            aria-valuetext={`${Math.floor(phase.fraction * 100)}%, ${phase.timeLeft.replace(/…$/, '')}`}
          />
          <div className="row">
            <span className="muted" aria-live="polite" data-testid="import-progress">{phase.progress}</span>
            <span className="muted" data-testid="import-time-left">{phase.timeLeft}</span>
            <button type="button" onClick={cancel}>Cancel</button>
          </div>
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
          onCreator={(creator) => void read(phase.prepared.selection.name, phase.files, creator)}
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
