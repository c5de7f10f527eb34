/**
 * Import a style profile from a file. All or nothing: a file that fails any check changes
 * nothing, and the creator is told which file, which field and what is wrong.
 */
import { useId, useState } from 'react';
import { getDb } from '@/lib/memory/db';
import { readProfileFile } from '@/lib/profile/import-json';
import { applyProfile } from '@/lib/profile/apply';

type Outcome = { kind: 'success' | 'error'; message: string } | undefined;

function describeWriteError(fileName: string, error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return `${fileName} was not imported: your disk is full. Free some space and try again; your memory is unchanged.`;
  }
  return `${fileName} was not imported: ${(error as Error)?.message ?? String(error)}. Your memory is unchanged.`;
}

export function ImportProfile() {
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  async function onFile(file: File) {
    setBusy(true);
    setOutcome(undefined);
    try {
      const parsed = await readProfileFile(file);
      if (!parsed.ok) {
        setOutcome({ kind: 'error', message: parsed.error.message });
        return;
      }
      const summary = await applyProfile(getDb(), parsed.profile, file.name);
      setOutcome({
        kind: 'success',
        message:
          `Imported ${file.name}: ${summary.examples} example replies and ${summary.facts} facts for ${parsed.profile.name}.` +
          (summary.sentKept ? ` ${summary.sentKept} replies you sent with Understudy were kept.` : ''),
      });
    } catch (error) {
      setOutcome({ kind: 'error', message: describeWriteError(file.name, error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Style profile</h2>
      <p className="muted">
        A JSON file with your voice, facts, boundaries and example replies (format in the README;
        try <code>samples/sample-profile.json</code>). Importing replaces your profile, facts and
        imported replies; replies you sent with Understudy are kept.
      </p>
      <div className="drop">
        <label htmlFor={inputId}><strong>Import style profile</strong></label>{' '}
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void onFile(file);
          }}
        />
        {busy && <span className="muted"> Importing…</span>}
      </div>
      {outcome?.kind === 'success' && <div className="banner success" role="status">{outcome.message}</div>}
      {outcome?.kind === 'error' && <div className="banner error" role="alert">{outcome.message}</div>}
    </section>
  );
}
