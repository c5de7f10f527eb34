import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileFromBytes, fileFromText } from './files';
import { parseRedditDate, reddit } from './reddit';
import { ImportFormatError, type ImportFile } from './types';
import { readZip } from './zip';

const COMMENTS_HEADER = 'id,permalink,date,ip,subreddit,gildings,link,parent,body,media';
const MESSAGES_HEADER = 'id,permalink,thread_id,date,ip,from,to,subject,body';
const CHAT_HEADER = 'message_id,created_at,updated_at,username,message,thread_parent_message_id,channel_url,subreddit,channel_name,conversation_type';
const STATS = 'statistic,value\naccount name,crumbandco\nexport time,2025-06-02 08:14:09 UTC\n';

const comment = (id: string, date: string, body: string, media = '') =>
  `${id},https://www.reddit.com/r/Sourdough/comments/abc/t/${id}/,${date},,Sourdough,0,https://www.reddit.com/r/Sourdough/comments/abc/t/,t3_abc,"${body.replace(/"/g, '""')}",${media}`;
const message = (id: string, thread: string, date: string, from: string, to: string, body: string) =>
  `${id},https://www.reddit.com/message/messages/${id},${thread},${date},,${from},${to},subj,"${body.replace(/"/g, '""')}"`;
const csv = (header: string, rows: string[]) => `\uFEFF${header}\n${rows.join('\n')}\n`;

describe('Reddit comments.csv', () => {
  it("reads the creator's comments by header name, with Reddit's UTC dates and ids kept as strings, oldest first", async () => {
    const reordered = 'body,date,id,permalink,parent,subreddit';
    const files = [
      fileFromText('comments.csv', `${reordered}\n"Second, 230°C 🍞",2025-01-02 09:00:00 UTC,k2,/r/Breadit/comments/x/y/k2/,t3_x,Breadit\n"First",2025-01-01 08:30:15 UTC,0k1,/r/Breadit/comments/x/y/k1/,t3_x,Breadit\n`),
      fileFromText('statistics.csv', STATS),
    ];
    const result = await reddit.parse(files);
    expect(result.format).toBe('reddit');
    expect(result.replies).toEqual([
      { reply: 'First', platform: 'reddit', kind: 'comment', date: Date.UTC(2025, 0, 1, 8, 30, 15), sourceId: '0k1' },
      { reply: 'Second, 230°C 🍞', platform: 'reddit', kind: 'comment', date: Date.UTC(2025, 0, 2, 9), sourceId: 'k2' },
    ]);
    expect(result.warnings).toEqual([expect.stringContaining('2 comments come in without the comment or post it replied to')]);
  });

  it('keeps multi-line markdown, unescapes &gt; quotes, and leaves out deleted, media-only and over-long comments with counts', async () => {
    const rows = [
      comment('a1', '2025-01-01 10:00:00 UTC', '&gt; smells like socks\n\nThat&#39;s fine &amp; normal'),
      comment('a2', '2025-01-01 10:00:00 UTC', '[deleted]'),
      comment('a3', '2025-01-01 10:00:00 UTC', '[removed]'),
      comment('a4', '2025-01-01 10:00:00 UTC', '', 'https://i.redd.it/x.jpeg'),
      comment('a5', '2025-01-01 10:00:00 UTC', 'x'.repeat(5001)),
    ];
    const result = await reddit.parse([fileFromText('comments.csv', csv(COMMENTS_HEADER, rows))]);
    expect(result.replies.map((r) => r.reply)).toEqual(["> smells like socks\n\nThat&#39;s fine & normal"]);
    expect(result.skipped).toEqual({
      'deleted or removed comments and messages': 2,
      'media-only comments': 1,
      'comments longer than 5,000 characters': 1,
    });
  });

  it('joins split comments_1.csv and comments_2.csv, counting a comment listed in both once', async () => {
    const files = [
      fileFromText('comments_2.csv', csv(COMMENTS_HEADER, [comment('b2', '2025-01-02 10:00:00 UTC', 'two'), comment('b3', '2025-01-03 10:00:00 UTC', 'three')])),
      fileFromText('comments_1.csv', csv(COMMENTS_HEADER, [comment('b1', '2025-01-01 10:00:00 UTC', 'one'), comment('b2', '2025-01-02 10:00:00 UTC', 'two')])),
      fileFromText('comment_headers.csv', 'id,permalink,date,ip,subreddit,gildings,link,parent\nb1,/r/x,2025-01-01 10:00:00 UTC,,x,0,l,t3_x\n'),
    ];
    expect((await reddit.parse(files)).replies.map((r) => r.reply)).toEqual(['one', 'two', 'three']);
  });

  it('treats "registration ip" in a date column as no date rather than a wrong one', async () => {
    const result = await reddit.parse([fileFromText('comments.csv', csv(COMMENTS_HEADER, [comment('c1', 'registration ip', 'kept')]))]);
    expect(result.replies[0]).toEqual({ reply: 'kept', platform: 'reddit', kind: 'comment', sourceId: 'c1' });
  });
});

