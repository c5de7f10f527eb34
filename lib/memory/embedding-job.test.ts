import type { ExampleRow, UnderstudyDB } from './db';
import {
  createActivityGate,
  createEmbeddingRunner,
  runEmbeddingJob,
  type EmbeddingJobDeps,
  type EmbeddingProgress,
} from './embedding-job';
import { exampleText } from './embedding-text';
import { loadVectorIndex, saveEmbeddingBatch } from './embeddings-repo';
import { freshDb } from './fresh-db.testutil';
import { addSentExample } from './examples-repo';
import { dbWithQuota } from './quota.testutil';
import { STORAGE_FULL_MESSAGE } from './storage-error';
import { wipeEverything } from './wipe';

const MODEL = { id: 'snowflake-arctic-embed-s-q0f32-MLC-b4', dims: 8 };

async function addExamples(db: UnderstudyDB, count: number, from = 0): Promise<number[]> {
  const rows: Omit<ExampleRow, 'id'>[] = Array.from({ length: count }, (_, i) => ({
    incoming: `Question number ${from + i}`,
    reply: `Answer number ${from + i}`,
    source: 'import',
    createdAt: 1_700_000_000_000 + i,
  }));
  return (await db.examples.bulkAdd(rows, { allKeys: true })) as number[];
}

/** A fake embedder: a vector derived from the text, and a log of every text it was asked for. */
function embedder(options: { failOnCall?: number; dims?: number } = {}) {
  const texts: string[] = [];
  let calls = 0;
  const embed = vi.fn(async (batch: string[]) => {
    calls++;
    if (calls === options.failOnCall) throw new Error('The GPU stopped while running the model.');
    texts.push(...batch);
    return batch.map((text) => Array.from({ length: options.dims ?? MODEL.dims }, (_, j) => ((text.length + j) % 7) + 1));
  });
  return { embed, texts };
}

function job(db: UnderstudyDB, embed: EmbeddingJobDeps['embed'], extra: Partial<EmbeddingJobDeps> = {}) {
  const progress: EmbeddingProgress[] = [];
  const run = () => runEmbeddingJob({ db, model: MODEL, embed, batchSize: 4, rowSize: 8, onProgress: (p) => progress.push(p), ...extra });
  return { run, progress };
}

describe('the embedding job', () => {
  it('gives every reply a vector, a batch at a time, stored in rows of several batches, reporting progress', async () => {
    const db = freshDb();
    const ids = await addExamples(db, 19);
    const { embed, texts } = embedder();
    const { run, progress } = job(db, embed);
    const outcome = await run();
    expect(outcome).toMatchObject({ phase: 'done', embedded: 19, total: 19 });
    expect(embed).toHaveBeenCalledTimes(5);
    expect(embed.mock.calls.every(([batch]) => batch.length <= 4)).toBe(true);
    expect(texts[0]).toBe('Question number 0\nAnswer number 0');
    expect(await db.embeddings.count()).toBe(3);
    const { index } = await loadVectorIndex(db, MODEL.id, MODEL.dims);
    expect(ids.every((id) => index.has(id))).toBe(true);
    expect(progress.map((p) => p.embedded)).toEqual([0, 4, 8, 12, 16, 19, 19]);
    expect(progress.at(-1)?.version).toEqual({ count: 19, maxId: ids.at(-1) });
  });

  it('skips replies that already have a vector', async () => {
    const db = freshDb();
    const ids = await addExamples(db, 6);
    await saveEmbeddingBatch(db, { model: MODEL.id, dims: MODEL.dims, exampleIds: ids.slice(0, 4), vectors: ids.slice(0, 4).map(() => [1, 0, 0, 0, 0, 0, 0, 0]) });
    const { embed, texts } = embedder();
    const outcome = await job(db, embed).run();
    expect(outcome).toMatchObject({ phase: 'done', embedded: 6, total: 6 });
    expect(texts).toEqual([4, 5].map((i) => `Question number ${i}\nAnswer number ${i}`));
  });

  it('resumes after being stopped: what was saved stays, and only the rest is embedded next time', async () => {
    const db = freshDb();
    await addExamples(db, 20);
    const controller = new AbortController();
    const first = embedder();
    const stopping = vi.fn(async (batch: string[]) => {
      const vectors = await first.embed(batch);
      if (first.texts.length >= 8) controller.abort();
      return vectors;
    });
    const stopped = await job(db, stopping, { signal: controller.signal }).run();
    expect(stopped).toMatchObject({ phase: 'stopped', embedded: 8 });

    const second = embedder();
    const outcome = await job(db, second.embed).run();
    expect(outcome).toMatchObject({ phase: 'done', embedded: 20, total: 20 });
    expect(second.texts).toHaveLength(12);
    expect(new Set([...first.texts, ...second.texts]).size).toBe(20);
  });

  it('stops at an embedding failure with the reason, keeping every batch embedded before it', async () => {
    const db = freshDb();
    await addExamples(db, 16);
    const failing = embedder({ failOnCall: 3 });
    const outcome = await job(db, failing.embed).run();
    expect(outcome).toMatchObject({ phase: 'error', embedded: 8, total: 16, error: 'The GPU stopped while running the model.' });
    // The two batches before the failure were saved, although a row holds 8 and only 8 were done.
    expect((await loadVectorIndex(db, MODEL.id, MODEL.dims)).index.size).toBe(8);

    const retry = embedder();
    expect(await job(db, retry.embed).run()).toMatchObject({ phase: 'done', embedded: 16 });
    expect(retry.texts).toHaveLength(8);
  });

  it('refuses vectors of the wrong shape rather than storing them', async () => {
    const db = freshDb();
    await addExamples(db, 3);
    const wrong = embedder({ dims: 5 });
    expect(await job(db, wrong.embed).run()).toMatchObject({ phase: 'error', embedded: 0 });
    expect(await db.embeddings.count()).toBe(0);
  });

  it('waits while a draft is being written before sending the next batch', async () => {
    const db = freshDb();
    await addExamples(db, 8);
    const gate = createActivityGate();
    let finishDraft!: () => void;
    void gate.track(new Promise<void>((resolve) => (finishDraft = resolve)));
    const { embed } = embedder();
    const running = job(db, embed, { idle: () => gate.idle() }).run();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(embed).not.toHaveBeenCalled();
    finishDraft();
    expect(await running).toMatchObject({ phase: 'done', embedded: 8 });
  });

  it('drops vectors of replies that were deleted, and embeds the new ones', async () => {
    const db = freshDb();
    const old = await addExamples(db, 8);
    await job(db, embedder().embed).run();
    await db.examples.bulkDelete(old);
    const fresh = await addExamples(db, 3, 100);
    const outcome = await job(db, embedder().embed).run();
    expect(outcome).toMatchObject({ phase: 'done', embedded: 3, total: 3 });
    const rows = await db.embeddings.toArray();
    expect(rows.flatMap((r) => r.exampleIds).sort((a, b) => a - b)).toEqual(fresh);
  });

  it('embeds a reply as the comment it answered and the reply, cut to fit the model', () => {
    expect(exampleText({ incoming: 'Hi  there\n', reply: ' Thanks! ' })).toBe('Hi there\nThanks!');
    expect(exampleText({ reply: 'Just a reply' })).toBe('Just a reply');
    const long = exampleText({ incoming: 'q'.repeat(5000), reply: 'r'.repeat(5000) });
    expect(Array.from(long).length).toBeLessThanOrEqual(440);
    expect(long.startsWith('q')).toBe(true);
    expect(long.endsWith('r')).toBe(true);
  });
});

