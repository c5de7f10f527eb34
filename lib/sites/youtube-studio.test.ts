import { commentContextSchema } from '../core/draft';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANNEL,
  HOSTILE,
  STUDIO_VIDEOS,
  installStudioBehaviour,
  mountStudioCommentsPage,
  studioComposerState,
  studioThreads,
  type StudioList,
  type StudioPost,
} from '../../e2e/sites/youtube/studio/studio-dom.js';
import { insertText } from './insert';
import { scanComments } from './observe';
import { adapterFor, adapterForOrigin } from './registry';
import { youtube } from './youtube';
import { youtubeStudio } from './youtube-studio';

const INBOX = `https://studio.youtube.com/channel/${CHANNEL.id}/comments/inbox`;

/** The Studio comment element whose text contains `fragment` (the last one: the innermost). */
function commentWith(fragment: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('ytcp-comment')].filter((el) =>
    el.querySelector('#content-text')?.textContent?.includes(fragment),
  );
  const el = found[found.length - 1];
  if (!el) throw new Error(`no Studio comment shows "${fragment}"`);
  return el;
}

const read = (el: HTMLElement, url = INBOX) => youtubeStudio.readComment(el, url);

describe('Studio pages and their adapter', () => {
  it("is the adapter the registry picks anywhere on Studio's origin, for site youtube; www keeps the watch adapter", () => {
    expect(adapterForOrigin(`https://studio.youtube.com/channel/${CHANNEL.id}`)).toBe(youtubeStudio);
    expect(adapterFor(INBOX)).toBe(youtubeStudio);
    expect(adapterFor(`https://studio.youtube.com/channel/${CHANNEL.id}/videos`)).toBeUndefined();
    expect(adapterForOrigin('https://www.youtube.com/watch?v=k3BfqS0urD0')).toBe(youtube);
    expect(youtubeStudio.site).toBe('youtube');
    expect(youtubeStudio.pageKind(new URL('https://www.youtube.com/watch?v=k3BfqS0urD0'))).toBeNull();
    expect(youtube.pageKind(new URL(INBOX))).toBeNull();
  });

  it.each([
    [`https://studio.youtube.com/channel/${CHANNEL.id}/comments/inbox`, 'studio-comments'],
    [`https://studio.youtube.com/channel/${CHANNEL.id}/comments`, 'studio-comments'],
    [`https://studio.youtube.com/channel/${CHANNEL.id}/comments/inbox?filter=%5B%5D`, 'studio-comments'],
    ['https://studio.youtube.com/video/k3BfqS0urD0/comments', 'studio-video-comments'],
    ['https://studio.youtube.com/video/k3BfqS0urD0/comments/inbox', 'studio-video-comments'],
    [`https://studio.youtube.com/channel/${CHANNEL.id}`, null],
    [`https://studio.youtube.com/channel/${CHANNEL.id}/videos`, null],
    [`https://studio.youtube.com/channel/${CHANNEL.id}/comments/spam`, null],
    ['https://studio.youtube.com/video/k3BfqS0urD0/edit', null],
    ['https://studio.youtube.com/', null],
    [`http://studio.youtube.com/channel/${CHANNEL.id}/comments/inbox`, null],
    [`https://www.youtube.com/channel/${CHANNEL.id}/comments/inbox`, null],
    ['https://studio.youtube.com.evil.example/video/k3BfqS0urD0/comments', null],
  ])('%s → %s', (url, expected) => {
    expect(youtubeStudio.pageKind(new URL(url))).toBe(expected);
  });
});

