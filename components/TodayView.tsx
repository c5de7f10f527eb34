/**
 * The side panel's Today tab: how today and this week went, from the drafts on this machine
 * (lib/memory/today-stats.ts says what each number can and cannot claim). Live: a reply marked
 * sent or a draft queued anywhere updates it, and it rolls over at local midnight.
 */
import { useEffect, useState } from 'react';
import { localeWeekStart, readTodayStats, type TodayStats } from '@/lib/memory/today-stats';
import { useLive } from './useLive';
import './today.css';

/** "4 min", "1 h 20 min", "3 days": a duration as a creator says it. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  return `${Math.round(hours / 24)} days`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The day, so the live query is asked again when the local date changes. */
function useToday(): string {
  const [today, setToday] = useState(() => new Date().toDateString());
  useEffect(() => {
    const next = new Date();
    next.setHours(24, 0, 5, 0);
    const timer = setTimeout(() => setToday(new Date().toDateString()), next.getTime() - Date.now());
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}

export function TodayView() {
  const today = useToday();
  const weekStartsOn = localeWeekStart(typeof navigator === 'undefined' ? undefined : navigator.language);
  const stats = useLive((db) => readTodayStats(db, new Date(), weekStartsOn), [today, weekStartsOn]);
  if (!stats) return <p className="muted">Counting…</p>;
  return <TodayNumbers stats={stats} />;
}

export function TodayNumbers({ stats }: { stats: TodayStats }) {
  const weekFrom = new Date(stats.weekStart).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
  const share = stats.comparedThisWeek > 0 ? Math.round((stats.unchangedThisWeek / stats.comparedThisWeek) * 100) : undefined;
  return (
    <section className="today stack" aria-labelledby="today-title">
      <h2 id="today-title">Today</h2>
      <dl className="today-stats">
        <div>
          <dt>Replies sent today</dt>
          <dd data-testid="today-sent">{stats.sentToday}</dd>
        </div>
        <div>
          <dt>Replies sent this week</dt>
          <dd data-testid="week-sent">{stats.sentThisWeek}</dd>
          <dd className="muted">Since {weekFrom}.</dd>
        </div>
        <div>
          <dt>Sent unchanged this week</dt>
          <dd data-testid="week-unchanged">{share === undefined ? '—' : `${share}%`}</dd>
          <dd className="muted">
            {share === undefined
              ? 'No sent drafts to compare yet.'
              : `${stats.unchangedThisWeek} of ${plural(stats.comparedThisWeek, 'reply', 'replies')} went out exactly as drafted.`}
          </dd>
        </div>
        <div>
          <dt>Median time from draft to sent</dt>
          <dd data-testid="week-median">
            {stats.medianDraftToSentMs === undefined ? '—' : formatDuration(stats.medianDraftToSentMs)}
          </dd>
          <dd className="muted">
            This week, from when a draft was written to when you sent it. Understudy doesn’t record
            when you first saw a comment.
          </dd>
        </div>
        <div>
          <dt>Questions still waiting</dt>
          <dd data-testid="waiting-questions">{stats.waitingQuestions}</dd>
          <dd className="muted">
            {stats.waitingQuestions === 0
              ? 'No question has a draft waiting or was set aside by Draft all.'
              : `Drafted or set aside by Draft all, not sent yet, on ${plural(stats.waitingQuestionPages, 'page', 'pages')}. Questions you never opened a draft for aren’t counted.`}
          </dd>
        </div>
      </dl>
      <p className="muted">Counted on this computer from your drafts; nothing is sent anywhere.</p>
    </section>
  );
}
