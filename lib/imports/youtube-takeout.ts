/**
 * YouTube's part of a Google Takeout: the creator's own comments, from
 * "YouTube and YouTube Music/comments/comments.csv" (split as comments(1).csv… when large) and,
 * in exports made before the CSV, from my-comments/my-comments.html.
 * See exports-reference.md, "YouTube (Google Takeout)".
 *
 * Takeout names folders, files and even column headers in the account's language ("YouTube und
 * YouTube Music", reacties.csv with "Reactietekst"), and reorders and re-cases its columns
 * between years, so a comments file is recognised by its content: a comment-id column and a text
 * column whose cells are Takeout's JSON segments. Columns are found by their English or Dutch
 * names first, then, for a language we have no names for, by what their cells look like.
 *
 * Takeout holds only the creator's own comments: a reply's parent (what they answered) is not in
 * it, so every comment is a reply without `incoming`; the preview says so once.
 */
import { MAX_REPLY_CHARS } from '../core/limits';
import { baseName } from './files';
import { column, parseCsv, type CsvTable } from './csv';
import { ImportFormatError, type ImportFile, type ImportOptions, type ImportResult, type ImportedReply, type Importer } from './types';

export const label = 'YouTube comments (Google Takeout)';

/** Header names seen per column: English (three variants, matched loosely) and Dutch [Y1][Y2]. */
const HEADERS = {
  id: ['Comment ID', 'Reactie-ID'],
  channel: ['Channel ID', 'Kanaal-ID'],
  time: ['Comment Create Timestamp', 'Aanmaaktijdstempel reactie'],
  parent: ['Parent Comment ID'],
  text: ['Comment Text', 'Reactietekst'],
} as const;

/** The live-chat CSV has the same shape (and JSON cells) but holds chat lines, not comments. */
const LIVE_CHAT = /live[\s_-]?chat/i;

