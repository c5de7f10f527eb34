import { describe, expect, it } from 'vitest';
import { IMPORT_CONSENT_TEXT, listSources, noteSentReply, recordImportSource, SENT_CONSENT_TEXT } from './sources-repo';
import { freshDb } from './fresh-db.testutil';


describe('sources', () => {
  it('records an imported file with how many replies it brought and the consent given', async () => {
    const db = freshDb();
    const id = await recordImportSource(db, { fileName: 'maya.json', records: 64, at: 10 });
    expect(await db.sources.get(id)).toEqual({
      id,
      kind: 'profile-import',
      fileName: 'maya.json',
      importedAt: 10,
      records: 64,
      consent: { given: true, at: 10, text: IMPORT_CONSENT_TEXT },
    });
  });

  it('records what a platform export brought: its format, replies with what they answered, platforms and dates', async () => {
    const db = freshDb();
    const id = await recordImportSource(db, {
      fileName: 'twitter-2024.zip',
      records: 3,
      kind: 'export-import',
      at: 10,
      details: { format: 'X archive', withIncoming: 2, platforms: { x: 3 }, firstDate: 1, lastDate: 2 },
    });
    expect(await db.sources.get(id)).toEqual({
      id,
      kind: 'export-import',
      fileName: 'twitter-2024.zip',
      importedAt: 10,
      records: 3,
      consent: { given: true, at: 10, text: IMPORT_CONSENT_TEXT },
      format: 'X archive',
      withIncoming: 2,
      platforms: { x: 3 },
      firstDate: 1,
      lastDate: 2,
    });
  });

  it('keeps one source for sent replies and counts each one', async () => {
    const db = freshDb();
    await noteSentReply(db, 5);
    await noteSentReply(db, 6);
    const sent = await db.sources.where('kind').equals('sent').toArray();
    expect(sent).toEqual([expect.objectContaining({ records: 2, importedAt: 5, consent: { given: true, at: 5, text: SENT_CONSENT_TEXT } })]);
  });

  it('lists the most recent source first', async () => {
    const db = freshDb();
    await recordImportSource(db, { fileName: 'old.json', records: 1, at: 1 });
    await recordImportSource(db, { fileName: 'new.json', records: 1, at: 3 });
    await noteSentReply(db, 2);
    expect((await listSources(db)).map((s) => s.fileName)).toEqual(['new.json', 'Replies you sent with Understudy', 'old.json']);
  });
});
