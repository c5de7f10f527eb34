/**
 * Reading export archives with fflate's streaming unzip: the archive is read once, in chunks,
 * and only the entries an importer can use (text files with known names) are inflated, so an X
 * archive of several GB of media costs the memory of its few text files. Limits stop a zip bomb
 * (expanded size) before it fills memory; encrypted archives are refused with a plain reason.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { fileFromBytes } from './files';
import { ImportFormatError, type ImportFile } from './types';

/** Expanded bytes of wanted entries past which reading stops: no export's text is this large. */
export const MAX_EXPANDED_BYTES = 1024 * 1024 * 1024;

export interface ReadZipOptions {
  /** Which entries to inflate, by path. Media, __MACOSX and folders are never wanted. */
  wanted(path: string): boolean;
  maxExpandedBytes?: number;
  signal?: AbortSignal;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Does this start like a zip archive (local file header)? */
export function looksLikeZip(head: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, i) => head[i] === byte);
}

/** The files an importer may read from a zip (a Blob/File, or bytes in memory). */
export async function readZip(name: string, source: Blob | Uint8Array, options: ReadZipOptions): Promise<ImportFile[]> {
  const limit = options.maxExpandedBytes ?? MAX_EXPANDED_BYTES;
  const out: ImportFile[] = [];
  let expanded = 0;
  let entries = 0;
  let failure: Error | undefined;
  const pending: Promise<void>[] = [];
  /** Entries begun but not ended: after the archive's last byte, these were cut short. */
  const unfinished = new Map<string, () => void>();

  const unzip = new Unzip((entry: UnzipFile) => {
    const path = entry.name;
    entries += 1;
    if (path.endsWith('/') || path.startsWith('__MACOSX/') || path.includes('/__MACOSX/') || !options.wanted(path)) return;
    const chunks: Uint8Array[] = [];
    pending.push(
      new Promise<void>((settle) => {
        const resolve = () => {
          unfinished.delete(path);
          settle();
        };
        unfinished.set(path, resolve);
        entry.ondata = (error, chunk, final) => {
          if (failure) return resolve();
          if (error) {
            failure = new ImportFormatError(name, `${name}: ${path} could not be read: the archive is damaged or protected by a password. Download your export again and choose the zip as the platform sent it, without adding a password.`);
            return resolve();
          }
          expanded += chunk.byteLength;
          if (expanded > limit) {
            failure = new ImportFormatError(name, `${name} expands to more than ${Math.round(limit / 1024 / 1024)} MB of text: that is not an export Understudy reads (stopped before it filled memory).`);
            entry.terminate();
            return resolve();
          }
          chunks.push(chunk);
          if (final) {
            out.push(fileFromBytes(path, concat(chunks)));
            resolve();
          }
        };
        try {
          entry.start();
        } catch {
          // Compression method 99 is AES encryption: a password-protected zip.
          failure = entry.compression === 99 ? passwordProtected(name) : new ImportFormatError(name, `${name}: ${path} uses a compression Understudy can't read. Download your export again and choose the zip as the platform sent it.`);
          resolve();
        }
      }),
    );
  });
  unzip.register(UnzipInflate);

  // Inflating is synchronous here: once the last byte is pushed, an entry still open never ends.
  const endOfArchive = () => {
    const [path] = unfinished.keys();
    if (path === undefined) return;
    failure ??= truncated(name, path);
    for (const resolve of [...unfinished.values()]) resolve();
  };
  let first = true;
  const push = (chunk: Uint8Array, final: boolean) => {
    if (first && chunk.byteLength >= 8) {
      first = false;
      if (isEncrypted(chunk)) failure ??= passwordProtected(name);
    }
    if (failure) return;
    try {
      unzip.push(chunk, final);
    } catch (error) {
      const [open] = unfinished.keys();
      failure ??=
        final && open !== undefined
          ? truncated(name, open)
          : new ImportFormatError(name, `${name} is not a readable zip archive (${(error as Error).message}). Download your export again and choose the zip as the platform sent it.`);
    }
  };
  if (source instanceof Uint8Array) {
    push(source, true);
    endOfArchive();
  } else {
    const reader = source.stream().getReader();
    for (;;) {
      if (options.signal?.aborted) throw new DOMException('Import cancelled', 'AbortError');
      const { done, value } = await reader.read();
      if (done) {
        push(new Uint8Array(0), true);
        endOfArchive();
        break;
      }
      push(value, false);
      if (failure) {
        await reader.cancel();
        for (const resolve of [...unfinished.values()]) resolve();
        break;
      }
    }
  }
  await Promise.all(pending);
  if (failure) throw failure;
  if (entries === 0) throw new ImportFormatError(name, `${name} is not a readable zip archive: no files were found in it (is the download complete?).`);
  return out;
}

/** The first entry's "encrypted" flag (general purpose bit 0 of its local header). */
export function isEncrypted(head: Uint8Array): boolean {
  return looksLikeZip(head) && head.byteLength >= 8 && (head[6]! & 1) === 1;
}

/** A zip someone protected with a password: platforms never do, so it was re-zipped. */
export function passwordProtected(name: string): ImportFormatError {
  return new ImportFormatError(
    name,
    `${name} is protected by a password, so Understudy can't open it. Platforms send their downloads without one: choose the zip exactly as it was downloaded, or unzip it yourself and choose its folder.`,
  );
}

/** A download cut short: the archive ends inside one of its files. */
export function truncated(name: string, path: string): ImportFormatError {
  return new ImportFormatError(
    name,
    `${name} ends in the middle of ${path}: the download was cut short. Download your export again, wait until it has finished, then choose the new file.`,
  );
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
