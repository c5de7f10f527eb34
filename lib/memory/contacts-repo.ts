/**
 * People the creator talks with, one contact per platform + handle, and what was said between
 * them (the creator's sent and imported replies that carry the contact's key).
 *
 * Where each function's result may go — the creator's private note must never reach a page:
 * - Prompt-safe (the background may give it to an engine): `contactKey`, `contactHistory`,
 *   `contactContext`. They return only what the commenter and the creator said in public, and
 *   how often they talked; never the note.
 * - Side panel and options only: `getContact`, `listContacts`, `setContactNote` (they return
 *   the whole row, note included), `forgetContact`.
 * - Content scripts receive none of these: they get drafts, nothing from memory.
 */

import type { ReplyKind } from '../core/conversation';
import { SITE_IDS, type SiteId } from '../core/sites';
import { normalizeHandle, type ContactConversation, type ContactRow, type DraftRow, type ExampleRow, type UnderstudyDB } from './db';
import { exampleTables } from './examples-repo';

export const MAX_NOTE_CHARS = 2000;
/** Conversations remembered per contact (links only), the most recent kept. */
export const MAX_CONTACT_CONVERSATIONS = 20;
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
  /** The DM conversation the creator answered them in: its link joins the contact. */
  conversation?: { id: string; url: string; title?: string };
}

