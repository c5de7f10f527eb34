/**
 * Test data: every schema version of the "understudy" database that shipped, frozen as it
 * shipped, each with a memory that has rows in every table. db.test.ts opens each at the current
 * version and checks that nothing was lost.
 *
 * A schema bump (DMs, imports, guard, …) adds one entry to SHIPPED_VERSIONS: the full store list
 * as that version ships it, and rows for every table it has. Never edit an entry that shipped.
 */
import Dexie from 'dexie';
import { PROFILE_KEY } from './db';

export interface ShippedVersion {
  version: number;
  /** Every table's Dexie schema exactly as this version declared it (all tables, not a diff). */
  stores: Record<string, string>;
  /** Rows for every table, in this version's shape; written to a database at this version. */
  rows: Record<string, readonly object[]>;
}

const profile = {
  id: PROFILE_KEY,
  name: 'Maya',
  handles: { youtube: '@crumbandco' },
  voice: 'warm',
  values: ['kindness'],
  objectives: ['answer questions'],
  boundaries: ['politics'],
  links: [{ label: 'Shop', url: 'https://crumb.example' }],
  offers: [{ name: 'Starter kit', price: '$12' }],
  greeting: 'Hi!',
  importedAt: 1_000,
  source: 'maya.json',
};

const v1Draft = {
  site: 'youtube',
  commentId: 'c1',
  author: '@Sam',
  commentText: 'Love it',
  pageUrl: 'https://www.youtube.com/watch?v=a',
  text: 'Thank you!',
  engineText: 'Thank you!',
  engine: 'memory',
  model: 'none',
  exampleIds: [1],
  status: 'inserted',
  createdAt: 100,
  updatedAt: 110,
};

const V1_STORES = {
  profile: 'id',
  facts: '++id',
  examples: '++id, platform, source, createdAt',
  drafts: '++id, status, updatedAt, [site+commentId]',
};

const V2_STORES = {
  ...V1_STORES,
  examples: '++id, source, createdAt, contactKey',
  drafts: '++id, status, updatedAt, [site+commentId], sentAt',
  contacts: 'key, lastSeen',
  sources: '++id, kind, importedAt',
  meta: 'key',
};

const v2Rows = {
  profile: [profile],
  facts: [{ id: 1, text: 'Her starter is called Gerald.', topic: 'starter' }],
  examples: [
    { id: 1, incoming: 'How do I feed it?', reply: 'Twice a day!', platform: 'youtube', source: 'import', createdAt: 5, language: 'en', tags: [] },
    { id: 2, reply: 'Thanks Sam!', platform: 'youtube', source: 'sent', createdAt: 6, tags: ['thanks'], contactKey: 'youtube:sam' },
  ],
  drafts: [
    { ...v1Draft, id: 1, status: 'sent', factIds: [1], editDistance: 3, sentAt: 120, voiceScore: 81 },
    { ...v1Draft, id: 2, commentId: 'c2', status: 'queued' },
  ],
  contacts: [
    { key: 'youtube:sam', platform: 'youtube', handle: 'sam', displayName: 'Sam', note: 'Owes me a loaf', firstSeen: 100, lastSeen: 120, interactions: 1 },
  ],
  sources: [
    { id: 1, kind: 'profile-import', fileName: 'maya.json', importedAt: 1_000, records: 1, consent: { given: true, at: 1_000, text: 'I agree.' } },
    { id: 2, kind: 'sent', fileName: 'Sent with Understudy', importedAt: 1_000, records: 1, consent: { given: true, at: 1_000, text: 'I agree.' } },
  ],
  meta: [
    { key: 'retrieval-index', value: { docs: 2 }, updatedAt: 130 },
    { key: 'example-id-high-water', value: 2, updatedAt: 130 },
  ],
};

const V3_STORES = {
  ...V2_STORES,
  exampleChunks: 'id, lastId, [source+lastId], newest',
  embeddings: '++id, model',
};

