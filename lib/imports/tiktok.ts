/**
 * TikTok's "Download your data" in the JSON option: one file, user_data_tiktok.json (older
 * exports: user_data.json), holding every section of the account (exports-reference.md, "TikTok").
 * The creator's words are in three places: comments they left (Comment → CommentsList), comments
 * in other people's LIVEs (Tiktok Live → WatchLiveMap → Comments) and direct messages (one list
 * per chat, keyed "Chat History with NAME:"). Section names changed between the two generations,
 * so each path is tried under both names, and item keys under both casings ("date" / "Date").
 *
 * Comments carry no parent text, so they stay standalone. DMs are paired by the account's own
 * username from the Profile section; without it we ask which sender is the creator.
 */
import { MAX_COMMENT_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import { findJsonErrorOffset, positionAt } from '../profile/json-syntax';
import { baseName } from './files';
import { pairThread, type ThreadMessage } from './pair-dms';
import { ImportFormatError, type ImportFile, type ImportOptions, type ImportResult, type ImportedReply, type Importer } from './types';

export const label = 'TikTok data download';

/** "user_data_tiktok.json", "user_data.json", and a browser's second copy "user_data_tiktok (1).json". */
const FILE_NAME = /^user_data(_tiktok)?\s?(\(\d+\))?\.json$/i;

/** Top-level sections of either generation; the file opens with one of them (RLEAPP, d3i). */
const TOP_KEYS = [
  'Activity',
  'Your Activity',
  'Ads and data',
  'App Settings',
  'Comment',
  'Direct Message',
  'Direct Messages',
  'Income+ Wallet Transactions',
  'Likes and Favorites',
  'Location Review',
  'Post',
  'Video',
  'Profile',
  'Profile And Settings',
  'Tiktok Live',
  'TikTok Live',
  'TikTok Shop',
  'Tiktok Shopping',
];
const FIRST_KEY = /^\s*\{\s*"([^"]+)"\s*:/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value under the first of `names` present (TikTok renamed sections between generations). */
function pick(node: unknown, ...names: string[]): unknown {
  if (!isObject(node)) return undefined;
  for (const name of names) if (name in node) return node[name];
  return undefined;
}

/** A string field under either casing ("date" in newer files, "Date" in older ones). */
function field(item: unknown, ...names: string[]): string {
  for (const name of names) {
    const value = pick(item, name, name.toLowerCase(), name[0]!.toUpperCase() + name.slice(1));
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
  }
  return '';
}

const TIKTOK_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * TikTok writes "2024-03-01 18:22:05" with no zone; RLEAPP and the export's own viewers read it
 * as UTC. Some fields are epoch seconds or milliseconds, a few ISO with a zone.
 */
export function parseTikTokDate(value: string): number | undefined {
  const text = value.trim();
  const m = TIKTOK_DATE.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
    return Date.UTC(y, mo - 1, d, h, mi, s);
  }
  if (/^\d{9,13}$/.test(text)) {
    const n = Number(text);
    return text.length >= 12 ? n : n * 1000;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** TikTok writes "N/A" and "" for empty text; a DM that shared a video holds only its link. */
const EMPTY = new Set(['', 'n/a', 'none']);
const ONLY_LINK = /^https?:\/\/\S+$/;

/** "@Crumb.And.Co" and "crumb.and.co" are one account: usernames are case-insensitive. */
const sameUser = (a: string, b: string) => a.trim().replace(/^@/, '').toLowerCase() === b.trim().replace(/^@/, '').toLowerCase();

function stopIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The import was cancelled.', 'AbortError');
}

function count(skipped: Record<string, number>, reason: string, n = 1): void {
  if (n > 0) skipped[reason] = (skipped[reason] ?? 0) + n;
}

/** Long replies don't fit a profile (memory must stay exportable); long incoming text is cut. */
function withinLimits(replies: ImportedReply[], skipped: Record<string, number>): ImportedReply[] {
  const out: ImportedReply[] = [];
  for (const reply of replies) {
    if (reply.reply.length > MAX_REPLY_CHARS) {
      count(skipped, `replies longer than ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters`);
      continue;
    }
    if (reply.incoming && reply.incoming.length > MAX_COMMENT_CHARS) {
      count(skipped, `messages answered cut to ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters`);
      reply.incoming = reply.incoming.slice(0, MAX_COMMENT_CHARS);
    }
    out.push(reply);
  }
  return out;
}

