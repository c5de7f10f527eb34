/** Deletes everything Understudy keeps, after the creator confirms. */
import { useState } from 'react';
import { getDb } from '@/lib/memory/db';
import { wipeEverything } from '@/lib/memory/wipe';

export function DeleteEverything({ onDeleted }: { onDeleted?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string }>();

  async function wipe() {
    try {
      await wipeEverything(getDb());
      onDeleted?.();
      setMessage({ kind: 'status', text: 'Everything was deleted: profile, facts, replies and drafts.' });
    } catch (error) {
      setMessage({ kind: 'alert', text: `Nothing was deleted: ${(error as Error).message}` });
    } finally {
      setConfirming(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="wipe-title">
      <h2 id="wipe-title">Delete everything</h2>
      <p className="muted">
        Removes your profile, facts, every example reply and every draft from this browser. Export
        first if you want a copy.
      </p>
      {!confirming ? (
        <div><button type="button" className="danger" onClick={() => setConfirming(true)}>Delete everything…</button></div>
      ) : (
        <div className="row" role="group" aria-label="Confirm delete">
          <span>This cannot be undone.</span>
          <button type="button" className="danger" onClick={() => void wipe()}>Yes, delete everything</button>
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      )}
      {message && (
        <div className={`banner ${message.kind === 'alert' ? 'error' : 'success'}`} role={message.kind}>
          {message.text}
        </div>
      )}
    </section>
  );
}
