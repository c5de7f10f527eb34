/**
 * The X (Twitter) archive: "Download an archive of your data" (exports-reference.md, "X / Twitter
 * archive"). Three generations are read, each by its file names and first bytes together:
 * - today's archive (since about 2019): `data/tweets.js`, older `tweet.js`, split
 *   `tweets-partN.js`, each assigning one JSON array to `window.YTD.<name>.partN`; DMs in
 *   `direct-messages*.js` and `direct-messages-group*.js`; the creator in `account.js` (or
 *   `manifest.js`'s `userInfo`); long posts' full text in `note-tweet.js`;
 * - the classic archive (before 2019): `data/js/tweets/YYYY_MM.js` (`Grailbird.data.tweets_… =`)
 *   with `data/js/user_details.js`, and its `tweets.csv` (read only when the .js files are absent:
 *   the CSV has no reply handles and joined link lists).
 *
 * What becomes an example, and why:
 * - A reply to someone else is a comment example. The tweet it answered is never in the archive
 *   (the archive holds only the creator's own tweets), so it has no `incoming`; the handle it
 *   answered is kept as `incomingAuthor`, as the reference suggests.
 * - A reply to the creator's own tweet continues that tweet: under a reply to someone, it is
 *   the rest of that answer and is joined to it (as a DM turn joins a sender's consecutive
 *   messages); under one of the creator's own posts it is part of a thread. Pairing it with its
 *   parent as `incoming` would teach drafts to answer the creator's own words.
 * - The creator's own posts (and their threads) are left out and counted: the issue and the
 *   reference name replies as the examples, and a post is an announcement to everyone, not an
 *   answer to someone; mixed in, it would pull drafts towards broadcast and promotion.
 * - Retweets are someone else's words, left out and counted; so are earlier versions of edited
 *   tweets (the last version is what the creator stood by) and deleted tweets (the creator took
 *   them back; `deleted-tweets.js` is only counted).
 */
