/**
 * Feeds DraftAllBar: the page is the active tab of the panel's window (useActiveTabId), the job
 * is Draft all's state in extension storage (live across panels and worker restarts), and the
 * buttons ask the background (desk.draftAll), which alone reads the page and writes drafts.
 */
import { useState } from 'react';
import { progressOf } from '@/lib/core/draft-all';
import { draftAllJobItem } from '@/lib/drafting/draft-all/job-store';
import { request } from '@/lib/messaging/client';
import type { RequestPayload } from '@/lib/messaging/protocol';
import { DraftAllBar } from './DraftAllBar';
import { useActiveTabId } from './SiteHealthNotice';
import { useStorageItem } from './useStorageItem';

export function DraftAll() {
  const tabId = useActiveTabId();
  const [job] = useStorageItem(draftAllJobItem);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function act(payload: RequestPayload<'desk.draftAll'>) {
    setBusy(true);
    setError(undefined);
    try {
      await request('desk.draftAll', payload);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <DraftAllBar
      job={job ? progressOf(job) : null}
      error={error}
      canStart={tabId !== undefined}
      busy={busy}
      onStart={() => tabId !== undefined && void act({ action: 'start', tabId })}
      onPause={() => void act({ action: 'pause' })}
      onResume={() => void act({ action: 'resume' })}
      onCancel={() => void act({ action: 'cancel' })}
    />
  );
}
