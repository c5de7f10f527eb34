import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PROFILE_KEY, UnderstudyDB } from '../memory/db';
import { addSentExample, countExamples, listExamples } from '../memory/examples-repo';
import { listFacts } from '../memory/facts-repo';
import { getProfile } from '../memory/profile-repo';
import { applyProfile } from './apply';
import { exportProfile } from './export';
import { parseProfileFile } from './import-json';
import type { StyleProfile } from './schema';
import { freshDb } from '../memory/fresh-db.testutil';


function profile(overrides: Partial<StyleProfile> = {}): StyleProfile {
  return {
    format: 'understudy.style-profile',
    version: 1,
    name: 'Ada',
    handles: { youtube: '@ada' },
    voice: 'Brief and kind.',
    values: ['honesty'],
    objectives: ['answer every question'],
    greeting: 'Hi',
    signoff: '— Ada',
    facts: [{ text: 'Ada lives in Testville.', topic: 'home' }, { text: 'Ada has two cats.' }],
    boundaries: ['politics'],
    links: [{ label: 'Site', url: 'https://ada.example' }],
    offers: [{ name: 'Course', price: '$10' }],
    examples: [
      { reply: 'Thank you!', incoming: 'Love this', platform: 'youtube', topic: 'thanks', date: '2024-03-01' },
      { reply: 'Use 70% water.' },
    ],
    ...overrides,
  };
}

