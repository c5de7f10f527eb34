/**
 * Writes imported replies as one new source: several sources add up, and a reply memory already
 * holds (by content hash, see dedup.ts), or one repeated in the same import, is not added again.
 * Used by every import, a style profile's examples included, inside the caller's transaction
 * when there is one, so an import is all or nothing.
 */
import type { SiteId } from '../core/sites';
import { MAX_COMMENT_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import type { ExampleRow, UnderstudyDB } from '../memory/db';
import { CHUNK_SIZE, exampleTables, insertExamples, listExamples } from '../memory/examples-repo';
import { detectLanguage } from '../memory/language';
import { recordImportSource, type ImportSourceInput } from '../memory/sources-repo';
import { addClaims } from './claims';
import { CRASH_PAUSE_BUILD, pauseBetweenChunks, pauseRequested } from './crash-pause';
import { replyHash } from './dedup';
import type { ReplyKind } from './types';

/** A reply on its way into memory, from any format. */
export interface ReplyInput {
  reply: string;
  incoming?: string;
  platform?: SiteId;
  kind?: ReplyKind;
  /** When it was written (epoch ms); undated replies take the import's time. */
  date?: number;
  topic?: string;
  /**
   * Its language, when already detected off the page (the import worker does it while the
   * preview is open); '' for "none to tell". Detected on the spot when absent.
   */
  language?: string;
}

export interface NewSource {
  fileName: string;
  kind: 'profile-import' | 'export-import';
  /** How the creator knows the format ("X archive"). */
  format?: string;
  consentText?: string;
  now: number;
  /**
   * Record the source even when every reply was already in memory: a style profile brings its
   * profile fields too. An export with nothing new leaves no trace.
   */
  recordWhenEmpty?: boolean;
}

export interface AddedSource {
  added: number;
  /** Replies memory already held, and replies repeated within this import. */
  duplicates: { inMemory: number; inFile: number };
  sourceId?: number;
}

/** Every content hash memory holds now (imported and sent replies alike). */
export async function memoryHashes(db: UnderstudyDB): Promise<Set<number>> {
  const rows = await listExamples(db);
  const hashes = new Set<number>();
  for (const row of rows) hashes.add(replyHash(row));
  return hashes;
}

/** Replies worth keeping: not blank, and short enough that memory stays exportable as a profile. */
export function cleanReply(input: ReplyInput): ReplyInput | undefined {
  const reply = input.reply.trim();
  if (!reply || reply.length > MAX_REPLY_CHARS) return undefined;
  const out: ReplyInput = { ...input, reply };
  const incoming = input.incoming?.trim().slice(0, MAX_COMMENT_CHARS);
  if (incoming) out.incoming = incoming;
  else delete out.incoming;
  return out;
}

/**
 * Splits replies into new ones and duplicates (of memory, `known`, or of an earlier reply in the
 * same list). Replies must already be clean (cleanReply).
 */
export function dedupe(
  replies: readonly ReplyInput[],
  known: ReadonlySet<number>,
): { fresh: ReplyInput[]; duplicates: AddedSource['duplicates']; claimed: number[] } {
  const seen = new Set<number>();
  const fresh: ReplyInput[] = [];
  const duplicates = { inMemory: 0, inFile: 0 };
  const claimed = new Set<number>();
  for (const reply of replies) {
    const hash = replyHash(reply);
    if (known.has(hash)) {
      duplicates.inMemory += 1;
      claimed.add(hash);
    } else if (seen.has(hash)) duplicates.inFile += 1;
    else {
      seen.add(hash);
      fresh.push(reply);
    }
  }
  return { fresh, duplicates, claimed: [...claimed] };
}

/** The example row a reply becomes; undated replies take `now`. */
export function toExampleRow(input: ReplyInput, now: number): ExampleRow {
  const row: ExampleRow = { reply: input.reply, source: 'import', createdAt: input.date ?? now };
  if (input.incoming) row.incoming = input.incoming;
  if (input.platform) row.platform = input.platform;
  if (input.topic) row.topic = input.topic;
  if (input.kind) row.kind = input.kind;
  const language = input.language ?? detectLanguage(input.reply);
  if (language) row.language = language;
  return row;
}

/** The counts and dates the list of sources shows. */
export function sourceDetails(rows: readonly ExampleRow[], format: string | undefined): NonNullable<ImportSourceInput['details']> {
  const platforms: Partial<Record<SiteId, number>> = {};
  let withIncoming = 0;
  let firstDate = Infinity;
  let lastDate = -Infinity;
  for (const row of rows) {
    if (row.incoming) withIncoming += 1;
    if (row.platform) platforms[row.platform] = (platforms[row.platform] ?? 0) + 1;
    firstDate = Math.min(firstDate, row.createdAt);
    lastDate = Math.max(lastDate, row.createdAt);
  }
  const out: NonNullable<ImportSourceInput['details']> = { withIncoming, platforms };
  if (format) out.format = format;
  if (rows.length) {
    out.firstDate = firstDate;
    out.lastDate = lastDate;
  }
  return out;
}

/**
 * Adds the replies memory does not hold yet as a new source, with the creator's consent, in one
 * transaction (joined when the caller has one open over exampleTables and sources).
 */
export async function addRepliesAsSource(
  db: UnderstudyDB,
  replies: readonly ReplyInput[],
  source: NewSource,
): Promise<AddedSource> {
  return db.transaction('rw', [...exampleTables(db), db.sources], async () => {
    const clean = replies.map(cleanReply).filter((r): r is ReplyInput => r !== undefined);
    const { fresh, duplicates, claimed } = dedupe(clean, await memoryHashes(db));
    if (fresh.length === 0 && !source.recordWhenEmpty) return { added: 0, duplicates };
    const rows = fresh.map((r) => toExampleRow(r, source.now));
    const sourceId = await recordImportSource(db, {
      fileName: source.fileName,
      records: rows.length,
      kind: source.kind,
      at: source.now,
      ...(source.consentText ? { consentText: source.consentText } : {}),
      details: sourceDetails(rows, source.format),
    });
    for (const row of rows) row.sourceId = sourceId;
    // The crash test's build only (crash-pause.ts): one chunk written, then the browser is killed.
    if (CRASH_PAUSE_BUILD && pauseRequested() && rows.length > CHUNK_SIZE) {
      await insertExamples(db, rows.slice(0, CHUNK_SIZE));
      await pauseBetweenChunks(db);
    }
    await insertExamples(db, rows);
    // The replies it held that memory already had: kept for it if their first source is forgotten.
    await addClaims(db, sourceId, claimed, source.now);
    return { added: rows.length, duplicates, sourceId };
  });
}
