/**
 * Options → AI-assisted replies (issue 13): an optional note, in the creator's words, added on
 * its own line to replies Understudy inserts, per platform (off by default); and the local log
 * of replies Understudy helped write, exportable as CSV.
 */
import { useState } from 'react';
import { cleanDisclosure } from '@/lib/core/disclosure';
import { MAX_DISCLOSURE_CHARS } from '@/lib/core/limits';
import { SITE_IDS, siteName, type SiteId } from '@/lib/core/sites';
import { aiLogCsv } from '@/lib/drafting/ai-log';
import { disclosureItem, withDisclosureOn } from '@/lib/drafting/disclosure-settings';
import { getDb } from '@/lib/memory/db';
import { saveFile } from './save-file';
import { useStorageItem } from './useStorageItem';

export function DisclosureSettings() {
  const [settings, setSettings] = useStorageItem(disclosureItem);
  const [message, setMessage] = useState('');

  function toggle(site: SiteId, on: boolean) {
    if (settings) void setSettings(withDisclosureOn(settings, site, on));
  }

  async function exportLog() {
    try {
      const rows = await getDb().drafts.where('status').equals('sent').toArray();
      const name = saveFile(aiLogCsv(rows), `understudy-ai-log-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv');
      setMessage(`Exported ${name}: ${rows.length} ${rows.length === 1 ? 'reply' : 'replies'} Understudy helped write.`);
    } catch (error) {
      setMessage(`Could not export the log: ${(error as Error).message}`);
    }
  }

  return (
    <section className="card stack" aria-labelledby="disclosure-title">
      <h2 id="disclosure-title">AI-assisted replies</h2>
      <p className="muted">
        Some platforms ask that content made with AI is labelled, and some audiences appreciate it.
        Understudy can add a short note of yours on its own line to every reply it inserts, on the
        platforms you choose. It is not your writing: Understudy leaves it out when it learns from
        what you sent.
      </p>
      <label className="stack">
        Your note
        <input
          type="text"
          maxLength={MAX_DISCLOSURE_CHARS}
          value={settings?.text ?? ''}
          disabled={!settings}
          onChange={(event) => settings && void setSettings({ ...settings, text: event.currentTarget.value })}
          onBlur={(event) => settings && void setSettings({ ...settings, text: cleanDisclosure(event.currentTarget.value) })}
        />
      </label>
      <ul className="site-switches" aria-label="Platforms where the note is added">
        {SITE_IDS.map((site) => {
          const on = settings?.sites[site] === true;
          return (
            <li key={site}>
              <label className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={on}
                  aria-checked={on}
                  disabled={!settings}
                  onChange={(event) => toggle(site, event.currentTarget.checked)}
                />
                <span>{`AI-assisted note on ${siteName(site)}`}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <div className="row">
        <button type="button" onClick={() => void exportLog()}>
          Export AI-assisted log
        </button>
        {message && <span className="muted" role="status">{message}</span>}
      </div>
      <p className="muted">
        The log lists every reply you sent from an Understudy draft: when, where, which engine wrote
        it and how much you changed it. It stays in this browser unless you export it.
      </p>
    </section>
  );
}