import { MAX_COMMENT_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import { column, parseCsv } from './csv';
import { baseName } from './files';
import { pairThread, type ThreadMessage } from './pair-dms';
import { ImportFormatError, type ImportFile, type ImportOptions, type ImportResult, type ImportedReply, type Importer } from './types';

export const label = 'X archive';
const PLATFORM = 'x' as const;
const HEAD_BYTES = 256;
/** How often long loops look at the cancel signal. */
const CHECK_EVERY = 2000;

// ---------------------------------------------------------------------------------------------
// Recognising files

type FileRole =
  | 'tweets'
  | 'dms'
  | 'group-dms'
  | 'account'
  | 'manifest'
  | 'notes'
  | 'deleted'
  | 'grailbird'
  | 'user-details'
  | 'tweets-csv'
  /** Another kind of X data (likes, followers, DM headers …): recognised, never read. */
  | 'other';

/** `window.YTD.<name>.partN` names, as the files have carried them across the years. */
const YTD_ROLES: Record<string, FileRole> = {
  tweets: 'tweets',
  tweet: 'tweets',
  direct_messages: 'dms',
  direct_message: 'dms',
  direct_messages_group: 'group-dms',
  direct_message_group: 'group-dms',
  account: 'account',
  note_tweet: 'notes',
  deleted_tweets: 'deleted',
  deleted_tweet: 'deleted',
};

const YTD_HEAD = /^\s*window\.YTD\.(\w+?)\.part\d+\s*=/;
const MANIFEST_HEAD = /^\s*window\.__THAR_CONFIG\s*=/;
const GRAILBIRD_HEAD = /^\s*Grailbird\.data\.tweets_\d{4}_\d{2}\s*=/;
const USER_DETAILS_HEAD = /^\s*var\s+user_details\s*=/;
/** The classic tweets.csv header starts this way (its column order never changed). */
const TWEETS_CSV_HEAD = /^\s*"?tweet_id"?\s*,\s*"?in_reply_to_status_id"?/;

/** What this file is in an X archive, from its name and first bytes, or undefined if it isn't one. */
export function roleOf(path: string, head: string): FileRole | undefined {
  const name = baseName(path).toLowerCase();
  if (name.endsWith('.js')) {
    const ytd = YTD_HEAD.exec(head);
    if (ytd) return YTD_ROLES[ytd[1]!] ?? 'other';
    if (MANIFEST_HEAD.test(head)) return 'manifest';
    if (/^\d{4}_\d{2}\.js$/.test(name) && GRAILBIRD_HEAD.test(head)) return 'grailbird';
    if (name === 'user_details.js' && USER_DETAILS_HEAD.test(head)) return 'user-details';
    return undefined;
  }
  if (name === 'tweets.csv' && TWEETS_CSV_HEAD.test(head)) return 'tweets-csv';
  return undefined;
}

interface RoledFile {
  file: ImportFile;
  role: FileRole;
}

async function rolesOf(files: readonly ImportFile[]): Promise<RoledFile[]> {
  const out: RoledFile[] = [];
  for (const file of files) {
    if (file.path.startsWith('__MACOSX/') || file.path.includes('/__MACOSX/')) continue;
    const name = baseName(file.path).toLowerCase();
    if (!name.endsWith('.js') && name !== 'tweets.csv') continue;
    const role = roleOf(file.path, await file.head(HEAD_BYTES));
    if (role) out.push({ file, role });
  }
  // Files in path order, so split parts are read part0, part1, … and results are stable.
  return out.sort((a, b) => a.file.path.localeCompare(b.file.path, 'en', { numeric: true }));
}

// ---------------------------------------------------------------------------------------------
// Reading the files' JSON without evaluating them

/** Line number (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The JSON value a `window.YTD.x.part0 = …` (or `Grailbird…`, `var user_details`) file assigns:
 * everything after the first "=", with a trailing ";" dropped. The file is never evaluated.
 */
export function assignedJson(file: ImportFile, text: string): unknown {
  const eq = text.indexOf('=');
  if (eq < 0) throw new ImportFormatError(file.path, `${file.path} has no "=" on its first line, so it is not a file from an X archive as X writes them: download the archive again.`);
  let end = text.length;
  while (end > eq && /\s/.test(text[end - 1]!)) end--;
  if (text[end - 1] === ';') end--;
  const body = text.slice(eq + 1, end);
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    if (endsOpen(body)) {
      throw new ImportFormatError(file.path, `${file.path} stops at line ${lineAt(text, end)} before its list is closed: the file is cut short, so download the archive again and unzip it completely.`);
    }
    const at = problemAt(body, message);
    const place = at === undefined ? '' : `, line ${lineAt(text, eq + 1 + at)}`;
    const reason = plainReason(body, at, message);
    throw new ImportFormatError(file.path, `${file.path}${place}: this is not the JSON X writes (${reason}); if the file was edited, use the one from a fresh download of the archive.`);
  }
}

/** What went wrong, in words: X never writes trailing commas or comments, so those were edits. */
function plainReason(body: string, at: number | undefined, message: string): string {
  const c = at === undefined ? undefined : body[at];
  if ((c === ']' || c === '}') && /,\s*$/.test(body.slice(Math.max(0, at! - 200), at))) return 'a comma before a closing bracket';
  if (c === '/' && body[at! + 1] === '/') return 'a // comment';
  if (c !== undefined) return `an unexpected ${JSON.stringify(c)}`;
  return message.replace(/\s+in JSON at position \d+.*$/s, '').replace(/,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '');
}

/** Does the JSON text end inside a string, or with a list or object still open (a cut-short file)? */
function endsOpen(body: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
  }
  return inString || depth > 0;
}

/**
 * Where JSON.parse stopped: engines say "at position N", or (newer V8) quote the text around the
 * unexpected token, ten characters either side.
 */
function problemAt(body: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const quoted = /(\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted?.[2]) return undefined;
  const from = body.indexOf(quoted[2]);
  if (from < 0) return undefined;
  const token = /Unexpected token '([\s\S])'/.exec(message)?.[1];
  return from + (quoted[1] ? 10 : Math.max(0, token ? quoted[2].indexOf(token) : 0));
}

function asArray(file: ImportFile, value: unknown, holds: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ImportFormatError(file.path, `${file.path} should hold a list of ${holds} but holds ${value === null ? 'null' : typeof value}: it is not the file X puts in its archive.`);
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function aborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Import cancelled', 'AbortError');
}

