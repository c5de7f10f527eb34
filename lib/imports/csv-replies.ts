/**
 * A CSV of the creator's own replies, kept in a spreadsheet or exported from another tool: the
 * catch-all format, so it is tried last (registry.ts). Its columns are found by loose header
 * names (issue 12): what was answered (incoming / comment / message / question), the reply
 * (reply / response / answer), platform / site, date and topic; any delimiter papaparse can
 * detect, quoted newlines and a BOM.
 *
 * Detection is strict: the file must have a reply column and none of the columns that mark a
 * platform's own export (YouTube's "Comment ID", Reddit's "permalink", LinkedIn's "CONVERSATION
 * ID"), so a platform CSV is never read as a generic one.
 *
 * A row without a platform (no platform column, a blank cell, or a site Understudy doesn't know)
 * is kept without one, as profile examples may be: the replies are the creator's voice whatever
 * the site, and the preview can ask where they belong. Nothing is invented.
 */
import { MAX_COMMENT_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import { SITE_IDS, type SiteId } from '../core/sites';
import { headerKey, parseCsv, type CsvTable } from './csv';
import { baseName } from './files';
import { ImportFormatError, type ImportFile, type ImportOptions, type ImportResult, type ImportedReply, type ReplyKind, type Importer } from './types';

export const label = 'CSV of replies';

const TEXT_FILE = /\.(csv|tsv|txt)$/i;

/**
 * Loose header names per column: exact names first, then words a header may contain ("My reply",
 * "Comment text"). A header already taken by an earlier column is not reused.
 */
const COLUMNS = {
  reply: { exact: ['reply', 'response', 'answer', 'my reply', 'your reply', 'reply text', 'creator reply'], contains: ['reply', 'response', 'answer'] },
  incoming: {
    exact: ['incoming', 'comment', 'message', 'question', 'incoming comment', 'incoming message', 'original', 'original comment', 'in reply to', 'prompt'],
    contains: ['incoming', 'comment', 'message', 'question'],
  },
  platform: { exact: ['platform', 'site', 'network', 'social network', 'source'], contains: ['platform'] },
  date: { exact: ['date', 'time', 'timestamp', 'created at', 'created', 'posted at', 'sent at', 'datetime'], contains: ['date', 'time'] },
  topic: { exact: ['topic', 'category', 'tag', 'subject'], contains: ['topic', 'category'] },
  kind: { exact: ['kind', 'type'], contains: [] },
  author: { exact: ['author', 'from', 'commenter', 'incoming author', 'asked by'], contains: ['author', 'commenter'] },
  id: { exact: ['id', 'reply id'], contains: [] },
} satisfies Record<string, { exact: string[]; contains: string[] }>;

type Column = keyof typeof COLUMNS;

/** Headers that only a platform's own export has: such a file belongs to its importer. */
const FOREIGN_HEADERS = ['comment id', 'permalink', 'parent', 'conversation id', 'sender profile url', 'thread id', 'channel id', 'video id', 'id str'].map(headerKey);

/** "in reply to" names what was answered, not the reply. */
const NOT_A_REPLY = ['inreplyto', 'replyto', 'replyingto'];

export function findColumns(headers: readonly string[]): Partial<Record<Column, number>> {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const out: Partial<Record<Column, number>> = {};
  for (const [name, spec] of Object.entries(COLUMNS) as [Column, { exact: string[]; contains: string[] }][]) {
    const exact = spec.exact.map(headerKey);
    let at = keys.findIndex((key, i) => !taken.has(i) && exact.includes(key));
    if (at < 0) {
      at = keys.findIndex(
        (key, i) => !taken.has(i) && spec.contains.some((word) => key.includes(word)) && !(name === 'reply' && NOT_A_REPLY.some((bad) => key.includes(bad))),
      );
    }
    if (at >= 0) {
      out[name] = at;
      taken.add(at);
    }
  }
  return out;
}

function isRepliesTable(headers: readonly string[]): boolean {
  const keys = headers.map(headerKey);
  if (keys.some((key) => FOREIGN_HEADERS.includes(key))) return false;
  return findColumns(headers).reply !== undefined;
}

/** UTF-16 text read as UTF-8 shows a NUL after every ASCII letter; Excel's "Unicode text" is UTF-16. */
const looksUtf16 = (head: string) => /^(\uFFFD\uFFFD)?([^\u0000]\u0000){4}/.test(head) || /^(\uFFFD\uFFFD)?(\u0000[^\u0000]){4}/.test(head);

type Verdict = 'replies' | 'utf16' | undefined;

async function classify(file: ImportFile): Promise<Verdict> {
  if (!TEXT_FILE.test(baseName(file.path))) return undefined;
  const head = await file.head(4096);
  if (looksUtf16(head)) return 'utf16';
  if (head.includes('\u0000')) return undefined;
  // Only the header row matters here: a cut in the middle of a later row is harmless.
  const firstLines = head.split(/\r?\n/).slice(0, 20).join('\n');
  const table = parseCsv(firstLines);
  return isRepliesTable(table.headers) ? 'replies' : undefined;
}

async function detect(files: readonly ImportFile[]): Promise<boolean> {
  for (const file of files) if (await classify(file)) return true;
  return false;
}

/** Names creators write in a platform column, by loose key. */
const PLATFORM_ALIASES: Record<string, SiteId> = {
  yt: 'youtube',
  youtubecom: 'youtube',
  youtubeshorts: 'youtube',
  youtubestudio: 'youtube',
  ig: 'instagram',
  insta: 'instagram',
  instagramcom: 'instagram',
  twitter: 'x',
  xcom: 'x',
  twittercom: 'x',
  xtwitter: 'x',
  tiktokcom: 'tiktok',
  tt: 'tiktok',
  fb: 'facebook',
  facebookcom: 'facebook',
  messenger: 'facebook',
  linkedincom: 'linkedin',
  li: 'linkedin',
  redditcom: 'reddit',
  threadsnet: 'threads',
  threadscom: 'threads',
  bsky: 'bluesky',
  bskyapp: 'bluesky',
  blueskysocial: 'bluesky',
};

export function platformFromCell(value: string): SiteId | undefined {
  const key = headerKey(value);
  if (!key) return undefined;
  return (SITE_IDS as readonly string[]).includes(key) ? (key as SiteId) : PLATFORM_ALIASES[key];
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO dates ("2024-03-01", "2024-03-01T09:30:00Z", "2024-03-01 09:30"), a time without a zone
 * read as UTC; epoch seconds or milliseconds. "03/01/2024" is refused: day and month can't be told apart.
 */
export function parseCsvDate(value: string): number | undefined {
  const text = value.trim();
  if (/^\d{10}$|^\d{13}$/.test(text)) return text.length === 13 ? Number(text) : Number(text) * 1000;
  const day = DATE_ONLY.exec(text);
  if (day) return validDate(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])), day.slice(1, 4));
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  let time = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6), ms);
  const zone = m[8];
  if (zone && !/^(z|utc)$/i.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return validDate(time, m.slice(1, 4));
}

