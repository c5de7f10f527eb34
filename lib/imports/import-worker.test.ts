import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../memory/fresh-db.testutil';
import { openSelection, prepareImport } from './import-flow';
import type { ReplyInput } from './add-source';
import { detectLanguages, fromWorkerError, handlePrepare, toWorkerError } from './import-worker';
import { REPLY_CHUNK, type FromImportWorker } from './import-worker-protocol';
import { inlineRunner, workerRunner, type WorkerLike } from './import-runner';
import { ImportFormatError } from './types';

const X_DATA = resolve(__dirname, '../../public/samples/exports/x-archive/data');

function xArchiveZip(): File {
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(X_DATA)) entries[`data/${name}`] = readFileSync(join(X_DATA, name));
  return new File([zipSync(entries)], 'twitter-2025.zip');
}

/** A tweets.js of n replies (to someone else's tweet), each its own text, so none is a duplicate. */
function manyTweets(n: number): File {
  const tweets = Array.from({ length: n }, (_, i) => ({
    tweet: { id_str: String(1_000_000 + i), created_at: 'Sat Aug 12 16:10:37 +0000 2023', full_text: `@sam Thanks for asking, number ${i}!`, in_reply_to_status_id_str: '42', in_reply_to_user_id_str: '7', in_reply_to_screen_name: 'sam', entities: { urls: [] } },
  }));
  return new File([`window.YTD.tweets.part0 = ${JSON.stringify(tweets)}`], 'tweets.js');
}

async function run(files: File[], creator?: string) {
  const messages: FromImportWorker[] = [];
  let clock = 0;
  await handlePrepare(freshDb(), { type: 'prepare', files: files.map((file) => ({ file })), ...(creator ? { creator } : {}) }, (m) => messages.push(m), () => (clock += 30));
  return messages;
}

describe('the import worker', () => {
  it('sends the same replies and counts the page would have prepared itself, ending with the prepared import', async () => {
    const messages = await run([xArchiveZip()]);
    const last = messages.at(-1)!;
    expect(last.type).toBe('prepared');
    const replies = messages.flatMap((m) => (m.type === 'replies' ? m.replies : []));
    const db = freshDb();
    const direct = await prepareImport(db, await openSelection([xArchiveZip()]));
    expect(replies).toEqual(direct.replies);
    if (last.type !== 'prepared') throw new Error('not prepared');
    expect(last.prepared.label).toBe(direct.label);
    expect(last.prepared.skipped).toEqual(direct.skipped);
    expect(last.prepared.selection).toEqual({ name: 'twitter-2025.zip' });
  });

  it('sends a large export’s replies in chunks, never all in one message', async () => {
    const messages = await run([manyTweets(REPLY_CHUNK * 2 + 5)]);
    const chunks = messages.filter((m) => m.type === 'replies');
    expect(chunks.map((m) => (m.type === 'replies' ? m.replies.length : 0))).toEqual([REPLY_CHUNK, REPLY_CHUNK, 5]);
  });

  it('reports progress that only moves forward and ends at the check against memory', async () => {
    const messages = await run([xArchiveZip()]);
    const fractions = messages.flatMap((m) => (m.type === 'progress' && m.fraction !== undefined ? [m.fraction] : []));
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeGreaterThanOrEqual(0.9);
    expect(messages.some((m) => m.type === 'progress' && m.text.startsWith('Reading twitter-2025.zip'))).toBe(true);
  });

  it('sends a refused file’s message and every problem, which the page turns back into the same error', async () => {
    const messages = await run([new File(['{ "format": "understudy.profile/v1", "name": 3 }'], 'me.json')]);
    const last = messages.at(-1)!;
    expect(last.type).toBe('failed');
    if (last.type !== 'failed') throw new Error('not failed');
    const error = fromWorkerError(last.error);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect((error as ImportFormatError).fileName).toBe('me.json');
    expect(error.message).toContain('me.json');
  });

  it('keeps an error’s name across the boundary, so a cancel still reads as a cancel', () => {
    const error = fromWorkerError(toWorkerError(new DOMException('Import cancelled', 'AbortError')));
    expect(error.name).toBe('AbortError');
    const problems = toWorkerError(new ImportFormatError('a.csv', 'a.csv: 2 problems', ['one', 'two']));
    expect(problems).toEqual({ name: 'ImportFormatError', message: 'a.csv: 2 problems', fileName: 'a.csv', problems: ['one', 'two'] });
  });
});

/** A worker that runs the real handler in this thread, and remembers being terminated. */
function fakeWorker(db = freshDb()) {
  const listeners: { message: ((e: { data: FromImportWorker }) => void)[] } = { message: [] };
  const state = { terminated: false };
  let prepared: Promise<ReplyInput[]> = Promise.resolve([]);
  const send = (data: FromImportWorker) => {
    if (!state.terminated) for (const l of listeners.message) l({ data });
  };
  const worker: WorkerLike = {
    postMessage(request) {
      if (request.type === 'prepare') prepared = handlePrepare(db, request, send);
      else void prepared.then((replies) => send({ type: 'languages', languages: detectLanguages(replies) }));
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      if (type === 'message') listeners.message.push(listener);
    },
    terminate() {
      state.terminated = true;
    },
  };
  return { worker, state };
}

describe('preparing through the worker', () => {
  it('gives the page the same preview as preparing on the page, and ends the worker', async () => {
    const { worker, state } = fakeWorker();
    const progress: number[] = [];
    const call = { signal: new AbortController().signal, onProgress: (_: string, f?: number) => void (f !== undefined && progress.push(f)) };
    const viaWorker = await workerRunner(() => worker)([{ file: xArchiveZip() }], call);
    const inline = await inlineRunner(() => freshDb())([{ file: xArchiveZip() }], call);
    expect(viaWorker.replies).toEqual(inline.replies);
    expect(viaWorker.duplicates).toEqual(inline.duplicates);
    expect(progress.length).toBeGreaterThan(0);
    // The worker stays for the languages the commit needs, then ends.
    expect(state.terminated).toBe(false);
    const languages = await viaWorker.worker!.languages();
    expect(languages).toHaveLength(viaWorker.replies.length);
    expect(languages).toContain('en');
    expect(state.terminated).toBe(true);
  });

  it('ends the worker when the creator closes the preview without importing', async () => {
    const { worker, state } = fakeWorker();
    const prepared = await workerRunner(() => worker)([{ file: xArchiveZip() }], { signal: new AbortController().signal, onProgress: () => {} });
    prepared.worker!.release();
    expect(state.terminated).toBe(true);
  });

  it('Cancel ends the worker at once and reports the import as cancelled', async () => {
    const { worker, state } = fakeWorker();
    const controller = new AbortController();
    const pending = workerRunner(() => worker)([{ file: manyTweets(5000) }], { signal: controller.signal, onProgress: () => {} });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(state.terminated).toBe(true);
  });
});
