/**
 * Issue 11's leak test: a secret planted in one DM conversation (in the other person's messages
 * and in the reply the creator sent there) never reaches a draft for another person's DM or for
 * a public comment, with the memory engine (its draft, its kept-aside closest reply, its notice)
 * and with a model engine (the prompt it is given: a recording test double).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dmAnswer, type ConversationMessage } from '../core/conversation';
import type { CommentContext, DraftResult } from '../core/draft';
import { PROFILE_KEY, UnderstudyDB, type ExampleRow } from '../memory/db';
import { addSentExample } from '../memory/examples-repo';
import type { DraftEngine, DraftInput } from '../llm/engine';
import { createMemoryEngine } from '../llm/memory-engine';
import { buildPrompt } from '../llm/prompt';
import { recordSentDraft } from './draft-records';
import { createDraftingPipeline } from './pipeline';

const NOW = Date.now();
const DAY = 24 * 60 * 60 * 1000;
/** Everything that must never leave Lena's conversation. */
const SECRETS = [/4471/u, /theodora/iu, /door code is/iu, /rosewood/iu];

const lenasConversation: ConversationMessage[] = [
  { from: 'them', sender: 'Lena Brooks', handle: 'lenab', text: 'Theodora says hi! We moved to Rosewood Lane.' },
  { from: 'me', sender: 'You', text: 'Aw hi to her!' },
  { from: 'them', sender: 'Lena Brooks', handle: 'lenab', text: 'For Saturday: my door code is 4471, what time do you get here?' },
];
const lenasReply = 'Perfect Lena, my door code is 4471 too haha. I get there at 10, tell Theodora!';

const publicReplies: Omit<ExampleRow, 'id'>[] = [
  { incoming: 'What time do you usually start baking?', reply: 'Early! The oven goes on at dawn most days ☀️', platform: 'instagram', source: 'import', createdAt: NOW - 30 * DAY, kind: 'comment' },
  { incoming: 'Love this video!!', reply: 'Thank you so much!! 💛', platform: 'instagram', source: 'import', createdAt: NOW - 20 * DAY, kind: 'comment' },
];
/** A DM reply that names nobody and carries no detail: the one a DM draft may learn from. */
const shareableDm: Omit<ExampleRow, 'id'> = {
  incoming: 'Would you be up for a collab with my little bakery?',
  reply: 'Happy to chat about a collab! Send over what you have in mind 😊',
  platform: 'instagram',
  source: 'sent',
  createdAt: NOW - 10 * DAY,
  kind: 'dm',
};

function dmContext(messages: ConversationMessage[], id: string): CommentContext {
  const answer = dmAnswer({ id, group: false, messages })!;
  return { site: 'instagram', pageUrl: `https://www.instagram.com/direct/t/${id}/`, ...answer };
}

/** A model engine stand-in that records the prompt it would send (test code only). */
function recordingEngine(prompts: string[]): DraftEngine {
  return {
    id: 'webllm',
    async draft(input: DraftInput): Promise<DraftResult> {
      const built = buildPrompt(input, { maxPromptTokens: 6000 });
      prompts.push(built.messages.map((m) => m.content).join('\n'));
      return { text: 'Sounds good!', engine: 'webllm', exampleIds: built.usedExampleIds };
    },
  };
}

const omarsDm = () =>
  dmContext([{ from: 'them', sender: 'Omar', handle: 'omar.bakes', text: 'Up for a collab? What is the door code for your studio, and what time do you get there on Saturday?' }], 'omar-1');
/** A public comment by Lena herself: their private exchange must still stay out of it. */
const lenasComment = (): CommentContext => ({
  site: 'instagram',
  commentId: 'c-1',
  author: 'lenab',
  handle: 'lenab',
  text: 'What is the door code for the studio? What time do you get there Saturday?',
  pageUrl: 'https://www.instagram.com/p/abc/',
});

function expectNoSecret(text: string | undefined): void {
  for (const secret of SECRETS) expect(text ?? '').not.toMatch(secret);
}

describe('what is said in one DM conversation stays there', () => {
  let db: UnderstudyDB;

  beforeEach(async () => {
    db = new UnderstudyDB(`test-${crypto.randomUUID()}`);
    await db.profile.put({
      id: PROFILE_KEY,
      name: 'Maya',
      handles: { instagram: '@mayabakes' },
      voice: 'warm',
      values: [],
      objectives: [],
      boundaries: [],
      links: [],
      offers: [],
      importedAt: NOW,
      source: 'maya.json',
    });
    await db.examples.bulkAdd([...publicReplies, shareableDm]);
    // The creator answers Lena and sends it: it joins memory as a sent DM reply.
    const lena = dmContext(lenasConversation, 'lena-1');
    const { recorded } = await recordSentDraft(db, { comment: lena, text: lenasReply, engineText: lenasReply, engine: 'memory', exampleIds: [], via: 'seen' });
    expect(recorded).toBe(true);
    const stored = await db.examples.where('kind').equals('dm').toArray();
    expect(stored.map((e) => e.reply)).toContain(lenasReply);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('never puts the secret in a memory-engine draft for another person\'s DM or for a public comment', async () => {
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    for (const context of [omarsDm(), lenasComment()]) {
      for (const variant of [0, 1, 2]) {
        const result = await pipeline.draft(context, { variant });
        expectNoSecret(result.text);
        expectNoSecret(result.closest?.text);
        expectNoSecret(result.notice);
        if (context.kind === 'dm') expect(`${result.text} ${result.closest?.text ?? ''}`).not.toMatch(/lena/iu);
      }
    }
  });

  it('never shows the secret to the model when drafting another person\'s DM or a public comment', async () => {
    const prompts: string[] = [];
    const engine = recordingEngine(prompts);
    const pipeline = createDraftingPipeline({
      db,
      engines: { memory: createMemoryEngine(), webllm: engine },
      chooseEngine: async () => ({ engine }),
    });
    await pipeline.draft(omarsDm());
    await pipeline.draft(lenasComment());
    expect(prompts).toHaveLength(2);
    prompts.forEach(expectNoSecret);
    // The DM draft still learns the creator's DM voice, from the reply alone: never the other
    // person's message, and never in the public comment's prompt.
    const [dmPrompt, commentPrompt] = prompts as [string, string];
    // Omar never hears of Lena; Lena's public comment doesn't learn that she and the creator talk in private.
    expect(dmPrompt).not.toMatch(/lena/iu);
    expect(commentPrompt).not.toMatch(/talked with/iu);
    expect(dmPrompt).toContain('Send over what you have in mind');
    expect(dmPrompt).not.toContain('my little bakery');
    expect(commentPrompt).not.toContain('Send over what you have in mind');
  });

  it('keeps a DM reply the creator sent even when it sits closest to a public comment, and still never uses it there', async () => {
    await addSentExample(db, { reply: 'Door code is the same as always, see you Saturday', incoming: 'door code?', kind: 'dm', platform: 'instagram' });
    const pipeline = createDraftingPipeline({ db, engines: { memory: createMemoryEngine() } });
    const result = await pipeline.draft(lenasComment());
    expect(result.text).not.toMatch(/door code/iu);
    expect(result.closest?.text ?? '').not.toMatch(/door code/iu);
  });
});
