import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countExamples, listExamples } from '../memory/examples-repo';
import { freshDb } from '../memory/fresh-db.testutil';
import { getProfile } from '../memory/profile-repo';
import { listSources } from '../memory/sources-repo';
import {
  commitImport,
  describeOutcome,
  describePreview,
  openSelection,
  prepareImport,
  previewImport,
  describeSkipped,
} from './import-flow';
import { IMPORTERS } from './registry';
import { ImportFormatError, type ImportedReply, type Importer, type ImportResult } from './types';

/**
 * A tiny export format for these tests: "chat.json" holding
 * { "tinyExport": true, "me"?: name, "items": [{ from, text, answers?, at?, dm? }] }. Items from
 * the creator are replies; without "me" (and no creator given) DMs need the creator named.
 */
const tinyImporter: Importer = {
  id: 'tiny',
  label: 'Tiny export',
  async detect(files) {
    for (const f of files) if (f.path.endsWith('chat.json') && (await f.head(64)).includes('"tinyExport"')) return true;
    return false;
  },
  async parse(files, options): Promise<ImportResult> {
    const file = files.find((f) => f.path.endsWith('chat.json'))!;
    const data = JSON.parse(await file.text()) as {
      me?: string;
      items: { from: string; text: string; answers?: string; at?: string; dm?: boolean }[];
    };
    const me = data.me ?? options?.creator;
    const senders = [...new Set(data.items.map((i) => i.from))];
    if (!me) return { format: 'tiny', replies: [], skipped: {}, warnings: [], needsCreator: { candidates: senders } };
    const replies: ImportedReply[] = [];
    let reposts = 0;
    for (const item of data.items) {
      if (item.from !== me) continue;
      if (item.text.startsWith('RT ')) {
        reposts += 1;
        continue;
      }
      const reply: ImportedReply = { reply: item.text, platform: 'x', kind: item.dm ? 'dm' : 'comment' };
      if (item.answers) reply.incoming = item.answers;
      if (item.at) reply.date = Date.parse(item.at);
      replies.push(reply);
    }
    return { format: 'tiny', replies, skipped: { retweets: reposts }, warnings: [] };
  },
};

const registered = IMPORTERS.slice();
function useTinyImporter() {
  IMPORTERS.splice(0, IMPORTERS.length, tinyImporter, ...registered);
}
afterEach(() => {
  IMPORTERS.splice(0, IMPORTERS.length, ...registered);
});

const ITEMS = [
  { from: 'maya', text: 'Twice a day, at room temperature!', answers: 'How often do you feed it?', at: '2021-05-02T10:00:00Z' },
  { from: 'sam', text: 'How often do you feed it?' },
  { from: 'maya', text: 'Thank you so much 🙏', at: '2023-01-09T10:00:00Z' },
  { from: 'maya', text: 'RT @bakery: new loaf' },
  { from: 'maya', text: '  Thank   you so much 🙏 ', at: '2023-02-09T10:00:00Z' },
  { from: 'maya', text: 'Yes, the starter kit ships Monday.', answers: 'Is the kit back?', at: '2024-06-01T10:00:00Z', dm: true },
];

function chatFile(name = 'chat.json', extra: Partial<{ me: string | undefined; items: unknown[] }> = {}): File {
  const body = { tinyExport: true, me: 'maya', items: ITEMS, ...extra };
  return new File([JSON.stringify(body)], name, { type: 'application/json' });
}

async function prepareFiles(db: ReturnType<typeof freshDb>, files: File[], creator?: string) {
  const selection = await openSelection(files);
  return prepareImport(db, selection, creator ? { creator } : {});
}

