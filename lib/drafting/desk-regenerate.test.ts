import { describe, expect, it, vi } from 'vitest';
import type { CommentContext, DraftResult } from '../core/draft';
import { createRouter, type Handlers } from '../messaging/router';
import { discardDraft, getDraft, queueDraft, updateDraftText } from '../memory/drafts-repo';
import { freshDb } from '../memory/fresh-db.testutil';
import { replaceFacts } from '../memory/facts-repo';
import { createDeskRegenerate } from './desk-regenerate';
import type { DraftRunner } from './draft-runner';

const comment: CommentContext = {
  site: 'youtube',
  commentId: 'c1',
  author: '@fan',
  text: 'How long do you proof rye?',
  pageUrl: 'https://www.youtube.com/watch?v=abc',
};

function drafterWriting(text: string): DraftRunner & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    draft: vi.fn(async (c: CommentContext, options) => {
      calls.push({ comment: c, steer: options?.steer, variant: options?.variant });
      return { text, engine: 'memory', exampleIds: [] } satisfies DraftResult;
    }),
  };
}

async function queued() {
  const db = freshDb();
  const id = await queueDraft(db, { comment, text: 'About an hour.', engineText: 'About an hour.', engine: 'memory', exampleIds: [] });
  return { db, id };
}

describe('Regenerate from the review desk', () => {
  it('puts the new draft in place of an edited one, with the steer the creator picked', async () => {
    const { db, id } = await queued();
    await updateDraftText(db, id, 'About an hour, I think');
    const drafter = drafterWriting('An hour longer than wheat.');
    const result = await createDeskRegenerate({ db, drafter })(id, { id: 'shorter' });
    expect(result.text).toBe('An hour longer than wheat.');
    expect(drafter.calls).toEqual([{ comment: expect.objectContaining({ commentId: 'c1', text: comment.text }), steer: { id: 'shorter' }, variant: 1 }]);
    expect(await getDraft(db, id)).toMatchObject({ text: 'An hour longer than wheat.', engineText: 'An hour longer than wheat.', status: 'queued' });
  });

  it('asks for another variant each time, so Regenerate twice gives a different draft', async () => {
    const { db, id } = await queued();
    const drafter = drafterWriting('Again.');
    const regenerate = createDeskRegenerate({ db, drafter });
    await regenerate(id);
    await regenerate(id);
    expect(drafter.calls.map((c) => (c as { variant: number }).variant)).toEqual([1, 2]);
  });

  it('counts the claim guard flags on the new text, so the flagged filter finds it', async () => {
    const { db, id } = await queued();
    await replaceFacts(db, [{ text: 'I bake in Leeds.' }]);
    const drafter = drafterWriting('Visit https://scam.example for my course at $99!');
    const result = await createDeskRegenerate({ db, drafter })(id);
    expect(result.flagCount).toBeGreaterThan(0);
    expect((await getDraft(db, id))?.flagCount).toBe(result.flagCount);
  });

  it('refuses a discarded draft and leaves it discarded', async () => {
    const { db, id } = await queued();
    await discardDraft(db, id);
    await expect(createDeskRegenerate({ db, drafter: drafterWriting('x') })(id)).rejects.toThrow('no longer on the desk');
    expect((await getDraft(db, id))?.status).toBe('discarded');
  });

  it('is a request only extension pages may send, never a site page', async () => {
    const handler = vi.fn(async () => ({ text: 'x', engine: 'memory' as const, flagCount: 0 }));
    const route = createRouter({ 'desk.regenerate': handler } as unknown as Handlers, { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' });
    const page = { id: 'ext-id', url: 'https://www.youtube.com/watch?v=abc', tab: { id: 7 } };
    const panel = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };
    expect((await route({ type: 'desk.regenerate', payload: { draftId: 1 } }, page)).ok).toBe(false);
    expect((await route({ type: 'desk.regenerate', payload: { draftId: 1, steer: { custom: 'x'.repeat(5000) } } }, panel)).ok).toBe(false);
    expect(await route({ type: 'desk.regenerate', payload: { draftId: 1, steer: { id: 'warmer' } } }, panel)).toMatchObject({ ok: true });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
