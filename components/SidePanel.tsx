/**
 * The side panel: every queued draft from every site, newest first, live. A creator edits a
 * draft in place (saved as they type), copies it, opens the comment, or discards it.
 */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { browser } from 'wxt/browser';
import { listQueued } from '@/lib/memory/drafts-repo';
import { memoryStats } from '@/lib/memory/stats';
import { DraftCard } from './DraftCard';
import { useLive } from './useLive';

export function SidePanel() {
  const drafts = useLive(listQueued);
  const stats = useLive(memoryStats);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: drafts?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 220,
    overscan: 4,
    getItemKey: (index) => drafts?.[index]?.id ?? index,
  });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <header className="app-header">
        <h1>Queued drafts</h1>
        <span className="count" aria-live="polite">
          {drafts ? `${drafts.length} waiting` : ''}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </header>
      {stats && stats.examples === 0 && (
        <div className="banner" role="note" style={{ margin: 12 }}>
          Your memory is empty, so Understudy has no replies of yours to learn from yet.{' '}
          <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>
            Import a style profile in Options
          </a>{' '}
          to get drafts in your voice.
        </div>
      )}
      <div ref={scroller} style={{ flex: 1, overflow: 'auto', padding: '12px' }}>
        {drafts && drafts.length === 0 && (
          <div className="empty">
            <p><strong>No queued drafts.</strong></p>
            <p>On a comment, click <b>Draft reply</b>, then <b>Queue</b> to review it here.</p>
          </div>
        )}
        {drafts && drafts.length > 0 && (
          <ul
            aria-label="Queued drafts"
            style={{ listStyle: 'none', margin: 0, padding: 0, position: 'relative', height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const draft = drafts[item.index];
              if (!draft) return null;
              return (
                <li
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, paddingBottom: 12 }}
                >
                  <DraftCard draft={draft} />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