/** "2024-02-31" rolls over in Date.UTC: refuse it instead. */
function validDate(time: number, [y, mo, d]: (string | undefined)[]): number | undefined {
  const check = new Date(time);
  return check.getUTCFullYear() === Number(y) && check.getUTCMonth() === Number(mo) - 1 && check.getUTCDate() === Number(d) ? time : undefined;
}

const DM_KINDS = new Set(['dm', 'dms', 'directmessage', 'message', 'private', 'privatemessage', 'chat', 'inbox']);
const kindFromCell = (value: string): ReplyKind => (DM_KINDS.has(headerKey(value)) ? 'dm' : 'comment');

function stopIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The import was cancelled.', 'AbortError');
}

function count(skipped: Record<string, number>, reason: string, n = 1): void {
  if (n > 0) skipped[reason] = (skipped[reason] ?? 0) + n;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function readTable(file: ImportFile, text: string): CsvTable {
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    throw new ImportFormatError(
      file.path,
      `${file.path}, line ${line}: the text is not UTF-8 (letters such as é or emoji would come out garbled). Save it again as "CSV UTF-8" from your spreadsheet app and drop the new file.`,
    );
  }
  const table = parseCsv(text);
  const quoting = table.errors.find((e) => /quote/i.test(e.message));
  if (quoting) {
    throw new ImportFormatError(
      file.path,
      `${file.path}, row ${quoting.row} (counting the header as row 1): a quoted field is never closed or has a stray quote, so the rows after it can't be read. Put the text in that row's cells between plain double quotes ("…"), writing a quote inside as "".`,
    );
  }
  if (!isRepliesTable(table.headers)) {
    throw new ImportFormatError(
      file.path,
      `${file.path} has no column for your replies: name one "reply", "response" or "answer" (and, if you have them, "incoming", "platform", "date", "topic").`,
    );
  }
  return table;
}

interface Tally {
  unknownPlatforms: Map<string, number>;
  badDates: number;
}

