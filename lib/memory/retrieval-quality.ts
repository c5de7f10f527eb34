/**
 * How often retrieval puts a same-topic reply in front of the engine, measured leave-one-out on
 * topic-labelled examples (the sample profile labels every example): each example with a comment
 * is held out in turn, its comment is searched over the others, and the query is a hit when the
 * top k holds a reply the creator wrote on the same topic.
 *
 * With few examples per topic, chance alone puts a same-topic reply in a top 8 fairly often, so
 * the result also reports what random picks would score and how often the very first result is
 * on topic: compare against those, not against 0.
 */

import type { SiteId } from '../core/sites';
import type { ExampleRow } from './db';
import { createRetrievalIndex } from './retrieval';

export interface LabelledExample {
  incoming?: string;
  reply: string;
  topic?: string;
  platform?: SiteId;
  /** ms since epoch or an ISO date; only affects the recency boost. */
  createdAt?: number;
  date?: string;
}

export interface RetrievalQuality {
  /** Held-out comments searched (examples with both a comment and a topic). */
  queries: number;
  /** Queries whose top k held a same-topic reply. */
  hits: number;
  hitRate: number;
  /** Share of queries whose first result is on the same topic. */
  top1HitRate: number;
  /** Mean of 1 / rank of the first same-topic reply (0 when none in the top k). */
  meanReciprocalRank: number;
  /** Expected hit rate of k replies picked at random from the rest: the floor to beat. */
  chanceHitRate: number;
}

export function evaluateRetrievalQuality(examples: readonly LabelledExample[], k = 8): RetrievalQuality {
  const rows: ExampleRow[] = examples.map((e, i) => {
    const row: ExampleRow = { id: i + 1, reply: e.reply, source: 'import', createdAt: createdAtOf(e) };
    if (e.incoming !== undefined) row.incoming = e.incoming;
    if (e.platform !== undefined) row.platform = e.platform;
    if (e.topic !== undefined) row.topic = e.topic;
    return row;
  });
  // A fixed clock: the result must not change with the day the evaluation runs.
  const latest = Math.max(0, ...rows.map((r) => r.createdAt));
  const index = createRetrievalIndex(rows, { now: () => latest });
  const topicCounts = new Map<string, number>();
  for (const row of rows) if (row.topic) topicCounts.set(row.topic, (topicCounts.get(row.topic) ?? 0) + 1);

  let queries = 0;
  let hits = 0;
  let top1 = 0;
  let reciprocal = 0;
  let chance = 0;
  for (const row of rows) {
    if (!row.incoming?.trim() || !row.topic || row.id === undefined) continue;
    queries++;
    index.remove(row.id);
    const results = index.search({ text: row.incoming, ...(row.platform ? { platform: row.platform } : {}) }, k);
    index.add(row);
    const rank = results.findIndex((r) => r.example.topic === row.topic);
    if (rank >= 0) {
      hits++;
      reciprocal += 1 / (rank + 1);
      if (rank === 0) top1++;
    }
    chance += chanceOfHit(rows.length - 1, (topicCounts.get(row.topic) ?? 1) - 1, k);
  }
  const share = (n: number) => (queries ? n / queries : 0);
  return {
    queries,
    hits,
    hitRate: share(hits),
    top1HitRate: share(top1),
    meanReciprocalRank: share(reciprocal),
    chanceHitRate: share(chance),
  };
}

function createdAtOf(e: LabelledExample): number {
  if (e.createdAt !== undefined) return e.createdAt;
  const parsed = e.date ? Date.parse(e.date) : NaN;
  return Number.isFinite(parsed) ? parsed : 0;
}

/** P(at least one of `relevant` items among k drawn without replacement from `total`). */
function chanceOfHit(total: number, relevant: number, k: number): number {
  const draws = Math.min(k, total);
  let none = 1;
  for (let i = 0; i < draws; i++) none *= Math.max(0, total - relevant - i) / (total - i);
  return 1 - none;
}
