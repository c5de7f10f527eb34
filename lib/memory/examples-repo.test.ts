import { describe, expect, it } from 'vitest';
import { addSentExample, countExamples, listExamples } from './examples-repo';
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
      { id, incoming: 'How long do you proof?', reply: 'About 4 hours.', platform: 'youtube', source: 'sent', createdAt: 42 },
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
});