function readRows(table: CsvTable, skipped: Record<string, number>, tally: Tally, signal?: AbortSignal): ImportedReply[] {
  const at = findColumns(table.headers);
  const get = (row: readonly string[], name: Column) => (at[name] === undefined ? '' : (row[at[name]!] ?? '').trim());
  const out: ImportedReply[] = [];
  table.rows.forEach((row, i) => {
    if (i % 5000 === 0) stopIfAborted(signal);
    const reply = get(row, 'reply');
    if (!reply) {
      count(skipped, 'rows without a reply');
      return;
    }
    if (reply.length > MAX_REPLY_CHARS) {
      count(skipped, `replies longer than ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters`);
      return;
    }
    const item: ImportedReply = { reply, kind: kindFromCell(get(row, 'kind')) };
    let incoming = get(row, 'incoming');
    if (incoming.length > MAX_COMMENT_CHARS) {
      count(skipped, `messages answered cut to ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters`);
      incoming = incoming.slice(0, MAX_COMMENT_CHARS);
    }
    if (incoming) item.incoming = incoming;
    const author = get(row, 'author');
    if (incoming && author) item.incomingAuthor = author;
    const platformText = get(row, 'platform');
    const platform = platformFromCell(platformText);
    if (platform) item.platform = platform;
    else if (platformText) tally.unknownPlatforms.set(platformText, (tally.unknownPlatforms.get(platformText) ?? 0) + 1);
    const dateText = get(row, 'date');
    const date = dateText ? parseCsvDate(dateText) : undefined;
    if (date !== undefined) item.date = date;
    else if (dateText) tally.badDates += 1;
    const topic = get(row, 'topic');
    if (topic) item.topic = topic;
    const id = get(row, 'id');
    if (id) item.sourceId = id;
    out.push(item);
  });
  return out;
}

/** The same row twice (a file dropped twice, a pasted block) is one reply. */
function dedupe(replies: readonly ImportedReply[], skipped: Record<string, number>): ImportedReply[] {
  const seen = new Set<string>();
  return replies.filter((reply) => {
    const key = reply.sourceId ? `id\u0000${reply.sourceId}` : `${reply.platform ?? ''}\u0000${reply.incoming ?? ''}\u0000${reply.reply}`;
    if (seen.has(key)) {
      count(skipped, 'duplicates');
      return false;
    }
    seen.add(key);
    return true;
  });
}

async function parse(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const skipped: Record<string, number> = {};
  const warnings: string[] = [];
  let replies: ImportedReply[] = [];
  let read = 0;
  for (const file of files) {
    const verdict = await classify(file);
    if (verdict === 'utf16') {
      throw new ImportFormatError(
        file.path,
        `${file.path} is saved as UTF-16 ("Unicode text"), which Understudy doesn't read. Save it again as "CSV UTF-8" from your spreadsheet app and drop the new file.`,
      );
    }
    if (!verdict) continue;
    stopIfAborted(options.signal);
    const table = readTable(file, await file.text());
    const tally: Tally = { unknownPlatforms: new Map(), badDates: 0 };
    replies.push(...readRows(table, skipped, tally, options.signal));
    read += 1;
    for (const [name, n] of tally.unknownPlatforms) {
      warnings.push(`${file.path}: "${name}" (${plural(n, 'row')}) is not a platform Understudy knows, so those replies were kept without a platform.`);
    }
    if (tally.badDates) {
      warnings.push(`${file.path}: ${plural(tally.badDates, 'date')} could not be read and ${tally.badDates === 1 ? 'was' : 'were'} left empty; write dates like 2024-03-01 or 2024-03-01T09:30:00Z.`);
    }
  }
  if (!read) {
    const file = files.find((f) => TEXT_FILE.test(f.path)) ?? files[0];
    const name = file?.path ?? 'The file';
    throw new ImportFormatError(name, `${name} has no column for your replies: name one "reply", "response" or "answer" (and, if you have them, "incoming", "platform", "date", "topic").`);
  }
  replies = dedupe(replies, skipped);
  // Undated rows keep the file's order, after the dated ones.
  replies = replies
    .map((reply, i) => ({ reply, i }))
    .sort((a, b) => (a.reply.date ?? Infinity) - (b.reply.date ?? Infinity) || a.i - b.i)
    .map(({ reply }) => reply);
  return { format: 'csv', replies, skipped, warnings };
}

export const csvRepliesImporter: Importer = { id: 'csv', label, detect, parse };
