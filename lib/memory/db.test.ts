import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { addSentExample, countExamples, deleteExamples, insertExamples, listExamples } from './examples-repo';
import { LEGACY_CONSENT_TEXT, PROFILE_KEY, UnderstudyDB, type DraftRow, type ExampleRow, type ProfileRow } from './db';
import { createShippedMemory, SHIPPED_VERSIONS, type ShippedVersion } from './schema-history.testutil';

/** The schema exactly as version 1 shipped it: what a creator's browser holds before updating. */
class VersionOneDB extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      profile: 'id',
      facts: '++id',
      examples: '++id, platform, source, createdAt',
      drafts: '++id, status, updatedAt, [site+commentId]',
    });
  }
}

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

const profile: ProfileRow = {
  id: PROFILE_KEY,
  name: 'Maya',
  handles: { youtube: '@crumbandco' },
  voice: 'warm',
  values: [],
  objectives: [],
  boundaries: ['politics'],
  links: [],
  offers: [],
  importedAt: 1_000,
  source: 'maya.json',
};

function draft(commentId: string, author: string, status: DraftRow['status'], at: number): DraftRow {
  return {
    site: 'youtube',
    commentId,
    author,
    commentText: 'Love it',
    pageUrl: 'https://www.youtube.com/watch?v=a',
    text: 'Thank you!',
    engineText: 'Thank you!',
    engine: 'memory',
    exampleIds: [1],
    status,
    createdAt: at,
    updatedAt: at + 10,
  };
}

async function versionOneMemory(): Promise<string> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  const old = new VersionOneDB(name);
  await old.table('profile').put(profile);
  await old.table('facts').bulkAdd([{ text: 'Her starter is called Gerald.', topic: 'starter' }]);
  await old.table('examples').bulkAdd([
    { incoming: 'How do I feed it?', reply: 'Feed it twice a day, it will love you for it!', platform: 'youtube', source: 'import', topic: 'starter', createdAt: 5 },
    { reply: 'Muchas gracias por el video', source: 'sent', createdAt: 6 },
    { reply: '🍞🍞', source: 'import', createdAt: 7 },
  ] satisfies Omit<ExampleRow, 'id'>[]);
  await old.table('drafts').bulkAdd([
    draft('c1', '@Sam', 'inserted', 100),
    draft('c2', 'sam', 'inserted', 200),
    draft('c3', '@jo', 'queued', 300),
  ]);
  old.close();
  return name;
}