/** The contact's conversations with this one first (refreshed), at most MAX_CONTACT_CONVERSATIONS. */
function withConversation(
  existing: readonly ContactConversation[] | undefined,
  conversation: NonNullable<ContactSighting['conversation']>,
  at: number,
): ContactConversation[] {
  const entry: ContactConversation = { id: conversation.id, url: conversation.url, lastAt: at };
  const title = conversation.title?.trim();
  if (title) entry.title = title;
  const others = (existing ?? []).filter((c) => c.id !== conversation.id);
  return [entry, ...others].sort((a, b) => b.lastAt - a.lastAt).slice(0, MAX_CONTACT_CONVERSATIONS);
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
    if (sighting.conversation) row.conversations = withConversation(existing?.conversations, sighting.conversation, at);
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

/**
 * Prompt-safe: the commenter's earlier comments and the creator's replies, newest first. Only
 * exchanges of `kinds` (comment replies by default): a public comment's draft must never be
 * shown what was said to this person in private.
 */
export async function contactHistory(
  db: UnderstudyDB,
  platform: SiteId,
  handle: string,
  limit = DEFAULT_HISTORY,
  kinds: readonly ReplyKind[] = ['comment'],
): Promise<ContactExchange[]> {
  if (limit <= 0) return [];
  const rows = await db.examples.where('contactKey').equals(contactKey(platform, handle)).toArray();
  return exchangesOf(rows, limit, kinds);
}

function exchangesOf(rows: readonly ExampleRow[], limit: number, kinds: readonly ReplyKind[]): ContactExchange[] {
  if (limit <= 0) return [];
  return rows
    .filter((row) => kinds.includes(row.kind ?? 'comment'))
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

/**
 * Prompt-safe: who this commenter is to the creator, without the private note. `kinds` limits
 * the exchanges shown (see contactHistory): comment replies only unless a 1:1 DM draft with this
 * same person asks for their DMs too.
 */
export async function contactContext(
  db: UnderstudyDB,
  platform: SiteId,
  handle: string,
  limit = DEFAULT_HISTORY,
  kinds: readonly ReplyKind[] = ['comment'],
): Promise<PromptContact> {
  const key = contactKey(platform, handle);
  const [row, rows] = await Promise.all([db.contacts.get(key), db.examples.where('contactKey').equals(key).toArray()]);
  const history = exchangesOf(rows, limit, kinds);
  // Replies of kinds not asked for (their DMs, for a public comment) are not even counted: that
  // the creator talks with them in private is itself not for a public reply.
  const hidden = rows.filter((r) => !kinds.includes(r.kind ?? 'comment'));
  // Built field by field so nothing added to ContactRow later leaks into a prompt by accident.
  const context: PromptContact = {
    handle: row?.handle ?? normalizeHandle(handle),
    interactions: Math.max(0, (row?.interactions ?? 0) - hidden.length),
    history,
  };
  if (row?.displayName) context.displayName = row.displayName;
  if (row && hidden.length === 0) context.lastSeen = row.lastSeen;
  else if (history[0]) context.lastSeen = history[0].at;
  return context;
}

export interface ForgetContactResult {
  /** Whether there was a contact under this key. */
  contact: boolean;
  /** Their DM drafts deleted, with the conversation messages each kept. */
  drafts: number;
  /** DM replies deleted from memory (what they wrote and what the creator answered them). */
  examples: number;
  /** Comment replies to them kept as the creator's public voice, no longer linked to them. */
  unlinked: number;
}

/** Whether a DM draft was kept from a conversation with this person (it answered them). */
function isTheirDmDraft(draft: DraftRow, platform: SiteId, handle: string, conversationIds: ReadonlySet<string>): boolean {
  if (draft.kind !== 'dm' || draft.site !== platform) return false;
  const conversation = draft.conversation;
  const answered = conversation?.messages.filter((m) => m.from === 'them') ?? [];
  if (answered.some((m) => normalizeHandle(m.handle ?? m.sender) === handle)) return true;
  if (answered.length === 0 && normalizeHandle(draft.author) === handle) return true;
  // A one-to-one conversation linked on the contact is theirs whoever the page named.
  return conversation !== undefined && !conversation.group && conversationIds.has(conversation.id);
}

/**
 * Side panel: forgets a contact and what was kept of their conversations. Deleted: the contact
 * row (note and conversation links included); their DM drafts, with the messages each kept for
 * "Why this draft?" (a group draft goes when it answered them); and the DM replies in memory
 * that carry their key — the reply joined memory together with their message as `incoming`,
 * and a private answer is about them as much as it is the creator's voice, so it goes too.
 * Kept: the creator's public comment replies to them, which are already public and are the
 * creator's voice, with the link to this person removed (so no history of them remains);
 * imported replies, which never carry a contact (they go with their source's Forget); and
 * comment drafts, which hold only public comments. Derived caches (the retrieval index, the
 * fingerprint) notice the deletions through examples-repo's change hooks.
 */
export async function forgetContact(db: UnderstudyDB, key: string): Promise<ForgetContactResult> {
  const parsed = parseKey(key);
  if (!parsed) return { contact: false, drafts: 0, examples: 0, unlinked: 0 };
  const handle = normalizeHandle(parsed.handle);
  return db.transaction('rw', [db.contacts, db.drafts, db.sources, ...exampleTables(db)], async () => {
    const row = await db.contacts.get(key);
    const conversationIds = new Set((row?.conversations ?? []).map((c) => c.id));
    const drafts = await db.drafts
      .where('kind')
      .equals('dm')
      .filter((draft) => isTheirDmDraft(draft, parsed.platform, handle, conversationIds))
      .primaryKeys();
    await db.drafts.bulkDelete(drafts);
    const linked = await db.examples.where('contactKey').equals(key).toArray();
    const dms = linked.filter((e) => e.kind === 'dm').map((e) => e.id!);
    const comments = linked.filter((e) => e.kind !== 'dm');
    await db.examples.bulkDelete(dms);
    const sent = dms.length > 0 ? await db.sources.where('kind').equals('sent').first() : undefined;
    if (sent?.id !== undefined) await db.sources.update(sent.id, { records: Math.max(0, sent.records - dms.length) });
    for (const example of comments) {
      const { contactKey: _forgotten, ...rest } = example;
      await db.examples.put(rest);
    }
    if (row) await db.contacts.delete(key);
    return { contact: row !== undefined, drafts: drafts.length, examples: dms.length, unlinked: comments.length };
  });
}
