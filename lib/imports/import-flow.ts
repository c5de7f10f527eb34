/**
 * The import flow behind Options (issue 12): the files the creator chose or dropped → one export
 * → a preview of what it would add → the creator confirms → one new source in memory.
 *
 * 1. openSelection: every chosen file becomes ImportFiles; a .zip is read once, streamed, and
 *    only its text-like entries are inflated (readZip). Several files chosen together are one
 *    export (the data/ files of an X archive). A binary file is refused before it is read.
 * 2. prepareImport: a style profile JSON (v1) goes through lib/profile/import-json.ts as before;
 *    anything else through the importer that recognises it (registry.ts). Replies are cleaned and
 *    deduplicated against memory and within the export (dedup.ts). Nothing is written.
 * 3. previewImport: counts for the preview, under the creator's filters; pure, so the filters
 *    recompute it instantly.
 * 4. commitImport: one transaction (addRepliesAsSource, applyProfile for a profile): a failure
 *    or a cancel leaves memory exactly as it was. Duplicates are checked again inside it, since
 *    memory may have changed while the preview was open.
 *
 * Steps 1–2 run in the import worker (import.worker.ts via import-runner.ts), off the Options
 * page's thread; progress is reported in words and as a fraction of the work (onProgress), from
 * which the page estimates the time left.
 */
import { SITE_NAMES, type SiteId } from '../core/sites';
import type { UnderstudyDB } from '../memory/db';
import { applyProfile, toReplyInputs } from '../profile/apply';
import { looksLikeBackup, MAX_BACKUP_BYTES, parseBackup, planRestore, restoreBackup, type BackupFile, type RestorePlan } from '../profile/backup';
import { parseProfileFile, readProfileFile, type ParseResult } from '../profile/import-json';
import { PROFILE_FORMAT, type StyleProfile } from '../profile/schema';
import { addRepliesAsSource, cleanReply, dedupe, memoryHashes, type ReplyInput } from './add-source';
import { isQuotaError, storageFullMessage } from '../memory/storage-error';
import { fileFromBlob } from './files';
import { refusalHint } from './hints';
import { detectImporter, IMPORTERS } from './registry';
import { ImportFormatError, type ImportFile, type Importer, type ImportResult } from './types';
import { looksLikeZip, readZip } from './zip';

/** Entries of an archive worth inflating: exports keep their text in these. */
const TEXT_LIKE = /\.(js|json|csv|html?|txt)$/i;
/**
 * A single text file (not a zip) larger than this is refused before it is read: no export's
 * text file is this large, and reading it would hold it in memory twice (bytes, then text).
 */
export const MAX_TEXT_FILE_BYTES = 512 * 1024 * 1024;

export const PROFILE_LABEL = 'Understudy style profile';
export const BACKUP_LABEL = 'Understudy backup';
export const SKIPPED_TOO_LONG = 'replies too long to keep';

export interface ChosenFile {
  file: File;
  /** Path inside a dropped folder ("data/tweets.js"); the file's name otherwise. */
  path?: string;
}

/** The files of one import, opened. */
export interface Selection {
  /** How messages name it: "twitter-2024.zip", or "tweets.js and 2 more files". */
  name: string;
  files: ImportFile[];
  /** The browser File behind each loose (not zipped) file. */
  loose: Map<ImportFile, File>;
  /** The share of the whole import's work already done by opening it (reading its zips). */
  progressDone?: number;
}

/**
 * How the work of an import is shared out for the progress bar: streaming a zip is most of it,
 * then the importer's parse (measured by the bytes of text it has asked for), then the check
 * against memory. Rough on purpose: the bar must only move forward and end at the end.
 */
export const PROGRESS_SHARE = { openZips: 0.5, parsedBy: 0.95 } as const;

export interface FlowOptions {
  signal?: AbortSignal;
  /** MAX_TEXT_FILE_BYTES unless a test needs a small one. */
  maxTextBytes?: number;
  /**
   * A sentence on what is happening now ("Reading twitter.zip: 40 of 120 MB…") and, when known,
   * the share of the import's work done so far (0–1, never going back).
   */
  onProgress?: (text: string, fraction?: number) => void;
}

export interface PrepareOptions extends FlowOptions {
  /** The DM sender the creator said is them (needsCreator). */
  creator?: string;
}