// ---------------------------------------------------------------------------------------------
// Dates: one explicit parser per shape X has written

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

function utc(y: string, mo: number, d: string, h: string, mi: string, s: string, ms = '0', offset = '+0000'): number | undefined {
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5))) * 60_000;
  const t = Date.UTC(Number(y), mo, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0').slice(0, 3))) - offsetMs;
  return Number.isFinite(t) ? t : undefined;
}

/**
 * Epoch ms from any date X's archives use: tweets' `Sat Aug 12 16:10:37 +0000 2023`, the classic
 * archive's `2015-01-24 02:02:37 +0000`, DMs' ISO `2020-01-20T21:42:09.068Z`. Undefined otherwise.
 */
export function parseXDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let m = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/.exec(v);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month === undefined ? undefined : utc(m[7]!, month, m[2]!, m[3]!, m[4]!, m[5]!, '0', m[6]);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/.exec(v);
  if (m) {
    const zone = !m[8] || m[8] === 'Z' || m[8] === 'UTC' ? '+0000' : m[8].replace(':', '');
    return utc(m[1]!, Number(m[2]) - 1, m[3]!, m[4]!, m[5]!, m[6]!, m[7], zone);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Text: what the creator wrote, as they saw it

/** X escapes these three in tweet text (the API's rule); nothing else is escaped. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

interface UrlEntity {
  url: string;
  expanded?: string;
}

function urlEntities(list: unknown, expandedKey: 'expanded_url' | 'expanded'): UrlEntity[] {
  if (!Array.isArray(list)) return [];
  const out: UrlEntity[] = [];
  for (const item of list) {
    const o = obj(item);
    const url = str(o?.url);
    if (url) out.push({ url, expanded: str(o?.[expandedKey]) });
  }
  return out;
}

/** t.co links swapped for where they lead; media links (the photo's own t.co) removed. */
function expandLinks(text: string, urls: readonly UrlEntity[], media: readonly string[]): string {
  if (!urls.length && !media.length) return text;
  let out = text;
  for (const link of media) out = out.split(link).join('');
  for (const { url, expanded } of urls) if (expanded) out = out.split(url).join(expanded);
  return out;
}

/**
 * The "@bob @carol " a reply starts with: X added it, the creator didn't type it (today's reply
 * box doesn't show it), so it is dropped, as public archive parsers do.
 */
export function stripLeadingMentions(text: string): string {
  return text.replace(/^\s*(?:[@＠]\w{1,50}(?:\s+|$))+/u, '');
}

function leadingHandle(text: string): string | undefined {
  return /^\s*[@＠](\w{1,50})/u.exec(text)?.[1];
}

// ---------------------------------------------------------------------------------------------
// Tweets, from any generation, as one record shape

interface TweetRecord {
  id: string;
  text: string;
  date?: number;
  parentId?: string;
  parentUserId?: string;
  parentHandle?: string;
  retweet: boolean;
  /** The first version's id when this tweet was edited (all versions share it). */
  editOf?: string;
  /** Screen names seen with user ids, to name DM senders. */
  mentions: [string, string][];
}

function mediaLinks(tweet: Record<string, unknown>): string[] {
  const links = new Set<string>();
  for (const holder of [obj(tweet.entities), obj(tweet.extended_entities)]) {
    const media = holder?.media;
    if (!Array.isArray(media)) continue;
    for (const item of media) {
      const url = str(obj(item)?.url);
      if (url) links.add(url);
    }
  }
  return [...links];
}

/** A tweet object from tweets.js (`item.tweet`) or from a Grailbird month file. */
export function tweetRecord(tweet: Record<string, unknown>): TweetRecord | undefined {
  const id = str(tweet.id_str) ?? (typeof tweet.id === 'string' ? tweet.id : undefined);
  const raw = typeof tweet.full_text === 'string' ? tweet.full_text : typeof tweet.text === 'string' ? tweet.text : undefined;
  if (!id || raw === undefined) return undefined;
  const entities = obj(tweet.entities);
  const text = expandLinks(decodeEntities(raw), urlEntities(entities?.urls, 'expanded_url'), mediaLinks(tweet));
  const editInfo = obj(tweet.edit_info);
  const initialIds = obj(editInfo?.initial)?.editTweetIds;
  const editOf = str(obj(editInfo?.edit)?.initialTweetId) ?? (Array.isArray(initialIds) && initialIds.length > 1 ? id : undefined);
  const mentions: [string, string][] = [];
  const replyUser = str(tweet.in_reply_to_user_id_str);
  const replyHandle = str(tweet.in_reply_to_screen_name);
  if (replyUser && replyHandle) mentions.push([replyUser, replyHandle]);
  if (Array.isArray(entities?.user_mentions)) {
    for (const m of entities.user_mentions) {
      const o = obj(m);
      const uid = str(o?.id_str);
      const handle = str(o?.screen_name);
      if (uid && handle) mentions.push([uid, handle]);
    }
  }
  return {
    id,
    text,
    date: parseXDate(str(tweet.created_at)),
    parentId: str(tweet.in_reply_to_status_id_str),
    parentUserId: replyUser,
    parentHandle: replyHandle ?? (str(tweet.in_reply_to_status_id_str) ? leadingHandle(raw) : undefined),
    retweet: /^RT @\w+:?/.test(raw) || tweet.retweeted_status !== undefined,
    editOf,
    mentions,
  };
}

/** Every edit chain's ids, from `edit_info.initial.editTweetIds`, keyed to the first version. */
function editChains(tweet: Record<string, unknown>, into: Map<string, string>): void {
  const ids = obj(obj(tweet.edit_info)?.initial)?.editTweetIds;
  if (!Array.isArray(ids) || ids.length < 2) return;
  const first = str(ids[0]);
  if (!first) return;
  for (const id of ids) {
    const s = str(id);
    if (s) into.set(s, first);
  }
}

/**
 * tweets.csv rows. Its `expanded_urls` joins every link's target with commas, in the order the
 * t.co links appear; a photo's target is its /photo/ page, whose t.co link is dropped.
 */
function csvTweets(file: ImportFile, text: string): TweetRecord[] {
  const table = parseCsv(text);
  const col = (name: string) => column(table, [name]);
  const [cId, cParent, cParentUser, cTime, cText, cRetweet, cUrls] = ['tweet_id', 'in_reply_to_status_id', 'in_reply_to_user_id', 'timestamp', 'text', 'retweeted_status_id', 'expanded_urls'].map(col);
  if (cId! < 0 || cText! < 0) throw new ImportFormatError(file.path, `${file.path} has no "tweet_id" and "text" columns in its first row, so it is not the tweets.csv of an X archive.`);
  const out: TweetRecord[] = [];
  for (const row of table.rows) {
    const cell = (i: number | undefined) => (i !== undefined && i >= 0 ? (row[i] ?? '').trim() : '');
    const id = cell(cId);
    if (!id) continue;
    const raw = decodeEntities(row[cText!] ?? '');
    const links = raw.match(/https?:\/\/t\.co\/\w+/g) ?? [];
    const targets = cell(cUrls) ? cell(cUrls).split(',') : [];
    let textOut = raw;
    if (links.length === targets.length) {
      links.forEach((link, i) => {
        const target = targets[i]!.trim();
        textOut = textOut.replace(link, /\/(photo|video)\/\d+$/.test(target) ? '' : target);
      });
    }
    const parentId = cell(cParent) || undefined;
    out.push({
      id,
      text: textOut,
      date: parseXDate(cell(cTime)),
      parentId,
      parentUserId: cell(cParentUser) || undefined,
      parentHandle: parentId ? leadingHandle(raw) : undefined,
      retweet: cell(cRetweet) !== '' || /^RT @\w+:?/.test(raw),
      mentions: [],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// From tweets to examples

interface Creator {
  id?: string;
  handle?: string;
}

interface Tally {
  skipped: Record<string, number>;
  warnings: string[];
}

function count(tally: Tally, reason: string, n = 1): void {
  if (n > 0) tally.skipped[reason] = (tally.skipped[reason] ?? 0) + n;
}

const SKIP = {
  retweets: 'retweets',
  posts: 'your own posts and threads (not replies)',
  edits: 'earlier versions of edited tweets',
  deleted: 'deleted tweets',
  mediaOnly: 'media-only replies',
  tooLong: `replies longer than ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters`,
  mediaOnlyDms: 'media-only messages',
  undated: 'messages without a readable date',
  unreadable: 'items Understudy could not read',
  clamped: `answered messages shortened to ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters`,
} as const;

/** The last version of every edited tweet: X keeps each version as its own tweet. */
function latestVersions(tweets: readonly TweetRecord[], chains: ReadonlyMap<string, string>, tally: Tally): TweetRecord[] {
  const latest = new Map<string, TweetRecord>();
  const keyOf = new Map<string, string>();
  for (const t of tweets) {
    const key = chains.get(t.id) ?? t.editOf ?? t.id;
    keyOf.set(t.id, key);
    const held = latest.get(key);
    if (!held || isLater(t.id, held.id)) latest.set(key, t);
  }
  const kept = new Set([...latest.values()]);
  count(tally, SKIP.edits, tweets.length - kept.size);
  // A reply to an earlier version answers the tweet as it ended up.
  const versionOf = (id: string) => latest.get(keyOf.get(id) ?? chains.get(id) ?? id)?.id ?? id;
  return tweets.filter((t) => kept.has(t)).map((t) => (t.parentId ? { ...t, parentId: versionOf(t.parentId) } : t));
}

/** Snowflake ids grow with time; compared as decimal strings, never as Numbers (64-bit). */
function isLater(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

function compareIds(a = '', b = ''): number {
  return a === b ? 0 : isLater(a, b) ? 1 : -1;
}

function isOwn(t: TweetRecord, byId: ReadonlyMap<string, TweetRecord>, creator: Creator): boolean {
  if (!t.parentId) return false;
  if (byId.has(t.parentId)) return true;
  if (creator.id && t.parentUserId === creator.id) return true;
  return Boolean(creator.handle && t.parentHandle?.toLowerCase() === creator.handle.toLowerCase());
}

/**
 * Replies to others, each with the creator's own follow-ups to it joined on (oldest first).
 * Self-threads under a post, and posts, are counted and left out (see the header).
 */
export function repliesFromTweets(tweets: readonly TweetRecord[], creator: Creator, tally: Tally): ImportedReply[] {
  const byId = new Map(tweets.map((t) => [t.id, t]));
  /** Root of each tweet's chain of the creator's own replies (memoised; cycles can't recur). */
  const rootOf = new Map<string, TweetRecord>();
  const findRoot = (t: TweetRecord): TweetRecord => {
    const seen = new Set<string>();
    let at = t;
    while (isOwn(at, byId, creator) && at.parentId && byId.has(at.parentId) && !seen.has(at.id)) {
      seen.add(at.id);
      const known = rootOf.get(at.id);
      if (known) return known;
      at = byId.get(at.parentId)!;
    }
    rootOf.set(t.id, at);
    return at;
  };
  const chains = new Map<TweetRecord, TweetRecord[]>();
  for (const t of tweets) {
    const root = findRoot(t);
    const answersSomeone = Boolean(root.parentId) && !isOwn(root, byId, creator);
    if (!answersSomeone) {
      count(tally, SKIP.posts);
      continue;
    }
    const chain = chains.get(root) ?? [];
    chain.push(t);
    chains.set(root, chain);
  }
  const out: ImportedReply[] = [];
  for (const [root, chain] of chains) {
    chain.sort((a, b) => (a.date ?? 0) - (b.date ?? 0) || compareIds(a.id, b.id));
    const reply = chain
      .map((t) => stripLeadingMentions(t.text).trim())
      .filter(Boolean)
      .join('\n');
    if (!reply) {
      count(tally, SKIP.mediaOnly);
      continue;
    }
    if (reply.length > MAX_REPLY_CHARS) {
      count(tally, SKIP.tooLong);
      continue;
    }
    out.push({
      reply,
      ...(root.parentHandle ? { incomingAuthor: `@${root.parentHandle}` } : {}),
      platform: PLATFORM,
      kind: 'comment',
      ...(root.date !== undefined ? { date: root.date } : {}),
      sourceId: root.id,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Long posts: note-tweet.js holds the full text a tweet's full_text cuts short

interface Note {
  tweetId?: string;
  text: string;
  date?: number;
}

function notesFrom(items: readonly unknown[]): Note[] {
  const out: Note[] = [];
  for (const item of items) {
    const note = obj(obj(item)?.noteTweet);
    const core = obj(note?.core);
    const text = typeof core?.text === 'string' ? core.text : undefined;
    if (!note || !text) continue;
    const urls = urlEntities(core?.urls, 'expanded_url');
    out.push({ tweetId: str(note.tweetId), text: expandLinks(decodeEntities(text), urls, []), date: parseXDate(str(note.createdAt)) });
  }
  return out;
}

/**
 * Swap a truncated tweet's text for its note's. Notes carry no tweet id in the files public
 * parsers saw (the docs show one: used when present); otherwise a note belongs to the tweet
 * written within the same second whose text (minus the "…" and link X appends) starts the note.
 */
function applyNotes(tweets: TweetRecord[], notes: readonly Note[]): void {
  if (!notes.length) return;
  const byId = new Map(tweets.map((t) => [t.id, t]));
  const bySecond = new Map<number, TweetRecord[]>();
  for (const t of tweets) {
    if (t.date === undefined) continue;
    const s = Math.floor(t.date / 1000);
    bySecond.set(s, [...(bySecond.get(s) ?? []), t]);
  }
  const squash = (s: string) => stripLeadingMentions(s).replace(/\s+/g, ' ').trim();
  for (const note of notes) {
    let tweet = note.tweetId ? byId.get(note.tweetId) : undefined;
    if (!tweet && note.date !== undefined) {
      const s = Math.floor(note.date / 1000);
      const near = [...(bySecond.get(s - 1) ?? []), ...(bySecond.get(s) ?? []), ...(bySecond.get(s + 1) ?? [])];
      const body = squash(note.text);
      tweet = near.find((t) => {
        const start = squash(t.text.replace(/\s*https?:\/\/\S+\s*$/, '').replace(/…$/, '')).slice(0, 200);
        return start.length > 0 && body.startsWith(start);
      });
    }
    if (tweet) tweet.text = (tweet.text.match(/^\s*(?:@\w+\s+)+/)?.[0] ?? '') + note.text;
  }
}

// ---------------------------------------------------------------------------------------------
// Direct messages

interface DmMessage extends ThreadMessage {
  id: string;
}

interface Conversation {
  group: boolean;
  messages: Map<string, DmMessage>;
}

const MEDIA_LINK_AT_END = /\s*https:\/\/t\.co\/\w+\s*$/;

/** Reads conversations into `into`, merged by id (long ones are split); returns the first unreadable item's number. */
function readConversations(items: readonly unknown[], group: boolean, into: Map<string, Conversation>, tally: Tally, signal?: AbortSignal): number | undefined {
  let n = 0;
  let unreadable: number | undefined;
  for (const [index, item] of items.entries()) {
    const conv = obj(obj(item)?.dmConversation);
    const conversationId = str(conv?.conversationId);
    if (!conv || !conversationId || !Array.isArray(conv.messages)) {
      count(tally, SKIP.unreadable);
      unreadable ??= index + 1;
      continue;
    }
    const key = `${group ? 'g' : 'd'}:${conversationId}`;
    const held = into.get(key) ?? { group, messages: new Map<string, DmMessage>() };
    into.set(key, held);
    for (const event of conv.messages) {
      if (++n % CHECK_EVERY === 0) aborted(signal);
      // Reactions, joins, renames: only messageCreate holds words.
      const m = obj(obj(event)?.messageCreate);
      if (!m) continue;
      const id = str(m.id);
      const sender = str(m.senderId);
      if (!id || !sender || held.messages.has(id)) continue;
      let text = decodeEntities(typeof m.text === 'string' ? m.text : '');
      const hasMedia = Array.isArray(m.mediaUrls) && m.mediaUrls.length > 0;
      if (hasMedia) text = text.replace(MEDIA_LINK_AT_END, '');
      text = expandLinks(text, urlEntities(m.urls, 'expanded'), []).trim();
      if (!text) {
        if (hasMedia) count(tally, SKIP.mediaOnlyDms);
        continue;
      }
      const date = parseXDate(str(m.createdAt));
      if (date === undefined) {
        count(tally, SKIP.undated);
        continue;
      }
      held.messages.set(id, { id, sender, text, date });
    }
  }
  return unreadable;
}

/** Sender ids, the likeliest creator first: the one present in the most conversations. */
function senderCandidates(conversations: ReadonlyMap<string, Conversation>): string[] {
  const seen = new Map<string, number>();
  for (const conv of conversations.values()) {
    for (const sender of new Set([...conv.messages.values()].map((m) => m.sender))) seen.set(sender, (seen.get(sender) ?? 0) + 1);
  }
  return [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

// ---------------------------------------------------------------------------------------------
// The importer

function identity(files: ReadonlyMap<string, unknown>): Creator {
  const creator: Creator = {};
  const account = files.get('account');
  if (Array.isArray(account)) {
    const a = obj(obj(account[0])?.account);
    creator.id = str(a?.accountId);
    creator.handle = str(a?.username);
  }
  const user = obj(obj(files.get('manifest'))?.userInfo);
  creator.id ??= str(user?.accountId);
  creator.handle ??= str(user?.userName);
  const details = obj(files.get('user-details'));
  creator.id ??= str(details?.id);
  creator.handle ??= str(details?.screen_name);
  return creator;
}

function describeOther(path: string): string {
  return `${path} is part of an X archive but holds neither tweets nor messages: drop the whole archive .zip, or its data/tweets.js and data/direct-messages.js.`;
}

async function parse(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const { signal } = options;
  const tally: Tally = { skipped: {}, warnings: [] };
  const roled = await rolesOf(files);
  const has = (role: FileRole) => roled.some((r) => r.role === role);
  if (!roled.length) throw new ImportFormatError(files[0]?.path ?? 'X archive', `${files[0]?.path ?? 'These files'}: no file of an X archive was found (Understudy reads data/tweets.js and data/direct-messages.js, or the archive .zip).`);
  const readsSomething = ['tweets', 'dms', 'group-dms', 'grailbird', 'tweets-csv'].some((r) => has(r as FileRole));
  if (!readsSomething) {
    const first = roled[0]!.file.path;
    throw new ImportFormatError(first, describeOther(first));
  }

  // Identity files first: they decide which DM sender and which replies are the creator's.
  const singles = new Map<string, unknown>();
  for (const { file, role } of roled) {
    if ((role === 'account' || role === 'manifest' || role === 'user-details') && !singles.has(role)) singles.set(role, assignedJson(file, await file.text()));
  }
  const creator = identity(singles);

  const tweets: TweetRecord[] = [];
  const chains = new Map<string, string>();
  const notes: Note[] = [];
  const conversations = new Map<string, Conversation>();
  const seenTweets = new Set<string>();
  let unreadableFirst: string | undefined;
  // A classic archive has both; its .js files carry the reply handles and links whole.
  const useCsv = !has('tweets') && !has('grailbird');

  for (const { file, role } of roled) {
    aborted(signal);
    if (role === 'tweets' || role === 'grailbird') {
      const items = asArray(file, assignedJson(file, await file.text()), 'tweets');
      let read = 0;
      items.forEach((item, i) => {
        if (i % CHECK_EVERY === 0) aborted(signal);
        const tweet = role === 'tweets' ? obj(obj(item)?.tweet) : obj(item);
        const record = tweet && tweetRecord(tweet);
        if (!tweet || !record) {
          count(tally, SKIP.unreadable);
          unreadableFirst ??= `${file.path}, item ${i + 1}`;
          return;
        }
        read++;
        editChains(tweet, chains);
        if (seenTweets.has(record.id)) return;
        seenTweets.add(record.id);
        tweets.push(record);
      });
      if (items.length && !read) throw new ImportFormatError(file.path, `${file.path}, item 1: no tweet with an "id_str" and a "full_text" was found, so this is not the tweets file of an X archive.`);
    } else if (role === 'tweets-csv' && useCsv) {
      for (const record of csvTweets(file, await file.text())) {
        if (seenTweets.has(record.id)) continue;
        seenTweets.add(record.id);
        tweets.push(record);
      }
    } else if (role === 'dms' || role === 'group-dms') {
      const items = asArray(file, assignedJson(file, await file.text()), 'conversations');
      const before = tally.skipped[SKIP.unreadable] ?? 0;
      const unreadable = readConversations(items, role === 'group-dms', conversations, tally, signal);
      if (unreadable !== undefined) unreadableFirst ??= `${file.path}, item ${unreadable}`;
      if (items.length && (tally.skipped[SKIP.unreadable] ?? 0) - before === items.length) {
        throw new ImportFormatError(file.path, `${file.path}, item 1: no "dmConversation" with messages was found, so this is not the messages file of an X archive.`);
      }
    } else if (role === 'notes') {
      notes.push(...notesFrom(asArray(file, assignedJson(file, await file.text()), 'long posts')));
    } else if (role === 'deleted') {
      count(tally, SKIP.deleted, asArray(file, assignedJson(file, await file.text()), 'deleted tweets').length);
    }
  }
  if (unreadableFirst) tally.warnings.push(`${unreadableFirst}: ${tally.skipped[SKIP.unreadable]} ${tally.skipped[SKIP.unreadable] === 1 ? 'item was' : 'items were'} not a tweet or conversation Understudy could read, and ${tally.skipped[SKIP.unreadable] === 1 ? 'was' : 'were'} left out.`);

  // Tweets: the creator's words only, last versions, long posts whole.
  const own = tweets.filter((t) => !t.retweet);
  count(tally, SKIP.retweets, tweets.length - own.length);
  const current = latestVersions(own, chains, tally);
  applyNotes(current, notes);
  aborted(signal);
  const replies = repliesFromTweets(current, creator, tally);

  // DMs: paired by the creator's account id, or not at all when the export doesn't say it.
  const handles = new Map<string, string>();
  for (const t of [...tweets].sort((a, b) => (a.date ?? 0) - (b.date ?? 0))) for (const [uid, handle] of t.mentions) handles.set(uid, handle);
  if (creator.id && creator.handle) handles.set(creator.id, creator.handle);
  const named = (id: string) => (handles.has(id) ? `@${handles.get(id)}` : id);
  let creatorId = creator.id;
  let needsCreator: ImportResult['needsCreator'];
  if (!creatorId && conversations.size) {
    const wanted = options.creator?.trim().replace(/^@/, '').toLowerCase();
    const candidates = senderCandidates(conversations);
    creatorId = wanted ? candidates.find((id) => id === wanted || handles.get(id)?.toLowerCase() === wanted) : undefined;
    if (!creatorId) {
      needsCreator = { candidates: candidates.map(named) };
      if (wanted) tally.warnings.push(`No direct message in this archive was sent by "${options.creator}": pick one of the senders listed.`);
    }
  }
  if (creatorId) {
    for (const conv of conversations.values()) {
      aborted(signal);
      for (const pair of pairThread([...conv.messages.values()], creatorId, PLATFORM, { group: conv.group })) {
        if (pair.reply.length > MAX_REPLY_CHARS) {
          count(tally, SKIP.tooLong);
          continue;
        }
        if (pair.incoming && pair.incoming.length > MAX_COMMENT_CHARS) {
          pair.incoming = pair.incoming.slice(0, MAX_COMMENT_CHARS);
          count(tally, SKIP.clamped);
        }
        if (pair.incomingAuthor) pair.incomingAuthor = named(pair.incomingAuthor);
        replies.push(pair);
      }
    }
  }

  replies.sort((a, b) => (a.date ?? 0) - (b.date ?? 0) || compareIds(a.sourceId, b.sourceId));
  return { format: 'x-archive', replies, skipped: tally.skipped, warnings: tally.warnings, ...(needsCreator ? { needsCreator } : {}) };
}

export const xArchiveImporter: Importer = {
  id: 'x-archive',
  label,
  async detect(files) {
    for (const file of files) {
      const name = baseName(file.path).toLowerCase();
      if (!name.endsWith('.js') && name !== 'tweets.csv') continue;
      if (file.path.includes('__MACOSX/')) continue;
      if (roleOf(file.path, await file.head(HEAD_BYTES))) return true;
    }
    return false;
  },
  parse,
};