describe('Reddit messages', () => {
  const thread = [
    message('m1', '', '2025-02-20 21:05:14 UTC', 'loafing_leo', 'crumbandco', 'Is rye starter ok?'),
    message('m2', 'm1', '2025-02-21 08:32:40 UTC', 'CrumbAndCo', '/u/loafing_leo', 'Hey Leo! Rye works fine.'),
    message('m3', 'm1', '2025-02-23 19:11:03 UTC', 'loafing_leo', 'crumbandco', 'It worked!!'),
    message('m4', 'm1', '2025-02-23 20:02:48 UTC', 'crumbandco', '/u/loafing_leo', 'That made my evening ✨'),
  ];

  it("pairs each message with the creator's answer, knowing the creator from statistics.csv", async () => {
    for (const name of ['messages.csv', 'messages_archive.csv']) {
      const result = await reddit.parse([fileFromText(name, csv(MESSAGES_HEADER, [...thread].reverse())), fileFromText('statistics.csv', STATS)]);
      expect(result.needsCreator).toBeUndefined();
      expect(result.replies).toEqual([
        { reply: 'Hey Leo! Rye works fine.', incoming: 'Is rye starter ok?', incomingAuthor: 'loafing_leo', platform: 'reddit', kind: 'dm', date: Date.UTC(2025, 1, 21, 8, 32, 40), sourceId: 'm2' },
        { reply: 'That made my evening ✨', incoming: 'It worked!!', incomingAuthor: 'loafing_leo', platform: 'reddit', kind: 'dm', date: Date.UTC(2025, 1, 23, 20, 2, 48), sourceId: 'm4' },
      ]);
    }
  });

  it('asks which sender is the creator when statistics.csv is missing and one conversation cannot tell, pairing nothing', async () => {
    const result = await reddit.parse([fileFromText('messages_archive.csv', csv(MESSAGES_HEADER, thread))]);
    expect(result.replies).toEqual([]);
    expect(result.needsCreator?.candidates.sort()).toEqual(['CrumbAndCo', 'loafing_leo']);
  });

  it('pairs as the creator the person the import was told about', async () => {
    const result = await reddit.parse([fileFromText('messages_archive.csv', csv(MESSAGES_HEADER, thread))], { creator: 'crumbandco' });
    expect(result.needsCreator).toBeUndefined();
    expect(result.replies.map((r) => r.incoming)).toEqual(['Is rye starter ok?', 'It worked!!']);
  });

  it('knows the creator without statistics.csv when one username is in every one of several conversations', async () => {
    const other = message('n1', '', '2025-03-01 10:00:00 UTC', 'breadbyhanna', 'crumbandco', 'Collab?');
    const answer = message('n2', 'n1', '2025-03-01 11:00:00 UTC', 'crumbandco', 'breadbyhanna', 'Yes please!');
    const result = await reddit.parse([fileFromText('messages.csv', csv(MESSAGES_HEADER, [...thread, other, answer]))]);
    expect(result.needsCreator).toBeUndefined();
    expect(result.replies.map((r) => r.reply)).toEqual(['Hey Leo! Rye works fine.', 'That made my evening ✨', 'Yes please!']);
  });

  it('reads chat_history.csv: a two-person chat is paired, a group chat gives standalone replies', async () => {
    const rows = [
      'c1,2025-04-01 10:00:00 UTC,,sam_bakes,How long do you bulk?,,https://chat.reddit.com/room/!a,,,direct',
      'c2,2025-04-01 10:05:00 UTC,,crumbandco,About 5 hours at 24°C.,,https://chat.reddit.com/room/!a,,,direct',
      'g1,2025-04-02 10:00:00 UTC,,ana,Hi all,,https://chat.reddit.com/room/!g,,,group',
      'g2,2025-04-02 10:01:00 UTC,,crumbandco,Welcome in!,,https://chat.reddit.com/room/!g,,,group',
    ];
    const result = await reddit.parse([fileFromText('chat_history.csv', csv(CHAT_HEADER, rows)), fileFromText('statistics.csv', STATS)]);
    expect(result.replies).toEqual([
      { reply: 'About 5 hours at 24°C.', incoming: 'How long do you bulk?', incomingAuthor: 'sam_bakes', platform: 'reddit', kind: 'dm', date: Date.UTC(2025, 3, 1, 10, 5), sourceId: 'c2' },
      { reply: 'Welcome in!', platform: 'reddit', kind: 'dm', date: Date.UTC(2025, 3, 2, 10, 1), sourceId: 'g2' },
    ]);
  });
});

