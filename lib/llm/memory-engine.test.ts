import type { CommentContext } from '../core/draft';
import { describe, expect, it } from 'vitest';
import type { ExampleRow } from '../memory/db';
import { EmptyMemoryError, type DraftInput, type RetrievedExample } from './engine';
import {
  MEMORY_NOTICE,
  createMemoryEngine,
  draftFromMemory,
  parseSteer,
  rankCandidates,
  shortenBody,
  wordChunks,
} from './memory-engine';

function comment(text: string, extra: Partial<CommentContext> = {}): CommentContext {
  return {
    site: 'youtube',
    commentId: 'c1',
    author: 'Ana Lopez',
    text,
    pageUrl: 'https://www.youtube.com/watch?v=abc',
    ...extra,
  };
}

function retrieved(id: number, reply: string, score: number, extra: Partial<ExampleRow> = {}): RetrievedExample {
  return { example: { id, reply, source: 'import', platform: 'youtube', createdAt: 0, ...extra }, score };
}

function input(text: string, examples: RetrievedExample[], extra: Partial<DraftInput> = {}): DraftInput {
  return { comment: comment(text), profile: undefined, facts: [], examples, ...extra };
}

const starter = retrieved(
  1,
  'Hey Sam! Feed your starter twice a day at room temperature. It takes about a week to get bubbly.\n— Maya 🍞',
  9,
);
const thanks = retrieved(2, 'Hey Jo! Thank you so much, that means a lot 💛\n— Maya 🍞', 4);
const oven = retrieved(3, 'Hey Priya! 230C with the lid on.\n— Maya 🍞', 3);

