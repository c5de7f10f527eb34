import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileFromBytes, fileFromText } from './files';
import { ImportFormatError, type ImportFile } from './types';
import { commentText, parseTakeoutTime, youtubeTakeout } from './youtube-takeout';
import { readZip } from './zip';

const DIR = 'Takeout/YouTube and YouTube Music/comments';
const CHANNEL = 'UCm4yaOkaf0rCrumbAndCo9Q';
/** A CSV cell with its quotes doubled, as Takeout writes the JSON text cells. */
const cell = (json: string) => `"${json.replace(/"/g, '""')}"`;
const seg = (...texts: string[]) => texts.map((text) => JSON.stringify({ text })).join(',');

const OLD_HEADER = 'Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text';
const NEW_HEADER = 'Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text';
const SENTENCE_HEADER = 'Comment ID,Channel ID,Comment create timestamp,Price,Parent comment ID,Post ID,Video ID,Comment text,Top-level comment ID';

describe('YouTube Takeout comments.csv', () => {
  it('reads the pre-June-2024 layout, joining takeoutSegments (links included) into one reply', async () => {
    const text = cell(JSON.stringify({ takeoutSegments: [{ text: 'Recipe here: ' }, { text: 'crumbandco.example', link: { linkUrl: 'https://crumbandco.example' } }] }));
    const csv = `${OLD_HEADER}\nUgxtiXQkY7gqHbldJ1F4AaABAg,${CHANNEL},2023-09-19T17:42:53.434647+00:00,0,,WtOskFeLmr4,${text}\n\n\n`;
    const result = await youtubeTakeout.parse([fileFromText(`${DIR}/comments.csv`, csv)]);
    expect(result.format).toBe('youtube-takeout');
    expect(result.replies).toEqual([
      { reply: 'Recipe here: crumbandco.example', platform: 'youtube', kind: 'comment', date: Date.UTC(2023, 8, 19, 17, 42, 53, 434), sourceId: 'UgxtiXQkY7gqHbldJ1F4AaABAg' },
    ]);
  });

  it('reads the post-June-2024 layout, whose cells are comma-joined segments with raw line breaks', async () => {
    const raw = `{"text":"\\u003e my loaf is flat"},{"text":"\n"},{"text":"Tighter pre-shape,\nthen rest 20 minutes 🍞"}`;
    const csv = `${NEW_HEADER}\n${CHANNEL},2024-08-01T09:00:00Z,0,UgytHqobEtqoKm_-pYB4AaABAg.AAA1,UgytHqobEtqoKm_-pYB4AaABAg,rWVAzS6duAs,${cell(raw)}\n`;
    const [reply] = (await youtubeTakeout.parse([fileFromText(`${DIR}/comments.csv`, csv)])).replies;
    expect(reply?.reply).toBe('> my loaf is flat\nTighter pre-shape,\nthen rest 20 minutes 🍞');
    expect(reply?.sourceId).toBe('UgytHqobEtqoKm_-pYB4AaABAg.AAA1');
    expect(reply?.date).toBe(Date.UTC(2024, 7, 1, 9));
  });

  it('reads the 2025 sentence-case header with its Post ID and Top-level comment ID columns', async () => {
    const csv = `${SENTENCE_HEADER}\nC1,${CHANNEL},2025-02-11T19:04:00Z,0,,,dQw4w9WgXcQ,${cell(seg('Low and slow wins'))},\nC1.x,${CHANNEL},2025-02-11T20:15:00Z,0,C1,,dQw4w9WgXcQ,${cell(seg('Hey Sam! 230°C lid on'))},C1\n`;
    const result = await youtubeTakeout.parse([fileFromText(`${DIR}/comments.csv`, csv)]);
    expect(result.replies.map((r) => [r.sourceId, r.reply])).toEqual([
      ['C1', 'Low and slow wins'],
      ['C1.x', 'Hey Sam! 230°C lid on'],
    ]);
  });

  it('reads a Dutch export: localized folder, file name and column names', async () => {
    const csv = `Reactie-ID,Kanaal-ID,Aanmaaktijdstempel reactie,Prijs,Video-ID,Reactietekst\nUgwA1b2C3d4E5f6G7h8AaABAg.AC9x,${CHANNEL},2024-11-02T10:00:00+01:00,0,vid00000001,${cell(seg('Hé Joost! Tarwebloem werkt prima'))}\n`;
    const files = [fileFromText('Takeout/YouTube en YouTube Music/reacties/reacties.csv', csv)];
    expect(await youtubeTakeout.detect(files)).toBe(true);
    const result = await youtubeTakeout.parse(files);
    expect(result.replies[0]).toMatchObject({ reply: 'Hé Joost! Tarwebloem werkt prima', date: Date.UTC(2024, 10, 2, 9) });
    expect(result.warnings.filter((w) => w.includes("isn't in it"))).toHaveLength(1);
  });

  it('finds the columns of a language it has no names for by what their cells hold', async () => {
    const header = 'Ідентифікатор коментаря,Ідентифікатор каналу,Час створення,Ціна,Батьківський коментар,Ідентифікатор відео,Текст коментаря';
    const csv = `${header}\nUgzAAAAAAAAAAAAAAAA,${CHANNEL},2025-05-05T05:05:05Z,0,,vid00000001,${cell(seg('Привіт! 500 г борошна'))}\nUgzBBBBBBBBBBBBBBBB.Cx1,${CHANNEL},2025-05-06T05:05:05Z,0,UgzBBBBBBBBBBBBBBBB,vid00000001,${cell(seg('Дякую 🍞'))}\n`;
    const files = [fileFromText('Takeout/YouTube і YouTube Music/коментарі/коментарі.csv', csv)];
    expect(await youtubeTakeout.detect(files)).toBe(true);
    const result = await youtubeTakeout.parse(files);
    expect(result.replies.map((r) => [r.sourceId, r.reply, r.date])).toEqual([
      ['UgzAAAAAAAAAAAAAAAA', 'Привіт! 500 г борошна', Date.UTC(2025, 4, 5, 5, 5, 5)],
      ['UgzBBBBBBBBBBBBBBBB.Cx1', 'Дякую 🍞', Date.UTC(2025, 4, 6, 5, 5, 5)],
    ]);
    expect(result.warnings.some((w) => w.includes('1 of yours answers'))).toBe(true);
  });

  it("tells a reply's own id from its parent's in an unnamed layout where every comment is a reply", async () => {
    const header = 'a,b,c,d,e';
    const csv = `${header}\nUgzPARENT000001,UgzPARENT000001.r1,${CHANNEL},2025-05-05T05:05:05Z,${cell(seg('Yes, 10 g salt'))}\n`;
    const result = await youtubeTakeout.parse([fileFromText('Takeout/YouTube/x/x.csv', csv)]);
    expect(result.replies[0]?.sourceId).toBe('UgzPARENT000001.r1');
    expect(result.warnings.some((w) => w.includes('1 of yours answers'))).toBe(true);
  });

  it('joins split files comments.csv and comments(1).csv, counting a comment listed in both once, oldest first', async () => {
    const row = (id: string, day: number, text: string) => `${id},${CHANNEL},2025-01-0${day}T12:00:00Z,0,,vid00000001,${cell(seg(text))}`;
    const files = [
      fileFromText(`${DIR}/comments(1).csv`, `${OLD_HEADER}\n${row('UgzC3', 3, 'third')}\n${row('UgzB2', 2, 'second')}\n`),
      fileFromText(`${DIR}/comments.csv`, `${OLD_HEADER}\n${row('UgzA1', 1, 'first')}\n${row('UgzB2', 2, 'second')}\n`),
    ];
    const result = await youtubeTakeout.parse(files);
    expect(result.replies.map((r) => r.reply)).toEqual(['first', 'second', 'third']);
  });

  it("says once that replies come without the comment they answered, however many there are", async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `UgzP${i}.r,${CHANNEL},2025-01-01T12:00:0${i}Z,0,UgzP${i},vid00000001,${cell(seg(`reply ${i}`))}`);
    const result = await youtubeTakeout.parse([fileFromText(`${DIR}/comments.csv`, `${OLD_HEADER}\n${rows.join('\n')}\n`)]);
    expect(result.replies.every((r) => r.incoming === undefined)).toBe(true);
    expect(result.warnings).toEqual([expect.stringContaining('3 of yours answer someone else')]);
  });

  it('leaves out empty comments, comments over 5,000 characters and cut-off text cells, and counts each', async () => {
    const rows = [
      `UgzE1,${CHANNEL},2025-01-01T12:00:00Z,0,,v,${cell(seg('  '))}`,
      `UgzL1,${CHANNEL},2025-01-01T12:00:00Z,0,,v,${cell(seg('a'.repeat(5001)))}`,
      `UgzT1,${CHANNEL},2025-01-01T12:00:00Z,0,,v,${cell('{"takeoutSegments":[{"text":"cut')}`,
      `UgzK1,${CHANNEL},2025-01-01T12:00:00Z,0,,v,${cell(seg('kept'))}`,
    ];
    const result = await youtubeTakeout.parse([fileFromText(`${DIR}/comments.csv`, `${OLD_HEADER}\n${rows.join('\n')}\n`)]);
    expect(result.replies.map((r) => r.reply)).toEqual(['kept']);
    expect(result.skipped).toEqual({ 'empty comments': 1, 'comments longer than 5,000 characters': 1, "comments whose text couldn't be read": 1 });
    expect(result.warnings.some((w) => w.includes('comments.csv, row 4'))).toBe(true);
  });

  it('keeps an id as the exact string Takeout wrote', async () => {
    const csv = `${OLD_HEADER}\n00012345678901234567890,${CHANNEL},2025-01-01T12:00:00Z,0,,v,${cell(seg('hi'))}\n`;
    const result = await youtubeTakeout.parse([fileFromText('comments.csv', csv)]);
    expect(result.replies[0]?.sourceId).toBe('00012345678901234567890');
  });
});