async function isTikTokFile(file: ImportFile): Promise<boolean> {
  if (!FILE_NAME.test(baseName(file.path))) return false;
  const first = FIRST_KEY.exec(await file.head(1024))?.[1];
  return first !== undefined && TOP_KEYS.includes(first);
}

async function detect(files: readonly ImportFile[]): Promise<boolean> {
  for (const file of files) if (await isTikTokFile(file)) return true;
  return false;
}

/** JSON.parse with the file, the line and a fix in the message instead of V8's position. */
function parseJson(file: ImportFile, text: string): Json {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Engines word JSON errors differently and some give no position: find the spot ourselves.
    const offset = findJsonErrorOffset(text);
    const cutOff = offset !== undefined && offset >= text.trimEnd().length;
    const line = positionAt(text, offset ?? text.length).line;
    throw new ImportFormatError(
      file.path,
      cutOff
        ? `${file.path} stops in the middle (line ${line}): the download was cut off. Download your TikTok data again and drop the new file.`
        : `${file.path} is not valid JSON (line ${line}): it may have been edited. Download your TikTok data again in the JSON format and drop the new file.`,
    );
  }
  if (!isObject(data) || !TOP_KEYS.some((key) => key in data)) {
    throw new ImportFormatError(
      file.path,
      `${file.path} is JSON but not a TikTok data download (none of its sections, such as "Comment" or "Direct Message", are there).`,
    );
  }
  return data;
}

function profileUserName(data: Json): string | undefined {
  const profile = pick(data, 'Profile', 'Profile And Settings');
  const info = pick(profile, 'Profile Info', 'Profile Information');
  const name = field(pick(info, 'ProfileMap'), 'userName', 'UserName');
  return EMPTY.has(name.trim().toLowerCase()) ? undefined : name.trim();
}

function commentsList(data: Json): unknown[] {
  const root = pick(data, 'Comment', 'Comments');
  const list = pick(pick(root, 'Comments'), 'CommentsList') ?? pick(root, 'CommentsList');
  return Array.isArray(list) ? list : [];
}

function readComments(data: Json, skipped: Record<string, number>): ImportedReply[] {
  const out: ImportedReply[] = [];
  for (const item of commentsList(data)) {
    const reply = field(item, 'comment').trim();
    if (EMPTY.has(reply.toLowerCase())) {
      count(skipped, 'comments without text (a photo or sticker only)');
      continue;
    }
    const date = parseTikTokDate(field(item, 'date'));
    out.push({ reply, platform: 'tiktok', kind: 'comment', ...(date === undefined ? {} : { date }) });
  }
  return out;
}

function readLiveComments(data: Json, skipped: Record<string, number>): ImportedReply[] {
  const map = pick(pick(pick(data, 'Tiktok Live', 'TikTok Live'), 'Watch Live History'), 'WatchLiveMap');
  if (!isObject(map)) return [];
  const out: ImportedReply[] = [];
  for (const live of Object.values(map)) {
    const comments = pick(live, 'Comments');
    if (!Array.isArray(comments)) continue;
    for (const item of comments) {
      const reply = field(item, 'CommentContent').trim();
      if (EMPTY.has(reply.toLowerCase())) {
        count(skipped, 'comments without text (a photo or sticker only)');
        continue;
      }
      const date = parseTikTokDate(field(item, 'CommentTime'));
      out.push({ reply, platform: 'tiktok', kind: 'comment', ...(date === undefined ? {} : { date }) });
    }
  }
  return out;
}

interface Chat {
  /** The other person, from the chat's key. */
  partner: string;
  messages: ThreadMessage[];
}

/** "Chat History with sam_bakes:" → "sam_bakes". */
const chatPartner = (key: string) => key.replace(/^Chat History with\s*/i, '').replace(/:\s*$/, '').trim();

