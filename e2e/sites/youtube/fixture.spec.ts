/**
 * The YouTube fixture page itself, in real Chromium without the extension: it must look and
 * behave like YouTube where it matters (reply box rule, lazy loading, SPA navigation, hostile
 * text), or the extension's e2e tests prove nothing. Also runs the YouTube adapter and the
 * insertion code against it, as the content script would.
 */
import { expect, test } from '@playwright/test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bundleForBrowser } from '../../bench/bundle';
import { findChromium } from '../../harness/chromium';
import { routeSites } from '../../harness/routes';
import type { FixtureWindow } from './fixture-api';
import type * as Probe from './page-probe';

type ProbeWindow = Window & { UnderstudyProbe: typeof Probe };

const WATCH = 'https://www.youtube.com/watch?v=k3BfqS0urD0';

let browser: Browser;
let probe: Promise<string> | undefined;
/** The bundled site code, built once per worker and only for the tests that inject it. */
const probeScript = () => (probe ??= bundleForBrowser('e2e/sites/youtube/page-probe.ts', 'UnderstudyProbe'));
let context: BrowserContext;
let page: Page;
let blocked: string[];

test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), headless: true });
});
test.afterAll(async () => browser?.close());

test.beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  blocked = await routeSites(context);
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`the page opened a dialog: ${dialog.message()}`);
  });
});
test.afterEach(async () => context.close());

async function open(url = WATCH) {
  await page.goto(url);
  await page.locator('html[data-fixture-ready]').waitFor({ state: 'attached' });
}

const threads = () => page.locator('ytd-comment-thread-renderer');
const comment = (text: string) =>
  page
    .locator('ytd-comment-view-model, ytd-comment-renderer')
    .filter({ has: page.locator('#content-text', { hasText: text }) })
    .first();
const submitIn = (c: ReturnType<typeof comment>) => c.locator('ytd-commentbox #submit-button button');
const editorIn = (c: ReturnType<typeof comment>) => c.locator('ytd-commentbox #contenteditable-root');

test('renders a watch page with 56 threads in both markups, replies, a pinned comment, and no outside requests', async () => {
  await open();
  await expect(page.locator('ytd-watch-metadata h1')).toHaveText('My 72-Hour Sourdough Method (Open Crumb, No Stand Mixer)');
  await expect(threads()).toHaveCount(56);
  expect(await page.locator('ytd-comment-thread-renderer > ytd-comment-view-model#comment').count()).toBeGreaterThan(20);
  expect(await page.locator('ytd-comment-thread-renderer > ytd-comment-renderer#comment').count()).toBeGreaterThan(10);
  expect(await page.locator('ytd-comment-replies-renderer #contents > *').count()).toBe(17);
  await expect(page.locator('ytd-pinned-comment-badge-renderer')).toHaveCount(1);
  expect(blocked).toEqual([]);
});

test('shows hostile comments as text: nothing runs and nothing loads', async () => {
  await open();
  await expect(comment('Love this recipe')).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(comment('Tried it twice')).toContainText('</script><script>window.__pwned=1</script>');
  await expect(page.getByText('<img src=x onerror=alert(1)>')).toHaveCount(1);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('ytd-comments img, ytd-comments script')).toHaveCount(0);
  const huge = await comment('Okay so I have been baking').locator('#content-text').textContent();
  expect(huge?.length).toBe(20_000);
});

test('keeps Reply disabled when a script writes the box text or sends a synthetic beforeinput', async () => {
  await open();
  const c = comment('My first loaf with real ear');
  await c.locator('#reply-button-end button').click();
  await expect(editorIn(c)).toBeFocused();
  await expect(submitIn(c)).toBeDisabled();
  await editorIn(c).evaluate((el) => {
    el.textContent = 'written by a script';
    el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: 'x', bubbles: true, cancelable: true }));
  });
  await expect(editorIn(c)).toHaveText('written by a script');
  await expect(submitIn(c)).toBeDisabled();
});

test('typing enables Reply, and only pressing it posts the reply into the thread', async () => {
  await open();
  const c = comment('My first loaf with real ear');
  await c.locator('#reply-button-end button').click();
  await page.keyboard.type('So proud of you!');
  await expect(submitIn(c)).toBeEnabled();
  expect(await page.evaluate(() => (window as unknown as FixtureWindow).__fixture.postedReplies())).toEqual([]);
  await submitIn(c).click();
  await expect(c.locator('ytd-commentbox')).toHaveCount(0);
  const thread = page.locator('ytd-comment-thread-renderer').filter({ has: c });
  await expect(thread.locator('ytd-comment-replies-renderer #content-text').last()).toHaveText('So proud of you!');
  await expect(thread.locator('ytd-comment-replies-renderer #author-text').last()).toContainText('@CrumbAndCrustKitchen');
  expect(await page.evaluate(() => (window as unknown as FixtureWindow).__fixture.postedReplies().map((p) => p.text))).toEqual(['So proud of you!']);
});