describe('schema upgrades', () => {
  it('keeps every row of a version 1 memory and fills the new example fields', async () => {
    const db = new UnderstudyDB(await versionOneMemory());
    expect(db.verno).toBe(4);
    expect(await db.profile.get(PROFILE_KEY)).toEqual(profile);
    expect(await db.facts.toArray()).toEqual([{ id: 1, text: 'Her starter is called Gerald.', topic: 'starter' }]);
    const examples = await db.examples.toArray();
    expect(examples).toEqual([
      {
        id: 1,
        incoming: 'How do I feed it?',
        reply: 'Feed it twice a day, it will love you for it!',
        platform: 'youtube',
        source: 'import',
        topic: 'starter',
        createdAt: 5,
        tags: [],
        language: 'en',
        kind: 'comment',
      },
      { id: 2, reply: 'Muchas gracias por el video', source: 'sent', createdAt: 6, tags: [], language: 'es', kind: 'comment' },
      // Nothing to tell a language by: no guess.
      { id: 3, reply: '🍞🍞', source: 'import', createdAt: 7, tags: [], kind: 'comment' },
    ]);
    const drafts = await db.drafts.orderBy('id').toArray();
    expect(drafts.map((d) => [d.commentId, d.status])).toEqual([
      ['c1', 'inserted'],
      ['c2', 'inserted'],
      ['c3', 'queued'],
    ]);
    db.close();
  });

  it('records the imported profile as a source and the people already replied to as contacts', async () => {
    const db = new UnderstudyDB(await versionOneMemory());
    expect(await db.sources.toArray()).toEqual([
      {
        id: 1,
        kind: 'profile-import',
        fileName: 'maya.json',
        importedAt: 1_000,
        records: 2,
        consent: { given: true, at: 1_000, text: LEGACY_CONSENT_TEXT },
      },
    ]);
    // "@Sam" and "sam" are one person; a merely queued draft is not a conversation.
    expect(await db.contacts.toArray()).toEqual([
      {
        key: 'youtube:sam',
        platform: 'youtube',
        handle: 'sam',
        displayName: 'sam',
        firstSeen: 100,
        lastSeen: 210,
        interactions: 2,
      },
    ]);
    db.close();
  });

  it('lets new fields be written and queried after the upgrade', async () => {
    const db = new UnderstudyDB(await versionOneMemory());
    await db.examples.update(1, { contactKey: 'youtube:sam' });
    expect((await db.examples.where('contactKey').equals('youtube:sam').toArray()).map((e) => e.id)).toEqual([1]);
    await db.meta.put({ key: 'k', value: new Uint32Array([1, 2]), updatedAt: 1 });
    expect((await db.meta.get('k'))?.value).toEqual(new Uint32Array([1, 2]));
    db.close();
  });

  it('still reads, counts and replaces replies stored one per row before chunked storage (version 3)', async () => {
    const db = new UnderstudyDB(await versionOneMemory());
    expect((await listExamples(db)).map((e) => e.reply)).toEqual([
      'Feed it twice a day, it will love you for it!',
      'Muchas gracias por el video',
      '🍞🍞',
    ]);
    expect(await countExamples(db, { source: 'import' })).toBe(2);
    const sentId = await addSentExample(db, { reply: 'Thank you!' });
    // New ids continue after the old rows', never reusing one a draft may name.
    expect(sentId).toBe(4);
    await deleteExamples(db, 'import');
    const [first] = await insertExamples(db, [{ reply: 'New import', source: 'import', createdAt: 9 }]);
    expect(first).toBe(5);
    expect((await listExamples(db)).map((e) => [e.id, e.reply])).toEqual([
      [2, 'Muchas gracias por el video'],
      [4, 'Thank you!'],
      [5, 'New import'],
    ]);
    db.close();
  });

  it('marks every reply and draft from before direct messages as a comment reply, and keeps a DM an export import already recorded', async () => {
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const v3 = SHIPPED_VERSIONS.find((shipped) => shipped.version === 3)!;
    await createShippedMemory(name, {
      ...v3,
      rows: {
        ...v3.rows,
        exampleChunks: [
          {
            id: 3,
            lastId: 4,
            source: 'import',
            newest: 8,
            rows: [
              { id: 3, reply: 'Imported in a chunk', source: 'import', createdAt: 7 },
              { id: 4, incoming: 'Are you free Friday?', reply: 'Yes! Message me the details', source: 'import', createdAt: 8, kind: 'dm' },
            ],
          },
        ],
      },
    });
    const db = new UnderstudyDB(name);
    expect((await listExamples(db)).map((row) => [row.id, row.kind])).toEqual([
      [1, 'comment'],
      [2, 'comment'],
      [3, 'comment'],
      [4, 'dm'],
    ]);
    expect(await db.drafts.where('kind').equals('comment').count()).toBe(2);
    expect(await db.examples.where('kind').equals('comment').count()).toBe(2);
    db.close();
  });

  it('finds DM drafts and DM replies by kind after the upgrade', async () => {
    const db = new UnderstudyDB(await versionOneMemory());
    await db.drafts.add({ ...draft('dm:t1', 'Jo', 'queued', 400), kind: 'dm' });
    await addSentExample(db, { reply: 'See you there!', kind: 'dm' });
    expect((await db.drafts.where('kind').equals('dm').toArray()).map((d) => d.commentId)).toEqual(['dm:t1']);
    expect((await db.examples.where('kind').equals('dm').toArray()).map((e) => e.reply)).toEqual(['See you there!']);
    db.close();
  });

  it('creates a fresh database directly at the latest version with every table empty', async () => {
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const db = new UnderstudyDB(name);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['contacts', 'drafts', 'embeddings', 'exampleChunks', 'examples', 'facts', 'meta', 'profile', 'sources']);
    for (const table of db.tables) expect(await table.count()).toBe(0);
    db.close();
  });
});

