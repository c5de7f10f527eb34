import { describe, expect, it } from 'vitest';
import type { CommentContext, DraftResult } from '../../core/draft';
import type { DraftAllJob } from '../../core/draft-all';
import { setAsideLabel } from '../../core/draft-all';
import { queueDraft } from '../../memory/drafts-repo';
import { freshDb } from '../../memory/fresh-db.testutil';
import type { UnderstudyDB } from '../../memory/db';
import type { DraftRunOptions } from '../draft-runner';
import { ALREADY_RUNNING, createDraftAllRunner, RESUME_WITHIN_MS, type DraftAllStore } from './runner';

const PAGE = 'https://www.youtube.com/watch?v=abc';
let n = 0;
function comment(author: string, text: string): CommentContext {
  n += 1;
  return { site: 'youtube', commentId: `c${n}`, author, text, pageUrl: PAGE };
}

function memoryStore(initial: unknown = null): DraftAllStore & { value: unknown } {
  return {
    value: initial,
    async getValue() {
      return this.value;
    },
    async setValue(job) {
      this.value = job === null ? null : structuredClone(job);
    },
  };
}

type Reply = DraftResult | Error | 'wait';

/** A drafter that answers per author; 'wait' holds the draft until `release()`. */
function scriptedDrafter(replies: Record<string, Reply> = {}) {
  const calls: string[] = [];
  const held: { release: () => void; signal: AbortSignal | undefined }[] = [];
  return {
    calls,
    held,
    async draft(c: CommentContext, options?: DraftRunOptions): Promise<DraftResult> {
      calls.push(c.author);
      const reply = replies[c.author] ?? { text: `Thanks, ${c.author}!`, engine: 'memory', exampleIds: [], fit: { level: 'fits', reasons: [] } };
      if (reply === 'wait') {
        await new Promise<void>((resolve) => held.push({ release: resolve, signal: options?.signal }));
        return { text: `Thanks, ${c.author}!`, engine: 'memory', exampleIds: [] };
      }
      if (reply instanceof Error) throw reply;
      return reply;
    },
  };
}

