import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VIDEO_ID } from '../../e2e/sites/youtube/fixture-data.js';
import { mountWatchPage } from '../../e2e/sites/youtube/fixture-dom.js';
import { mountChat } from '../../e2e/sites/x/chat-dom.js';
import {
  checkConversation,
  checkPage,
  conversationInsertProblem,
  countSelectors,
  CONVERSATION_SELECTOR_PREFIX,
  diagnosticText,
  healthArea,
  insertProblem,
  pageKindLabel,
  problemText,
  reportablePageKind,
  reportableSelectorNames,
  type HealthReport,
} from './health';
import { adapters } from './registry';
import { x } from './x';
import { xConversations } from './x-dm';
import { youtube } from './youtube';
import { youtubeStudio } from './youtube-studio';

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

describe('conversation health (direct messages on)', () => {
  const CHAT = new URL('https://x.com/i/chat/1600000000000000001-1610000000000001001');

  /** X's chat with Maria's conversation open, in its shadow root as X renders it. */
  function openChat() {
    document.body.replaceChildren();
    const ui = mountChat(document, document.body);
    const open = ui.openConversation('maria-1001');
    if (!open) throw new Error('no conversation');
    return { ui, open };
  }

  /** X "shipped" a new composer: same box, a testid Understudy doesn't know. */
  function renameComposer(editor: HTMLElement) {
    editor.setAttribute('data-testid', 'dm-composer-input-v2');
  }

  it('calls an open conversation with its message box healthy', () => {
    openChat();
    expect(checkConversation(xConversations, document, CHAT)).toEqual({ health: { healthy: true }, waiting: false });
  });

  it("says a conversation whose message box can't be found is unhealthy, counting inside X's shadow root", () => {
    const { open } = openChat();
    renameComposer(open.model.editor);
    const { health, waiting } = checkConversation(xConversations, document, CHAT);
    expect(waiting).toBe(true);
    expect(health).toMatchObject({ healthy: false, problem: 'no-conversation', pageKind: 'dm' });
    if (health.healthy) throw new Error('unreachable');
    expect(health.counts).toMatchObject({ comments: 1, readable: 0 });
    expect(health.counts.marks).toBeGreaterThan(0);
    // Conversation selectors under their own names; the host counted in the document, the rest in its root.
    expect(Object.keys(health.counts.selectors).sort()).toEqual(Object.keys(xConversations.selectors).map((n) => `dm-${n}`).sort());
    expect(health.counts.selectors).toMatchObject({ 'dm-host': 1, 'dm-panel': 1, 'dm-form': 1, 'dm-editor': 0 });
  });

  it("needs the adapter's mark roots: a document query alone can't see X's chat, and would stay silent", () => {
    const { open } = openChat();
    renameComposer(open.model.editor);
    const documentOnly = { ...xConversations, markRoots: undefined };
    expect(checkConversation(documentOnly, document, CHAT)).toEqual({ health: { healthy: true }, waiting: true });
  });

  it('does not report an inbox with no conversation open, nor a page that is no conversation page', () => {
    document.body.replaceChildren();
    mountChat(document, document.body);
    expect(checkConversation(xConversations, document, new URL('https://x.com/i/chat'))).toEqual({ health: { healthy: true }, waiting: true });
    const { open } = openChat();
    renameComposer(open.model.editor);
    expect(checkConversation(xConversations, document, new URL('https://x.com/home'))).toEqual({ health: { healthy: true }, waiting: false });
    expect(checkConversation(xConversations, document, null)).toEqual({ health: { healthy: true }, waiting: false });
  });

  it('reports a message box that refused the draft with the conversation counts', () => {
    openChat();
    const health = conversationInsertProblem(xConversations, document, 'dm', 'composer-refused');
    expect(health).toMatchObject({ healthy: false, problem: 'composer-refused', pageKind: 'dm', counts: { comments: 1, readable: 1 } });
    if (health.healthy) throw new Error('unreachable');
    expect(healthArea(health.problem, Object.keys(health.counts.selectors))).toBe('conversation');
    expect(problemText('composer-refused', 'conversation')).toBe("The site's message box didn't accept the draft.");
  });

  it("a conversation diagnostic says what it counted, and none of the conversation's text", () => {
    const { open } = openChat();
    renameComposer(open.model.editor);
    const { health } = checkConversation(xConversations, document, CHAT);
    if (health.healthy) throw new Error('expected unhealthy');
    const text = diagnosticText(
      { site: 'x', origin: 'https://x.com', pageKind: health.pageKind, problem: health.problem, counts: health.counts, version: '1.2.3', reportedAt: 0 },
      'X',
    );
    expect(text).toContain('problem: no-conversation');
    expect(text).toMatch(/^conversations with a message box: 0$/m);
    expect(text).toMatch(/^ {2}dm-editor: 0$/m);
    expect(text).not.toContain('comment elements');
    expect(text).not.toContain('Maria');
    expect(text).not.toContain('banneton');
    expect(text).not.toContain('1600000000000000001');
    expect(pageKindLabel('dm')).toBe('conversation page');
  });

  it("accepts a site's comment and conversation selector names, and keeps the two apart", () => {
    const names = reportableSelectorNames(x);
    expect(names.has('editor')).toBe(true);
    expect(names.has('dm-editor')).toBe(true);
    expect(names.has('dm-tweet')).toBe(false);
    expect(reportableSelectorNames(youtube)).toEqual(new Set(Object.keys(youtube.selectors)));
    // No comment selector could be taken for a conversation one.
    for (const adapter of [...adapters, youtubeStudio]) {
      for (const name of Object.keys(adapter.selectors)) expect(name.startsWith(CONVERSATION_SELECTOR_PREFIX)).toBe(false);
    }
  });

  it('tells a report about comments from one about a conversation, and refuses one that mixes them', () => {
    expect(healthArea('no-comments', ['thread', 'comment'])).toBe('comments');
    expect(healthArea('composer-missing', ['editor'])).toBe('comments');
    expect(healthArea('composer-missing', ['dm-editor'])).toBe('conversation');
    expect(healthArea('no-conversation', [])).toBe('conversation');
    expect(healthArea('no-conversation', ['dm-form'])).toBe('conversation');
    expect(healthArea('no-conversation', ['thread'])).toBeNull();
    expect(healthArea('no-comments', ['dm-form'])).toBeNull();
    expect(healthArea('composer-missing', ['editor', 'dm-editor'])).toBeNull();
  });
});
