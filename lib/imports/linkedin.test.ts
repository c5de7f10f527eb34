import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileFromText } from './files';
import { linkedinImporter, parseLinkedInDate } from './linkedin';
import { ImportFormatError } from './types';
import { readZip } from './zip';

const utc = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);

const PROFILE = 'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary\nMaya,Okafor,,,,Home baker,\n';
const COMMENTS = 'Date,Link,Message\n2025-09-14 08:12:40,https://www.linkedin.com/feed/update/urn:li:activity:1,"Weigh, don\'t guess 🍞"\n';
const MESSAGES_HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
const MAYA = 'https://www.linkedin.com/in/maya-okafor';
const HANNAH = 'https://www.linkedin.com/in/hannah-reyes';
const msg = (conversation: string, from: string, url: string, to: string, date: string, content: string, folder = 'INBOX') =>
  [conversation, '', from, url, '', to, date, '', `"${content.replace(/"/g, '""')}"`, folder].join(',');
const MESSAGES = [
  MESSAGES_HEADER,
  msg('c1', 'Maya Okafor', MAYA, HANNAH, '2025-11-04 10:21:37 UTC', 'Saturdays work best, 12 people at most.'),
  msg('c1', 'Hannah Reyes', HANNAH, MAYA, '2025-11-04 09:02:15 UTC', 'Would you run a workshop for our team?'),
].join('\n');

const files = (entries: Record<string, string>) => Object.entries(entries).map(([path, text]) => fileFromText(path, text));

