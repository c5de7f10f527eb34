import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { facebookImporter } from './facebook';
import { fileFromBytes, fileFromText } from './files';
import { instagramImporter } from './instagram';
import { ImportFormatError, type ImportFile } from './types';
import { readZip } from './zip';

/** Meta writes UTF-8 bytes as one \u00XX escape each: "ø" becomes "\u00c3\u00b8". */
function metaJson(value: unknown): string {
  const mangle = (v: unknown): unknown =>
    typeof v === 'string'
      ? Array.from(new TextEncoder().encode(v), (b) => String.fromCharCode(b)).join('')
      : Array.isArray(v)
        ? v.map(mangle)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [mangle(k) as string, mangle(x)]))
          : v;
  return JSON.stringify(mangle(value), null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const file = (path: string, value: unknown) => fileFromText(path, metaJson(value));

function sampleFiles(root: string): ImportFile[] {
  const out: ImportFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(fileFromBytes(relative(root, full).split('\\').join('/'), readFileSync(full)));
    }
  };
  walk(root);
  return out;
}
const SAMPLES = join(__dirname, '../../public/samples/exports');
const fbSample = () => sampleFiles(join(SAMPLES, 'facebook'));
const igSample = () => sampleFiles(join(SAMPLES, 'instagram'));

const A = 'your_facebook_activity';
const fbComment = (text: string, seconds: number, author = 'Maya Okafor') => ({
  timestamp: seconds,
  data: [{ comment: { timestamp: seconds, comment: text, author } }],
  title: `${author} commented on Crumb & Co's post.`,
});
const msg = (sender_name: string, seconds: number, content?: string, extra: Record<string, unknown> = {}) => ({
  sender_name,
  timestamp_ms: seconds * 1000,
  ...(content !== undefined ? { content } : {}),
  type: 'Generic',
  is_unsent: false,
  ...extra,
});
const thread = (names: string[], messages: unknown[], thread_type = 'Regular') => ({
  participants: names.map((name) => ({ name })),
  messages,
  title: names[0],
  is_still_participant: true,
  thread_type,
  thread_path: 'inbox/x',
});

describe('Facebook download: the sample', () => {
  it("reads Maya's sample download: 3 comments and 3 Messenger replies, learning her name from her comments", async () => {
    const files = fbSample();
    expect(await facebookImporter.detect(files)).toBe(true);
    const result = await facebookImporter.parse(files);
    expect(result.format).toBe('facebook');
    expect(result.replies.filter((r) => r.kind === 'comment')).toHaveLength(3);
    const dms = result.replies.filter((r) => r.kind === 'dm');
    expect(dms).toHaveLength(3);
    // The group chat's reply stands alone; the 1:1 and the end-to-end encrypted chat are paired.
    expect(dms.filter((r) => r.incoming).map((r) => r.incomingAuthor)).toEqual(['Priya Shah', 'Leo Brandt']);
    expect(result.skipped).toEqual({
      'comments with only a sticker, GIF or photo': 1,
      'media-only messages': 1,
      'calls and chat notices': 2,
      'unsent messages': 1,
    });
    expect(result.needsCreator).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(result.replies.every((r) => r.platform === 'facebook')).toBe(true);
    const dates = result.replies.map((r) => r.date!);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(result.replies[0]!.reply).toBe("José, that's a lovely crumb! Next time give it 10 more minutes with the lid off for a darker crust");
    expect(result.replies.find((r) => r.reply.startsWith('Kim, yes!'))?.date).toBe(Date.parse('2025-02-22T16:10:00Z'));
    expect(dms.find((r) => r.incomingAuthor === 'Leo Brandt')?.incoming).toBe("Is your course ok if I've never baked anything at all? 😅");
  });

  it('finds the download zipped in a folder, and is not taken for Instagram', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (const f of fbSample()) entries[`facebook-mayaokafor-2025-03-10-AbCdEf/${f.path}`] = strToU8(await f.text());
    entries['facebook-mayaokafor-2025-03-10-AbCdEf/your_facebook_activity/messages/inbox/priyashah_10158293746512345/photos/1.jpg'] = new Uint8Array(500);
    const files = await readZip('facebook.zip', zipSync(entries), { wanted: (p) => p.endsWith('.json') });
    expect(await facebookImporter.detect(files)).toBe(true);
    expect(await instagramImporter.detect(files)).toBe(false);
    expect((await facebookImporter.parse(files)).replies).toHaveLength(6);
  });
});

