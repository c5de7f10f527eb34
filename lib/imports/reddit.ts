/**
 * Reddit's "Request your data" export: a flat zip of CSVs (UTF-8 with a BOM; large files split
 * as comments_1.csv, comments_2.csv…). The creator's comments come from comments.csv; their
 * private messages from messages.csv or messages_archive.csv (an export has one or the other),
 * and chat messages from chat_history.csv. See exports-reference.md, "Reddit".
 *
 * Columns are read by header name. Who the creator is comes from statistics.csv
 * ("account name"); without it, only a username that takes part in every message of several
 * conversations is the account's owner, and otherwise the creator is asked (needsCreator).
 * Comments carry only the id of what they answered (`parent`), never its text, so they come in
 * as replies without `incoming`; DMs are paired incoming → reply per conversation.
 */
import { MAX_COMMENT_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import { column, parseCsv, type CsvTable } from './csv';
import { baseName } from './files';
import { pairThread, type ThreadMessage } from './pair-dms';
import { ImportFormatError, type ImportFile, type ImportOptions, type ImportResult, type ImportedReply, type Importer } from './types';

export const label = 'Reddit data export';

type RedditFileKind = 'comments' | 'messages' | 'chat' | 'statistics';

/** File names (with the _N suffix of split files) and the headers that prove each one. */
const FILES: Record<RedditFileKind, { name: RegExp; headers: readonly string[] }> = {
  comments: { name: /^comments(_\d+)?\.csv$/i, headers: ['id', 'permalink', 'parent', 'body'] },
  messages: { name: /^messages(_archive)?(_\d+)?\.csv$/i, headers: ['id', 'thread_id', 'from', 'to', 'body'] },
  chat: { name: /^chat_history(_\d+)?\.csv$/i, headers: ['message_id', 'username', 'message', 'channel_url'] },
  statistics: { name: /^statistics\.csv$/i, headers: ['statistic', 'value'] },
};

const thousands = (n: number) => n.toLocaleString('en-US');
const SKIP = {
  deleted: 'deleted or removed comments and messages',
  mediaOnly: 'media-only comments',
  empty: 'empty comments',
  longComment: `comments longer than ${thousands(MAX_REPLY_CHARS)} characters`,
  longMessage: `messages longer than ${thousands(MAX_REPLY_CHARS)} characters`,
  longIncoming: `answered messages cut to ${thousands(MAX_COMMENT_CHARS)} characters`,
} as const;

/** A message whose date can't be read sorts first in its conversation and gets no date. */
const UNDATED = 0;

const REDDIT_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(?:UTC|Z|[+-]00:?00)?$/i;

/**
 * Epoch ms of Reddit's `YYYY-MM-DD HH:MM:SS UTC`, or undefined (some rows hold "registration ip"
 * in the date column [R2]).
 */
export function parseRedditDate(value: string): number | undefined {
  const m = REDDIT_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/**
 * Reddit stores markdown with &, < and > escaped as entities, as its API returns it
 * (unconfirmed for the export; unescaping text that wasn't escaped changes only a literal "&amp;").
 */
function unescapeBody(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** "/u/Maya", "u/maya" and "maya" are one user; names compare without case, as Reddit does. */
export function userKey(name: string): string {
  return name.trim().replace(/^\/?u\//i, '').toLowerCase();
}

function displayName(name: string): string {
  return name.trim().replace(/^\/?u\//i, '');
}

const isRemoved = (body: string) => /^\[(deleted|removed)\]$/i.test(body.trim());

async function kindOf(file: ImportFile): Promise<RedditFileKind | undefined> {
  const name = baseName(file.path);
  for (const [kind, spec] of Object.entries(FILES) as [RedditFileKind, (typeof FILES)[RedditFileKind]][]) {
    if (!spec.name.test(name)) continue;
    const head = await file.head(4096);
    if (head.includes('\u0000')) return undefined;
    const table = parseCsv(head.split(/\r?\n/, 1)[0] ?? '');
    return spec.headers.every((h) => column(table, [h]) >= 0) ? kind : undefined;
  }
  return undefined;
}

async function detect(files: readonly ImportFile[]): Promise<boolean> {
  for (const file of files) if (await kindOf(file)) return true;
  return false;
}

interface Tally {
  skipped: Record<string, number>;
  warnings: string[];
}

function count(tally: Tally, reason: string, n = 1): void {
  tally.skipped[reason] = (tally.skipped[reason] ?? 0) + n;
}

async function readTable(file: ImportFile): Promise<CsvTable> {
  const table = parseCsv(await file.text());
  const broken = table.errors.find((e) => /quote/i.test(e.message));
  if (broken) {
    throw new ImportFormatError(
      baseName(file.path),
      `${file.path}, row ${broken.row}: a quoted cell never closes (a quote mark is missing or the file was cut off), so the rows after it can't be told apart. Request your Reddit data again and import the new zip.`,
    );
  }
  return table;
}

/** Column indexes by name; a missing required one stops the import with the header it found. */
function columns<K extends string>(file: ImportFile, table: CsvTable, required: readonly K[], optional: readonly string[] = []): Record<K, number> & Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of [...required, ...optional]) out[name] = column(table, [name]);
  const missing = required.filter((name) => out[name]! < 0);
  if (missing.length) {
    throw new ImportFormatError(
      baseName(file.path),
      `${file.path}, header row: no ${missing.map((m) => `"${m}"`).join(' or ')} column (found "${table.headers.join(', ')}"), so this is not the file Reddit's export names this way. Import the zip Reddit sent as it is.`,
    );
  }
  return out as Record<K, number> & Record<string, number>;
}

const cellOf = (row: readonly string[], col: number | undefined) => (col !== undefined && col >= 0 ? (row[col] ?? '') : '');

/** comments.csv and its parts: the creator's own comments, once each. */
async function readComments(files: ImportFile[], seen: Set<string>, tally: Tally, signal?: AbortSignal): Promise<ImportedReply[]> {
  const out: ImportedReply[] = [];
  for (const file of files) {
    const table = await readTable(file);
    const col = columns(file, table, ['id', 'body'], ['date', 'media']);
    table.rows.forEach((row, i) => {
      if (i % 1000 === 0) signal?.throwIfAborted();
      const id = cellOf(row, col.id).trim();
      if (id && seen.has(`c:${id}`)) return;
      if (id) seen.add(`c:${id}`);
      const body = unescapeBody(cellOf(row, col.body)).trim();
      if (isRemoved(body)) return count(tally, SKIP.deleted);
      if (!body) return count(tally, cellOf(row, col.media).trim() ? SKIP.mediaOnly : SKIP.empty);
      if (body.length > MAX_REPLY_CHARS) return count(tally, SKIP.longComment);
      const date = parseRedditDate(cellOf(row, col.date));
      out.push({ reply: body, platform: 'reddit', kind: 'comment', ...(date !== undefined ? { date } : {}), ...(id ? { sourceId: id } : {}) });
    });
  }
  return out;
}

interface Conversation {
  messages: ThreadMessage[];
  /** Everyone who sent or received a message in it (user keys → names as written). */
  people: Map<string, string>;
  group: boolean;
}

function conversation(map: Map<string, Conversation>, key: string): Conversation {
  let found = map.get(key);
  if (!found) map.set(key, (found = { messages: [], people: new Map(), group: false }));
  return found;
}

function addPerson(conv: Conversation, name: string): void {
  const trimmed = displayName(name);
  if (trimmed && !conv.people.has(userKey(trimmed))) conv.people.set(userKey(trimmed), trimmed);
}

/** messages.csv / messages_archive.csv (and parts): private messages by thread, once each. */
async function readMessages(files: ImportFile[], into: Map<string, Conversation>, seen: Set<string>, tally: Tally, signal?: AbortSignal): Promise<void> {
  for (const file of files) {
    const table = await readTable(file);
    const col = columns(file, table, ['id', 'from', 'body'], ['thread_id', 'to', 'date']);
    table.rows.forEach((row, i) => {
      if (i % 1000 === 0) signal?.throwIfAborted();
      const id = cellOf(row, col.id).trim();
      if (id && seen.has(`m:${id}`)) return;
      if (id) seen.add(`m:${id}`);
      const from = displayName(cellOf(row, col.from));
      const to = displayName(cellOf(row, col.to));
      // A thread's first message may have no thread id (unconfirmed): its replies carry its id.
      const key = `m:${cellOf(row, col.thread_id).trim() || id || [userKey(from), userKey(to)].sort().join('\u0000')}`;
      const conv = conversation(into, key);
      addPerson(conv, from);
      addPerson(conv, to);
      const body = unescapeBody(cellOf(row, col.body)).trim();
      if (isRemoved(body)) return count(tally, SKIP.deleted);
      conv.messages.push({ sender: from, text: body, date: parseRedditDate(cellOf(row, col.date)) ?? UNDATED, ...(id ? { id } : {}) });
    });
  }
}

/** chat_history.csv (and parts): chat messages by channel; a channel of more than two is a group. */
async function readChats(files: ImportFile[], into: Map<string, Conversation>, seen: Set<string>, tally: Tally, signal?: AbortSignal): Promise<void> {
  for (const file of files) {
    const table = await readTable(file);
    const col = columns(file, table, ['message_id', 'username', 'message', 'channel_url'], ['created_at', 'conversation_type']);
    table.rows.forEach((row, i) => {
      if (i % 1000 === 0) signal?.throwIfAborted();
      const id = cellOf(row, col.message_id).trim();
      if (id && seen.has(`chat:${id}`)) return;
      if (id) seen.add(`chat:${id}`);
      const conv = conversation(into, `chat:${cellOf(row, col.channel_url).trim()}`);
      const sender = displayName(cellOf(row, col.username));
      addPerson(conv, sender);
      // conversation_type values are unconfirmed; anything naming a group or community is one.
      if (/group|community|channel/i.test(cellOf(row, col.conversation_type))) conv.group = true;
      const text = unescapeBody(cellOf(row, col.message)).trim();
      if (isRemoved(text)) return count(tally, SKIP.deleted);
      conv.messages.push({ sender, text, date: parseRedditDate(cellOf(row, col.created_at)) ?? UNDATED, ...(id ? { id } : {}) });
    });
  }
}

/** statistics.csv's "account name" row, the only place the export names its owner [R1]. */
async function accountName(files: ImportFile[]): Promise<string | undefined> {
  for (const file of files) {
    const table = await readTable(file);
    const stat = column(table, ['statistic']);
    const value = column(table, ['value']);
    const row = table.rows.find((r) => (r[stat] ?? '').trim().toLowerCase() === 'account name');
    const name = row ? displayName(row[value] ?? '') : '';
    if (name) return name;
  }
  return undefined;
}

/**
 * Without statistics.csv: the account's owner is in every conversation of its export, so a single
 * username shared by two or more conversations with different people is the creator. One
 * conversation can't tell its two people apart: then nobody is chosen.
 */
function ownerOfEveryConversation(conversations: Conversation[]): string | undefined {
  if (conversations.length < 2) return undefined;
  let common: Set<string> | undefined;
  for (const conv of conversations) {
    const keys = new Set(conv.people.keys());
    common = common ? new Set([...common].filter((k) => keys.has(k))) : keys;
  }
  if (common?.size !== 1) return undefined;
  const [key] = common;
  return conversations[0]!.people.get(key!);
}

/** Everyone who wrote a message, most messages first, for the creator to pick from. */
function candidates(conversations: Conversation[]): string[] {
  const counts = new Map<string, { name: string; n: number }>();
  for (const conv of conversations) {
    for (const m of conv.messages) {
      const key = userKey(m.sender);
      if (!key) continue;
      const entry = counts.get(key) ?? { name: m.sender, n: 0 };
      entry.n += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)).map((e) => e.name);
}

function pairConversations(conversations: Conversation[], creator: string, tally: Tally): ImportedReply[] {
  const creatorKey = userKey(creator);
  const out: ImportedReply[] = [];
  for (const conv of conversations) {
    // Spell the creator one way, so "Maya" and "maya" are one sender to pairThread.
    const messages = conv.messages.map((m) => (userKey(m.sender) === creatorKey ? { ...m, sender: creator } : m));
    const group = conv.group || conv.people.size > 2;
    for (const pair of pairThread(messages, creator, 'reddit', { group })) {
      if (pair.date === UNDATED) delete pair.date;
      if (pair.reply.length > MAX_REPLY_CHARS) {
        count(tally, SKIP.longMessage);
        continue;
      }
      if (pair.incoming && pair.incoming.length > MAX_COMMENT_CHARS) {
        count(tally, SKIP.longIncoming);
        pair.incoming = pair.incoming.slice(0, MAX_COMMENT_CHARS);
      }
      out.push(pair);
    }
  }
  return out;
}

function byDateThenId(a: ImportedReply, b: ImportedReply): number {
  return (a.date ?? Infinity) - (b.date ?? Infinity) || (a.sourceId ?? '').localeCompare(b.sourceId ?? '');
}

/** messages.csv before messages_1.csv, messages_2.csv… */
function byPath(a: ImportFile, b: ImportFile): number {
  return a.path.localeCompare(b.path, 'en', { numeric: true });
}

async function parse(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const { signal } = options;
  const byKind: Record<RedditFileKind, ImportFile[]> = { comments: [], messages: [], chat: [], statistics: [] };
  for (const file of files) {
    const kind = await kindOf(file);
    if (kind) byKind[kind].push(file);
  }
  for (const list of Object.values(byKind)) list.sort(byPath);
  if (!byKind.comments.length && !byKind.messages.length && !byKind.chat.length) {
    const name = byKind.statistics[0] ? baseName(byKind.statistics[0].path) : files[0] ? baseName(files[0].path) : 'Reddit export';
    throw new ImportFormatError(
      name,
      `${name}: no comments.csv, messages.csv or chat_history.csv with Reddit's columns was found, and those hold your replies. Import the whole zip Reddit sent ("Request your data" in Reddit's settings), not a single file from it.`,
    );
  }

  const tally: Tally = { skipped: {}, warnings: [] };
  const seen = new Set<string>();
  const comments = await readComments(byKind.comments, seen, tally, signal);
  const conversationsById = new Map<string, Conversation>();
  await readMessages(byKind.messages, conversationsById, seen, tally, signal);
  await readChats(byKind.chat, conversationsById, seen, tally, signal);
  const conversations = [...conversationsById.values()].filter((c) => c.messages.length);

  const creator = options.creator?.trim() || (await accountName(byKind.statistics)) || ownerOfEveryConversation(conversations);
  const dms = conversations.length && creator ? pairConversations(conversations, creator, tally) : [];

  if (comments.length) {
    tally.warnings.push(
      `Reddit's export holds only your own comments, not what they answered, so ${comments.length === 1 ? '1 comment comes' : `${thousands(comments.length)} comments come`} in without the comment or post it replied to.`,
    );
  }
  return {
    format: reddit.id,
    replies: [...comments, ...dms].sort(byDateThenId),
    skipped: tally.skipped,
    warnings: tally.warnings,
    ...(conversations.length && !creator ? { needsCreator: { candidates: candidates(conversations) } } : {}),
  };
}

export const reddit: Importer = { id: 'reddit', label, detect, parse };
