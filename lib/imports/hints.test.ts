import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../memory/fresh-db.testutil';
import { fileFromText } from './files';
import { refusalHint } from './hints';
import { openSelection, prepareImport } from './import-flow';

const files = (...paths: string[]) => paths.map((p) => fileFromText(p, '<html><body>…</body></html>'));

async function refusal(name: string, entries: Record<string, string>): Promise<string> {
  const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)])));
  const selection = await openSelection([new File([zip], name)]);
  return prepareImport(freshDb(), selection).then(
    () => 'imported',
    (error: Error) => error.message,
  );
}

describe('what to do when a download is not one Understudy reads', () => {
  it('tells the creator an HTML Instagram download must be requested again as JSON, naming the file', async () => {
    const message = await refusal('instagram-maya.zip', {
      'start_here.html': '<html></html>',
      'your_instagram_activity/messages/inbox/ana_1/message_1.html': '<html></html>',
      'your_instagram_activity/comments/post_comments_1.html': '<html></html>',
    });
    // The Instagram importer recognises its HTML layout itself and names the file it saw.
    expect(message).toMatch(/Instagram download in HTML format.*request a new download and choose the JSON format/);
    expect(await refusalHint(files('instagram-maya/start_here.html', 'instagram-maya/your_instagram_activity/likes/liked_posts.html'))).toContain(
      'This looks like the HTML version of your Instagram download: Understudy reads the JSON one.',
    );
  });

  it('tells the creator an HTML Facebook download must be requested again as JSON', async () => {
    expect(await refusalHint(files('your_facebook_activity/comments_and_reactions/comments.html'))).toMatch(/HTML version of your Facebook download.*Format: JSON/);
  });

  it('says a Google Takeout without YouTube comments must be requested again with comments ticked', async () => {
    const message = await refusal('takeout-20260101.zip', {
      'Takeout/archive_browser.html': '<html></html>',
      'Takeout/YouTube and YouTube Music/history/watch-history.json': '[]',
      'Takeout/YouTube and YouTube Music/subscriptions/subscriptions.json': '[]',
    });
    expect(message).toContain('takeout-20260101.zip is not an export Understudy reads.');
    expect(message).toMatch(/no (YouTube )?comments/);
    expect(message).toContain('"comments" ticked');
  });

  it('names another service’s download and says which downloads to choose instead', async () => {
    const message = await refusal('package.zip', { 'messages/index.json': '{}', 'account/user.json': '{}' });
    expect(message).toContain('This looks like a Discord data package, which Understudy doesn\'t read.');
    expect(message).toContain('(X, Instagram, Facebook, YouTube, TikTok, Reddit or LinkedIn)');
    expect(await refusalHint(files('WhatsApp Chat with Ana/_chat.txt'))).toContain('a WhatsApp chat export');
    expect(await refusalHint(files('your_instagram_activity/threads/threads_and_replies.json'))).toContain('a Threads export');
  });

  it('says X message headers hold no text and the whole archive is needed', async () => {
    expect(await refusalHint(files('data/direct-message-headers.js'))).toContain('without their text. Choose the whole archive zip');
  });

  it('gives no hint when nothing about the files says what went wrong, so the list of formats is shown', async () => {
    expect(await refusalHint(files('notes/todo.txt'))).toBeUndefined();
    const message = await refusal('misc.zip', { 'notes/todo.txt': 'buy flour' });
    expect(message).toContain('It reads:');
  });
});
