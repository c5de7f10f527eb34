/**
 * LinkedIn's "Get a copy of your data": a zip of CSVs (exports-reference.md, "LinkedIn"). The
 * creator's words are in Comments.csv (Date, Link, Message: comments on posts, without the post's
 * text, so they stay standalone) and messages.csv (one row per message, grouped by CONVERSATION
 * ID). Who the creator is comes from Profile.csv (first + last name, matched against FROM, then
 * known by their SENDER PROFILE URL, which tells two people of one name apart); without it we ask.
 *
 * LinkedIn files can open with a notes preamble before the header, names can carry UTF-8 read as
 * Latin-1 ("JosÃ©"), and text fields span lines; columns are found by name, never by position.
 */
import { MAX_COMMENT_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import { column, parseCsv, type CsvTable } from './csv';
import { baseName } from './files';
import { repairMojibake } from './mojibake';
import { pairThread, type ThreadMessage } from './pair-dms';
import { ImportFormatError, type ImportFile, type ImportOptions, type ImportResult, type ImportedReply, type Importer } from './types';

export const label = 'LinkedIn data copy';

/** "Comments.csv", a browser's second copy "Comments (1).csv", a split "Comments_2.csv". */
const COMMENTS_FILE = /^comments(?:_\d+|\s?\(\d+\))?\.csv$/i;
/** "messages.csv" (some tools expect "Messages.csv"); not guide_messages.csv or learning_coach_messages.csv. */
const MESSAGES_FILE = /^messages(?:_\d+|\s?\(\d+\))?\.csv$/i;
const PROFILE_FILE = /^profile(?:\s?\(\d+\))?\.csv$/i;

const COMMENT_HEADERS = { date: ['Date'], link: ['Link'], message: ['Message'] };
const MESSAGE_HEADERS = {
  conversation: ['CONVERSATION ID'],
  from: ['FROM'],
  senderUrl: ['SENDER PROFILE URL'],
  to: ['TO'],
  recipientUrls: ['RECIPIENT PROFILE URLS'],
  date: ['DATE'],
  content: ['CONTENT'],
  folder: ['FOLDER'],
  draft: ['IS MESSAGE DRAFT'],
  attachments: ['ATTACHMENTS'],
};

type Kind = 'comments' | 'messages' | 'profile';

interface Found {
  file: ImportFile;
  kind: Kind;
}

function kindByName(path: string): Kind | undefined {
  const name = baseName(path);
  if (COMMENTS_FILE.test(name)) return 'comments';
  if (MESSAGES_FILE.test(name)) return 'messages';
  if (PROFILE_FILE.test(name)) return 'profile';
  return undefined;
}

const has = (table: CsvTable, ...names: string[]) => names.every((name) => column(table, [name]) >= 0);

/**
 * A file's header says whose it is: YouTube's comments.csv has "Comment ID", Reddit's has
 * "permalink" and "parent", Reddit's messages.csv has "thread_id"; LinkedIn's have these.
 */
function headerFits(kind: Kind, table: CsvTable): boolean {
  if (kind === 'comments') return has(table, 'Date', 'Link', 'Message') && !has(table, 'Comment ID') && !has(table, 'permalink');
  if (kind === 'messages') return has(table, 'CONVERSATION ID', 'FROM', 'SENDER PROFILE URL', 'CONTENT');
  return has(table, 'First Name', 'Last Name', 'Headline');
}

const EXPECTED: Record<Kind, string[]> = {
  comments: ['Message', 'Link'],
  messages: ['CONVERSATION ID', 'SENDER PROFILE URL'],
  profile: ['First Name', 'Headline'],
};

async function classify(file: ImportFile): Promise<Found | undefined> {
  const kind = kindByName(file.path);
  if (!kind) return undefined;
  const head = await file.head(4096);
  if (head.includes('\u0000')) return undefined;
  return headerFits(kind, parseCsv(head, { expectHeader: EXPECTED[kind] })) ? { file, kind } : undefined;
}

async function detect(files: readonly ImportFile[]): Promise<boolean> {
  for (const file of files) {
    const found = await classify(file);
    if (found && found.kind !== 'profile') return true;
  }
  return false;
}

const LINKEDIN_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*UTC|Z)?$/i;

/** "2023-06-11 15:33:58 UTC" in messages, "2023-06-11 15:33:58" (UTC too, inference) in Comments.csv. */
export function parseLinkedInDate(value: string): number | undefined {
  const m = LINKEDIN_DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s = 0] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number?];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function stopIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The import was cancelled.', 'AbortError');
}

function count(skipped: Record<string, number>, reason: string, n = 1): void {
  if (n > 0) skipped[reason] = (skipped[reason] ?? 0) + n;
}

