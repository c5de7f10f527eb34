import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileFromText } from './files';
import { parseTikTokDate, tiktokImporter } from './tiktok';
import { ImportFormatError } from './types';
import { readZip } from './zip';

const utc = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);

/** Newer generation: user_data_tiktok.json, "Direct Message" → "Direct Messages", "Profile Info". */
const newer = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    Activity: { 'Login History': { LoginHistoryList: [] } },
    Comment: {
      Comments: {
        CommentsList: [
          { date: '2025-10-03 17:41:09', comment: '75% hydration is the sweet spot 🍞', photo: 'N/A', url: '' },
          { date: '2025-10-01 08:00:00', comment: 'Crème fraîche in the dough? Try 50g.', photo: 'N/A', url: '' },
        ],
      },
    },
    'Direct Message': {
      'Direct Messages': {
        ChatHistory: {
          'Chat History with sam:': [
            { Date: '2025-11-20 21:03:44', From: 'crumb.and.co', Content: 'Give it 6 hours at 20°C.' },
            { Date: '2025-11-20 20:58:10', From: 'sam', Content: 'my starter collapsed, is it dead??' },
          ],
        },
      },
    },
    Profile: { 'Profile Info': { ProfileMap: { userName: 'crumb.and.co' } } },
    ...overrides,
  });

/** Older generation: user_data.json, "Comment" → "CommentsList" with capitalised keys, "Direct Messages" → "Chat History". */
const older = JSON.stringify({
  Activity: { 'Favorite Videos': { FavoriteVideoList: [] } },
  Comment: { CommentsList: [{ Date: '2021-03-05 10:11:12', Comment: 'Low and slow wins, every time.' }] },
  'Direct Messages': {
    'Chat History': {
      ChatHistory: {
        'Chat History with lee:': [
          { Date: '2021-04-01 09:00:00', From: 'lee', Content: 'What flour do you use?' },
          { Date: '2021-04-01 09:30:00', From: 'crumb.and.co', Content: 'Strong white, 12–13% protein.' },
        ],
      },
    },
  },
  Profile: { 'Profile Information': { ProfileMap: { userName: 'crumb.and.co' } } },
});

