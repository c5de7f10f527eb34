/**
 * Where memory's replies came from: each import (a style profile, a platform export) and the
 * replies sent through Understudy, with its counts, the dates its replies span, and the consent
 * the creator gave. Live: a new import shows up as soon as it is written.
 */
import { SITE_NAMES, type SiteId } from '@/lib/core/sites';
import { plural } from '@/lib/imports/import-flow';
import type { SourceRow } from '@/lib/memory/db';
import { listSources } from '@/lib/memory/sources-repo';
import { useLive } from './useLive';

const day = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });

function span(source: SourceRow): string | undefined {
  if (source.firstDate === undefined || source.lastDate === undefined) return undefined;
  const from = new Date(source.firstDate).getUTCFullYear();
  const to = new Date(source.lastDate).getUTCFullYear();
  return from === to ? `from ${from}` : `from ${from}–${to}`;
}

function platforms(source: SourceRow): string | undefined {
  const entries = Object.entries(source.platforms ?? {}) as [SiteId, number][];
  if (entries.length === 0) return undefined;
  return entries
    .sort((a, b) => b[1] - a[1])
    .map(([site, n]) => (entries.length > 1 ? `${SITE_NAMES[site]} ${n.toLocaleString('en-US')}` : SITE_NAMES[site]))
    .join(', ');
}

function describe(source: SourceRow): string {
  if (source.kind === 'sent') return `${plural(source.records, 'reply', 'replies')} sent so far`;
  const parts = [plural(source.records, 'reply', 'replies')];
  if (source.withIncoming !== undefined && source.records > 0) {
    parts[0] += ` (${source.withIncoming.toLocaleString('en-US')} with the message they answered)`;
  }
  const where = platforms(source);
  if (where) parts.push(where);
  const when = span(source);
  if (when) parts.push(when);
  return parts.join(' · ');
}

export function ImportSources() {
  const sources = useLive(listSources);
  if (!sources || sources.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      <p className="muted">Where the replies in memory came from. Each import adds one.</p>
      <ul className="sources" aria-label="Sources of your replies">
        {sources.map((source) => (
          <li key={source.id} data-testid="source">
            <div>
              <strong>{source.fileName}</strong>
              {source.format && <span className="badge">{source.format}</span>}
            </div>
            <div>{describe(source)}</div>
            <div className="muted">
              {source.kind === 'sent' ? 'Since' : 'Imported'} {day.format(source.importedAt)}. You agreed: “{source.consent.text}”
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
