/**
 * The side panel, in tabs. Queue: the review desk (desk/ReviewDesk.tsx), every draft from every
 * site, grouped by site and thread (DMs by conversation), with search, filters and keys; a
 * creator edits a draft in place (saved as they type), sees why it was written, keeps a private
 * note on the commenter, regenerates, copies, marks it sent, or discards it. Voice: how drafts land.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { memoryStats } from '@/lib/memory/stats';
import { DraftAll } from './DraftAll';
import { ReviewDesk } from './desk/ReviewDesk';
import { SiteHealthNotice } from './SiteHealthNotice';
import { useLive } from './useLive';
import { VoiceView } from './VoiceView';
import { TodayView } from './TodayView';

const TABS = [
  { id: 'queue', label: 'Queue' },
  { id: 'voice', label: 'Voice' },
  { id: 'today', label: 'Today' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function SidePanel() {
  const [tab, setTab] = useState<TabId>('queue');
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
        {tab === 'queue' && <DraftAll />}
        {tab === 'queue' ? (
          <ReviewDesk />
        ) : tab === 'today' ? (
          <div role="tabpanel" id="panel-today" aria-labelledby="tab-today" className="panel" tabIndex={0}>
            <TodayView />
          </div>
        ) : (
          <div role="tabpanel" id="panel-voice" aria-labelledby="tab-voice" className="panel" tabIndex={0}>
            <VoiceView />
          </div>
        )}
      </main>
    </div>
  );
}
