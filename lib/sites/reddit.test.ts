import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentContextSchema } from '../core/draft';
import { SITE_REPLY_LIMITS } from '../core/limits';
import { CREATOR, HOSTILE, POST, SUBREDDIT, flatten, postComments, postPath, type RedditComment } from '../../e2e/sites/reddit/data.js';
import * as shreddit from '../../e2e/sites/reddit/shreddit.js';
import * as old from '../../e2e/sites/reddit/old-reddit.js';
import { insertText } from './insert';
import { scanComments } from './observe';
import { reddit } from './reddit';

const NEW_URL = `https://www.reddit.com${postPath()}`;
const OLD_URL = `https://old.reddit.com${postPath()}`;
const COMMENTS = postComments();
const ALL = flatten(COMMENTS);

function byText(fragment: string): RedditComment {
  const found = ALL.find((c) => c.text.includes(fragment));
  if (!found) throw new Error(`no comment with "${fragment}"`);
  return found;
}

function el(comment: RedditComment): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-fixture-id="${comment.id}"]`);
  if (!found) throw new Error(`comment ${comment.id} is not on the page`);
  return found;
}

const deleted = ALL.find((c) => c.deleted)!;
const liam = byText('72 hours with a 100% whole wheat');
const grain = byText('Whole wheat ferments a lot faster');
const liamAgain = byText('thanks, will try that this weekend');
const maria = byText('rice flour on the banneton');

describe('reddit.pageKind', () => {
  it.each([
    ['https://www.reddit.com/r/Sourdough/comments/1k2x9q7/my_72hour_method/', 'post'],
    ['https://www.reddit.com/r/Sourdough/comments/1k2x9q7/', 'post'],
    ['https://www.reddit.com/r/Sourdough/comments/1k2x9q7/comment/mqabc/', 'post'],
    ['https://www.reddit.com/r/Sourdough/comments/1k2x9q7/my_72hour_method/mqabc/?context=3', 'post'],
    ['https://www.reddit.com/user/crumbandcrust/comments/1k2x9q7/my_72hour_method/', 'post'],
    ['https://old.reddit.com/r/Sourdough/comments/1k2x9q7/my_72hour_method/', 'old-post'],
    ['https://old.reddit.com/r/Sourdough/comments/1k2x9q7/my_72hour_method/mqabc/', 'old-post'],
    ['https://www.reddit.com/', null],
    ['https://www.reddit.com/r/Sourdough/', null],
    ['https://www.reddit.com/r/Sourdough/new/', null],
    ['https://www.reddit.com/user/crumbandcrust/', null],
    ['https://www.reddit.com/search/?q=sourdough', null],
    ['https://old.reddit.com/r/Sourdough/', null],
    ['https://reddit.com/r/Sourdough/comments/1k2x9q7/slug/', null],
    ['http://www.reddit.com/r/Sourdough/comments/1k2x9q7/slug/', null],
    ['https://np.reddit.com/r/Sourdough/comments/1k2x9q7/slug/', null],
    ['https://www.reddit.com.evil.example/r/Sourdough/comments/1k2x9q7/slug/', null],
  ])('%s → %s', (url, expected) => {
    expect(reddit.pageKind(new URL(url))).toBe(expected);
  });
});

describe('reddit adapter on the new Reddit post page', () => {
  beforeEach(() => {
    document.title = `${POST.title} : r/${SUBREDDIT}`;
    shreddit.mountPostPage(document, COMMENTS);
  });

  it('finds every comment and every nested reply, and gives the deleted one no key', () => {
    const elements = [...document.querySelectorAll<HTMLElement>(reddit.commentSelector)];
    expect(elements).toHaveLength(ALL.length);
    const keyless = elements.filter((e) => reddit.commentKey(e) === null);
    expect(keyless).toEqual([el(deleted)]);
    const found = scanComments(reddit, document, NEW_URL);
    expect(found).toHaveLength(ALL.length - 1);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it("reads a comment's author, text, id, time, permalink and the post's title from the page", () => {
    expect(reddit.readComment(el(maria), NEW_URL)).toEqual({
      site: 'reddit',
      commentId: `t1_${maria.id}`,
      author: 'maria.bakes',
      handle: 'maria.bakes',
      text: 'Is the rice flour on the banneton necessary?',
      postedAt: new Date(maria.ms).toISOString(),
      permalink: `https://www.reddit.com/r/Sourdough/comments/${POST.id}/comment/${maria.id}/`,
      threadTitle: POST.title,
      pageKind: 'post',
      replyLimit: SITE_REPLY_LIMITS.reddit,
      pageUrl: NEW_URL,
    });
  });

  it("reads a comment's own text only, never the replies nested inside it", () => {
    expect(el(liam).textContent).toContain('thanks, will try that this weekend');
    expect(reddit.readComment(el(liam), NEW_URL)?.text).toBe(liam.text);
    expect(reddit.commentKey(el(liam))).not.toContain('thanks');
    expect(reddit.readComment(el(liam), NEW_URL)?.parentText).toBeUndefined();
  });

  it('gives a reply two levels deep the text, author and id of the comment it answers', () => {
    const reply = reddit.readComment(el(liamAgain), NEW_URL);
    expect(reply?.text).toBe('thanks, will try that this weekend');
    expect(reply?.parentId).toBe(`t1_${grain.id}`);
    expect(reply?.parentAuthor).toBe('grainnerd');
    expect(reply?.parentText).toBe(grain.text);
  });

  it('keeps the id of a comment across a re-render with new nodes and across an edit', () => {
    const before = scanComments(reddit, document, NEW_URL).map((f) => f.comment.commentId);
    expect(new Set(before).size).toBe(before.length);
    const oldNode = el(maria);
    shreddit.mountPostPage(document, postComments());
    expect(el(maria)).not.toBe(oldNode);
    expect(scanComments(reddit, document, NEW_URL).map((f) => f.comment.commentId)).toEqual(before);

    const key = reddit.commentKey(el(maria));
    expect(shreddit.editComment(document, 'rice flour on the banneton', 'Edit: is rice flour needed for a cane banneton?')).toBe(true);
    const edited = reddit.readComment(el(maria), NEW_URL);
    expect(edited?.text).toBe('Edit: is rice flour needed for a cane banneton?');
    expect(edited?.commentId).toBe(`t1_${maria.id}`);
    expect(reddit.commentKey(el(maria))).not.toBe(key);
  });

  it('returns hostile names and comments as exact text and never turns them into markup', () => {
    const texts = scanComments(reddit, document, NEW_URL).map((f) => f.comment);
    expect(texts.find((c) => c.text === HOSTILE.imgText)?.author).toBe(HOSTILE.imgAuthor);
    expect(texts.some((c) => c.text === HOSTILE.scriptText)).toBe(true);
    expect(texts.find((c) => c.text.includes('\u202E'))?.text).toBe(HOSTILE.rtlText);
    expect(texts.some((c) => c.text === HOSTILE.zeroWidthText)).toBe(true);
    expect(texts.some((c) => c.text === HOSTILE.emojiOnly)).toBe(true);
    expect(texts.find((c) => c.text.length > 19_990)?.text).toBe(HOSTILE.hugeText);
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('skips a deleted comment but still reads the reply under it, naming the deleted parent by id', () => {
    expect(reddit.readComment(el(deleted), NEW_URL)).toBeNull();
    const orphan = reddit.readComment(el(deleted.replies[0]!), NEW_URL);
    expect(orphan?.text).toContain('What did they say?');
    expect(orphan?.parentId).toBe(`t1_${deleted.id}`);
    expect(orphan?.parentText).toBeUndefined();
    expect(orphan?.parentAuthor).toBeUndefined();
  });

  it('drops a permalink that points off Reddit, and falls back to the time element for the time', () => {
    const node = el(maria);
    node.setAttribute('permalink', 'https://evil.example/r/x/');
    node.removeAttribute('created');
    const comment = reddit.readComment(node, NEW_URL);
    expect(comment?.permalink).toBeUndefined();
    expect(comment?.postedAt).toBe(new Date(maria.ms).toISOString());
  });

  it("says it can't read the page when Reddit renames the comment's id attribute, but not for a post with no comments", () => {
    // The health check reports a page whose comments-section marks show while no comment reads.
    const unreadable = () => document.querySelector(reddit.commentsMark) !== null && scanComments(reddit, document, NEW_URL).length === 0;
    expect(unreadable()).toBe(false);
    for (const node of document.querySelectorAll('shreddit-comment')) node.removeAttribute('thingid');
    expect(unreadable()).toBe(true);
    shreddit.mountPostPage(document, []);
    expect(document.querySelector('comment-body-header')).not.toBeNull();
    expect(unreadable()).toBe(false);
  });

  it("puts the Draft reply button in the comment's own action row, drawn outside the row's shadow root", () => {
    const host = reddit.buttonHost(el(liam))!;
    expect(host.getAttribute('slot')).toBe('actionRow');
    expect(host.parentElement).toBe(el(liam));
    expect(host.shadowRoot).toBeNull();
    expect(host.querySelector('shreddit-comment-action-row')?.shadowRoot).not.toBeNull();
    expect(el(grain).contains(host)).toBe(false);
  });

  it('reads nothing from shadow roots: the collapsed box and the vote buttons are out of reach', () => {
    expect(document.querySelector('faceplate-textarea-input')?.shadowRoot?.querySelector('textarea')).not.toBeNull();
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.querySelector('button[upvote]')).toBeNull();
    expect(reddit.readComment(el(maria), NEW_URL)?.text).not.toMatch(/Upvote|Reply|Share/);
  });
});

