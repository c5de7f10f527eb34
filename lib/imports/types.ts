/**
 * The contract every platform-export importer follows (issue 12). An importer reads the files of
 * one export (a zip's entries, a folder, or single files), recognises its own format from file
 * names and first bytes together, and returns the creator's own replies, with what each answered
 * where the export has it. Importers are pure: they never touch the database; what they return
 * is previewed, deduplicated and written by the import flow.
 * See ../shared/docs/exports-reference.md for every format, its variants and its pitfalls.
 */
import type { SiteId } from '../core/sites';
import type { ReplyKind } from '../core/conversation';

/** One file of an export: its path inside the archive or folder, and lazy access to its bytes. */
export interface ImportFile {
  /** Path with "/" separators as the archive or folder names it ("data/tweets.js"). */
  path: string;
  /** Size in bytes (uncompressed). */
  size: number;
  /** The first `bytes` bytes decoded as UTF-8 (BOM removed), for detection. */
  head(bytes?: number): Promise<string>;
  /** The whole file as UTF-8 text (BOM removed). */
  text(): Promise<string>;
}

/** Whether an example answered a public comment or was a direct message (one list, in core). */
export type { ReplyKind };

/** One of the creator's own replies, as found in an export. */
export interface ImportedReply {
  /** What the creator wrote (links expanded where the export allows, mojibake repaired). */
  reply: string;
  /** The comment or message it answered, when the export holds it. */
  incoming?: string;
  /** Who wrote `incoming`, when known (a name or handle). */
  incomingAuthor?: string;
  /**
   * Where it was posted. Absent only when the file does not say (a CSV of replies without a
   * platform column): memory keeps such replies without a platform, as it does profile examples,
   * and the preview may let the creator pick one.
   */
  platform?: SiteId;
  /** The creator's own label for what it is about, when the file has one (a CSV's topic column). */
  topic?: string;
  kind: ReplyKind;
  /** When the creator wrote it, epoch milliseconds. */
  date?: number;
  /** The export's own id for the reply (a string, never a Number: X ids are 64-bit). */
  sourceId?: string;
}

/** What an importer found: the replies, and what it left out and why (shown in the preview). */
export interface ImportResult {
  /** Importer id ('x-archive', 'instagram', …). */
  format: string;
  replies: ImportedReply[];
  /** Counts of what was left out, by reason ("retweets", "media-only messages"). */
  skipped: Record<string, number>;
  /** Problems that did not stop the import, in the creator's words, naming the file. */
  warnings: string[];
  /**
   * DMs need to know which sender is the creator. When the export does not say (a missing
   * account file), the importer lists the candidates instead of guessing, and pairs nothing.
   */
  needsCreator?: { candidates: string[] };
}

export interface ImportOptions {
  /** The creator's name or handle as a DM sender, when they told us (see needsCreator). */
  creator?: string;
  signal?: AbortSignal;
}

export interface Importer {
  /** Stable id, also the ImportResult's format. */
  id: string;
  /** How the creator knows it: "X archive", "Instagram download". */
  label: string;
  /** Is this set of files (or one of them) this importer's format? Names and first bytes together. */
  detect(files: readonly ImportFile[]): Promise<boolean>;
  parse(files: readonly ImportFile[], options?: ImportOptions): Promise<ImportResult>;
}

/** A problem that stops an import: one sentence naming the file, the place and the reason. */
export class ImportFormatError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
    /** Every problem found, when there are several ("examples[3].reply — is empty"), each listed for the creator. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ImportFormatError';
  }
}
