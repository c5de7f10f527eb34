/**
 * ImportFile over what the browser hands us (a File from the input or a dropped folder) and
 * over bytes already in memory (a zip entry, a test). Text is decoded as UTF-8 with a BOM
 * dropped; a file whose bytes are not text is refused by the caller, not mis-read.
 */
import type { ImportFile } from './types';

const decoder = new TextDecoder('utf-8');
const DEFAULT_HEAD = 4096;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function fileFromBytes(path: string, bytes: Uint8Array): ImportFile {
  return {
    path,
    size: bytes.byteLength,
    head: async (n = DEFAULT_HEAD) => stripBom(decoder.decode(bytes.subarray(0, n))),
    text: async () => stripBom(decoder.decode(bytes)),
  };
}

export function fileFromText(path: string, text: string): ImportFile {
  return fileFromBytes(path, new TextEncoder().encode(text));
}

/** A browser File (or Blob with a name): only the bytes asked for are read. */
export function fileFromBlob(path: string, blob: Blob): ImportFile {
  return {
    path,
    size: blob.size,
    head: async (n = DEFAULT_HEAD) => stripBom(decoder.decode(new Uint8Array(await blob.slice(0, n).arrayBuffer()))),
    text: async () => stripBom(decoder.decode(new Uint8Array(await blob.arrayBuffer()))),
  };
}

/** The last path segment: "data/tweets-part1.js" → "tweets-part1.js". */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
