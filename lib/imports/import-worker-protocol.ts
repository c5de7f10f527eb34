/**
 * The messages between the Options page and the import worker (import.worker.ts). The page sends
 * the creator's Files (structured clone passes a File by reference, not by copying its bytes);
 * the worker opens, detects and parses them, checks them against memory, and sends back what the
 * preview needs. The worker never writes: the page commits after the creator confirms.
 */
import type { ReplyInput } from './add-source';
import type { ChosenFile, PreparedImport } from './import-flow';

/** After a prepare: the language of each reply, in order, for the page's commit. */
export interface LanguagesRequest {
  type: 'languages';
}

export type ToImportWorker = PrepareRequest | LanguagesRequest;

export interface PrepareRequest {
  type: 'prepare';
  files: ChosenFile[];
  /** The DM sender the creator said is them, when the export does not say. */
  creator?: string;
}

/** An error as it crosses the worker boundary (an Error's class does not survive structured clone). */
export interface WorkerError {
  name: string;
  message: string;
  /** Set for an ImportFormatError: the file it names, and every problem found. */
  fileName?: string;
  problems?: string[];
}

/** Replies travel in chunks so the page never decodes 100,000 of them in one long task. */
export const REPLY_CHUNK = 2000;

export type FromImportWorker =
  | { type: 'progress'; text: string; fraction?: number }
  | { type: 'replies'; replies: ReplyInput[] }
  /** The end of a prepare: everything but the replies, which came before in chunks. */
  | { type: 'prepared'; prepared: Omit<PreparedImport, 'replies' | 'importer'> }
  | { type: 'failed'; error: WorkerError }
  /** Each reply's language ('' for none), in the order the replies were sent. */
  | { type: 'languages'; languages: string[] };
