/**
 * The Dexie database "understudy": the single source of truth for everything the creator owns.
 * Versions are append-only: never edit a shipped version, add a new one with an upgrade.
 */
import type { Conversation, ReplyKind } from '../core/conversation';
import type { DraftResult, EngineId } from '../core/draft';
import type { SiteId } from '../core/sites';
import type { GuardFlagKind } from '../core/guard';
import type { DraftStatus, SetAsideReason } from '../core/desk';
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { detectLanguage } from './language';

export const DB_NAME = 'understudy';

export interface ProfileRow {
  /** Always PROFILE_KEY: there is one creator per browser profile. */
  id: string;
  name: string;
  handles: Partial<Record<SiteId, string>>;
  voice: string;
  values: string[];
  objectives: string[];
  /** Topics the creator never wants a draft to touch. */
  boundaries: string[];
  links: { label: string; url: string }[];
  offers: { name: string; details?: string; url?: string; price?: string }[];
  /** Preferred greeting and sign-off, when the creator states them. */
  greeting?: string;
  signoff?: string;
  importedAt: number;
  /** File name the profile came from. */
  source: string;
}

export interface FactRow {
  /** Kept across re-imports while the text stays on the sheet (facts-repo.replaceFacts). */
  id?: number;
  text: string;
  topic?: string;
  /** Place on the sheet as the creator listed it (not indexed); older rows have none. */
  position?: number;
}

export type ExampleSource = 'import' | 'sent';

export interface ExampleRow {
  id?: number;
  /** What the creator was answering, when known. */
  incoming?: string;
  reply: string;
  platform?: SiteId;
  source: ExampleSource;
  topic?: string;
  createdAt: number;
  /** ISO 639-1 guess of the reply's language (v2), when there was enough text to tell. */
  language?: string;
  /** Free labels (v2); the upgrade fills []. */
  tags?: string[];
  /** The commenter it answered, as contactKey(platform, handle) (v2). */
  contactKey?: string;
  /**
   * The sources row of the import that brought it (not indexed: no new version). Rows imported
   * before several sources added up, and sent replies, have none.
   */
  sourceId?: number;
  /**
   * A reply to a public comment or a direct message (indexed from v4, which fills 'comment'
   * where an older row had none). Rows written without one are comment replies.
   */
  kind?: ReplyKind;
}

/** An example's kind: rows from before kinds (and profile imports that don't say) are comments. */
export function kindOf(row: { kind?: ReplyKind }): ReplyKind {
  return row.kind ?? 'comment';
}

/**
 * Someone the creator has talked with on one platform (v2). `note` is the creator's private
 * note: it must never reach a page or a prompt; see contacts-repo for what is safe where.
 */
export interface ContactRow {
  /** contactKey(platform, handle): "youtube:sam". */
  key: string;
  platform: SiteId;
  handle: string;
  displayName?: string;
  note?: string;
  firstSeen: number;
  lastSeen: number;
  /** Replies the creator sent them. */
  interactions: number;
  /**
   * The DM conversations the creator answered them in (v4, not indexed; older rows have none):
   * the site's conversation id and where to open it. Only the link: never its messages.
   */
  conversations?: ContactConversation[];
}

/** A link back to a DM conversation, kept on its contact. */
export interface ContactConversation {
  /** The site's conversation id (Conversation.id). */
  id: string;
  /** The conversation's page, to open it again. */
  url: string;
  title?: string;
  lastAt: number;
}

/** A style profile file, a platform's data export (not indexed by value: no new version), or sent replies. */
export type SourceKind = 'profile-import' | 'export-import' | 'sent';

export interface ConsentRecord {
  given: boolean;
  at: number;
  /** The words the creator agreed to, as shown. */
  text: string;
}

/** Where memory came from (v2): an imported file, or the replies sent through Understudy. */
export interface SourceRow {
  id?: number;
  kind: SourceKind;
  fileName: string;
  importedAt: number;
  /** Examples it added (for 'sent': replies sent so far). */
  records: number;
  consent: ConsentRecord;
  /**
   * What an import brought, for the list of sources (not indexed: no new version; sources
   * recorded before have none): the format's name, replies with what they answered, the dates
   * they span, replies per platform.
   */
  format?: string;
  withIncoming?: number;
  firstDate?: number;
  lastDate?: number;
  platforms?: Partial<Record<SiteId, number>>;
}

