import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIDEO_ID } from '../../e2e/sites/youtube/fixture-data.js';
import { mountWatchPage } from '../../e2e/sites/youtube/fixture-dom.js';
import { checkPage, countSelectors, diagnosticText, insertProblem, pageKindLabel, reportablePageKind, type HealthReport } from './health';
import { youtube } from './youtube';

const WATCH = new URL(`https://www.youtube.com/watch?v=${DEFAULT_VIDEO_ID}`);
const HOME = new URL('https://www.youtube.com/');
/** Text only the page holds: it must never reach a diagnostic. */
const SECRET = 'PAGE-TEXT-7f3a maria@example.com';

/** The site renamed its comment elements: same content, markup Understudy doesn't know. */
function renameComments(tag = 'ytd-comment-thread-renderer-v2') {
  for (const thread of document.querySelectorAll('ytd-comment-thread-renderer')) {
    const renamed = document.createElement(tag);
    renamed.append(...thread.childNodes);
    thread.replaceWith(renamed);
  }
}

function addHostileText() {
  const hostile = document.createElement('div');
  hostile.id = 'content-text';
  hostile.textContent = `${SECRET} </script><img src=x onerror="window.__pwned=1"> \u202Egnp.exe`;
  document.querySelector('ytd-comment-thread-renderer-v2, ytd-comment-thread-renderer')?.append(hostile);
}

function report(counts = countSelectors(youtube, document)): HealthReport {
  return {
    site: 'youtube',
    origin: 'https://www.youtube.com',
    pageKind: 'watch',
    problem: 'no-comments',
    counts,
    version: '1.2.3',
    reportedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  };
}

beforeEach(() => {
  document.body.replaceChildren();
  mountWatchPage(document, { videoId: DEFAULT_VIDEO_ID, threads: 12 });
  // The comments section's header, as YouTube renders it above the threads.
  const header = document.createElement('ytd-comments-header-renderer');
  header.textContent = '12 Comments';
  document.querySelector('ytd-comments#comments')?.prepend(header);
});
afterEach(() => document.body.replaceChildren());

describe('adapter health', () => {
  it('calls a watch page with readable comments healthy', () => {
    expect(checkPage(youtube, document, WATCH)).toEqual({ health: { healthy: true }, waiting: false });
  });

  it("says a page showing a comments section whose comments it can't read is unhealthy, with the counts behind it", () => {
    renameComments();
    const { health, waiting } = checkPage(youtube, document, WATCH);
    expect(waiting).toBe(true);
    expect(health).toMatchObject({ healthy: false, problem: 'no-comments', pageKind: 'watch' });
    if (health.healthy) throw new Error('unreachable');
    expect(health.counts.marks).toBeGreaterThan(0);
    expect(health.counts.comments).toBe(0);
    expect(health.counts.readable).toBe(0);
    // Every named selector of the adapter is counted, and the comment ones now find nothing.
    expect(Object.keys(health.counts.selectors).sort()).toEqual(Object.keys(youtube.selectors).sort());
    expect(health.counts.selectors.thread).toBe(0);
    expect(health.counts.selectors.comment).toBe(0);
  });

  it('counts comments that are there but show nothing to read apart from readable ones', () => {
    for (const text of document.querySelectorAll('ytd-comment-thread-renderer #content-text')) text.remove();
    const { health } = checkPage(youtube, document, WATCH);
    if (health.healthy) throw new Error('expected unhealthy');
    expect(health.counts.comments).toBeGreaterThan(0);
    expect(health.counts.readable).toBe(0);
  });

  it('does not report a page still waiting for its comments section, nor a page without comments', () => {
    document.querySelector('ytd-comments')?.remove();
    expect(checkPage(youtube, document, WATCH)).toEqual({ health: { healthy: true }, waiting: true });
    renameComments();
    expect(checkPage(youtube, document, HOME)).toEqual({ health: { healthy: true }, waiting: false });
    expect(checkPage(youtube, document, null)).toEqual({ health: { healthy: true }, waiting: false });
  });

  it('reports a reply box it could not find with the page kind and counts', () => {
    expect(insertProblem(youtube, document, 'watch', 'composer-missing')).toMatchObject({
      healthy: false,
      problem: 'composer-missing',
      pageKind: 'watch',
      counts: { readable: expect.any(Number) },
    });
  });

  it('never lets free text stand as a page kind', () => {
    expect(reportablePageKind('watch')).toBe('watch');
    expect(reportablePageKind('old-post')).toBe('old-post');
    for (const bad of [null, undefined, '', 'Watch', 'watch page', 'x'.repeat(33), '<b>']) {
      expect(reportablePageKind(bad)).toBe('unknown');
    }
    expect(pageKindLabel('old-post')).toBe('old post page');
  });

  it("a diagnostic holds the site, page kind, counts and version, and none of the page's text even when the page is hostile", () => {
    renameComments();
    addHostileText();
    const text = diagnosticText(report(), 'YouTube');
    expect(text).toContain('version: 1.2.3');
    expect(text).toContain('site: YouTube (youtube, https://www.youtube.com)');
    expect(text).toContain('page kind: watch');
    expect(text).toContain('problem: no-comments');
    expect(text).toMatch(/comment elements: 0/);
    expect(text).toMatch(/^ {2}thread: 0$/m);
    expect(text).not.toContain('PAGE-TEXT');
    expect(text).not.toContain('@');
    expect(text).not.toContain('<');
    expect(text).not.toContain(DEFAULT_VIDEO_ID);
    // Every line is one Understudy wrote: a fixed label, then a number or a checked word.
    for (const line of text.split('\n')) {
      expect(line).toMatch(/^(Understudy diagnostic|selectors tried:|[a-z ]+: [\w.:\-/() ,]+| {2}[A-Za-z][\w-]*: (\d+|invalid selector))$/);
    }
  });

  it('says which selector the browser refused instead of failing', () => {
    const broken = { ...youtube, selectors: { ...youtube.selectors, odd: 'div:has-nothing(' } };
    const counts = countSelectors(broken, document);
    expect(counts.selectors.odd).toBe(-1);
    expect(diagnosticText(report(counts), 'YouTube')).toContain('  odd: invalid selector');
  });
});
