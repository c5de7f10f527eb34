/**
 * Proofs (issue 13) that an import meeting a full disk tells the creator so, and what to do, and
 * leaves memory exactly as it was: a platform export, a style profile JSON and a backup, each
 * through the same flow the Import section of Options drives (open → prepare → commit).
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { UnderstudyDB } from '../memory/db';
import { queueDraft } from '../memory/drafts-repo';
import { recordSent } from '../memory/learning';
import { dbWithQuota, type QuotaSwitch } from '../memory/quota.testutil';
import { freshDb } from '../memory/fresh-db.testutil';
import { storageFullMessage } from '../memory/storage-error';
import { applyProfile } from '../profile/apply';
import { exportBackup, serializeBackup } from '../profile/backup';
import type { StyleProfile } from '../profile/schema';
import { addRepliesAsSource } from './add-source';
import { commitImport, describeImportError, openSelection, prepareImport } from './import-flow';

const EVERY_TABLE = ['profile', 'facts', 'examples', 'exampleChunks', 'drafts', 'contacts', 'sources', 'meta', 'embeddings'];

/** Every row of every table, and how many each holds. */
async function everything(db: UnderstudyDB) {
  const rows: Record<string, unknown[]> = {};
  const counts: Record<string, number> = {};
  for (const table of db.tables) {
    rows[table.name] = await table.toArray();
    counts[table.name] = rows[table.name]!.length;
  }
  return { rows, counts };
}

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

/** A memory with something in every table the imports touch: a profile, an export, a sent reply, a draft. */
async function fill(db: UnderstudyDB) {
  await applyProfile(db, PROFILE, 'maya.json', 1000);
  await addRepliesAsSource(db, [{ reply: 'Ships Monday 📦', incoming: 'When does it ship?', platform: 'instagram', kind: 'dm' }], {
    fileName: 'instagram.zip',
    kind: 'export-import',
    format: 'Instagram download',
    now: 2000,
  });
  await recordSent(db, { comment: 'Loved it', finalText: 'Thanks Sam!', platform: 'youtube', contact: '@sam', sentAt: 3000 });
  const comment = { site: 'youtube', commentId: 'c1', author: 'Sam', text: 'How long to proof?', pageUrl: 'https://www.youtube.com/watch?v=1' } as const;
  await queueDraft(db, { comment, text: 'About 12 hours', engineText: 'About 12 hours!', engine: 'memory', exampleIds: [] }, 4000);
}

/** A YouTube Takeout with three comments the creator wrote. */
function takeoutZip(): File {
  const header = 'Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text';
  const cell = (text: string) => `"${JSON.stringify({ takeoutSegments: [{ text }] }).replace(/"/g, '""')}"`;
  const rows = ['Proof it overnight in the fridge.', 'Thanks so much for watching!', 'The starter recipe is in the description.'].map(
    (text, i) => `UgxComment${i},UCm4yaOkaf0rCrumbAndCo9Q,2024-0${i + 1}-10T10:00:00+00:00,0,,WtOskFeLmr4,${cell(text)}`,
  );
  const zip = zipSync({ 'Takeout/YouTube and YouTube Music/comments/comments.csv': strToU8(`${header}\n${rows.join('\n')}\n`) });
  return new File([zip], 'takeout-20250301.zip', { type: 'application/zip' });
}

function profileFile(): File {
  const next: StyleProfile = {
    ...PROFILE,
    name: 'Maya O',
    voice: 'Playful.',
    facts: [{ text: 'I teach bread classes on Saturdays.' }],
    examples: [{ incoming: 'Classes?', reply: 'Saturdays at ten, come along!' }, { reply: 'A brand new reply from the profile.' }],
  };
  return new File([JSON.stringify(next)], 'maya-2025.json', { type: 'application/json' });
}

async function backupFile(): Promise<File> {
  const source = freshDb();
  await fill(source);
  await recordSent(source, { comment: 'Which flour?', finalText: 'Bread flour, always.', platform: 'x', contact: '@lee', sentAt: 5000 });
  const comment = { site: 'x', commentId: 'x9', author: 'Lee', text: 'Gluten free?', pageUrl: 'https://x.com/lee/status/9' } as const;
  await queueDraft(source, { comment, text: 'Not yet, sorry!', engineText: 'Not yet!', engine: 'memory', exampleIds: [] }, 6000);
  return new File([serializeBackup(await exportBackup(source, 7000))], 'understudy-backup.json', { type: 'application/json' });
}