describe('Facebook download: comments', () => {
  it('repairs the mojibake of names, accents and emoji exactly as Facebook writes them', async () => {
    const raw =
      '{"comments_v2": [{"timestamp": 1555607877, "data": [{"comment": {"timestamp": 1555607877, "comment": "Kim L\\u00c3\\u00b8ye, s\\u00c3\\u00a5 flot! \\u00f0\\u009f\\u008d\\u009e", "author": "Maya Okafor", "group": "FC CAMPUS"}}], "title": "Maya Okafor replied to Kim L\\u00c3\\u00b8ye\'s comment."}]}';
    const result = await facebookImporter.parse([fileFromText(`${A}/comments_and_reactions/comments.json`, raw)]);
    expect(result.replies).toEqual([{ reply: 'Kim Løye, så flot! 🍞', platform: 'facebook', kind: 'comment', date: 1_555_607_877_000 }]);
  });

  it('reads every era: comments/comments.json, comments_and_reactions/, your_activity_across_facebook/ and group comments', async () => {
    const result = await facebookImporter.parse([
      file('comments/comments.json', { comments: [fbComment('From 2019', 1_550_000_000)] }),
      file('comments_and_reactions/comments.json', { comments_v2: [fbComment('From 2022', 1_650_000_000)] }),
      file('your_activity_across_facebook/comments_and_reactions/comments.json', { comments_v2: [fbComment('From 2024', 1_710_000_000)] }),
      file(`${A}/groups/your_comments_in_groups.json`, { group_comments_v2: [fbComment('In a group', 1_740_000_000)] }),
    ]);
    expect(result.replies.map((r) => r.reply)).toEqual(['From 2019', 'From 2022', 'From 2024', 'In a group']);
  });

  it('counts a comment found in two files once', async () => {
    const result = await facebookImporter.parse([
      file(`${A}/comments_and_reactions/comments.json`, { comments_v2: [fbComment('Same one', 1_700_000_000), fbComment('Other', 1_700_000_100)] }),
      file(`old/${A}/comments_and_reactions/comments.json`, { comments_v2: [fbComment('Same one', 1_700_000_000)] }),
    ]);
    expect(result.replies.map((r) => r.reply)).toEqual(['Same one', 'Other']);
  });
});