describe('LinkedIn importer', () => {
  it("reads comments, and pairs messages by the creator's name from Profile.csv, oldest first", async () => {
    const result = await linkedinImporter.parse(files({ 'Comments.csv': COMMENTS, 'messages.csv': MESSAGES, 'Profile.csv': PROFILE }));
    expect(result.format).toBe('linkedin');
    expect(result.replies).toEqual([
      { reply: "Weigh, don't guess 🍞", platform: 'linkedin', kind: 'comment', date: utc('2025-09-14 08:12:40') },
      {
        reply: 'Saturdays work best, 12 people at most.',
        incoming: 'Would you run a workshop for our team?',
        incomingAuthor: 'Hannah Reyes',
        platform: 'linkedin',
        kind: 'dm',
        date: utc('2025-11-04 10:21:37'),
      },
    ]);
    expect(result.needsCreator).toBeUndefined();
  });

  it('skips the notes LinkedIn puts before the header', async () => {
    const withNotes = `Notes:\n"This file includes the comments you have made on LinkedIn, up to the date of your request."\n\n${COMMENTS}`;
    const result = await linkedinImporter.parse(files({ 'Comments.csv': withNotes }));
    expect(result.replies.map((r) => r.reply)).toEqual(["Weigh, don't guess 🍞"]);
  });

  it('keeps a comment whole when its text spans lines, quoted or not', async () => {
    const quoted = 'Date,Link,Message\n2025-12-03 12:45:09,https://l/1,"500g flour, 375g water.\nLow and slow wins."\n';
    const unquoted = 'Date,Link,Message\n2025-12-03 12:45:09,https://l/1,500g flour\nthen 375g water, 10g salt\n2025-12-04 09:00:00,https://l/2,Next one\n';
    expect((await linkedinImporter.parse(files({ 'Comments.csv': quoted }))).replies[0]!.reply).toBe('500g flour, 375g water.\nLow and slow wins.');
    const rejoined = await linkedinImporter.parse(files({ 'Comments.csv': unquoted }));
    expect(rejoined.replies.map((r) => r.reply)).toEqual(['500g flour\nthen 375g water, 10g salt', 'Next one']);
  });

  it('repairs names and text that arrive as UTF-8 read as Latin-1', async () => {
    const mangle = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));
    const messages = [
      MESSAGES_HEADER,
      msg('c2', mangle('José Álvarez'), 'https://www.linkedin.com/in/jose', MAYA, '2026-01-12 08:30:00 UTC', mangle('¡Hola Maya! Try our flour 🌾')),
      msg('c2', 'Maya Okafor', MAYA, 'https://www.linkedin.com/in/jose', '2026-01-12 19:14:26 UTC', mangle('Gracias José! I’ll start at 20% ✨')),
    ].join('\n');
    const [reply] = (await linkedinImporter.parse(files({ 'messages.csv': messages, 'Profile.csv': PROFILE }))).replies;
    expect(reply).toMatchObject({ reply: 'Gracias José! I’ll start at 20% ✨', incoming: '¡Hola Maya! Try our flour 🌾', incomingAuthor: 'José Álvarez' });
  });

  it('asks which sender is the creator when Profile.csv is missing, and pairs nothing until told', async () => {
    const result = await linkedinImporter.parse(files({ 'messages.csv': MESSAGES, 'Comments.csv': COMMENTS }));
    expect(result.needsCreator?.candidates.sort()).toEqual(['Hannah Reyes', 'Maya Okafor']);
    expect(result.replies.map((r) => r.kind)).toEqual(['comment']);

    const byName = await linkedinImporter.parse(files({ 'messages.csv': MESSAGES }), { creator: 'maya okafor' });
    expect(byName.replies).toHaveLength(1);
    const byUrl = await linkedinImporter.parse(files({ 'messages.csv': MESSAGES }), { creator: 'http://linkedin.com/in/maya-okafor/' });
    expect(byUrl.replies[0]?.incomingAuthor).toBe('Hannah Reyes');
  });

  it('says so and asks when the profile name is not among the senders', async () => {
    const result = await linkedinImporter.parse(files({ 'messages.csv': MESSAGES, 'Profile.csv': PROFILE.replace('Maya,Okafor', 'M.,Okafor-Reid') }));
    expect(result.needsCreator).toBeDefined();
    expect(result.warnings).toEqual([expect.stringMatching(/messages\.csv: your name "M\. Okafor-Reid" is not a sender/)]);
  });

  it('keeps group conversations as standalone replies, and leaves out drafts, spam and attachment-only messages', async () => {
    const header = `${MESSAGES_HEADER},ATTACHMENTS,IS MESSAGE DRAFT`;
    const row = (conversation: string, from: string, url: string, to: string, date: string, content: string, folder = 'INBOX', attachments = '', draft = 'No') =>
      `${msg(conversation, from, url, to, date, content, folder)},${attachments},${draft}`;
    const messages = [
      header,
      row('g', 'Sam Lee', 'https://www.linkedin.com/in/sam', `${MAYA};${HANNAH}`, '2025-01-01 10:00:00 UTC', 'Team question: rye ratio?'),
      row('g', 'Maya Okafor', MAYA, `https://www.linkedin.com/in/sam;${HANNAH}`, '2025-01-01 11:00:00 UTC', 'Start at 20% rye.'),
      row('d', 'Maya Okafor', MAYA, HANNAH, '2025-01-02 10:00:00 UTC', 'Half-written thought', 'INBOX', '', 'Yes'),
      row('s', 'Promo Bot', 'https://www.linkedin.com/in/promo', MAYA, '2025-01-03 10:00:00 UTC', 'Buy followers', 'SPAM'),
      row('a', 'Maya Okafor', MAYA, HANNAH, '2025-01-04 10:00:00 UTC', '', 'INBOX', 'loaf.jpg'),
    ].join('\n');
    const result = await linkedinImporter.parse(files({ 'messages.csv': messages, 'Profile.csv': PROFILE }));
    expect(result.replies).toEqual([{ reply: 'Start at 20% rye.', platform: 'linkedin', kind: 'dm', date: utc('2025-01-01 11:00:00') }]);
    expect(result.skipped).toEqual({ 'unsent drafts': 1, 'messages in the spam folder': 1, 'media-only messages': 1 });
  });

  it('keeps one copy of each reply across split or repeated files, and leaves out replies over 5,000 characters', async () => {
    const long = `Date,Link,Message\n2025-01-01 10:00:00,https://l/9,${'a'.repeat(5001)}\n`;
    const result = await linkedinImporter.parse(
      files({ 'Comments.csv': COMMENTS, 'Comments (1).csv': COMMENTS, 'Comments_2.csv': long, 'messages.csv': MESSAGES, 'x/messages.csv': MESSAGES, 'Profile.csv': PROFILE }),
    );
    expect(result.replies).toHaveLength(2);
    expect(result.skipped).toEqual({ duplicates: 1, 'replies longer than 5,000 characters': 1 });
  });

  it('reads both date spellings as UTC', () => {
    expect(parseLinkedInDate('2023-06-11 15:33:58 UTC')).toBe(Date.UTC(2023, 5, 11, 15, 33, 58));
    expect(parseLinkedInDate('2023-06-11 15:33:58')).toBe(Date.UTC(2023, 5, 11, 15, 33, 58));
    expect(parseLinkedInDate('11/06/2023')).toBeUndefined();
  });

  describe('detection', () => {
    it('recognises Comments.csv and messages.csv by name and header, at any depth and inside the zip', async () => {
      expect(await linkedinImporter.detect(files({ 'Comments.csv': COMMENTS }))).toBe(true);
      expect(await linkedinImporter.detect(files({ 'Basic_LinkedInDataExport_01-15-2026/Messages.csv': MESSAGES }))).toBe(true);
      const zip = zipSync({ 'Complete_LinkedInDataExport/messages.csv': strToU8(MESSAGES), 'Complete_LinkedInDataExport/Profile.csv': strToU8(PROFILE) });
      expect(await linkedinImporter.detect(await readZip('export.zip', zip, { wanted: () => true }))).toBe(true);
    });

    it("does not take YouTube's or Reddit's comments.csv, Reddit's messages.csv, LinkedIn's AI coach messages or a lone Profile.csv", async () => {
      const others = {
        'Takeout/YouTube and YouTube Music/comments/comments.csv':
          'Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text\nUgx,UC1,2024-01-01T10:00:00Z,,,,"{""text"":""hi""}"\n',
        'comments.csv': 'id,permalink,date,ip,subreddit,gildings,link,parent,body,media\nk1,/r/Breadit/k1,2024-01-01 10:00:00 UTC,,Breadit,0,,t1_x,hi,\n',
        'messages.csv': 'id,permalink,thread_id,date,ip,from,to,subject,body\nm1,/m/1,t1,2024-01-01 10:00:00 UTC,,sam,maya,hi,hello\n',
        'learning_coach_messages.csv': MESSAGES,
        'Profile.csv': PROFILE,
        'replies.csv': 'incoming,reply,platform\nhi,hello,youtube\n',
      };
      for (const [path, text] of Object.entries(others)) expect(await linkedinImporter.detect([fileFromText(path, text)]), path).toBe(false);
    });
  });

  describe('bad input', () => {
    it('names the row whose quoting is broken', async () => {
      const broken = 'Date,Link,Message\n2025-01-01 10:00:00,https://l/1,fine\n2025-01-02 10:00:00,https://l/2,"never closed\n2025-01-03 10:00:00,https://l/3,lost\n';
      const error = await linkedinImporter.parse(files({ 'Comments.csv': broken })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFormatError);
      expect((error as Error).message).toMatch(/^Comments\.csv, row 3 \(counting the header as row 1\): a quoted field is never closed/);
    });

    it('says which file is missing when only Profile.csv is dropped', async () => {
      await expect(linkedinImporter.parse(files({ 'Profile.csv': PROFILE }))).rejects.toThrow(/Profile\.csv: no Comments\.csv or messages\.csv from LinkedIn was found/);
    });

    it('stops when the import is cancelled', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(linkedinImporter.parse(files({ 'Comments.csv': COMMENTS }), { signal: controller.signal })).rejects.toThrow();
    });
  });

  it("reads the sample creator's export: three comments and two message threads", async () => {
    const dir = 'public/samples/exports/linkedin';
    const sample = files(Object.fromEntries(['Comments.csv', 'messages.csv', 'Profile.csv'].map((name) => [name, readFileSync(`${dir}/${name}`, 'utf8')])));
    expect(await linkedinImporter.detect(sample)).toBe(true);
    const result = await linkedinImporter.parse(sample);
    expect(result.replies.filter((r) => r.kind === 'comment')).toHaveLength(3);
    const dms = result.replies.filter((r) => r.kind === 'dm');
    expect(dms.map((r) => r.incomingAuthor)).toEqual(['Hannah Reyes', 'Hannah Reyes', 'José Alvarez']);
    expect(result.skipped).toEqual({ 'media-only messages': 1 });
    expect(result.needsCreator).toBeUndefined();
  });
});
