import { describe, expect, it } from 'vitest';
import { replyLength } from './reply-length';

describe('replyLength', () => {
  it('counts what a reader sees: an emoji with a skin tone or a flag is one character', () => {
    expect(replyLength('Nice 👍🏽', 'bluesky')).toBe(6);
    expect(replyLength('🇵🇹', 'threads')).toBe(1);
    expect(replyLength('Olá', 'tiktok')).toBe(3);
  });

  it('counts a link as 23 characters on X, whatever its length, and as written elsewhere', () => {
    const link = 'https://example.com/a/very/long/path/to/the/recipe';
    expect(replyLength(`Recipe: ${link}`, 'x')).toBe('Recipe: '.length + 23);
    expect(replyLength(`Recipe: ${link}`, 'youtube')).toBe(`Recipe: ${link}`.length);
  });
});