describe('reddit reply box on new Reddit', () => {
  let uninstall: () => void;
  beforeEach(() => {
    shreddit.mountPostPage(document, COMMENTS);
    uninstall = shreddit.installBehaviour(document);
  });
  afterEach(() => {
    uninstall();
    vi.useRealTimers();
  });

  it("opens this comment's Lexical reply box with its Reply button still disabled", async () => {
    const composer = await reddit.openComposer(el(maria));
    expect(composer?.kind).toBe('lexical');
    expect(composer?.editor.getAttribute('name')).toBe('body');
    expect(composer?.editor.getAttribute('data-lexical-editor')).toBe('true');
    expect(composer?.prefix).toBeUndefined();
    expect(reddit.buttonHost(el(maria))?.contains(composer!.editor)).toBe(true);
    const submit = reddit.submitButtonFor(composer!) as HTMLButtonElement;
    expect(submit.getAttribute('slot')).toBe('submit-button');
    expect(submit.disabled).toBe(true);
  });

  it('reuses the box already open, and a reply gets its own box, not its parent comment’s', async () => {
    const first = await reddit.openComposer(el(liam));
    expect((await reddit.openComposer(el(liam)))?.editor).toBe(first?.editor);
    const reply = await reddit.openComposer(el(grain));
    expect(reply?.editor).not.toBe(first?.editor);
    expect(el(grain).contains(reply!.editor)).toBe(true);
    expect(el(liam).querySelectorAll('shreddit-composer')).toHaveLength(2);
  });

  it('keeps reading the comment the same while its reply box is open', async () => {
    const before = reddit.readComment(el(maria), NEW_URL);
    await reddit.openComposer(el(maria));
    expect(reddit.readComment(el(maria), NEW_URL)).toEqual(before);
    expect(reddit.commentKey(el(maria))).toBe(before?.text);
  });

  it('leaves Reply disabled when a script only writes the text into the editor', async () => {
    const composer = (await reddit.openComposer(el(maria)))!;
    composer.editor.textContent = 'Thanks Maria!';
    await Promise.resolve();
    expect(shreddit.composerState()).toBe('');
    expect((reddit.submitButtonFor(composer) as HTMLButtonElement).disabled).toBe(true);
  });

  it('fills the box through its own input path so Reply is enabled, keeps paragraphs, and posts nothing', async () => {
    const composer = (await reddit.openComposer(el(maria)))!;
    const submit = reddit.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const draft = 'Not strictly, but it stops sticking.\nWhite rice flour works best.';
    const outcome = await insertText(composer.editor, draft, submit, { kind: composer.kind, prefix: composer.prefix });
    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(shreddit.composerState()).toBe(draft);
    expect(composer.editor.querySelectorAll('p')).toHaveLength(2);
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    expect(clicks).not.toHaveBeenCalled();
    expect(shreddit.posted).toHaveLength(0);
  });

  it('finds the reply once the creator posts it with the site’s own button', async () => {
    const composer = (await reddit.openComposer(el(maria)))!;
    const submit = reddit.submitButtonFor(composer)!;
    await insertText(composer.editor, 'Not strictly, but it helps.', submit, { kind: composer.kind });
    expect(reddit.findPostedReply(el(maria), 'Not strictly, but it helps.')).toBeNull();
    submit.click(); // the creator presses Reply
    const posted = reddit.findPostedReply(el(maria), 'Not strictly,  but it helps.');
    expect(posted?.getAttribute('author')).toBe(CREATOR);
    expect(reddit.readComment(posted!, NEW_URL)?.parentText).toBe(maria.text);
    shreddit.posted.length = 0;
  });

  it('returns null when the comment has no Reply button, and after about two seconds when no box appears', async () => {
    const node = el(maria);
    node.querySelector('button[slot="comment-reply"]')?.remove();
    await expect(reddit.openComposer(node)).resolves.toBeNull();

    vi.useFakeTimers();
    uninstall(); // Reply clicks now do nothing, like a page that changed its markup.
    const pending = reddit.openComposer(el(liam));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });
});