/** "++id, source, createdAt" → its key path ("id"). */
const keyPathOf = (spec: string) => spec.split(',')[0]!.trim().replace(/^\+\+/u, '');

/** A store spec as a comparable list: the key first, then the indexes in any order. */
function normalizedSpec(spec: string): string[] {
  const [key, ...indexes] = spec.split(',').map((part) => part.trim()).filter(Boolean);
  return [key!, ...indexes.sort()];
}

/** The live schema of a table, in the same notation as the frozen stores. */
function liveSpec(table: Dexie.Table): string[] {
  const { primKey, indexes } = table.schema;
  return normalizedSpec([primKey.src, ...indexes.map((index) => index.src)].join(', '));
}

/** Every reply a shipped memory holds, wherever that version stored it. */
function repliesOf(shipped: ShippedVersion): string[] {
  const singles = (shipped.rows.examples ?? []) as ExampleRow[];
  const chunked = ((shipped.rows.exampleChunks ?? []) as { rows: ExampleRow[] }[]).flatMap((chunk) => chunk.rows);
  return [...singles, ...chunked].map((row) => row.reply).sort();
}

describe('upgrading a memory of every schema version that shipped', () => {
  it('has a frozen schema for each version up to the current one, the latest matching the live schema', async () => {
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const db = new UnderstudyDB(name);
    await db.open();
    // A schema bump fails here until SHIPPED_VERSIONS gets its entry (schema-history.testutil.ts).
    expect(SHIPPED_VERSIONS.map((v) => v.version)).toEqual(Array.from({ length: db.verno }, (_, i) => i + 1));
    const latest = SHIPPED_VERSIONS.at(-1)!;
    expect(Object.keys(latest.stores).sort()).toEqual(db.tables.map((t) => t.name).sort());
    for (const table of db.tables) expect(liveSpec(table)).toEqual(normalizedSpec(latest.stores[table.name]!));
    db.close();
  });

  it.each(SHIPPED_VERSIONS.map((shipped) => [shipped.version, shipped] as const))(
    'opens a version %i memory, with rows in every table, at the current version without losing a row or a field',
    async (_version, shipped) => {
      expect(Object.keys(shipped.rows).sort()).toEqual(Object.keys(shipped.stores).sort());
      for (const rows of Object.values(shipped.rows)) expect(rows.length).toBeGreaterThan(0);
      const name = `test-${crypto.randomUUID()}`;
      names.push(name);
      await createShippedMemory(name, shipped);

      const db = new UnderstudyDB(name);
      await db.open();
      expect(db.verno).toBe(SHIPPED_VERSIONS.at(-1)!.version);
      for (const [table, rows] of Object.entries(shipped.rows)) {
        const keyPath = keyPathOf(shipped.stores[table]!);
        for (const row of rows) {
          const key = (row as Record<string, unknown>)[keyPath] as string | number;
          // Upgrades may add fields (tags, language), never drop or change one.
          expect(await db.table(table).get(key), `${table} ${key}`).toMatchObject(row);
        }
      }
      // And the replies read back through memory's own module, wherever they are stored.
      expect((await listExamples(db)).map((row) => row.reply).sort()).toEqual(repliesOf(shipped));
      expect(await countExamples(db)).toBe(repliesOf(shipped).length);
      db.close();
    },
  );
});
