/**
 * The preview of an import, before anything is written: what it would add, in counts (region
 * "Import preview"), a few samples, the filters, and Import / Cancel. When a DM export does not
 * say who the creator is, it asks "Which of these is you?" first.
 */
import { useId, useMemo, useState } from 'react';
import { SITE_NAMES } from '@/lib/core/sites';
import {
  describePreview,
  previewImport,
  type ImportFilters,
  type PreparedImport,
} from '@/lib/imports/import-flow';
import { IMPORT_CONSENT_TEXT } from '@/lib/memory/sources-repo';

interface Props {
  prepared: PreparedImport;
  filters: ImportFilters;
  onFilters(filters: ImportFilters): void;
  busy: boolean;
  onImport(): void;
  onCancel(): void;
  onCreator(name: string): void;
}

function truncate(text: string, max = 160): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function numberOrUndefined(value: string): number | undefined {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function ImportPreview({ prepared, filters, onFilters, busy, onImport, onCancel, onCreator }: Props) {
  const id = useId();
  const preview = useMemo(() => previewImport(prepared, filters), [prepared, filters]);
  const lines = describePreview(preview);
  const [creator, setCreator] = useState('');
  const excluded = new Set(filters.excludedPlatforms ?? []);
  const set = (change: Partial<ImportFilters>) => {
    const next: ImportFilters = { ...filters, ...change };
    for (const key of Object.keys(next) as (keyof ImportFilters)[]) if (next[key] === undefined) delete next[key];
    onFilters(next);
  };

  return (
    <section className="preview stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Import preview</h3>
      <p className="muted">
        {preview.label}: <strong>{preview.fileName}</strong>. Nothing is written until you press Import.
      </p>
      <div data-testid="import-preview-counts">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>

      {preview.needsCreator && (
        <fieldset className="stack">
          <legend>Which of these is you?</legend>
          <p className="muted">
            This export does not say which sender you are, so your direct messages can't be paired with
            what they answered yet. Pick your name:
          </p>
          <div className="row">
            {preview.needsCreator.candidates.map((name) => (
              <label key={name} className="row">
                <input type="radio" name={`${id}-creator`} value={name} checked={creator === name} onChange={() => setCreator(name)} />
                {name}
              </label>
            ))}
          </div>
          <div>
            <button type="button" disabled={!creator || busy} onClick={() => onCreator(creator)}>
              That's me
            </button>
          </div>
        </fieldset>
      )}

      {preview.samples.length > 0 && (
        <div>
          <h4 className="muted">A few of the replies</h4>
          <ul className="samples" aria-label="Sample replies">
            {preview.samples.map((sample, i) => (
              <li key={i}>
                {sample.incoming && <div className="quote">{truncate(sample.incoming)}</div>}
                <div>{truncate(sample.reply)}</div>
              </li>
            ))}
          </ul>
        </div>
      )}

      {preview.warnings.length > 0 && (
        <details>
          <summary>
            {preview.warnings.length === 1 ? '1 note about this file' : `${preview.warnings.length} notes about this file`}
          </summary>
          <ul>
            {preview.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </details>
      )}

      {prepared.replies.length > 0 && (
        <details>
          <summary>Filters</summary>
          <div className="stack filters">
            {preview.allPlatforms.length > 1 && (
              <fieldset>
                <legend>Platforms</legend>
                <div className="row">
                  {preview.allPlatforms.map((platform) => (
                    <label key={platform} className="row">
                      <input
                        type="checkbox"
                        checked={!excluded.has(platform)}
                        onChange={(event) => {
                          const next = new Set(excluded);
                          if (event.target.checked) next.delete(platform);
                          else next.add(platform);
                          set({ excludedPlatforms: next.size ? [...next] : undefined });
                        }}
                      />
                      {platform === 'none' ? 'Platform not given' : SITE_NAMES[platform]}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            <div className="fields">
              {preview.allYears && preview.allYears.from !== preview.allYears.to && (
                <>
                  <label className="field">
                    From year
                    <input
                      type="number"
                      min={preview.allYears.from}
                      max={preview.allYears.to}
                      placeholder={String(preview.allYears.from)}
                      value={filters.fromYear ?? ''}
                      onChange={(event) => set({ fromYear: numberOrUndefined(event.target.value) })}
                    />
                  </label>
                  <label className="field">
                    To year
                    <input
                      type="number"
                      min={preview.allYears.from}
                      max={preview.allYears.to}
                      placeholder={String(preview.allYears.to)}
                      value={filters.toYear ?? ''}
                      onChange={(event) => set({ toYear: numberOrUndefined(event.target.value) })}
                    />
                  </label>
                </>
              )}
              <label className="field">
                Leave out replies shorter than (characters)
                <input
                  type="number"
                  min={0}
                  value={filters.minChars ?? ''}
                  onChange={(event) => set({ minChars: numberOrUndefined(event.target.value) })}
                />
              </label>
            </div>
            <label className="row">
              <input
                type="checkbox"
                checked={!!filters.withoutLinks}
                onChange={(event) => set({ withoutLinks: event.target.checked || undefined })}
              />
              Leave out replies with links
            </label>
          </div>
        </details>
      )}

      {prepared.backup ? (
        <p className="muted">Each source in the backup keeps the consent you gave when you first imported it.</p>
      ) : (
        <p className="muted">By importing, you agree: “{IMPORT_CONSENT_TEXT}”</p>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={onImport}>
          Import
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        {busy && <span className="muted">Importing…</span>}
      </div>
    </section>
  );
}
