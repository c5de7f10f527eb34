/**
 * Why another engine wrote this draft (DraftResult.notice), above the draft. The "no WebGPU"
 * notice is shown once per browser session, with a link to Options → Model where the reason and
 * the way out are spelled out; after that, the editor's header still names the engine.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { claimNoWebgpuNotice, isNoWebgpuNotice } from '@/lib/drafting/webgpu-notice';
import { draftNotices } from '@/lib/llm/memory-engine';

export function EngineNotice({ notice }: { notice: string | undefined }) {
  const noWebgpu = notice !== undefined && isNoWebgpuNotice(notice);
  // undefined while the session is asked; decided once per editor, so a Regenerate keeps it.
  const [showNoWebgpu, setShowNoWebgpu] = useState<boolean>();

  useEffect(() => {
    if (!noWebgpu || showNoWebgpu !== undefined) return;
    let live = true;
    claimNoWebgpuNotice().then(
      (first) => live && setShowNoWebgpu(first),
      // No session storage to ask: better said every time than never.
      () => live && setShowNoWebgpu(true),
    );
    return () => {
      live = false;
    };
  }, [noWebgpu, showNoWebgpu]);

  if (!notice) return null;
  if (!noWebgpu) return <p className="notice">{notice}</p>;
  // The reason is said once a session; what the notice says about this draft (nothing of yours
  // fits, or only partly) stays on every draft.
  if (!showNoWebgpu) {
    const aboutThisDraft = draftNotices(notice);
    return aboutThisDraft.length > 0 ? <p className="notice">{aboutThisDraft.join(' ')}</p> : null;
  }
  return (
    <p className="notice" data-testid="no-webgpu-notice">
      {notice}{' '}
      <a href={`${browser.runtime.getURL('/options.html')}#model`} target="_blank" rel="noopener noreferrer">
        Open Options → Model
      </a>
    </p>
  );
}
