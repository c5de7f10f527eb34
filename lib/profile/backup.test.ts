import { describe, expect, it } from 'vitest';
import { freshDb } from '../memory/fresh-db.testutil';
import { queueDraft } from '../memory/drafts-repo';
import { addSentExample, listExamples } from '../memory/examples-repo';
import { recordSent } from '../memory/learning';
import { saveEmbeddingBatch } from '../memory/embeddings-repo';
import { wipeEverything } from '../memory/wipe';
import type { UnderstudyDB } from '../memory/db';
import { addRepliesAsSource } from '../imports/add-source';
import { allClaims } from '../imports/claims';
import { forgetSource } from '../imports/forget-source';
import { applyProfile } from './apply';
import { BACKUP_FORMAT, exportBackup, parseBackup, planRestore, restoreBackup, serializeBackup, type BackupFile } from './backup';
import type { StyleProfile } from './schema';

const PROFILE: StyleProfile = {
  format: 'understudy.style-profile',
  version: 1,
  name: 'Maya',
  handles: { youtube: '@maya' },
  voice: 'Warm and short.',
  values: ['honesty'],
  objectives: [],
  greeting: 'Hey!',
  facts: [{ text: 'I bake sourdough.' }, { text: 'I live in Lisbon.', topic: 'home' }],
  boundaries: ['politics'],
  links: [{ label: 'Shop', url: 'https://example.com/shop' }],
  offers: [],
  examples: [
    { incoming: 'Recipe?', reply: 'It is on my blog!', platform: 'youtube', date: '2024-03-01' },
    { reply: 'Thank you so much!' },
  ],
};

/** A memory with something in every table: a profile, an export sharing a reply, DMs, a sent reply to a contact with a note, drafts. */
async function fill(db: UnderstudyDB) {
  await applyProfile(db, PROFILE, 'maya.json', 1000);
  await addRepliesAsSource(
    db,
    [
      { reply: 'Thank you so much!' },
      { reply: 'Ships Monday 📦', incoming: 'When does it ship?', platform: 'instagram', kind: 'dm', date: Date.UTC(2025, 1, 2) },
    ],
    { fileName: 'instagram.zip', kind: 'export-import', format: 'Instagram download', now: 2000 },
  );
  await recordSent(db, { comment: 'Loved it', finalText: 'Thanks Sam!', platform: 'youtube', contact: '@sam' });
  await db.contacts.update('youtube:sam', { note: 'Bought the course' });
  await addSentExample(db, { reply: 'Another sent one', platform: 'x' });
  const examples = await listExamples(db);
  const facts = await db.facts.toArray();
  const comment = { site: 'youtube', commentId: 'c1', author: 'Sam', text: 'How long to proof?', pageUrl: 'https://www.youtube.com/watch?v=1' } as const;
  await queueDraft(db, { comment, text: 'About 12 hours', engineText: 'About 12 hours!', engine: 'memory', exampleIds: [examples[0]!.id!] }, { factIds: [facts[0]!.id!] });
}

async function snapshot(db: UnderstudyDB) {
  return {
    profile: await db.profile.toArray(),
    facts: await db.facts.toArray(),
    examples: await listExamples(db),
    contacts: await db.contacts.toArray(),
    sources: await db.sources.toArray(),
    drafts: await db.drafts.toArray(),
    claims: await allClaims(db),
  };
}

/** Through the file's text, as Export backup writes it and the import input reads it. */
async function roundTrip(db: UnderstudyDB): Promise<BackupFile> {
  const parsed = parseBackup('backup.json', serializeBackup(await exportBackup(db)));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.backup;
}

