/**
 * The files of a drop: loose files as they are, and a dropped folder walked to every file in it
 * with its path inside the folder ("twitter-2024/data/tweets.js"), as an export unpacked on disk.
 * Uses the File and Directory Entries API (webkitGetAsEntry), the one every browser has for drops.
 */
import type { ChosenFile } from '@/lib/imports/import-flow';

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  fullPath: string;
  file?(resolve: (file: File) => void, reject: (error: unknown) => void): void;
  createReader?(): { readEntries(resolve: (entries: Entry[]) => void, reject: (error: unknown) => void): void };
}

async function walk(entry: Entry, out: ChosenFile[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((resolve, reject) => entry.file!(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\/+/, '') });
    return;
  }
  if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    // readEntries returns a batch at a time (100 in Chromium) until an empty one.
    for (;;) {
      const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out);
    }
  }
}

export async function droppedFiles(data: DataTransfer): Promise<ChosenFile[]> {
  const entries: Entry[] = [];
  for (const item of Array.from(data.items ?? [])) {
    const entry = (item as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  if (entries.length === 0 || !entries.some((e) => e.isDirectory)) {
    return Array.from(data.files ?? []).map((file) => ({ file }));
  }
  const out: ChosenFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
