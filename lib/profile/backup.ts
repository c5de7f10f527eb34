/**
 * The full backup: one JSON file holding everything the creator keeps in memory (profile, fact
 * sheet, every reply with its kind and source, contacts with their private notes, sources with
 * their consent records, drafts), so it can be taken to another browser or put back after a
 * wipe. Vectors are not in it: they are derived, and the embedding job computes them again.
 *
 * Restoring (the same "Import style profile" input, recognised by the file's "format" field,
 * after the Import preview):
 * - Into an empty memory, everything comes back as it was, ids included, so a draft's "Why this
 *   draft?" still names the right replies and facts.
 * - Into a memory that holds something, it adds up like any import and never duplicates: replies
 *   by content hash (dedup.ts), facts by their text, contacts by key, drafts by comment and time,
 *   sources by file name and time. Added rows get new ids (the backup's may be taken) and the
 *   drafts' links to replies and facts follow them. The current profile is kept: a backup does
 *   not silently replace what the creator has now (a style profile file does, after its preview).
 * Both in one transaction: a failure leaves memory exactly as it was.
 *
 * Rows are checked with zod on their core fields and kept whole otherwise (loose objects), so a
 * restore writes back exactly what the export read.
 */
import { z } from 'zod';
import { REPLY_KINDS } from '../core/conversation';
import { engineIdSchema, siteIdSchema } from '../core/draft';
import { MAX_COMMENT_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import {
  PROFILE_KEY,
  type ContactRow,
  type DraftRow,
  type ExampleRow,
  type FactRow,
  type ProfileRow,
  type SourceRow,
  type UnderstudyDB,
} from '../memory/db';
import { exampleTables, insertExamples, listExamples, restoreExamples } from '../memory/examples-repo';
import { factKey } from '../memory/facts-repo';
import { invalidateIndexFor } from '../memory/index-store';
import { sourceDetails } from '../imports/add-source';
import { addClaims, allClaims, setClaims } from '../imports/claims';
import { replyHash } from '../imports/dedup';
import { toProblems } from './issues';
import { describeJsonError } from './json-syntax';

export const BACKUP_FORMAT = 'understudy.backup';
export const BACKUP_VERSION = 1;
/** Larger than a style profile's limit: a backup holds every reply, and their contacts and drafts. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
/** Said beside "Export backup" and in the file itself. */
export const BACKUP_NOTICE = 'This backup includes your private notes on contacts. Keep it somewhere only you can open.';

const id = z.number().int().positive();
const time = z.number().finite();

const profileRowSchema = z.looseObject({
  id: z.literal(PROFILE_KEY),
  name: z.string(),
  handles: z.partialRecord(siteIdSchema, z.string()),
  voice: z.string(),
  values: z.array(z.string()),
  objectives: z.array(z.string()),
  boundaries: z.array(z.string()),
  links: z.array(z.looseObject({ label: z.string(), url: z.string() })),
  offers: z.array(z.looseObject({ name: z.string() })),
  greeting: z.string().optional(),
  signoff: z.string().optional(),
  importedAt: time,
  source: z.string(),
});

const factRowSchema = z.looseObject({
  id,
  text: z.string().trim().min(1),
  topic: z.string().optional(),
  position: z.number().optional(),
});

const exampleRowSchema = z.looseObject({
  id,
  reply: z.string().trim().min(1).max(MAX_REPLY_CHARS),
  incoming: z.string().max(MAX_COMMENT_CHARS).optional(),
  platform: siteIdSchema.optional(),
  source: z.enum(['import', 'sent']),
  topic: z.string().optional(),
  createdAt: time,
  language: z.string().optional(),
  tags: z.array(z.string()).optional(),
  contactKey: z.string().optional(),
  sourceId: id.optional(),
  kind: z.enum(REPLY_KINDS).optional(),
});

const contactRowSchema = z.looseObject({
  key: z.string().min(3),
  platform: siteIdSchema,
  handle: z.string().min(1),
  displayName: z.string().optional(),
  note: z.string().optional(),
  firstSeen: time,
  lastSeen: time,
  interactions: z.number().int().min(0),
});

const sourceRowSchema = z.looseObject({
  id,
  kind: z.enum(['profile-import', 'export-import', 'sent']),
  fileName: z.string(),
  importedAt: time,
  records: z.number().int().min(0),
  consent: z.looseObject({ given: z.boolean(), at: time, text: z.string() }),
});

const draftRowSchema = z.looseObject({
  id,
  site: siteIdSchema,
  commentId: z.string(),
  author: z.string(),
  commentText: z.string(),
  pageUrl: z.string(),
  text: z.string(),
  engineText: z.string(),
  engine: engineIdSchema,
  exampleIds: z.array(z.number().int()),
  factIds: z.array(z.number().int()).optional(),
  status: z.enum(['queued', 'inserted', 'sent', 'discarded']),
  createdAt: time,
  updatedAt: time,
  kind: z.enum(REPLY_KINDS).optional(),
});

/** What each table holds is checked; ids must be unique within their table. */
export const backupSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.string(),
    notice: z.string().optional(),
    profile: profileRowSchema.nullable(),
    facts: z.array(factRowSchema),
    examples: z.array(exampleRowSchema),
    contacts: z.array(contactRowSchema),
    sources: z.array(sourceRowSchema),
    drafts: z.array(draftRowSchema),
    /** Replies each source held that an earlier source brought (claims.ts), as content hashes. */
    claims: z.array(z.strictObject({ sourceId: id, hashes: z.array(z.number().int()) })).default([]),
    /**
     * The creator's settings by name (lib/drafting/backup-settings.ts checks and restores each:
     * they belong to layers above this one). Absent in backups made before settings were kept.
     */
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((backup, ctx) => {
    const unique = (table: 'facts' | 'examples' | 'contacts' | 'sources' | 'drafts', keyOf: (row: never) => unknown) => {
      const seen = new Map<unknown, number>();
      (backup[table] as never[]).forEach((row, i) => {
        const key = keyOf(row);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else ctx.addIssue({ code: 'custom', path: [table, i, table === 'contacts' ? 'key' : 'id'], message: `the same ${table === 'contacts' ? 'key' : 'id'} as ${table}[${first}]` });
      });
    };
    unique('facts', (r: FactRow) => r.id);
    unique('examples', (r: ExampleRow) => r.id);
    unique('contacts', (r: ContactRow) => r.key);
    unique('sources', (r: SourceRow) => r.id);
    unique('drafts', (r: DraftRow) => r.id);
  });

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  notice?: string;
  profile: ProfileRow | null;
  facts: FactRow[];
  examples: ExampleRow[];
  contacts: ContactRow[];
  sources: SourceRow[];
  drafts: DraftRow[];
  claims: { sourceId: number; hashes: number[] }[];
  settings?: Record<string, unknown>;
}

