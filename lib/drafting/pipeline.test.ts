import type { CommentContext, DraftResult } from '../core/draft';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_KEY, UnderstudyDB, type ExampleRow, type ProfileRow } from '../memory/db';
import { EmptyMemoryError, type DraftEngine, type DraftInput } from '../llm/engine';
import { createMemoryEngine } from '../llm/memory-engine';
import { buildPrompt } from '../llm/prompt';
import { contactKey, setContactNote } from '../memory/contacts-repo';
import { recordSent } from '../memory/learning';
import { exampleText } from '../memory/embedding-text';
import { saveEmbeddingBatch } from '../memory/embeddings-repo';
import { createDraftingPipeline, recentlySent } from './pipeline';
import { createSemanticSearch, type SemanticSearchDeps } from './semantic-search';

const NOW = Date.now();
const DAY = 24 * 60 * 60 * 1000;

const examples: Omit<ExampleRow, 'id'>[] = [
  {
    incoming: 'My sourdough starter has no bubbles after three days, help!',
    reply: 'Hey Sam! Feed your starter twice a day and keep it somewhere warm, it can take a week.\n— Maya 🍞',
    platform: 'youtube',
    source: 'import',
    createdAt: NOW - 40 * DAY,
  },
  {
    incoming: 'What oven temperature for the loaf?',
    reply: 'Hey Jo! 230C with the lid on for 20 minutes, then 20 more without.\n— Maya 🍞',
    platform: 'youtube',
    source: 'import',
    createdAt: NOW - 20 * DAY,
  },
  {
    incoming: '😍😍😍',
    reply: 'Thank you so much!! 💛',
    platform: 'youtube',
    source: 'import',
    createdAt: NOW - 10 * DAY,
  },
  {
    incoming: 'Can I freeze banana bread?',
    reply: 'Hey Priya! Yes, wrap it tight and it keeps a month.\n— Maya 🍞',
    platform: 'instagram',
    source: 'sent',
    createdAt: NOW - 5 * DAY,
  },
];

const profile: ProfileRow = {
  id: PROFILE_KEY,
  name: 'Maya',
  handles: { youtube: '@mayabakes' },
  voice: 'warm, practical',
  values: [],
  objectives: [],
  boundaries: [],
  links: [],
  offers: [],
  importedAt: NOW,
  source: 'maya.json',
};

function comment(text: string, extra: Partial<CommentContext> = {}): CommentContext {
  return {
    site: 'youtube',
    commentId: crypto.randomUUID(),
    author: 'Ana Lopez',
    text,
    pageUrl: 'https://www.youtube.com/watch?v=abc',
    ...extra,
  };
}