describe('backup and restore', () => {
  it('restores exactly the same rows, ids included, after Delete everything', async () => {
    const db = freshDb();
    await fill(db);
    const before = await snapshot(db);
    const backup = await roundTrip(db);
    expect(backup.format).toBe(BACKUP_FORMAT);

    await wipeEverything(db);
    expect(await planRestore(db, backup)).toMatchObject({ mode: 'restore', adds: { examples: 5, facts: 2, contacts: 1, drafts: 1, sources: 3 }, profile: 'restored' });
    await restoreBackup(db, backup);

    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the private notes on contacts in the file, and says so', async () => {
    const db = freshDb();
    await fill(db);
    const text = serializeBackup(await exportBackup(db));
    expect(text).toContain('Bought the course');
    expect(text).toContain('includes your private notes');
  });

  it('leaves vectors out of the file', async () => {
    const db = freshDb();
    await fill(db);
    const [first] = await listExamples(db);
    await saveEmbeddingBatch(db, { model: 'm', dims: 2, exampleIds: [first!.id!], vectors: [[0.5, 0.5]] });
    expect(serializeBackup(await exportBackup(db))).not.toContain('vectors');
  });

  it('adds only what memory lacks when memory is not empty, keeping the current profile', async () => {
    const db = freshDb();
    await fill(db);
    const backup = await roundTrip(db);
    const before = await snapshot(db);

    expect(await planRestore(db, backup)).toMatchObject({ mode: 'merge', adds: { examples: 0, facts: 0, contacts: 0, drafts: 0, sources: 0 }, duplicates: 5, profile: 'kept' });
    await restoreBackup(db, backup);
    expect(await snapshot(db)).toEqual(before);
  });

  it('merges a backup from elsewhere: new replies, facts, contacts and drafts added once, drafts pointing at the right replies', async () => {
    const other = freshDb();
    await fill(other);
    const backup = await roundTrip(other);

    const db = freshDb();
    await addRepliesAsSource(db, [{ reply: 'Already here' }, { reply: 'Thank you so much!' }], { fileName: 'mine.csv', kind: 'export-import', now: 1 });
    await db.facts.add({ text: 'I live in Lisbon.', position: 0 });

    const plan = await planRestore(db, backup);
    expect(plan).toMatchObject({ mode: 'merge', adds: { examples: 4, facts: 1, contacts: 1, drafts: 1 }, duplicates: 1, profile: 'restored' });
    await restoreBackup(db, backup);

    const replies = (await listExamples(db)).map((r) => r.reply);
    expect(replies.filter((r) => r === 'Thank you so much!')).toHaveLength(1);
    expect(replies).toHaveLength(6);
    expect((await db.facts.toArray()).map((f) => f.text).sort()).toEqual(['I bake sourdough.', 'I live in Lisbon.']);
    expect((await db.contacts.get('youtube:sam'))?.note).toBe('Bought the course');
    const [draft] = await db.drafts.toArray();
    // The draft drew on the same reply as in the other browser ("Thank you so much!", already here under another id).
    const [usedThere] = (await other.drafts.toArray())[0]!.exampleIds;
    const usedText = (await listExamples(other)).find((r) => r.id === usedThere)!.reply;
    const used = (await listExamples(db)).find((r) => r.id === draft!.exampleIds[0]);
    expect(used?.reply).toBe(usedText);
    const fact = await db.facts.get(draft!.factIds![0]!);
    expect(fact?.text).toBe('I bake sourdough.');
    expect((await db.profile.toArray())[0]?.name).toBe('Maya');

    // Restoring it a second time adds nothing.
    const after = await snapshot(db);
    await restoreBackup(db, backup);
    expect(await snapshot(db)).toEqual(after);
  });

  it('keeps which sources share a reply, so Forget after a restore still keeps the shared ones', async () => {
    const db = freshDb();
    await fill(db);
    const backup = await roundTrip(db);
    await wipeEverything(db);
    await restoreBackup(db, backup);
    const profileSource = (await db.sources.toArray()).find((s) => s.fileName === 'maya.json')!;
    await forgetSource(db, profileSource.id!);
    // "Thank you so much!" was in the Instagram download too: it stays.
    expect((await listExamples(db)).map((r) => r.reply)).toContain('Thank you so much!');
    expect((await listExamples(db)).map((r) => r.reply)).not.toContain('It is on my blog!');
  });

  it('refuses a truncated backup with a sentence naming the file, and restores nothing', async () => {
    const db = freshDb();
    await fill(db);
    const text = serializeBackup(await exportBackup(db));
    const result = parseBackup('cut.json', text.slice(0, Math.floor(text.length / 2)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^cut\.json is an Understudy backup that cannot be read \(is it cut short\?\)/);
  });

  it('lists every problem of a malformed backup, not only the first', async () => {
    const db = freshDb();
    await fill(db);
    const backup = JSON.parse(serializeBackup(await exportBackup(db))) as Record<string, unknown[]>;
    backup.examples = backup.examples!.map((e) => ({ ...(e as object), reply: 42 }));
    backup.drafts = [{ nope: true }];
    const result = parseBackup('bad.json', JSON.stringify(backup));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^bad\.json is not a backup Understudy can restore: \d+ problems, the first: examples\[0\]\.reply — expected text, got a number/);
    expect(result.problems.filter((p) => p.startsWith('examples['))).toHaveLength(5);
    expect(result.problems.some((p) => p.startsWith('drafts[0]'))).toBe(true);
  });

  it('refuses a backup from a newer version, saying to update', () => {
    const result = parseBackup('new.json', JSON.stringify({ format: BACKUP_FORMAT, version: 2 }));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('newer Understudy (backup version 2)') });
  });

  it('changes nothing when a write fails partway through a restore', async () => {
    const db = freshDb();
    await fill(db);
    const backup = await roundTrip(db);
    await wipeEverything(db);
    // Two drafts with one id: the second write fails after the others succeeded.
    const broken = { ...backup, drafts: [...backup.drafts, { ...backup.drafts[0]! }] };
    await expect(restoreBackup(db, broken)).rejects.toThrow();
    expect(await snapshot(db)).toEqual({ profile: [], facts: [], examples: [], contacts: [], sources: [], drafts: [], claims: new Map() });
  });
});