describe('YouTube Takeout my-comments.html (older exports)', () => {
  const html = `<html><body><ul>
<li>Sent at 2020-04-27 23:18:23 UTC while watching <a href="http://www.youtube.com/watch?v=mM">a video</a>.<br/>Crumb doesn&#39;t lie &amp; neither do grams</li>
<li>Sent at 2016-06-15T08:50:49Z while watching <a href="http://www.youtube.com/watch?v=nN">another</a>.<br>Line one<br>line <b>two</b> 🍞</li>
</ul></body></html>`;
  const file = () => fileFromText('Takeout/YouTube and YouTube Music/my-comments/my-comments.html', html);
  const expected = [
    { reply: 'Line one\nline two 🍞', platform: 'youtube', kind: 'comment', date: Date.UTC(2016, 5, 15, 8, 50, 49) },
    { reply: "Crumb doesn't lie & neither do grams", platform: 'youtube', kind: 'comment', date: Date.UTC(2020, 3, 27, 23, 18, 23) },
  ];

  afterEach(() => vi.unstubAllGlobals());

  it('reads each list item: its UTC date in either form, and the text after the line break', async () => {
    expect(typeof DOMParser).toBe('function');
    expect(await youtubeTakeout.detect([file()])).toBe(true);
    expect((await youtubeTakeout.parse([file()])).replies).toEqual(expected);
  });

  it('reads the same items in the import worker, where there is no DOMParser', async () => {
    vi.stubGlobal('DOMParser', undefined);
    expect((await youtubeTakeout.parse([file()])).replies).toEqual(expected);
  });
});

