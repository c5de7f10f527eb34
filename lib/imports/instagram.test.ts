import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { facebookImporter } from './facebook';
import { fileFromBytes, fileFromText } from './files';
import { instagramImporter } from './instagram';
import { ImportFormatError, type ImportFile } from './types';
import { readZip } from './zip';

/** Meta writes UTF-8 bytes as one \u00XX escape each: "é" becomes "\u00c3\u00a9". */
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

function sampleFiles(root: string, prefix = ''): ImportFile[] {
  const out: ImportFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(fileFromBytes(prefix + relative(root, full).split('\\').join('/'), readFileSync(full)));
    }
  };
  walk(root);
  return out;
}
const SAMPLES = join(__dirname, '../../public/samples/exports');
const igSample = () => sampleFiles(join(SAMPLES, 'instagram'));
const fbSample = () => sampleFiles(join(SAMPLES, 'facebook'));

const A = 'your_instagram_activity';
const comment = (text: string, owner: string | undefined, seconds: number) => ({
  media_list_data: [{ uri: '' }],
  string_map_data: { Comment: { value: text }, ...(owner ? { 'Media Owner': { value: owner } } : {}), Time: { timestamp: seconds } },
});
const profile = (name: string, username = 'crumbandco') => ({
  profile_user: [{ string_map_data: { Email: { value: 'hello@crumbandco.example' }, Username: { value: username }, Name: { value: name } } }],
});
const msg = (sender_name: string, seconds: number, content?: string, extra: Record<string, unknown> = {}) => ({
  sender_name,
  timestamp_ms: seconds * 1000,
  ...(content !== undefined ? { content } : {}),
  ...extra,
});
const thread = (others: string[], messages: unknown[]) => ({
  participants: [...others, 'Maya Okafor'].map((name) => ({ name })),
  messages,
  title: others.join(', '),
  is_still_participant: true,
  thread_path: 'inbox/x',
});
const personal = () => file('personal_information/personal_information/personal_information.json', profile('Maya Okafor'));

describe('Instagram download: the sample', () => {
  it("reads Maya's sample download: 7 comments and 4 DMs, each DM with the message it answered", async () => {
    const files = igSample();
    expect(await instagramImporter.detect(files)).toBe(true);
    const result = await instagramImporter.parse(files);
    expect(result.format).toBe('instagram');
    expect(result.replies.filter((r) => r.kind === 'comment')).toHaveLength(7);
    const dms = result.replies.filter((r) => r.kind === 'dm');
    expect(dms).toHaveLength(4);
    expect(dms.filter((r) => r.incoming)).toHaveLength(4);
    expect(result.skipped).toEqual({ 'media-only messages': 2, 'reaction notices': 1 });
    expect(result.needsCreator).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(result.replies.every((r) => r.platform === 'instagram')).toBe(true);
    // Oldest first, emoji and accents repaired.
    const dates = result.replies.map((r) => r.date!);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(result.replies.map((r) => r.reply).join('\n')).toContain('look at that ear!! 😍');
    expect(result.replies.map((r) => r.reply).join('\n')).toContain('Gorgeous scoring, Inês!');
    const ana = dms.find((r) => r.incomingAuthor === 'Ana Beltrán')!;
    expect(ana.incoming).toBe("Hi Maya! Quick question 🙈 my starter doubled overnight but smells really sour. Is that normal?\nIt's in a cold-ish kitchen, about 19°C");
    expect(ana.reply).toMatch(/^Hey Ana! Totally normal at 19°C/);
    expect(ana.date).toBe(Date.parse('2025-02-03T18:25:09Z'));
  });

  it('is not taken for a Facebook download, and the Facebook sample is not taken for an Instagram one', async () => {
    expect(await facebookImporter.detect(igSample())).toBe(false);
    expect(await instagramImporter.detect(fbSample())).toBe(false);
  });

  it('finds the download inside a zip at any depth, with macOS junk beside it', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (const f of igSample()) entries[`Downloads/instagram-crumbandco-2025-03-10/${f.path}`] = strToU8(await f.text());
    entries['__MACOSX/Downloads/._message_1.json'] = strToU8('junk');
    entries['Downloads/instagram-crumbandco-2025-03-10/media/posts/202503/1.jpg'] = new Uint8Array(1000);
    const files = await readZip('instagram.zip', zipSync(entries), { wanted: (p) => p.endsWith('.json') });
    expect(await instagramImporter.detect(files)).toBe(true);
    expect((await instagramImporter.parse(files)).replies).toHaveLength(11);
  });
});