describe('the memory engine', () => {
  it('refuses to draft from an empty memory, saying how to fill it', async () => {
    const engine = createMemoryEngine();
    await expect(engine.draft(input('hi', []))).rejects.toBeInstanceOf(EmptyMemoryError);
    await expect(engine.draft(input('hi', []))).rejects.toThrow(/Import a style profile/);
  });

  it('answers with the closest past reply, greeting the new commenter and keeping the sign-off', async () => {
    const engine = createMemoryEngine();
    const result = await engine.draft(input('How often do I feed my starter?', [starter, thanks, oven]));
    expect(engine.id).toBe('memory');
    expect(result.text).toBe(
      'Hey Ana! Feed your starter twice a day at room temperature. It takes about a week to get bubbly.\n— Maya 🍞',
    );
    expect(result.engine).toBe('memory');
    expect(result.exampleIds).toEqual([1]);
    expect(result.notice).toBe(MEMORY_NOTICE);
  });

  it('streams the draft word by word, and the pieces add up to the draft', async () => {
    const tokens: string[] = [];
    const result = await draftFromMemory(input('starter?', [starter]), { onToken: (t) => tokens.push(t) });
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.join('')).toBe(result.text);
  });

  it('stops streaming and rejects with an AbortError when the creator cancels', async () => {
    const controller = new AbortController();
    const tokens: string[] = [];
    const drafting = draftFromMemory(input('starter?', [starter]), {
      signal: controller.signal,
      onToken: (t) => {
        tokens.push(t);
        if (tokens.length === 3) controller.abort();
      },
    });
    await expect(drafting).rejects.toMatchObject({ name: 'AbortError' });
    await expect(drafting).rejects.toBeInstanceOf(DOMException);
    expect(tokens).toHaveLength(3);
  });

  it('does not start a draft that was cancelled before it began', async () => {
    const controller = new AbortController();
    controller.abort();
    const tokens: string[] = [];
    await expect(
      draftFromMemory(input('starter?', [starter]), { signal: controller.signal, onToken: (t) => tokens.push(t) }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(tokens).toEqual([]);
  });

  it('offers a different past reply on each Regenerate, then comes back round', async () => {
    const texts = await Promise.all(
      [0, 1, 2, 3].map(async (variant) => (await draftFromMemory(input('q', [starter, thanks, oven]), { variant })).text),
    );
    expect(new Set(texts.slice(0, 3)).size).toBe(3);
    expect(texts[3]).toBe(texts[0]);
  });

  it('does not offer the same words twice when the creator repeated a reply', async () => {
    const again = retrieved(4, 'Hey Kim! Thank you so much, that means a lot 💛\n— Maya 🍞', 4);
    const first = await draftFromMemory(input('q', [thanks, again, oven]), { variant: 0 });
    const second = await draftFromMemory(input('q', [thanks, again, oven]), { variant: 1 });
    expect(second.text).not.toBe(first.text);
    expect(second.exampleIds).toEqual([3]);
  });

  it('gives a shorter draft when asked for "shorter"', async () => {
    const normal = await draftFromMemory(input('starter?', [starter, thanks, oven]));
    const shorter = await draftFromMemory(input('starter?', [starter, thanks, oven], { steer: { id: 'shorter' } }));
    expect(shorter.text.length).toBeLessThan(normal.text.length);
    expect(shorter.exampleIds).toEqual([3]);
    expect(shorter.notice).toBe(MEMORY_NOTICE);
  });

  it('picks the warmest of the closest replies when asked for "warmer"', async () => {
    const warmer = await draftFromMemory(input('starter?', [starter, oven, thanks], { steer: { custom: 'make it warmer' } }));
    expect(warmer.exampleIds).toEqual([2]);
    expect(warmer.text).toContain('means a lot 💛');
  });

  it('picks the most formal of the closest replies when asked for "formal"', async () => {
    const formal = await draftFromMemory(input('starter?', [thanks, starter, oven], { steer: { id: 'formal' } }));
    expect(formal.exampleIds).not.toEqual([2]);
    expect(formal.text).not.toContain('💛');
  });

  it('says plainly when it cannot apply a steer', async () => {
    const result = await draftFromMemory(input('starter?', [starter], { steer: { id: 'funnier' } }));
    expect(result.text).toContain('Feed your starter');
    expect(result.notice).toContain("The memory engine can't apply 'Funnier' — it reuses your own replies.");
  });

  it('warns that no past reply closely matches when retrieval found no match', async () => {
    const result = await draftFromMemory(input('😍😍', [retrieved(5, 'Thank you!! 💛', 0)]));
    expect(result.text).toBe('Thank you!! 💛');
    expect(result.notice).toMatch(/None of your past replies closely matches/);
  });

  it('explains why it is writing with the reason it was given', async () => {
    const reason = 'WebGPU is not available in this browser, so this draft reuses your past replies.';
    const result = await draftFromMemory(input('starter?', [starter]), { reason });
    expect(result.notice).toBe(reason);
  });
});

describe('rankCandidates', () => {
  it('among equally close replies, prefers the same platform, then the shorter one for a short comment', () => {
    const long = retrieved(10, 'Thank you so much, this made my whole week, honestly!', 5);
    const short = retrieved(11, 'Thank you!', 5);
    const elsewhere = retrieved(12, 'Thanks!', 5, { platform: 'instagram' });
    expect(rankCandidates([long, elsewhere, short], comment('love it')).map((r) => r.example.id)).toEqual([
      11, 10, 12,
    ]);
  });

  it('keeps retrieval order when one reply is clearly closer', () => {
    const best = retrieved(10, 'A long and specific answer about starters and feeding schedules.', 8);
    const short = retrieved(11, 'Thanks!', 2);
    expect(rankCandidates([best, short], comment('starter?'))[0]?.example.id).toBe(10);
  });
});

describe('helpers', () => {
  it('recognises the steers a choice among past replies can honour', () => {
    expect(parseSteer({ custom: 'Shorter please' }).kind).toBe('shorter');
    expect(parseSteer({ id: 'warmer' }).kind).toBe('warmer');
    expect(parseSteer({ custom: 'more detail' }).kind).toBe('longer');
    expect(parseSteer({ id: 'formal' }).kind).toBe('formal');
    expect(parseSteer({ custom: 'mention my course' })).toEqual({ kind: 'unsupported', text: 'mention my course' });
    expect(parseSteer({ custom: '  ' }).kind).toBe('none');
  });

  it('shortens a body to its first sentences, keeping a closing emoji', () => {
    expect(shortenBody('Thank you so much! Feed it twice a day at room temp. It takes a week. 💛')).toBe(
      'Thank you so much! Feed it twice a day at room temp. 💛',
    );
    expect(shortenBody('One sentence only')).toBe('One sentence only');
  });

  it('splits text into word-sized chunks that join back exactly', () => {
    const text = 'Hey Ana!\n— Maya 🍞  ';
    expect(wordChunks(text).join('')).toBe(text);
  });
});