describe('the drafting pipeline', () => {
  let db: UnderstudyDB;
  let ids: number[];

  beforeEach(async () => {
    db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
    ids = (await db.examples.bulkAdd(examples, { allKeys: true })) as number[];
    await db.profile.put(profile);
    await db.facts.add({ text: 'I bake in a Dutch oven.' });
  });
  afterEach(async () => {
    await db.delete();
  });

  it('drafts a reply about a sourdough starter from the starter reply, greeting the new commenter by name', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const tokens: string[] = [];
    const result = await pipeline.draft(comment('Day 2 and my starter is still flat, how often should I feed it?'), {
      onToken: (t) => tokens.push(t),
    });
    expect(result.text).toBe(
      'Hey Ana! Feed your starter twice a day and keep it somewhere warm, it can take a week.\n— Maya 🍞',
    );
    expect(result.engine).toBe('memory');
    expect(result.exampleIds).toEqual([ids[0]]);
    expect(result.notice).toMatch(/no AI model/);
    expect(tokens.join('')).toBe(result.text);
  });

  it('answers an emoji-only cheer with the creator\'s own thanks, and no second emoji before the sign-off', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const result = await pipeline.draft(comment('😍😍'));
    expect(result.exampleIds).toEqual([ids[2]]);
    expect(result.text).toContain('Thank you so much!!');
    expect(result.text).not.toMatch(/💛\s*— Maya 🍞/u);
  });

  it('leaves the draft empty and says so when no past reply answers the comment', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const result = await pipeline.draft(comment('What camera do you film with?'));
    expect(result.text).toBe('');
    expect(result.notice).toMatch(/None of your past replies/);
    expect(result.fit?.level).toBe('none');
  });

  it('tells the creator to import a profile when memory has no replies', async () => {
    await db.examples.clear();
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const drafting = pipeline.draft(comment('How often do I feed my starter?'));
    await expect(drafting).rejects.toBeInstanceOf(EmptyMemoryError);
    await expect(drafting).rejects.toThrow(
      'Your memory has no example replies yet. Import a style profile in Understudy options to start drafting.',
    );
  });

  it('does not put a hostile display name into the greeting as markup', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const result = await pipeline.draft(
      comment('how often should I feed my starter?', { author: '<img src=x onerror=alert(1)>' }),
    );
    expect(result.text).not.toMatch(/[<>]/);
    expect(result.text).not.toMatch(/onerror|img|alert/);
    expect(result.text.startsWith('Hey! Feed your starter')).toBe(true);
  });

  it('uses a reply the creator just sent for the next draft', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    await pipeline.draft(comment('warm up'));
    const id = await db.examples.add({
      incoming: 'Do you sell your rye flour blend?',
      reply: 'Hey Kim! Not yet, but I share the ratio in the video description.\n— Maya 🍞',
      platform: 'youtube',
      source: 'sent',
      createdAt: NOW,
    });
    const result = await pipeline.draft(comment('Is your rye flour blend for sale?'));
    expect(result.exampleIds).toEqual([id]);
    expect(result.text).toContain('Hey Ana! Not yet');
  });

  describe('a draft that repeats a reply the creator recently posted', () => {
    const starterComment = 'My starter has no bubbles after four days, how warm should I keep it?';
    /** The starter reply, nearly word for word, as the creator posted it to someone else. */
    const postedAgain = (extra: Partial<ExampleRow>) =>
      db.examples.add({
        reply: 'Hey Lee! Feed your starter twice a day and keep it somewhere warm, it can take a week.\n— Maya 🍞',
        platform: 'youtube',
        source: 'sent',
        createdAt: NOW - DAY,
        ...extra,
      });

    it('is marked sent before when the creator posted nearly the same reply on that site yesterday', async () => {
      const sentId = await postedAgain({});
      const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
      const result = await pipeline.draft(comment(starterComment));
      // Drafted from the 40-day-old import, which alone would not count as sent recently.
      expect(result.exampleIds).toEqual([ids[0]]);
      expect(result.exampleIds).not.toContain(sentId);
      expect(result.sentBefore).toBe(true);
    });

    it('is not marked sent before when the creator posted it 60 days ago', async () => {
      await postedAgain({ createdAt: NOW - 60 * DAY });
      const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
      const result = await pipeline.draft(comment(starterComment));
      expect(result.exampleIds).toEqual([ids[0]]);
      expect(result.sentBefore).toBeUndefined();
    });

    it('is not marked sent before when the creator posted it yesterday on another site', async () => {
      await postedAgain({ platform: 'instagram' });
      const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
      const result = await pipeline.draft(comment(starterComment));
      expect(result.exampleIds).toEqual([ids[0]]);
      expect(result.sentBefore).toBeUndefined();
    });
  });

  it('compares a draft with at most the 200 newest replies the creator posted on that site', () => {
    const sent: ExampleRow[] = Array.from({ length: 250 }, (_, i) => ({
      reply: `reply ${i}`,
      platform: 'youtube',
      source: 'sent',
      createdAt: NOW - i * 60_000,
    }));
    const recent = recentlySent(sent, 'youtube', NOW);
    expect(recent).toHaveLength(200);
    expect(recent[0]).toBe('reply 0');
    expect(recent.at(-1)).toBe('reply 199');
  });

  it('never swaps in an unrelated past reply when the creator regenerates', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const c = comment('My starter has no bubbles after four days, what should I do?');
    const first = await pipeline.draft(c, { variant: 0 });
    const second = await pipeline.draft(c, { variant: 1 });
    expect(first.exampleIds).toEqual([ids[0]]);
    expect(second.exampleIds).toEqual([ids[0]]);
  });

  it('stops a draft the creator cancels', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const controller = new AbortController();
    const tokens: string[] = [];
    const drafting = pipeline.draft(comment('how often should I feed my starter?'), {
      signal: controller.signal,
      onToken: (t) => {
        tokens.push(t);
        controller.abort();
      },
    });
    await expect(drafting).rejects.toMatchObject({ name: 'AbortError' });
    expect(tokens).toHaveLength(1);
  });

  it('gives the chosen engine the profile, facts, steer and closest replies, and reports why it was chosen', async () => {
    let seen: DraftInput | undefined;
    const fake: DraftEngine = {
      id: 'webllm',
      async draft(input): Promise<DraftResult> {
        seen = input;
        return { text: 'ok', engine: 'webllm', model: 'test-model', exampleIds: [] };
      },
    };
    const pipeline = createDraftingPipeline({
      db,
      engines: { memory: createMemoryEngine(), webllm: fake },
      chooseEngine: async () => ({ engine: fake, notice: 'Using the model you picked.' }),
    });
    const result = await pipeline.draft(comment('how often should I feed my starter?'), { steer: { id: 'warmer' } });
    expect(seen?.profile?.name).toBe('Maya');
    expect(seen?.facts.map((f) => f.text)).toEqual(['I bake in a Dutch oven.']);
    expect(seen?.steer).toEqual({ id: 'warmer' });
    expect(seen?.examples[0]?.example.id).toBe(ids[0]);
    expect(seen?.examples.length).toBeLessThanOrEqual(8);
    expect(result).toMatchObject({ engine: 'webllm', notice: 'Using the model you picked.' });
  });

  it('says once why the memory engine wrote the draft when it stands in for the model', async () => {
    const reason = 'WebGPU is not available here, so this draft reuses your past replies.';
    const pipeline = createDraftingPipeline({
      db,
      engines: { memory: createMemoryEngine() },
      chooseEngine: async () => ({ engine: createMemoryEngine(), notice: reason }),
    });
    const result = await pipeline.draft(comment('how often should I feed my starter?'));
    expect(result.notice).toBe(reason);
  });

  it('tells the engine what the creator and this commenter said before, but never the private note', async () => {
    await recordSent(db, {
      comment: 'Does rye need a longer proof?',
      finalText: 'It does, give it an extra hour in a warm spot.',
      platform: 'youtube',
      contact: '@bob',
      sentAt: NOW - 8 * DAY,
    });
    await setContactNote(db, contactKey('youtube', '@bob'), 'PRIVATE: bob is my cousin, never mention it');
    let seen: DraftInput | undefined;
    const fake: DraftEngine = {
      id: 'webllm',
      async draft(input): Promise<DraftResult> {
        seen = input;
        return { text: 'ok', engine: 'webllm', exampleIds: [] };
      },
    };
    const pipeline = createDraftingPipeline({
      db,
      engines: { memory: createMemoryEngine(), webllm: fake },
      chooseEngine: async () => ({ engine: fake }),
    });
    await pipeline.draft(comment('The rye loaf worked this time!', { author: '@Bob' }));

    expect(seen?.contact).toMatchObject({ handle: 'bob', interactions: 1 });
    expect(seen?.contact?.history.map((h) => h.reply)).toEqual(['It does, give it an extra hour in a warm spot.']);
    expect(JSON.stringify(seen)).not.toContain('cousin');
    const prompt = buildPrompt(seen!, { maxPromptTokens: 4000 }).messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('You have talked with @Bob before');
    expect(prompt).toContain('It does, give it an extra hour in a warm spot.');
    expect(prompt).not.toContain('cousin');
  });

  it('comes back with the claim guard’s flags for whatever engine wrote it: an invented child and discount are flagged', async () => {
    const fake: DraftEngine = {
      id: 'webllm',
      async draft(): Promise<DraftResult> {
        return { text: 'My daughter loves this loaf, use code BREAD50 for 50% off', engine: 'webllm', exampleIds: [] };
      },
    };
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine(), webllm: fake }, chooseEngine: async () => ({ engine: fake }) });
    const flagged = await pipeline.draft(comment('Love this loaf!'));
    expect(flagged.flags?.map((f) => f.kind)).toEqual(expect.arrayContaining(['personal', 'price']));
    expect(flagged.flags?.find((f) => f.kind === 'price')?.text).toContain('BREAD50');

    // The memory engine's draft is the creator's own reply: its numbers are backed by it.
    const memory = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const own = await memory.draft(comment('What oven temperature for the loaf?'));
    expect(own.text).toContain('230C');
    expect(own.flags).toEqual([]);
  });

  it('gives the engine no contact section for someone the creator never talked with, even with a note', async () => {
    await setContactNote(db, contactKey('youtube', '@newcomer'), 'PRIVATE: met at the market');
    let seen: DraftInput | undefined;
    const fake: DraftEngine = {
      id: 'webllm',
      async draft(input): Promise<DraftResult> {
        seen = input;
        return { text: 'ok', engine: 'webllm', exampleIds: [] };
      },
    };
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine(), webllm: fake }, chooseEngine: async () => ({ engine: fake }) });
    await pipeline.draft(comment('First time here, love the channel', { author: '@newcomer' }));
    expect(seen).toBeDefined();
    expect(seen?.contact).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('market');
  });
});