describe('Instagram download: comments', () => {
  it('repairs the mojibake of real-looking emoji and accents exactly as Instagram writes them', async () => {
    const raw =
      '[{"string_map_data": {"Comment": {"value": "@ana caf\\u00c3\\u00a9 cr\\u00c3\\u00a8me br\\u00c3\\u00bbl\\u00c3\\u00a9e loaf \\u00f0\\u009f\\u008d\\u009e\\u00e2\\u009c\\u00a8 24\\u00e2\\u0080\\u009326\\u00c2\\u00b0C"}, "Media Owner": {"value": "ana"}, "Time": {"timestamp": 1700000000}}}]';
    const result = await instagramImporter.parse([fileFromText(`${A}/comments/post_comments_1.json`, raw)]);
    expect(result.replies).toEqual([{ reply: '@ana café crème brûlée loaf 🍞✨ 24–26°C', platform: 'instagram', kind: 'comment', date: 1_700_000_000_000 }]);
  });

  it('joins split post_comments_N.json files and counts a comment found in two of them once', async () => {
    const shared = comment('Low and slow wins 🍞', 'crumbandco', 1_700_000_100);
    const result = await instagramImporter.parse([
      file(`${A}/comments/post_comments_1.json`, [comment('Weigh, do not guess!', 'ana', 1_700_000_000), shared]),
      file(`${A}/comments/post_comments_2.json`, [shared, comment('Crumb does not lie', 'tom', 1_700_000_200)]),
    ]);
    expect(result.replies.map((r) => r.reply)).toEqual(['Weigh, do not guess!', 'Low and slow wins 🍞', 'Crumb does not lie']);
  });

  it('reads reels comments in their comments_reels_comments wrapper, with or without a media owner', async () => {
    const result = await instagramImporter.parse([
      file(`${A}/comments/reels_comments.json`, { comments_reels_comments: [comment('That oven spring!', undefined, 1_700_000_000), comment('Yes, 230°C', 'me', 1_700_000_500)] }),
    ]);
    expect(result.replies.map((r) => [r.reply, r.date])).toEqual([
      ['That oven spring!', 1_700_000_000_000],
      ['Yes, 230°C', 1_700_000_500_000],
    ]);
  });

  it('reads labels translated into the account language (Dutch, and a language it has no labels for)', async () => {
    const dutch = { string_map_data: { Opmerking: { value: 'Heerlijk brood! 🍞' }, 'Media-eigenaar': { value: 'bakkerij.jan' }, Tijd: { timestamp: 1_700_000_000 } } };
    // Labels no source shows (a made-up German export): the comment is the first value, the time the timestamp.
    const german = {
      string_map_data: { Kommentar: { href: '', value: 'Ja!', timestamp: 0 }, Medieninhaber: { href: '', value: 'brotliebe.berlin', timestamp: 0 }, Uhrzeit: { href: '', value: '', timestamp: 1_700_000_900 } },
    };
    const result = await instagramImporter.parse([file(`${A}/comments/post_comments_1.json`, [dutch, german])]);
    expect(result.replies.map((r) => [r.reply, r.date])).toEqual([
      ['Heerlijk brood! 🍞', 1_700_000_000_000],
      ['Ja!', 1_700_000_900_000],
    ]);
  });

  it('reads the Dec 2020–2022 layout (comments_media_comments with string_list_data, or with string_map_data)', async () => {
    const result = await instagramImporter.parse([
      file('comments/post_comments.json', {
        comments_media_comments: [
          { title: 'ana.bakes', string_list_data: [{ href: '', value: 'Gerald says hi', timestamp: 1_640_000_000 }] },
          comment('Shape it tight!', 'tom', 1_640_000_100),
        ],
      }),
    ]);
    expect(result.replies.map((r) => [r.reply, r.date])).toEqual([
      ['Gerald says hi', 1_640_000_000_000],
      ['Shape it tight!', 1_640_000_100_000],
    ]);
  });

  it('reads the 2018–2020 root comments.json of [time, text, owner] rows, dated from their ISO-like text', async () => {
    const result = await instagramImporter.parse([
      file('comments.json', { media_comments: [['2018-10-16T12:34:56', 'Rye first, always', 'ana']], live_comments: [], story_comments: [['2018-10-17T08:00:00+02:00', 'Yes! 🍞', 'tom']] }),
    ]);
    expect(result.replies.map((r) => [r.reply, r.date])).toEqual([
      ['Rye first, always', Date.UTC(2018, 9, 16, 12, 34, 56)],
      ['Yes! 🍞', Date.UTC(2018, 9, 17, 6, 0, 0)],
    ]);
  });

  it('leaves out comments with no text (a sticker or GIF) and says how many', async () => {
    const result = await instagramImporter.parse([file(`${A}/comments/post_comments_1.json`, [comment('', 'ana', 1), comment('Hi', 'ana', 2)])]);
    expect(result.replies).toHaveLength(1);
    expect(result.skipped).toEqual({ 'comments with only a sticker, GIF or photo': 1 });
  });
});

