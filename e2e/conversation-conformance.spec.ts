/**
 * The conversation (DM) conformance suite: the same checks for every site's conversation pages,
 * in the real browser with the built extension, against each site's fixture (e2e/sites/<site>/,
 * showing the shared conversations of e2e/sites/shared/chat-kit.js), reached the way a creator
 * reaches them (home, inbox, a click on the conversation). A site gets every check by listing
 * its `conversations` in its e2e/sites/<site>/site.ts.
 *
 * One browser per worker: the sample creator's profile is imported once, each check opens its
 * own tab. Direct messages are off until switched on, as for a creator.
 */
import { test as base, expect } from '@playwright/test';
import type { FrameLocator, Page } from 'playwright-core';
import { editorSessions } from './harness/editor-sessions';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';
import { clickUntilExpanded } from './pages/draft-button';
import { SAMPLE_PROFILE } from './fixtures';
import { SITE_FIXTURES } from './sites/index';
import type { ChatFixtureWindow } from './sites/fixture-api';
import { DM_EARLIER, DM_GROUP, DM_HOSTILE, DM_LATEST, DM_ONE_TO_ONE, GROUP_LATEST_SENDER, GROUP_OTHER_SENDER } from './sites/shared/chat-kit.js';
import type { SiteId } from '../lib/core/sites';

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

/** Sets one site's "Direct messages on <Site>" switch, as Options stores it. */
async function setDms(session: Session, site: SiteId, on: boolean): Promise<void> {
  await session.serviceWorker.evaluate(
    async ({ site, on }) => {
      type Local = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      const current = ((await local.get('sites.dms'))['sites.dms'] ?? {}) as Record<string, boolean>;
      if (on) current[site] = true;
      else delete current[site];
      await local.set({ 'sites.dms': current });
    },
    { site, on },
  );
}

/** The comment (here: what a DM draft answers) and author of the newest editor session. */
async function newestSession(session: Session): Promise<{ text: string; author: string } | undefined> {
  const last = (await editorSessions(session)).at(-1);
  return last ? { text: last.comment.text, author: last.comment.author } : undefined;
}

