/**
 * People the creator talks with, one contact per platform + handle, and what was said between
 * them (the creator's sent and imported replies that carry the contact's key).
 *
 * Where each function's result may go — the creator's private note must never reach a page:
 * - Prompt-safe (the background may give it to an engine): `contactKey`, `contactHistory`,
 *   `contactContext`. They return only what the commenter and the creator said in public, and
 *   how often they talked; never the note.
 * - Side panel and options only: `getContact`, `listContacts`, `setContactNote` (they return
 *   the whole row, note included).
 * - Content scripts receive none of these: they get drafts, nothing from memory.
 */

import { SITE_IDS, type SiteId } from '../core/sites';
import { normalizeHandle, type ContactRow, type ExampleRow, type UnderstudyDB } from './db';

export const MAX_NOTE_CHARS = 2000;
const DEFAULT_HISTORY = 5;

/** The key of a contact: "youtube:sam" for "@Sam" on YouTube. */
export function contactKey(platform: SiteId, handle: string): string {
  return `${platform}:${normalizeHandle(handle)}`;
}

function parseKey(key: string): { platform: SiteId; handle: string } | undefined {
  const colon = key.indexOf(':');
  const platform = key.slice(0, colon) as SiteId;
  const handle = key.slice(colon + 1);
  if (colon < 0 || !SITE_IDS.includes(platform) || !handle) return undefined;
  return { platform, handle };
}

/** Side panel / options only: includes the private note. */
export function getContact(db: UnderstudyDB, key: string): Promise<ContactRow | undefined> {
  return db.contacts.get(key);
}

/** Side panel / options only: the most recently seen contacts first, notes included. */
export function listContacts(db: UnderstudyDB, limit = 100): Promise<ContactRow[]> {
  return db.contacts.orderBy('lastSeen').reverse().limit(limit).toArray();
}

/**
 * Saves the creator's private note on a contact (a blank note removes it), creating the
 * contact if they never replied to them yet. Returns the contact, or undefined for a bad key.
 */
export async function setContactNote(
  db: UnderstudyDB,
  key: string,
  note: string,
  now = Date.now(),
): Promise<ContactRow | undefined> {
  const parsed = parseKey(key);
  if (!parsed) return undefined;
  const text = note.trim().slice(0, MAX_NOTE_CHARS);
  return db.transaction('rw', db.contacts, async () => {
    const existing = await db.contacts.get(key);
    const row: ContactRow = existing
      ? { ...existing }
      : { key, ...parsed, firstSeen: now, lastSeen: now, interactions: 0 };
    if (text) row.note = text;
    else delete row.note;
    await db.contacts.put(row);
    return row;
  });
}

export interface ContactSighting {
  platform: SiteId;
  handle: string;
  displayName?: string;
  at?: number;
}

/** Counts one more reply to this person (and refreshes how they are shown). */
export async function touchContact(db: UnderstudyDB, sighting: ContactSighting): Promise<ContactRow> {
  const key = contactKey(sighting.platform, sighting.handle);
  const at = sighting.at ?? Date.now();
  return db.transaction('rw', db.contacts, async () => {
    const existing = await db.contacts.get(key);
    const row: ContactRow = existing
      ? {
          ...existing,
          firstSeen: Math.min(existing.firstSeen, at),
          lastSeen: Math.max(existing.lastSeen, at),
          interactions: existing.interactions + 1,
        }
      : {
          key,
          platform: sighting.platform,
          handle: normalizeHandle(sighting.handle),
          firstSeen: at,
          lastSeen: at,
          interactions: 1,
        };
    const displayName = sighting.displayName?.trim();
    if (displayName) row.displayName = displayName;
    await db.contacts.put(row);
    return row;
  });
}

/** One exchange: what they said (when known) and what the creator answered. */
export interface ContactExchange {
  exampleId: number;
  comment?: string;
  reply: string;
  at: number;
}

/** Prompt-safe: the commenter's earlier comments and the creator's replies, newest first. */
export async function contactHistory(
  db: UnderstudyDB,
  platform: SiteId,
  handle: string,
  limit = DEFAULT_HISTORY,
): Promise<ContactExchange[]> {
  if (limit <= 0) return [];
  const rows = await db.examples.where('contactKey').equals(contactKey(platform, handle)).toArray();
  return rows
    .sort((a, b) => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0))
    .slice(0, limit)
    .map(toExchange);
}

function toExchange(row: ExampleRow): ContactExchange {
  const exchange: ContactExchange = { exampleId: row.id!, reply: row.reply, at: row.createdAt };
  if (row.incoming !== undefined) exchange.comment = row.incoming;
  return exchange;
}

/** What a prompt may know about a commenter. Deliberately has no `note`. */
export interface PromptContact {
  handle: string;
  displayName?: string;
  /** Replies the creator sent them before. */
  interactions: number;
  lastSeen?: number;
  history: ContactExchange[];
}

/** Prompt-safe: who this commenter is to the creator, without the private note. */
export async function contactContext(
  db: UnderstudyDB,
  platform: SiteId,
  handle: string,
  limit = DEFAULT_HISTORY,
): Promise<PromptContact> {
  const [row, history] = await Promise.all([
    db.contacts.get(contactKey(platform, handle)),
    contactHistory(db, platform, handle, limit),
  ]);
  // Built field by field so nothing added to ContactRow later leaks into a prompt by accident.
  const context: PromptContact = {
    handle: row?.handle ?? normalizeHandle(handle),
    interactions: row?.interactions ?? 0,
    history,
  };
  if (row?.displayName) context.displayName = row.displayName;
  if (row) context.lastSeen = row.lastSeen;
  return context;
}
