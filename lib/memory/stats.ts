/** What memory holds, in numbers the options page and side panel show. */
import { PROFILE_KEY, type UnderstudyDB } from './db';
import { countExamples, exampleTables } from './examples-repo';

export interface MemoryStats {
  examples: number;
  sentExamples: number;
  facts: number;
  queuedDrafts: number;
  /** Drafts the creator sent. */
  sentDrafts: number;
  /** People the creator has replied to. */
  contacts: number;
  /** Imported files (and the sent-replies source). */
  sources: number;
  hasProfile: boolean;
  profileName?: string;
}

export function memoryStats(db: UnderstudyDB): Promise<MemoryStats> {
  // One read transaction, so the numbers describe the same moment even during an import.
  return db.transaction('r', [db.profile, db.facts, ...exampleTables(db), db.drafts, db.contacts, db.sources], async () => {
    const [examples, sentExamples, facts, queuedDrafts, sentDrafts, contacts, sources, profile] = await Promise.all([
      countExamples(db),
      countExamples(db, { source: 'sent' }),
      db.facts.count(),
      db.drafts.where('status').equals('queued').count(),
      db.drafts.where('status').equals('sent').count(),
      db.contacts.count(),
      db.sources.count(),
      db.profile.get(PROFILE_KEY),
    ]);
    const stats: MemoryStats = {
      examples,
      sentExamples,
      facts,
      queuedDrafts,
      sentDrafts,
      contacts,
      sources,
      hasProfile: !!profile,
    };
    if (profile) stats.profileName = profile.name;
    return stats;
  });
}
