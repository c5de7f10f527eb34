import { describe, expect, it } from 'vitest';
import { siteLink } from './safe-link';

describe('siteLink', () => {
  it("keeps a comment's permalink on its own site's origin", () => {
    expect(siteLink('https://www.youtube.com/watch?v=abc&lc=Ugx1', 'youtube')).toBe(
      'https://www.youtube.com/watch?v=abc&lc=Ugx1',
    );
    expect(siteLink('https://www.youtube.com:443/shorts/abcDEF12345', 'youtube')).toBe(
      'https://www.youtube.com/shorts/abcDEF12345',
    );
  });

  it('refuses links that would run script or carry their own content', () => {
    expect(siteLink('javascript:alert(document.domain)', 'youtube')).toBeUndefined();
    expect(siteLink('JavaScript:alert(1)//https://www.youtube.com/', 'youtube')).toBeUndefined();
    expect(siteLink('data:text/html,<script>alert(1)</script>', 'youtube')).toBeUndefined();
    expect(siteLink('blob:https://www.youtube.com/1234', 'youtube')).toBeUndefined();
  });

  it('refuses plain http, even on the right host', () => {
    expect(siteLink('http://www.youtube.com/watch?v=abc', 'youtube')).toBeUndefined();
  });

  it('refuses other sites and hosts that only look like the right one', () => {
    expect(siteLink('https://evil.test/watch?v=abc', 'youtube')).toBeUndefined();
    expect(siteLink('https://www.youtube.com.evil.test/watch?v=abc', 'youtube')).toBeUndefined();
    expect(siteLink('https://m.youtube.com/watch?v=abc', 'youtube')).toBeUndefined();
    expect(siteLink('https://www.youtube.com@evil.test/', 'youtube')).toBeUndefined();
    expect(siteLink('https://user:pass@www.youtube.com/watch?v=abc', 'youtube')).toBeUndefined();
  });

  it("refuses the site's pages that show no comment, such as its redirector to other sites", () => {
    expect(siteLink('https://www.youtube.com/redirect?q=https%3A%2F%2Fevil.test%2F', 'youtube')).toBeUndefined();
    expect(siteLink('https://www.youtube.com/', 'youtube')).toBeUndefined();
  });

  it("refuses a link on another supported site than the draft's own", () => {
    expect(siteLink('https://www.youtube.com/watch?v=abc', 'instagram')).toBeUndefined();
  });

  it('refuses relative links and text that is not a URL', () => {
    expect(siteLink('/watch?v=abc', 'youtube')).toBeUndefined();
    expect(siteLink('', 'youtube')).toBeUndefined();
    expect(siteLink('not a link', 'youtube')).toBeUndefined();
  });
});