describe('the embedding job when the disk is full or memory is wiped', () => {
  it('ends in the error state saying the disk is full when saving vectors fails with a quota error', async () => {
    const quota = dbWithQuota(['embeddings']);
    await addExamples(quota.db, 16);
    quota.setFull(true);
    const { run, progress } = job(quota.db, embedder().embed);
    const outcome = await run();
    expect(quota.refused).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ phase: 'error', error: STORAGE_FULL_MESSAGE });
    expect(progress.at(-1)?.phase).toBe('error');
    expect(await quota.db.embeddings.count()).toBe(0);
  });

  it('stops, writing no vector for the deleted replies, when memory is wiped from another page while it runs', async () => {
    const db = freshDb();
    const old = await addExamples(db, 12);
    let wiped = false;
    const { embed } = embedder();
    // The options page wipes the database directly, while the background's job waits for a batch.
    const wipingMidway = vi.fn(async (texts: string[]) => {
      const vectors = await embed(texts);
      if (!wiped) {
        wiped = true;
        await wipeEverything(db);
      }
      return vectors;
    });
    const outcome = await job(db, wipingMidway, { rowSize: 4 }).run();
    expect(outcome.phase).toBe('stopped');
    expect(wipingMidway).toHaveBeenCalledTimes(1);
    expect(await db.embeddings.count()).toBe(0);

    // New replies after the wipe get ids the old ones never had, and only their own vectors.
    const fresh = await addSentExample(db, { reply: 'A reply written after the wipe' });
    expect(fresh).toBeGreaterThan(Math.max(...old));
    expect(await job(db, embedder().embed).run()).toMatchObject({ phase: 'done', embedded: 1, total: 1 });
    const stored = (await db.embeddings.toArray()).flatMap((row) => row.exampleIds);
    expect(stored).toEqual([fresh]);
  });
});

