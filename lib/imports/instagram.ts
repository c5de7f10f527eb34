/**
 * Instagram's "Download your information" (JSON), every layout the reference names
 * (../shared/docs/exports-reference.md, "Instagram"): the creator's comments (current bare
 * arrays of `string_map_data`, the `comments_reels_comments` / `comments_media_comments`
 * wrappers, the Dec 2020–2022 `string_list_data` items and the 2018–2020 `media_comments`
 * triples) and their DMs (`message_N.json` threads, and the pre-Dec-2020 root `messages.json`),
 * paired by the creator's name from the download's own profile file.
 *
 * Messenger threads have Instagram's shape, so the Meta helpers below (reading JSON with
 * creator-worded errors, reading a thread, pairing, telling an Instagram file from a Facebook
 * one) are exported for facebook.ts too: one reading of the shape, two importers.
 *
 * Threads posts ship in the same download; they are out of scope here and reported as a warning.
 */
import { MAX_COMMENT_CHARS, MAX_REPLY_CHARS } from '../core/limits';
import type { SiteId } from '../core/sites';
import { baseName } from './files';
import { repairMojibake } from './mojibake';
import { pairThread, type ThreadMessage } from './pair-dms';
import { ImportFormatError, type ImportFile, type ImportOptions, type ImportResult, type ImportedReply, type Importer } from './types';

export const label = 'Instagram download';

// ---------------------------------------------------------------------------------------------
// Meta helpers shared with facebook.ts
// ---------------------------------------------------------------------------------------------

export type MetaProduct = 'instagram' | 'facebook';

/** Reasons shown in the preview's "left out" line; one wording for both Meta importers. */
export const SKIP = {
  mediaOnly: 'media-only messages',
  unsent: 'unsent messages',
  reactions: 'reaction notices',
  notices: 'calls and chat notices',
  noDate: 'messages without a readable date',
  mediaComments: 'comments with only a sticker, GIF or photo',
  tooLong: `replies longer than ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters`,
  incomingShortened: `answered messages shortened to ${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters`,
  metaAi: 'conversations with Meta AI',
} as const;

/** No file of a Meta download is this large; a bigger "JSON" is refused before it is read. */
export const MAX_META_JSON_BYTES = 512 * 1024 * 1024;

export function countSkip(skipped: Record<string, number>, reason: string, n = 1): void {
  if (n > 0) skipped[reason] = (skipped[reason] ?? 0) + n;
}

/** Path segments that only one product's download uses (any depth: a zipped folder, Takeout/). */
const INSTAGRAM_PATH = /(^|\/)your_instagram_activity\//i;
const FACEBOOK_PATH = /(^|\/)(your_facebook_activity|your_activity_across_facebook|comments_and_reactions)\//i;

export function pathProduct(path: string): MetaProduct | undefined {
  if (INSTAGRAM_PATH.test(path)) return 'instagram';
  if (FACEBOOK_PATH.test(path)) return 'facebook';
  return undefined;
}

export function isMacJunk(path: string): boolean {
  return path.startsWith('__MACOSX/') || path.includes('/__MACOSX/') || baseName(path).startsWith('._');
}