describe('Facebook download: Messenger', () => {
  it("pairs messages by the creator's name from her comments, across split files and archived threads", async () => {
    const dir = `${A}/messages/archived_threads/tomwright_1234`;
    const overlap = msg('Tom Wright', 300, 'Brilliant, thanks');
    const result = await facebookImporter.parse([
      file(`${A}/comments_and_reactions/comments.json`, { comments_v2: [fbComment('Nice loaf!', 1)] }),
      file(`${dir}/message_1.json`, thread(['Tom Wright', 'Maya Okafor'], [msg('Maya Okafor', 400, 'Any time 🍞'), overlap])),
      file(`${dir}/message_2.json`, thread(['Tom Wright', 'Maya Okafor'], [overlap, msg('Maya Okafor', 200, '230°C, lid on for 20 minutes'), msg('Tom Wright', 100, 'What temperature?')])),
    ]);
    expect(result.replies.filter((r) => r.kind === 'dm')).toEqual([
      { reply: '230°C, lid on for 20 minutes', incoming: 'What temperature?', incomingAuthor: 'Tom Wright', platform: 'facebook', kind: 'dm', date: 200_000 },
      { reply: 'Any time 🍞', incoming: 'Brilliant, thanks', incomingAuthor: 'Tom Wright', platform: 'facebook', kind: 'dm', date: 400_000 },
    ]);
  });

  it('reads end-to-end encrypted chats (one flat file per chat) and leaves out unsent and media-only messages', async () => {
    const result = await facebookImporter.parse(
      [
        file('messages/alice_1.json', {
          participants: ['Maya Okafor', 'Alice Example'],
          threadName: 'Alice Example',
          messages: [
            { senderName: 'Alice Example', text: 'café time?', timestamp: 1_600_000_060_000, type: 'Generic', isUnsent: false, media: [], reactions: [] },
            { senderName: 'Maya Okafor', text: '', timestamp: 1_600_000_090_000, type: 'Generic', isUnsent: false, media: [{ uri: './media/1.jpeg' }], reactions: [] },
            { senderName: 'Maya Okafor', text: 'Always ☕', timestamp: 1_600_000_120_000, type: 'Generic', isUnsent: false, media: [], reactions: [] },
            { senderName: 'Maya Okafor', text: 'oops', timestamp: 1_600_000_180_000, type: 'Generic', isUnsent: true, media: [], reactions: [] },
          ],
        }),
      ],
      { creator: 'Maya Okafor' },
    );
    expect(result.replies).toEqual([{ reply: 'Always ☕', incoming: 'café time?', incomingAuthor: 'Alice Example', platform: 'facebook', kind: 'dm', date: 1_600_000_120_000 }]);
    expect(result.skipped).toEqual({ 'media-only messages': 1, 'unsent messages': 1 });
  });

  it('leaves out calls, join and leave notices, shares, stickers and reactions notices, and counts them', async () => {
    const result = await facebookImporter.parse(
      [
        file(`${A}/messages/inbox/sam_1/message_1.json`, thread(['Sam Reid', 'Maya Okafor'], [
          msg('Maya Okafor', 9, 'Ha, thank you!'),
          msg('Sam Reid', 8, 'Reacted ❤ to your message '),
          msg('Sam Reid', 7, undefined, { sticker: { uri: 'stickers_used/1.png' } }),
          msg('Sam Reid', 6, undefined, { type: 'Share', share: { link: 'https://example.com/article' } }),
          msg('Maya Okafor', 5, undefined, { type: 'Call', call_duration: 192 }),
          msg('Sam Reid', 4, 'Sam left the chat', { type: 'Unsubscribe' }),
          msg('Sam Reid', 3, 'Your loaf looked amazing'),
        ])),
      ],
      { creator: 'Maya Okafor' },
    );
    expect(result.replies.map((r) => [r.incoming, r.reply])).toEqual([['Your loaf looked amazing', 'Ha, thank you!']]);
    expect(result.skipped).toEqual({ 'reaction notices': 1, 'media-only messages': 2, 'calls and chat notices': 2 });
  });

  it('asks which sender is the creator when the download has only Messenger, and pairs nothing until told', async () => {
    const files = [
      file(`${A}/messages/inbox/kim_1/message_1.json`, thread(['Kim Løye', 'Maya Okafor'], [msg('Maya Okafor', 2, 'Yes, 20% rye'), msg('Kim Løye', 1, 'Rye?')])),
      file(`${A}/messages/inbox/jo_2/message_1.json`, thread(['Jo Adeyemi', 'Maya Okafor'], [msg('Maya Okafor', 4, 'Thursday!'), msg('Jo Adeyemi', 3, 'When is the next video?')])),
    ];
    const asked = await facebookImporter.parse(files);
    expect(asked.replies).toEqual([]);
    expect(asked.needsCreator?.candidates[0]).toBe('Maya Okafor');
    expect(asked.needsCreator?.candidates).toEqual(expect.arrayContaining(['Kim Løye', 'Jo Adeyemi']));
    const told = await facebookImporter.parse(files, { creator: 'Maya Okafor' });
    expect(told.replies.map((r) => r.reply)).toEqual(['Yes, 20% rye', 'Thursday!']);
  });

  it("takes the creator's name from profile_information.json when there are no comments", async () => {
    const result = await facebookImporter.parse([
      file('personal_information/profile_information/profile_information.json', { profile_v2: { name: { full_name: 'Maya Okafor', first_name: 'Maya', last_name: 'Okafor' } } }),
      file(`${A}/messages/inbox/kim_1/message_1.json`, thread(['Kim Løye', 'Maya Okafor'], [msg('Maya Okafor', 2, 'Yes, 20% rye'), msg('Kim Løye', 1, 'Rye?')])),
    ]);
    expect(result.needsCreator).toBeUndefined();
    expect(result.replies.map((r) => r.incomingAuthor)).toEqual(['Kim Løye']);
  });

  it("asks, with a warning, when the comments' author writes in no conversation", async () => {
    const result = await facebookImporter.parse([
      file(`${A}/comments_and_reactions/comments.json`, { comments_v2: [fbComment('Hi', 1, 'Maya O.')] }),
      file(`${A}/messages/inbox/kim_1/message_1.json`, thread(['Kim', 'Maya Okafor'], [msg('Maya Okafor', 2, 'Yes'), msg('Kim', 1, 'Rye?')])),
    ]);
    expect(result.needsCreator?.candidates).toContain('Maya Okafor');
    expect(result.warnings.join(' ')).toMatch(/comments\.json \(“Maya O\.”\) doesn't appear in any conversation/);
  });
});

describe('Facebook download: detection', () => {
  it("tells Messenger's threads from Instagram's by the folders around them and by what the messages carry", async () => {
    const fbThread = file('messages/inbox/kim_1/message_1.json', thread(['Kim', 'Maya'], [msg('Kim', 1, 'Hi')]));
    expect(await facebookImporter.detect([fbThread])).toBe(true);
    expect(await instagramImporter.detect([fbThread])).toBe(false);
    // Same shape without Messenger's `type`, beside Instagram's comments: Instagram's.
    const bare = file('messages/inbox/ana_1/message_1.json', { participants: [{ name: 'Ana' }], messages: [{ sender_name: 'Ana', timestamp_ms: 1, content: 'Hi' }] });
    expect(await facebookImporter.detect([bare])).toBe(false);
    // Under Facebook's own folders, even a bare thread is Messenger's.
    const underFb = fileFromText(`${A}/messages/inbox/ana_1/message_1.json`, await bare.text());
    expect(await facebookImporter.detect([underFb])).toBe(true);
    expect(await instagramImporter.detect([underFb])).toBe(false);
    // Pre-2024 Facebook: no product folder, but comments.json says Facebook, so its threads go with it.
    const old = [file('comments/comments.json', { comments: [fbComment('Hi', 1)] }), bare];
    expect(await facebookImporter.detect(old)).toBe(true);
    expect(await instagramImporter.detect(old)).toBe(false);
  });

  it("doesn't take other platforms' files or Instagram's download", async () => {
    const others = [
      fileFromText('data/tweets.js', 'window.YTD.tweets.part0 = []'),
      fileFromText('user_data_tiktok.json', '{"Comment":{"Comments":{"CommentsList":[]}}}'),
      fileFromText('comments.json', '{"kind": "youtube#commentThreadListResponse", "items": []}'),
      fileFromText('Comments.csv', 'Date,Link,Message\n2025-01-01 10:00:00,https://x,Hi'),
    ];
    for (const f of others) expect(await facebookImporter.detect([f]), f.path).toBe(false);
    expect(await facebookImporter.detect(igSample())).toBe(false);
  });
});

describe('Facebook download: bad input', () => {
  const error = async (files: ImportFile[]) => {
    const caught = await facebookImporter.parse(files).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(caught).toBeInstanceOf(ImportFormatError);
    return (caught as ImportFormatError).message;
  };

  it('names a cut-off comments file', async () => {
    const text = metaJson({ comments_v2: [fbComment('Hi', 1)] });
    expect(await error([fileFromText(`${A}/comments_and_reactions/comments.json`, text.slice(0, text.length - 10))])).toMatch(
      /^your_facebook_activity\/comments_and_reactions\/comments\.json is cut off: it ends at line \d+, column \d+/,
    );
  });

  it('names a comments file of the wrong shape', async () => {
    expect(await error([fileFromText(`${A}/comments_and_reactions/comments.json`, '{"comments_v2": {"data": []}}')])).toMatch(/comments\.json has no "comments_v2" list/);
  });

  it('asks for a JSON download when the download is in HTML', async () => {
    expect(await error([fileFromText(`${A}/messages/inbox/kim_1/message_1.html`, '<html><body>Kim</body></html>')])).toMatch(/Facebook download in HTML format.*JSON/);
  });

  it('says what to request when the download has neither comments nor messages', async () => {
    expect(await error([file('personal_information/profile_information/profile_information.json', { profile_v2: { name: { full_name: 'Maya' } } })])).toMatch(
      /no comments or messages.*“Comments and reactions” and “Messages”/,
    );
  });

  it('says so when none of the files is part of a Facebook download', async () => {
    expect(await error([fileFromText('notes.txt', 'hello')])).toMatch(/notes\.txt isn't part of a Facebook download/);
  });
});
