import type { Locator, Page } from 'playwright-core';
import type { Session } from '../harness/launch';

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
  /** The inline editor opened for a comment (it follows the comment element). */
  editorAfter(comment: Locator): Locator {
    return comment.locator('xpath=following-sibling::understudy-editor[1]');
  }
  async openDraft(text: string): Promise<Locator> {
    const comment = this.comment(text);
    await comment.getByRole('button', { name: 'Draft reply' }).click();
    const editor = this.editorAfter(comment);
    await editor.getByRole('textbox', { name: 'Draft' }).waitFor();
    return editor;
  }
  engineLabel(editor: Locator): Locator {
    return editor.locator('.engine');
  }
  draftBox(editor: Locator): Locator {
    return editor.getByRole('textbox', { name: 'Draft' });
  }
}