describe('Instagram download: messages', () => {
  it("pairs each message with the creator's answer, newest-first files put in order and split parts deduped", async () => {
    const dir = `${A}/messages/inbox/ana.bakes_17841401234567890`;
    const overlap = msg('Ana Beltrán', 300, 'And rye?');
    const files = [
      personal(),
      // message_1 holds the newest slice; message_2 the older one; one message is in both.
      file(`${dir}/message_1.json`, thread(['Ana Beltrán'], [msg('Maya Okafor', 400, 'Rye wakes it up faster ✨'), overlap])),
      file(`${dir}/message_2.json`, thread(['Ana Beltrán'], [overlap, msg('Maya Okafor', 200, 'Hey Ana! Feed it twice a day'), msg('Ana Beltrán', 100, 'My starter is sleepy 😴')])),
    ];
    const result = await instagramImporter.parse(files);
    expect(result.replies).toEqual([
      { reply: 'Hey Ana! Feed it twice a day', incoming: 'My starter is sleepy 😴', incomingAuthor: 'Ana Beltrán', platform: 'instagram', kind: 'dm', date: 200_000 },
      { reply: 'Rye wakes it up faster ✨', incoming: 'And rye?', incomingAuthor: 'Ana Beltrán', platform: 'instagram', kind: 'dm', date: 400_000 },
    ]);
  });

  it('leaves out unsent messages, reaction notices and media-only messages, and counts each', async () => {
    const result = await instagramImporter.parse([
      personal(),
      file(`${A}/messages/inbox/tom_1/message_1.json`, thread(['Tom Wright'], [
        msg('Maya Okafor', 9, 'Glad it worked!'),
        msg('Maya Okafor', 8, undefined, { is_unsent: true }),
        msg('Tom Wright', 7, 'Reacted 😍 to your message '),
        msg('Tom Wright', 6, 'Liked a message'),
        msg('Tom Wright', 5, 'Tom Wright sent an attachment.'),
        msg('Tom Wright', 4, undefined, { share: { link: 'https://www.instagram.com/reel/abc/' } }),
        msg('Tom Wright', 3, undefined, { photos: [{ uri: 'photo.jpg' }] }),
        msg('Tom Wright', 2, 'It rose!!'),
      ])),
    ]);
    expect(result.replies.map((r) => [r.incoming, r.reply])).toEqual([['It rose!!', 'Glad it worked!']]);
    expect(result.skipped).toEqual({ 'unsent messages': 1, 'reaction notices': 2, 'media-only messages': 3 });
  });

  it('finds the creator in personal_information.json wherever each era put it', async () => {
    const dm = file(`${A}/messages/inbox/ana_1/message_1.json`, thread(['Ana Beltrán'], [msg('Maya Okafor', 2, 'Hi!'), msg('Ana Beltrán', 1, 'Hello')]));
    for (const path of ['account_information/personal_information.json', 'personal_information/personal_information.json', 'personal_information/personal_information/personal_information.json']) {
      const result = await instagramImporter.parse([file(path, profile('Maya Okafor')), dm]);
      expect(result.replies).toHaveLength(1);
      expect(result.needsCreator).toBeUndefined();
    }
  });

  it("matches the profile's name even when its labels are translated and its accents are mangled", async () => {
    const dutch = { profile_user: [{ string_map_data: { 'E-mailadres': { value: 'joelle@example.com' }, Gebruikersnaam: { value: 'joelle.bakt' }, Naam: { value: 'Joëlle Visser' } } }] };
    const result = await instagramImporter.parse([
      file('personal_information/personal_information.json', dutch),
      file(`${A}/messages/inbox/ana_1/message_1.json`, { participants: [{ name: 'Ana' }, { name: 'Joëlle Visser' }], messages: [msg('Joëlle Visser', 2, 'Graag gedaan!'), msg('Ana', 1, 'Dank je!')] }),
    ]);
    expect(result.replies.map((r) => [r.incoming, r.reply])).toEqual([['Dank je!', 'Graag gedaan!']]);
  });

  it('asks which sender is the creator when the download has no profile file, and pairs nothing until told', async () => {
    const files = [
      file(`${A}/comments/post_comments_1.json`, [comment('Lovely!', 'ana', 1)]),
      file(`${A}/messages/inbox/ana_1/message_1.json`, thread(['Ana Beltrán'], [msg('Maya Okafor', 3, 'Thanks Ana!'), msg('Ana Beltrán', 2, 'Love your bread')])),
      file(`${A}/messages/inbox/tom_2/message_1.json`, thread(['Tom Wright'], [msg('Tom Wright', 5, 'Thanks!'), msg('Maya Okafor', 4, 'Hey Tom, 230°C')])),
    ];
    const asked = await instagramImporter.parse(files);
    expect(asked.needsCreator?.candidates[0]).toBe('Maya Okafor');
    expect(asked.needsCreator?.candidates).toEqual(expect.arrayContaining(['Ana Beltrán', 'Tom Wright']));
    expect(asked.replies.map((r) => r.kind)).toEqual(['comment']);

    const told = await instagramImporter.parse(files, { creator: 'maya okafor' });
    expect(told.needsCreator).toBeUndefined();
    expect(told.replies.filter((r) => r.kind === 'dm').map((r) => r.reply)).toEqual(['Thanks Ana!', 'Hey Tom, 230°C']);
  });

  it("asks, with a warning, when the profile's name writes in no conversation (a renamed account)", async () => {
    const result = await instagramImporter.parse([
      file('personal_information/personal_information.json', profile('Maya O.', 'maya_old')),
      file(`${A}/messages/inbox/ana_1/message_1.json`, thread(['Ana'], [msg('Maya Okafor', 2, 'Hi!'), msg('Ana', 1, 'Hey')])),
    ]);
    expect(result.needsCreator?.candidates).toContain('Maya Okafor');
    expect(result.warnings.join(' ')).toMatch(/personal_information\.json \(“Maya O\.”\) doesn't appear in any conversation/);
  });

  it('keeps group chat replies as replies without pairing them to whoever spoke last', async () => {
    const result = await instagramImporter.parse([
      personal(),
      file(`${A}/messages/inbox/bakers_3/message_1.json`, thread(['Ana', 'Tom'], [msg('Maya Okafor', 3, 'Both work!'), msg('Tom', 2, 'Or a tray?'), msg('Ana', 1, 'Pot or stone?')])),
    ]);
    expect(result.replies).toEqual([{ reply: 'Both work!', platform: 'instagram', kind: 'dm', date: 3000 }]);
  });

  it('reads message requests, and leaves chats with Meta AI out', async () => {
    const result = await instagramImporter.parse([
      personal(),
      file(`${A}/messages/message_requests/sophie_4/message_1.json`, thread(['Sophie'], [msg('Maya Okafor', 2, 'Not yet!'), msg('Sophie', 1, 'Wholesale?')])),
      file(`${A}/messages/ai_conversations/meta_ai_5/message_1.json`, thread(['Meta AI'], [msg('Maya Okafor', 4, 'write me a bread caption'), msg('Meta AI', 3, 'Sure!')])),
    ]);
    expect(result.replies.map((r) => r.reply)).toEqual(['Not yet!']);
    expect(result.skipped).toEqual({ 'conversations with Meta AI': 1 });
  });

  it('reads the pre-Dec-2020 root messages.json, where senders are usernames, with profile.json', async () => {
    const result = await instagramImporter.parse([
      file('profile.json', { username: 'crumbandco', name: 'Maya Okafor' }),
      file('messages.json', [
        {
          participants: ['crumbandco', 'ana.bakes'],
          conversation: [
            { sender: 'crumbandco', created_at: '2019-05-02T10:00:05.123456+00:00', text: 'Yes, 20% rye!' },
            { sender: 'ana.bakes', created_at: '2019-05-02T09:58:00.000000+00:00', media_share_url: 'https://instagram.com/p/x' },
            { sender: 'ana.bakes', created_at: '2019-05-02T09:57:00.000000+00:00', text: 'Can I add rye?' },
          ],
        },
      ]),
    ]);
    expect(result.replies).toEqual([
      { reply: 'Yes, 20% rye!', incoming: 'Can I add rye?', incomingAuthor: 'ana.bakes', platform: 'instagram', kind: 'dm', date: Date.UTC(2019, 4, 2, 10, 0, 5, 123) },
    ]);
    expect(result.skipped).toEqual({ 'media-only messages': 1 });
  });

  it('leaves out replies over 5,000 characters and shortens an answered message over 40,000', async () => {
    const result = await instagramImporter.parse([
      personal(),
      file(`${A}/comments/post_comments_1.json`, [comment('x'.repeat(5001), 'ana', 1)]),
      file(`${A}/messages/inbox/ana_1/message_1.json`, thread(['Ana'], [msg('Maya Okafor', 3, 'Ha, thank you!'), msg('Ana', 2, 'y'.repeat(40_001))])),
    ]);
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]!.incoming).toHaveLength(40_000);
    expect(result.skipped).toEqual({ 'replies longer than 5,000 characters': 1, 'answered messages shortened to 40,000 characters': 1 });
  });

  it('stops when the creator cancels', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(instagramImporter.parse(igSample(), { signal: controller.signal })).rejects.toThrow();
  });
});

