/**
 * The Dexie database "understudy": the single source of truth for everything the creator owns.
 * Versions are append-only: never edit a shipped version, add a new one with an upgrade.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { EngineId, SiteId } from '../messaging/protocol';

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
  id?: number;
  text: string;
  topic?: string;
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
}

export type DraftStatus = 'queued' | 'inserted' | 'sent' | 'discarded';

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
}

export const PROFILE_KEY = 'me';

export class UnderstudyDB extends Dexie {
  profile!: EntityTable<ProfileRow, 'id'>;
  facts!: EntityTable<FactRow, 'id'>;
  examples!: EntityTable<ExampleRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      profile: 'id',
      facts: '++id',
      examples: '++id, platform, source, createdAt',
      drafts: '++id, status, updatedAt, [site+commentId]',
    });
  }
}

let shared: UnderstudyDB | undefined;

/** The one database instance of this JS context. */
export function getDb(): UnderstudyDB {
  shared ??= new UnderstudyDB();
  return shared;
}