/** Broken quoting makes every later row wrong: stop and name the row rather than guess. */
function readTable(file: ImportFile, text: string, kind: Kind): CsvTable {
  const table = parseCsv(text, { expectHeader: EXPECTED[kind] });
  const quoting = table.errors.find((e) => /quote/i.test(e.message));
  if (quoting) {
    throw new ImportFormatError(
      file.path,
      `${file.path}, row ${quoting.row} (counting the header as row 1): a quoted field is never closed, so the rows after it can't be read. Download your LinkedIn data again, or fix the quotes in that row.`,
    );
  }
  if (!headerFits(kind, table)) {
    throw new ImportFormatError(file.path, `${file.path} does not have LinkedIn's columns (${EXPECTED[kind].join(', ')}): it is not a file from LinkedIn's "Get a copy of your data".`);
  }
  return table;
}

const cell = (row: readonly string[], at: number) => (at >= 0 ? (row[at] ?? '').trim() : '');

function readComments(file: ImportFile, table: CsvTable, skipped: Record<string, number>): ImportedReply[] {
  const at = {
    date: column(table, COMMENT_HEADERS.date),
    message: column(table, COMMENT_HEADERS.message),
  };
  const out: ImportedReply[] = [];
  for (const row of table.rows) {
    const date = parseLinkedInDate(cell(row, at.date));
    const text = repairMojibake(cell(row, at.message));
    const last = out[out.length - 1];
    // A row without a date that follows a comment is the rest of a message whose line break
    // LinkedIn did not quote (tsimms re-joins rows the same way).
    if (date === undefined && last && row.length < table.headers.length) {
      last.reply = `${last.reply}\n${repairMojibake(row.join(',')).trim()}`;
      continue;
    }
    if (!text) {
      count(skipped, 'comments without text');
      continue;
    }
    out.push({ reply: text, platform: 'linkedin', kind: 'comment', ...(date === undefined ? {} : { date }) });
  }
  if (!out.length && table.rows.length) {
    throw new ImportFormatError(file.path, `${file.path} has no comment text in its "Message" column.`);
  }
  return out;
}

interface Message extends ThreadMessage {
  conversation: string;
  name: string;
  url: string;
  recipients: number;
}

/** LinkedIn profile URLs differ in scheme, "www." and a trailing slash between rows. */
const normalizeUrl = (url: string) => url.trim().toLowerCase().replace(/^https?:\/\/(www\.)?/, '').replace(/\/+$/, '');
const normalizeName = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

function readMessages(table: CsvTable, skipped: Record<string, number>): Message[] {
  const at = Object.fromEntries(Object.entries(MESSAGE_HEADERS).map(([key, names]) => [key, column(table, names)])) as Record<
    keyof typeof MESSAGE_HEADERS,
    number
  >;
  const out: Message[] = [];
  for (const row of table.rows) {
    if (/^(yes|true)$/i.test(cell(row, at.draft))) {
      count(skipped, 'unsent drafts');
      continue;
    }
    if (/spam/i.test(cell(row, at.folder))) {
      count(skipped, 'messages in the spam folder');
      continue;
    }
    const text = repairMojibake(cell(row, at.content));
    if (!text) {
      count(skipped, cell(row, at.attachments) ? 'media-only messages' : 'empty messages');
      continue;
    }
    const date = parseLinkedInDate(cell(row, at.date));
    const name = repairMojibake(cell(row, at.from));
    const url = normalizeUrl(cell(row, at.senderUrl));
    if (date === undefined || (!name && !url)) {
      count(skipped, 'messages without a date or sender');
      continue;
    }
    const recipients = cell(row, at.recipientUrls).split(/[;,]/).filter((u) => u.trim()).length;
    out.push({ conversation: cell(row, at.conversation), sender: url || normalizeName(name), name, url, text, date, recipients });
  }
  return out;
}

function profileName(table: CsvTable): string | undefined {
  const row = table.rows[0];
  if (!row) return undefined;
  const name = [cell(row, column(table, ['First Name'])), cell(row, column(table, ['Last Name']))].filter(Boolean).join(' ');
  return name ? repairMojibake(name) : undefined;
}

/** The creator's sender keys: their profile URL(s) where FROM carries their name, or the name itself. */
function creatorKeys(messages: readonly Message[], creator: string): Set<string> {
  const wanted = normalizeName(creator);
  const wantedUrl = normalizeUrl(creator);
  const keys = new Set<string>();
  for (const m of messages) {
    if (normalizeName(m.name) === wanted || (m.url && m.url === wantedUrl)) keys.add(m.sender);
  }
  return keys;
}