const COMMENT_ID = /^Ug[\w-]{10,}(\.[\w-]+)?$/;
const SEGMENTS_START = /^\s*\{\s*"(takeoutSegments|text|link)"/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

const SKIP_TOO_LONG = `comments longer than ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters`;
const SKIP_EMPTY = 'empty comments';
const SKIP_UNREADABLE = "comments whose text couldn't be read";

/** Epoch ms of Takeout's ISO 8601 times ("2023-09-19T17:42:53.434647+00:00", "…Z"), or undefined. */
export function parseTakeoutTime(value: string): number | undefined {
  const m = ISO_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offset = 0;
  if (!/^(Z|UTC)$/i.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - offset;
}

/**
 * Raw line breaks inside JSON strings are escaped: the CSV reader hands them over as real
 * newlines, which JSON.parse refuses inside a string [Y1 parse_csv.py].
 */
function escapeControlsInStrings(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i]!;
    if (inString && ch === '\\') {
      out += ch + (json[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    if (inString && ch < ' ') out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/**
 * The text of a comment cell. Before June 2024 it is `{"takeoutSegments":[{"text":…},…]}`;
 * since, segment objects joined by commas (`{"text":"> quote"},{"text":"\n"},{"text":"reply"}`),
 * read by wrapping them in brackets [Y2]; some third-party files hold plain text. Segments are
 * joined in order; a link segment's text is the link as it was shown. Undefined when a cell that
 * starts like JSON is not (cut off).
 */
export function commentText(cell: string): string | undefined {
  if (!SEGMENTS_START.test(cell)) return cell;
  let parsed: unknown;
  try {
    parsed = JSON.parse(`[${escapeControlsInStrings(cell.trim())}]`);
  } catch {
    return undefined;
  }
  const items = parsed as unknown[];
  const first = items[0] as { takeoutSegments?: unknown } | undefined;
  const segments = items.length === 1 && Array.isArray(first?.takeoutSegments) ? (first.takeoutSegments as unknown[]) : items;
  return segments.map((s) => (s && typeof (s as { text?: unknown }).text === 'string' ? (s as { text: string }).text : '')).join('');
}

interface CommentColumns {
  id: number;
  time: number;
  text: number;
  parent: number;
  channel: number;
}

/** The share of sampled rows whose cell in `col` passes `test` (empty cells count as failing). */
function share(table: CsvTable, col: number, test: (cell: string) => boolean): number {
  const sample = table.rows.slice(0, 50);
  if (!sample.length) return 0;
  return sample.filter((row) => test(row[col] ?? '')).length / sample.length;
}

function findByContent(table: CsvTable, test: (cell: string) => boolean, exclude: number[] = []): number {
  let best = -1;
  let bestShare = 0.5;
  table.headers.forEach((_, col) => {
    if (exclude.includes(col)) return;
    const s = share(table, col, test);
    if (s > bestShare) [best, bestShare] = [col, s];
  });
  return best;
}

/**
 * The columns of a comments table: by name, else by content. A comment's id is filled on every
 * row; a parent id column holds ids on replies only, each a prefix of its row's comment id.
 */
export function commentColumns(table: CsvTable): CommentColumns {
  let text = column(table, HEADERS.text);
  if (text < 0) text = findByContent(table, (c) => SEGMENTS_START.test(c));
  let time = column(table, HEADERS.time);
  if (time < 0) time = findByContent(table, (c) => ISO_TIME.test(c.trim()));
  let id = column(table, HEADERS.id);
  if (id < 0) {
    id = findByContent(table, (c) => COMMENT_ID.test(c), [text]);
    // When every row is a reply, the parent column is as full as the id column: the id is the
    // one that extends the other ("<parent>.<suffix>").
    const parentCol = id;
    const longer = parentCol < 0 || !table.rows.length ? -1 : table.headers.findIndex((_, col) => col !== parentCol && table.rows.every((row) => (row[col] ?? '').startsWith(`${row[parentCol] ?? ''}.`)));
    if (longer >= 0) id = longer;
  }
  let parent = column(table, HEADERS.parent);
  if (parent < 0 && id >= 0 && table.rows.length) {
    parent = table.headers.findIndex(
      (_, col) =>
        col !== id &&
        col !== text &&
        table.rows.every((row) => !row[col] || (COMMENT_ID.test(row[col]) && (row[id] ?? '').startsWith(`${row[col]}.`))) &&
        table.rows.some((row) => row[col]),
    );
  }
  return { id, time, text, parent, channel: column(table, HEADERS.channel) };
}

function looksBinary(head: string): boolean {
  return head.includes('\u0000');
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

/**
 * Takeout's folder keeps the brand name in every language ("YouTube und YouTube Music"); a file
 * dropped on its own keeps its (localized) name: comments.csv, comments(1).csv, reacties.csv.
 */
const COMMENTS_CSV_NAME = /^(comments|reacties|kommentare|commentaires|comentarios|comentários|commenti|коментарі|комментарии)(\s*\(\d+\))?\.csv$/i;

/** A comments CSV: a .csv under YouTube's folder or named like one, with an id and a JSON text column. */
async function isCommentsCsv(file: ImportFile): Promise<boolean> {
  if (!/\.csv$/i.test(file.path) || LIVE_CHAT.test(file.path)) return false;
  if (!/youtube/i.test(file.path) && !COMMENTS_CSV_NAME.test(baseName(file.path))) return false;
  const head = await file.head(8192);
  if (looksBinary(head) || LIVE_CHAT.test(firstLine(head))) return false;
  const table = parseCsv(head);
  const cols = commentColumns(table);
  return cols.id >= 0 && cols.text >= 0 && (column(table, HEADERS.text) >= 0 || table.rows.some((row) => SEGMENTS_START.test(row[cols.text] ?? '')));
}

/** The legacy HTML list: an .html in a comments folder whose items read "Sent at <date> … <br> text". */
async function isCommentsHtml(file: ImportFile): Promise<boolean> {
  if (!/\.html?$/i.test(file.path) || LIVE_CHAT.test(file.path)) return false;
  if (!/comment|kommentar|reactie|коментар|комментар/i.test(file.path)) return false;
  const head = await file.head(8192);
  return /<li\b/i.test(head) && /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/.test(head);
}

async function detect(files: readonly ImportFile[]): Promise<boolean> {
  for (const file of files) {
    if ((await isCommentsCsv(file)) || (await isCommentsHtml(file))) return true;
  }
  return false;
}

interface RawComment {
  id?: string;
  text: string;
  date?: number;
  isReply: boolean;
  channel?: string;
}

interface Tally {
  skipped: Record<string, number>;
  warnings: string[];
}

function count(tally: Tally, reason: string): void {
  tally.skipped[reason] = (tally.skipped[reason] ?? 0) + 1;
}

function refuseBrokenQuoting(file: ImportFile, table: CsvTable): void {
  const broken = table.errors.find((e) => /quote/i.test(e.message));
  if (broken) {
    throw new ImportFormatError(
      baseName(file.path),
      `${file.path}, row ${broken.row}: a quoted cell never closes (a quote mark is missing or the file was cut off), so the comments after it can't be told apart. Download the Takeout again and import the new file.`,
    );
  }
}

async function readCsvComments(file: ImportFile, tally: Tally, signal?: AbortSignal): Promise<RawComment[]> {
  const table = parseCsv(await file.text());
  refuseBrokenQuoting(file, table);
  const cols = commentColumns(table);
  if (cols.id < 0 || cols.text < 0) {
    throw new ImportFormatError(
      baseName(file.path),
      `${file.path}, header row: no comment id or comment text column (found "${table.headers.join(', ')}"), so this is not YouTube's comments file. In Google Takeout, export "YouTube and YouTube Music" with comments included and import that file.`,
    );
  }
  const out: RawComment[] = [];
  let firstUnreadable: number | undefined;
  table.rows.forEach((row, i) => {
    if (i % 1000 === 0) signal?.throwIfAborted();
    const text = commentText(row[cols.text] ?? '');
    if (text === undefined) {
      firstUnreadable ??= i + 2;
      return count(tally, SKIP_UNREADABLE);
    }
    const id = row[cols.id]?.trim();
    const parent = cols.parent >= 0 ? row[cols.parent]?.trim() : undefined;
    out.push({
      ...(id ? { id } : {}),
      text,
      date: cols.time >= 0 ? parseTakeoutTime(row[cols.time] ?? '') : undefined,
      isReply: Boolean(parent) || Boolean(id?.includes('.')),
      ...(cols.channel >= 0 && row[cols.channel] ? { channel: row[cols.channel] } : {}),
    });
  });
  if (firstUnreadable !== undefined) {
    tally.warnings.push(`${file.path}, row ${firstUnreadable}: a comment's text is cut off or garbled, so it was left out (${tally.skipped[SKIP_UNREADABLE]} in all so far).`);
  }
  return out;
}

const HTML_DATE = /(\d{4})-(\d{2})-(\d{2})(?:\s*|T)(\d{2}):(\d{2}):(\d{2})/;

/** Legacy list items are in UTC, written "2020-04-27 23:18:23 UTC" or "2016-06-15T08:50:49Z" [Y1]. */
function htmlItemDate(text: string): number | undefined {
  const m = HTML_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

interface HtmlItem {
  /** The whole item's text, where the date is. */
  all: string;
  /** What follows the first line break: the comment. */
  comment: string | undefined;
}

/** With the browser's own HTML parser (pages, and tests). */
function htmlItemsWithDom(html: string): HtmlItem[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('li'), (li) => {
    let afterBreak: string | undefined;
    for (const node of Array.from(li.childNodes)) {
      if (afterBreak === undefined) {
        if (node.nodeName === 'BR') afterBreak = '';
        continue;
      }
      afterBreak += node.nodeName === 'BR' ? '\n' : (node.textContent ?? '');
    }
    return { all: li.textContent ?? '', comment: afterBreak };
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''));
}

/**
 * Without DOMParser (the import worker has none): Takeout writes this file itself, one flat
 * `<li>` per comment with no nested lists, so items are cut at `<li>`/`</li>` and tags stripped.
 */
function htmlItemsWithoutDom(html: string): HtmlItem[] {
  const items: HtmlItem[] = [];
  for (const m of html.matchAll(/<li\b[^>]*>([\s\S]*?)(?=<\/li>|<li\b|<\/ul>|$)/gi)) {
    const inner = m[1] ?? '';
    const br = /<br\s*\/?>/i.exec(inner);
    items.push({ all: stripTags(inner), comment: br ? stripTags(inner.slice(br.index + br[0].length)) : undefined });
  }
  return items;
}

/** Items of my-comments.html, with DOMParser where the context has one, else the worker's reader. */
export function htmlCommentItems(html: string): HtmlItem[] {
  return typeof DOMParser === 'function' ? htmlItemsWithDom(html) : htmlItemsWithoutDom(html);
}

async function readHtmlComments(file: ImportFile, tally: Tally, signal?: AbortSignal): Promise<RawComment[]> {
  const items = htmlCommentItems(await file.text());
  const out: RawComment[] = [];
  items.forEach((item, i) => {
    if (i % 1000 === 0) signal?.throwIfAborted();
    const date = htmlItemDate(item.all);
    if (date === undefined && item.comment === undefined) return; // a list item that isn't a comment
    out.push({ text: item.comment ?? '', date, isReply: false });
  });
  return out;
}

/** Split files repeat rows at their edges: one comment per id, or per date and text without one. */
function dedupe(comments: RawComment[]): RawComment[] {
  const seen = new Set<string>();
  return comments.filter((c) => {
    const key = c.id ?? `${c.date ?? ''}\u0000${c.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toReply(comment: RawComment, tally: Tally): ImportedReply | undefined {
  const reply = comment.text.trim();
  if (!reply) return void count(tally, SKIP_EMPTY);
  if (reply.length > MAX_REPLY_CHARS) return void count(tally, SKIP_TOO_LONG);
  return {
    reply,
    platform: 'youtube',
    kind: 'comment',
    ...(comment.date !== undefined ? { date: comment.date } : {}),
    ...(comment.id ? { sourceId: comment.id } : {}),
  };
}

function byDateThenId(a: ImportedReply, b: ImportedReply): number {
  return (a.date ?? Infinity) - (b.date ?? Infinity) || (a.sourceId ?? '').localeCompare(b.sourceId ?? '');
}

/** comments.csv before comments(1).csv, comments(2).csv…, whatever order the archive lists them in. */
function byPath(a: ImportFile, b: ImportFile): number {
  return a.path.localeCompare(b.path, 'en', { numeric: true });
}

async function parse(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const tally: Tally = { skipped: {}, warnings: [] };
  const csvFiles: ImportFile[] = [];
  const htmlFiles: ImportFile[] = [];
  for (const file of files) {
    if (await isCommentsCsv(file)) csvFiles.push(file);
    else if (await isCommentsHtml(file)) htmlFiles.push(file);
  }
  if (!csvFiles.length && !htmlFiles.length) {
    const name = files[0] ? baseName(files[0].path) : 'Takeout';
    throw new ImportFormatError(
      name,
      `${name}: no YouTube comments file found (Takeout keeps them in "YouTube and YouTube Music/comments/comments.csv", or my-comments.html in older exports). In Google Takeout, select YouTube with "comments" included and import the zip it sends.`,
    );
  }
  const raw: RawComment[] = [];
  for (const file of csvFiles.sort(byPath)) raw.push(...(await readCsvComments(file, tally, options.signal)));
  for (const file of htmlFiles.sort(byPath)) raw.push(...(await readHtmlComments(file, tally, options.signal)));

  const comments = dedupe(raw);
  const replies = comments.flatMap((c) => toReply(c, tally) ?? []).sort(byDateThenId);
  const answered = comments.filter((c) => c.isReply).length;
  if (answered) {
    tally.warnings.push(
      `YouTube's export holds only your own comments: ${answered === 1 ? '1 of yours answers' : `${answered.toLocaleString('en-US')} of yours answer`} someone else's comment that isn't in it, so they come in without the comment they answered.`,
    );
  }
  const channels = new Set(comments.flatMap((c) => c.channel ?? []));
  if (channels.size > 1) {
    tally.warnings.push(`These comments come from ${channels.size} YouTube channels of your Google account; all of them are imported as yours.`);
  }
  return { format: youtubeTakeout.id, replies, skipped: tally.skipped, warnings: tally.warnings };
}

export const youtubeTakeout: Importer = { id: 'youtube-takeout', label, detect, parse };