type ChatApi = ChatFixtureWindow['__fixture'];
/** Calls one of the fixture's chat hooks (ChatFixtureApi) in the page. */
function chat<K extends keyof ChatApi>(page: Page, method: K, ...args: Parameters<ChatApi[K]>): Promise<Awaited<ReturnType<ChatApi[K]>>> {
  return page.evaluate(
    ([name, params]) => {
      const api = (window as unknown as { __fixture: Record<string, (...a: unknown[]) => unknown> }).__fixture;
      return api[name as string]!(...(params as unknown[]));
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<ChatApi[K]>>>;
}

async function openDraft(page: Page): Promise<FrameLocator> {
  // Playwright's CSS locators pierce open shadow roots (X's chat lives in one).
  await clickUntilExpanded(page.locator('understudy-draft-button').first());
  const editor = page.locator('understudy-editor iframe').last().contentFrame();
  await editor.getByRole('textbox', { name: 'Draft' }).waitFor();
  return editor;
}

for (const site of SITE_FIXTURES) {
  for (const spec of site.conversations ?? []) {
    test.describe(spec.name, () => {
      test.beforeEach(async ({ session }) => setDms(session, site.site, true));

      test('no Draft reply until the creator turns DMs on; then exactly one, beside the composer', async ({ tab, session }) => {
        await setDms(session, site.site, false);
        await spec.arrive(tab, DM_ONE_TO_ONE.id);
        await tab.waitForTimeout(500);
        await expect(tab.locator('understudy-draft-button')).toHaveCount(0);
        await setDms(session, site.site, true);
        await expect(tab.locator('understudy-draft-button')).toHaveCount(1);
        // Beside the composer: inside the conversation's pane, never on a message.
        await expect(tab.locator(`${spec.paneSelector} understudy-draft-button`)).toHaveCount(1);
        // More messages never add buttons.
        await chat(tab, 'fill', 200);
        await tab.waitForTimeout(300);
        await expect(tab.locator('understudy-draft-button')).toHaveCount(1);
      });

      test('drafts an answer to the latest messages, and Insert fills the composer with every line, no key pressed, nothing sent', async ({ tab, session }) => {
        await spec.arrive(tab, DM_ONE_TO_ONE.id);
        const editor = await openDraft(tab);
        // The messages answered are listed; the choice of another one is a select beside them.
        const answered = editor.getByRole('region', { name: 'Messages this draft answers' }).getByRole('list');
        await expect(answered).toContainText(DM_LATEST);
        await expect(answered).toContainText('[photo]');
        await expect(answered).not.toContainText(DM_EARLIER);
        const draftBox = editor.getByRole('textbox', { name: 'Draft' });
        await expect(draftBox).toHaveValue(/\S/, { timeout: 15_000 });
        expect((await newestSession(session))?.author).toBe('Maria');
        // A multi-line reply must keep its lines, without the Enter that would send it.
        const lines = ['Not necessary, but it really helps!', 'Rice flour does not absorb water, so nothing sticks.'];
        await draftBox.fill(lines.join('\n'));
        await editor.getByRole('button', { name: 'Insert' }).click();
        if (spec.insertFallsBackToCopy) {
          await expect(editor.getByRole('alert')).toContainText(/paste/);
        } else {
          await expect(editor.getByRole('status')).toContainText('Inserted');
          const state = await chat(tab, 'composerState');
          expect((state ?? '').split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(lines);
          const send = tab.locator(spec.submitSelector).first();
          await expect(send).toBeVisible();
          await expect(send).not.toHaveAttribute('aria-disabled', 'true');
          await expect(send).toBeEnabled();
        }
        await tab.waitForTimeout(300);
        // The composer re-rendered with text (a Send control): still one Draft reply.
        await expect(tab.locator('understudy-draft-button')).toHaveCount(1);
        expect(await chat(tab, 'keyEvents')).toBe(0);
        expect(await chat(tab, 'sent').then((sent) => sent.length)).toBe(0);
        // Nothing of the conversation, nor anything else, left the machine.
        expect(session.blocked).toEqual([]);
      });

      test('the creator can answer an earlier message instead, and a message arriving while the draft is open is noticed', async ({ tab, session }) => {
        await spec.arrive(tab, DM_ONE_TO_ONE.id);
        const editor = await openDraft(tab);
        await expect(editor.getByRole('textbox', { name: 'Draft' })).toHaveValue(/\S/, { timeout: 15_000 });
        const another = editor.getByLabel('Answer another message');
        const earlier = await another.locator('option', { hasText: DM_EARLIER }).getAttribute('value');
        await another.selectOption(earlier!);
        // That message, with the same sender's messages right before it (her voice note).
        await expect.poll(async () => (await newestSession(session))?.text ?? '').toContain(DM_EARLIER);
        expect((await newestSession(session))?.text).not.toContain(DM_LATEST);
        await expect(editor.getByRole('region', { name: 'Messages this draft answers' }).getByRole('list')).toContainText(DM_EARLIER);

        await chat(tab, 'receive', 'Also, can I use semolina instead of rice flour?');
        await expect(editor.getByRole('status')).toContainText('A new message from Maria');
        await expect.poll(async () => (await newestSession(session))?.text ?? '').toContain('semolina');
      });

      test('in a group chat the draft answers whoever wrote last, and the other person is one pick away', async ({ tab, session }) => {
        await spec.arrive(tab, DM_GROUP.id);
        const editor = await openDraft(tab);
        const answering = editor.getByRole('region', { name: 'Messages this draft answers' });
        await expect(answering).toContainText(`Answering ${GROUP_LATEST_SENDER}`);
        await expect.poll(async () => (await newestSession(session))?.author).toBe(GROUP_LATEST_SENDER);
        const another = editor.getByLabel('Answer another message');
        const other = await another.locator('option', { hasText: GROUP_OTHER_SENDER }).getAttribute('value');
        await another.selectOption(other!);
        await expect.poll(async () => (await newestSession(session))?.author).toBe(GROUP_OTHER_SENDER);
      });

      test('message rows the site reuses as it scrolls never change what an open draft answers, nor add buttons', async ({ tab, session }) => {
        await spec.arrive(tab, DM_ONE_TO_ONE.id);
        const editor = await openDraft(tab);
        await expect(editor.getByRole('textbox', { name: 'Draft' })).toHaveValue(/\S/, { timeout: 15_000 });
        const before = await newestSession(session);
        await chat(tab, 'recycle');
        await tab.waitForTimeout(400);
        expect(await newestSession(session)).toEqual(before);
        await expect(tab.locator('understudy-editor')).toHaveCount(1);
        await expect(tab.locator('understudy-draft-button')).toHaveCount(1);
      });

      test("hostile messages are read as text and run nothing, and the page's own click opens no draft", async ({ tab, session }) => {
        await spec.arrive(tab, DM_HOSTILE.id);
        // The page's own script clicks Draft reply (found through its open shadow roots, as any
        // script there could): no editor, no session. Only the creator's own click opens one.
        await expect(tab.locator('understudy-draft-button')).toHaveCount(1);
        const clicked = await tab.evaluate(() => {
          const find = (root: Document | ShadowRoot): HTMLElement | null =>
            root.querySelector<HTMLElement>('understudy-draft-button') ??
            [...root.querySelectorAll('*')].reduce<HTMLElement | null>((hit, el) => hit ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
          const button = find(document);
          button?.click();
          button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          return Boolean(button);
        });
        expect(clicked).toBe(true);
        await tab.waitForTimeout(500);
        await expect(tab.locator('understudy-editor')).toHaveCount(0);
        await openDraft(tab);
        await expect.poll(async () => (await newestSession(session))?.text ?? '').toContain('still flat, what am I missing?');
        expect((await newestSession(session))?.text).toContain('onerror="window.__pwned=1"');
        expect(await tab.evaluate(() => (window as unknown as ChatFixtureWindow).__pwned)).toBeUndefined();
      });

      test("Insert, then the creator's own send: the sent message is noticed and the draft marked sent", async ({ tab }) => {
        test.skip(spec.insertFallsBackToCopy === true, 'the site takes only the creator’s own paste');
        await spec.arrive(tab, DM_ONE_TO_ONE.id);
        const editor = await openDraft(tab);
        const draftBox = editor.getByRole('textbox', { name: 'Draft' });
        await expect(draftBox).toHaveValue(/\S/, { timeout: 15_000 });
        await editor.getByRole('button', { name: 'Insert' }).click();
        await expect(editor.getByRole('status')).toContainText('Inserted');
        const text = (await chat(tab, 'composerState')) ?? '';
        // The creator presses send on the site: the site shows their message and empties the box.
        await chat(tab, 'showSent', text);
        await expect(editor.getByRole('status')).toContainText('Sent.', { timeout: 10_000 });
      });
    });
  }
}