function readChats(data: Json, skipped: Record<string, number>): Chat[] {
  const root = pick(data, 'Direct Message', 'Direct Messages');
  const history = pick(pick(root, 'Direct Messages', 'Chat History'), 'ChatHistory');
  if (!isObject(history)) return [];
  const chats: Chat[] = [];
  for (const [key, list] of Object.entries(history)) {
    if (!Array.isArray(list)) continue;
    const messages: ThreadMessage[] = [];
    for (const item of list) {
      const text = field(item, 'Content').trim();
      const sender = field(item, 'From').trim();
      if (EMPTY.has(text.toLowerCase())) {
        count(skipped, 'media-only messages');
        continue;
      }
      if (ONLY_LINK.test(text)) {
        count(skipped, 'messages that only share a video or link');
        continue;
      }
      const date = parseTikTokDate(field(item, 'Date'));
      if (date === undefined || !sender) {
        count(skipped, 'messages without a date or sender');
        continue;
      }
      messages.push({ sender, text, date });
    }
    if (messages.length) chats.push({ partner: chatPartner(key), messages });
  }
  return chats;
}

/** Senders other than each chat's partner, most frequent first: the likely creator leads. */
function creatorCandidates(chats: readonly Chat[]): string[] {
  const seen = new Map<string, number>();
  for (const chat of chats) {
    for (const sender of new Set(chat.messages.map((m) => m.sender))) {
      const weight = sameUser(sender, chat.partner) ? 0 : 1;
      seen.set(sender, (seen.get(sender) ?? 0) + weight);
    }
  }
  return [...seen.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

function pairChats(chats: readonly Chat[], creator: string, signal?: AbortSignal): ImportedReply[] {
  const out: ImportedReply[] = [];
  for (const chat of chats) {
    stopIfAborted(signal);
    // One spelling for the creator, so pairThread sees their turns whatever the casing.
    const messages = chat.messages.map((m) => (sameUser(m.sender, creator) ? { ...m, sender: creator } : m));
    out.push(...pairThread(messages, creator, 'tiktok'));
  }
  return out;
}

/** Both generations' files, or a file given twice, hold the same replies: keep one of each. */
function dedupe(replies: readonly ImportedReply[], skipped: Record<string, number>): ImportedReply[] {
  const seen = new Set<string>();
  const out: ImportedReply[] = [];
  for (const reply of replies) {
    const key = `${reply.kind}\u0000${reply.date ?? ''}\u0000${reply.reply}`;
    if (seen.has(key)) {
      count(skipped, 'duplicates');
      continue;
    }
    seen.add(key);
    out.push(reply);
  }
  return out;
}

async function parse(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const skipped: Record<string, number> = {};
  const warnings: string[] = [];
  const ours: ImportFile[] = [];
  for (const file of files) if (await isTikTokFile(file)) ours.push(file);
  if (!ours.length) {
    const named = files.find((file) => FILE_NAME.test(baseName(file.path)));
    const name = named?.path ?? files[0]?.path ?? 'The file';
    throw new ImportFormatError(
      name,
      named
        ? `${name} is not a TikTok data download in the JSON format. Request your data again on TikTok with "JSON" chosen as the file format.`
        : `${name} has no user_data_tiktok.json or user_data.json: drop the file from TikTok's "Download your data" (JSON format).`,
    );
  }

  let replies: ImportedReply[] = [];
  const chats: Chat[] = [];
  let creator = options.creator;
  for (const file of ours) {
    stopIfAborted(options.signal);
    const data = parseJson(file, await file.text());
    replies.push(...readComments(data, skipped), ...readLiveComments(data, skipped));
    chats.push(...readChats(data, skipped));
    creator ??= profileUserName(data);
  }

  let needsCreator: ImportResult['needsCreator'];
  if (chats.length) {
    const senders = chats.flatMap((chat) => chat.messages.map((m) => m.sender));
    if (creator && senders.some((sender) => sameUser(sender, creator!))) {
      replies.push(...pairChats(chats, creator, options.signal));
    } else {
      if (creator) {
        warnings.push(`${ours[0]!.path}: your username "${creator}" does not appear as a sender in your messages, so they were not paired: choose which sender is you.`);
      }
      needsCreator = { candidates: creatorCandidates(chats) };
    }
  }

  if (!replies.length && !chats.length) {
    warnings.push(`${ours[0]!.path} has no comments or messages: if you expected some, request your data again with "All data" selected.`);
  }

  replies = dedupe(withinLimits(replies, skipped), skipped);
  replies.sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  return { format: 'tiktok', replies, skipped, warnings, ...(needsCreator ? { needsCreator } : {}) };
}

export const tiktokImporter: Importer = { id: 'tiktok', label, detect, parse };