describe('the drafting pipeline with hybrid retrieval', () => {
  const EMBED = { id: 'snowflake-arctic-embed-s-q0f32-MLC-b4', dims: 4, queryPrefix: 'Represent this sentence for searching relevant passages: ' };
  /** A stand-in embedding model: each axis is a topic, found by the words that mean it. */
  const TOPICS = [
    ['starter', 'bubbles', 'rise', 'puff', 'flat', 'dense'],
    ['oven', 'temperature', '230c', 'bake'],
    ['thank', 'love', '😍'],
    ['freeze', 'wrap', 'month', 'keep'],
  ];
  const meaningOf = (text: string) => TOPICS.map((words) => words.filter((w) => text.toLowerCase().includes(w)).length + 0.05);

  let db: UnderstudyDB;
  let ids: number[];

  beforeEach(async () => {
    db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
    ids = (await db.examples.bulkAdd(examples, { allKeys: true })) as number[];
    await db.profile.put(profile);
  });
  afterEach(async () => {
    await db.delete();
  });

  async function storeVectors() {
    const rows = await db.examples.bulkGet(ids);
    await saveEmbeddingBatch(db, { model: EMBED.id, dims: EMBED.dims, exampleIds: ids, vectors: rows.map((row) => meaningOf(exampleText(row!))) });
  }

  function pipelineWith(embed: SemanticSearchDeps['embed'], active: SemanticSearchDeps['active'] = async () => ({ model: EMBED })) {
    const rankings: unknown[] = [];
    const semantic = createSemanticSearch({ db, active, embed });
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() }, semantic, onRetrieval: (r) => rankings.push(r) });
    return { pipeline, rankings };
  }

  const COMMENT = 'Mine won’t puff up at all, what am I doing wrong?';

  it('finds the past reply that means the same thing when no word matches, once the replies have vectors', async () => {
    await storeVectors();
    const embed = vi.fn(async ({ texts }: { texts: string[] }) => texts.map(meaningOf));
    const { pipeline, rankings } = pipelineWith(embed);
    const result = await pipeline.draft(comment(COMMENT));
    expect(result.exampleIds).toEqual([ids[0]]);
    expect(result.text).toContain('Feed your starter twice a day');
    expect(result.notice).not.toMatch(/None of your past replies/);
    expect(rankings).toEqual([{ kind: 'hybrid', model: EMBED.id }]);
    expect(embed.mock.calls[0]?.[0]).toMatchObject({ model: { modelId: EMBED.id }, texts: [`${EMBED.queryPrefix}${COMMENT}`] });
  });

  it('uses word matching alone while no reply has a vector yet', async () => {
    const embed = vi.fn(async ({ texts }: { texts: string[] }) => texts.map(meaningOf));
    const { pipeline, rankings } = pipelineWith(embed);
    const result = await pipeline.draft(comment(COMMENT));
    expect(result.notice).toMatch(/None of your past replies/);
    expect(rankings).toEqual([{ kind: 'lexical' }]);
    // Known to be empty now: the next draft does not even ask the embedding model.
    await pipeline.draft(comment(COMMENT));
    expect(embed).toHaveBeenCalledTimes(1);
  });

  it('still drafts, by word matching, when the embedding model fails', async () => {
    await storeVectors();
    const { pipeline, rankings } = pipelineWith(async () => {
      throw new Error('The GPU stopped while running the model.');
    });
    const result = await pipeline.draft(comment('How often should I feed my starter?'));
    expect(result.exampleIds).toEqual([ids[0]]);
    expect(rankings).toEqual([{ kind: 'lexical' }]);
  });

  it('never asks for an embedding when no embedding model is in use', async () => {
    await storeVectors();
    const embed = vi.fn(async ({ texts }: { texts: string[] }) => texts.map(meaningOf));
    const { pipeline, rankings } = pipelineWith(embed, async () => null);
    await pipeline.draft(comment(COMMENT));
    expect(embed).not.toHaveBeenCalled();
    expect(rankings).toEqual([{ kind: 'lexical' }]);
  });

  it('cancelling the draft while the comment is being embedded cancels the draft', async () => {
    await storeVectors();
    const controller = new AbortController();
    const { pipeline } = pipelineWith(
      (_request, { signal }) =>
        new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new DOMException('Drafting was cancelled.', 'AbortError')))),
    );
    const drafting = pipeline.draft(comment(COMMENT), { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expect(drafting).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the drafting pipeline with direct messages', () => {
  let db: UnderstudyDB;
  const seen: DraftInput[] = [];
  const spy: DraftEngine = {
    id: 'webllm',
    async draft(input) {
      seen.push(input);
      return { text: 'ok', engine: 'webllm', exampleIds: [] };
    },
  };

  beforeEach(async () => {
    seen.length = 0;
    db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
    await db.profile.put(profile);
    await db.examples.bulkAdd([
      ...examples.map((e) => ({ ...e, kind: 'comment' as const })),
      { incoming: 'How often should I feed my starter?', reply: 'twice a day is plenty, keep it cosy', platform: 'instagram', source: 'sent', createdAt: NOW - DAY, kind: 'dm' },
    ]);
  });
  afterEach(async () => {
    await db.delete();
  });

  const dmContext = (text: string): CommentContext =>
    comment(text, { site: 'instagram', kind: 'dm', commentId: 'dm:t1', author: 'Omar', handle: 'omar', conversation: { id: 't1', group: false, messages: [{ from: 'them', sender: 'Omar', handle: 'omar', text }], answering: [0] } });

  it('drafts a DM from the creator\'s DM replies first, then their comment replies', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine(), webllm: spy }, chooseEngine: async () => ({ engine: spy }) });
    await pipeline.draft(dmContext('How often do I feed my sourdough starter?'));
    const kinds = seen[0]!.examples.map((r) => r.example.kind);
    expect(kinds[0]).toBe('dm');
    expect(kinds).toContain('comment');
    expect(kinds.indexOf('comment')).toBeGreaterThan(kinds.lastIndexOf('dm'));
  });

  it('writes a DM in the creator\'s DM words with the memory engine', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const result = await pipeline.draft(dmContext('How often do I feed my sourdough starter?'));
    expect(result.text).toContain('twice a day is plenty, keep it cosy');
  });

  it('never gives a comment draft a DM reply, however close it is', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine(), webllm: spy }, chooseEngine: async () => ({ engine: spy }) });
    await pipeline.draft(comment('How often should I feed my starter?', { site: 'instagram' }));
    expect(seen[0]!.examples.length).toBeGreaterThan(0);
    expect(seen[0]!.examples.every((r) => r.example.kind !== 'dm')).toBe(true);
  });
});