const v3Rows = {
  ...v2Rows,
  exampleChunks: [
    {
      id: 3,
      lastId: 4,
      source: 'import',
      newest: 8,
      rows: [
        { id: 3, reply: 'Imported in a chunk', source: 'import', createdAt: 7 },
        { id: 4, incoming: 'Price?', reply: '$12', source: 'import', createdAt: 8 },
      ],
    },
  ],
  embeddings: [
    { id: 1, model: 'snowflake-arctic-embed-s-q0f32-MLC-b4', dims: 2, exampleIds: [1, 3], vectors: new Float32Array([1, 0, 0, 1]), createdAt: 140 },
  ],
  meta: [
    ...v2Rows.meta.filter((row) => row.key !== 'example-id-high-water'),
    { key: 'example-id-high-water', value: 4, updatedAt: 140 },
    { key: 'example-chunk-counts', value: { import: 2 }, updatedAt: 140 },
  ],
};

export const SHIPPED_VERSIONS: readonly ShippedVersion[] = [
  {
    version: 1,
    stores: V1_STORES,
    rows: {
      profile: [profile],
      facts: [{ id: 1, text: 'Her starter is called Gerald.', topic: 'starter' }],
      examples: [
        { id: 1, incoming: 'How do I feed it?', reply: 'Twice a day!', platform: 'youtube', source: 'import', topic: 'starter', createdAt: 5 },
        { id: 2, reply: 'Muchas gracias', source: 'sent', createdAt: 6 },
      ],
      drafts: [{ ...v1Draft, id: 1 }],
    },
  },
  { version: 2, stores: V2_STORES, rows: v2Rows },
  { version: 3, stores: V3_STORES, rows: v3Rows },
  {
    version: 4,
    stores: {
      ...V3_STORES,
      examples: '++id, source, createdAt, contactKey, kind',
      drafts: '++id, status, updatedAt, [site+commentId], sentAt, kind',
    },
    rows: {
      ...v3Rows,
      examples: [
        ...v2Rows.examples.map((row) => ({ ...row, kind: 'comment' })),
        { id: 6, incoming: 'See you at the market?', reply: 'See you there!', platform: 'instagram', source: 'sent', createdAt: 10, tags: [], contactKey: 'instagram:jo', kind: 'dm' },
      ],
      drafts: [
        ...v2Rows.drafts.map((row) => ({ ...row, kind: 'comment' })),
        {
          ...v1Draft,
          id: 3,
          site: 'instagram',
          commentId: 'dm:340282366920938463463374607431768211456',
          author: 'Jo',
          commentText: 'See you at the market?',
          pageUrl: 'https://www.instagram.com/direct/t/340282366920938463463374607431768211456/',
          text: 'See you there!',
          engineText: 'See you there!',
          status: 'sent',
          sentAt: 150,
          kind: 'dm',
          conversation: {
            id: '340282366920938463463374607431768211456',
            title: 'Jo',
            group: false,
            messages: [{ from: 'them', sender: 'Jo', handle: 'jo', text: 'See you at the market?' }],
            answering: [0],
          },
        },
      ],
      contacts: [
        ...v2Rows.contacts,
        {
          key: 'instagram:jo',
          platform: 'instagram',
          handle: 'jo',
          displayName: 'Jo',
          firstSeen: 150,
          lastSeen: 150,
          interactions: 1,
          conversations: [{ id: '340282366920938463463374607431768211456', url: 'https://www.instagram.com/direct/t/340282366920938463463374607431768211456/', title: 'Jo', lastAt: 150 }],
        },
      ],
      exampleChunks: [
        {
          id: 3,
          lastId: 5,
          source: 'import',
          newest: 9,
          rows: [
            { id: 3, reply: 'Imported in a chunk', source: 'import', createdAt: 7, kind: 'comment' },
            { id: 4, incoming: 'Price?', reply: '$12', source: 'import', createdAt: 8, kind: 'comment' },
            { id: 5, incoming: 'Are you free Friday?', reply: 'Yes! Message me the details', platform: 'instagram', source: 'import', createdAt: 9, kind: 'dm' },
          ],
        },
      ],
      meta: [
        ...v3Rows.meta.filter((row) => row.key !== 'example-id-high-water' && row.key !== 'example-chunk-counts'),
        { key: 'example-id-high-water', value: 6, updatedAt: 150 },
        { key: 'example-chunk-counts', value: { import: 3 }, updatedAt: 150 },
      ],
    },
  },
];

/** A database named `name` at `shipped.version`, as that version made it, filled with its rows. */
export async function createShippedMemory(name: string, shipped: ShippedVersion): Promise<void> {
  const old = new Dexie(name);
  old.version(shipped.version).stores(shipped.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(shipped.rows)) await old.table(table).bulkAdd([...rows]);
  });
  old.close();
}