describe('Instagram download: detection', () => {
  it("recognises Instagram's files by their names and first bytes, alone or in a folder", async () => {
    expect(await instagramImporter.detect([file('post_comments_1.json', [comment('Hi', 'a', 1)])])).toBe(true);
    expect(await instagramImporter.detect([file(`x/${A}/messages/inbox/a_1/message_1.json`, thread(['Ana'], [msg('Ana', 1, 'Hi')]))])).toBe(true);
    // A message file alone, with nothing that says Messenger, is read as Instagram's.
    expect(await instagramImporter.detect([file('message_1.json', thread(['Ana'], [msg('Ana', 1, 'Hi')]))])).toBe(true);
  });

  it("doesn't take other platforms' files, or a file named like Instagram's that isn't one", async () => {
    const others = [
      fileFromText('data/tweets.js', 'window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"hi"}}]'),
      fileFromText('Takeout/YouTube and YouTube Music/comments/comments.csv', 'Comment ID,Channel ID,Comment Create Timestamp\n1,2,3'),
      fileFromText('user_data_tiktok.json', '{"Comment":{"Comments":{"CommentsList":[]}}}'),
      fileFromText('comments.csv', 'id,permalink,date,body\n1,/r/x,2020-01-01 00:00:00 UTC,hi'),
      fileFromText('message_1.json', '{"hello": "world"}'),
      fileFromText('post_comments_1.json', 'not json at all'),
    ];
    for (const f of others) expect(await instagramImporter.detect([f]), f.path).toBe(false);
    expect(await instagramImporter.detect(fbSample())).toBe(false);
  });
});

