import { commentContextSchema } from '../core/draft';
import { SITE_REPLY_LIMITS } from '../core/limits';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CREATOR,
  HOSTILE,
  POSTS,
  buildComments,
  commentAt,
  installCommentBehaviour,
  mountPostPage,
  namedCount,
  openBoxState,
  posted,
  textElementOf,
  v1CommentUrn,
  v2CommentUrn,
  type Version,
} from '../../e2e/sites/linkedin/fixture-dom.js';
import { setTextThroughEditorApi } from './editor-api';
import { EDITOR_API_EVENT, insertText } from './insert';
import { linkedin, markupVersion, permalinkFor, urnFromScope } from './linkedin';
import { scanComments } from './observe';

const POST = POSTS[0]!;
const POST_URL = `https://www.linkedin.com/feed/update/urn:li:activity:${POST.activity}/`;
const SELECTOR = { v1: 'article[data-id^="urn:li:comment:"]', v2: '[data-view-name="comment-container"]' } as const;

function commentEl(version: Version, fragment: string): HTMLElement {
  const all = [...document.querySelectorAll<HTMLElement>(SELECTOR[version])].filter((el) =>
    textElementOf(el)?.textContent?.includes(fragment),
  );
  const el = all[all.length - 1];
  if (!el) throw new Error(`no comment "${fragment}"`);
  return el;
}

const read = (el: HTMLElement) => linkedin.readComment(el, POST_URL);
const urnOf = (version: Version, c: { id: string }) => (version === 'v1' ? v1CommentUrn(POST, c) : v2CommentUrn(POST, c));

describe('linkedin.pageKind', () => {
  it.each([
    ['https://www.linkedin.com/feed/update/urn:li:activity:7301000000000000001/', 'post'],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7301000000000000001', 'post'],
    ['https://www.linkedin.com/feed/update/urn:li:ugcPost:7301000000000000001/?commentUrn=x', 'post'],
    ['https://www.linkedin.com/posts/crumbandcrust_sourdough-activity-7301000000000000001-Xk2p/', 'post'],
    ['https://www.linkedin.com/feed/', 'feed'],
    ['https://www.linkedin.com/feed/?highlightedUpdateUrns=urn%3Ali%3Aactivity%3A1', 'feed'],
    ['https://www.linkedin.com/', null],
    ['https://www.linkedin.com/in/crumbandcrust/', null],
    ['https://www.linkedin.com/messaging/thread/2-abc/', null],
    ['https://www.linkedin.com/feed/hashtag/sourdough/', null],
    ['https://www.linkedin.com/feed/update/not-a-urn/', null],
    ['http://www.linkedin.com/feed/', null],
    ['https://linkedin.com/feed/', null],
    ['https://www.linkedin.com.evil.example/feed/', null],
  ])('%s → %s', (url, expected) => {
    expect(linkedin.pageKind(new URL(url))).toBe(expected);
  });
});

describe('LinkedIn tracking scope and permalinks', () => {
  it('finds the comment URN in a v2 tracking scope, and nothing in junk', () => {
    const urn = 'urn:li:comment:(urn:li:activity:7301,7302)';
    const bytes = Array.from(JSON.stringify({ commentUrn: urn }), (c) => c.charCodeAt(0));
    expect(urnFromScope(JSON.stringify([{ topicName: 'CommentServedEvent', breadcrumb: { content: { data: bytes } } }]))).toBe(urn);
    expect(urnFromScope('not json')).toBeUndefined();
    expect(urnFromScope('{"a":1}')).toBeUndefined();
  });

  it("links a comment to LinkedIn's own comment URL on the post, in both URN forms", () => {
    const expected =
      'https://www.linkedin.com/feed/update/urn:li:activity:7301/?dashCommentUrn=urn%3Ali%3Afsd_comment%3A%287302%2Curn%3Ali%3Aactivity%3A7301%29';
    expect(permalinkFor('urn:li:comment:(activity:7301,7302)')).toBe(expected);
    expect(permalinkFor('urn:li:comment:(urn:li:activity:7301,7302)')).toBe(expected);
    expect(permalinkFor('urn:li:comment:(javascript:alert,1)')).toBeUndefined();
  });
});

