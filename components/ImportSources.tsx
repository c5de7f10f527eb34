/**
 * Where memory's replies came from: each import (a style profile, a platform export) and the
 * replies sent through Understudy, with its counts, the dates its replies span, and the consent
 * the creator gave. Live: a new import shows up as soon as it is written.
 *
 * Forget on an import deletes the replies it brought, after a confirmation that says how many go
 * (and how many stay because another source holds them too: forget-source.ts).
 */
import { useState } from 'react';
import { SITE_NAMES, type SiteId } from '@/lib/core/sites';
import { forgetSource, planForgetSource, type ForgetPlan } from '@/lib/imports/forget-source';
import { plural } from '@/lib/imports/import-flow';
import { getDb, type SourceRow } from '@/lib/memory/db';
import { listSources } from '@/lib/memory/sources-repo';
import { Dialog } from './Dialog';
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

function keptWords(plan: ForgetPlan): string {
  return plan.kept
    .map((k) => `${plural(k.replies, 'reply stays', 'replies stay')} with ${k.fileName}, which has ${k.replies === 1 ? 'it' : 'them'} too`)
    .join('; ');
}

export function ImportSources() {
  const sources = useLive(listSources);
  const [asking, setAsking] = useState<ForgetPlan>();
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string }>();
  const [busy, setBusy] = useState(false);

  async function ask(source: SourceRow) {
    setMessage(undefined);
    try {
      setAsking(await planForgetSource(getDb(), source.id!));
    } catch (error) {
      setMessage({ kind: 'alert', text: `${source.fileName} could not be forgotten: ${(error as Error).message}` });
    }
  }

  async function forget(plan: ForgetPlan) {
    setBusy(true);
    try {
      const done = await forgetSource(getDb(), plan.source.id!);
      const kept = done.kept.length ? ` ${keptWords(done)}.` : '';
      setMessage({ kind: 'status', text: `Forgot ${done.source.fileName}: ${plural(done.deleted, 'reply', 'replies')} deleted.${kept}` });
    } catch (error) {
      setMessage({ kind: 'alert', text: `${plan.source.fileName} was not forgotten: ${(error as Error).message}. Nothing was changed.` });
    } finally {
      setBusy(false);
      setAsking(undefined);
    }
  }

  if (!sources || (sources.length === 0 && !message)) return null;
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
            {source.kind !== 'sent' && (
              <div>
                <button type="button" className="danger" aria-label={`Forget ${source.fileName}`} onClick={() => void ask(source)}>
                  Forget
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {message && (
        <div className={`banner ${message.kind === 'alert' ? 'error' : 'success'}`} role={message.kind}>
          {message.text}
        </div>
      )}
      {asking && (
        <Dialog
          title={`Forget ${asking.source.fileName}?`}
          onCancel={() => setAsking(undefined)}
          actions={
            <>
              <button type="button" data-autofocus onClick={() => setAsking(undefined)} disabled={busy}>
                Cancel
              </button>
              <button type="button" className="danger" onClick={() => void forget(asking)} disabled={busy}>
                {asking.deleted ? `Forget ${plural(asking.deleted, 'reply', 'replies')}` : 'Forget the source'}
              </button>
            </>
          }
        >
          <p>
            {plural(asking.deleted, 'reply', 'replies')} from {asking.source.fileName} will be deleted from memory, with
            everything learned from {asking.deleted === 1 ? 'it' : 'them'}, and drafts will no longer draw on{' '}
            {asking.deleted === 1 ? 'it' : 'them'}. This cannot be undone.
          </p>
          {asking.kept.length > 0 && <p>{keptWords(asking)}.</p>}
        </Dialog>
      )}
    </section>
  );
}
