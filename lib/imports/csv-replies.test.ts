import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvRepliesImporter, findColumns, parseCsvDate, platformFromCell } from './csv-replies';
import { fileFromBytes, fileFromText } from './files';
import { IMPORTERS, detectImporter } from './registry';
import { ImportFormatError } from './types';
import { readZip } from './zip';

const parseOne = (path: string, text: string, options = {}) => csvRepliesImporter.parse([fileFromText(path, text)], options);

describe('CSV of replies', () => {
  it('reads incoming, reply, platform, date and topic by loose header names, in date order', async () => {
    const csv = 'Topic,Date,Site,Original Comment,My Reply\nstarter,2025-08-09,Instagram,How tight?,Tight enough to spring back.\noven,2025-08-02,YT,No Dutch oven?,Tray plus boiling water.\n';
    const result = await parseOne('replies.csv', csv);
    expect(result.format).toBe('csv');
    expect(result.replies).toEqual([
      { reply: 'Tray plus boiling water.', incoming: 'No Dutch oven?', platform: 'youtube', kind: 'comment', date: Date.UTC(2025, 7, 2), topic: 'oven' },
      { reply: 'Tight enough to spring back.', incoming: 'How tight?', platform: 'instagram', kind: 'comment', date: Date.UTC(2025, 7, 9), topic: 'starter' },
    ]);
  });

  it.each([
    ['incoming', 'reply'],
    ['comment', 'response'],
    ['message', 'answer'],
    ['Question', 'Your reply'],
    ['incoming_message', 'reply_text'],
  ])('finds the "%s" and "%s" columns', (incoming, reply) => {
    expect(findColumns(['date', incoming, reply])).toMatchObject({ incoming: 1, reply: 2, date: 0 });
  });

  it('does not mistake an "in reply to" column for the reply', () => {
    expect(findColumns(['In reply to', 'Response'])).toMatchObject({ incoming: 0, reply: 1 });
  });

  it('reads semicolon, tab and pipe delimiters, a BOM, quoted newlines and doubled quotes', async () => {
    for (const sep of [';', '\t', '|']) {
      const csv = `\uFEFFcomment${sep}reply${sep}platform\n"Dense crumb?\nHelp"${sep}"Longer bulk; say ""50%"" rise."${sep}tiktok\n`;
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv.slice(1))]);
      const result = await csvRepliesImporter.parse([fileFromBytes('replies.csv', bytes)]);
      expect(result.replies, JSON.stringify(sep)).toEqual([{ reply: 'Longer bulk; say "50%" rise.', incoming: 'Dense crumb?\nHelp', platform: 'tiktok', kind: 'comment' }]);
    }
  });

  it('keeps replies without a platform, without inventing one, and says which platform names it did not know', async () => {
    const csv = 'reply,platform\nNo platform here,\nOn Mastodon,Mastodon\nOn Twitter,Twitter\n';
    const result = await parseOne('replies.csv', csv);
    expect(result.replies.map((r) => [r.reply, r.platform])).toEqual([
      ['No platform here', undefined],
      ['On Mastodon', undefined],
      ['On Twitter', 'x'],
    ]);
    expect(result.warnings).toEqual(['replies.csv: "Mastodon" (1 row) is not a platform Understudy knows, so those replies were kept without a platform.']);
    const noColumn = await parseOne('replies.csv', 'reply\nJust a reply\n');
    expect(noColumn.replies).toEqual([{ reply: 'Just a reply', kind: 'comment' }]);
  });

  it('reads DMs from a kind column and the commenter from an author column', async () => {
    const result = await parseOne('r.csv', 'type,author,message,reply\nDM,Sam,Rye ratio?,Start at 20%.\n');
    expect(result.replies[0]).toMatchObject({ kind: 'dm', incomingAuthor: 'Sam', incoming: 'Rye ratio?' });
  });

  it('leaves out empty and over-long replies, keeps one of each duplicate, and counts them', async () => {
    const csv = `incoming,reply\nQ,\nQ,${'a'.repeat(5001)}\nSame?,Same.\nSame?,Same.\n`;
    const result = await parseOne('replies.csv', csv);
    expect(result.replies).toHaveLength(1);
    expect(result.skipped).toEqual({ 'rows without a reply': 1, 'replies longer than 5,000 characters': 1, duplicates: 1 });
  });

  it('reads ISO dates and epoch times, and warns about dates it cannot tell apart', async () => {
    expect(parseCsvDate('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseCsvDate('2024-03-01T09:30:00Z')).toBe(Date.UTC(2024, 2, 1, 9, 30));
    expect(parseCsvDate('2024-03-01 09:30')).toBe(Date.UTC(2024, 2, 1, 9, 30));
    expect(parseCsvDate('2024-03-01T09:30:00.5+02:00')).toBe(Date.UTC(2024, 2, 1, 7, 30, 0, 500));
    expect(parseCsvDate('1709285400')).toBe(1709285400000);
    expect(parseCsvDate('2024-02-31')).toBeUndefined();
    expect(parseCsvDate('03/01/2024')).toBeUndefined();
    const result = await parseOne('replies.csv', 'date,reply\n03/01/2024,Hi\n');
    expect(result.replies[0]?.date).toBeUndefined();
    expect(result.warnings).toEqual(['replies.csv: 1 date could not be read and was left empty; write dates like 2024-03-01 or 2024-03-01T09:30:00Z.']);
  });

  describe('detection', () => {
    it('recognises a replies CSV by its header, at any depth and inside a zip', async () => {
      expect(await csvRepliesImporter.detect([fileFromText('replies.csv', 'incoming,reply\nhi,hello\n')])).toBe(true);
      expect(await csvRepliesImporter.detect([fileFromText('Maya/exports/answers.tsv', 'question\tanswer\nhi\thello\n')])).toBe(true);
      const zip = zipSync({ 'my replies/replies.csv': strToU8('comment,response\nhi,hello\n') });
      expect(await csvRepliesImporter.detect(await readZip('replies.zip', zip, { wanted: () => true }))).toBe(true);
    });

    it("never takes a platform's own CSV, or a file that only looks like one by its extension", async () => {
      const others = {
        'Takeout/YouTube and YouTube Music/comments/comments.csv':
          'Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\nUgx,UC1,2024-01-01T10:00:00Z,,,,"{""text"":""hi""}"\n',
        'reddit/comments.csv': 'id,permalink,date,ip,subreddit,gildings,link,parent,body,media\nk1,/r/Breadit/k1,2024-01-01 10:00:00 UTC,,Breadit,0,,t1_x,Reply to that,\n',
        'reddit/messages_archive.csv': 'id,permalink,thread_id,date,ip,from,to,subject,body\nm1,/m/1,t1,2024-01-01 10:00:00 UTC,,sam,maya,Re: reply,hello\n',
        'Comments.csv': 'Date,Link,Message\n2024-01-01 10:00:00,https://l/1,Nice reply!\n',
        'messages.csv': 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT\nc1,,Sam,https://l/sam,Maya,2024-01-01 10:00:00 UTC,Re: reply,hi\n',
        'data/tweets.js': 'window.YTD.tweets.part0 = [{"reply":1}]',
        'replies.json': '{"reply":"hi"}',
        'notes.csv': 'title,body\nreply ideas,tbd\n',
      };
      for (const [path, text] of Object.entries(others)) expect(await csvRepliesImporter.detect([fileFromText(path, text)]), path).toBe(false);
    });

    it('is tried last, so the platform importers get their files first', () => {
      expect(IMPORTERS.at(-1)).toBe(csvRepliesImporter);
    });

    it("lets the registry hand a LinkedIn export to LinkedIn and the creator's own CSV to this importer", async () => {
      const linkedin = fileFromText('Comments.csv', 'Date,Link,Message\n2024-01-01 10:00:00,https://l/1,Nice\n');
      expect((await detectImporter([linkedin]))?.id).toBe('linkedin');
      expect((await detectImporter([fileFromText('replies.csv', 'incoming,reply\nhi,hello\n')]))?.id).toBe('csv');
    });
  });

  describe('bad input', () => {
    it('names the row whose quoting is broken', async () => {
      const csv = 'incoming,reply\nfine,fine\n"never closed,oops\nlost,lost\n';
      const error = await parseOne('replies.csv', csv).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFormatError);
      expect((error as ImportFormatError).fileName).toBe('replies.csv');
      expect((error as Error).message).toMatch(/^replies\.csv, row 3 \(counting the header as row 1\): a quoted field is never closed or has a stray quote/);
    });

    it('says a file saved in another encoding must be saved again as CSV UTF-8, naming the line', async () => {
      const latin1 = new Uint8Array([...new TextEncoder().encode('incoming,reply\nok,fine\nCaf'), 0xe9, ...new TextEncoder().encode(',Merci\n')]);
      await expect(csvRepliesImporter.parse([fileFromBytes('replies.csv', latin1)])).rejects.toThrow(/^replies\.csv, line 3: the text is not UTF-8.*"CSV UTF-8"/);
      const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('incoming\treply\n').flatMap((c) => [c.charCodeAt(0), 0])]);
      expect(await csvRepliesImporter.detect([fileFromBytes('replies.txt', utf16)])).toBe(true);
      await expect(csvRepliesImporter.parse([fileFromBytes('replies.txt', utf16)])).rejects.toThrow(/replies\.txt is saved as UTF-16/);
    });

    it('asks for a reply column when the CSV has none', async () => {
      await expect(parseOne('notes.csv', 'title,body\na,b\n')).rejects.toThrow(/notes\.csv has no column for your replies: name one "reply", "response" or "answer"/);
    });

    it('stops when the import is cancelled', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(parseOne('replies.csv', 'reply\nhi\n', { signal: controller.signal })).rejects.toThrow();
    });
  });

  it('maps the names creators write for each platform', () => {
    expect(['YouTube', 'IG', 'twitter', 'X', 'TikTok', 'FB', 'LinkedIn', 'reddit', 'Threads', 'bsky'].map(platformFromCell)).toEqual([
      'youtube',
      'instagram',
      'x',
      'x',
      'tiktok',
      'facebook',
      'linkedin',
      'reddit',
      'threads',
      'bluesky',
    ]);
  });

  it("reads the sample creator's CSV", async () => {
    const files = [fileFromText('replies.csv', readFileSync('public/samples/exports/csv/replies.csv', 'utf8'))];
    expect(await csvRepliesImporter.detect(files)).toBe(true);
    const result = await csvRepliesImporter.parse(files);
    expect(result.replies).toHaveLength(7);
    expect(result.replies.filter((r) => r.incoming)).toHaveLength(7);
    expect(result.replies.filter((r) => !r.platform)).toHaveLength(1);
    expect(new Set(result.replies.map((r) => r.platform))).toEqual(new Set(['youtube', 'instagram', 'tiktok', 'x', undefined]));
    expect(result.replies.at(-1)?.reply).toMatch(/wobbly\.\nCrumb doesn't lie!$/);
    expect(result.warnings).toEqual([]);
  });
});