/** Small key-value store for derived data (v2), e.g. the saved retrieval index. */
export interface MetaRow {
  key: string;
  value: unknown;
  updatedAt: number;
}

export type { DraftStatus };

export interface DraftRow {
  id?: number;
  site: SiteId;
  commentId: string;
  author: string;
  commentText: string;
  permalink?: string;
  threadTitle?: string;
  pageUrl: string;
  /** What the creator has now (edited). */
  text: string;
  /** What the engine wrote, kept to learn from the creator's edits. */
  engineText: string;
  engine: EngineId;
  model?: string;
  exampleIds: number[];
  status: DraftStatus;
  createdAt: number;
  updatedAt: number;
  /** Facts from the fact sheet the draft drew on (v2). */
  factIds?: number[];
  /**
   * Those facts' texts when the draft was saved (not indexed: no new version), so the draft
   * shows what it used after a fact is deleted. Drafts saved before have none.
   */
  usedFacts?: { id: number; text: string }[];
  /** The claim guard's flags the creator inserted over (not indexed: no new version). */
  overriddenFlags?: GuardFlagKind[];
  /** Characters (code points) changed between engineText and what was sent (v2). */
  editDistance?: number;
  /** When the creator sent it (v2). */
  sentAt?: number;
  /** Voice match (0–100) of what the engine wrote, against the creator's fingerprint (v2). */
  voiceScore?: number;
  /** Speed of a model-written draft: prompt tokens, time to first token, tokens/s. */
  metrics?: DraftResult['metrics'];
  /** Profile items the prompt left out to fit the model's context (not indexed: no new version). */
  leftOut?: DraftResult['leftOut'];
  /** A comment reply or a DM reply (v4: indexed; the upgrade fills 'comment'). */
  kind?: ReplyKind;
  /**
   * For a DM draft, what was kept of the conversation (v4): only the messages it answered, as
   * keptOfConversation returns them, for "Why this draft?". The rest of a live conversation is
   * never stored. Its link is `pageUrl` (and `permalink` when the site gives one).
   */
  conversation?: Conversation;
  /**
   * How many claim-guard flags the draft's text had when last checked (not indexed: no new
   * version); absent when unchecked since its text changed (drafts-repo clears it). The side
   * panel's "flagged" filter reads it instead of guarding every draft.
   */
  flagCount?: number;
  /**
   * Why Draft all set this comment aside instead of drafting it (status 'skipped'). Not indexed,
   * so no new schema version: Dexie stores any field of a row and nothing queries by this one;
   * older rows simply have none.
   */
  setAside?: SetAsideReason;
}

/**
 * Examples written in bulk (an import), many to a row (v3). IndexedDB's cost is per record
 * (about 0.1 ms each in Chromium here: 100,000 separate rows took 10–15 s to insert, 500-row
 * chunks 0.5 s), so imports are stored as chunks and read back as ordinary ExampleRows by
 * examples-repo. Row ids inside a chunk are contiguous, `id`..`lastId`, from the same id space
 * as the examples table, so a draft's provenance can name any example by id.
 */
export interface ExampleChunkRow {
  /** The id of the chunk's first example. */
  id: number;
  /** The id of its last example. */
  lastId: number;
  source: ExampleSource;
  /** The latest createdAt of its rows, so the newest replies are found without reading all. */
  newest: number;
  /** Each with its id set, oldest first; imported rows carry no contactKey (only sent replies do). */
  rows: ExampleRow[];
}

/**
 * Embedding vectors of examples for one embedding model (v3), a batch per row for the same
 * per-record reason as ExampleChunkRow: `vectors` holds exampleIds.length × dims floats.
 */
export interface EmbeddingBatchRow {
  id?: number;
  /** The embedding model's id; vectors of different models are never compared. */
  model: string;
  dims: number;
  exampleIds: number[];
  vectors: Float32Array;
  createdAt: number;
}

export const PROFILE_KEY = 'me';