describe('the embedding runner', () => {
  function memoryStore() {
    let value: EmbeddingProgress | null = null;
    return {
      getValue: vi.fn(async () => value),
      setValue: vi.fn(async (next: EmbeddingProgress | null) => {
        value = next;
      }),
      get current() {
        return value;
      },
    };
  }

  function runner(
    db: UnderstudyDB,
    options: { model?: typeof MODEL | null; canRun?: boolean; failOnCall?: number; now?: () => number } = {},
  ) {
    const progress = memoryStore();
    const fake = embedder({ failOnCall: options.failOnCall });
    const canRun = vi.fn(async () => options.canRun ?? true);
    const instance = createEmbeddingRunner({
      db,
      chosenModel: async () => (options.model === undefined ? MODEL : options.model),
      canRun,
      embed: (_model, texts) => fake.embed(texts),
      progress,
      writeEveryMs: 0,
      ...(options.now ? { now: options.now } : {}),
    });
    return { instance, progress, fake, canRun };
  }

  it('does nothing without an embedding model in use', async () => {
    const db = freshDb();
    await addExamples(db, 3);
    const { instance, fake, progress } = runner(db, { model: null });
    await instance.kick();
    await instance.settled();
    expect(fake.embed).not.toHaveBeenCalled();
    expect(progress.current).toBeNull();
  });

  it('does nothing while the chosen model cannot run (not downloaded, or no GPU)', async () => {
    const db = freshDb();
    await addExamples(db, 3);
    const { instance, fake } = runner(db, { canRun: false });
    await instance.kick();
    await instance.settled();
    expect(fake.embed).not.toHaveBeenCalled();
  });

  it('runs once, then only again when memory changed, without even asking whether the model can run', async () => {
    const db = freshDb();
    await addExamples(db, 5);
    const { instance, fake, progress, canRun } = runner(db);
    await instance.kick();
    await instance.settled();
    expect(progress.current).toMatchObject({ phase: 'done', embedded: 5, total: 5 });
    const calls = fake.embed.mock.calls.length;

    await instance.kick();
    await instance.settled();
    expect(fake.embed.mock.calls.length).toBe(calls);
    expect(canRun).toHaveBeenCalledTimes(1);

    await addExamples(db, 2, 50);
    await instance.kick();
    await instance.settled();
    expect(progress.current).toMatchObject({ phase: 'done', embedded: 7, total: 7 });
  });

  it('after a failure waits before trying again on its own, but tries at once when the creator asks', async () => {
    const db = freshDb();
    await addExamples(db, 10);
    let time = 1_000_000;
    const { instance, fake, progress } = runner(db, { failOnCall: 1, now: () => time });
    await instance.kick();
    await instance.settled();
    expect(progress.current).toMatchObject({ phase: 'error', embedded: 0 });

    time += 60_000;
    await instance.kick();
    await instance.settled();
    expect(fake.embed).toHaveBeenCalledTimes(1);

    await instance.kick({ force: true });
    await instance.settled();
    expect(progress.current).toMatchObject({ phase: 'done', embedded: 10 });
  });

  it('starts one job however often it is kicked, and stop() ends it', async () => {
    const db = freshDb();
    await addExamples(db, 40);
    const { instance, progress } = runner(db);
    await Promise.all([instance.kick(), instance.kick(), instance.kick()]);
    expect(instance.running).toBe(MODEL.id);
    await instance.stop();
    expect(instance.running).toBeUndefined();
    expect(['stopped', 'done']).toContain(progress.current?.phase);
  });

  it('after a full disk stops the job, a new draft does not start it again until the retry time has passed', async () => {
    const quota = dbWithQuota(['embeddings']);
    await addExamples(quota.db, 10);
    quota.setFull(true);
    let time = 1_000_000;
    const { instance, fake, progress } = runner(quota.db, { now: () => time });
    await instance.kick();
    await instance.settled();
    expect(progress.current).toMatchObject({ phase: 'error', error: STORAGE_FULL_MESSAGE });
    const calls = fake.embed.mock.calls.length;

    // Each finished draft kicks the runner.
    time += 60_000;
    await instance.kick();
    await instance.settled();
    expect(fake.embed.mock.calls.length).toBe(calls);
    expect(instance.running).toBeUndefined();
  });

  it('records the full disk as an error, not "running", when tidying old vectors fails before embedding starts', async () => {
    const quota = dbWithQuota(['embeddings']);
    const ids = await addExamples(quota.db, 8);
    const { instance, progress } = runner(quota.db);
    await instance.kick();
    await instance.settled();
    // Most replies of a stored row are deleted: the job rewrites the row with the rest first.
    await quota.db.examples.bulkDelete(ids.slice(0, 5));
    quota.setFull(true);
    await instance.kick({ force: true });
    await instance.settled();
    expect(quota.refused).toBeGreaterThan(0);
    expect(progress.current).toMatchObject({ phase: 'error', error: STORAGE_FULL_MESSAGE });
  });

  it('is stopped before a wipe it is given to, and writes nothing after it', async () => {
    const db = freshDb();
    await addExamples(db, 40);
    const { instance, progress } = runner(db);
    await instance.kick();
    expect(instance.running).toBe(MODEL.id);
    await wipeEverything(db, { stopJobs: () => instance.stop() });
    expect(instance.running).toBeUndefined();
    expect(['stopped', 'done']).toContain(progress.current?.phase);
    expect(await db.embeddings.count()).toBe(0);
  });
});
