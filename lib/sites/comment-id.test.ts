import { describe, expect, it } from 'vitest';
import { HASH_ID_PREFIX, hashString, stableCommentId } from './comment-id';

describe('stableCommentId', () => {
  it('uses the id the site gives a comment, trimmed', () => {
    expect(stableCommentId({ siteId: '  UgxAbc123  ', author: '@bob', text: 'hi' })).toBe(
      'UgxAbc123',
    );
  });

  it('gives the same comment the same id on every read when the site shows no id', () => {
    const a = stableCommentId({ author: '@bob', text: 'Great crumb!', time: '2024-05-01' });
    const b = stableCommentId({ author: '@bob', text: 'Great crumb!', time: '2024-05-01' });
    expect(a).toBe(b);
    expect(a.startsWith(HASH_ID_PREFIX)).toBe(true);
    expect(a.length).toBeLessThan(20);
  });

  it('tells apart comments that differ only in author, text or time', () => {
    const base = { author: '@bob', text: 'Great crumb!', time: 't1' };
    const ids = new Set([
      stableCommentId(base),
      stableCommentId({ ...base, author: '@bobby' }),
      stableCommentId({ ...base, text: 'Great crumb' }),
      stableCommentId({ ...base, time: 't2' }),
      stableCommentId({ author: '@bo', text: 'bGreat crumb!', time: 't1' }),
    ]);
    expect(ids.size).toBe(5);
  });

  it('falls back to a hash when the site id is blank', () => {
    expect(stableCommentId({ siteId: '   ', author: 'a', text: 'b' })).toBe(
      stableCommentId({ author: 'a', text: 'b' }),
    );
  });

  it('keeps an absurdly long site id within the protocol limit', () => {
    const id = stableCommentId({ siteId: 'x'.repeat(5000), author: 'a', text: 'b' });
    expect(id.length).toBeLessThanOrEqual(512);
    expect(id).toBe(stableCommentId({ siteId: 'x'.repeat(5000), author: 'c', text: 'd' }));
  });
});

describe('hashString', () => {
  it('is deterministic and spreads near-identical inputs apart', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashString('abc')).toMatch(/^[0-9a-f]{14}$/);
  });
});
