import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileFromBytes, fileFromText } from './files';
import type { ImportFile } from './types';
import { parseXDate, xArchiveImporter } from './x-archive';
import { readZip } from './zip';

const MAYA = '1298765432109876543';
const SAMPLE_DIR = join(__dirname, '../../public/samples/exports/x-archive');

function ytd(name: string, value: unknown): string {
  return `window.YTD.${name}.part0 = ${JSON.stringify(value, null, 2)}`;
}

interface TweetOptions {
  reply?: [statusId: string, userId: string, handle?: string];
  urls?: [string, string][];
  media?: string;
  edit?: unknown;
}

function tweet(id: string, created: string, text: string, options: TweetOptions = {}) {
  const t: Record<string, unknown> = {
    id_str: id,
    id,
    created_at: created,
    full_text: text,
    favorite_count: '0',
    retweet_count: '0',
    entities: { urls: (options.urls ?? []).map(([url, expanded_url]) => ({ url, expanded_url, display_url: expanded_url })), user_mentions: [] },
  };
  if (options.reply) {
    const [statusId, userId, handle] = options.reply;
    t.in_reply_to_status_id_str = statusId;
    t.in_reply_to_user_id_str = userId;
    if (handle) t.in_reply_to_screen_name = handle;
  }
  if (options.media) (t.entities as Record<string, unknown>).media = [{ url: options.media, expanded_url: `https://x.com/i/${id}/photo/1` }];
  if (options.edit) t.edit_info = options.edit;
  return { tweet: t };
}

const account = (id = MAYA, username = 'crumbandco') => fileFromText('data/account.js', ytd('account', [{ account: { username, accountId: id, accountDisplayName: 'Maya Okafor' } }]));

function message(id: string, sender: string, text: string, createdAt: string, extra: Record<string, unknown> = {}) {
  return { messageCreate: { id, senderId: sender, recipientId: sender === MAYA ? '42' : MAYA, text, createdAt, reactions: [], urls: [], mediaUrls: [], ...extra } };
}

function readSample(): ImportFile[] {
  const out: ImportFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(fileFromBytes(relative(SAMPLE_DIR, path), new Uint8Array(readFileSync(path))));
    }
  };
  walk(SAMPLE_DIR);
  return out;
}