describe.each(['v1', 'v2'] as const)('linkedin adapter on the %s fixture post page', (version) => {
  let uninstall: () => void = () => {};
  beforeEach(() => {
    mountPostPage(document, { version });
    uninstall = installCommentBehaviour(document, version);
  });
  afterEach(() => {
    uninstall();
    posted.length = 0;
  });

  it('tells the markup from the page, and each comment is matched by the adapter', () => {
    expect(markupVersion(document)).toBe(version);
    const all = document.querySelectorAll<HTMLElement>(linkedin.commentSelector);
    expect(all.length).toBe(document.querySelectorAll(SELECTOR[version]).length);
    expect(all.length).toBeGreaterThan(namedCount());
  });

  it('finds every comment and reply with text, and skips the deleted one', () => {
    const all = [...document.querySelectorAll<HTMLElement>(linkedin.commentSelector)];
    const deleted = all.filter((el) => el.hasAttribute('data-fixture-deleted'));
    expect(deleted).toHaveLength(1);
    expect(read(deleted[0]!)).toBeNull();
    expect(linkedin.commentKey(deleted[0]!)).toBeNull();
    const found = scanComments(linkedin, document, POST_URL);
    expect(found).toHaveLength(all.length - 1);
    for (const { comment } of found) expect(commentContextSchema.safeParse(comment).success).toBe(true);
  });

  it('reads author, handle, text, id, permalink, post caption and the reply limit of a comment', () => {
    const c = commentAt(POST, 1);
    const comment = read(commentEl(version, 'rice flour on the banneton'));
    expect(comment).toMatchObject({
      site: 'linkedin',
      commentId: urnOf(version, c),
      author: 'Maria',
      handle: 'maria.bakes',
      text: 'Is the rice flour on the banneton necessary?',
      pageKind: 'post',
      replyLimit: SITE_REPLY_LIMITS.linkedin,
      pageUrl: POST_URL,
    });
    expect(comment?.permalink).toBe(permalinkFor(urnOf(version, c)));
    expect(comment?.threadTitle).toBe(POST.text);
    expect(comment?.parentText).toBeUndefined();
    if (version === 'v1') expect(comment?.postedAt).toBe(c.time);
  });

  it('gives a reply its own id and the comment it answers', () => {
    const thread = commentAt(POST, 2);
    const reply = read(commentEl(version, 'Swap up to 30%'));
    expect(reply?.author).toBe(CREATOR.author);
    expect(reply?.commentId).toBe(urnOf(version, thread.replies[0]!));
    expect(reply?.parentText).toBe('Does this method work with rye?');
    expect(reply?.parentAuthor).toBe('Grain Nerd');
    expect(reply?.parentId).toBe(urnOf(version, thread));
  });

  it('keeps a comment id when the list is re-rendered with new nodes and when the comment is edited', () => {
    const before = read(commentEl(version, 'rice flour'));
    const list = commentEl(version, 'rice flour').parentElement!;
    list.replaceChildren(...buildComments(document, version, POST, 0, list.children.length));
    const fresh = commentEl(version, 'rice flour');
    expect(read(fresh)?.commentId).toBe(before?.commentId);
    const keyBefore = linkedin.commentKey(fresh);
    textElementOf(fresh)!.textContent = 'Is the rice flour necessary, or will semolina do?';
    expect(linkedin.commentKey(fresh)).not.toBe(keyBefore);
    expect(read(fresh)?.commentId).toBe(before?.commentId);
    expect(read(fresh)?.text).toBe('Is the rice flour necessary, or will semolina do?');
  });

  it('returns hostile names and comments as exact text and never turns them into markup', () => {
    const el = commentEl(version, 'Love this recipe');
    expect(read(el)?.author).toBe(HOSTILE.imgAuthor);
    expect(read(el)?.text).toBe(HOSTILE.imgText);
    expect(el.querySelector('img')).toBeNull();
    expect(read(commentEl(version, 'still flat'))?.text).toBe(HOSTILE.scriptText);
    expect(read(commentEl(version, 'printable recipe'))?.text).toBe(HOSTILE.rtlText);
    expect(read(commentEl(version, 'Okay so I have been baking'))?.text.length).toBe(HOSTILE.hugeText.length);
  });

  it("puts the button in the comment's own action row, not a reply's", () => {
    const top = commentEl(version, 'Does this method work with rye?');
    const host = linkedin.buttonHost(top)!;
    expect(top.contains(host)).toBe(true);
    expect(host.closest(SELECTOR[version])).toBe(top);
    expect(host.textContent).toContain('Reply');
  });

  it("opens the thread's reply box with the site's editor kind, and finds its submit button disabled", async () => {
    const el = commentEl(version, 'rice flour');
    const composer = await linkedin.openComposer(el);
    expect(composer?.kind).toBe(version === 'v1' ? 'quill' : 'prosemirror');
    expect(composer?.prefix).toBeUndefined();
    expect(el.contains(composer!.editor)).toBe(true);
    const submit = linkedin.submitButtonFor(composer!);
    expect(submit?.textContent).toBe('Reply');
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    // Opening again focuses the same box.
    expect((await linkedin.openComposer(el))?.editor).toBe(composer?.editor);
  });

  it("keeps the reply author's name LinkedIn prefills when replying to a reply", async () => {
    const reply = commentEl(version, 'Swap up to 30%');
    const composer = await linkedin.openComposer(reply);
    expect(composer?.prefix).toBe(`${CREATOR.author} `);
  });

  it('reads no posted reply until one with the text shows in the thread', () => {
    const top = commentEl(version, 'Does this method work with rye?');
    expect(linkedin.findPostedReply(top, 'Nothing like this')).toBeNull();
    expect(linkedin.findPostedReply(top, 'I tried 20% rye last week and the crumb was lovely.')).toBe(commentEl(version, 'I tried 20% rye'));
  });
});

