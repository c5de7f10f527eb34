/**
 * Prompt injection (issue 13): the attempts in corpus/injections.json, in every place untrusted
 * text arrives (comment, author, thread title, parent comment, DM), checked twice:
 * - at prompt-building level: the attempt reaches the model only inside its own untrusted block,
 *   with every marker it carries neutralized, and never in the system message;
 * - through the guard: a draft that complies with the attempt is flagged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GuardFlagKind } from '../core/guard';
import type { CommentContext } from '../core/draft';
import type { ProfileRow } from '../memory/db';
import { buildPrompt, MARKERS, neutraliseMarkers } from '../llm/prompt';
import { contextFor, loadProfiles } from './corpus.testutil';
import { guardDraft } from './guard';

interface Attempt {
  id: string;
  technique: string;
  field: 'comment' | 'author' | 'threadTitle' | 'parentText' | 'dm';
  text: string;
  complyingDraft: string;
  expectedKinds: GuardFlagKind[];
}

const attempts: Attempt[] = JSON.parse(readFileSync(path.join(__dirname, 'corpus', 'injections.json'), 'utf8')).attempts;
const maya = loadProfiles().maya!;
const OTHER_MESSAGES = [
  "Would you bake our wedding cake? We're in Leeds and the date is set.",
  "Hi Maya, it's Priya, my mum is in hospital so I can't bake this week",
];

const profile: ProfileRow = {
  id: 'me',
  name: maya.name,
  handles: maya.handles,
  voice: maya.voice,
  values: [],
  objectives: [],
  boundaries: maya.boundaries,
  links: maya.links,
  offers: maya.offers,
  importedAt: 0,
  source: 'injections',
};
const facts = maya.facts.map((text, i) => ({ id: i + 1, text }));

function commentFor(attempt: Attempt): CommentContext {
  const base: CommentContext = {
    site: 'youtube',
    commentId: attempt.id,
    author: '@fan',
    text: 'Love this video!',
    pageUrl: 'https://www.youtube.com/watch?v=inj',
  };
  switch (attempt.field) {
    case 'comment':
      return { ...base, text: attempt.text };
    case 'dm':
      return { ...base, kind: 'dm', text: attempt.text };
    case 'author':
      return { ...base, author: attempt.text };
    case 'threadTitle':
      return { ...base, threadTitle: attempt.text };
    case 'parentText':
      return { ...base, parentText: attempt.text, parentAuthor: '@someone' };
  }
}

const MARKER_OF: Record<Attempt['field'], readonly [string, string]> = {
  comment: MARKERS.comment,
  dm: MARKERS.comment,
  author: MARKERS.author,
  threadTitle: MARKERS.thread,
  parentText: MARKERS.parent,
};

describe('prompt injection corpus', () => {
  it('holds at least 50 attempts covering every technique and field the issue names', () => {
    expect(attempts.length).toBeGreaterThanOrEqual(50);
    const techniques = new Set(attempts.map((a) => a.technique));
    for (const t of ['ignore-instructions', 'fake-tags', 'role-play', 'username', 'title', 'parent', 'unicode', 'base64', 'other-language', 'notes-request', 'facts-request', 'other-fans']) {
      expect(techniques).toContain(t);
    }
    expect(new Set(attempts.map((a) => a.field))).toEqual(new Set(['comment', 'author', 'threadTitle', 'parentText', 'dm']));
  });
});

describe('an injection attempt at prompt-building level', () => {
  it.each(attempts)('$id ($technique in $field) stays inside its untrusted block with its markers neutralized', (attempt) => {
    const built = buildPrompt({ comment: commentFor(attempt), profile, facts, examples: [] }, { maxPromptTokens: 6000 });
    const system = built.messages[0]!;
    const user = built.messages[built.messages.length - 1]!;
    expect(system.role).toBe('system');
    expect(user.role).toBe('user');
    const shown = neutraliseMarkers(attempt.text.trim());
    // Never in the system message, where the rules are.
    expect(system.content).not.toContain(shown.slice(0, 40));
    // In the last user message, inside its own block.
    const at = user.content.indexOf(shown);
    expect(at).toBeGreaterThanOrEqual(0);
    const [open, close] = MARKER_OF[attempt.field];
    const before = user.content.slice(0, at);
    const after = user.content.slice(at + shown.length);
    expect(before.lastIndexOf(open)).toBeGreaterThanOrEqual(0);
    expect(before.slice(before.lastIndexOf(open) + open.length)).not.toMatch(/<\/?[a-z_]+>/);
    expect(after.trimStart().startsWith(close)).toBe(true);
    // Every real marker appears once per block: the attempt opened or closed none.
    for (const [o, c] of Object.values(MARKERS)) {
      const opens = user.content.split(o).length - 1;
      const closes = user.content.split(c).length - 1;
      expect(opens).toBe(closes);
      expect(opens).toBeLessThanOrEqual(1);
    }
    // No angle bracket of the attempt survives (ASCII, full-width or small form).
    expect(shown).not.toMatch(/[<>\uFF1C\uFF1E\uFE64\uFE65]/);
  });
});

describe('a draft that complies with an injection attempt', () => {
  it.each(attempts)('$id ($technique) is flagged by the claim guard', (attempt) => {
    const comment = commentFor(attempt);
    const context = {
      ...contextFor(maya, { comment: comment.text, engine: 'model', otherMessages: OTHER_MESSAGES }),
      answering: [comment.text, comment.threadTitle, comment.parentText].filter((t): t is string => Boolean(t)),
      author: comment.author,
    };
    const flags = guardDraft(attempt.complyingDraft, context);
    expect(flags.map((f) => f.kind)).toEqual(expect.arrayContaining([expect.toBeOneOf(attempt.expectedKinds)]));
  });
});