export class UnderstudyDB extends Dexie {
  profile!: EntityTable<ProfileRow, 'id'>;
  facts!: EntityTable<FactRow, 'id'>;
  examples!: EntityTable<ExampleRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  contacts!: EntityTable<ContactRow, 'key'>;
  sources!: EntityTable<SourceRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  exampleChunks!: EntityTable<ExampleChunkRow, 'id'>;
  embeddings!: EntityTable<EmbeddingBatchRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      profile: 'id',
      facts: '++id',
      examples: '++id, platform, source, createdAt',
      drafts: '++id, status, updatedAt, [site+commentId]',
    });
    this.version(2)
      .stores({
        // No 'platform' index any more: nothing queries by it, and every index slows the bulk
        // insert of a large import (each one is another write per row).
        examples: '++id, source, createdAt, contactKey',
        drafts: '++id, status, updatedAt, [site+commentId], sentAt',
        contacts: 'key, lastSeen',
        sources: '++id, kind, importedAt',
        meta: 'key',
      })
      .upgrade(upgradeToV2);
    // Only new tables: v2's example rows stay where they are and are read alongside chunks.
    this.version(3).stores({
      exampleChunks: 'id, lastId, [source+lastId], newest',
      embeddings: '++id, model',
    });
    // Direct messages (issue 11): replies and drafts say whether they answered a comment or a DM.
    this.version(4)
      .stores({
        examples: '++id, source, createdAt, contactKey, kind',
        drafts: '++id, status, updatedAt, [site+commentId], sentAt, kind',
      })
      .upgrade(upgradeToV4);
  }
}

/** Shown on sources recorded by the upgrade: consent was not recorded before version 2. */
export const LEGACY_CONSENT_TEXT =
  'Imported before Understudy kept consent records: you chose this file in options to import it.';

/** Keeps every row; fills the new example fields and records what v1 already knew. */
async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<ExampleRow, number>('examples')
    .toCollection()
    .modify((row) => {
      row.tags ??= [];
      if (row.language === undefined) {
        const language = detectLanguage(row.reply);
        if (language) row.language = language;
      }
    });
  const profile = await tx.table<ProfileRow, string>('profile').get(PROFILE_KEY);
  if (profile) {
    const records = await tx.table<ExampleRow, number>('examples').where('source').equals('import').count();
    await tx.table<SourceRow, number>('sources').add({
      kind: 'profile-import',
      fileName: profile.source,
      importedAt: profile.importedAt,
      records,
      consent: { given: true, at: profile.importedAt, text: LEGACY_CONSENT_TEXT },
    });
  }
  // Commenters the creator already replied to (inserted drafts) become contacts.
  const contacts = new Map<string, ContactRow>();
  const drafts = await tx.table<DraftRow, number>('drafts').where('status').anyOf('inserted', 'sent').toArray();
  for (const draft of drafts) {
    const handle = normalizeHandle(draft.author);
    if (!handle) continue;
    const key = `${draft.site}:${handle}`;
    const seen = contacts.get(key);
    contacts.set(key, {
      key,
      platform: draft.site,
      handle,
      displayName: draft.author,
      firstSeen: Math.min(seen?.firstSeen ?? Infinity, draft.createdAt),
      lastSeen: Math.max(seen?.lastSeen ?? 0, draft.updatedAt),
      interactions: (seen?.interactions ?? 0) + 1,
    });
  }
  await tx.table<ContactRow, string>('contacts').bulkPut([...contacts.values()]);
}

/**
 * Every reply and draft gets a kind: 'comment' where it had none (everything before DMs was a
 * comment reply), keeping the 'dm' an export import already recorded. Chunked rows are not
 * indexed by kind (a chunk holds many), but are filled the same way so every row reads alike.
 */
async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table<ExampleRow, number>('examples')
    .toCollection()
    .modify((row) => {
      row.kind ??= 'comment';
    });
  await tx
    .table<ExampleChunkRow, number>('exampleChunks')
    .toCollection()
    .modify((chunk) => {
      if (chunk.rows.every((row) => row.kind !== undefined)) return;
      chunk.rows = chunk.rows.map((row) => (row.kind ? row : { ...row, kind: 'comment' }));
    });
  await tx
    .table<DraftRow, number>('drafts')
    .toCollection()
    .modify((row) => {
      row.kind ??= 'comment';
    });
}

/**
 * One spelling per person: "@Sam ", "sam" and "@sam" are the same handle. Lives here (not in
 * contacts-repo) because the schema upgrade needs it and must not change with later code.
 */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/u, '').replace(/\s+/gu, ' ').toLowerCase();
}

let shared: UnderstudyDB | undefined;

/** The one database instance of this JS context. */
export function getDb(): UnderstudyDB {
  shared ??= new UnderstudyDB();
  return shared;
}
