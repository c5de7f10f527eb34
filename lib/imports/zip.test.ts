import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isEncrypted, looksLikeZip, readZip } from './zip';

const wantText = (path: string) => /\.(js|json|csv|html)$/.test(path);

describe('readZip', () => {
  it('inflates only the wanted entries, at any depth, and ignores __MACOSX and media', async () => {
    const zip = zipSync({
      'Takeout/data/tweets.js': strToU8('window.YTD.tweets.part0 = []'),
      'Takeout/data/tweets_media/1.jpg': new Uint8Array(50_000),
      '__MACOSX/Takeout/data/._tweets.js': strToU8('junk'),
    });
    expect(looksLikeZip(zip)).toBe(true);
    const files = await readZip('archive.zip', new Blob([zip]), { wanted: wantText });
    expect(files.map((f) => f.path)).toEqual(['Takeout/data/tweets.js']);
    expect(await files[0]!.text()).toBe('window.YTD.tweets.part0 = []');
  });

  it('stops a zip bomb past the expanded-size limit with a clear message', async () => {
    const zip = zipSync({ 'big.json': new Uint8Array(2_000_000) }, { level: 9 });
    await expect(readZip('bomb.zip', zip, { wanted: () => true, maxExpandedBytes: 1_000_000 })).rejects.toThrow(/bomb\.zip expands to more than/);
  });

  it('refuses bytes that are not a zip archive, naming the file', async () => {
    expect(looksLikeZip(strToU8('{"not":"zip"}'))).toBe(false);
    await expect(readZip('notes.zip', strToU8('PK\u0003\u0004 truncated'), { wanted: () => true })).rejects.toThrow(/notes\.zip/);
  });

  it('refuses a download cut short with what to do, instead of waiting for the rest forever', async () => {
    const text = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ text: `reply ${i} ${i * 7919}` })));
    const zip = zipSync({ 'data/tweets.js': strToU8(`window.YTD.tweets.part0 = ${text}`), 'data/account.js': strToU8('[]') });
    const cut = zip.subarray(0, Math.floor(zip.byteLength * 0.4));
    await expect(readZip('twitter.zip', new Blob([cut]), { wanted: () => true })).rejects.toThrow(
      'twitter.zip ends in the middle of data/tweets.js: the download was cut short. Download your export again',
    );
    await expect(readZip('twitter.zip', cut, { wanted: () => true })).rejects.toThrow(/cut short/);
  });

  it('refuses a password-protected zip and says to choose the download as the platform sent it', async () => {
    const zip = zipSync({ 'data/tweets.js': strToU8('window.YTD.tweets.part0 = []') });
    zip[6] = zip[6]! | 1;
    expect(isEncrypted(zip)).toBe(true);
    await expect(readZip('locked.zip', new Blob([zip]), { wanted: () => true })).rejects.toThrow(
      "locked.zip is protected by a password, so Understudy can't open it. Platforms send their downloads without one",
    );
  });
});