/** Sender names, the one in most conversations first (the creator is in all of theirs). */
function candidates(messages: readonly Message[]): string[] {
  const conversations = new Map<string, Set<string>>();
  for (const m of messages) {
    const name = m.name || m.url;
    const set = conversations.get(name) ?? new Set<string>();
    set.add(m.conversation);
    conversations.set(name, set);
  }
  return [...conversations.entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0])).map(([name]) => name);
}

function pairConversations(messages: readonly Message[], keys: ReadonlySet<string>, signal?: AbortSignal): ImportedReply[] {
  const byConversation = new Map<string, Message[]>();
  for (const m of messages) {
    const list = byConversation.get(m.conversation) ?? [];
    list.push(m);
    byConversation.set(m.conversation, list);
  }
  const CREATOR = '\u0000creator';
  const out: ImportedReply[] = [];
  for (const list of byConversation.values()) {
    stopIfAborted(signal);
    const senders = new Set(list.map((m) => m.sender));
    const group = senders.size > 2 || list.some((m) => m.recipients > 1);
    // pairThread names the other person by sender: give it names, and one key for the creator.
    const names = new Map(list.map((m) => [m.sender, m.name || m.url]));
    const thread = list.map((m) => ({ sender: keys.has(m.sender) ? CREATOR : m.sender, text: m.text, date: m.date }));
    for (const reply of pairThread(thread, CREATOR, 'linkedin', { group })) {
      if (reply.incomingAuthor) reply.incomingAuthor = names.get(reply.incomingAuthor) ?? reply.incomingAuthor;
      out.push(reply);
    }
  }
  return out;
}

/** A reply over the profile limit is left out; an over-long message it answered is cut. */
function withinLimits(replies: ImportedReply[], skipped: Record<string, number>): ImportedReply[] {
  return replies.filter((reply) => {
    if (reply.reply.length > MAX_REPLY_CHARS) {
      count(skipped, `replies longer than ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters`);
      return false;
    }
    if (reply.incoming && reply.incoming.length > MAX_COMMENT_CHARS) {
      count(skipped, `messages answered cut to ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters`);
      reply.incoming = reply.incoming.slice(0, MAX_COMMENT_CHARS);
    }
    return true;
  });
}

/** The same file dropped twice, or split files that overlap, give one copy of each reply. */
function dedupe(replies: readonly ImportedReply[], skipped: Record<string, number>): ImportedReply[] {
  const seen = new Set<string>();
  return replies.filter((reply) => {
    const key = `${reply.kind}\u0000${reply.date ?? ''}\u0000${reply.reply}`;
    if (seen.has(key)) {
      count(skipped, 'duplicates');
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Rows repeated across split or twice-dropped messages files are one message. */
function dedupeMessages(messages: readonly Message[]): Message[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = `${m.conversation}\u0000${m.sender}\u0000${m.date}\u0000${m.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function parse(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const skipped: Record<string, number> = {};
  const warnings: string[] = [];
  const found: Found[] = [];
  for (const file of files) {
    const hit = await classify(file);
    if (hit) found.push(hit);
  }
  if (!found.some((f) => f.kind !== 'profile')) {
    const name = found[0]?.file.path ?? files[0]?.path ?? 'The files';
    throw new ImportFormatError(
      name,
      `${name}: no Comments.csv or messages.csv from LinkedIn was found. Request the full archive in LinkedIn's "Get a copy of your data" (or pick Comments and Messages) and drop the zip.`,
    );
  }

  let replies: ImportedReply[] = [];
  let messages: Message[] = [];
  let creator = options.creator;
  let messagesPath = '';
  for (const { file, kind } of found) {
    stopIfAborted(options.signal);
    const table = readTable(file, await file.text(), kind);
    if (kind === 'comments') replies.push(...readComments(file, table, skipped));
    else if (kind === 'messages') {
      messages.push(...readMessages(table, skipped));
      messagesPath ||= file.path;
    } else creator ??= profileName(table);
  }
  messages = dedupeMessages(messages);

  let needsCreator: ImportResult['needsCreator'];
  if (messages.length) {
    const keys = creator ? creatorKeys(messages, creator) : new Set<string>();
    if (keys.size) {
      replies.push(...pairConversations(messages, keys, options.signal));
    } else {
      if (creator) warnings.push(`${messagesPath}: your name "${creator}" is not a sender in your messages, so they were not paired: choose which sender is you.`);
      needsCreator = { candidates: candidates(messages) };
    }
  }

  replies = dedupe(withinLimits(replies, skipped), skipped);
  replies.sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  return { format: 'linkedin', replies, skipped, warnings, ...(needsCreator ? { needsCreator } : {}) };
}

export const linkedinImporter: Importer = { id: 'linkedin', label, detect, parse };