describe('applyProfile', () => {
  it('stores the profile, fact sheet and example replies from an import', async () => {
    const db = freshDb();
    const summary = await applyProfile(db, profile(), 'ada.json', 1_000);
    expect(summary).toEqual({ examples: 2, facts: 2, duplicates: 0, sourceId: expect.any(Number) });

    const row = await getProfile(db);
    expect(row).toMatchObject({
      id: PROFILE_KEY,
      name: 'Ada',
      handles: { youtube: '@ada' },
      greeting: 'Hi',
      signoff: '— Ada',
      source: 'ada.json',
      importedAt: 1_000,
      offers: [{ name: 'Course', price: '$10' }],
    });
    expect((await listFacts(db)).map((f) => f.text)).toEqual(['Ada lives in Testville.', 'Ada has two cats.']);
    const examples = await listExamples(db);
    expect(examples).toHaveLength(2);
    // Stored oldest first: the undated reply takes the import time, here earlier than 2024.
    expect(examples[0]).toMatchObject({ reply: 'Use 70% water.', source: 'import', createdAt: 1_000 });
    expect(examples[1]).toMatchObject({
      reply: 'Thank you!',
      incoming: 'Love this',
      platform: 'youtube',
      topic: 'thanks',
      source: 'import',
      createdAt: Date.parse('2024-03-01'),
    });
  });

  it('records where the examples came from and the consent the creator gave', async () => {
    const db = freshDb();
    const summary = await applyProfile(db, profile(), 'ada.json', 1_000, { consentText: 'Yes, use my replies.' });
    expect(await db.sources.get(summary.sourceId)).toEqual({
      id: summary.sourceId,
      kind: 'profile-import',
      fileName: 'ada.json',
      importedAt: 1_000,
      records: 2,
      consent: { given: true, at: 1_000, text: 'Yes, use my replies.' },
      format: 'Understudy style profile',
      withIncoming: 1,
      platforms: { youtube: 1 },
      firstDate: 1_000,
      lastDate: Date.parse('2024-03-01'),
    });
    expect((await listExamples(db)).map((e) => e.sourceId)).toEqual([summary.sourceId, summary.sourceId]);
    const second = await applyProfile(db, profile(), 'ada-v2.json', 2_000);
    expect((await db.sources.toArray()).map((s) => s.fileName)).toEqual(['ada.json', 'ada-v2.json']);
    expect((await db.sources.get(second.sourceId))?.consent.text).toMatch(/never uploaded/);
  });

  it('notes the language of imported replies', async () => {
    const db = freshDb();
    await applyProfile(
      db,
      profile({ examples: [{ reply: 'Thank you so much for watching!' }, { reply: 'Muchas gracias por el video' }] }),
      'ada.json',
    );
    expect((await listExamples(db)).map((e) => e.language)).toEqual(['en', 'es']);
  });

  it('replaces the profile and facts on re-import, and adds its replies to the ones already imported', async () => {
    const db = freshDb();
    await applyProfile(db, profile(), 'old.json', 1_000);
    await applyProfile(
      db,
      profile({ name: 'Ada L.', facts: [{ text: 'New fact.' }], examples: [{ reply: 'Fresh reply.' }], greeting: '' }),
      'new.json',
      2_000,
    );
    const row = await getProfile(db);
    expect(row?.name).toBe('Ada L.');
    expect(row?.greeting).toBeUndefined();
    expect((await listFacts(db)).map((f) => f.text)).toEqual(['New fact.']);
    expect((await listExamples(db)).map((e) => e.reply).sort()).toEqual(['Fresh reply.', 'Thank you!', 'Use 70% water.']);
  });

  it('adds nothing when the same profile is imported again', async () => {
    const db = freshDb();
    await applyProfile(db, profile(), 'ada.json', 1_000);
    const again = await applyProfile(db, profile(), 'ada.json', 2_000);
    expect(again).toMatchObject({ examples: 0, duplicates: 2 });
    expect(await countExamples(db)).toBe(2);
  });

  it('keeps each unchanged fact under the same id on re-import, so an older draft still points at the facts it used', async () => {
    const db = freshDb();
    await applyProfile(db, profile(), 'old.json');
    const cats = (await listFacts(db)).find((f) => f.text === 'Ada has two cats.');
    await applyProfile(db, profile({ facts: [{ text: 'Ada bakes sourdough.' }, { text: 'Ada has two cats.' }] }), 'new.json');
    expect(await db.facts.get(cats!.id!)).toMatchObject({ text: 'Ada has two cats.' });
    expect((await listFacts(db)).map((f) => f.text)).toEqual(['Ada bakes sourdough.', 'Ada has two cats.']);
  });

  it('exports the facts in the order of the latest import, even when it moved facts that kept their ids', async () => {
    const db = freshDb();
    await applyProfile(db, profile({ facts: [{ text: 'A.' }, { text: 'B.' }] }), 'old.json');
    await applyProfile(db, profile({ facts: [{ text: 'C.' }, { text: 'B.' }, { text: 'A.' }] }), 'new.json');
    expect((await exportProfile(db)).facts.map((f) => f.text)).toEqual(['C.', 'B.', 'A.']);
  });

  it('keeps the replies the creator sent when a new profile is imported', async () => {
    const db = freshDb();
    await applyProfile(db, profile(), 'old.json');
    await addSentExample(db, { incoming: 'How long to proof?', reply: 'About 4 hours at 24°C.', platform: 'youtube' });
    await applyProfile(db, profile({ examples: [{ reply: 'Fresh reply.' }] }), 'new.json');
    const replies = (await listExamples(db)).map((e) => `${e.source}: ${e.reply}`).sort();
    expect(replies).toEqual(['import: Fresh reply.', 'import: Thank you!', 'import: Use 70% water.', 'sent: About 4 hours at 24°C.']);
  });

  it('does not duplicate a sent reply that comes back in through an exported file', async () => {
    const db = freshDb();
    await addSentExample(db, { incoming: 'Q?', reply: 'A.' });
    const summary = await applyProfile(
      db,
      profile({ examples: [{ reply: 'A.', incoming: 'Q?' }, { reply: 'Other.' }] }),
      'backup.json',
    );
    expect(summary.examples).toBe(1);
    expect(await countExamples(db)).toBe(2);
  });

  it('changes nothing when a write fails partway through the import', async () => {
    const db = freshDb();
    await applyProfile(db, profile(), 'good.json', 1_000);
    await addSentExample(db, { reply: 'Sent by me.' });
    const before = {
      profile: await db.profile.toArray(),
      facts: await db.facts.toArray(),
      examples: await listExamples(db),
      sources: await db.sources.toArray(),
    };

    // The profile row and fact sheet are already written when the examples write fails, as a
    // full disk would make it fail.
    vi.spyOn(db.exampleChunks, 'bulkAdd').mockRejectedValue(new DOMException('Disk is full', 'QuotaExceededError'));
    await expect(
      applyProfile(db, profile({ name: 'Someone Else', facts: [], examples: [{ reply: 'x' }] }), 'bad.json'),
    ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();

    expect(await db.profile.toArray()).toEqual(before.profile);
    expect(await db.facts.toArray()).toEqual(before.facts);
    expect(await listExamples(db)).toEqual(before.examples);
    expect(await db.sources.toArray()).toEqual(before.sources);
  });

  it('imports the sample creator profile end to end', async () => {
    const db = freshDb();
    const path = resolve(import.meta.dirname, '../../public/samples/sample-profile.json');
    const parsed = parseProfileFile('sample-profile.json', readFileSync(path));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const summary = await applyProfile(db, parsed.profile, 'sample-profile.json');
    expect(summary.examples).toBe(parsed.profile.examples.length);
    expect((await getProfile(db))?.name).toBe('Maya Okafor');
  });
});
