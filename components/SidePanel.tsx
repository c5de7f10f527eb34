/**
 * The side panel, in two tabs. Queue: every queued draft from every site, newest first, live; a
 * creator edits a draft in place (saved as they type), sees why it was written, keeps a private
 * note on the commenter, copies it, marks it sent, or discards it; DM drafts are grouped by
 * conversation (ConversationGroup). Voice: how drafts land.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { browser } from 'wxt/browser';
import type { DraftRow } from '@/lib/memory/db';
import { listQueued } from '@/lib/memory/drafts-repo';
import { memoryStats } from '@/lib/memory/stats';
import { ConversationGroup, queueItems } from './ConversationGroup';
import { DraftCard } from './DraftCard';
import { SiteHealthNotice } from './SiteHealthNotice';
import { useLive } from './useLive';
import { VoiceView } from './VoiceView';

const TABS = [
  { id: 'queue', label: 'Queue' },
  { id: 'voice', label: 'Voice' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function SidePanel() {
  const [tab, setTab] = useState<TabId>('queue');
  const drafts = useLive(listQueued);
  const stats = useLive(memoryStats);
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});

  // Arrow keys move between tabs and select them (the WAI-ARIA tabs pattern).
  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const at = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight' ? (at + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (at - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? TABS.length - 1
      : -1;
    const target = TABS[next];
    if (!target) return;
    event.preventDefault();
    setTab(target.id);
    tabRefs.current[target.id]?.focus();
  }

  return (
    <div className="side-panel">
      <header className="app-header panel-header">
        <h1>Understudy</h1>
        <div role="tablist" aria-label="Side panel" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={onTabKey}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </header>
      {/* The main landmark: everything but the header, so assistive tech can jump past the tabs. */}
      <main className="panel-main">
        <SiteHealthNotice />
        {stats && stats.examples === 0 && (
          <div className="banner" role="note" style={{ margin: '12px 12px 0' }}>
            Your memory is empty, so Understudy has no replies of yours to learn from yet.{' '}
            <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>
              Import a style profile in Options
            </a>{' '}
            to get drafts in your voice.
          </div>
        )}
        {tab === 'queue' ? (
          <QueuePanel drafts={drafts} />
        ) : (
          <div role="tabpanel" id="panel-voice" aria-labelledby="tab-voice" className="panel" tabIndex={0}>
            <VoiceView />
          </div>
        )}
      </main>
    </div>
  );
}

function QueuePanel({ drafts }: { drafts: DraftRow[] | undefined }) {
  const scroller = useRef<HTMLDivElement>(null);
  // One entry per comment draft, one per DM conversation (its drafts together).
  const items = useMemo(() => queueItems(drafts ?? []), [drafts]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 260,
    overscan: 4,
    getItemKey: (index) => items[index]?.key ?? index,
  });

  return (
    <div role="tabpanel" id="panel-queue" aria-labelledby="tab-queue" className="queue-panel">
      <div className="row queue-count">
        <h2>Queued drafts</h2>
        <span className="count" aria-live="polite">
          {drafts ? `${drafts.length} waiting` : ''}
        </span>
      </div>
      <div ref={scroller} className="panel">
        {drafts && drafts.length === 0 && (
          <div className="empty">
            <p><strong>No queued drafts.</strong></p>
            <p>On a comment or in a conversation, click <b>Draft reply</b>, then <b>Queue</b> to review it here.</p>
          </div>
        )}
        {drafts && drafts.length > 0 && (
          <ul
            aria-label="Queued drafts"
            style={{ listStyle: 'none', margin: 0, padding: 0, position: 'relative', height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const entry = items[item.index];
              if (!entry) return null;
              return (
                <li
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, paddingBottom: 12 }}
                >
                  {entry.type === 'comment' ? <DraftCard draft={entry.draft} /> : <ConversationGroup drafts={entry.drafts} />}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