describe('Studio adapter on the Studio comments inbox fixture', () => {
  let page: StudioList;
  beforeEach(() => {
    page = mountStudioCommentsPage(document, { threads: studioThreads() });
  });

  it('finds every Studio comment and reply, and skips the deleted one', () => {
    const elements = document.querySelectorAll<HTMLElement>(youtubeStudio.commentSelector);
    const visible = [...elements].filter((el) => !el.closest('[hidden]'));
    const deleted = visible.filter((el) => el.hasAttribute('data-fixture-deleted'));
    expect(deleted).toHaveLength(1);
    expect(youtubeStudio.commentKey(deleted[0]!)).toBeNull();
    const found = scanComments(youtubeStudio, document, INBOX).filter((f) => !f.element.closest('[hidden]'));
    expect(found.length).toBe(visible.length - 1);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
    expect(new Set(found.map((f) => f.comment.commentId)).size).toBe(found.length);
  });

  it('reads author, handle, text, page kind and the video a comment was left on', () => {
    const comment = read(commentWith('Is the rice flour on the banneton necessary?'));
    expect(comment).toMatchObject({
      site: 'youtube',
      author: '@maria.bakes',
      handle: 'maria.bakes',
      text: 'Is the rice flour on the banneton necessary?',
      threadTitle: STUDIO_VIDEOS[0]!.title,
      pageKind: 'studio-comments',
      pageUrl: INBOX,
    });
    expect(comment?.commentId).toMatch(/^h-[0-9a-f]+$/);
    expect(comment?.permalink).toBeUndefined();
    expect(comment?.parentText).toBeUndefined();
  });

  it("names the video from the drawer on a video's own comments page", () => {
    mountStudioCommentsPage(document, { threads: studioThreads({ videoId: 'Q7pLm2cRt9w' }), showVideo: false, entityName: STUDIO_VIDEOS[1]!.title });
    const comment = read(commentWith('Does this method work with rye?'), 'https://studio.youtube.com/video/Q7pLm2cRt9w/comments');
    expect(comment?.threadTitle).toBe(STUDIO_VIDEOS[1]!.title);
    expect(comment?.pageKind).toBe('studio-video-comments');
  });

  it('gives a reply the text, author and id of the comment it answers', () => {
    const parent = read(commentWith('Can I do the 72 hours'));
    const reply = read(commentWith('I did 80% whole wheat'));
    expect(reply?.author).toBe('@grainnerd');
    expect(reply?.parentText).toBe('Can I do the 72 hours with a 100% whole wheat dough or will it overproof?');
    expect(reply?.parentAuthor).toBe('@liambakesbread');
    expect(reply?.parentId).toBe(parent?.commentId);
    expect(reply?.commentId).not.toBe(parent?.commentId);
  });

  it('keeps a comment id when the row is drawn again with new nodes, and when its author edits it', () => {
    const before = read(commentWith('How do you store the loaf'))!.commentId;
    page = mountStudioCommentsPage(document, { threads: page.items });
    expect(read(commentWith('How do you store the loaf'))?.commentId).toBe(before);
    expect(page.edit('How do you store the loaf', 'How do you store the loaf after cutting? In paper or plastic?')).toBe(true);
    const edited = read(commentWith('In paper or plastic?'));
    expect(edited?.text).toBe('How do you store the loaf after cutting? In paper or plastic?');
    expect(commentWith('In paper or plastic?').querySelector('#published-time-text')?.textContent).toContain('(edited)');
    expect(edited?.commentId).toBe(before);
  });

  it('gives a recycled row the comment it shows now, under a new key', () => {
    const row = document.querySelector<HTMLElement>('ytcp-comment-thread ytcp-comment')!;
    const before = { key: youtubeStudio.commentKey(row), id: read(row)?.commentId };
    page.scrollBy(20);
    expect(document.querySelector('ytcp-comment-thread ytcp-comment')).toBe(row);
    expect(youtubeStudio.commentKey(row)).not.toBe(before.key);
    expect(read(row)?.commentId).not.toBe(before.id);
    expect(read(row)?.text).toBe(row.querySelector('#content-text')?.textContent);
  });

  it('returns hostile names and comments as exact text and never turns them into markup', () => {
    expect(read(commentWith('my loaf came out perfect'))?.author).toBe(HOSTILE.imgAuthor);
    expect(read(commentWith('my loaf came out perfect'))?.text).toBe(HOSTILE.imgText);
    expect(read(commentWith('still flat'))?.text).toBe(HOSTILE.scriptText);
    expect(read(commentWith('printable recipe'))?.text).toContain('\u202E');
    expect(read(commentWith('Okay so I have been baking'))?.text.length).toBe(20_000);
    expect(document.querySelectorAll('img, script').length).toBe(0);
  });

  it('puts the Draft reply button in the action row beside Reply, inside the comment', () => {
    for (const el of [commentWith('Does this method work with rye?'), commentWith('I did 80% whole wheat')]) {
      const host = youtubeStudio.buttonHost(el)!;
      expect(el.contains(host)).toBe(true);
      expect(host.querySelector('ytcp-comment-button#reply-button')).not.toBeNull();
    }
  });
});

