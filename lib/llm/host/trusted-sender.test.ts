import { isTrustedEngineSender } from './trusted-sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('isTrustedEngineSender', () => {
  it('accepts the extension’s own background and pages', () => {
    expect(isTrustedEngineSender({ id: ID, url: `${ORIGIN}background.js` }, ID, ORIGIN)).toBe(true);
    expect(isTrustedEngineSender({ id: ID, url: `${ORIGIN}options.html`, origin: `chrome-extension://${ID}` }, ID, ORIGIN)).toBe(true);
  });

  it('refuses a content script, which runs with our id but on the site’s page', () => {
    expect(isTrustedEngineSender({ id: ID, url: 'https://www.youtube.com/watch?v=1', origin: 'https://www.youtube.com' }, ID, ORIGIN)).toBe(false);
  });

  it('refuses other extensions and senders without a URL', () => {
    expect(isTrustedEngineSender({ id: 'other', url: `chrome-extension://other/background.js` }, ID, ORIGIN)).toBe(false);
    expect(isTrustedEngineSender({ id: ID }, ID, ORIGIN)).toBe(false);
    expect(isTrustedEngineSender(undefined, ID, ORIGIN)).toBe(false);
  });
});
