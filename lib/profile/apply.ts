/**
 * Puts a parsed style profile into memory, all or nothing. The profile fields and the fact sheet
 * are replaced (a fact already on the sheet keeps its id); the example replies are added as a new
 * source, like any import: several sources add up, and a reply memory already holds (a re-import,
 * a sent reply coming back through an exported file) is not added twice. Everything happens in
 * one transaction: if any write fails (a full disk, a quota error) memory is exactly as it was.
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
import { exampleTables } from '../memory/examples-repo';
import { replaceFacts } from '../memory/facts-repo';
import { addRepliesAsSource, toExampleRow, type ReplyInput } from '../imports/add-source';
import type { StyleProfile } from './schema';

export interface ApplySummary {
  /** Example replies this import added. */
  examples: number;
  facts: number;
  /** Its replies memory already held (or that the file repeated), not added again. */
  duplicates: number;
  /** The sources row recording this import. */
  sourceId: number;
}

export interface ApplyOptions {
  /** The consent words the creator agreed to when choosing the file (sources-repo's default otherwise). */
  consentText?: string;
  /** The replies to add, when the creator filtered the profile's examples in the preview. */
  replies?: readonly ReplyInput[];
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

/** The profile's example replies, as every import hands replies to memory. */
export function toReplyInputs(profile: StyleProfile): ReplyInput[] {
  return profile.examples.map((e) => {
    const row: ReplyInput = { reply: e.reply };
    if (e.incoming) row.incoming = e.incoming;
    if (e.platform) row.platform = e.platform;
    if (e.topic) row.topic = e.topic;
    if (e.date) row.date = Date.parse(e.date);
    return row;
  });
}

/** The profile's examples as memory rows (undated ones take `importedAt`). */
export function toExampleRows(profile: StyleProfile, importedAt: number): ExampleRow[] {
  return toReplyInputs(profile).map((reply) => toExampleRow(reply, importedAt));
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
  const replies = options.replies ?? toReplyInputs(profile);

  return db.transaction('rw', [db.profile, db.facts, ...exampleTables(db), db.sources], async () => {
    await db.profile.put(profileRow);
    // Facts whose text is unchanged keep their ids: older drafts still name the right ones.
    await replaceFacts(db, factRows);
    const added = await addRepliesAsSource(db, replies, {
      fileName: source,
      kind: 'profile-import',
      format: 'Understudy style profile',
      now,
      recordWhenEmpty: true,
      ...(options.consentText ? { consentText: options.consentText } : {}),
    });
    return {
      examples: added.added,
      facts: factRows.length,
      duplicates: added.duplicates.inMemory + added.duplicates.inFile,
      sourceId: added.sourceId!,
    };
  });
}
