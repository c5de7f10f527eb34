import { describe, expect, it } from 'vitest';
import { cleanDisclosure, DEFAULT_DISCLOSURE, stripDisclosure, withDisclosure } from './disclosure';
import { MAX_DISCLOSURE_CHARS } from './limits';

describe('the AI-assisted note', () => {
  it('goes on its own last line, once', () => {
    expect(withDisclosure('Nice to have, not essential!', '(AI-assisted)')).toBe('Nice to have, not essential!\n(AI-assisted)');
    expect(withDisclosure('Thanks!\n(AI-assisted)', '(AI-assisted)')).toBe('Thanks!\n(AI-assisted)');
  });

  it('adds nothing when the creator has no note for the site', () => {
    expect(withDisclosure('Thanks!', undefined)).toBe('Thanks!');
    expect(withDisclosure('Thanks!', '   ')).toBe('Thanks!');
  });

  it('is taken off again before a sent reply is learned, even with its spacing or case changed', () => {
    expect(stripDisclosure('Thanks!\n(AI-assisted)', '(AI-assisted)')).toBe('Thanks!');
    expect(stripDisclosure('Thanks!  (ai-assisted) ', '(AI-assisted)')).toBe('Thanks!');
    expect(stripDisclosure('Thanks! No note here.', '(AI-assisted)')).toBe('Thanks! No note here.');
  });

  it('is one short line', () => {
    expect(cleanDisclosure(`  two\nlines ${'x'.repeat(200)}`)).toHaveLength(MAX_DISCLOSURE_CHARS);
    expect(cleanDisclosure(DEFAULT_DISCLOSURE)).toBe(DEFAULT_DISCLOSURE);
  });
});