/** What an import would add: computed without writing anything. */
export interface PreparedImport {
  /** What was read: its name for every message (the files themselves stay where they were read). */
  selection: Pick<Selection, 'name'>;
  /** Importer id, or 'profile'. */
  format: string;
  /** How the creator knows the format: "X archive", "Understudy style profile". */
  label: string;
  /** A style profile file: its profile fields replace the current ones on import. */
  profile?: StyleProfile;
  /** A full backup: restored (or merged) as a whole on import, with what that would do now. */
  backup?: { file: BackupFile; plan: RestorePlan };
  /** Replies memory does not hold yet, each once. */
  replies: ReplyInput[];
  duplicates: { inMemory: number; inFile: number };
  /** What the importer (and this flow) left out, by reason. */
  skipped: Record<string, number>;
  warnings: string[];
  needsCreator?: { candidates: string[] };
  creator?: string;
  importer?: Importer;
  /**
   * Set when prepared in the import worker: each reply's language, detected there while the
   * preview is open (the costly part of a commit), and the worker's release when the preview closes.
   */
  worker?: { languages(): Promise<string[]>; release(): void };
}

/** The preview's filters; every field optional, an empty object keeps everything. */
export interface ImportFilters {
  /** Platforms to leave out ('none' for replies whose platform is unknown). */
  excludedPlatforms?: (SiteId | 'none')[];
  fromYear?: number;
  toYear?: number;
  /** Leave out replies shorter than this many characters. */
  minChars?: number;
  /** Leave out replies with a link. */
  withoutLinks?: boolean;
}

export interface PlatformCount {
  platform: SiteId | 'none';
  name: string;
  total: number;
  comments: number;
  dms: number;
}

export interface ImportPreview {
  fileName: string;
  label: string;
  /** Replies the import would add, after filters. */
  total: number;
  withIncoming: number;
  platforms: PlatformCount[];
  years?: { from: number; to: number };
  duplicates: number;
  /** Left out by the filters. */
  filteredOut: number;
  skipped: Record<string, number>;
  /** Up to three replies as they would be stored, those with what they answered first. */
  samples: ReplyInput[];
  warnings: string[];
  /** Before filters: what the filter controls offer. */
  allPlatforms: (SiteId | 'none')[];
  allYears?: { from: number; to: number };
  profile?: { name: string; facts: number; boundaries: number; links: number; offers: number };
  backup?: RestorePlan;
  /** The settings a backup holds, by name. */
  backupSettings?: Record<string, unknown>;
  needsCreator?: { candidates: string[] };
}

export interface CommitOptions {
  filters?: ImportFilters;
  consentText?: string;
  now?: number;
}

export interface CommitSummary {
  fileName: string;
  label: string;
  added: number;
  withIncoming: number;
  platforms: SiteId[];
  duplicates: number;
  sourceId?: number;
  /** A style profile's name and facts, when the import was one. */
  profile?: { name: string; facts: number };
  /** What a backup restored or added. */
  backup?: RestorePlan;
}

function report(options: FlowOptions, text: string, fraction?: number) {
  options.onProgress?.(text, fraction);
}

function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw new DOMException('Import cancelled', 'AbortError');
}

/** "1 reply" / "3,214 replies". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 10 ? `${Math.round(mb)}` : mb.toFixed(1).replace(/\.0$/, '');
}

function selectionName(chosen: readonly ChosenFile[]): string {
  const first = chosen[0]?.file.name ?? 'the files';
  const rest = chosen.length - 1;
  return rest > 0 ? `${first} and ${plural(rest, 'more file', 'more files')}` : first;
}

/** A File as readZip streams it, counting bytes as they pass for the progress text. */
function counted(file: File, onBytes: (read: number) => void): Blob {
  let read = 0;
  return {
    size: file.size,
    stream: () =>
      file.stream().pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            read += chunk.byteLength;
            onBytes(read);
            controller.enqueue(chunk);
          },
        }),
      ),
  } as unknown as Blob;
}