function setup(comments: CommentContext[], opts: { replies?: Record<string, Reply>; store?: ReturnType<typeof memoryStore>; db?: UnderstudyDB; now?: () => number } = {}) {
  const db = opts.db ?? freshDb();
  const store = opts.store ?? memoryStore();
  const drafter = scriptedDrafter(opts.replies);
  const runner = createDraftAllRunner({
    db,
    store,
    readPage: async () => ({ pageUrl: PAGE, comments }),
    drafter,
    queue: (report, flagCount) => queueDraft(db, report, flagCount === undefined ? {} : { flagCount }),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { db, store, drafter, runner, job: () => store.value as DraftAllJob | null };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await tick();
  expect(check()).toBe(true);
}

describe('Draft all runner', () => {
  it('drafts every comment into the queue, questions first, and records the ones set aside with their reason', async () => {
    const comments = [comment('@fan', 'Lovely loaf'), comment('@troll', 'Shut up, you idiot'), comment('@q', 'How long is the bulk ferment?')];
    const { db, drafter, runner, job } = setup(comments);
    await runner.start(7);
    await runner.settled();

    expect(drafter.calls).toEqual(['@q', '@fan']);
    const rows = await db.drafts.orderBy('id').toArray();
    expect(rows.filter((r) => r.status === 'queued').map((r) => r.author)).toEqual(['@q', '@fan']);
    const skipped = rows.filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => [r.author, r.setAside])).toEqual([['@troll', 'abuse']]);
    expect(setAsideLabel(skipped[0]!)).toBe('Skipped: Abusive');
    expect(job()).toMatchObject({ status: 'done', total: 3, done: 3, drafted: 2, setAside: 1, failed: 0, queue: [] });
  });

  it('sets aside a comment the memory engine finds nothing of the creator’s to answer with, as Needs you', async () => {
    const noFit: DraftResult = { text: '', engine: 'memory', exampleIds: [], fit: { level: 'none', reasons: ['nothing close'] } };
    const { db, runner, job } = setup([comment('@odd', 'What is your opinion on quantum chromodynamics?')], { replies: { '@odd': noFit } });
    await runner.start(7);
    await runner.settled();
    const [row] = await db.drafts.toArray();
    expect(row).toMatchObject({ status: 'skipped', setAside: 'no-fit' });
    expect(setAsideLabel(row!)).toBe('Needs you: None of your past replies answers this');
    expect(job()).toMatchObject({ status: 'done', drafted: 0, setAside: 1 });
  });

  it('keeps the claim guard’s flag count with each queued draft, so the desk’s Flagged only finds it unopened', async () => {
    const flagged: DraftResult = {
      text: 'Yes, $5 with code LOAF5!',
      engine: 'memory',
      exampleIds: [],
      fit: { level: 'fits', reasons: [] },
      flags: [{ kind: 'price', start: 5, end: 7, text: '$5', reason: 'A price not on your offers' }],
    };
    const clean: DraftResult = { text: 'Thank you!', engine: 'memory', exampleIds: [], fit: { level: 'fits', reasons: [] }, flags: [] };
    const { db, runner } = setup([comment('@buyer', 'Is the course $5?'), comment('@fan', 'Lovely loaf')], { replies: { '@buyer': flagged, '@fan': clean } });
    await runner.start(7);
    await runner.settled();
    const rows = await db.drafts.orderBy('id').toArray();
    expect(rows.map((r) => [r.author, r.flagCount])).toEqual([['@buyer', 1], ['@fan', 0]]);
  });

  it('goes on after an engine error on one comment, and says which comment failed and why', async () => {
    const comments = [comment('@a', 'Nice one'), comment('@b', 'Beautiful crumb'), comment('@c', 'So good')];
    const { db, runner, job } = setup(comments, { replies: { '@b': new Error('The model ran out of memory.') } });
    await runner.start(7);
    await runner.settled();
    expect((await db.drafts.toArray()).map((r) => r.author)).toEqual(['@a', '@c']);
    expect(job()).toMatchObject({ status: 'done', done: 3, drafted: 2, failed: 1, errors: [{ author: '@b', message: 'The model ran out of memory.' }] });
    expect(job()?.message).toContain('The model ran out of memory.');
  });

  it('pauses after the comment being drafted, and resumes with the next', async () => {
    const comments = [comment('@a', 'Nice one'), comment('@b', 'Beautiful crumb'), comment('@c', 'So good')];
    const { drafter, runner, job } = setup(comments, { replies: { '@a': 'wait' } });
    await runner.start(7);
    await until(() => drafter.held.length === 1);
    await runner.pause();
    expect(job()?.status).toBe('paused');
    drafter.held[0]!.release();
    await runner.settled();
    expect(drafter.calls).toEqual(['@a']);
    expect(job()).toMatchObject({ status: 'paused', done: 1, drafted: 1, queue: [{ author: '@b' }, { author: '@c' }] });

    await runner.resume();
    await runner.settled();
    expect(drafter.calls).toEqual(['@a', '@b', '@c']);
    expect(job()).toMatchObject({ status: 'done', done: 3, drafted: 3 });
  });

  it('cancels the draft being written and the rest, keeping the drafts already queued', async () => {
    const comments = [comment('@a', 'Nice one'), comment('@b', 'Beautiful crumb'), comment('@c', 'So good')];
    const { db, drafter, runner, job } = setup(comments, { replies: { '@b': 'wait' } });
    await runner.start(7);
    await until(() => drafter.held.length === 1);
    await runner.cancel();
    expect(drafter.held[0]!.signal?.aborted).toBe(true);
    drafter.held[0]!.release();
    await runner.settled();
    expect((await db.drafts.toArray()).map((r) => r.author)).toEqual(['@a']);
    expect(job()).toMatchObject({ status: 'cancelled', drafted: 1, queue: [] });
    expect(job()?.message).toBe('Cancelled. 2 comments were not drafted.');
  });

  it('refuses a second Draft all while one is running or paused', async () => {
    const { drafter, runner } = setup([comment('@a', 'Nice one'), comment('@b', 'Lovely')], { replies: { '@a': 'wait' } });
    await runner.start(7);
    await expect(runner.start(8)).rejects.toThrow(ALREADY_RUNNING);
    await runner.pause();
    await expect(runner.start(8)).rejects.toThrow(ALREADY_RUNNING);
    await until(() => drafter.held.length === 1);
    drafter.held[0]!.release();
    await runner.settled();
  });

  it('leaves alone comments already drafted, so running it twice on a page drafts nothing twice', async () => {
    const comments = [comment('@a', 'Nice one'), comment('@spam', 'Cheap followers at www.followers.example')];
    const first = setup(comments);
    await first.runner.start(7);
    await first.runner.settled();
    const second = setup(comments, { db: first.db });
    await second.runner.start(7);
    await second.runner.settled();
    expect(second.drafter.calls).toEqual([]);
    expect(second.job()).toMatchObject({ status: 'done', total: 0, message: 'Every comment on this page already has a draft.' });
    expect(await first.db.drafts.count()).toBe(2);
  });

  it('picks a running job up from storage after the worker restarts, without reading the page again', async () => {
    const comments = [comment('@a', 'Nice one'), comment('@b', 'Lovely'), comment('@c', 'So good')];
    const before = setup(comments, { replies: { '@b': 'wait' } });
    await before.runner.start(7);
    await until(() => before.drafter.held.length === 1);
    // The worker stops here: the draft of @b never finishes. A new worker starts with the same storage.
    const saved = structuredClone(before.store.value);
    const after = createDraftAllRunner({
      db: before.db,
      store: memoryStore(saved),
      readPage: () => Promise.reject(new Error('the tab is closed')),
      drafter: scriptedDrafter(),
      queue: (report) => queueDraft(before.db, report),
    });
    await after.resumeAfterRestart();
    await after.settled();
    const rows = await before.db.drafts.toArray();
    expect(rows.map((r) => r.author).sort()).toEqual(['@a', '@b', '@c']);
  });

  it('does not pick up a job interrupted more than a day ago, and says why', async () => {
    let clock = 1_000;
    const comments = [comment('@a', 'Nice one'), comment('@b', 'Lovely')];
    const before = setup(comments, { replies: { '@a': 'wait' }, now: () => clock });
    await before.runner.start(7);
    await until(() => before.drafter.held.length === 1);
    const store = memoryStore(structuredClone(before.store.value));
    clock += RESUME_WITHIN_MS + 1;
    const drafter = scriptedDrafter();
    const after = createDraftAllRunner({ db: before.db, store, readPage: async () => ({ pageUrl: PAGE, comments }), drafter, queue: async () => 0, now: () => clock });
    await after.resumeAfterRestart();
    await after.settled();
    expect(drafter.calls).toEqual([]);
    expect(store.value).toMatchObject({ status: 'stopped', queue: [] });
    expect((store.value as DraftAllJob).message).toMatch(/interrupted more than a day ago, with 2 comments left/);
  });

  it('says so instead of resuming when the saved progress cannot be read', async () => {
    const store = memoryStore({ status: 'running', queue: 'not a list' });
    const drafter = scriptedDrafter();
    const runner = createDraftAllRunner({ db: freshDb(), store, readPage: async () => ({ pageUrl: PAGE, comments: [] }), drafter, queue: async () => 0 });
    await runner.resumeAfterRestart();
    expect(store.value).toMatchObject({ status: 'stopped' });
    expect((store.value as DraftAllJob).message).toContain('could not be read');
  });
});
