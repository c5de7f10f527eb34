import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_PROFILE_BYTES, parseProfileFile, readProfileFile, type ParseResult } from './import-json';
import type { StyleProfileInput } from './schema';

const samplePath = resolve(import.meta.dirname, '../../public/samples/sample-profile.json');

function minimal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'understudy.style-profile',
    version: 1,
    name: 'Ada',
    examples: [{ reply: 'Thanks so much!' }],
    ...overrides,
  };
}

function errorOf(result: ParseResult) {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.error;
}

function profileOf(result: ParseResult) {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${result.error.message}`);
  return result.profile;
}

describe('parseProfileFile', () => {
  it('accepts the sample creator profile shipped in public/samples', () => {
    const profile = profileOf(parseProfileFile('sample-profile.json', readFileSync(samplePath)));
    expect(profile.name).toBe('Maya Okafor');
    expect(profile.examples.length).toBeGreaterThanOrEqual(60);
    expect(profile.facts.length).toBeGreaterThanOrEqual(8);
    expect(profile.handles.youtube).toBeTruthy();
  });

  it('the sample profile has at least four example replies for every topic', () => {
    const profile = profileOf(parseProfileFile('sample-profile.json', readFileSync(samplePath, 'utf8')));
    const perTopic = new Map<string, number>();
    for (const e of profile.examples) perTopic.set(e.topic ?? '', (perTopic.get(e.topic ?? '') ?? 0) + 1);
    expect(perTopic.has('')).toBe(false);
    expect(perTopic.size).toBe(12);
    for (const [, n] of perTopic) expect(n).toBeGreaterThanOrEqual(4);
  });

  it('accepts a minimal profile and fills the optional lists with empty ones', () => {
    const profile = profileOf(parseProfileFile('min.json', JSON.stringify(minimal())));
    expect(profile).toMatchObject({ name: 'Ada', voice: '', facts: [], boundaries: [], links: [], handles: {} });
  });

  it('accepts a file that starts with a UTF-8 byte-order mark, as bytes or as text', () => {
    const json = JSON.stringify(minimal());
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]);
    expect(parseProfileFile('bom.json', bytes).ok).toBe(true);
    expect(parseProfileFile('bom.json', bytes.buffer).ok).toBe(true);
    expect(parseProfileFile('bom.json', `\uFEFF${json}`).ok).toBe(true);
  });

  it('accepts a file saved as UTF-16 with a byte-order mark (Windows "Unicode")', () => {
    const json = JSON.stringify(minimal({ name: 'Zoë' }));
    const bytes = new Uint8Array(2 + json.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < json.length; i += 1) {
      const c = json.charCodeAt(i);
      bytes[2 + i * 2] = c & 0xff;
      bytes[3 + i * 2] = c >> 8;
    }
    expect(profileOf(parseProfileFile('utf16.json', bytes)).name).toBe('Zoë');
  });

  it('says a file is empty when it holds nothing but whitespace', () => {
    expect(errorOf(parseProfileFile('empty.json', '')).message).toBe('empty.json is empty');
    expect(errorOf(parseProfileFile('empty.json', '  \n\t')).message).toBe('empty.json is empty');
    expect(errorOf(parseProfileFile('empty.json', new Uint8Array([0xef, 0xbb, 0xbf]))).message).toBe(
      'empty.json is empty',
    );
  });

  it('says a file is not JSON and on which line the problem is', () => {
    const error = errorOf(parseProfileFile('notes.txt', '{\n  "name": "Ada",\n  oops\n}'));
    expect(error.message).toMatch(/^notes\.txt is not JSON: .+ at line 3, column 3$/);
    expect(error.path).toBeUndefined();
  });

  it('refuses a file over the size limit before reading it, naming both sizes', () => {
    const big = new Uint8Array(Math.round(52.4 * 1024 * 1024));
    expect(errorOf(parseProfileFile('big.json', big)).message).toBe('big.json is 52.4 MB; the limit is 50 MB');
    expect(MAX_PROFILE_BYTES).toBe(50 * 1024 * 1024);
  });

  it('counts text size in UTF-8 bytes, so emoji-heavy text is measured as it is stored', () => {
    const text = JSON.stringify(minimal({ voice: '🍞'.repeat(300) }));
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeGreaterThan(text.length + 500);
    expect(parseProfileFile('emoji.json', text, { maxBytes: bytes }).ok).toBe(true);
    expect(errorOf(parseProfileFile('emoji.json', text, { maxBytes: bytes - 1 })).message).toMatch(
      /^emoji\.json is [\d,]+ bytes; the limit is 1\.\d KB$/,
    );
  });

  it('rejects bytes that are not text', () => {
    const error = errorOf(parseProfileFile('photo.json', new Uint8Array([0x7b, 0xff, 0xfe, 0xfd, 0x7d])));
    expect(error.message).toBe('photo.json is not readable text; save it as UTF-8 and try again');
  });

  it('names the field and what was wrong with it', () => {
    const examples = [{ reply: 'a' }, { reply: 'b' }, { reply: 'c' }, { reply: 42 }];
    const error = errorOf(parseProfileFile('sample.json', JSON.stringify(minimal({ examples }))));
    expect(error.message).toBe('sample.json: examples[3].reply — expected text, got a number');
    expect(error.path).toBe('examples[3].reply');
    expect(error.problem).toBe('expected text, got a number');
  });

  it('says which required field is missing', () => {
    const { name: _name, ...rest } = minimal();
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(rest)));
    expect(error.message).toBe('p.json: name — missing (expected text)');
  });

  it('lists the first three problems and counts the rest', () => {
    const examples = Array.from({ length: 7 }, () => ({ reply: '' }));
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ examples }))));
    expect(error.message).toBe(
      'p.json: examples[0].reply — is empty; examples[1].reply — is empty; examples[2].reply — is empty; and 4 more problems',
    );
  });

  it('keeps every problem, so Options can list all seven rather than "and 4 more"', () => {
    const examples = Array.from({ length: 7 }, () => ({ reply: '' }));
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ examples }))));
    expect(error.problems).toEqual(Array.from({ length: 7 }, (_, i) => `examples[${i}].reply — is empty`));
  });

  it('rejects an unknown top-level field and lists the fields the format has', () => {
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ boundries: ['politics'] }))));
    expect(error.message).toMatch(/^p\.json: unknown top-level field "boundries"; format v1 has format, version, name, .*boundaries/);
  });

  it('rejects an unknown field inside an example instead of silently dropping it', () => {
    const examples = [{ reply: 'Hi!', incomming: 'hello' }];
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ examples }))));
    expect(error.message).toBe('p.json: examples[0] — unknown field "incomming"');
  });

  it('rejects a handle for a site Understudy does not know, naming the sites it does', () => {
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ handles: { myspace: 'tom' } }))));
    expect(error.message).toMatch(/^p\.json: handles — unknown site "myspace"; handles can be for youtube, instagram/);
  });

  it('rejects a link that is not https', () => {
    const links = [{ label: 'Shop', url: 'http://shop.example' }];
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ links }))));
    expect(error.message).toBe('p.json: links[0].url — expected an https:// link, got "http://shop.example"');
  });

  it('rejects an example date that is not an ISO date and accepts ones that are', () => {
    const bad = [{ reply: 'Hi', date: '03/01/2024' }];
    expect(errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ examples: bad })))).message).toBe(
      'p.json: examples[0].date — expected a date like 2024-03-01 or 2024-03-01T09:30:00Z, got "03/01/2024"',
    );
    const good = [
      { reply: 'a', date: '2024-03-01' },
      { reply: 'b', date: '2024-03-01T09:30:00Z' },
      { reply: 'c', date: '2024-03-01T09:30:00.123+02:00' },
    ];
    expect(parseProfileFile('p.json', JSON.stringify(minimal({ examples: good }))).ok).toBe(true);
  });

  it('rejects an unknown platform on an example, listing the known ones', () => {
    const examples = [{ reply: 'Hi', platform: 'myspace' }];
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ examples }))));
    expect(error.message).toMatch(/^p\.json: examples\[0\]\.platform — expected one of "youtube", .*got text "myspace"$/);
  });

  it('needs at least one example reply', () => {
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ examples: [] }))));
    expect(error.message).toBe('p.json: examples — needs at least 1 example reply');
  });

  it('says how long a too-long reply is and what the limit is', () => {
    const examples = [{ reply: 'x'.repeat(5001) }];
    const error = errorOf(parseProfileFile('p.json', JSON.stringify(minimal({ examples }))));
    expect(error.message).toBe('p.json: examples[0].reply — is 5,001 characters; the limit is 5,000 characters');
  });

  it('tells a creator when the file is some other JSON, not a style profile', () => {
    expect(errorOf(parseProfileFile('export.json', '[{"text":"hi"}]')).message).toBe(
      'export.json is not an Understudy style profile: it holds a list; expected a JSON object with "format": "understudy.style-profile"',
    );
    expect(errorOf(parseProfileFile('other.json', '{"name":"x"}')).message).toBe(
      'other.json is not an Understudy style profile: it has no "format" field; expected a JSON object with "format": "understudy.style-profile"',
    );
  });

  it('tells a creator when the file is a newer version of the format', () => {
    const error = errorOf(parseProfileFile('new.json', JSON.stringify(minimal({ version: 2 }))));
    expect(error.message).toBe('new.json is a style profile version 2; this version of Understudy reads version 1');
    expect(error.path).toBe('version');
  });

  it('trims surrounding whitespace from text fields', () => {
    const input: StyleProfileInput = {
      format: 'understudy.style-profile',
      version: 1,
      name: '  Ada  ',
      examples: [{ reply: ' Thanks!\n' }],
    };
    const profile = profileOf(parseProfileFile('p.json', JSON.stringify(input)));
    expect(profile.name).toBe('Ada');
    expect(profile.examples[0]?.reply).toBe('Thanks!');
  });
});

describe('readProfileFile', () => {
  it('reads a file the creator picked', async () => {
    const file = new File([JSON.stringify(minimal())], 'mine.json', { type: 'application/json' });
    const result = await readProfileFile(file);
    expect(profileOf(result).name).toBe('Ada');
  });

  it('refuses an oversized file from its size alone, without reading its contents', async () => {
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: 60 * 1024 * 1024 });
    const read = vi.spyOn(file, 'arrayBuffer');
    const text = vi.spyOn(file, 'text');
    const error = errorOf(await readProfileFile(file));
    expect(error.message).toBe('huge.json is 60 MB; the limit is 50 MB');
    expect(read).not.toHaveBeenCalled();
    expect(text).not.toHaveBeenCalled();
  });

  it('reports the same field errors as parsing text does', async () => {
    const file = new File([JSON.stringify(minimal({ name: 7 }))], 'bad.json');
    expect(errorOf(await readProfileFile(file)).message).toBe('bad.json: name — expected text, got a number');
  });
});
