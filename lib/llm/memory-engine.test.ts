import type { CommentContext } from '../core/draft';
import { describe, expect, it } from 'vitest';
import type { ExampleRow } from '../memory/db';
import { EmptyMemoryError, type DraftInput, type RetrievedExample } from './engine';
import {
  MEMORY_NOTICE,
  createMemoryEngine,
  draftFromMemory,
  memorySteerSupport,
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

  const feedQuestion = (id: number, reply: string, score: number) =>
    retrieved(id, reply, score, { incoming: 'How often should I feed my starter?' });
  const feeding = [
    feedQuestion(11, 'Feed your starter twice a day, morning and evening. Rye flour helps it along.', 9),
    feedQuestion(12, 'Twice a day at room temperature: feed your starter equal weights of flour and water.', 8.5),
    feedQuestion(13, 'Feed your starter once a day if it lives in a cool kitchen, thank you for asking! 💛', 8),
  ];

  it('offers another fitting past reply on each Regenerate, then comes back round', async () => {
    const texts = await Promise.all(
      [0, 1, 2, 3].map(
        async (variant) =>
          (await draftFromMemory(input('How often do you feed your starter?', [...feeding, thanks]), { variant })).text,
      ),
    );
    expect(new Set(texts.slice(0, 3)).size).toBe(3);
    expect(texts[3]).toBe(texts[0]);
    expect(texts.join(' ')).not.toContain('means a lot');
  });

  it('does not offer the same words twice when the creator repeated a reply', async () => {
    const again = feedQuestion(14, feeding[0]!.example.reply, 8.9);
    const first = await draftFromMemory(input('How often do you feed your starter?', [feeding[0]!, again, feeding[1]!]), { variant: 0 });
    const second = await draftFromMemory(input('How often do you feed your starter?', [feeding[0]!, again, feeding[1]!]), { variant: 1 });
    expect(second.text).not.toBe(first.text);
    expect(second.exampleIds).toEqual([12]);
  });

  it('gives the shortest fitting reply when asked for "shorter", never an unrelated one', async () => {
    const normal = await draftFromMemory(input('How often do you feed your starter?', [...feeding, oven]));
    const shorter = await draftFromMemory(
      input('How often do you feed your starter?', [...feeding, oven], { steer: { id: 'shorter' } }),
    );
    expect(shorter.text.length).toBeLessThan(normal.text.length);
    expect(shorter.exampleIds).not.toEqual([3]);
    expect(shorter.text).toContain('starter');
  });

  it('picks the warmest fitting reply when asked for "warmer"', async () => {
    const warmer = await draftFromMemory(
      input('How often do you feed your starter?', [...feeding, thanks], { steer: { custom: 'make it warmer' } }),
    );
    expect(warmer.exampleIds).toEqual([13]);
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

  it('leaves the draft empty and says so when no past reply answers the comment, keeping the closest aside', async () => {
    const result = await draftFromMemory(
      input('What camera do you film with?', [
        retrieved(5, 'Thank you!! 💛', 3, { incoming: 'Love your videos' }),
        retrieved(6, '230C with the lid on for 20 minutes.', 2, { incoming: 'What temperature do you bake at?' }),
      ]),
    );
    expect(result.text).toBe('');
    expect(result.fit?.level).toBe('none');
    expect(result.notice).toContain('None of your past replies answers this');
    expect(result.closest?.exampleId).toBeGreaterThan(0);
  });

  it('never answers a question with a thank-you reply, however close its words', async () => {
    const result = await draftFromMemory(
      input('Thank you, but how long do you proof it?', [
        retrieved(7, 'Thank you so much, that means a lot!', 9, { incoming: 'Thank you for the proofing video' }),
      ]),
    );
    expect(result.text).toBe('');
  });

  it('thanks praise with one of the creator\'s own thank-you replies', async () => {
    const result = await draftFromMemory(
      input('😍😍', [
        retrieved(8, 'Store it in the fridge for up to a week.', 2, { incoming: 'How do I store it?' }),
        retrieved(9, 'That genuinely means the world, thank you.', 1, { incoming: 'Your videos are the best' }),
      ]),
    );
    expect(result.exampleIds).toEqual([9]);
    expect(result.fit?.level).not.toBe('none');
  });

  it('marks a draft the creator already posted on this platform recently as sent before', async () => {
    const now = Date.parse('2026-01-10T00:00:00Z');
    const recent = feedQuestion(15, 'Feed your starter twice a day, at room temperature.', 9);
    recent.example.createdAt = now - 24 * 60 * 60 * 1000;
    const result = await draftFromMemory(input('How often do you feed your starter?', [recent]), { now });
    expect(result.sentBefore).toBe(true);
    const old = await draftFromMemory(input('How often do you feed your starter?', [feeding[0]!]), { now });
    expect(old.sentBefore).toBeUndefined();
  });

  it('reports Funnier as a steer it cannot honour, and the others as supported', () => {
    expect(memorySteerSupport('funnier')).toMatchObject({ supported: false });
    expect(memorySteerSupport('shorter')).toEqual({ supported: true });
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

describe('the memory engine with direct messages', () => {
  const collab = retrieved(7, 'Happy to chat about a collab! Send over what you have in mind', 9, {
    incoming: 'Would you be up for a collab?',
    kind: 'dm',
    platform: 'instagram',
  });
  const privateReply = retrieved(8, 'Sure Lena, my door code is 4471 for the collab shoot', 12, {
    incoming: 'Collab shoot at mine? What is the door code?',
    kind: 'dm',
    contactKey: 'instagram:lena',
    platform: 'instagram',
  });
  const dmInput = (text: string, examples: RetrievedExample[]): DraftInput => ({
    comment: comment(text, { site: 'instagram', kind: 'dm', commentId: 'dm:t2', author: 'Omar', handle: 'omar' }),
    profile: undefined,
    facts: [],
    examples,
  });

  it('reuses a DM reply word for word in a DM draft when it names nobody and carries no detail', async () => {
    const result = await draftFromMemory(dmInput('Would you be up for a collab sometime?', [privateReply, collab]));
    expect(result.text).toBe('Happy to chat about a collab! Send over what you have in mind');
    expect(result.exampleIds).toEqual([7]);
  });

  it('never reuses a DM reply in a comment draft, and abstains honestly when nothing else is close', async () => {
    const result = await draftFromMemory(input('Would you be up for a collab sometime?', [collab, privateReply]));
    expect(result.text).toBe('');
    expect(result.fit?.level).toBe('none');
    expect(result.closest).toBeUndefined();
    expect(result.notice).toMatch(/None of your past replies/u);
  });

  it('abstains rather than reuse a DM reply that names someone or carries a code, keeping nothing of it aside', async () => {
    const result = await draftFromMemory(dmInput('Collab shoot at yours? What is the door code?', [privateReply]));
    expect(result.text).toBe('');
    expect(result.fit?.level).toBe('none');
    expect(JSON.stringify(result)).not.toMatch(/4471|lena/iu);
  });
});
