/**
 * Comments are untrusted: markup, script tags, direction overrides and invisible characters in
 * comment text or author names must reach the creator as the literal characters and never run,
 * and a wall of text must not freeze the page.
 */
import type { Page } from 'playwright-core';
import { expect, importSampleProfile, test } from './fixtures';
import { HOSTILE, HUGE_TEXT } from './sites/youtube/fixture-data.js';

/** Hostile comments in the fixture, by their author (the markup trick may be in either). */
const HOSTILE_COMMENTS = [
  { author: HOSTILE.imgAuthor, text: 'Does this method work with rye? My starter is a rye starter.' },
  { author: '@the.crumb.shot', text: HOSTILE.imgText },
  { author: '@nightshift.baker', text: HOSTILE.scriptText },
  { author: '@printable.recipes.now', text: HOSTILE.rtlText },
  { author: '@zw.joiner', text: HOSTILE.zeroWidthText },
] as const;

/** Records every alert/confirm/prompt a page opens (the img author's payload is alert(1)). */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

test.describe('Hostile comments', () => {
  test.beforeEach(async ({ options }) => {
    await importSampleProfile(options);
  });

  test('markup, script tags, direction overrides and zero-width characters are shown as text and never run', async ({
    youtube,
    sidePanel,
  }) => {
    await youtube.open();
    const dialogs = recordDialogs(youtube.page);

    for (const { author, text } of HOSTILE_COMMENTS) {
      const comment = youtube.commentBy(author);
      const editor = await youtube.openDraftOn(comment);
      await expect(editor.getByRole('status')).toContainText('Draft ready');
      await expect(editor.getByRole('main')).toHaveAttribute('aria-label', `Understudy draft reply to ${author}`);
      const draft = await youtube.draftBox(editor).inputValue();
      // The draft is the creator's words (or, when none fits, nothing): it never echoes the
      // markup back at them.
      expect(draft).not.toMatch(/<img|<\/?script|onerror/i);
      if (!draft) await expect(editor.getByText(/None of your past replies answers this/)).toBeVisible();
      await youtube.draftBox(editor).fill(`Thanks for watching, ${author}!`);
      await editor.getByRole('button', { name: 'Queue' }).click();
      await expect(editor.getByRole('status')).toContainText('Queued');
      await expect(editor.getByRole('alert')).toBeHidden();
    }

    // An <img onerror> would have fired by now had any of it been parsed as HTML.
    await youtube.page.waitForTimeout(500);
    expect(await pwned(youtube.page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const images = await youtube.elementsInOurShadowRoots('img, script, iframe, object, embed');
    expect(images.hosts).toBeGreaterThan(HOSTILE_COMMENTS.length);
    expect(images.matches).toEqual([]);
    // Nothing of the comment was parsed into the page as markup by us either.
    expect(await youtube.page.locator('understudy-editor img, understudy-draft-button img').count()).toBe(0);

    // The side panel quotes each comment exactly, invisible characters included, as text.
    await sidePanel.open();
    const panelDialogs = recordDialogs(sidePanel.page);
    for (const { author, text } of HOSTILE_COMMENTS) {
      await expect(sidePanel.card(author)).toBeVisible();
      expect(await sidePanel.quote(author).textContent()).toBe(text);
      await expect(sidePanel.card(author).locator('strong')).toHaveText(author);
    }
    expect(await sidePanel.page.locator('article img, article script').count()).toBe(0);
    expect(await pwned(sidePanel.page)).toBeUndefined();
    expect(panelDialogs).toEqual([]);
  });

  test('a 20,000-character comment drafts promptly without freezing the page, and the side panel quotes it clamped', async ({
    youtube,
    sidePanel,
  }) => {
    await youtube.open();
    // Long tasks on the page's main thread, where the content script runs.
    await youtube.page.evaluate(() => {
      const w = window as unknown as { __longestTask: number };
      w.__longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longestTask = Math.max(w.__longestTask, entry.duration);
      }).observe({ type: 'longtask' });
    });

    const comment = youtube.commentBy('@wall.of.text');
    const started = Date.now();
    const editor = await youtube.openDraftOn(comment);
    await expect(editor.getByRole('status')).toContainText('Draft ready');
    const elapsed = Date.now() - started;
    expect(elapsed, `Draft reply → Draft ready took ${elapsed} ms`).toBeLessThan(5_000);
    if (!(await youtube.draftBox(editor).inputValue())) await youtube.draftBox(editor).fill('Thank you for writing all this!');

    // Still responsive: the page answers at once and no task blocked it for a noticeable time.
    const pinged = Date.now();
    await youtube.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(Date.now() - pinged).toBeLessThan(1_000);
    const longest = await youtube.page.evaluate(() => (window as unknown as { __longestTask: number }).__longestTask);
    expect(longest, `longest main-thread task ${longest} ms`).toBeLessThan(500);

    await editor.getByRole('button', { name: 'Queue' }).click();
    await expect(editor.getByRole('status')).toContainText('Queued');

    await sidePanel.open();
    const quote = sidePanel.quote('@wall.of.text');
    await expect(quote).toBeVisible();
    // All of it is there to read in full…
    expect(await quote.textContent()).toBe(HUGE_TEXT);
    // …but the card shows only a few lines of it.
    const box = await quote.boundingBox();
    expect(box?.height ?? Infinity).toBeLessThan(150);
  });
});
