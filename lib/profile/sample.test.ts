import { readFileSync } from 'node:fs';
import { freshDb } from '../memory/fresh-db.testutil';
import { PROFILE_KEY } from '../memory/db';
import { importSample, SAMPLE_FILE_NAME, SAMPLE_FORMAT } from './sample';

const SAMPLE = readFileSync(`public/samples/${SAMPLE_FILE_NAME}`, 'utf8');

describe('importing the sample creator', () => {
  it('fills memory with the sample and marks its source as the sample', async () => {
    const db = freshDb();
    const summary = await importSample(db, SAMPLE, 1000);
    expect(summary.examples).toBeGreaterThan(0);
    expect((await db.profile.get(PROFILE_KEY))?.name).toBeTruthy();
    const sources = await db.sources.toArray();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ kind: 'profile-import', fileName: SAMPLE_FILE_NAME, format: SAMPLE_FORMAT });
  });

  it('refuses text that is not a profile and leaves memory empty', async () => {
    const db = freshDb();
    await expect(importSample(db, '{"format": "nope"}')).rejects.toThrow(SAMPLE_FILE_NAME);
    expect(await db.sources.count()).toBe(0);
  });
});
