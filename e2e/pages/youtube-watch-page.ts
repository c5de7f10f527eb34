import { editorSessions } from '../harness/editor-sessions';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Session } from '../harness/launch';
import { clickUntilExpanded } from './draft-button';
import type { FixtureWindow, PostedReply } from '../sites/youtube/fixture-api';

export const WATCH_URL = 'https://www.youtube.com/watch?v=sourdough101';

export class YouTubeWatchPage {
  page!: Page;
  constructor(private readonly session: Session) {}

  async open(url = WATCH_URL): Promise<this> {
    this.page = await this.session.context.newPage();
    await this.page.goto(url);
    await this.draftButtons.first().waitFor();
    return this;
  }

  /** Arrives the way a creator does: YouTube's home page, no comments yet. */
  async openHome(): Promise<this> {
    this.page = await this.session.context.newPage();
    await this.page.goto('https://www.youtube.com/');
    await this.page.getByRole('link', { name: /My 72-Hour Sourdough Method/ }).waitFor();
    return this;
  }
  /** Clicks a link in the page: YouTube navigates in-app (pushState), no page load. */
  async clickLink(name: string | RegExp): Promise<void> {
    await this.page.getByRole('link', { name }).first().click();
  }
  /** The page the fixture app shows now. */
  async currentPage(): Promise<string> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).__fixture.page());
  }
  /** Editor sessions the background holds for open editors. */
  async editorSessionCount(): Promise<number> {
    return (await editorSessions(this.session)).length;
  }

  get comments(): Locator {
    // Top-level comments and replies, in both of YouTube's markups.
    return this.page.locator(
      'ytd-comment-thread-renderer ytd-comment-view-model, ytd-comment-thread-renderer ytd-comment-renderer',
    );
  }
  get draftButtons(): Locator {
    return this.page.getByRole('button', { name: 'Draft reply' });
  }
  /** The comment element whose text contains `text`. */
  comment(text: string): Locator {
    return this.comments.filter({ has: this.page.locator('#content-text', { hasText: text }) }).first();
  }
  /** The element in the page that holds a comment's editor frame (it follows the comment). */
  editorHostAfter(comment: Locator): Locator {
    return comment.locator('xpath=following-sibling::understudy-editor[1]');
  }
  /** The isolated editor opened for a comment: an extension page in a frame. */
  editorAfter(comment: Locator): FrameLocator {
    return this.editorHostAfter(comment).locator('iframe').contentFrame();
  }
  async openDraft(text: string): Promise<FrameLocator> {
    return this.openDraftOn(this.comment(text));
  }
  engineLabel(editor: FrameLocator): Locator {
    return editor.locator('.engine');
  }
  draftBox(editor: FrameLocator): Locator {
    return editor.getByRole('textbox', { name: 'Draft' });
  }

  /** The first comment written by `author` (top-level or reply). */
  commentBy(author: string): Locator {
    return this.comments.filter({ has: this.page.locator('#author-text', { hasText: author }) }).first();
  }
  /** Opens the draft editor on a given comment element and waits for its textbox. */
  async openDraftOn(comment: Locator): Promise<FrameLocator> {
    await clickUntilExpanded(comment.getByRole('button', { name: 'Draft reply' }).first());
    const editor = this.editorAfter(comment);
    await editor.getByRole('textbox', { name: 'Draft' }).waitFor();
    return editor;
  }
  /** The message Understudy shows in the page corner (e.g. after a comment vanished). */
  get toast(): Locator {
    return this.page.locator('understudy-toast').getByRole('alert');
  }
  /** The fixture's id for a comment element (what __fixture.removeThread takes). */
  async fixtureId(comment: Locator): Promise<string> {
    const id = await comment.getAttribute('data-fixture-id');
    if (!id) throw new Error('comment has no data-fixture-id');
    return id;
  }
  async removeThread(commentId: string): Promise<boolean> {
    return this.page.evaluate((id) => (window as unknown as FixtureWindow).__fixture.removeThread(id), commentId);
  }
  async postedReplies(): Promise<PostedReply[]> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).__fixture.postedReplies());
  }
  /**
   * Elements of the given tags inside any understudy-* host's shadow root (open roots are
   * visible from the page's own world too), and how many hosts were searched.
   */
  async elementsInOurShadowRoots(selector: string): Promise<{ hosts: number; matches: string[] }> {
    return this.page.evaluate((sel) => {
      const hosts = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('understudy-'));
      const matches = hosts.flatMap((host) =>
        [...(host.shadowRoot?.querySelectorAll(sel) ?? [])].map((el) => `${host.localName}: ${el.outerHTML}`),
      );
      return { hosts: hosts.length, matches };
    }, selector);
  }
}