describe('the X archive sample (Maya Okafor)', () => {
  it("is recognised and gives Maya's 10 replies: 7 public replies and 3 messages, with what was left out and why", async () => {
    const files = readSample();
    expect(files.map((f) => f.path).sort()).toEqual(['data/account.js', 'data/direct-messages-group.js', 'data/direct-messages.js', 'data/manifest.js', 'data/tweets.js']);
    expect(await xArchiveImporter.detect(files)).toBe(true);
    const result = await xArchiveImporter.parse(files);
    expect(result.format).toBe('x-archive');
    expect(result.replies).toHaveLength(10);
    expect(result.replies.filter((r) => r.kind === 'comment')).toHaveLength(7);
    expect(result.replies.filter((r) => r.kind === 'dm')).toHaveLength(3);
    expect(result.skipped).toEqual({
      retweets: 1,
      'your own posts and threads (not replies)': 2,
      'earlier versions of edited tweets': 1,
      'media-only replies': 1,
      'media-only messages': 1,
    });
    expect(result.needsCreator).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(result.replies.every((r) => r.platform === 'x')).toBe(true);
    const dates = result.replies.map((r) => r.date!);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it("reads the sample's replies as Maya wrote them: handles dropped, entities decoded, accents and emoji intact, follow-ups joined", async () => {
    const { replies } = await xArchiveImporter.parse(readSample());
    const by = (author: string) => replies.filter((r) => r.incomingAuthor === author);
    expect(by('@mo_kneads')[0]?.reply).toBe("Flour & water & salt & time, that's honestly it. Low and slow wins.");
    expect(by('@lea_patisserie')[0]?.reply).toMatch(/^Crème fraîche in the dough\?.*🍞$/);
    expect(by('@jonny_rye')[0]?.reply).toBe(
      '24°C kitchen? Then 4 to 5 hours of bulk is about right. Watch the dough, not the clock: you want it 50% bigger and jiggly.\nForgot to say: a straight-sided jar makes the 50% really easy to see.',
    );
    expect(by('@sam_ferments').map((r) => r.reply)).toEqual(['Fridge for up to 48 hours is fine. Past that the tang gets really sharp, so 12 to 36 hours is my sweet spot.']);
    expect(by('@oldfriendbakes')[0]).toMatchObject({ sourceId: '1396501722930405379', date: Date.UTC(2021, 4, 23, 16, 12, 45) });
    const priya = by('@priya_loaves');
    expect(priya.map((r) => r.kind)).toEqual(['comment', 'dm']);
    expect(priya[1]).toMatchObject({
      incoming: "Hi Maya! Tried your rye swap and it worked 😍\nQuick one though: can I keep my starter in the fridge while I'm away for a week?",
      reply: "Hey Priya! So glad the rye worked. Yes: feed it, wait an hour, then fridge. It'll be fine for 2 weeks.\nWhen you're back, 2 feeds at room temp before you bake with it 🍞",
      date: Date.parse('2025-02-03T19:30:30.911Z'),
    });
    expect(by('5566778899')[0]?.incoming).toBe('This is my loaf, why is the bottom so pale?');
    const group = replies.find((r) => r.reply.startsWith('Me, obviously'));
    expect(group).toMatchObject({ kind: 'dm' });
    expect(group?.incoming).toBeUndefined();
  });
});

describe('recognising an X archive', () => {
  it('recognises tweets.js at the top, under the archive folder, or in a zipped folder of the archive', async () => {
    const body = ytd('tweets', [tweet('1', 'Sat Aug 12 16:10:37 +0000 2023', 'hi')]);
    for (const path of ['tweets.js', 'data/tweets.js', 'twitter-2026-03-02-ab12cd/data/tweets.js', 'Takeout/Downloads/data/tweet-part1.js']) {
      expect(await xArchiveImporter.detect([fileFromText(path, body)])).toBe(true);
    }
    const zip = zipSync({ 'my archive/data/tweets.js': strToU8(body), 'my archive/data/tweets_media/1-a.jpg': new Uint8Array(10), 'my archive/Your archive.html': strToU8('<html>') });
    const entries = await readZip('twitter.zip', zip, { wanted: (p) => /\.(js|csv)$/.test(p) });
    expect(await xArchiveImporter.detect(entries)).toBe(true);
    expect((await xArchiveImporter.parse(entries)).skipped).toEqual({ 'your own posts and threads (not replies)': 1 });
  });

  it('recognises the classic archive by its month files and by its tweets.csv', async () => {
    expect(await xArchiveImporter.detect([fileFromText('data/js/tweets/2014_01.js', 'Grailbird.data.tweets_2014_01 =\n[]')])).toBe(true);
    expect(await xArchiveImporter.detect([fileFromText('tweets.csv', '"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text"\n')])).toBe(true);
  });

  it("does not take other platforms' exports, nor a file that only borrows an X file's name", async () => {
    const others = [
      fileFromText('your_instagram_activity/comments/post_comments_1.json', '[{"string_map_data":{"Comment":{"value":"hi"}}}]'),
      fileFromText('Takeout/YouTube and YouTube Music/comments/comments.csv', 'Comment ID,Channel ID,Comment Create Timestamp,Comment Text\n'),
      fileFromText('comments.csv', 'id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n'),
      fileFromText('user_data_tiktok.json', '{"Comment":{"Comments":{"CommentsList":[]}}}'),
      fileFromText('src/tweets.js', 'export const tweets = [];'),
      fileFromText('data/tweets.json', 'window.YTD.tweets.part0 = []'),
      fileFromText('tweets.csv', 'date,reply\n2024-01-01,hi\n'),
    ];
    for (const file of others) expect(await xArchiveImporter.detect([file]), file.path).toBe(false);
  });
});

describe('reading tweets', () => {
  it('joins the older tweet.js with split parts, each tweet once, and keeps 64-bit ids exactly', async () => {
    const a = tweet('1690395372546301952', 'Sat Aug 12 16:10:37 +0000 2023', '@bob Thanks Bob!', { reply: ['1690390000000000000', '291797158', 'bob'] });
    const b = tweet('1690395372546301953', 'Sat Aug 12 16:11:00 +0000 2023', '@cat Same time tomorrow 🍞', { reply: ['1690390000000000001', '291797159', 'cat'] });
    const files = [
      fileFromText('data/tweet.js', `window.YTD.tweet.part0 = ${JSON.stringify([a])}`),
      fileFromText('data/tweet-part1.js', `window.YTD.tweet.part1 = ${JSON.stringify([a, b])};\n`),
    ];
    const { replies } = await xArchiveImporter.parse(files);
    expect(replies.map((r) => [r.sourceId, r.reply])).toEqual([
      ['1690395372546301952', 'Thanks Bob!'],
      ['1690395372546301953', 'Same time tomorrow 🍞'],
    ]);
  });

  it('expands t.co links to where they lead and drops the link of an attached photo', async () => {
    const t = tweet('10', 'Sat Aug 12 16:10:37 +0000 2023', '@bob Recipe is here: https://t.co/4LBP https://t.co/PHOTO', {
      reply: ['9', '2', 'bob'],
      urls: [['https://t.co/4LBP', 'https://crumbandco.example/recipe']],
      media: 'https://t.co/PHOTO',
    });
    const { replies } = await xArchiveImporter.parse([fileFromText('data/tweets.js', ytd('tweets', [t])), account()]);
    expect(replies[0]).toMatchObject({ reply: 'Recipe is here: https://crumbandco.example/recipe', incomingAuthor: '@bob', kind: 'comment' });
    expect(replies[0]?.incoming).toBeUndefined();
  });

  it("leaves out Maya's own posts and their threads, but joins her follow-up to a reply, even one under an earlier edit", async () => {
    const tweets = [
      tweet('100', 'Thu Jan 09 17:00:00 +0000 2025', 'New video is up!'),
      tweet('101', 'Thu Jan 09 17:01:00 +0000 2025', 'Part two of the thread', { reply: ['100', MAYA, 'crumbandco'] }),
      // A reply to one of her tweets that is not in the archive (deleted): still her own thread.
      tweet('102', 'Thu Jan 09 17:02:00 +0000 2025', '@crumbandco and more', { reply: ['99', MAYA, 'crumbandco'] }),
      tweet('200', 'Fri Jan 10 10:00:00 +0000 2025', '@ana 230°C', { reply: ['150', '7', 'ana'], edit: { initial: { editTweetIds: ['200', '201'] } } }),
      tweet('201', 'Fri Jan 10 10:01:00 +0000 2025', '@ana 230°C for 20 minutes', { reply: ['150', '7', 'ana'], edit: { edit: { initialTweetId: '200' } } }),
      tweet('202', 'Fri Jan 10 10:05:00 +0000 2025', '@ana then lid off', { reply: ['200', MAYA, 'crumbandco'] }),
    ];
    const result = await xArchiveImporter.parse([fileFromText('data/tweets.js', ytd('tweets', tweets)), account()]);
    expect(result.replies).toEqual([{ reply: '230°C for 20 minutes\nthen lid off', incomingAuthor: '@ana', platform: 'x', kind: 'comment', date: Date.UTC(2025, 0, 10, 10, 1), sourceId: '201' }]);
    expect(result.skipped).toEqual({ 'your own posts and threads (not replies)': 3, 'earlier versions of edited tweets': 1 });
  });

  it('leaves out retweets, media-only replies, replies over 5,000 characters, and counts deleted tweets', async () => {
    const tweets = [
      tweet('1', 'Sat Aug 12 16:10:37 +0000 2023', 'RT @market: Fresh loaves on Saturday'),
      tweet('2', 'Sat Aug 12 16:10:38 +0000 2023', '@bob https://t.co/PIC', { reply: ['0', '5', 'bob'], media: 'https://t.co/PIC' }),
      tweet('3', 'Sat Aug 12 16:10:39 +0000 2023', `@bob ${'a'.repeat(5001)}`, { reply: ['0', '5', 'bob'] }),
    ];
    const deleted = fileFromText('data/deleted-tweets.js', ytd('deleted_tweets', [tweet('4', 'Sat Aug 12 16:10:40 +0000 2023', 'oops')]));
    const result = await xArchiveImporter.parse([fileFromText('data/tweets.js', ytd('tweets', tweets)), deleted]);
    expect(result.replies).toEqual([]);
    expect(result.skipped).toEqual({ retweets: 1, 'media-only replies': 1, 'replies longer than 5,000 characters': 1, 'deleted tweets': 1 });
  });

  it('takes the whole text of a long reply from note-tweet.js instead of the cut-short tweet', async () => {
    const long = `Okay, long answer because this one matters: ${'fold every 30 minutes, '.repeat(14)}and then leave it alone.`;
    const cut = `@bob ${long.slice(0, 270)}… https://t.co/MORE`;
    const files = [
      fileFromText('data/tweets.js', ytd('tweets', [tweet('500', 'Mon Mar 03 12:00:00 +0000 2025', cut, { reply: ['400', '5', 'bob'] })])),
      fileFromText('data/note-tweet.js', ytd('note_tweet', [{ noteTweet: { noteTweetId: '900', createdAt: '2025-03-03T12:00:00.000Z', core: { text: long, urls: [] } } }])),
    ];
    const { replies } = await xArchiveImporter.parse(files);
    expect(replies[0]?.reply).toBe(long);
  });

  it('reads the classic archive: month files with their user_details, retweets left out, dates as written', async () => {
    const grail = [
      { id_str: '558807048880521216', created_at: '2015-01-24 02:02:37 +0000', text: '@sam Keep it warm &amp; feed it daily', in_reply_to_status_id_str: '558800000000000000', in_reply_to_user_id_str: '12', in_reply_to_screen_name: 'sam', entities: { urls: [] } },
      { id_str: '558807048880521217', created_at: '2015-01-24 03:00:00 +0000', text: 'RT @bakery: Bread!', retweeted_status: { id_str: '1' }, entities: { urls: [] } },
      { id_str: '558807048880521218', created_at: '2015-01-24 04:00:00 +0000', text: '@crumbandco and one more thing', in_reply_to_status_id_str: '558700000000000000', in_reply_to_user_id_str: '77', entities: { urls: [] } },
    ];
    const files = [
      fileFromText('data/js/tweets/2015_01.js', `Grailbird.data.tweets_2015_01 = \n${JSON.stringify(grail)}`),
      fileFromText('data/js/user_details.js', 'var user_details =  {\n  "screen_name" : "crumbandco",\n  "id" : "77",\n  "full_name" : "Maya Okafor"\n}'),
      fileFromText('tweets.csv', '"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text"\n"558807048880521216","","","2015-01-24 02:02:37 +0000","web","should not be read twice"\n'),
    ];
    const result = await xArchiveImporter.parse(files);
    expect(result.replies).toEqual([{ reply: 'Keep it warm & feed it daily', incomingAuthor: '@sam', platform: 'x', kind: 'comment', date: Date.UTC(2015, 0, 24, 2, 2, 37), sourceId: '558807048880521216' }]);
    expect(result.skipped).toEqual({ retweets: 1, 'your own posts and threads (not replies)': 1 });
  });

  it("reads a classic tweets.csv on its own, with quoted newlines, its joined link list, and the reply's handle from the text", async () => {
    const csv = [
      '"tweet_id","in_reply_to_status_id","in_reply_to_user_id","timestamp","source","text","retweeted_status_id","retweeted_status_user_id","retweeted_status_timestamp","expanded_urls"',
      '"700807342384746496","700800000000000000","15782607","2016-02-19 22:21:05 +0000","<a href=""http://tapbots.com"">Tweetbot</a>","@jordan Two things:\n1. weigh it https://t.co/aaa\n2. wait https://t.co/bbb","","","","https://crumbandco.example/scale,https://twitter.com/crumbandco/status/700807342384746496/photo/1"',
      '"700807342384746497","","","2016-02-19 22:30:00 +0000","web","RT @x: y","1","2","2016-02-19 22:00:00 +0000",""',
    ].join('\n');
    const result = await xArchiveImporter.parse([fileFromText('tweets.csv', csv)]);
    expect(result.replies).toEqual([{ reply: 'Two things:\n1. weigh it https://crumbandco.example/scale\n2. wait', incomingAuthor: '@jordan', platform: 'x', kind: 'comment', date: Date.UTC(2016, 1, 19, 22, 21, 5), sourceId: '700807342384746496' }]);
    expect(result.skipped).toEqual({ retweets: 1 });
  });
});

describe('reading direct messages', () => {
  it('merges a conversation split across files, each message once, pairs by the account id and keeps only real messages', async () => {
    const part0 = [
      {
        dmConversation: {
          conversationId: `42-${MAYA}`,
          messages: [
            message('3', MAYA, 'Yes! Recipe: https://t.co/abc', '2024-05-01T10:05:00.000Z', { urls: [{ url: 'https://t.co/abc', expanded: 'https://crumbandco.example/focaccia', display: 'crumbandco.example/focaccia' }] }),
            { reactionCreate: { senderId: '42', reactionKey: 'like', createdAt: '2024-05-01T10:06:00.000Z' } },
            message('1', '42', 'Do you have a focaccia recipe?', '2024-05-01T10:00:00.000Z'),
          ],
        },
      },
    ];
    const part1 = [
      {
        dmConversation: {
          conversationId: `42-${MAYA}`,
          messages: [
            message('1', '42', 'Do you have a focaccia recipe?', '2024-05-01T10:00:00.000Z'),
            message('5', MAYA, 'Looks perfect', '2024-05-02T09:00:00.000Z'),
            message('4', '42', 'https://t.co/img', '2024-05-02T08:00:00.000Z', { mediaUrls: ['https://ton.x.com/dm/4/img.jpg'], urls: [{ url: 'https://t.co/img', expanded: 'https://x.com/messages/media/4' }] }),
          ],
        },
      },
    ];
    const files = [
      account(),
      fileFromText('data/direct-messages.js', ytd('direct_messages', part0)),
      fileFromText('data/direct-messages-part1.js', `window.YTD.direct_messages.part1 = ${JSON.stringify(part1)}`),
    ];
    const result = await xArchiveImporter.parse(files);
    expect(result.replies).toEqual([
      { reply: 'Yes! Recipe: https://crumbandco.example/focaccia', incoming: 'Do you have a focaccia recipe?', incomingAuthor: '42', platform: 'x', kind: 'dm', date: Date.parse('2024-05-01T10:05:00.000Z'), sourceId: '3' },
      { reply: 'Looks perfect', platform: 'x', kind: 'dm', date: Date.parse('2024-05-02T09:00:00.000Z'), sourceId: '5' },
    ]);
    expect(result.skipped).toEqual({ 'media-only messages': 1 });
  });

  it('asks which sender is the creator when account.js is missing, pairs no message, and still reads the tweets', async () => {
    const dms = [
      { dmConversation: { conversationId: `42-${MAYA}`, messages: [message('1', '42', 'Hi!', '2024-05-01T10:00:00.000Z'), message('2', MAYA, 'Hey Ana!', '2024-05-01T10:01:00.000Z')] } },
      { dmConversation: { conversationId: `43-${MAYA}`, messages: [message('3', '43', 'Hello', '2024-05-01T11:00:00.000Z'), message('4', MAYA, 'Hi Ben', '2024-05-01T11:01:00.000Z')] } },
    ];
    const files = [
      fileFromText('data/direct-messages.js', ytd('direct_messages', dms)),
      fileFromText('data/tweets.js', ytd('tweets', [tweet('9', 'Sat Aug 12 16:10:37 +0000 2023', '@ana thank you!', { reply: ['8', '42', 'ana'] })])),
    ];
    const asked = await xArchiveImporter.parse(files);
    expect(asked.needsCreator).toEqual({ candidates: [MAYA, '@ana', '43'] });
    expect(asked.replies.map((r) => r.kind)).toEqual(['comment']);

    const told = await xArchiveImporter.parse(files, { creator: MAYA });
    expect(told.needsCreator).toBeUndefined();
    expect(told.replies.filter((r) => r.kind === 'dm').map((r) => [r.incomingAuthor, r.reply])).toEqual([
      ['@ana', 'Hey Ana!'],
      ['43', 'Hi Ben'],
    ]);
    // Told a handle, the sender with that handle is the creator: Ana's opening message is hers.
    expect((await xArchiveImporter.parse(files, { creator: '@ana' })).replies.filter((r) => r.kind === 'dm').map((r) => r.reply)).toEqual(['Hi!']);
  });

  it("knows the creator from manifest.js when account.js isn't there", async () => {
    const manifest = fileFromText('data/manifest.js', `window.__THAR_CONFIG = ${JSON.stringify({ userInfo: { accountId: MAYA, userName: 'crumbandco', displayName: 'Maya' } })}`);
    const dms = [{ dmConversation: { conversationId: `42-${MAYA}`, messages: [message('1', '42', 'Hi!', '2024-05-01T10:00:00.000Z'), message('2', MAYA, 'Hey!', '2024-05-01T10:01:00.000Z')] } }];
    const result = await xArchiveImporter.parse([manifest, fileFromText('data/direct-messages.js', ytd('direct_messages', dms))]);
    expect(result.needsCreator).toBeUndefined();
    expect(result.replies).toMatchObject([{ reply: 'Hey!', incoming: 'Hi!' }]);
  });
});

describe('dates', () => {
  it("reads each date shape X has written as the same moment in UTC, and nothing it doesn't know", () => {
    const moment = Date.UTC(2023, 7, 12, 16, 10, 37);
    expect(parseXDate('Sat Aug 12 16:10:37 +0000 2023')).toBe(moment);
    expect(parseXDate('2023-08-12 16:10:37 +0000')).toBe(moment);
    expect(parseXDate('2023-08-12 18:10:37 +0200')).toBe(moment);
    expect(parseXDate('2023-08-12T16:10:37.000Z')).toBe(moment);
    expect(parseXDate('2023-08-12T16:10:37.068Z')).toBe(moment + 68);
    expect(parseXDate('12/08/2023')).toBeUndefined();
    expect(parseXDate('Sat Foo 12 16:10:37 +0000 2023')).toBeUndefined();
  });
});

describe('files Understudy cannot read', () => {
  const tweets = ytd('tweets', [tweet('1', 'Sat Aug 12 16:10:37 +0000 2023', '@bob hi', { reply: ['0', '2', 'bob'] })]);

  it('says a tweets.js that is cut short is cut short, naming the file and the line', async () => {
    const cut = tweets.slice(0, tweets.length - 40);
    const line = cut.split('\n').length;
    await expect(xArchiveImporter.parse([fileFromText('data/tweets.js', cut)])).rejects.toThrow(`data/tweets.js stops at line ${line} before its list is closed: the file is cut short`);
  });

  it('names the line of an edit that broke the JSON, and what it was when it is a common slip', async () => {
    const broken = tweets.replace('"full_text"', '"full_text",');
    const line = broken.split('\n').findIndex((l) => l.includes('"full_text",')) + 1;
    await expect(xArchiveImporter.parse([fileFromText('data/tweets.js', broken)])).rejects.toThrow(`data/tweets.js, line ${line}: this is not the JSON X writes`);
    const stray = tweets.replace('"favorite_count"', '// a note\n    "favorite_count"');
    const strayLine = stray.split('\n').findIndex((l) => l.includes('// a note')) + 1;
    await expect(xArchiveImporter.parse([fileFromText('data/tweets.js', stray)])).rejects.toThrow(`data/tweets.js, line ${strayLine}: this is not the JSON X writes (a // comment)`);
    const trailing = tweets.replace(/\}\s*\]$/, '},\n]');
    await expect(xArchiveImporter.parse([fileFromText('data/tweets.js', trailing)])).rejects.toThrow(`line ${trailing.split('\n').length}: this is not the JSON X writes (a comma before a closing bracket)`);
  });

  it('refuses a tweets file of the wrong shape, saying what it should hold', async () => {
    await expect(xArchiveImporter.parse([fileFromText('data/tweets.js', 'window.YTD.tweets.part0 = {"tweet": {}}')])).rejects.toThrow('data/tweets.js should hold a list of tweets but holds object');
    await expect(xArchiveImporter.parse([fileFromText('data/tweets.js', 'window.YTD.tweets.part0 = [{"like": {"tweetId": "1"}}]')])).rejects.toThrow('data/tweets.js, item 1: no tweet with an "id_str" and a "full_text" was found');
  });

  it('leaves out one unreadable tweet among good ones, and says where it was', async () => {
    const items = [{ tweet: { nothing: true } }, tweet('1', 'Sat Aug 12 16:10:37 +0000 2023', '@bob hi', { reply: ['0', '2', 'bob'] })];
    const result = await xArchiveImporter.parse([fileFromText('data/tweets.js', ytd('tweets', items))]);
    expect(result.replies).toHaveLength(1);
    expect(result.skipped).toEqual({ 'items Understudy could not read': 1 });
    expect(result.warnings).toEqual(['data/tweets.js, item 1: 1 item was not a tweet or conversation Understudy could read, and was left out.']);
  });

  it('explains that an archive file without tweets or messages (likes) is not what it reads', async () => {
    await expect(xArchiveImporter.parse([fileFromText('data/like.js', ytd('like', [{ like: { tweetId: '1' } }]))])).rejects.toThrow(
      'data/like.js is part of an X archive but holds neither tweets nor messages: drop the whole archive .zip, or its data/tweets.js and data/direct-messages.js.',
    );
  });

  it('stops when the import is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(xArchiveImporter.parse([fileFromText('data/tweets.js', tweets)], { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