describe('TikTok importer', () => {
  it('reads comments and pairs each DM with the message it answered, oldest first', async () => {
    const result = await tiktokImporter.parse([fileFromText('user_data_tiktok.json', newer())]);
    expect(result.format).toBe('tiktok');
    expect(result.replies).toEqual([
      { reply: 'Crème fraîche in the dough? Try 50g.', platform: 'tiktok', kind: 'comment', date: utc('2025-10-01 08:00:00') },
      { reply: '75% hydration is the sweet spot 🍞', platform: 'tiktok', kind: 'comment', date: utc('2025-10-03 17:41:09') },
      {
        reply: 'Give it 6 hours at 20°C.',
        incoming: 'my starter collapsed, is it dead??',
        incomingAuthor: 'sam',
        platform: 'tiktok',
        kind: 'dm',
        date: utc('2025-11-20 21:03:44'),
      },
    ]);
    expect(result.needsCreator).toBeUndefined();
  });

  it("reads the older user_data.json's section names and capitalised keys", async () => {
    const result = await tiktokImporter.parse([fileFromText('TikTok/user_data.json', older)]);
    expect(result.replies.map((r) => [r.kind, r.reply, r.incoming])).toEqual([
      ['comment', 'Low and slow wins, every time.', undefined],
      ['dm', 'Strong white, 12–13% protein.', 'What flour do you use?'],
    ]);
    expect(result.replies[0]!.date).toBe(utc('2021-03-05 10:11:12'));
  });

  it('reads comments written in other people’s LIVEs', async () => {
    const live = { 'Tiktok Live': { 'Watch Live History': { WatchLiveMap: { '7301': { WatchTime: '2025-09-01 20:00:00', Comments: [{ CommentTime: '2025-09-01 20:05:00', CommentContent: 'That oven spring!' }] } } } } };
    const result = await tiktokImporter.parse([fileFromText('user_data_tiktok.json', newer(live))]);
    expect(result.replies.find((r) => r.reply === 'That oven spring!')).toMatchObject({ kind: 'comment', date: utc('2025-09-01 20:05:00') });
  });

  it('asks which sender is the creator when the export has no profile username, and pairs nothing', async () => {
    const result = await tiktokImporter.parse([fileFromText('user_data_tiktok.json', newer({ Profile: {} }))]);
    expect(result.needsCreator).toEqual({ candidates: ['crumb.and.co', 'sam'] });
    expect(result.replies.every((r) => r.kind === 'comment')).toBe(true);

    const chosen = await tiktokImporter.parse([fileFromText('user_data_tiktok.json', newer({ Profile: {} }))], { creator: 'crumb.and.co' });
    expect(chosen.needsCreator).toBeUndefined();
    expect(chosen.replies.filter((r) => r.kind === 'dm')).toHaveLength(1);
  });

  it("asks rather than guesses when the profile username never appears as a sender, and says why", async () => {
    const result = await tiktokImporter.parse([
      fileFromText('user_data_tiktok.json', newer({ Profile: { 'Profile Info': { ProfileMap: { userName: 'old.handle' } } } })),
    ]);
    expect(result.needsCreator?.candidates[0]).toBe('crumb.and.co');
    expect(result.warnings.join()).toMatch(/"old\.handle" does not appear as a sender/);
  });

  it('matches the creator in DMs whatever the casing or an @ before the username', async () => {
    const result = await tiktokImporter.parse([fileFromText('user_data_tiktok.json', newer())], { creator: '@Crumb.And.Co' });
    expect(result.replies.filter((r) => r.kind === 'dm')).toHaveLength(1);
  });

  it('leaves out photo-only comments, shared-video messages and replies over 5,000 characters, and counts them', async () => {
    const data = newer({
      Comment: { Comments: { CommentsList: [{ date: '2025-10-03 17:41:09', comment: '', photo: 'https://p16.example/sticker.webp' }, { date: '2025-10-04 17:41:09', comment: 'x'.repeat(5001) }] } },
      'Direct Message': {
        'Direct Messages': {
          ChatHistory: {
            'Chat History with sam:': [
              { Date: '2025-11-20 20:58:10', From: 'sam', Content: 'https://www.tiktok.com/@crumb.and.co/video/7467012345678901234' },
              { Date: '2025-11-20 20:59:10', From: 'sam', Content: 'this one!' },
              { Date: '2025-11-20 21:03:44', From: 'crumb.and.co', Content: 'Thanks Sam!' },
            ],
          },
        },
      },
    });
    const result = await tiktokImporter.parse([fileFromText('user_data_tiktok.json', data)]);
    expect(result.skipped).toEqual({
      'comments without text (a photo or sticker only)': 1,
      'messages that only share a video or link': 1,
      'replies longer than 5,000 characters': 1,
    });
    expect(result.replies).toEqual([expect.objectContaining({ reply: 'Thanks Sam!', incoming: 'this one!' })]);
  });

  it('keeps one copy of each reply when both generations of the file are dropped together', async () => {
    const result = await tiktokImporter.parse([fileFromText('a/user_data_tiktok.json', newer()), fileFromText('b/user_data_tiktok (1).json', newer())]);
    expect(result.replies).toHaveLength(3);
    expect(result.skipped.duplicates).toBe(3);
  });

  it('reads TikTok dates as UTC, and epoch seconds or milliseconds where a field uses them', () => {
    expect(parseTikTokDate('2024-03-01 18:22:05')).toBe(Date.UTC(2024, 2, 1, 18, 22, 5));
    expect(parseTikTokDate('1709317325')).toBe(1709317325000);
    expect(parseTikTokDate('1709317325123')).toBe(1709317325123);
    expect(parseTikTokDate('2024-03-01T18:22:05+01:00')).toBe(Date.UTC(2024, 2, 1, 17, 22, 5));
    expect(parseTikTokDate('N/A')).toBeUndefined();
    expect(parseTikTokDate('03/01/2024')).toBeUndefined();
  });

  describe('detection', () => {
    it('recognises either file at any depth, including inside a zipped folder', async () => {
      expect(await tiktokImporter.detect([fileFromText('user_data_tiktok.json', newer())])).toBe(true);
      expect(await tiktokImporter.detect([fileFromText('Downloads/TikTok_Data/user_data.json', older)])).toBe(true);
      const zip = zipSync({ 'TikTok_Data_1712345678/user_data_tiktok.json': strToU8(newer()) });
      const entries = await readZip('TikTok_Data.zip', zip, { wanted: () => true });
      expect(await tiktokImporter.detect(entries)).toBe(true);
    });

    it("does not take another platform's files, or a user_data.json from another app, for TikTok", async () => {
      const others = [
        fileFromText('data/tweets.js', 'window.YTD.tweets.part0 = [{"tweet":{}}]'),
        fileFromText('your_instagram_activity/comments/post_comments_1.json', '[{"string_map_data":{}}]'),
        fileFromText('user_data.json', '{"users":[{"id":1}],"settings":{}}'),
        fileFromText('Comments.txt', 'Date: 2024-01-01 10:00:00\nComment: hi'),
        fileFromText('tiktok.json', newer()),
      ];
      for (const file of others) expect(await tiktokImporter.detect([file]), file.path).toBe(false);
    });
  });

  describe('bad input', () => {
    it('says a cut-off download stopped in the middle and how to fix it', async () => {
      const text = newer().slice(0, 300);
      await expect(tiktokImporter.parse([fileFromText('user_data_tiktok.json', text)])).rejects.toThrow(
        /user_data_tiktok\.json stops in the middle \(line 1\): the download was cut off\. Download your TikTok data again/,
      );
    });

    it('names the line of broken JSON in an edited file', async () => {
      const text = '{\n  "Comment": {\n    "CommentsList": [,]\n  }\n}';
      const error = await tiktokImporter.parse([fileFromText('user_data.json', text)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFormatError);
      expect((error as ImportFormatError).fileName).toBe('user_data.json');
      expect((error as Error).message).toMatch(/user_data\.json is not valid JSON \(line 3\)/);
    });

    it('refuses a user_data.json that is not a TikTok download, naming the file', async () => {
      await expect(tiktokImporter.parse([fileFromText('user_data.json', '{"users":[]}')])).rejects.toThrow(
        /user_data\.json is not a TikTok data download in the JSON format/,
      );
      await expect(tiktokImporter.parse([fileFromText('notes.txt', 'hello')])).rejects.toThrow(/notes\.txt has no user_data_tiktok\.json/);
    });

    it('warns when the download has neither comments nor messages', async () => {
      const result = await tiktokImporter.parse([fileFromText('user_data_tiktok.json', JSON.stringify({ Activity: {}, Profile: {} }))]);
      expect(result.replies).toEqual([]);
      expect(result.warnings).toEqual([expect.stringMatching(/has no comments or messages/)]);
    });

    it('stops when the import is cancelled', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(tiktokImporter.parse([fileFromText('user_data_tiktok.json', newer())], { signal: controller.signal })).rejects.toThrow();
    });
  });

  it("reads the sample creator's download: comments and two DM threads", async () => {
    const text = readFileSync('public/samples/exports/tiktok/user_data_tiktok.json', 'utf8');
    const files = [fileFromText('user_data_tiktok.json', text)];
    expect(await tiktokImporter.detect(files)).toBe(true);
    const result = await tiktokImporter.parse(files);
    expect(result.replies.filter((r) => r.kind === 'comment')).toHaveLength(4);
    const dms = result.replies.filter((r) => r.kind === 'dm');
    expect(dms).toHaveLength(3);
    expect(dms.every((r) => r.incoming && r.incomingAuthor)).toBe(true);
    expect(dms[0]!.incoming).toBe('my starter doubled then totally collapsed, is it dead??\nfed it 50g flour 50g water this morning');
    expect(result.skipped).toEqual({ 'comments without text (a photo or sticker only)': 1, 'messages that only share a video or link': 1 });
    expect(result.needsCreator).toBeUndefined();
  });
});
