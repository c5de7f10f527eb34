import { describe, expect, it } from 'vitest';
import { adapterFor, adapterForOrigin, adapters } from './registry';
import { youtube } from './youtube';
import { DM_SITES } from '../core/sites';

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

  it('offers "Direct messages on <Site>" exactly for the sites whose conversations it reads', () => {
    const withConversations = adapters.filter((a) => a.conversations).map((a) => a.site).sort();
    expect(withConversations).toEqual([...DM_SITES].sort());
  });

  it("starts on Messenger's own site as Facebook's adapter, where only conversations are read", () => {
    const adapter = adapterForOrigin('https://www.messenger.com/t/123');
    expect(adapter?.site).toBe('facebook');
    expect(adapter?.pageKind(new URL('https://www.messenger.com/t/123'))).toBeNull();
    expect(adapter?.conversations?.pageKind(new URL('https://www.messenger.com/t/123'))).toBe('dm');
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
