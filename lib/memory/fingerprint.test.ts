import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExampleRow } from './db';
import { UnderstudyDB } from './db';
import { addSentExample } from './examples-repo';
import { voiceMatch } from './voice-match';
import {
  computeFingerprint,
  computeFingerprints,
  fingerprintFor,
  getFingerprintFor,
  MIN_KIND_REPLIES,
  ofKindOrAll,
  invalidateFingerprintFor,
  MIN_PLATFORM_REPLIES,
} from './fingerprint';

interface SampleExample {
  reply: string;
  incoming?: string;
  platform?: ExampleRow['platform'];
  date?: string;
}
const sample = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/samples/sample-profile.json'), 'utf8'),
) as { examples: SampleExample[] };
const sampleRows: ExampleRow[] = sample.examples.map((e, i) => ({
  id: i + 1,
  reply: e.reply,
  ...(e.incoming ? { incoming: e.incoming } : {}),
  ...(e.platform ? { platform: e.platform } : {}),
  source: 'import',
  createdAt: e.date ? Date.parse(e.date) : 0,
}));

const dbs: UnderstudyDB[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

describe('computeFingerprint', () => {
  it('measures how long the creator writes', () => {
    const fp = computeFingerprint(['one two', 'one two three four', 'a b c d e f', 'x'.repeat(3), 'one two three']);
    expect(fp.words).toEqual({ median: 3, p10: 1, p90: 6 });
  });

  it('finds emoji habits and favourites', () => {
    const fp = computeFingerprint(['Love it 🍞', 'Yes ✨✨', 'No emoji here', 'Warm 🍞 bread 🍞', 'Flag 🇫🇷']);
    expect(fp.emoji.rate).toBe(0.8);
    expect(fp.emoji.top[0]).toBe('🍞');
    expect(fp.emoji.top).toContain('🇫🇷');
  });

  it('reads punctuation and casing habits', () => {
    const fp = computeFingerprint(['yes!', 'omg yes!!', 'LOVE THIS', 'ok then?']);
    expect(fp.exclamationRate).toBe(0.5);
    expect(fp.questionRate).toBe(0.25);
    expect(fp.lowercaseStartRate).toBe(0.75);
    expect(fp.capsWordRate).toBeCloseTo(2 / 7);
  });

  it('reuses the greeting and sign-off habits', () => {
    const fp = computeFingerprint(['Hey Sam! Yes.\n— Maya', 'Hey Jo! No.\n— Maya', 'Hey Al! Maybe.\n— Maya']);
    expect(fp.greeting.greeting).toBe('Hey');
    expect(fp.signoff?.text).toBe('— Maya');
  });

  it('finds the languages the creator writes in', () => {
    const fp = computeFingerprint(['Thank you so much!', 'This is the one I use', 'Muchas gracias por el video', '🍞']);
    expect(fp.languages).toEqual([
      { code: 'en', share: 2 / 3 },
      { code: 'es', share: 1 / 3 },
    ]);
  });
});

describe('computeFingerprints on the sample creator', () => {
  const set = computeFingerprints(sampleRows);

  it('picks out the words and phrases that are hers, not everyday English or her commenters\'', () => {
    expect(set.overall.signatureWords).toEqual(expect.arrayContaining(['crumb', 'loaf']));
    expect(set.overall.signatureWords).not.toContain('the');
    expect(set.overall.signatureWords).not.toContain('https');
    expect(set.overall.signaturePhrases).toContain('crumb doesnt lie');
  });

  it('describes a short-reply, often-exclaiming English writer', () => {
    expect(set.overall.replies).toBe(64);
    expect(set.overall.words.median).toBeGreaterThan(10);
    expect(set.overall.words.median).toBeLessThan(40);
    expect(set.overall.exclamationRate).toBeGreaterThan(0.5);
    expect(set.overall.languages[0]?.code).toBe('en');
  });

  it('gives a platform its own fingerprint only when it has enough replies', () => {
    const youtube = sampleRows.filter((r) => r.platform === 'youtube').length;
    expect(youtube).toBeGreaterThanOrEqual(MIN_PLATFORM_REPLIES);
    expect(set.byPlatform.youtube?.replies).toBe(youtube);
    expect(fingerprintFor(set, 'youtube')).toBe(set.byPlatform.youtube);
    expect(fingerprintFor(set, 'linkedin')).toBe(set.overall);
  });
});

describe('getFingerprintFor', () => {
  it('computes once, keeps it through a few sent replies, and recomputes when memory changes more', async () => {
    const db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    await db.examples.bulkAdd(sampleRows.map(({ id: _id, ...row }) => row));
    const first = await getFingerprintFor(db);
    expect(await getFingerprintFor(db)).toBe(first);
    await addSentExample(db, { reply: 'Low and slow wins ✨' });
    expect(await getFingerprintFor(db)).toBe(first);
    for (let i = 0; i < 25; i++) await addSentExample(db, { reply: `Sent reply ${i}` });
    const grown = await getFingerprintFor(db);
    expect(grown).not.toBe(first);
    expect(grown.overall.replies).toBe(90);
  });

  it('recomputes after a reply is edited or deleted, or on request', async () => {
    const db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
    dbs.push(db);
    await db.examples.bulkAdd(sampleRows.map(({ id: _id, ...row }) => row));
    const first = await getFingerprintFor(db);
    await db.examples.update(1, { reply: 'EDITED!!' });
    const edited = await getFingerprintFor(db);
    expect(edited).not.toBe(first);
    invalidateFingerprintFor(db);
    expect(await getFingerprintFor(db)).not.toBe(edited);
  });
});

describe('a voice per kind of reply', () => {
  const rows = (n: number, reply: (i: number) => string, extra: Partial<ExampleRow>): ExampleRow[] =>
    Array.from({ length: n }, (_, i) => ({ id: i + 1, reply: reply(i), source: 'import', platform: 'instagram', createdAt: i, ...extra }) as ExampleRow);
  const comments = rows(30, (i) => `Thank you so much!! 💛 This means the world, truly ${i}`, { kind: 'comment' });
  const dmsOf = (n: number) => rows(n, () => 'ok sounds good, talk soon', { kind: 'dm' }).map((r, i) => ({ ...r, id: 100 + i }));

  it('scores a DM draft against the creator\'s DM voice once memory holds enough DMs', () => {
    const set = computeFingerprints([...comments, ...dmsOf(MIN_KIND_REPLIES)]);
    const dmVoice = fingerprintFor(set, 'instagram', 'dm');
    expect(dmVoice.replies).toBe(MIN_KIND_REPLIES);
    expect(dmVoice.emoji.rate).toBe(0);
    // A comment draft on Instagram keeps the platform's comment voice, unmoved by the DMs.
    const commentVoice = fingerprintFor(set, 'instagram', 'comment');
    expect(commentVoice.replies).toBe(30);
    expect(commentVoice.emoji.rate).toBe(1);
    expect(voiceMatch('ok sounds good, talk soon', dmVoice).score).toBeGreaterThan(voiceMatch('ok sounds good, talk soon', commentVoice).score);
  });

  it('uses the whole memory for a DM draft while there are too few DMs to say how the creator writes them', () => {
    const set = computeFingerprints([...comments, ...dmsOf(MIN_KIND_REPLIES - 1)]);
    expect(fingerprintFor(set, 'instagram', 'dm')).toBe(set.overall);
  });

  it('picks the replies of one kind when there are enough of them, else all', () => {
    const mixed = [...comments, ...dmsOf(3)];
    expect(ofKindOrAll(mixed, 'comment')).toHaveLength(30);
    expect(ofKindOrAll(mixed, 'dm')).toHaveLength(33);
  });
});