describe('reddit adapter on the old Reddit post page', () => {
  let uninstall: () => void;
  beforeEach(() => {
    document.title = `${POST.title} : ${SUBREDDIT}`;
    old.mountPostPage(document, COMMENTS);
    uninstall = old.installBehaviour(document);
  });
  afterEach(() => uninstall());

  it('finds every comment and reply, and gives the deleted one no key and no reading', () => {
    const elements = [...document.querySelectorAll<HTMLElement>(reddit.commentSelector)];
    expect(elements).toHaveLength(ALL.length);
    expect(elements.filter((e) => reddit.commentKey(e) === null)).toEqual([el(deleted)]);
    expect(el(deleted).textContent).toContain('[deleted]');
    expect(reddit.readComment(el(deleted), OLD_URL)).toBeNull();
    expect(scanComments(reddit, document, OLD_URL)).toHaveLength(ALL.length - 1);
  });

  it("reads a comment's author, text, id, time, permalink and the post's title", () => {
    expect(reddit.readComment(el(maria), OLD_URL)).toEqual({
      site: 'reddit',
      commentId: `t1_${maria.id}`,
      author: 'maria.bakes',
      handle: 'maria.bakes',
      text: 'Is the rice flour on the banneton necessary?',
      postedAt: new Date(maria.ms).toISOString(),
      permalink: `https://old.reddit.com${postPath()}${maria.id}/`,
      threadTitle: POST.title,
      pageKind: 'old-post',
      replyLimit: SITE_REPLY_LIMITS.reddit,
      pageUrl: OLD_URL,
    });
  });

  it('gives a nested reply its parent, and reads a parent without its replies', () => {
    const reply = reddit.readComment(el(liamAgain), OLD_URL);
    expect(reply?.parentId).toBe(`t1_${grain.id}`);
    expect(reply?.parentAuthor).toBe('grainnerd');
    expect(reply?.parentText).toBe(grain.text);
    expect(reddit.readComment(el(liam), OLD_URL)?.text).toBe(liam.text);
  });

  it('keeps ids across a re-render and an edit, and reads hostile text as text', () => {
    const before = scanComments(reddit, document, OLD_URL).map((f) => f.comment.commentId);
    old.mountPostPage(document, postComments());
    expect(scanComments(reddit, document, OLD_URL).map((f) => f.comment.commentId)).toEqual(before);
    old.editComment(document, 'rice flour on the banneton', 'edited: rice flour?');
    expect(reddit.readComment(el(maria), OLD_URL)?.commentId).toBe(`t1_${maria.id}`);
    const texts = scanComments(reddit, document, OLD_URL).map((f) => f.comment);
    expect(texts.find((c) => c.text === HOSTILE.imgText)?.author).toBe(HOSTILE.imgAuthor);
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('reads the old layout on www.reddit.com too, for accounts that kept it, with permalinks on www', () => {
    const comment = reddit.readComment(el(maria), NEW_URL);
    expect(comment?.text).toBe(maria.text);
    expect(comment?.pageKind).toBe('post');
    expect(comment?.permalink).toBe(`https://www.reddit.com${postPath()}${maria.id}/`);
  });

  it("says it can't read an old Reddit page whose comment things lost their fullname, not one with no comments", () => {
    const unreadable = () => document.querySelector(reddit.commentsMark) !== null && scanComments(reddit, document, OLD_URL).length === 0;
    expect(unreadable()).toBe(false);
    for (const node of document.querySelectorAll('.thing.comment')) node.removeAttribute('data-fullname');
    expect(unreadable()).toBe(true);
    old.mountPostPage(document, []);
    expect(document.querySelector('.commentarea')).not.toBeNull();
    expect(unreadable()).toBe(false);
  });

  it("puts the Draft reply button in the comment's own link list, not a reply's", () => {
    const host = reddit.buttonHost(el(liam))!;
    expect(host.matches('ul.flat-list.buttons')).toBe(true);
    expect(host.querySelector('.reply-button a')).not.toBeNull();
    expect(el(grain).contains(host)).toBe(false);
  });

  it("opens the comment's reply form, fills its plain textarea so save would post it, and posts nothing", async () => {
    const composer = (await reddit.openComposer(el(maria)))!;
    expect(composer.kind).toBe('textarea');
    expect(composer.editor.matches('textarea[name="text"]')).toBe(true);
    const submit = reddit.submitButtonFor(composer)!;
    expect(submit.matches('.usertext-buttons button.save')).toBe(true);
    const outcome = await insertText(composer.editor, 'Not strictly.\nIt helps though.', submit, { kind: composer.kind });
    expect(outcome).toEqual({ ok: true, method: 'native-setter' });
    expect(old.composerState(document)).toBe('Not strictly.\nIt helps though.');
    expect(old.posted).toHaveLength(0);
    expect((await reddit.openComposer(el(maria)))?.editor).toBe(composer.editor);
  });

  it('shows a cancelled reply form again instead of opening a second one, and finds the saved reply', async () => {
    const composer = (await reddit.openComposer(el(liam)))!;
    (composer.editor.closest('form')!.querySelector('button.cancel') as HTMLButtonElement).click();
    const again = await reddit.openComposer(el(liam));
    expect(again?.editor).toBe(composer.editor);
    expect(again?.editor.closest('[hidden]')).toBeNull();
    await insertText(again!.editor, 'Give it a go with 48 hours.', reddit.submitButtonFor(again!), { kind: 'textarea' });
    (reddit.submitButtonFor(again!) as HTMLButtonElement).click(); // the creator presses save
    const posted = reddit.findPostedReply(el(liam), 'Give it a go with 48 hours.');
    expect(posted?.getAttribute('data-author')).toBe(CREATOR);
    old.posted.length = 0;
  });
});