describe('the import flow', () => {
  it('previews an export without writing anything: counts, platforms, years, duplicates and what was left out', async () => {
    useTinyImporter();
    const db = freshDb();
    const prepared = await prepareFiles(db, [chatFile()]);
    const preview = previewImport(prepared);
    expect(preview).toMatchObject({
      fileName: 'chat.json',
      label: 'Tiny export',
      total: 3,
      withIncoming: 2,
      years: { from: 2021, to: 2024 },
      duplicates: 1,
      skipped: { retweets: 1 },
      platforms: [{ platform: 'x', name: 'X', total: 3, comments: 2, dms: 1 }],
    });
    expect(preview.samples.length).toBeGreaterThan(0);
    expect(describePreview(preview)).toEqual([
      '3 replies (2 with the message they answered) from X, 2021–2024.',
      'X: 2 comment replies, 1 direct message.',
      '1 duplicate skipped (already in memory or repeated in the file).',
      '1 retweet left out.',
    ]);
    expect(await countExamples(db)).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });

  it('imports the replies as a new source with its consent record, and importing the same file again adds nothing', async () => {
    useTinyImporter();
    const db = freshDb();
    const first = await commitImport(db, await prepareFiles(db, [chatFile()]), { now: 5_000, consentText: 'Use these.' });
    expect(first).toMatchObject({ added: 3, withIncoming: 2, platforms: ['x'], duplicates: 1 });
    expect(describeOutcome(first)).toBe('Imported chat.json: 3 replies from X (2 with the message they answered). 1 duplicate skipped.');

    const rows = await listExamples(db);
    expect(rows.map((r) => r.reply)).toEqual([
      'Twice a day, at room temperature!',
      'Thank you so much 🙏',
      'Yes, the starter kit ships Monday.',
    ]);
    expect(rows[2]).toMatchObject({ platform: 'x', kind: 'dm', incoming: 'Is the kit back?', source: 'import', sourceId: first.sourceId });
    expect(await db.sources.get(first.sourceId!)).toMatchObject({
      kind: 'export-import',
      fileName: 'chat.json',
      format: 'Tiny export',
      records: 3,
      withIncoming: 2,
      platforms: { x: 3 },
      firstDate: Date.parse('2021-05-02T10:00:00Z'),
      lastDate: Date.parse('2024-06-01T10:00:00Z'),
      consent: { given: true, at: 5_000, text: 'Use these.' },
    });

    const again = await prepareFiles(db, [chatFile()]);
    expect(previewImport(again)).toMatchObject({ total: 0, duplicates: 4 });
    expect(describePreview(previewImport(again))).toContain('Nothing new to import.');
    const second = await commitImport(db, again);
    expect(second.added).toBe(0);
    expect(describeOutcome(second)).toBe('Imported nothing new from chat.json: its 4 replies are already in memory.');
    expect(await countExamples(db)).toBe(3);
    expect(await db.sources.count()).toBe(1);
  });

  it('adds up two different sources', async () => {
    useTinyImporter();
    const db = freshDb();
    await commitImport(db, await prepareFiles(db, [chatFile()]), { now: 1 });
    const other = chatFile('chat.json', { items: [{ from: 'maya', text: 'See you Friday!', answers: 'Live this week?' }, ...ITEMS] });
    const summary = await commitImport(db, await prepareFiles(db, [other]), { now: 2 });
    expect(summary.added).toBe(1);
    expect(await countExamples(db)).toBe(4);
    expect((await listSources(db)).map((s) => s.records)).toEqual([1, 3]);
  });

  it('reads an export from a zip, inflating only its text files', async () => {
    useTinyImporter();
    const db = freshDb();
    const zip = zipSync({
      'export/chat.json': strToU8(JSON.stringify({ tinyExport: true, me: 'maya', items: ITEMS })),
      'export/media/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0, 0, 0]),
    });
    const selection = await openSelection([new File([zip], 'my-export.zip')]);
    expect(selection.files.map((f) => f.path)).toEqual(['export/chat.json']);
    const prepared = await prepareImport(db, selection);
    expect(previewImport(prepared).total).toBe(3);
  });

  it('reads several chosen files as one export', async () => {
    const db = freshDb();
    const seen: string[][] = [];
    IMPORTERS.splice(0, IMPORTERS.length, {
      ...tinyImporter,
      async detect(files) {
        seen.push(files.map((f) => f.path));
        return files.some((f) => f.path === 'chat.json');
      },
    });
    const prepared = await prepareFiles(db, [new File(['{}'], 'account.js'), chatFile()]);
    expect(seen[0]).toEqual(['account.js', 'chat.json']);
    expect(prepared.selection.name).toBe('account.js and 1 more file');
  });

  it('asks which sender is the creator when the export does not say, and pairs once told', async () => {
    useTinyImporter();
    const db = freshDb();
    const file = chatFile('chat.json', { me: undefined });
    const asked = await prepareFiles(db, [file]);
    expect(previewImport(asked)).toMatchObject({ total: 0, needsCreator: { candidates: ['maya', 'sam'] } });
    const told = await prepareFiles(db, [file], 'maya');
    expect(told.creator).toBe('maya');
    expect(previewImport(told)).toMatchObject({ total: 3 });
    expect(previewImport(told).needsCreator).toBeUndefined();
  });

  it('leaves memory exactly as it was when a write fails partway through', async () => {
    useTinyImporter();
    const db = freshDb();
    await commitImport(db, await prepareFiles(db, [chatFile()]), { now: 1 });
    const before = { examples: await listExamples(db), sources: await db.sources.toArray(), meta: await db.meta.toArray() };

    const other = chatFile('chat.json', { items: [{ from: 'maya', text: 'New one.' }] });
    const prepared = await prepareFiles(db, [other]);
    vi.spyOn(db.exampleChunks, 'bulkAdd').mockRejectedValue(new DOMException('Disk is full', 'QuotaExceededError'));
    await expect(commitImport(db, prepared)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();

    expect(await listExamples(db)).toEqual(before.examples);
    expect(await db.sources.toArray()).toEqual(before.sources);
    expect(await db.meta.toArray()).toEqual(before.meta);
  });

  it('applies the preview filters to what is written: platform, years, length and links', async () => {
    useTinyImporter();
    const db = freshDb();
    const items = [
      { from: 'maya', text: 'ok', at: '2020-01-01T00:00:00Z' },
      { from: 'maya', text: 'Recipe at https://crumb.example/loaf', at: '2022-01-01T00:00:00Z' },
      { from: 'maya', text: 'Long enough reply here', at: '2019-01-01T00:00:00Z' },
      { from: 'maya', text: 'Another long enough reply', at: '2022-06-01T00:00:00Z' },
    ];
    const prepared = await prepareFiles(db, [chatFile('chat.json', { items })]);
    const filters = { minChars: 5, withoutLinks: true, fromYear: 2020 };
    expect(previewImport(prepared, filters)).toMatchObject({ total: 1, filteredOut: 3, allYears: { from: 2019, to: 2022 } });
    expect(previewImport(prepared, { excludedPlatforms: ['x'] }).total).toBe(0);
    await commitImport(db, prepared, { filters });
    expect((await listExamples(db)).map((r) => r.reply)).toEqual(['Another long enough reply']);
  });

  it('still reads a style profile JSON, replacing the profile and adding its examples as a source', async () => {
    const db = freshDb();
    const sample = new File([readFileSync(resolve(import.meta.dirname, '../../public/samples/sample-profile.json'))], 'sample-profile.json');
    const prepared = await prepareFiles(db, [sample]);
    const preview = previewImport(prepared);
    expect(preview.label).toBe('Understudy style profile');
    expect(preview.profile?.name).toBe('Maya Okafor');
    expect(describePreview(preview)[0]).toMatch(/^A style profile for Maya Okafor: importing replaces your profile/);
    const summary = await commitImport(db, prepared);
    expect(describeOutcome(summary)).toBe(`Imported sample-profile.json: ${summary.added} example replies and ${summary.profile!.facts} facts for Maya Okafor.`);
    expect((await getProfile(db))?.name).toBe('Maya Okafor');
    expect(await countExamples(db)).toBe(summary.added);

    const again = await commitImport(db, await prepareFiles(db, [sample]));
    expect(again.added).toBe(0);
    expect(await countExamples(db)).toBe(summary.added);
  });

  it('imports the sample X archive as a zip through the real importer, and a second time adds nothing', async () => {
    const root = resolve(import.meta.dirname, '../../public/samples/exports/x-archive');
    const entries: Record<string, Uint8Array> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else entries[`twitter-archive/${relative(root, path)}`] = readFileSync(path);
      }
    };
    walk(root);
    const archive = () => new File([zipSync(entries)], 'twitter-archive.zip');
    const db = freshDb();
    const prepared = await prepareFiles(db, [archive()]);
    const preview = previewImport(prepared);
    expect(preview.label).toBe('X archive');
    expect(preview.total).toBeGreaterThan(0);
    expect(preview.skipped.retweets).toBeGreaterThan(0);
    expect(describePreview(preview)[0]).toMatch(/^\d+ repl(y|ies) \(\d+ with the message they answered\) from X, \d{4}(–\d{4})?\.$/);
    const first = await commitImport(db, prepared);
    expect(await countExamples(db)).toBe(preview.total);
    expect(first.added).toBe(preview.total);
    const second = await commitImport(db, await prepareFiles(db, [archive()]));
    expect(second.added).toBe(0);
    expect(await countExamples(db)).toBe(preview.total);
  });

  describe('refuses what it cannot read, naming the file, and writes nothing', () => {
    async function refusal(files: File[]): Promise<ImportFormatError> {
      const db = freshDb();
      const error = await prepareFiles(db, files).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImportFormatError);
      expect(await countExamples(db)).toBe(0);
      return error as ImportFormatError;
    }

    it('a JSON file that is not JSON gets the profile reader’s precise message', async () => {
      expect((await refusal([new File(['hello {'], 'notes.json')])).message).toMatch(/^notes\.json is not JSON/);
    });

    it('a text file over the size limit, before it is read', async () => {
      const db = freshDb();
      const big = new File(['x'.repeat(3 * 1024 * 1024)], 'tweets.js');
      const text = vi.spyOn(big, 'arrayBuffer');
      await expect(openSelection([big], { maxTextBytes: 2 * 1024 * 1024 })).rejects.toThrow(
        /^tweets\.js is 3 MB, more than the 2 MB Understudy reads from one text file/,
      );
      expect(text).not.toHaveBeenCalled();
      expect(await countExamples(db)).toBe(0);
    });

    it('a binary file', async () => {
      expect((await refusal([new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])], 'photo.png')])).message).toMatch(
        /photo\.png is not a text file/,
      );
    });

    it('a zip with no file Understudy reads', async () => {
      const zip = zipSync({ 'photos/a.jpg': new Uint8Array([1, 2, 3]) });
      expect((await refusal([new File([zip], 'photos.zip')])).message).toMatch(/photos\.zip holds no file Understudy reads/);
    });

    it('an export from a platform Understudy does not read', async () => {
      expect((await refusal([new File(['<html><body>hi</body></html>'], 'index.html')])).message).toMatch(
        /index\.html is not an export Understudy reads\. It reads: Understudy style profile/,
      );
    });
  });

  it('says "1 retweet" in the singular, and lists a long reason with its count rather than guess its grammar', () => {
    expect(describeSkipped(1, 'retweets')).toBe('1 retweet left out.');
    expect(describeSkipped(1, 'media-only messages')).toBe('1 media-only message left out.');
    expect(describeSkipped(1, 'messages that only share a video or link')).toBe('Left out: messages that only share a video or link (1).');
    expect(describeSkipped(120, 'retweets')).toBe('120 retweets left out.');
    expect(describeSkipped(2_500, 'media-only replies')).toBe('2,500 media-only replies left out.');
  });
});
