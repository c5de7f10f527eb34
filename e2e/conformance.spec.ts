/**
 * The adapter conformance suite: the same checks for every site and page kind, in the real
 * browser with the built extension, against each site's fixture (e2e/sites/<site>/), reached the
 * way a creator reaches it (home, then in-app navigation). A site gets every check by adding
 * its fixtures to e2e/sites/index.ts.
 *
 * One browser per worker: the sample creator's profile is imported once, and each check opens
 * its own tab.
 */
import { test as base, expect } from '@playwright/test';
import type { FrameLocator, Page } from 'playwright-core';
import { editorSessions } from './harness/editor-sessions';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';
import { SAMPLE_PROFILE } from './fixtures';
import { SITE_FIXTURES } from './sites/index';
import type { ConformancePage } from './sites/site-fixture';
import type { SiteFixtureWindow } from './sites/fixture-api';

const test = base.extend<{ tab: Page }, { session: Session }>({
  session: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const session = await launchWithExtension();
      const options = await new OptionsPage(session).open();
      await options.importFile(SAMPLE_PROFILE);
      await expect(options.success).toBeVisible();
      await options.page.close();
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  tab: async ({ session }, use) => {
    const page = await session.context.newPage();
    await use(page);
    await page.close();
  },
});

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** For each comment: how many Draft reply buttons it holds itself (not its nested replies'). */
function ownButtonCounts(page: Page, selector: string) {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll(sel)].map((el) => ({
      deleted: el.hasAttribute('data-fixture-deleted'),
      buttons: [...el.querySelectorAll('understudy-draft-button')].filter((b) => b.closest(sel) === el).length,
    }));
  }, selector);
}

/** Marks the own Draft reply button of the innermost comment containing `fragment`. */
async function markButton(page: Page, selector: string, fragment: string): Promise<void> {
  const found = await page.evaluate(
    ({ sel, text }) => {
      document.querySelector('[data-conformance-target]')?.removeAttribute('data-conformance-target');
      const matches = [...document.querySelectorAll(sel)].filter((el) => el.textContent?.includes(text));
      const el = matches[matches.length - 1];
      const button = el && [...el.querySelectorAll('understudy-draft-button')].find((b) => b.closest(sel) === el);
      button?.setAttribute('data-conformance-target', '');
      return Boolean(button);
    },
    { sel: selector, text: fragment },
  );
  expect(found, `a Draft reply button on the comment "${fragment.slice(0, 40)}"`).toBe(true);
}

async function openDraft(page: Page, spec: ConformancePage, fragment: string): Promise<FrameLocator> {
  await expect.poll(() => markButton(page, spec.commentSelector, fragment).then(() => true, () => false)).toBe(true);
  await page.locator('[data-conformance-target]').click();
  const editor = page.locator('understudy-editor iframe').last().contentFrame();
  await editor.getByRole('textbox', { name: 'Draft' }).waitFor();
  return editor;
}

async function composerState(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as SiteFixtureWindow).__fixture.composerState());
}
async function postedCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as SiteFixtureWindow).__fixture.posted().length);
}

/** The comment text of the newest editor session the background holds. */
async function newestSessionText(session: Session): Promise<string | undefined> {
  return (await editorSessions(session)).at(-1)?.comment.text;
}