/** The tables a backup reads and a restore writes (the vectors are not among them). */
function backupTables(db: UnderstudyDB) {
  return [db.profile, db.facts, ...exampleTables(db), db.contacts, db.sources, db.drafts];
}

/** Everything in memory but the vectors and derived indexes, read in one transaction. */
export async function exportBackup(db: UnderstudyDB, now = Date.now(), settings?: Record<string, unknown>): Promise<BackupFile> {
  return db.transaction('r', backupTables(db), async () => {
    const [profile, facts, examples, contacts, sources, drafts, claims] = await Promise.all([
      db.profile.get(PROFILE_KEY),
      db.facts.toArray(),
      listExamples(db),
      db.contacts.toArray(),
      db.sources.toArray(),
      db.drafts.toArray(),
      allClaims(db),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      notice: BACKUP_NOTICE,
      profile: profile ?? null,
      facts,
      examples,
      contacts,
      sources,
      drafts,
      claims: [...claims].map(([sourceId, hashes]) => ({ sourceId, hashes })),
      ...(settings ? { settings } : {}),
    };
  });
}

/** Compact: a backup is for Understudy to read back, and it can hold 100,000 replies. */
export function serializeBackup(backup: BackupFile): string {
  return JSON.stringify(backup);
}

/** "understudy-backup-2026-03-01.json". */
export function backupFileName(now = Date.now()): string {
  return `understudy-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

const BACKUP_HEAD = new RegExp(`"format"\\s*:\\s*"${BACKUP_FORMAT.replace(/\./g, '\\.')}"`);

/** Whether a file's first characters say it is a backup (by content, whatever its name). */
export function looksLikeBackup(head: string): boolean {
  return BACKUP_HEAD.test(head);
}

export type BackupParse =
  | { ok: true; backup: BackupFile }
  | { ok: false; message: string; problems: string[] };

function failed(message: string, problems: string[] = []): BackupParse {
  return { ok: false, message, problems };
}

/** Reads a backup file's text; every failure is one sentence naming the file, and every problem listed. */
export function parseBackup(fileName: string, text: string): BackupParse {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const why = describeJsonError(error, text);
    return failed(`${fileName} is an Understudy backup that cannot be read (is it cut short?): ${why}. Nothing was changed.`);
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (record.format === BACKUP_FORMAT && typeof record.version === 'number' && record.version > BACKUP_VERSION) {
    return failed(
      `${fileName} is a backup from a newer Understudy (backup version ${record.version}); this version reads version ${BACKUP_VERSION}. Update Understudy, then restore it. Nothing was changed.`,
    );
  }
  const parsed = backupSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, backup: parsed.data as unknown as BackupFile };
  const problems = toProblems(parsed.error.issues).map((p) => (p.path ? `${p.path} — ${p.problem}` : p.problem));
  const count = problems.length === 1 ? '1 problem' : `${problems.length.toLocaleString('en-US')} problems`;
  return failed(`${fileName} is not a backup Understudy can restore: ${count}, the first: ${problems[0]}. Nothing was changed.`, problems);
}

export interface RestorePlan {
  /** 'restore': memory is empty and gets everything back as it was; 'merge': it adds what memory lacks. */
  mode: 'restore' | 'merge';
  /** What the file holds. */
  inFile: { profile: boolean; facts: number; examples: number; contacts: number; notes: number; sources: number; drafts: number };
  /** What restoring adds. */
  adds: { facts: number; examples: number; contacts: number; sources: number; drafts: number };
  /** Replies memory already holds (or the file repeats). */
  duplicates: number;
  /** The profile: restored from the file, kept as it is in memory, or none in either. */
  profile: 'restored' | 'kept' | 'none';
}

interface Merge {
  plan: RestorePlan;
  /** Memory's replies by content hash → id. */
  byHash: Map<number, number>;
}

async function isEmpty(db: UnderstudyDB): Promise<boolean> {
  const [profile, facts, contacts, sources, drafts, examples] = await Promise.all([
    db.profile.count(),
    db.facts.count(),
    db.contacts.count(),
    db.sources.count(),
    db.drafts.count(),
    listExamples(db).then((rows) => rows.length),
  ]);
  return profile + facts + contacts + sources + drafts + examples === 0;
}

function inFile(backup: BackupFile): RestorePlan['inFile'] {
  return {
    profile: backup.profile !== null,
    facts: backup.facts.length,
    examples: backup.examples.length,
    contacts: backup.contacts.length,
    notes: backup.contacts.filter((c) => c.note).length,
    sources: backup.sources.length,
    drafts: backup.drafts.length,
  };
}

const draftKey = (d: Pick<DraftRow, 'site' | 'commentId' | 'createdAt'>) => `${d.site}\u0000${d.commentId}\u0000${d.createdAt}`;
const sourceKey = (s: Pick<SourceRow, 'kind' | 'fileName' | 'importedAt'>) =>
  s.kind === 'sent' ? 'sent' : `${s.kind}\u0000${s.fileName}\u0000${s.importedAt}`;

/** Reads memory and works out what a merge adds; writes nothing. */
async function computeMerge(db: UnderstudyDB, backup: BackupFile): Promise<Merge> {
  const [rows, facts, contacts, drafts, sources, profile] = await Promise.all([
    listExamples(db),
    db.facts.toArray(),
    db.contacts.toArray(),
    db.drafts.toArray(),
    db.sources.toArray(),
    db.profile.get(PROFILE_KEY),
  ]);
  const byHash = new Map<number, number>();
  for (const row of rows) if (!byHash.has(replyHash(row))) byHash.set(replyHash(row), row.id!);
  const seen = new Set<number>();
  const newBySource = new Set<number | undefined>();
  let examples = 0;
  let duplicates = 0;
  for (const row of backup.examples) {
    const hash = replyHash(row);
    if (byHash.has(hash) || seen.has(hash)) duplicates += 1;
    else {
      seen.add(hash);
      examples += 1;
      newBySource.add(row.sourceId);
    }
  }
  const factKeys = new Set(facts.map((f) => factKey(f.text)));
  const contactKeys = new Set(contacts.map((c) => c.key));
  const draftKeys = new Set(drafts.map(draftKey));
  const sourceKeys = new Set(sources.map(sourceKey));
  const plan: RestorePlan = {
    mode: 'merge',
    inFile: inFile(backup),
    adds: {
      facts: new Set(backup.facts.map((f) => factKey(f.text)).filter((k) => !factKeys.has(k))).size,
      examples,
      contacts: backup.contacts.filter((c) => !contactKeys.has(c.key)).length,
      sources: backup.sources.filter((s) => newBySource.has(s.id) && !sourceKeys.has(sourceKey(s))).length,
      drafts: backup.drafts.filter((d) => !draftKeys.has(draftKey(d))).length,
    },
    duplicates,
    profile: profile ? 'kept' : backup.profile ? 'restored' : 'none',
  };
  return { plan, byHash };
}

/** What restoring the backup would do now, for the preview; writes nothing. */
export async function planRestore(db: UnderstudyDB, backup: BackupFile): Promise<RestorePlan> {
  return db.transaction('r', backupTables(db), async () => {
    if (await isEmpty(db)) {
      const counts = inFile(backup);
      return {
        mode: 'restore',
        inFile: counts,
        adds: { facts: counts.facts, examples: counts.examples, contacts: counts.contacts, sources: counts.sources, drafts: counts.drafts },
        duplicates: 0,
        profile: backup.profile ? 'restored' : 'none',
      } satisfies RestorePlan;
    }
    return (await computeMerge(db, backup)).plan;
  });
}

async function restoreAsIs(db: UnderstudyDB, backup: BackupFile, now: number): Promise<void> {
  if (backup.profile) await db.profile.put(backup.profile);
  await db.facts.bulkAdd(backup.facts);
  await restoreExamples(db, backup.examples);
  await db.contacts.bulkAdd(backup.contacts);
  await db.sources.bulkAdd(backup.sources);
  await db.drafts.bulkAdd(backup.drafts);
  for (const { sourceId, hashes } of backup.claims) await setClaims(db, sourceId, hashes, now);
}

async function mergeInto(db: UnderstudyDB, backup: BackupFile, now: number): Promise<void> {
  const { byHash } = await computeMerge(db, backup);

  if (backup.profile && !(await db.profile.get(PROFILE_KEY))) await db.profile.put(backup.profile);

  // Facts by their text; new ones after the sheet's last.
  const facts = await db.facts.toArray();
  const factIds = new Map(facts.map((f) => [factKey(f.text), f.id!]));
  let position = facts.reduce((max, f) => Math.max(max, f.position ?? -1), -1);
  const factMap = new Map<number, number>();
  for (const fact of backup.facts) {
    const key = factKey(fact.text);
    let target = factIds.get(key);
    if (target === undefined) {
      const { id: _id, ...rest } = fact;
      target = (await db.facts.add({ ...rest, position: ++position })) as number;
      factIds.set(key, target);
    }
    factMap.set(fact.id!, target);
  }

  // Replies by content hash; the new ones grouped under their source (matched or added).
  const existingSources = await db.sources.toArray();
  const sourceIds = new Map(existingSources.map((s) => [sourceKey(s), s.id!]));
  const backupSources = new Map(backup.sources.map((s) => [s.id!, s]));
  const fresh: ExampleRow[] = [];
  /** For each backup reply id: memory's id, or the index in `fresh` of the row that stands for it. */
  const known = new Map<number, number>();
  const pending = new Map<number, number>();
  const dupHashesBySource = new Map<number, number[]>();
  const seen = new Map<number, number>();
  for (const row of backup.examples) {
    const hash = replyHash(row);
    const inMemory = byHash.get(hash);
    if (inMemory !== undefined) {
      known.set(row.id!, inMemory);
      if (row.sourceId !== undefined) dupHashesBySource.set(row.sourceId, [...(dupHashesBySource.get(row.sourceId) ?? []), hash]);
      continue;
    }
    let index = seen.get(hash);
    if (index === undefined) {
      index = fresh.length;
      seen.set(hash, index);
      const { id: _id, ...rest } = row;
      fresh.push(rest);
    }
    pending.set(row.id!, index);
  }
  // The backup's sources that bring new replies: matched to memory's, or added with new counts.
  const newRowsBySource = new Map<number, ExampleRow[]>();
  for (const row of fresh) if (row.sourceId !== undefined) newRowsBySource.set(row.sourceId, [...(newRowsBySource.get(row.sourceId) ?? []), row]);
  const sourceMap = new Map<number, number>();
  for (const [oldId, rows] of newRowsBySource) {
    const source = backupSources.get(oldId);
    if (!source) continue;
    const key = sourceKey(source);
    let target = sourceIds.get(key);
    if (target === undefined) {
      const { id: _id, ...rest } = source;
      const details = source.kind === 'sent' ? {} : sourceDetails(rows, source.format);
      target = (await db.sources.add({ ...rest, ...details, records: rows.length })) as number;
      sourceIds.set(key, target);
    } else {
      const current = (await db.sources.get(target))!;
      await db.sources.put({ ...current, records: current.records + rows.length });
    }
    sourceMap.set(oldId, target);
  }
  for (const [oldId, target] of sourceMap) {
    const claimed = backup.claims.find((c) => c.sourceId === oldId)?.hashes ?? [];
    await addClaims(db, target, [...claimed, ...(dupHashesBySource.get(oldId) ?? [])], now);
  }
  for (const row of fresh) {
    if (row.sourceId === undefined) continue;
    const target = sourceMap.get(row.sourceId);
    if (target === undefined) delete row.sourceId;
    else row.sourceId = target;
  }
  const newIds = await insertExamples(db, fresh);
  const exampleMap = new Map(known);
  for (const [oldId, index] of pending) exampleMap.set(oldId, newIds[index]!);

  // Contacts by key: new ones whole; a known one keeps its row and gains the note it lacked.
  for (const contact of backup.contacts) {
    const current = await db.contacts.get(contact.key);
    if (!current) await db.contacts.add(contact);
    else if (!current.note && contact.note) await db.contacts.put({ ...current, note: contact.note });
  }

  // Drafts by comment and time, their links to replies and facts following the new ids.
  const draftKeys = new Set((await db.drafts.toArray()).map(draftKey));
  for (const draft of backup.drafts) {
    if (draftKeys.has(draftKey(draft))) continue;
    const { id: _id, ...rest } = draft;
    const out: DraftRow = { ...rest, exampleIds: draft.exampleIds.flatMap((i) => (exampleMap.has(i) ? [exampleMap.get(i)!] : [])) };
    if (draft.factIds) out.factIds = draft.factIds.flatMap((i) => (factMap.has(i) ? [factMap.get(i)!] : []));
    if (draft.usedFacts) out.usedFacts = draft.usedFacts.map((f) => ({ ...f, id: factMap.get(f.id) ?? f.id }));
    await db.drafts.add(out);
  }
}

export interface RestoreSummary extends RestorePlan {}

/** Restores a backup (as is into an empty memory, merged otherwise), all or nothing. */
export async function restoreBackup(db: UnderstudyDB, backup: BackupFile, now = Date.now()): Promise<RestoreSummary> {
  const summary = await db.transaction('rw', backupTables(db), async () => {
    const plan = await planRestore(db, backup);
    if (plan.mode === 'restore') await restoreAsIs(db, backup, now);
    else await mergeInto(db, backup, now);
    return plan;
  });
  invalidateIndexFor(db);
  return summary;
}