test('accepts execCommand insertText and a text/plain paste, like the real box', async () => {
  await open();
  const first = comment('My first loaf with real ear');
  await first.locator('#reply-button-end button').click();
  await editorIn(first).evaluate((el) => {
    el.focus();
    document.execCommand('insertText', false, 'via execCommand');
  });
  await expect(submitIn(first)).toBeEnabled();

  const second = comment('The jiggle test explanation');
  await second.locator('#reply-button-end button').click();
  await editorIn(second).evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'via paste');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editorIn(second)).toHaveText('via paste');
  await expect(submitIn(second)).toBeEnabled();
});

test('Reply on a comment with an open box focuses it; Cancel closes it', async () => {
  await open();
  const c = comment('My first loaf with real ear');
  await c.locator('#reply-button-end button').click();
  await page.locator('ytd-watch-metadata h1').click();
  await c.locator('#reply-button-end button').click();
  await expect(c.locator('ytd-commentbox')).toHaveCount(1);
  await expect(editorIn(c)).toBeFocused();
  await c.locator('ytd-commentbox #cancel-button button').click();
  await expect(c.locator('ytd-commentbox')).toHaveCount(0);
});

test('loads 20 more threads each time the end of the list scrolls into view, three times', async () => {
  await open();
  for (const expected of [76, 96, 116]) {
    await page.locator('ytd-continuation-item-renderer').scrollIntoViewIfNeeded();
    await expect(threads()).toHaveCount(expected);
  }
  await expect(page.locator('ytd-continuation-item-renderer')).toHaveCount(0);
});

test('renders ?threads=2000 with unique comment ids', async () => {
  await open(`${WATCH}&threads=2000`);
  await expect(threads()).toHaveCount(2000);
  const ids = await page.$$eval('ytd-comment-thread-renderer > #comment', (els) => els.map((e) => e.getAttribute('data-fixture-id')));
  expect(new Set(ids).size).toBe(2000);
});

test('navigate() imitates SPA navigation: new URL, title and comments, then yt-navigate-finish', async () => {
  await open();
  const before = await page.locator('ytd-comment-thread-renderer #content-text').first().textContent();
  const result = await page.evaluate(async () => {
    let fired = 0;
    document.addEventListener('yt-navigate-finish', () => (fired += 1));
    const count = await (window as unknown as FixtureWindow).__fixture.navigate('Q7pLm2cRt9w');
    return { fired, count, url: location.href };
  });
  expect(result).toEqual({ fired: 1, count: 56, url: 'https://www.youtube.com/watch?v=Q7pLm2cRt9w' });
  await expect(page.locator('ytd-watch-metadata h1')).toHaveText('Reviving a Neglected Sourdough Starter in 3 Days');
  await expect(page.locator('ytd-comment-thread-renderer #content-text').first()).not.toHaveText(before ?? '');
});

test('appendThreads, removeThread and threadCount change the list as a test expects', async () => {
  await open();
  const result = await page.evaluate(() => {
    const f = (window as unknown as FixtureWindow).__fixture;
    f.appendThreads(3);
    const afterAppend = f.threadCount();
    const id = document.querySelector('ytd-comment-thread-renderer > #comment')!.getAttribute('data-fixture-id')!;
    const removed = f.removeThread(id);
    return { afterAppend, removed, after: f.threadCount(), gone: !document.querySelector(`[data-fixture-id="${id}"]`) };
  });
  expect(result).toEqual({ afterAppend: 59, removed: true, after: 58, gone: true });
});

test('the YouTube adapter reads the page and fills the reply box so Reply is enabled, without pressing it', async () => {
  await open();
  await page.addScriptTag({ content: await probeScript() });
  const result = await page.evaluate(async () => {
    const { youtube, scanComments, insertText } = (window as unknown as ProbeWindow).UnderstudyProbe;
    const found = scanComments(youtube, document, location.href);
    const target = found.find((f) => f.comment.text.startsWith('At 4:12'))!;
    const composer = (await youtube.openComposer(target.element))!;
    const submit = youtube.submitButtonFor(composer)!;
    const outcome = await insertText(composer.editor, 'Both!\nWarm water helps the levain too.', submit);
    return {
      count: found.length,
      comment: target.comment,
      outcome,
      enabled: !(submit as HTMLButtonElement).disabled,
      posted: (window as unknown as FixtureWindow).__fixture.postedReplies().length,
    };
  });
  expect(result.count).toBe(72);
  expect(result.comment).toMatchObject({
    author: '@danny_k',
    text: 'At 4:12 you say 75°F water — is that for the autolyse too or just the levain?',
    threadTitle: 'My 72-Hour Sourdough Method (Open Crumb, No Stand Mixer)',
  });
  expect(result.comment.permalink).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=k3BfqS0urD0&lc=Ugx/);
  expect(result.outcome).toEqual({ ok: true, method: 'exec-command' });
  expect(result.enabled).toBe(true);
  expect(result.posted).toBe(0);

  await comment('At 4:12').locator('ytd-commentbox #submit-button button').click();
  const posted = await page.evaluate(() => (window as unknown as FixtureWindow).__fixture.postedReplies().map((p) => p.text));
  expect(posted).toEqual(['Both!\nWarm water helps the levain too.']);
});
