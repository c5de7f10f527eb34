import { describe, expect, it } from 'vitest';
import { freshDb } from '../memory/fresh-db.testutil';
import { embeddingRowIds, saveEmbeddingBatch, saveVectorSnapshot, snapshotKey } from '../memory/embeddings-repo';
import { addSentExample, countExamples, getExamples, insertExamples, listExamples } from '../memory/examples-repo';
import { getIndexFor, INDEX_META_KEY, saveIndex } from '../memory/index-store';
import { recordImportSource } from '../memory/sources-repo';
import { VectorIndex } from '../memory/vector-index';
import type { UnderstudyDB } from '../memory/db';
import { addRepliesAsSource, type ReplyInput } from './add-source';
import { readClaims } from './claims';
import { forgetSource, planForgetSource } from './forget-source';

const replies = (prefix: string, n: number, platform: ReplyInput['platform'] = 'x'): ReplyInput[] =>
  Array.from({ length: n }, (_, i) => ({ reply: `${prefix} reply ${i}`, incoming: `${prefix} question ${i}`, platform, date: Date.UTC(2024, 0, i + 1) }));

async function importFile(db: UnderstudyDB, fileName: string, rows: ReplyInput[], now: number) {
  const added = await addRepliesAsSource(db, rows, { fileName, kind: 'export-import', format: 'X archive', now });
  return added.sourceId!;
}

