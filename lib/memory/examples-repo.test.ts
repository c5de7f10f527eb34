import { describe, expect, it } from 'vitest';
import type { ExampleRow } from './db';
import {
  addSentExample,
  CHUNK_COUNTS_KEY,
  CHUNK_SIZE,
  countExamples,
  deleteExamples,
  examplesAfter,
  examplesVersion,
  getExamples,
  insertExamples,
  listExamples,
  onExamplesChanged,
  recentExamples,
} from './examples-repo';
import { freshDb } from './fresh-db.testutil';


describe('examples repository', () => {
  it('remembers a sent reply with what it answered and where', async () => {
    const db = freshDb();
    const id = await addSentExample(db, {
      incoming: '  How long do you proof?  ',
      reply: ' About 4 hours. ',
      platform: 'youtube',
      createdAt: 42,
    });
    expect(id).toBeTypeOf('number');
    expect(await listExamples(db)).toEqual([
      { id, incoming: 'How long do you proof?', reply: 'About 4 hours.', language: 'en', platform: 'youtube', source: 'sent', createdAt: 42, kind: 'comment' },
    ]);
  });

  it('does not remember a blank reply, or one too long to export', async () => {
    const db = freshDb();
    expect(await addSentExample(db, { reply: '   ' })).toBeUndefined();
    expect(await addSentExample(db, { reply: 'x'.repeat(5001) })).toBeUndefined();
    expect(await countExamples(db)).toBe(0);
  });

  it('counts and lists examples by source', async () => {
    const db = freshDb();
    await db.examples.bulkAdd([
      { reply: 'imported one', source: 'import', createdAt: 1 },
      { reply: 'imported two', source: 'import', createdAt: 2 },
    ]);
    await addSentExample(db, { reply: 'sent one' });
    expect(await countExamples(db)).toBe(3);
    expect(await countExamples(db, { source: 'sent' })).toBe(1);
    expect((await listExamples(db, { source: 'import' })).map((e) => e.reply)).toEqual(['imported one', 'imported two']);
  });

  it('remembers who a sent reply answered, its labels and its language', async () => {
    const db = freshDb();
    const id = await addSentExample(db, {
      reply: 'Muchas gracias por el video',
      contactKey: 'youtube:bob',
      tags: [' thanks ', ''],
      createdAt: 1,
    });
    expect(await db.examples.get(id!)).toMatchObject({ contactKey: 'youtube:bob', tags: ['thanks'], language: 'es' });
  });

  describe('an import of many replies', () => {
    const imported = (n: number, offset = 0): ExampleRow[] =>
      Array.from({ length: n }, (_, i) => ({ reply: `reply ${offset + i}`, source: 'import' as const, createdAt: offset + i }));

    it('is stored in chunks yet read back, counted and looked up reply by reply', async () => {
      const db = freshDb();
      const n = CHUNK_SIZE * 2 + 7;
      const ids = await insertExamples(db, imported(n));
      expect(await db.exampleChunks.count()).toBe(3);
      expect(await countExamples(db)).toBe(n);
      expect(await countExamples(db, { source: 'import' })).toBe(n);
      expect(await countExamples(db, { source: 'sent' })).toBe(0);
      const listed = await listExamples(db);
      expect(listed.map((e) => e.id)).toEqual(ids);
      expect(listed[CHUNK_SIZE + 1]).toEqual({ id: ids[CHUNK_SIZE + 1], reply: `reply ${CHUNK_SIZE + 1}`, source: 'import', createdAt: CHUNK_SIZE + 1 });
      const wanted = [ids[n - 1]!, 999_999, ids[0]!, ids[CHUNK_SIZE]!];
      expect((await getExamples(db, wanted)).map((e) => e?.reply)).toEqual([`reply ${n - 1}`, undefined, 'reply 0', `reply ${CHUNK_SIZE}`]);
    });

    it('shares one id space with sent replies and never gives out an id twice', async () => {
      const db = freshDb();
      const sent = await addSentExample(db, { reply: 'sent first', createdAt: 1 });
      const ids = await insertExamples(db, imported(3));
      expect(ids).toEqual([sent! + 1, sent! + 2, sent! + 3]);
      await deleteExamples(db, 'import');
      // A draft may still name the deleted replies; a new one must not take their ids.
      expect(await addSentExample(db, { reply: 'sent later' })).toBe(sent! + 4);
      expect((await listExamples(db)).map((e) => e.reply)).toEqual(['sent first', 'sent later']);
      expect(await getExamples(db, ids)).toEqual([undefined, undefined, undefined]);
    });

    it('reports what was appended since a given id, across both kinds of storage', async () => {
      const db = freshDb();
      await insertExamples(db, imported(4));
      const before = await examplesVersion(db);
      expect(before).toEqual({ count: 4, maxId: 4 });
      await addSentExample(db, { reply: 'new sent' });
      await insertExamples(db, imported(2, 10));
      expect((await examplesAfter(db, before.maxId)).map((e) => e.reply)).toEqual(['new sent', 'reply 10', 'reply 11']);
      expect(await examplesVersion(db)).toEqual({ count: 7, maxId: 7 });
    });

    it('lists the newest replies first, wherever they are stored', async () => {
      const db = freshDb();
      await insertExamples(db, imported(5));
      await addSentExample(db, { reply: 'sent in between', createdAt: 2.5 });
      expect((await recentExamples(db, 3)).map((e) => e.reply)).toEqual(['reply 4', 'reply 3', 'sent in between']);
    });

    it('finds the newest replies of an import given in any order, oldest first in storage', async () => {
      const db = freshDb();
      const n = CHUNK_SIZE * 3;
      // A file listing replies newest first, with every third one dated far back.
      const rows = imported(n).map((row, i) => ({ ...row, createdAt: i % 3 === 0 ? -i : n - i }));
      await insertExamples(db, rows);
      const expected = rows.map((r) => r.createdAt).sort((a, b) => b - a).slice(0, 700);
      expect((await recentExamples(db, 700)).map((e) => e.createdAt)).toEqual(expected);
      const stored = await listExamples(db);
      expect(stored.map((e) => e.createdAt)).toEqual([...stored.map((e) => e.createdAt)].sort((a, b) => a - b));
    });

    it('still counts an import when its count record is missing', async () => {
      const db = freshDb();
      await insertExamples(db, imported(CHUNK_SIZE + 3));
      await db.meta.delete(CHUNK_COUNTS_KEY);
      expect(await countExamples(db, { source: 'import' })).toBe(CHUNK_SIZE + 3);
    });

    it('keeps chunks full when sources are mixed in one write', async () => {
      const db = freshDb();
      const mixed = imported(CHUNK_SIZE * 2).map((row, i) => ({ ...row, source: i % 2 ? ('sent' as const) : ('import' as const) }));
      await insertExamples(db, mixed);
      expect(await db.exampleChunks.count()).toBe(2);
      expect(await countExamples(db, { source: 'sent' })).toBe(CHUNK_SIZE);
      expect((await listExamples(db, { source: 'sent' })).every((e) => e.source === 'sent')).toBe(true);
    });

    it('tells listeners when imported replies are deleted, so caches rebuild', async () => {
      const db = freshDb();
      let changes = 0;
      onExamplesChanged(db, () => changes++);
      await insertExamples(db, imported(3));
      expect(changes).toBe(0);
      await deleteExamples(db, 'import');
      expect(changes).toBeGreaterThan(0);
      expect(await countExamples(db)).toBe(0);
    });
  });
});
