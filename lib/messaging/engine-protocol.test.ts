import { makeInput } from '../llm/draft-input.testutil';
import { toWireInput } from '../llm/host/offscreen-client';
import { MAX_FACTS } from '../core/limits';
import { describeInvalidRequest, engineHostInSchema, engineHostOutSchema } from './engine-protocol';

const draftStart = (input: unknown) => ({
  type: 'draft.start',
  requestId: 'r1',
  model: { modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' },
  generation: { temperature: 0.7, maxTokens: 256 },
  input,
});

describe('engine protocol', () => {
  it('accepts a draft request carrying the comment, profile, facts and retrieved examples', () => {
    expect(engineHostInSchema.safeParse(draftStart(toWireInput(makeInput()))).success).toBe(true);
  });

  it('rejects a draft whose comment page URL is not a URL, or with out-of-range settings', () => {
    const input = toWireInput(makeInput());
    expect(engineHostInSchema.safeParse(draftStart({ ...input, comment: { ...input.comment, pageUrl: 'nope' } })).success).toBe(false);
    expect(engineHostInSchema.safeParse({ ...draftStart(input), generation: { temperature: 5, maxTokens: 256 } }).success).toBe(false);
  });

  it('rejects a custom model served over plain http from another machine', () => {
    const message = {
      type: 'model.download',
      requestId: 'd1',
      model: { modelId: 'm', custom: { id: 'm', modelUrl: 'http://example.com/m', modelLibUrl: 'https://example.com/m.wasm' } },
    };
    expect(engineHostInSchema.safeParse(message).success).toBe(false);
  });

  it('accepts every kind of host reply and rejects unknown ones', () => {
    const replies = [
      { type: 'queue', requestId: 'r', position: 2 },
      { type: 'status', requestId: 'r', message: 'Loading…', progress: 0.5 },
      { type: 'token', requestId: 'r', text: 'Hi' },
      { type: 'done', requestId: 'r', result: { text: 'Hi', engine: 'webllm', exampleIds: [1] } },
      { type: 'cancelled', requestId: 'r' },
      { type: 'error', requestId: 'r', message: 'x', kind: 'download' },
      { type: 'progress', requestId: 'r', phase: 'download', progress: 0.1, message: 'm', loadedMB: 1 },
      { type: 'cache.status', requestId: 'r', cached: true },
      { type: 'storage.estimate', requestId: 'r', usage: 1, quota: 2 },
      { type: 'capability', requestId: 'r', capability: { available: false, isSoftware: false, shaderF16: false } },
      { type: 'ok', requestId: 'r' },
      { type: 'embeddings', requestId: 'r', model: 'snowflake-arctic-embed-s-q0f32-MLC-b4', vectors: [[0.1, 0.2], [0.3, 0.4]] },
    ];
    for (const reply of replies) expect(engineHostOutSchema.safeParse(reply).success, reply.type).toBe(true);
    expect(engineHostOutSchema.safeParse({ type: 'eval', requestId: 'r' }).success).toBe(false);
  });

  it('accepts an embed request of a few texts, and rejects empty texts or too many at once', () => {
    const embed = (texts: string[]) => ({ type: 'embed', requestId: 'e', model: { modelId: 'snowflake-arctic-embed-s-q0f32-MLC-b4' }, texts });
    expect(engineHostInSchema.safeParse(embed(['one', 'two'])).success).toBe(true);
    expect(engineHostInSchema.safeParse(embed([])).success).toBe(false);
    expect(engineHostInSchema.safeParse(embed(['ok', ''])).success).toBe(false);
    expect(engineHostInSchema.safeParse(embed(Array.from({ length: 65 }, () => 'x'))).success).toBe(false);
  });

  it('says which field broke which limit when it refuses a draft request', () => {
    const facts = Array.from({ length: MAX_FACTS + 1 }, (_, i) => ({ id: i, text: `Fact ${i}` }));
    const parsed = engineHostInSchema.safeParse(draftStart(toWireInput(makeInput({ facts }))));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(describeInvalidRequest(parsed.error)).toBe('The engine could not read this request: input.facts has more items than the 5,000 allowed.');
  });

  it('accepts a draft request carrying more than 500 facts and 200 links, as a valid profile may', () => {
    const facts = Array.from({ length: 600 }, (_, i) => ({ id: i, text: `Fact ${i}` }));
    const links = Array.from({ length: 300 }, (_, i) => ({ label: `Link ${i}`, url: `https://sam.example/${i}` }));
    const input = toWireInput(makeInput({ facts, profile: { ...makeInput().profile!, links } }));
    expect(engineHostInSchema.safeParse(draftStart(input)).success).toBe(true);
  });
});
