/**
 * The Voice tab: how drafts land with the creator. How often they send a draft word for word,
 * how much they usually change, how many of their sent replies memory has learned from, and
 * how close drafts sounded to them, week by week. Every number is also plain text.
 */
import { countExamples } from '@/lib/memory/examples-repo';
import type { UnderstudyDB } from '@/lib/memory/db';
import { voiceStats, type VoiceStats, type VoiceWeek } from '@/lib/memory/learning';
import { useLive } from './useLive';

export interface VoiceData {
  stats: VoiceStats;
  /** Replies the creator sent that became examples (source 'sent'). */
  learned: number;
}

export async function loadVoiceData(db: UnderstudyDB): Promise<VoiceData> {
  const [stats, learned] = await Promise.all([voiceStats(db), countExamples(db, { source: 'sent' })]);
  return { stats, learned };
}

const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "Week of 3 Mar" (in the creator's locale). */
export function weekLabel(weekStart: number): string {
  return `Week of ${weekFormat.format(weekStart)}`;
}

/** "40%": the share of sent drafts that went out exactly as written. */
export function percentLabel(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** 12, 4.5: edit distances are whole characters, a median of an even count may not be. */
export function roundedNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/**
 * The weeks worth showing: from the first week with a scored draft to the current week, so a
 * new creator does not scroll past months of nothing, while gaps in between stay visible.
 */
export function visibleWeeks(trend: readonly VoiceWeek[]): VoiceWeek[] {
  const first = trend.findIndex((w) => w.meanScore !== undefined);
  return first < 0 ? [] : trend.slice(first);
}

export function VoiceView() {
  const data = useLive(loadVoiceData);
  if (!data) return <p className="muted">Loading…</p>;
  const { stats, learned } = data;
  const nothingSent = stats.sent === 0 && learned === 0;
  const weeks = visibleWeeks(stats.trend);

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="voice-sent-title" style={{ gap: 8 }}>
        <h2 id="voice-sent-title">Your sent replies</h2>
        {nothingSent ? (
          <div className="voice-empty" data-testid="voice-empty">
            <p><strong>Nothing sent yet.</strong></p>
            <p>
              This view fills up as you send replies. Insert a draft and send it on the site yourself, or press{' '}
              <b>Mark as sent</b> once you have posted it (in the draft editor, or on a queued draft’s card).
            </p>
            <p className="muted">
              Each reply you send becomes one of your examples, so later drafts sound more like you, and this view
              shows how much you changed the draft.
            </p>
          </div>
        ) : (
          <dl className="facts voice-stats">
            <div>
              <dt>Sent unchanged</dt>
              <dd>{stats.unchangedShare === undefined ? '—' : percentLabel(stats.unchangedShare)}</dd>
              <dd className="muted">
                {stats.sentUnchanged} of {stats.sent} sent {stats.sent === 1 ? 'draft' : 'drafts'} word for word
              </dd>
            </div>
            <div>
              <dt>Median edit</dt>
              <dd>{stats.medianEditDistance === undefined ? '—' : roundedNumber(stats.medianEditDistance)}</dd>
              <dd className="muted">
                {stats.medianEditDistance === 1 ? 'character' : 'characters'} changed before sending
              </dd>
            </div>
            <div>
              <dt>Learned from</dt>
              <dd>{learned}</dd>
              <dd className="muted">{learned === 1 ? 'reply' : 'replies'} you sent, now examples</dd>
            </div>
          </dl>
        )}
      </section>

      <section className="card stack" aria-labelledby="voice-trend-title" style={{ gap: 8 }}>
        <h2 id="voice-trend-title">Voice match by week</h2>
        <p className="muted">
          How close drafts sounded to your own replies (0–100), compared with the habits in your replies: length,
          emoji, punctuation, greetings and sign-offs.
        </p>
        {weeks.length === 0 ? (
          <p className="muted" data-testid="voice-trend-empty">
            No scored drafts in the last {stats.trend.length} weeks. Every draft gets a voice match once you have
            imported replies of yours.
          </p>
        ) : (
          <ol className="voice-trend" aria-labelledby="voice-trend-title">
            {weeks.map((week) => (
              <TrendRow key={week.weekStart} week={week} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function TrendRow({ week }: { week: VoiceWeek }) {
  const score = week.meanScore === undefined ? undefined : Math.round(week.meanScore);
  return (
    <li className={score === undefined ? 'none' : undefined}>
      <span className="week">{weekLabel(week.weekStart)}</span>
      <span className="bar" aria-hidden="true">
        {score !== undefined && <span style={{ width: `${Math.max(2, score)}%` }} />}
      </span>
      <span className="value">
        {score === undefined ? (
          'no drafts'
        ) : (
          <>
            <b>{score}</b>
            <span className="muted">
              {' '}
              · {week.drafts} {week.drafts === 1 ? 'draft' : 'drafts'}
            </span>
          </>
        )}
      </span>
    </li>
  );
}