/** Opens what the creator chose: zips are read (text entries only), other files stay lazy. */
export async function openSelection(chosen: readonly (File | ChosenFile)[], options: FlowOptions = {}): Promise<Selection> {
  const items: ChosenFile[] = chosen.map((c) => (c instanceof Blob ? { file: c } : c));
  if (items.length === 0) throw new ImportFormatError('', 'No file was chosen.');
  const selection: Selection = { name: selectionName(items), files: [], loose: new Map() };
  const zipBytes = items.reduce((n, { file }) => n + file.size, 0);
  let zipBytesBefore = 0;
  let openedZip = false;
  for (const { file, path } of items) {
    throwIfAborted(options.signal);
    const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
    if (looksLikeZip(head)) {
      let lastShown = -1;
      const total = megabytes(file.size);
      openedZip = true;
      const before = zipBytesBefore;
      const share = (read: number) => (PROGRESS_SHARE.openZips * (before + read)) / Math.max(1, zipBytes);
      report(options, `Reading ${file.name}…`, share(0));
      const entries = await readZip(
        file.name,
        counted(file, (read) => {
          const percent = Math.floor((read / Math.max(1, file.size)) * 100);
          if (percent === lastShown) return;
          lastShown = percent;
          report(options, `Reading ${file.name}: ${megabytes(read)} of ${total} MB (${percent}%)…`, share(read));
        }),
        { wanted: (p) => TEXT_LIKE.test(p), ...(options.signal ? { signal: options.signal } : {}) },
      );
      if (entries.length === 0) {
        throw new ImportFormatError(
          file.name,
          `${file.name} holds no file Understudy reads (no .js, .json, .csv, .html or .txt files): is it a platform's data export?`,
        );
      }
      selection.files.push(...entries);
      zipBytesBefore += file.size;
      continue;
    }
    const limit = options.maxTextBytes ?? MAX_TEXT_FILE_BYTES;
    if (file.size > limit) {
      throw new ImportFormatError(
        file.name,
        `${file.name} is ${megabytes(file.size)} MB, more than the ${megabytes(limit)} MB Understudy reads from one text file; it was not read. If it is part of an export, choose the export's zip instead.`,
      );
    }
    if (head.includes(0)) {
      throw new ImportFormatError(
        file.name,
        `${file.name} is not a text file or an export Understudy reads: it looks like binary data (an image, a video or a document?).`,
      );
    }
    const importFile = fileFromBlob(path || (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, file);
    selection.files.push(importFile);
    selection.loose.set(importFile, file);
  }
  if (openedZip) selection.progressDone = PROGRESS_SHARE.openZips;
  return selection;
}

/**
 * The selection's files, each reporting when an importer asks for its text: the parse's
 * progress, by the bytes of text asked for so far, without any importer knowing about it.
 */
function withParseProgress(selection: Selection, options: FlowOptions): ImportFile[] {
  if (!options.onProgress) return selection.files;
  const start = selection.progressDone ?? 0;
  const total = Math.max(1, selection.files.reduce((n, f) => n + f.size, 0));
  let asked = 0;
  return selection.files.map((file) => ({
    ...file,
    text: () => {
      report(options, `Reading ${file.path} (${megabytes(file.size)} MB)…`, start + ((PROGRESS_SHARE.parsedBy - start) * asked) / total);
      asked += file.size;
      return file.text();
    },
  }));
}

const PROFILE_HEAD = new RegExp(`"format"\\s*:\\s*"${PROFILE_FORMAT.replace(/\./g, '\\.')}"`);

function profileError(result: ParseResult & { ok: false }): ImportFormatError {
  return new ImportFormatError(result.error.fileName, result.error.message, result.error.problems ?? []);
}

/** Reads a backup file whole (it is one JSON document), refusing one past MAX_BACKUP_BYTES unread. */
async function parseBackupFile(selection: Selection, file: ImportFile): Promise<BackupFile> {
  const name = displayName(selection, file);
  const size = selection.loose.get(file)?.size ?? file.size;
  if (size > MAX_BACKUP_BYTES) {
    throw new ImportFormatError(name, `${name} is ${megabytes(size)} MB, more than the ${megabytes(MAX_BACKUP_BYTES)} MB a backup can be; it was not read.`);
  }
  const result = parseBackup(name, await file.text());
  if (!result.ok) throw new ImportFormatError(name, result.message, result.problems);
  return result.backup;
}

async function parseProfile(selection: Selection, file: ImportFile): Promise<StyleProfile> {
  const blob = selection.loose.get(file);
  const result = blob ? await readProfileFile(blob) : parseProfileFile(file.path, await file.text());
  if (!result.ok) throw profileError(result);
  return result.profile;
}

function supportedFormats(): string {
  const labels = [PROFILE_LABEL, ...IMPORTERS.map((i) => i.label)];
  return labels.join(', ');
}

/** Which file of a single-file selection, when the selection is one file. */
function onlyFile(selection: Selection): ImportFile | undefined {
  return selection.files.length === 1 ? selection.files[0] : undefined;
}

function displayName(selection: Selection, file: ImportFile): string {
  return selection.loose.get(file)?.name ?? file.path;
}

/**
 * Reads the selection and works out what importing it would add. Throws ImportFormatError (one
 * sentence naming the file) for what it cannot read; writes nothing.
 */
export async function prepareImport(
  db: UnderstudyDB,
  selection: Selection,
  options: PrepareOptions = {},
): Promise<PreparedImport> {
  throwIfAborted(options.signal);
  report(options, `Recognising ${selection.name}…`);
  const single = onlyFile(selection);

  let profile: StyleProfile | undefined;
  let importer: Importer | undefined;
  if (single && looksLikeBackup(await single.head())) {
    const file = await parseBackupFile(selection, single);
    throwIfAborted(options.signal);
    return {
      selection,
      format: 'backup',
      label: BACKUP_LABEL,
      backup: { file, plan: await planRestore(db, file) },
      replies: [],
      duplicates: { inMemory: 0, inFile: 0 },
      skipped: {},
      warnings: [],
    };
  }
  if (single && PROFILE_HEAD.test(await single.head())) {
    profile = await parseProfile(selection, single);
  } else {
    importer = await detectImporter(selection.files);
    if (!importer) {
      const head = single ? (await single.head()).trimStart() : '';
      // A lone JSON file nobody recognises: the profile reader says precisely what is wrong with it.
      if (single && (/\.json$/i.test(single.path) || head === '' || head.startsWith('{') || head.startsWith('['))) {
        profile = await parseProfile(selection, single);
      } else {
        const hint = await refusalHint(selection.files);
        throw new ImportFormatError(
          selection.name,
          hint ? `${selection.name} is not an export Understudy reads. ${hint}` : `${selection.name} is not an export Understudy reads. It reads: ${supportedFormats()}.`,
        );
      }
    }
  }
  throwIfAborted(options.signal);

  let result: ImportResult;
  if (profile) {
    result = { format: 'profile', replies: [], skipped: {}, warnings: [] };
  } else {
    report(options, `Reading your replies from the ${importer!.label}…`, selection.progressDone ?? 0);
    try {
      result = await importer!.parse(withParseProgress(selection, options), {
        ...(options.creator ? { creator: options.creator } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (error instanceof ImportFormatError || (error as Error)?.name === 'AbortError') throw error;
      throw new ImportFormatError(selection.name, `${selection.name} could not be read as a ${importer!.label}: ${(error as Error)?.message ?? String(error)}`);
    }
  }
  throwIfAborted(options.signal);

  report(options, 'Checking for replies already in memory…', PROGRESS_SHARE.parsedBy);
  const raw: ReplyInput[] = profile ? toReplyInputs(profile) : result.replies.map(fromImported);
  const skipped = { ...result.skipped };
  const clean: ReplyInput[] = [];
  for (const reply of raw) {
    const kept = cleanReply(reply);
    if (kept) clean.push(kept);
    else if (reply.reply.trim()) skipped[SKIPPED_TOO_LONG] = (skipped[SKIPPED_TOO_LONG] ?? 0) + 1;
  }
  const { fresh, duplicates } = dedupe(clean, await memoryHashes(db));
  const prepared: PreparedImport = {
    selection,
    format: profile ? 'profile' : importer!.id,
    label: profile ? PROFILE_LABEL : importer!.label,
    replies: fresh,
    duplicates,
    skipped,
    warnings: [...result.warnings],
  };
  if (profile) prepared.profile = profile;
  if (importer) prepared.importer = importer;
  if (result.needsCreator) prepared.needsCreator = result.needsCreator;
  if (options.creator) prepared.creator = options.creator;
  return prepared;
}

function fromImported(r: ImportResult['replies'][number]): ReplyInput {
  const out: ReplyInput = { reply: r.reply, kind: r.kind };
  if (r.platform) out.platform = r.platform;
  if (r.topic) out.topic = r.topic;
  if (r.incoming !== undefined) out.incoming = r.incoming;
  if (r.date !== undefined && Number.isFinite(r.date)) out.date = r.date;
  return out;
}

const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]/i;

function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

/** The replies the filters keep. */
export function applyFilters(replies: readonly ReplyInput[], filters: ImportFilters = {}): ReplyInput[] {
  const excluded = new Set(filters.excludedPlatforms ?? []);
  return replies.filter((r) => {
    if (excluded.size && excluded.has(r.platform ?? 'none')) return false;
    if (filters.minChars && [...r.reply].length < filters.minChars) return false;
    if (filters.withoutLinks && LINK.test(r.reply)) return false;
    if (r.date !== undefined && (filters.fromYear !== undefined || filters.toYear !== undefined)) {
      const year = yearOf(r.date);
      if (filters.fromYear !== undefined && year < filters.fromYear) return false;
      if (filters.toYear !== undefined && year > filters.toYear) return false;
    }
    return true;
  });
}

function yearRange(replies: readonly ReplyInput[]): { from: number; to: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const r of replies) {
    if (r.date === undefined) continue;
    min = Math.min(min, r.date);
    max = Math.max(max, r.date);
  }
  return Number.isFinite(min) ? { from: yearOf(min), to: yearOf(max) } : undefined;
}

function platformName(platform: SiteId | 'none'): string {
  return platform === 'none' ? 'Platform not given' : SITE_NAMES[platform];
}

function pickSamples(replies: readonly ReplyInput[], count = 3): ReplyInput[] {
  const answered = replies.filter((r) => r.incoming);
  const pool = answered.length >= count ? answered : replies;
  if (pool.length <= count) return pool.slice();
  // Spread over the export rather than its first few, which are often the oldest.
  return Array.from({ length: count }, (_, i) => pool[Math.floor(((i + 0.5) * pool.length) / count)]!);
}

/** The preview's numbers under these filters. Pure: the filters recompute it at once. */
export function previewImport(prepared: PreparedImport, filters: ImportFilters = {}): ImportPreview {
  const kept = applyFilters(prepared.replies, filters);
  const byPlatform = new Map<SiteId | 'none', PlatformCount>();
  let withIncoming = 0;
  for (const r of kept) {
    const key = r.platform ?? 'none';
    let count = byPlatform.get(key);
    if (!count) byPlatform.set(key, (count = { platform: key, name: platformName(key), total: 0, comments: 0, dms: 0 }));
    count.total += 1;
    if (r.kind === 'comment') count.comments += 1;
    if (r.kind === 'dm') count.dms += 1;
    if (r.incoming) withIncoming += 1;
  }
  const allPlatforms = [...new Set(prepared.replies.map((r) => r.platform ?? ('none' as const)))];
  const preview: ImportPreview = {
    fileName: prepared.selection.name,
    label: prepared.label,
    total: kept.length,
    withIncoming,
    platforms: [...byPlatform.values()].sort((a, b) => b.total - a.total),
    duplicates: prepared.duplicates.inMemory + prepared.duplicates.inFile,
    filteredOut: prepared.replies.length - kept.length,
    skipped: prepared.skipped,
    samples: pickSamples(kept),
    warnings: prepared.warnings,
    allPlatforms,
  };
  const years = yearRange(kept);
  if (years) preview.years = years;
  const allYears = yearRange(prepared.replies);
  if (allYears) preview.allYears = allYears;
  if (prepared.profile) {
    const p = prepared.profile;
    preview.profile = { name: p.name, facts: p.facts.length, boundaries: p.boundaries.length, links: p.links.length, offers: p.offers.length };
  }
  if (prepared.backup) preview.backup = prepared.backup.plan;
  if (prepared.backup?.file.settings) preview.backupSettings = prepared.backup.file.settings;
  if (prepared.needsCreator) preview.needsCreator = prepared.needsCreator;
  return preview;
}

/**
 * A left-out reason with its count: "120 retweets left out.", "1 retweet left out." An
 * importer's reason is written for many ("messages that only share a video"); for one, a short
 * reason (one or two words) is made singular, a longer one is listed with its count instead of
 * guessing its grammar.
 */
export function describeSkipped(n: number, reason: string): string {
  if (n !== 1) return `${n.toLocaleString('en-US')} ${reason} left out.`;
  const words = reason.split(' ');
  const last = words.at(-1)!;
  if (words.length <= 2 && /^[\p{L}-]+$/u.test(reason.replace(/ /g, '')) && /[^s]s$/i.test(last)) {
    words[words.length - 1] = last.replace(/ies$/i, 'y').replace(/([^s])s$/i, '$1');
    return `1 ${words.join(' ')} left out.`;
  }
  return `Left out: ${reason} (1).`;
}

function years(range: { from: number; to: number } | undefined): string {
  if (!range) return '';
  return range.from === range.to ? `${range.from}` : `${range.from}–${range.to}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The preview in sentences, as the creator reads it: "3,214 replies (812 with the message they
 * answered) from X, 2019–2026." then the per-platform split, duplicates and what was left out.
 */
export function describePreview(preview: ImportPreview): string[] {
  if (preview.backup) return describeBackup(preview.backup, preview.backupSettings);
  const lines: string[] = [];
  if (preview.profile) {
    const p = preview.profile;
    lines.push(
      `A style profile for ${p.name}: importing replaces your profile (voice, greeting, sign-off), ` +
        `your fact sheet with ${plural(p.facts, 'fact', 'facts')}, ${plural(p.boundaries, 'boundary', 'boundaries')}, ` +
        `${plural(p.links, 'link', 'links')} and ${plural(p.offers, 'offer', 'offers')}.`,
    );
  }
  const from = preview.platforms.filter((p) => p.platform !== 'none').map((p) => p.name);
  const span = years(preview.years);
  let head = `${plural(preview.total, 'reply', 'replies')} (${preview.withIncoming.toLocaleString('en-US')} with the message they answered)`;
  if (from.length) head += ` from ${listWords(from)}`;
  if (span) head += `, ${span}`;
  lines.push(`${head}.`);
  if (preview.platforms.length > 1 || preview.platforms.some((p) => p.comments && p.dms)) {
    for (const p of preview.platforms) {
      const parts: string[] = [];
      if (p.comments) parts.push(plural(p.comments, 'comment reply', 'comment replies'));
      if (p.dms) parts.push(plural(p.dms, 'direct message', 'direct messages'));
      const other = p.total - p.comments - p.dms;
      if (other) parts.push(plural(other, 'reply', 'replies'));
      lines.push(`${p.name}: ${parts.join(', ')}.`);
    }
  }
  if (preview.duplicates) {
    lines.push(`${plural(preview.duplicates, 'duplicate', 'duplicates')} skipped (already in memory or repeated in the file).`);
  }
  for (const [reason, n] of Object.entries(preview.skipped)) {
    if (n > 0) lines.push(describeSkipped(n, reason));
  }
  if (preview.filteredOut) {
    lines.push(`${plural(preview.filteredOut, 'reply', 'replies')} left out by your filters.`);
  }
  if (preview.total === 0 && !preview.profile) lines.push('Nothing new to import.');
  return lines;
}

/** What a backup holds, per table: "25 replies, 2 facts, 1 contact (with your private note), …". */
function backupCounts(counts: RestorePlan['adds'] & { notes?: number }): string {
  const parts = [
    plural(counts.examples, 'reply', 'replies'),
    plural(counts.facts, 'fact', 'facts'),
    plural(counts.contacts, 'contact', 'contacts') +
      (counts.notes ? ` (${counts.notes === 1 ? 'with your private note on 1' : `with your private notes on ${counts.notes}`})` : ''),
    plural(counts.sources, 'source', 'sources'),
    plural(counts.drafts, 'draft', 'drafts'),
  ];
  return listWords(parts);
}

/** The preview of a backup, per table, and what importing it does to the memory there is now. */
export function describeBackup(plan: RestorePlan, settings?: Record<string, unknown>): string[] {
  const file = plan.inFile;
  const lines = [`A backup of Understudy's memory: ${file.profile ? 'a profile, ' : ''}${backupCounts(file)}.`];
  if (settings && Object.keys(settings).length) {
    lines.push('It holds your settings too (site and DM switches, disclosure note, engine order, model): importing puts them back.');
  }
  if (plan.mode === 'restore') {
    lines.push('Memory here is empty: importing restores everything as it was.');
  } else {
    lines.push(`Memory here already holds replies: importing adds only what it lacks, ${backupCounts(plan.adds)}.`);
    if (plan.duplicates) lines.push(`${plural(plan.duplicates, 'reply is', 'replies are')} already in memory and will not be added twice.`);
    if (plan.profile === 'kept' && file.profile) lines.push('Your current profile is kept; the one in the backup is not used.');
    if (plan.profile === 'restored') lines.push("The backup's profile becomes yours (memory has none).");
  }
  return lines;
}

/**
 * Writes what the preview showed (under the same filters) as one new source, in one
 * transaction. A style profile also replaces the profile fields and the fact sheet.
 */
export async function commitImport(
  db: UnderstudyDB,
  prepared: PreparedImport,
  options: CommitOptions = {},
): Promise<CommitSummary> {
  const now = options.now ?? Date.now();
  const replies = applyFilters(prepared.replies, options.filters);
  const fileName = prepared.selection.name;
  const base = {
    fileName,
    label: prepared.label,
    platforms: [...new Set(replies.flatMap((r) => (r.platform ? [r.platform] : [])))],
  };
  const consent = options.consentText ? { consentText: options.consentText } : {};
  if (prepared.backup) {
    const done = await restoreBackup(db, prepared.backup.file, now);
    return { ...base, platforms: [], added: done.adds.examples, withIncoming: 0, duplicates: done.duplicates, backup: done };
  }
  if (prepared.profile) {
    const summary = await applyProfile(db, prepared.profile, fileName, now, { replies, ...consent });
    return {
      ...base,
      added: summary.examples,
      withIncoming: countWithIncoming(replies, summary.examples),
      duplicates: prepared.duplicates.inMemory + prepared.duplicates.inFile + (replies.length - summary.examples),
      sourceId: summary.sourceId,
      profile: { name: prepared.profile.name, facts: summary.facts },
    };
  }
  const added = await addRepliesAsSource(db, replies, {
    fileName,
    kind: 'export-import',
    format: prepared.label,
    now,
    ...consent,
  });
  const out: CommitSummary = {
    ...base,
    added: added.added,
    withIncoming: countWithIncoming(replies, added.added),
    duplicates: prepared.duplicates.inMemory + prepared.duplicates.inFile + (replies.length - added.added),
  };
  if (added.sourceId !== undefined) out.sourceId = added.sourceId;
  return out;
}

/** Replies with what they answered, among those added (all of them, unless memory changed since the preview). */
function countWithIncoming(replies: readonly ReplyInput[], added: number): number {
  const n = replies.filter((r) => r.incoming).length;
  return Math.min(n, added);
}

/** The success sentence for role=status. */
export function describeOutcome(summary: CommitSummary): string {
  if (summary.backup) {
    const plan = summary.backup;
    if (plan.mode === 'restore') return `Restored ${summary.fileName}: ${plan.inFile.profile ? 'your profile, ' : ''}${backupCounts(plan.adds)}.`;
    let text = `Imported ${summary.fileName}: added ${backupCounts(plan.adds)}.`;
    if (plan.duplicates) text += ` ${plural(plan.duplicates, 'reply was', 'replies were')} already in memory.`;
    return text;
  }
  if (summary.profile) {
    const replies = summary.added ? plural(summary.added, 'example reply', 'example replies') : 'no new example replies';
    // A name that ends a sentence itself ("Maya O.") gets no second full stop.
    const name = summary.profile.name;
    let text = `Imported ${summary.fileName}: ${replies} and ${plural(summary.profile.facts, 'fact', 'facts')} for ${name}${/[.!?]$/.test(name) ? '' : '.'}`;
    if (summary.duplicates) text += ` ${plural(summary.duplicates, 'reply was', 'replies were')} already in memory.`;
    return text;
  }
  if (summary.added === 0) {
    return `Imported nothing new from ${summary.fileName}: ${summary.duplicates ? `its ${plural(summary.duplicates, 'reply is', 'replies are')} already in memory` : 'it holds no replies to add'}.`;
  }
  const from = summary.platforms.length ? ` from ${listWords(summary.platforms.map((p) => SITE_NAMES[p]))}` : '';
  const answered = summary.withIncoming ? ` (${summary.withIncoming.toLocaleString('en-US')} with the message they answered)` : '';
  let text = `Imported ${summary.fileName}: ${plural(summary.added, 'reply', 'replies')}${from}${answered}.`;
  if (summary.duplicates) text += ` ${plural(summary.duplicates, 'duplicate', 'duplicates')} skipped.`;
  return text;
}

/** The error sentence for role=alert: always naming the file. */
export function describeImportError(fileName: string, error: unknown): string {
  if (error instanceof ImportFormatError) {
    const message = error.message;
    const named = error.fileName || fileName;
    return message.includes(named) ? message : `${named}: ${message}`;
  }
  if (isQuotaError(error)) return `${storageFullMessage(fileName, 'import it again')} Your memory is unchanged.`;
  return `${fileName} was not imported: ${(error as Error)?.message ?? String(error)}. Your memory is unchanged.`;
}
