/**
 * Reads the comments of the creator's tab for Draft all: asks the page (page.comments, checked
 * against its schema by sendPageCommand) and keeps only comments that say they are from the
 * tab's own site. The page is hostile: it cannot make Draft all write drafts for another site.
 */
import { browser } from 'wxt/browser';
import type { CommentContext } from '../../core/draft';
import { sendPageCommand } from '../../messaging/page-command-client';
import { sameOrigin } from '../../messaging/senders';

export async function readPageComments(tabId: number): Promise<{ pageUrl: string; comments: CommentContext[] }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) throw new Error('The page is gone: its tab was closed. Open it again and press Draft all.');
  const { comments } = await sendPageCommand(tabId, 'page.comments', {});
  const pageUrl = tab.url;
  return { pageUrl, comments: comments.filter((comment) => sameOrigin(comment.pageUrl, pageUrl)) };
}