for (const site of SITE_FIXTURES) {
  for (const spec of site.pages) {
    test.describe(spec.name, () => {
      test('every comment gets exactly one Draft reply button, on a page reached in-app', async ({ tab }) => {
        await spec.arrive(tab);
        await expect
          .poll(async () => {
            const counts = await ownButtonCounts(tab, spec.commentSelector);
            return counts.length > 0 && counts.every((c) => c.buttons === (c.deleted ? 0 : 1));
          })
          .toBe(true);
        // Infinite scroll: comments added later get theirs too.
        const added = await tab.evaluate(() => (window as unknown as SiteFixtureWindow).__fixture.appendComments(20));
        expect(added).toBeGreaterThan(0);
        await expect
          .poll(async () => (await ownButtonCounts(tab, spec.commentSelector)).every((c) => c.buttons === (c.deleted ? 0 : 1)))
          .toBe(true);
      });

      test("drafts a reply and Insert fills the site's own reply box, submit enabled, never submitted, nothing sent off the machine", async ({ tab, session }) => {
        await spec.arrive(tab);
        const editor = await openDraft(tab, spec, spec.draftable);
        const draftBox = editor.getByRole('textbox', { name: 'Draft' });
        await expect(draftBox).toHaveValue(/\S/, { timeout: 15_000 });
        const draft = await draftBox.inputValue();
        await editor.getByRole('button', { name: 'Insert' }).click();
        if (spec.insertFallsBackToCopy) {
          // Copy + focus, said plainly: the caret is in the site's box, ready for a paste.
          await expect(editor.getByRole('alert')).toContainText(/didn't accept the text/);
          await expect(editor.getByRole('alert')).toContainText(/paste/);
          await expect
            .poll(() => tab.evaluate(() => document.activeElement?.matches('textarea, [contenteditable="true"], [contenteditable=""]') ?? false))
            .toBe(true);
        } else {
          await expect.poll(async () => collapse((await composerState(tab)) ?? '')).toBe(collapse((spec.prefix ?? '') + draft));
          const submit = tab.locator(spec.submitSelector).first();
          await expect(submit).toBeVisible();
          await expect(submit).not.toHaveAttribute('aria-disabled', 'true');
          await expect(submit).toBeEnabled();
        }
        // Nothing is ever sent by Understudy: the site's submit was not pressed.
        await tab.waitForTimeout(300);
        expect(await postedCount(tab)).toBe(0);
        // And nothing left the machine, on any site (the harness blocks and records the rest).
        expect(session.blocked).toEqual([]);
      });

      test('comment nodes the site reuses never keep a stale button or an open draft', async ({ tab, session }) => {
        await spec.arrive(tab);
        await openDraft(tab, spec, spec.draftable);
        await tab.evaluate(() => (window as unknown as SiteFixtureWindow).__fixture.recycle());
        // An editor still open must sit under the comment it was opened for.
        await expect
          .poll(() =>
            tab.evaluate(
              ({ sel, text }) =>
                [...document.querySelectorAll('understudy-editor')].every((host) => {
                  const comment = host.previousElementSibling?.closest(sel) ?? host.parentElement?.closest(sel);
                  return Boolean(comment?.textContent?.includes(text));
                }),
              { sel: spec.commentSelector, text: spec.draftable },
            ),
          )
          .toBe(true);
        await expect
          .poll(async () => (await ownButtonCounts(tab, spec.commentSelector)).every((c) => c.buttons === (c.deleted ? 0 : 1)))
          .toBe(true);
        // A reused node's button drafts for the comment it shows now.
        const shown = await tab.evaluate((sel) => {
          const el = [...document.querySelectorAll(sel)].find(
            (c) => !c.hasAttribute('data-fixture-deleted') && [...c.querySelectorAll('understudy-draft-button')].some((b) => b.closest(sel) === c),
          ) as HTMLElement | undefined;
          return el?.innerText ?? '';
        }, spec.commentSelector);
        const firstLine = shown.split('\n').map((l) => l.trim()).find((l) => l.length > 12 && l !== 'Draft reply') ?? '';
        expect(firstLine).not.toBe('');
        await openDraft(tab, spec, firstLine.slice(0, 30));
        await expect.poll(async () => collapse(shown).includes(collapse((await newestSessionText(session)) ?? '\u0000'))).toBe(true);
      });

      test('a comment edited while its draft is open: the draft follows its new text', async ({ tab, session }) => {
        await spec.arrive(tab);
        const editor = await openDraft(tab, spec, spec.draftable);
        await expect(editor.getByRole('textbox', { name: 'Draft' })).toHaveValue(/\S/, { timeout: 15_000 });
        const edited = `${spec.draftable} (edit: does it work with spelt too?)`;
        expect(await tab.evaluate(([from, to]) => (window as unknown as SiteFixtureWindow).__fixture.editComment(from!, to!), [spec.draftable, edited])).toBe(true);
        await expect(editor.getByRole('status')).toContainText('edited the comment');
        await expect.poll(() => newestSessionText(session)).toBe(edited);
      });

      test('hostile comments show as text, get a button, and run nothing', async ({ tab }) => {
        const pwned = () => tab.evaluate(() => (window as unknown as SiteFixtureWindow).__pwned);
        await spec.arrive(tab);
        await expect(tab.locator(spec.commentSelector).filter({ hasText: 'onerror="window.__pwned=1"' }).first()).toBeVisible();
        await openDraft(tab, spec, 'still flat, what am I missing?');
        expect(await pwned()).toBeUndefined();
      });
    });
  }
}