describe('inserting a draft into the LinkedIn reply boxes', () => {
  let stop: () => void = () => {};
  afterEach(() => {
    stop();
    posted.length = 0;
  });

  it("fills v1's Quill box only through Quill's own API (the main-world script's path), enabling Reply without posting", async () => {
    mountPostPage(document, { version: 'v1' });
    stop = installCommentBehaviour(document, 'v1');
    const composer = (await linkedin.openComposer(commentEl('v1', 'rice flour')))!;
    const submit = linkedin.submitButtonFor(composer);

    // Without the main-world script, no strategy reaches Quill's model: Copy is the answer.
    const refused = await insertText(composer.editor, 'Not needed, semolina works too.', submit, { kind: composer.kind, settleMs: 30 });
    expect(refused.ok).toBe(false);
    expect(openBoxState()).toBe('');

    // What entrypoints/editor-api.content does in the page's main world.
    const mainWorld = (event: Event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail === 'string' && event.target instanceof HTMLElement) setTextThroughEditorApi(event.target, detail);
    };
    document.addEventListener(EDITOR_API_EVENT, mainWorld, { capture: true });
    try {
      const outcome = await insertText(composer.editor, 'Not needed, semolina works too.\nHappy baking!', submit, { kind: composer.kind });
      expect(outcome).toEqual({ ok: true, method: 'editor-api' });
      expect(openBoxState()).toBe('Not needed, semolina works too.\nHappy baking!');
      expect((submit as HTMLButtonElement).disabled).toBe(false);
      expect(posted).toHaveLength(0);
    } finally {
      document.removeEventListener(EDITOR_API_EVENT, mainWorld, { capture: true });
    }
  });

  it("fills v2's TipTap box by paste, after the mention LinkedIn put there", async () => {
    mountPostPage(document, { version: 'v2' });
    stop = installCommentBehaviour(document, 'v2');
    const composer = (await linkedin.openComposer(commentEl('v2', 'Swap up to 30%')))!;
    const submit = linkedin.submitButtonFor(composer);
    const outcome = await insertText(composer.editor, 'Thanks, rye loves a warm proof.', submit, { kind: composer.kind, prefix: composer.prefix });
    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(openBoxState()).toBe(`${CREATOR.author} Thanks, rye loves a warm proof.`);
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    expect(posted).toHaveLength(0);
  });
});
