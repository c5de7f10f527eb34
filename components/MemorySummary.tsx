/** What memory holds, live, and a way to take it all with you. */
import { useState } from 'react';
import { getDb } from '@/lib/memory/db';
import { memoryStats } from '@/lib/memory/stats';
import { BACKUP_NOTICE, backupFileName, exportBackup, serializeBackup } from '@/lib/profile/backup';
import { readBackupSettings } from '@/lib/drafting/backup-settings';
import { exportProfile, profileFileName, serializeProfile } from '@/lib/profile/export';
import { saveFile } from './save-file';
import { useLive } from './useLive';

export function MemorySummary() {
  const stats = useLive(memoryStats);
  const [message, setMessage] = useState('');

  async function download() {
    try {
      const profile = await exportProfile(getDb());
      setMessage(`Exported ${saveFile(serializeProfile(profile), profileFileName(profile.name))}.`);
    } catch (error) {
      setMessage(`Could not export: ${(error as Error).message}`);
    }
  }

  async function backup() {
    try {
      const file = await exportBackup(getDb(), Date.now(), await readBackupSettings());
      setMessage(`Exported ${saveFile(serializeBackup(file), backupFileName())}: everything in memory, your notes on contacts included.`);
    } catch (error) {
      setMessage(`Could not export the backup: ${(error as Error).message}`);
    }
  }

  return (
    <section className="card stack" aria-labelledby="memory-title">
      <h2 id="memory-title">Memory</h2>
      {stats && (
        <>
          <p>
            {stats.hasProfile ? (
              <>Profile: <strong>{stats.profileName}</strong></>
            ) : (
              'No style profile imported yet.'
            )}
          </p>
          <div className="stats" aria-label="Memory contents">
            <div className="stat"><b data-testid="example-count">{stats.examples}</b>example replies</div>
            <div className="stat"><b data-testid="sent-count">{stats.sentExamples}</b>learned from replies you sent</div>
            <div className="stat"><b data-testid="fact-count">{stats.facts}</b>facts</div>
            <div className="stat"><b>{stats.queuedDrafts}</b>queued drafts</div>
          </div>
        </>
      )}
      <div className="row">
        <button type="button" onClick={() => void download()} disabled={!stats?.hasProfile}>
          Export memory as a style profile
        </button>
        <button type="button" onClick={() => void backup()}>
          Export backup
        </button>
        {message && <span className="muted" role="status">{message}</span>}
      </div>
      <p className="muted">
        A backup holds everything: profile, facts, every reply, contacts, sources and drafts. Choose it
        under “Import style profile” to restore it. {BACKUP_NOTICE}
      </p>
    </section>
  );
}
