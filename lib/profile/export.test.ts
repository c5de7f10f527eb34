import { describe, expect, it } from 'vitest';
import { UnderstudyDB } from '../memory/db';
import { addSentExample } from '../memory/examples-repo';
import { applyProfile } from './apply';
import { exportProfile, NoProfileError, profileFileName, serializeProfile } from './export';
import { parseProfileFile } from './import-json';
import type { StyleProfile } from './schema';
import { freshDb } from '../memory/fresh-db.testutil';


const original: StyleProfile = {
  format: 'understudy.style-profile',
  version: 1,
  name: 'Ada',
  handles: { youtube: '@ada', tiktok: '@ada.bakes' },
  voice: 'Brief and kind.',
  values: ['honesty'],
  objectives: ['answer every question'],
  greeting: 'Hi',
  signoff: '— Ada',
  facts: [{ text: 'Ada lives in Testville.', topic: 'home' }, { text: 'Ada has two cats.' }],
  boundaries: ['politics'],
  links: [{ label: 'Site', url: 'https://ada.example' }],
  offers: [{ name: 'Course', details: 'Six lessons', url: 'https://ada.example/course', price: '$10' }],
  examples: [
    { reply: 'Thank you!', incoming: 'Love this', platform: 'youtube', topic: 'thanks', date: '2024-03-01T00:00:00.000Z' },
    { reply: 'Use 70% water.', date: '2024-03-02T10:00:00.000Z' },
  ],
};

describe('exportProfile', () => {
  it('writes a file that imports back to the same profile', async () => {
    const db = freshDb();
    await applyProfile(db, original, 'ada.json');
    const exported = await exportProfile(db);
    expect(exported).toEqual(original);

    const reparsed = parseProfileFile('ada.json', serializeProfile(exported));
    expect(reparsed).toEqual({ ok: true, profile: original });
  });

  it('includes the replies the creator sent, so a backup holds their whole voice', async () => {
    const db = freshDb();
    await applyProfile(db, original, 'ada.json');
    await addSentExample(db, { incoming: 'Proof time?', reply: 'About 4 hours.', platform: 'instagram', createdAt: 5_000 });
    const exported = await exportProfile(db);
    expect(exported.examples).toHaveLength(3);
    expect(exported.examples[2]).toEqual({
      reply: 'About 4 hours.',
      incoming: 'Proof time?',
      platform: 'instagram',
      date: new Date(5_000).toISOString(),
    });
    expect(parseProfileFile('backup.json', serializeProfile(exported)).ok).toBe(true);
  });

  it('says there is nothing to export before a profile is imported', async () => {
    await expect(exportProfile(freshDb())).rejects.toBeInstanceOf(NoProfileError);
  });
});

describe('profileFileName', () => {
  it('names the file after the creator in a form every file system accepts', () => {
    expect(profileFileName('Maya Okafor')).toBe('maya-okafor.style-profile.json');
    expect(profileFileName('Zoë / Crumb & Co.')).toBe('zoe-crumb-co.style-profile.json');
    expect(profileFileName('🍞🍞')).toBe('understudy.style-profile.json');
  });
});