/** Opens and previews `file`, fills the disk (only `full`, the last tables the import writes), then imports. */
async function importOnFullDisk(quota: QuotaSwitch, file: File, full: readonly string[]) {
  const selection = await openSelection([file]);
  const prepared = await prepareImport(quota.db, selection);
  const before = await everything(quota.db);
  quota.setFull(true);
  const error = await commitImport(quota.db, prepared, { now: 9000, consentText: 'I wrote these.' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  quota.setFull(false);
  expect(quota.refused, `a write to ${full.join(', ')} was refused`).toBeGreaterThan(0);
  return { error, message: describeImportError(selection.name, error), before, after: await everything(quota.db), prepared };
}

const fullDiskMessage = (fileName: string) => `${storageFullMessage(fileName, 'import it again')} Your memory is unchanged.`;

describe('an import that meets a full disk', () => {
  it('a platform export is not imported: the creator is told the disk is full, to free space and import it again, and memory is as it was', async () => {
    // The source row is written before the replies: the replies' table is the one that is full.
    const quota = dbWithQuota(['exampleChunks']);
    await fill(quota.db);
    const { error, message, before, after, prepared } = await importOnFullDisk(quota, takeoutZip(), ['exampleChunks']);
    expect(prepared.format).toBe('youtube-takeout');
    expect(prepared.replies).toHaveLength(3);
    expect(error).toBeDefined();
    expect(message).toBe(fullDiskMessage('takeout-20250301.zip'));
    expect(message).toMatch(/no room left on this computer.*Free some disk space/);
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);

    // With room again, the same import goes through whole.
    const done = await commitImport(quota.db, prepared, { now: 9001 });
    expect(done.added).toBe(3);
    expect((await everything(quota.db)).counts.sources).toBe(before.counts.sources! + 1);
  });

  it('a style profile is not imported when the disk fills after its profile and facts were written: the old profile, facts and replies stay', async () => {
    const quota = dbWithQuota(['exampleChunks']);
    await fill(quota.db);
    const { error, message, before, after, prepared } = await importOnFullDisk(quota, profileFile(), ['exampleChunks']);
    expect(prepared.profile?.name).toBe('Maya O');
    expect(error).toBeDefined();
    expect(message).toBe(fullDiskMessage('maya-2025.json'));
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);
    expect((await quota.db.profile.toArray())[0]).toMatchObject({ name: 'Maya', voice: 'Warm and short.' });
    expect((await quota.db.facts.toArray()).map((f) => f.text)).toEqual(['I bake sourdough.', 'I live in Lisbon.']);
  });

  it('a backup restored into an empty memory leaves it empty when the disk fills on its last table', async () => {
    const file = await backupFile();
    const quota = dbWithQuota(['drafts']);
    const { error, message, before, after, prepared } = await importOnFullDisk(quota, file, ['drafts']);
    expect(prepared.backup?.plan.mode).toBe('restore');
    expect(error).toBeDefined();
    expect(message).toBe(fullDiskMessage('understudy-backup.json'));
    expect(Object.values(before.counts).every((n) => n === 0)).toBe(true);
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);
  });

  it('a backup merged into a memory that already holds replies adds nothing when the disk fills on its last table', async () => {
    const file = await backupFile();
    const quota = dbWithQuota(['drafts']);
    await fill(quota.db);
    const { error, message, before, after, prepared } = await importOnFullDisk(quota, file, ['drafts']);
    expect(prepared.backup?.plan.mode).toBe('merge');
    // The merge would have added a reply, a contact and a draft: none of them is there.
    expect(prepared.backup?.plan.adds).toMatchObject({ examples: 1, contacts: 1, drafts: 1 });
    expect(error).toBeDefined();
    expect(message).toBe(fullDiskMessage('understudy-backup.json'));
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);
  });

  it('with every table full, each kind of import writes nothing and says the disk is full', async () => {
    for (const file of [takeoutZip(), profileFile(), await backupFile()]) {
      const quota = dbWithQuota(EVERY_TABLE);
      await fill(quota.db);
      const { message, before, after } = await importOnFullDisk(quota, file, EVERY_TABLE);
      expect(message).toBe(fullDiskMessage(file.name));
      expect(after.rows).toEqual(before.rows);
    }
  });
});
