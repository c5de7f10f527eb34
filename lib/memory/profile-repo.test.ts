import { describe, expect, it } from 'vitest';
import { PROFILE_KEY, UnderstudyDB } from './db';
import { getProfile } from './profile-repo';
import { freshDb } from './fresh-db.testutil';


describe('getProfile', () => {
  it('has no profile before anything is imported', async () => {
    expect(await getProfile(freshDb())).toBeUndefined();
  });

  it('returns the stored profile', async () => {
    const db = freshDb();
    await db.profile.put({
      id: PROFILE_KEY,
      name: 'Ada',
      handles: {},
      voice: '',
      values: [],
      objectives: [],
      boundaries: [],
      links: [],
      offers: [],
      importedAt: 1,
      source: 'ada.json',
    });
    expect((await getProfile(db))?.name).toBe('Ada');
  });
});
