/**
 * The comments the YouTube e2e specs draft for, run through the same pipeline and memory engine
 * over the sample profile: a change to fit or retrieval that would break an e2e expectation
 * fails here in a second instead of in a browser run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommentContext } from '../../core/draft';
import { createMemoryEngine } from '../../llm/memory-engine';
import type { UnderstudyDB } from '../../memory/db';
import { freshDb } from '../../memory/fresh-db.testutil';
import { applyProfile } from '../../profile/apply';
import { parseProfileFile } from '../../profile/import-json';
import { THREADS } from '../../../e2e/sites/youtube/fixture-data.js';
import { createDraftingPipeline } from '../pipeline';

const root = resolve(import.meta.dirname, '../../..');

/** The fixture's comment whose text starts with these words (texts may hold links, hence parts). */
function fixtureComment(start: string): CommentContext {
  const thread = (THREADS as { author: string; text: unknown }[]).find((t) => plain(t.text).startsWith(start));
  if (!thread) throw new Error(`no fixture comment starts with "${start}"`);
  return {
    site: 'youtube',
    commentId: `e2e-${start}`,
    author: thread.author,
    text: plain(thread.text),
    pageUrl: 'https://www.youtube.com/watch?v=k3BfqS0urD0',
  };
}

function plain(text: unknown): string {
  if (typeof text === 'string') return text;
  return (text as ({ link: string } | string)[]).map((part) => (typeof part === 'string' ? part : part.link)).join('');
}

describe('the e2e comments drafted by the memory engine over the sample profile', () => {
  let db: UnderstudyDB;
  const pipeline = () => createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });

  beforeEach(async () => {
    db = freshDb();
    const bytes = readFileSync(resolve(root, 'public/samples/sample-profile.json'), 'utf8');
    const parsed = parseProfileFile('sample-profile.json', bytes);
    if (!parsed.ok) throw new Error('the sample profile does not parse');
    await applyProfile(db, parsed.profile, 'sample-profile.json');
  });

  it.each(['Can I do the 72 hours with a 100% whole wheat dough', 'Is the rice flour on the banneton necessary?', 'Does this method work with rye?'])(
    'drafts a reply to "%s" that at least partly fits',
    async (start) => {
      const draft = await pipeline().draft(fixtureComment(start));
      expect(draft.text.trim()).not.toBe('');
      // A "partly" draft still fills the Draft box, which is all the e2e specs need.
      expect(draft.fit?.level).not.toBe('none');
    },
  );

  it('gives a different fitting thank-you on Regenerate for praise of the jiggle test', async () => {
    const comment = fixtureComment('The jiggle test explanation is the best');
    const first = await pipeline().draft(comment);
    const second = await pipeline().draft(comment, { variant: 1 });
    expect(first.text.trim()).not.toBe('');
    expect(first.fit?.level).not.toBe('none');
    expect(second.fit?.level).not.toBe('none');
    expect(second.text).not.toBe(first.text);
  });

  it('leaves the draft empty for a question no past reply answers (storing a cut loaf)', async () => {
    const draft = await pipeline().draft(fixtureComment('How do you store the loaf after cutting?'));
    expect(draft.text).toBe('');
    expect(draft.notice).toContain('None of your past replies');
  });
});
