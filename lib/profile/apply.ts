/**
 * Puts a parsed style profile into memory, all or nothing. Profile, fact sheet and imported
 * examples are replaced in one transaction (a fact already on the sheet keeps its id); if any write fails (a full disk, a quota error) the
 * transaction aborts and memory is exactly as it was before the import.
 *
 * Replies the creator sent through Understudy (source 'sent') are never replaced: they are the
 * truest record of their voice, and an import must not erase them.
 *
 * Each import is recorded as a source (file name, time, how many examples, and the consent the
 * creator gave), in the same transaction.
 */
import {
  PROFILE_KEY,
  type ExampleRow,
  type FactRow,
  type ProfileRow,
  type UnderstudyDB,
} from '../memory/db';
import { deleteExamples, exampleTables, insertExamples, listExamples } from '../memory/examples-repo';
import { replaceFacts } from '../memory/facts-repo';
import { detectLanguage } from '../memory/language';
import { recordImportSource } from '../memory/sources-repo';
import type { StyleProfile } from './schema';

export interface ApplySummary {
  /** Imported example replies now in memory. */
  examples: number;
  facts: number;
  /** Sent replies kept from before the import. */
  sentKept: number;
  /** The sources row recording this import. */
  sourceId: number;
}

export interface ApplyOptions {
  /** The consent words the creator agreed to when choosing the file (sources-repo's default otherwise). */
  consentText?: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

export function toProfileRow(profile: StyleProfile, source: string, importedAt: number): ProfileRow {
  const row: ProfileRow = {
    id: PROFILE_KEY,
    name: profile.name,
    handles: { ...profile.handles },
    voice: profile.voice,
    values: [...profile.values],
    objectives: [...profile.objectives],
    boundaries: [...profile.boundaries],
    links: profile.links.map((l) => ({ label: l.label, url: l.url })),
    offers: profile.offers.map((o) => {
      const offer: ProfileRow['offers'][number] = { name: o.name };
      if (o.details) offer.details = o.details;
      if (o.url) offer.url = o.url;
      if (o.price) offer.price = o.price;
      return offer;
    }),
    importedAt,
    source,
  };
  const greeting = nonEmpty(profile.greeting);
  const signoff = nonEmpty(profile.signoff);
  if (greeting) row.greeting = greeting;
  if (signoff) row.signoff = signoff;
  return row;
}

export function toFactRows(profile: StyleProfile): FactRow[] {
  return profile.facts.map((f) => (f.topic ? { text: f.text, topic: f.topic } : { text: f.text }));
}

export function toExampleRows(profile: StyleProfile, importedAt: number): ExampleRow[] {
  return profile.examples.map((e) => {
    const row: ExampleRow = {
      reply: e.reply,
      source: 'import',
      createdAt: e.date ? Date.parse(e.date) : importedAt,
    };
    if (e.incoming) row.incoming = e.incoming;
    if (e.platform) row.platform = e.platform;
    if (e.topic) row.topic = e.topic;
    const language = detectLanguage(e.reply);
    if (language) row.language = language;
    return row;
  });
}

/** Same reply to the same comment: an exported sent reply coming back in, not a new example. */
function exampleKey(e: Pick<ExampleRow, 'incoming' | 'reply'>): string {
  return `${e.incoming ?? ''}\u0000${e.reply}`;
}

export async function applyProfile(
  db: UnderstudyDB,
  profile: StyleProfile,
  source: string,
  now = Date.now(),
  options: ApplyOptions = {},
): Promise<ApplySummary> {
  const profileRow = toProfileRow(profile, source, now);
  const factRows = toFactRows(profile);
  const exampleRows = toExampleRows(profile, now);

  return db.transaction('rw', [db.profile, db.facts, ...exampleTables(db), db.sources], async () => {
    await db.profile.put(profileRow);
    // Facts whose text is unchanged keep their ids: older drafts still name the right ones.
    await replaceFacts(db, factRows);
    await deleteExamples(db, 'import');
    const sent = await listExamples(db, { source: 'sent' });
    const sentKeys = new Set(sent.map(exampleKey));
    const fresh = exampleRows.filter((e) => !sentKeys.has(exampleKey(e)));
    await insertExamples(db, fresh);
    const sourceId = await recordImportSource(db, {
      fileName: source,
      records: fresh.length,
      at: now,
      ...(options.consentText ? { consentText: options.consentText } : {}),
    });
    return { examples: fresh.length, facts: factRows.length, sentKept: sent.length, sourceId };
  });
}