describe('Studio adapter with a Studio reply box', () => {
  let uninstall: () => void;
  let posts: StudioPost[];
  beforeEach(() => {
    posts = [];
    mountStudioCommentsPage(document, { threads: studioThreads() });
    uninstall = installStudioBehaviour(document, { onPost: (p) => posts.push(p) });
  });
  afterEach(() => {
    uninstall();
    vi.useRealTimers();
  });

  it("opens the comment's own reply box: a textarea, with its Reply button after it, disabled", async () => {
    const el = commentWith('Is the rice flour on the banneton necessary?');
    const composer = await youtubeStudio.openComposer(el);
    expect(composer?.kind).toBe('textarea');
    expect(composer?.editor.localName).toBe('textarea');
    expect(composer?.editor.closest('ytcp-commentbox[is-reply] tp-yt-iron-autogrow-textarea')).not.toBeNull();
    expect(el.contains(composer!.editor)).toBe(true);
    expect(composer?.prefix).toBeUndefined();
    const submit = youtubeStudio.submitButtonFor(composer!) as HTMLButtonElement;
    expect(submit.textContent).toBe('Reply');
    expect(submit.disabled).toBe(true);
    expect((await youtubeStudio.openComposer(el))?.editor).toBe(composer?.editor);
  });

  it('keeps the @handle Studio puts in a reply to a reply', async () => {
    const composer = await youtubeStudio.openComposer(commentWith('I did 80% whole wheat'));
    expect(composer?.prefix).toBe('@grainnerd ');
  });

  it('finds the older #submit-button when Studio renders one', async () => {
    const composer = (await youtubeStudio.openComposer(commentWith('Does this method work with rye?')))!;
    const legacy = document.createElement('ytcp-comment-button');
    legacy.id = 'submit-button';
    const button = legacy.appendChild(document.createElement('button'));
    composer.editor.closest('ytcp-commentbox')!.querySelector('#buttons')!.append(legacy);
    expect(youtubeStudio.submitButtonFor(composer)).toBe(button);
  });

  it('leaves Reply disabled when a script only assigns the value', async () => {
    const composer = (await youtubeStudio.openComposer(commentWith('Does this method work with rye?')))!;
    (composer.editor as HTMLTextAreaElement).value = 'Yes, with 20% rye.';
    composer.editor.dispatchEvent(new Event('input', { bubbles: true }));
    expect(studioComposerState(document)).toBe('');
    expect((youtubeStudio.submitButtonFor(composer) as HTMLButtonElement).disabled).toBe(true);
  });

  it("fills Studio's box through the native setter so Reply is enabled, and posts only when the creator presses it", async () => {
    const el = commentWith('Is the rice flour on the banneton necessary?');
    const composer = (await youtubeStudio.openComposer(el))!;
    const submit = youtubeStudio.submitButtonFor(composer)!;
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    const outcome = await insertText(composer.editor, 'Not strictly, but it stops sticking.', submit, { kind: composer.kind, prefix: composer.prefix });
    expect(outcome).toEqual({ ok: true, method: 'native-setter' });
    expect(studioComposerState(document)).toBe('Not strictly, but it stops sticking.');
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    expect(clicks).not.toHaveBeenCalled();
    expect(posts).toHaveLength(0);
    submit.click();
    expect(posts.map((p) => p.text)).toEqual(['Not strictly, but it stops sticking.']);
  });

  it('finds the reply the creator posted in the thread', () => {
    const el = commentWith('My first loaf with real ear!!');
    expect(youtubeStudio.findPostedReply(el, 'That ear!!  So proud of you.')).toBe(commentWith('So proud of you'));
    expect(youtubeStudio.findPostedReply(el, 'Something never posted')).toBeNull();
  });

  it('gives up after about two seconds when the reply box never appears', async () => {
    vi.useFakeTimers();
    uninstall();
    const pending = youtubeStudio.openComposer(commentWith('Does this method work with rye?'));
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toBeNull();
  });
});
