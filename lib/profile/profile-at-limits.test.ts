/**
 * The profile schema and the engine's wire schema read the same limits (lib/core/limits): a
 * profile that imports is one the model can draft from. Before they shared them, a profile with
 * more than 500 facts or 200 links failed every model draft.
 */
import {
  MAX_FACTS,
  MAX_ITEM_CHARS,
  MAX_LIST_ITEMS,
  MAX_NAME_CHARS,
  MAX_URL_CHARS,
  MAX_VOICE_CHARS,
} from '../core/limits';
import { makeComment } from '../llm/draft-input.testutil';
import { toWireInput } from '../llm/host/offscreen-client';
import { buildPrompt } from '../llm/prompt';
import { engineHostInSchema } from '../messaging/engine-protocol';
import { toFactRows, toProfileRow } from './apply';
import { styleProfileSchema, type StyleProfileInput } from './schema';

const text = (n: number, seed: string) => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n).trim().padEnd(n, 'x');
const url = (n: number, i: number) => `https://example.com/${i}/`.padEnd(n, 'a');
const list = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** Every list at its longest, every text at its longest. */
function profileAtEveryMaximum(itemChars = MAX_ITEM_CHARS): StyleProfileInput {
  const name = (i: number) => text(MAX_NAME_CHARS, `name${i}`);
  return {
    format: 'understudy.style-profile',
    version: 1,
    name: name(0),
    handles: { youtube: name(1), instagram: name(2), tiktok: name(3), x: name(4) },
    voice: text(MAX_VOICE_CHARS, 'warm'),
    values: list(MAX_LIST_ITEMS, (i) => text(itemChars, `value${i}`)),
    objectives: list(MAX_LIST_ITEMS, (i) => text(itemChars, `objective${i}`)),
    greeting: name(5),
    signoff: name(6),
    facts: list(MAX_FACTS, (i) => ({ text: text(itemChars, `fact${i}`), topic: name(i) })),
    boundaries: list(MAX_LIST_ITEMS, (i) => text(itemChars, `boundary${i}`)),
    links: list(MAX_LIST_ITEMS, (i) => ({ label: name(i), url: url(MAX_URL_CHARS, i) })),
    offers: list(MAX_LIST_ITEMS, (i) => ({ name: name(i), details: text(itemChars, `offer${i}`), url: url(MAX_URL_CHARS, i), price: name(i) })),
    examples: [{ reply: 'Thanks!' }],
  };
}

describe('a profile at the limits', () => {
  it('at every maximum the profile schema allows, crosses to the engine whole', () => {
    const profile = styleProfileSchema.parse(profileAtEveryMaximum());
    const input = toWireInput({
      comment: makeComment(),
      profile: toProfileRow(profile, 'x'.repeat(255) + '.json', 1),
      facts: toFactRows(profile).map((f, i) => ({ ...f, id: i + 1 })),
      examples: [],
    });
    const request = { type: 'draft.start', requestId: 'r', model: { modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' }, generation: { temperature: 0.7, maxTokens: 256 }, input };
    const parsed = engineHostInSchema.safeParse(request);
    expect(parsed.error?.issues[0]).toBeUndefined();
  });

  it('with every list full of short items, drafts within a 4k model’s context, boundaries and all', () => {
    const profile = styleProfileSchema.parse({ ...profileAtEveryMaximum(60), boundaries: ['my family', 'politics'], voice: 'Warm and short.' });
    const prompt = buildPrompt(
      { comment: makeComment(), profile: toProfileRow(profile, 'p.json', 1), facts: toFactRows(profile).map((f, i) => ({ ...f, id: i + 1 })), examples: [] },
      { maxPromptTokens: 4096 - 256 - 64 },
    );
    expect(prompt.promptTokens).toBeLessThanOrEqual(4096 - 256 - 64);
    expect(prompt.messages[0]?.content).toContain('Never discuss: my family; politics.');
    expect(prompt.leftOut?.facts).toBeGreaterThan(4000);
  });
});