function parentDir(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** What a file of a Meta download is, from its name and folder alone (content confirms it). */
export type MetaFileKind =
  | 'thread' // message_N.json (Instagram DMs, Messenger)
  | 'e2ee-thread' // Messenger's end-to-end encrypted chats: <Name>_<N>.json beside the sections
  | 'html-thread' // message_N.html: the download was requested as HTML
  | 'ig-comments' // post_comments_N.json, reels_comments.json, story comments
  | 'ig-legacy-comments-or-fb' // a bare comments.json: Instagram 2018–2020 or Facebook
  | 'fb-group-comments' // your_comments_in_groups.json
  | 'html-comments'
  | 'ig-profile' // personal_information.json, 2018–2020 profile.json
  | 'fb-profile' // profile_information.json
  | 'ig-legacy-messages' // root messages.json before Dec 2020
  | 'threads-posts'; // Threads in Instagram's download: out of scope

export function metaFileKind(path: string): MetaFileKind | undefined {
  if (isMacJunk(path)) return undefined;
  const name = baseName(path).toLowerCase();
  const dir = parentDir(path).toLowerCase();
  if (/^message_\d+\.json$/.test(name)) return 'thread';
  if (/^message_\d+\.html$/.test(name)) return 'html-thread';
  if (/^(post|reels|story)_comments(_\d+)?\.json$/.test(name)) return 'ig-comments';
  if (/^(post|reels|story)_comments(_\d+)?\.html$/.test(name) || (name === 'comments.html' && /comments/.test(dir))) return 'html-comments';
  if (name === 'comments.json') return 'ig-legacy-comments-or-fb';
  if (name === 'your_comments_in_groups.json') return 'fb-group-comments';
  if (name === 'personal_information.json' || name === 'profile.json') return 'ig-profile';
  if (name === 'profile_information.json') return 'fb-profile';
  if (name === 'messages.json') return 'ig-legacy-messages';
  if (name === 'threads_and_replies.json') return 'threads-posts';
  // E2EE chats sit directly in the messages root, one file per thread, named after the thread.
  if (/\.json$/.test(name) && (/(^|\/)messages$/.test(dir) || /_\d+\.json$/.test(name))) return 'e2ee-thread';
  return undefined;
}

/** What a file's first bytes say about the product; `weak` hints only count when nothing else says. */
export interface HeadSignal {
  product?: MetaProduct;
  weak?: MetaProduct;
}

/**
 * Which product a file's first bytes say it is from: a signal with neither product when the
 * shape is Meta's but either product's, undefined when it is not this kind of file at all.
 */
export function headSignal(kind: MetaFileKind, head: string): HeadSignal | undefined {
  switch (kind) {
    case 'thread': {
      if (!/^\s*\{/.test(head) || !/"participants"\s*:|"messages"\s*:|"sender_name"\s*:/.test(head)) return undefined;
      // Media paths inside a thread name the download's own root folder.
      if (/your_instagram_activity\//.test(head)) return { product: 'instagram' };
      if (/your_facebook_activity\/|your_activity_across_facebook\//.test(head)) return { product: 'facebook' };
      // Messenger messages carry a `type` ("Generic", "Share", "Call") and threads a
      // `thread_type`; recent Instagram messages don't (inference from the reference's samples and
      // public parsers' fixtures). Links are weaker still: friends share each other's posts.
      if (/"thread_type"\s*:|"type"\s*:\s*"(Generic|Share|Call|Subscribe|Unsubscribe)"/.test(head)) return { weak: 'facebook' };
      if (/instagram\.com\//.test(head)) return { weak: 'instagram' };
      return {};
    }
    case 'e2ee-thread':
      return /"threadName"\s*:/.test(head) && /"senderName"\s*:|"participants"\s*:/.test(head) ? { product: 'facebook' } : undefined;
    case 'html-thread':
    case 'html-comments':
      return /<html|<!doctype html/i.test(head) ? {} : undefined;
    case 'ig-comments':
      return /^\s*\[|string_map_data|string_list_data|"comments_\w+_comments"/.test(head) ? { product: 'instagram' } : undefined;
    case 'ig-legacy-comments-or-fb':
      if (/"media_comments"\s*:|string_map_data|"comments_media_comments"/.test(head)) return { product: 'instagram' };
      if (/"comments_v2"\s*:|"comments"\s*:/.test(head)) return { product: 'facebook' };
      return undefined;
    case 'fb-group-comments':
      return /"group_comments_v2"\s*:/.test(head) ? { product: 'facebook' } : undefined;
    case 'ig-profile':
      return /"profile_user"\s*:|"username"\s*:/.test(head) ? { product: 'instagram' } : undefined;
    case 'fb-profile':
      return /"profile_v2"\s*:|"profile"\s*:/.test(head) ? { product: 'facebook' } : undefined;
    case 'ig-legacy-messages':
      return /^\s*\[/.test(head) && /"conversation"\s*:/.test(head) && /"participants"\s*:/.test(head) ? { product: 'instagram' } : undefined;
    case 'threads-posts':
      return /"text_post_app_text_posts"\s*:/.test(head) ? { product: 'instagram' } : undefined;
  }
}

export interface MetaFile {
  file: ImportFile;
  kind: MetaFileKind;
  product: MetaProduct;
  /**
   * False for a file in a product's own folder whose first bytes aren't what its name promises
   * (a damaged part): never enough to recognise a download, but read, so its problem is named.
   */
  confirmed: boolean;
}

/**
 * The Meta files in a drop, each with the product it belongs to. A folder name only one
 * product uses decides first; then what the file itself plainly says (a comments or profile
 * file, an E2EE chat). A thread that says neither (Instagram's and Messenger's threads share one
 * shape) goes with the rest of the drop; in a drop of threads alone, with what their weak hints
 * say (Messenger's message `type`), else with Instagram.
 */
export async function classifyMetaFiles(files: readonly ImportFile[]): Promise<MetaFile[]> {
  const found: { file: ImportFile; kind: MetaFileKind; product?: MetaProduct; weak?: MetaProduct; confirmed: boolean }[] = [];
  for (const file of files) {
    const kind = metaFileKind(file.path);
    if (!kind) continue;
    const said = headSignal(kind, await file.head(2048));
    const inFolder = pathProduct(file.path);
    if (said) found.push({ file, kind, product: inFolder ?? said.product, weak: said.weak, confirmed: true });
    else if (inFolder && kind !== 'e2ee-thread') found.push({ file, kind, product: inFolder, confirmed: false });
  }
  const strong = { instagram: 0, facebook: 0 };
  const weak = { instagram: 0, facebook: 0 };
  for (const f of found) {
    if (!f.confirmed) continue;
    if (f.product) strong[f.product] += 1;
    else if (f.weak) weak[f.weak] += 1;
  }
  const votes = strong.instagram + strong.facebook ? strong : weak;
  const fallback: MetaProduct = votes.facebook > votes.instagram ? 'facebook' : 'instagram';
  return found.map((f) => ({ file: f.file, kind: f.kind, product: f.product ?? fallback, confirmed: f.confirmed }));
}

/** Parse one file's JSON, or stop with where and why it can't be read, in the creator's words. */
export async function readMetaJson(file: ImportFile, platformName: string): Promise<unknown> {
  if (file.size > MAX_META_JSON_BYTES) {
    throw new ImportFormatError(
      file.path,
      `${file.path} is ${Math.round(file.size / 1024 / 1024).toLocaleString('en-US')} MB: no file of ${an(platformName)} download is that large, so it was not read (drop the download's own files instead).`,
    );
  }
  const text = await file.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonProblem(file.path, text, error, platformName);
  }
}

/** "an Instagram download", "a Facebook download". */
function an(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

export function jsonProblem(path: string, text: string, error: unknown, platformName: string): ImportFormatError {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  // Engines word this differently: V8 names a position, or "Unexpected token" with none (then the first bytes are the problem).
  const position = at ? Number(at[1]) : /end of JSON|unterminated|unexpected end/i.test(message) ? text.length : 0;
  const end = text.trimEnd().length;
  if (!text.trim()) return new ImportFormatError(path, `${path} is empty: unzip or download your ${platformName} data again.`);
  if (/end of JSON/i.test(message) || position >= end) {
    return new ImportFormatError(
      path,
      `${path} is cut off: it ends at ${lineAndColumn(text, end)} before its data is complete (unzip or download your ${platformName} data again).`,
    );
  }
  const looksText = /^\s*[[{]/.test(text);
  return new ImportFormatError(
    path,
    looksText
      ? `${path} isn't valid JSON at ${lineAndColumn(text, position)} (${message.replace(/ in JSON at position \d+.*$/, '')}): use the file as ${platformName} sent it, unedited.`
      : `${path} isn't JSON: it is not a file of ${an(platformName)} download in JSON format.`,
  );
}

export function wrongShape(path: string, what: string, platformName: string): ImportFormatError {
  return new ImportFormatError(path, `${path} ${what}, so it isn't ${an(platformName)} file Understudy can read (drop the download's own files, unchanged).`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asRecord = (v: unknown): Record<string, unknown> | undefined => (isRecord(v) ? v : undefined);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? repairMojibake(v) : undefined);
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);

/** Display names compare loosely: case, spacing and Unicode composition vary between files. */
export function sameName(a: string, b: string): boolean {
  return normName(a) === normName(b);
}
function normName(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** One conversation, its parts merged. */
export interface MetaThread {
  /** Where it came from, for messages ("your_instagram_activity/messages/inbox/ana_1784…"). */
  path: string;
  participants: string[];
  messages: ThreadMessage[];
  group: boolean;
}

/**
 * What a message leaves out of the creator's voice, or undefined when its text is a message.
 * Only English notices are recognised: the reference names no other language's wording.
 */
function noiseReason(text: string | undefined, m: Record<string, unknown>): string | undefined {
  if (m.is_unsent === true || m.isUnsent === true) return SKIP.unsent;
  const type = typeof m.type === 'string' ? m.type : undefined;
  if (type === 'Call' || type === 'Subscribe' || type === 'Unsubscribe') return SKIP.notices;
  if (!text?.trim()) return SKIP.mediaOnly;
  if (/^Liked a message$/.test(text) || / to your message\s*$/.test(text) || /^Reacted .+ to /.test(text)) return SKIP.reactions;
  if (/^.{1,200} sent an attachment\.$/.test(text) || /^You sent an attachment\.$/.test(text)) return SKIP.mediaOnly;
  return undefined;
}

/**
 * One message_N.json part (Instagram DMs and Messenger: `participants[].name`,
 * `messages[{sender_name, timestamp_ms, content}]`) or an E2EE chat (`participants` as strings,
 * `messages[{senderName, timestamp, text}]`). Messages come newest first; the caller sorts.
 */
export function readThreadPart(
  path: string,
  json: unknown,
  skipped: Record<string, number>,
  platformName: string,
): { participants: string[]; messages: ThreadMessage[] } {
  const root = asRecord(json);
  if (!root || !Array.isArray(root.messages)) throw wrongShape(path, 'has no "messages" list where a conversation keeps its messages', platformName);
  const participants = (Array.isArray(root.participants) ? root.participants : [])
    .map((p) => (typeof p === 'string' ? repairMojibake(p) : str(asRecord(p)?.name)))
    .filter((n): n is string => !!n);
  const messages: ThreadMessage[] = [];
  // Two or three names write every message of a thread: repair each name once.
  const names = new Map<string, string>();
  const name = (v: unknown) => {
    if (typeof v !== 'string') return undefined;
    let repaired = names.get(v);
    if (repaired === undefined) names.set(v, (repaired = repairMojibake(v)));
    return repaired;
  };
  root.messages.forEach((raw, i) => {
    const m = asRecord(raw);
    const sender = name(m?.sender_name) ?? name(m?.senderName);
    if (!m || !sender) throw wrongShape(path, `has a message without a sender (message ${i + 1} in the file)`, platformName);
    const text = str(m.content) ?? str(m.text);
    const reason = noiseReason(text, m);
    if (reason) return countSkip(skipped, reason);
    const date = finite(m.timestamp_ms) ?? finite(m.timestamp);
    if (date === undefined) return countSkip(skipped, SKIP.noDate);
    messages.push({ sender, text: text!, date });
  });
  return { participants, messages };
}

/** Parts of one thread concatenated; a message in two parts (re-split downloads) counts once. */
export function mergeThreadParts(path: string, parts: readonly { participants: string[]; messages: ThreadMessage[] }[]): MetaThread {
  const participants = [...new Set(parts.flatMap((p) => p.participants))];
  const seen = new Set<string>();
  const messages: ThreadMessage[] = [];
  for (const part of parts) {
    for (const m of part.messages) {
      const key = `${m.date}\u0000${m.sender}\u0000${m.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      messages.push(m);
    }
  }
  messages.sort((a, b) => a.date - b.date);
  const senders = new Set(messages.map((m) => normName(m.sender)));
  const people = new Set([...participants.map(normName), ...senders]);
  return { path, participants, messages, group: people.size > 2 };
}

/**
 * Everyone who could be the creator, the most widespread first (the creator is in every
 * conversation, but so may be a friend: the list is for the creator to choose from, not a guess).
 */
export function creatorCandidates(threads: readonly MetaThread[], limit = 20): string[] {
  const threadsPer = new Map<string, { name: string; n: number }>();
  for (const t of threads) {
    const names = new Set([...t.participants, ...t.messages.map((m) => m.sender)]);
    const counted = new Set<string>();
    for (const name of names) {
      const key = normName(name);
      if (counted.has(key)) continue;
      counted.add(key);
      const entry = threadsPer.get(key) ?? { name, n: 0 };
      entry.n += 1;
      threadsPer.set(key, entry);
    }
  }
  return [...threadsPer.values()]
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((e) => e.name);
}

/** The first of `names` that writes in any thread, spelled as the threads spell it. */
export function findSender(threads: readonly MetaThread[], names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const t of threads) {
      const hit = t.messages.find((m) => sameName(m.sender, name)) ?? undefined;
      if (hit) return hit.sender;
      const p = t.participants.find((n) => sameName(n, name));
      if (p) return p;
    }
  }
  return undefined;
}

/** Every thread's (incoming → creator's reply) pairs, creator matched loosely by name. */
export function pairThreads(
  threads: readonly MetaThread[],
  creator: string,
  platform: SiteId,
  signal?: AbortSignal,
): ImportedReply[] {
  const out: ImportedReply[] = [];
  // A few senders write thousands of messages: compare each name once.
  const target = normName(creator);
  const isCreator = new Map<string, boolean>();
  const creatorWrote = (sender: string) => {
    let known = isCreator.get(sender);
    if (known === undefined) isCreator.set(sender, (known = normName(sender) === target));
    return known;
  };
  for (const t of threads) {
    signal?.throwIfAborted();
    const messages = t.messages.map((m) => (m.sender !== creator && creatorWrote(m.sender) ? { ...m, sender: creator } : m));
    out.push(...pairThread(messages, creator, platform, { group: t.group }));
  }
  return out;
}

/** Replies over the profile's limit are left out; an answered message over it is shortened. */
export function fitLimits(replies: readonly ImportedReply[], skipped: Record<string, number>): ImportedReply[] {
  const out: ImportedReply[] = [];
  for (const r of replies) {
    if (r.reply.length > MAX_REPLY_CHARS) {
      countSkip(skipped, SKIP.tooLong);
      continue;
    }
    if (r.incoming !== undefined && r.incoming.length > MAX_COMMENT_CHARS) {
      countSkip(skipped, SKIP.incomingShortened);
      out.push({ ...r, incoming: r.incoming.slice(0, MAX_COMMENT_CHARS) });
      continue;
    }
    out.push(r);
  }
  return out;
}

/** Oldest first; replies without a date last, in the order found. */
export function sortReplies(replies: ImportedReply[]): ImportedReply[] {
  return replies
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date ?? Infinity) - (b.r.date ?? Infinity) || a.i - b.i)
    .map((x) => x.r);
}

/** Group message_N.json parts by their thread folder, read and merge them. */
export async function readThreads(
  files: readonly MetaFile[],
  skipped: Record<string, number>,
  platformName: string,
  signal?: AbortSignal,
): Promise<MetaThread[]> {
  const byFolder = new Map<string, MetaFile[]>();
  for (const f of files) {
    // An E2EE chat is one file per thread; message_N.json parts share their folder.
    const key = f.kind === 'e2ee-thread' ? f.file.path : parentDir(f.file.path);
    byFolder.set(key, [...(byFolder.get(key) ?? []), f]);
  }
  const threads: MetaThread[] = [];
  for (const [folder, parts] of byFolder) {
    const read = [];
    for (const part of parts) {
      signal?.throwIfAborted();
      read.push(readThreadPart(part.file.path, await readMetaJson(part.file, platformName), skipped, platformName));
    }
    threads.push(mergeThreadParts(folder, read));
  }
  return threads;
}

/**
 * Pair the threads by the creator's name: the one the creator gave, else the first of the
 * export's own names that writes in a thread; when none does, ask (needsCreator) and pair nothing.
 */
export function pairByCreator(
  threads: readonly MetaThread[],
  exportNames: readonly string[],
  options: ImportOptions,
  platform: SiteId,
  where: string,
  warnings: string[],
): { replies: ImportedReply[]; needsCreator?: { candidates: string[] } } {
  if (!threads.length) return { replies: [] };
  if (options.creator) {
    const creator = findSender(threads, [options.creator]) ?? options.creator;
    if (!threads.some((t) => t.messages.some((m) => sameName(m.sender, creator)))) {
      warnings.push(`No conversation has a message from “${options.creator}”: no messages were paired.`);
    }
    return { replies: pairThreads(threads, creator, platform, options.signal) };
  }
  const creator = findSender(threads, exportNames);
  if (creator) return { replies: pairThreads(threads, creator, platform, options.signal) };
  if (exportNames.length) {
    warnings.push(`Your name in ${where} (“${exportNames[0]}”) doesn't appear in any conversation: say which sender is you to pair your messages.`);
  }
  return { replies: [], needsCreator: { candidates: creatorCandidates(threads) } };
}

/** The download was requested as HTML: say so with the fix, rather than "nothing found". */
export function htmlOnlyError(path: string, platformName: string): ImportFormatError {
  return new ImportFormatError(
    path,
    `${path} is from ${an(platformName)} download in HTML format, which Understudy doesn't read: request a new download and choose the JSON format.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Instagram
// ---------------------------------------------------------------------------------------------

const NAME = 'Instagram';

/** Comment labels the reference shows (English, Dutch); other languages fall back to order. */
const COMMENT_LABELS = new Set(['comment', 'opmerking']);
const OWNER_LABELS = new Set(['media owner', 'media-eigenaar']);

interface RawComment {
  text: string;
  owner?: string;
  date?: number;
}

/** Epoch seconds → ms. */
const fromSeconds = (s: number | undefined): number | undefined => (s === undefined ? undefined : s * 1000);

/**
 * ISO-like dates of the 2018–2020 layout ("2018-10-16T12:34:56", with or without an offset).
 * Without an offset the time is read as UTC (unconfirmed: no source says which zone).
 */
export function parseIsoLike(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), frac ? Math.round(Number(`0.${frac}`) * 1000) : 0);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.replace(/[^0-9]/g, '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A current item: `string_map_data` of {label: {value} | {timestamp}}. The labels are in the
 * account's language, so the comment is found by its label when known, else as the first
 * child with a value that isn't the media owner (every layout seen lists Comment first), and the
 * time as the child with a timestamp.
 */
function commentFromStringMap(map: Record<string, unknown>): RawComment | undefined {
  let text: string | undefined;
  let owner: string | undefined;
  let date: number | undefined;
  const unlabelled: string[] = [];
  for (const [labelName, raw] of Object.entries(map)) {
    const child = asRecord(raw);
    if (!child) continue;
    const key = repairMojibake(labelName).toLowerCase();
    // Every child may carry `timestamp` (0 where it means nothing): the time is the one that isn't 0.
    const stamp = finite(child.timestamp);
    if (stamp && date === undefined) date = fromSeconds(stamp);
    const value = str(child.value);
    if (stamp && !COMMENT_LABELS.has(key)) continue;
    if (value === undefined) continue;
    if (COMMENT_LABELS.has(key)) text = value;
    else if (OWNER_LABELS.has(key)) owner = value;
    else unlabelled.push(value);
  }
  text ??= unlabelled.shift();
  owner ??= unlabelled.shift();
  return text === undefined ? undefined : { text, owner, date };
}

function commentFromItem(item: unknown): RawComment | undefined | 'unknown' {
  if (Array.isArray(item)) {
    // 2018–2020: [created, text, owner].
    const [created, text, owner] = item;
    if (typeof text !== 'string') return 'unknown';
    return { text: repairMojibake(text), owner: str(owner), date: typeof created === 'string' ? parseIsoLike(created) : undefined };
  }
  const record = asRecord(item);
  if (!record) return 'unknown';
  const map = asRecord(record.string_map_data);
  if (map) return commentFromStringMap(map) ?? { text: '' };
  const list = Array.isArray(record.string_list_data) ? asRecord(record.string_list_data[0]) : undefined;
  if (list) {
    // Dec 2020–2022: {title: owner, string_list_data: [{value, timestamp}]}.
    return { text: str(list.value) ?? '', owner: str(record.title), date: fromSeconds(finite(list.timestamp)) };
  }
  return 'unknown';
}

/** The comment items of any comments file layout, or undefined when the shape is none of them. */
function commentItems(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  const root = asRecord(json);
  if (!root) return undefined;
  const lists = Object.entries(root).filter(([k, v]) => Array.isArray(v) && /^(comments_\w+|media_comments|live_comments|story_comments)$/.test(k));
  return lists.length ? lists.flatMap(([, v]) => v as unknown[]) : undefined;
}

async function readComments(files: readonly MetaFile[], skipped: Record<string, number>, signal?: AbortSignal): Promise<ImportedReply[]> {
  const seen = new Set<string>();
  const out: ImportedReply[] = [];
  for (const { file } of files) {
    signal?.throwIfAborted();
    const items = commentItems(await readMetaJson(file, NAME));
    if (!items) throw wrongShape(file.path, 'has no list of comments', NAME);
    items.forEach((item, i) => {
      const c = commentFromItem(item);
      if (c === 'unknown') throw wrongShape(file.path, `has an item that isn't a comment (item ${i + 1})`, NAME);
      if (!c?.text.trim()) return countSkip(skipped, SKIP.mediaComments);
      // No comment ids exist in any layout: split files are deduped by time, owner and text.
      const key = `${c.date ?? ''}\u0000${c.owner ?? ''}\u0000${c.text}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ reply: c.text, platform: 'instagram', kind: 'comment', ...(c.date !== undefined ? { date: c.date } : {}) });
    });
  }
  return out;
}

/** Before Dec 2020: root messages.json, `[{participants: [username], conversation: [{sender, created_at, text}]}]`. */
async function readLegacyMessages(file: ImportFile, skipped: Record<string, number>): Promise<MetaThread[]> {
  const json = await readMetaJson(file, NAME);
  if (!Array.isArray(json)) throw wrongShape(file.path, 'has no list of conversations', NAME);
  return json.map((raw, i) => {
    const thread = asRecord(raw);
    if (!thread || !Array.isArray(thread.conversation)) throw wrongShape(file.path, `has a conversation without messages (conversation ${i + 1})`, NAME);
    const participants = (Array.isArray(thread.participants) ? thread.participants : []).map(str).filter((n): n is string => !!n);
    const messages: ThreadMessage[] = [];
    for (const m of thread.conversation) {
      const message = asRecord(m);
      const sender = str(message?.sender);
      if (!message || !sender) continue;
      const text = str(message.text);
      if (!text?.trim()) {
        countSkip(skipped, SKIP.mediaOnly);
        continue;
      }
      const date = typeof message.created_at === 'string' ? parseIsoLike(message.created_at) : undefined;
      if (date === undefined) {
        countSkip(skipped, SKIP.noDate);
        continue;
      }
      messages.push({ sender, text, date });
    }
    return mergeThreadParts(`${file.path}#${i + 1}`, [{ participants, messages }]);
  });
}

/**
 * The creator's names from personal_information.json (`profile_user[0].string_map_data`; labels
 * may be translated, so every value is a candidate, Name first) or the 2018–2020 profile.json.
 */
async function readProfileNames(files: readonly MetaFile[]): Promise<{ names: string[]; where?: string }> {
  for (const { file } of files) {
    const root = asRecord(await readMetaJson(file, NAME));
    const user = Array.isArray(root?.profile_user) ? asRecord(root.profile_user[0]) : undefined;
    const map = asRecord(user?.string_map_data);
    if (map) {
      const entries = Object.entries(map)
        .map(([k, v]) => [k.toLowerCase(), str(asRecord(v)?.value)] as const)
        // Every value may be a name (labels are translated); emails, flags and dates never are.
        .filter((e): e is readonly [string, string] => !!e[1]?.trim() && !/@|^(true|false)$|^[\d\s:./-]+$/i.test(e[1]));
      const rank = (k: string) => (k === 'name' ? 0 : k === 'username' ? 1 : 2);
      return { names: [...entries].sort((a, b) => rank(a[0]) - rank(b[0])).map(([, v]) => v), where: file.path };
    }
    if (root && (typeof root.name === 'string' || typeof root.username === 'string')) {
      return { names: [str(root.name), str(root.username)].filter((n): n is string => !!n), where: file.path };
    }
  }
  return { names: [] };
}

async function parseInstagram(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const all = await classifyMetaFiles(files);
  const mine = all.filter((f) => f.product === 'instagram');
  const skipped: Record<string, number> = {};
  const warnings: string[] = [];

  if (all.some((f) => f.product === 'facebook')) {
    warnings.push('The Facebook files dropped with this Instagram download were not read: import the Facebook download on its own.');
  }
  const posts = mine.filter((f) => f.kind === 'threads-posts');
  if (posts.length) warnings.push(`${posts[0]!.file.path}: Threads posts are in this download, but Understudy doesn't read Threads yet.`);

  const aiThreads = mine.filter((f) => f.kind === 'thread' && /(^|\/)ai_conversations\//i.test(f.file.path));
  countSkip(skipped, SKIP.metaAi, new Set(aiThreads.map((f) => parentDir(f.file.path))).size);
  const threadFiles = mine.filter((f) => f.kind === 'thread' && !aiThreads.includes(f));
  const commentFiles = mine.filter((f) => f.kind === 'ig-comments' || f.kind === 'ig-legacy-comments-or-fb');
  const legacyMessages = mine.filter((f) => f.kind === 'ig-legacy-messages');
  const html = mine.filter((f) => f.kind === 'html-thread' || f.kind === 'html-comments');

  if (!threadFiles.length && !commentFiles.length && !legacyMessages.length) {
    if (html[0]) throw htmlOnlyError(html[0].file.path, NAME);
    if (aiThreads.length) throw new ImportFormatError(aiThreads[0]!.file.path, `${aiThreads[0]!.file.path}: this Instagram download holds only chats with Meta AI, which aren't your replies to anyone.`);
    const first = mine[0]?.file.path ?? files[0]?.path ?? 'These files';
    throw new ImportFormatError(
      first,
      mine.length
        ? `${first}: this Instagram download has no comments or messages (your_instagram_activity/comments, …/messages): request a new one with “Comments” and “Messages” ticked, in JSON format.`
        : `${first} isn't part of an Instagram download: drop the zip Instagram sent, or its your_instagram_activity folder.`,
    );
  }
  if (html.length) warnings.push(`${html[0]!.file.path} and other HTML pages were not read: only the download's JSON files are.`);

  const comments = await readComments(commentFiles, skipped, options.signal);
  const threads = await readThreads(threadFiles, skipped, NAME, options.signal);
  for (const f of legacyMessages) threads.push(...(await readLegacyMessages(f.file, skipped)));

  const profile = await readProfileNames(mine.filter((f) => f.kind === 'ig-profile'));
  const dms = pairByCreator(threads, profile.names, options, 'instagram', profile.where ?? 'your profile', warnings);

  const result: ImportResult = {
    format: 'instagram',
    replies: sortReplies(fitLimits([...comments, ...dms.replies], skipped)),
    skipped,
    warnings,
  };
  if (dms.needsCreator) result.needsCreator = dms.needsCreator;
  return result;
}

export const instagramImporter: Importer = {
  id: 'instagram',
  label,
  async detect(files) {
    return (await classifyMetaFiles(files)).some((f) => f.product === 'instagram' && f.confirmed);
  },
  parse: parseInstagram,
};