describe('YouTube Takeout detection', () => {
  const comments = `${OLD_HEADER}\nUgzA1,${CHANNEL},2025-01-01T12:00:00Z,0,,v,${cell(seg('hi'))}\n`;

  it('recognises the comments file inside a zip, at any depth', async () => {
    const zip = zipSync({
      'takeout-20250601T000000Z-001/Takeout/YouTube and YouTube Music/comments/comments.csv': strToU8(comments),
      'takeout-20250601T000000Z-001/Takeout/YouTube and YouTube Music/videos/clip.mp4': new Uint8Array(100),
      'takeout-20250601T000000Z-001/Takeout/archive_browser.html': strToU8('<html><ul><li>YouTube</li></ul></html>'),
    });
    const files = await readZip('takeout.zip', zip, { wanted: (p) => /\.(csv|html)$/.test(p) });
    expect(await youtubeTakeout.detect(files)).toBe(true);
    expect((await youtubeTakeout.parse(files)).replies).toHaveLength(1);
  });

  it("does not claim other platforms' files, live chats or binary files", async () => {
    const others: ImportFile[] = [
      fileFromText('data/tweets.js', 'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"hi"}}]'),
      fileFromText('your_instagram_activity/comments/post_comments_1.json', '[{"string_map_data":{"Comment":{"value":"hi"}}}]'),
      fileFromText('comments.csv', 'id,permalink,date,ip,subreddit,gildings,link,parent,body,media\nk1,/r/Breadit/comments/a/b/k1/,2024-01-01 10:00:00 UTC,,Breadit,0,https://x,t3_a,hello,\n'),
      fileFromText('Comments.csv', 'Date,Link,Message\n2024-01-02 10:00:00 UTC,https://linkedin.com/x,Hello\n'),
      fileFromText('Takeout/YouTube and YouTube Music/live chats/live chats.csv', `Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat Text\nUgwsSD8yrDW7_h6F5vZ4AaABDqgB5OC1kgI,${CHANNEL},2018-09-02T05:16:35Z,0,v,${cell(seg('hi'))}\n`),
      fileFromText('Takeout/YouTube and YouTube Music/history/watch-history.html', '<div class="outer-cell">Watched <a href="https://www.youtube.com/watch?v=x">x</a><br>Jun 1, 2025, 10:00:00 AM UTC</div>'),
      fileFromBytes('Takeout/YouTube and YouTube Music/comments/comments.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])),
    ];
    for (const file of others) expect(await youtubeTakeout.detect([file]), file.path).toBe(false);
  });

  it('does not take a comments.csv by its name alone', async () => {
    expect(await youtubeTakeout.detect([fileFromText(`${DIR}/comments.csv`, 'name,notes\nflour,strong\n')])).toBe(false);
  });
});

describe('YouTube Takeout bad input', () => {
  it('refuses a comments file with broken quoting, naming the file and the row', async () => {
    const csv = `${OLD_HEADER}\nUgzA1,${CHANNEL},2025-01-01T12:00:00Z,0,,v,${cell(seg('fine'))}\nUgzB2,${CHANNEL},2025-01-01T12:00:00Z,0,,v,"{""text"":""never closed}\n`;
    const error = await youtubeTakeout.parse([fileFromText(`${DIR}/comments.csv`, csv)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect((error as Error).message).toMatch(/^Takeout\/YouTube and YouTube Music\/comments\/comments\.csv, row 3: a quoted cell never closes/);
  });

  it('says where comments are in Takeout when none of the files holds them', async () => {
    await expect(youtubeTakeout.parse([fileFromText('Takeout/archive_browser.html', '<html></html>')])).rejects.toThrow(
      /archive_browser\.html: no YouTube comments file found .*comments\.csv/,
    );
  });

  it('stops when the import is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const csv = `${OLD_HEADER}\nUgzA1,${CHANNEL},2025-01-01T12:00:00Z,0,,v,${cell(seg('hi'))}\n`;
    await expect(youtubeTakeout.parse([fileFromText(`${DIR}/comments.csv`, csv)], { signal: controller.signal })).rejects.toThrow();
  });
});

describe('Takeout text cells and times', () => {
  it('reads plain text cells as they are and JSON cells segment by segment', () => {
    expect(commentText('just words, no JSON')).toBe('just words, no JSON');
    expect(commentText('{"takeoutSegments":[{"text":"a"},{"text":"b"}]}')).toBe('ab');
    expect(commentText('{"takeoutSegments":[{"text":"a"}')).toBeUndefined();
  });

  it('reads Takeout times with microseconds, offsets or Z, and refuses other strings', () => {
    expect(parseTakeoutTime('2023-09-19T17:42:53.434647+00:00')).toBe(Date.UTC(2023, 8, 19, 17, 42, 53, 434));
    expect(parseTakeoutTime('2016-01-29T18:26:53.255+00:00')).toBe(Date.UTC(2016, 0, 29, 18, 26, 53, 255));
    expect(parseTakeoutTime('2024-11-02T10:00:00-05:30')).toBe(Date.UTC(2024, 10, 2, 15, 30));
    expect(parseTakeoutTime('yesterday')).toBeUndefined();
  });
});

describe('the sample YouTube Takeout', () => {
  const root = 'public/samples/exports/youtube-takeout';
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

  it("gives Maya's 7 comments, 5 of them replies to viewers, in time order", async () => {
    const files = walk(root).map((path) => fileFromBytes(relative(root, path), new Uint8Array(readFileSync(path))));
    expect(await youtubeTakeout.detect(files)).toBe(true);
    const result = await youtubeTakeout.parse(files);
    expect(result.replies).toHaveLength(7);
    expect(result.skipped).toEqual({});
    expect(result.warnings).toEqual([expect.stringContaining('5 of yours answer')]);
    expect(result.replies[0]?.reply).toMatch(/^Pinned: the full recipe/);
    expect(result.replies.some((r) => r.reply.includes('crumbandco.example/course'))).toBe(true);
    expect(result.replies.map((r) => r.date)).toEqual([...result.replies.map((r) => r.date)].sort((a, b) => a! - b!));
  });
});
