import { describe, expect, it } from 'vitest';
import { adapterFor, adapterForOrigin, adapters } from './registry';
import { youtube } from './youtube';

describe('adapterFor', () => {
  it('picks the YouTube adapter on a watch page, given a string or a URL', () => {
    expect(adapterFor('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(youtube);
    expect(adapterFor(new URL('https://www.youtube.com/shorts/abcDEF12345'))).toBe(youtube);
  });

  it('finds no adapter on pages without comments, other sites, or nonsense', () => {
    expect(adapterFor('https://www.youtube.com/')).toBeUndefined();
    expect(adapterFor('https://example.com/watch?v=dQw4w9WgXcQ')).toBeUndefined();
    expect(adapterFor('not a url')).toBeUndefined();
  });

  it('lists every adapter once', () => {
    expect(new Set(adapters.map((a) => a.site)).size).toBe(adapters.length);
  });
});

describe('adapterForOrigin', () => {
  it("names the site's adapter anywhere on its origin, so SPA navigation to a video is caught", () => {
    expect(adapterForOrigin('https://www.youtube.com/')).toBe(youtube);
    expect(adapterForOrigin('https://www.youtube.com/feed/subscriptions')).toBe(youtube);
    expect(adapterForOrigin('https://m.youtube.com/')).toBeUndefined();
    expect(adapterForOrigin('nonsense')).toBeUndefined();
  });
});