describe('Instagram download: bad input', () => {
  const error = async (files: ImportFile[]) => {
    const caught = await instagramImporter.parse(files).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(caught).toBeInstanceOf(ImportFormatError);
    return (caught as ImportFormatError).message;
  };

  it('names a cut-off file and where it ends', async () => {
    const path = `${A}/messages/inbox/ana_1/message_1.json`;
    const text = metaJson(thread(['Ana'], [msg('Ana', 1, 'Hi')]));
    expect(await error([fileFromText(path, text.slice(0, 80))])).toMatch(/^your_instagram_activity\/messages\/inbox\/ana_1\/message_1\.json is cut off: it ends at line \d+, column \d+/);
  });

  it('names a file that is not valid JSON, with its line and column', async () => {
    expect(await error([fileFromText(`${A}/comments/post_comments_1.json`, '[\n  {"string_map_data": {,}}\n]')])).toMatch(/post_comments_1\.json isn't valid JSON at line 2, column \d+/);
  });

  it('names a damaged part (binary bytes in a message file) rather than skipping it, without taking it for a download alone', async () => {
    const damaged = fileFromBytes(`${A}/messages/inbox/ana_1/message_2.json`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    expect(await instagramImporter.detect([damaged])).toBe(false);
    expect(await error([damaged, ...igSample()])).toMatch(
      /message_2\.json isn't JSON: it is not a file of an Instagram download in JSON format/,
    );
  });

  it('names a file of the wrong shape and what is missing', async () => {
    expect(await error([fileFromText(`${A}/messages/inbox/ana_1/message_1.json`, '{"participants": [{"name": "Ana"}], "messages": {"sender_name": "Ana"}}')])).toMatch(
      /message_1\.json has no "messages" list/,
    );
    expect(await error([file(`${A}/comments/post_comments_1.json`, [{ title: 'x' }])])).toMatch(/post_comments_1\.json has an item that isn't a comment \(item 1\)/);
  });

  it('asks for a JSON download when the download is in HTML', async () => {
    expect(await error([fileFromText(`${A}/messages/inbox/ana_1/message_1.html`, '<!DOCTYPE html><html><body>Ana</body></html>')])).toMatch(/HTML format.*choose the JSON format/);
  });

  it('says what to request when the download has neither comments nor messages', async () => {
    expect(await error([personal()])).toMatch(/no comments or messages.*“Comments” and “Messages”/);
    expect(await error([file(`${A}/threads/threads_and_replies.json`, { text_post_app_text_posts: [] })])).toMatch(/no comments or messages/);
  });

  it('warns that Threads posts in the same download are not read', async () => {
    const result = await instagramImporter.parse([...igSample(), file(`${A}/threads/threads_and_replies.json`, { text_post_app_text_posts: [{ title: 'Hi' }] })]);
    expect(result.warnings).toEqual([`${A}/threads/threads_and_replies.json: Threads posts are in this download, but Understudy doesn't read Threads yet.`]);
  });

  it('refuses a file far larger than any Instagram file before reading it', async () => {
    const huge: ImportFile = { path: `${A}/comments/post_comments_1.json`, size: 1024 ** 3, head: async () => '[{"string_map_data":{}}]', text: () => Promise.reject(new Error('read')) };
    expect(await error([huge])).toMatch(/post_comments_1\.json is 1,024 MB/);
  });

  it('says so when none of the files is part of an Instagram download', async () => {
    expect(await error([fileFromText('data/tweets.js', 'window.YTD.tweets.part0 = []')])).toMatch(/data\/tweets\.js isn't part of an Instagram download/);
  });
});