describe('forgetSource', () => {
  it('deletes every reply the source brought and the source itself, leaving other sources and sent replies alone', async () => {
    const db = freshDb();
    const old = await importFile(db, 'old.zip', replies('old', 3), 1);
    await importFile(db, 'other.zip', replies('other', 2, 'instagram'), 2);
    await addSentExample(db, { reply: 'Sent by hand' });

    expect((await planForgetSource(db, old)).deleted).toBe(3);
    const result = await forgetSource(db, old);

    expect(result.deleted).toBe(3);
    const left = (await listExamples(db)).map((r) => r.reply);
    expect(left).toEqual(['other reply 0', 'other reply 1', 'Sent by hand']);
    expect((await db.sources.toArray()).map((s) => s.fileName)).toEqual(['other.zip']);
  });

  it('keeps the replies a later source also held, and counts them under that source', async () => {
    const db = freshDb();
    const archive2024 = await importFile(db, 'twitter-2024.zip', replies('tweet', 4), 1);
    // The 2025 archive repeats the 2024 tweets and adds two of its own.
    const archive2025 = await importFile(db, 'twitter-2025.zip', [...replies('tweet', 4), ...replies('new', 2)], 2);
    expect((await db.sources.get(archive2025))!.records).toBe(2);
    expect(await readClaims(db, archive2025)).toHaveLength(4);

    const plan = await planForgetSource(db, archive2024);
    expect(plan).toMatchObject({ deleted: 0, kept: [{ sourceId: archive2025, fileName: 'twitter-2025.zip', replies: 4 }] });
    await forgetSource(db, archive2024);

    expect(await countExamples(db)).toBe(6);
    expect(new Set((await listExamples(db)).map((r) => r.sourceId))).toEqual(new Set([archive2025]));
    const kept = (await db.sources.get(archive2025))!;
    expect(kept).toMatchObject({ records: 6, withIncoming: 6, platforms: { x: 6 } });
    expect(kept.firstDate).toBe(Date.UTC(2024, 0, 1));
    // Forgetting the 2025 archive now forgets them all.
    expect((await forgetSource(db, archive2025)).deleted).toBe(6);
    expect(await countExamples(db)).toBe(0);
  });

  it('deletes only the unshared replies when a source shares some of them', async () => {
    const db = freshDb();
    const a = await importFile(db, 'a.zip', [...replies('shared', 2), ...replies('only-a', 3)], 1);
    await importFile(db, 'b.zip', [...replies('shared', 2), ...replies('only-b', 1)], 2);
    const result = await forgetSource(db, a);
    expect(result.deleted).toBe(3);
    expect((await listExamples(db)).map((r) => r.reply).sort()).toEqual(['only-b reply 0', 'shared reply 0', 'shared reply 1']);
  });

  it('drops the forgotten replies’ vectors and the saved indexes built from them, keeping the other vectors', async () => {
    const db = freshDb();
    const a = await importFile(db, 'a.zip', replies('a', 2), 1);
    await importFile(db, 'b.zip', replies('b', 2), 2);
    const rows = await listExamples(db);
    const ids = rows.map((r) => r.id!);
    // One batch mixing both sources, one holding only a's replies.
    await saveEmbeddingBatch(db, { model: 'm', dims: 2, exampleIds: [ids[0]!, ids[2]!], vectors: [[1, 0], [0, 1]] });
    await saveEmbeddingBatch(db, { model: 'm', dims: 2, exampleIds: [ids[1]!], vectors: [[1, 1]] });
    const index = new VectorIndex(2);
    await saveVectorSnapshot(db, 'm', index, await embeddingRowIds(db, 'm'));
    await saveIndex(db, await getIndexFor(db));
    expect(await db.meta.get(snapshotKey('m'))).toBeDefined();

    await forgetSource(db, a);

    const batches = await db.embeddings.toArray();
    expect(batches.map((b) => b.exampleIds)).toEqual([[ids[2]]]);
    expect(Array.from(batches[0]!.vectors)).toEqual([0, 1]);
    expect(await db.meta.get(snapshotKey('m'))).toBeUndefined();
    expect(await db.meta.get(INDEX_META_KEY)).toBeUndefined();
    // Drafting no longer finds a forgotten reply.
    const found = (await getIndexFor(db)).search({ text: 'a reply 0' }).map((hit) => hit.example.reply);
    expect(found).not.toContain('a reply 0');
  });

  it('keeps reply ids contiguous inside each stored chunk after removing some of them', async () => {
    const db = freshDb();
    const a = await importFile(db, 'a.zip', [...replies('shared', 3), ...replies('a', 3)], 1);
    await importFile(db, 'b.zip', [...replies('shared', 3), ...replies('b', 1)], 2);
    await forgetSource(db, a);
    for (const chunk of await db.exampleChunks.toArray()) {
      expect(chunk.rows.map((r) => r.id)).toEqual(Array.from({ length: chunk.lastId - chunk.id + 1 }, (_, i) => chunk.id + i));
    }
    const kept = await listExamples(db);
    expect(await getExamples(db, kept.map((r) => r.id!))).toEqual(kept);
    expect(await countExamples(db)).toBe(4);
  });

  it('forgets replies imported before they named their source, with the import that brought them', async () => {
    const db = freshDb();
    const older = await recordImportSource(db, { fileName: 'replaced.json', records: 1, at: 1 });
    const legacy = await recordImportSource(db, { fileName: 'legacy.json', records: 2, at: 2 });
    await insertExamples(db, [
      { reply: 'Legacy one', source: 'import', createdAt: 1 },
      { reply: 'Legacy two', source: 'import', createdAt: 2 },
    ]);
    const tagged = await importFile(db, 'new.zip', replies('new', 1), 3);

    expect((await planForgetSource(db, older)).deleted).toBe(0);
    expect((await planForgetSource(db, tagged)).deleted).toBe(1);
    await forgetSource(db, legacy);
    expect((await listExamples(db)).map((r) => r.reply)).toEqual(['new reply 0']);
  });

  it('refuses to forget the replies you sent, and changes nothing', async () => {
    const db = freshDb();
    await addSentExample(db, { reply: 'Sent' });
    const { noteSentReply } = await import('../memory/sources-repo');
    const sent = await noteSentReply(db);
    await expect(forgetSource(db, sent.id!)).rejects.toThrow(/no imported source/);
    expect(await countExamples(db)).toBe(1);
  });
});