describe('Reddit detection', () => {
  it('recognises the export inside a zip, flat or in a folder', async () => {
    for (const prefix of ['', 'export_crumbandco_20250602/']) {
      const zip = zipSync({ [`${prefix}comments.csv`]: strToU8(csv(COMMENTS_HEADER, [comment('z1', '2025-01-01 10:00:00 UTC', 'hi')])), [`${prefix}statistics.csv`]: strToU8(STATS) });
      const files = await readZip('reddit.zip', zip, { wanted: (p) => p.endsWith('.csv') });
      expect(await reddit.detect(files)).toBe(true);
      expect((await reddit.parse(files)).replies).toHaveLength(1);
    }
  });

  it("does not claim other platforms' files that share its file names", async () => {
    const CHANNEL = 'UCm4yaOkaf0rCrumbAndCo9Q';
    const others: ImportFile[] = [
      fileFromText('data/tweets.js', 'window.YTD.tweets.part0 = []'),
      fileFromText('Takeout/YouTube and YouTube Music/comments/comments.csv', `Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\nUgzA,${CHANNEL},2025-01-01T00:00:00Z,0,,v,"{""text"":""hi""}"\n`),
      fileFromText('messages.csv', 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n1,,Ann,https://linkedin.com/in/ann,Maya,2024-01-01 10:00:00 UTC,,Hi,INBOX\n'),
      fileFromText('Comments.csv', 'Date,Link,Message\n2024-01-02 10:00:00 UTC,https://linkedin.com/x,Hello\n'),
      fileFromText('your_instagram_activity/comments/post_comments_1.json', '[{"string_map_data":{}}]'),
      fileFromBytes('comments.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])),
    ];
    for (const file of others) expect(await reddit.detect([file]), file.path).toBe(false);
  });
});

describe('Reddit bad input', () => {
  it('asks for the whole zip when only statistics.csv is given', async () => {
    const error = await reddit.parse([fileFromText('statistics.csv', STATS)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect((error as Error).message).toMatch(/^statistics\.csv: no comments\.csv, messages\.csv or chat_history\.csv .* Import the whole zip/);
  });

  it('refuses broken quoting, naming the file and the row', async () => {
    const text = `${COMMENTS_HEADER}\n${comment('q1', '2025-01-01 10:00:00 UTC', 'fine')}\nq2,/r/x,2025-01-01 10:00:00 UTC,,x,0,l,t3_x,"never closed\n`;
    await expect(reddit.parse([fileFromText('export/comments.csv', text)])).rejects.toThrow(/^export\/comments\.csv, row 3: a quoted cell never closes/);
  });

  it('stops when the import is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const files = [fileFromText('comments.csv', csv(COMMENTS_HEADER, [comment('s1', '2025-01-01 10:00:00 UTC', 'hi')]))];
    await expect(reddit.parse(files, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('Reddit dates', () => {
  it("reads Reddit's 'YYYY-MM-DD HH:MM:SS UTC' by hand and nothing else", () => {
    expect(parseRedditDate('2025-02-09 18:03:31 UTC')).toBe(Date.UTC(2025, 1, 9, 18, 3, 31));
    expect(parseRedditDate('registration ip')).toBeUndefined();
    expect(parseRedditDate('')).toBeUndefined();
  });
});

describe('the sample Reddit export', () => {
  it("gives Maya's 4 comments and 3 messages, 2 of them answers to Leo, with the deleted and the photo-only comment counted", async () => {
    const root = 'public/samples/exports/reddit';
    const files = readdirSync(root).map((name) => fileFromBytes(name, new Uint8Array(readFileSync(join(root, name)))));
    expect(await reddit.detect(files)).toBe(true);
    const result = await reddit.parse(files);
    expect(result.needsCreator).toBeUndefined();
    expect(result.replies.filter((r) => r.kind === 'comment')).toHaveLength(4);
    const dms = result.replies.filter((r) => r.kind === 'dm');
    expect(dms.map((r) => r.incomingAuthor)).toEqual(['loafing_leo', 'loafing_leo', undefined]);
    expect(result.skipped).toEqual({ 'deleted or removed comments and messages': 1, 'media-only comments': 1 });
    expect(result.replies.find((r) => r.sourceId === 'mr8k4fg')?.reply).toMatch(/^> it smells like old socks\n\nHa, that's a hungry starter/);
  });
});
