/**
 * A big fact sheet reaches the model and fits its context: before the wire took the profile's
 * limits and the prompt had a budget, 600 facts failed every model draft with "The engine could
 * not read this request." and the draft silently came from the memory engine.
 */
import type { EngineHostOut } from '../../messaging/engine-protocol';
import { makeInput, makeProfile } from '../draft-input.testutil';
import { estimateTokens } from '../token-estimate';
import { createEngineHost } from './engine-host';
import { FakeMLCEngine } from './fake-mlc-engine.testutil';
import { toWireInput } from './offscreen-client';
import { everyLibPackaged } from '../packaging.testutil';

const MODEL = { modelId: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' };
const GENERATION = { temperature: 0.7, maxTokens: 256 };

async function settle(turns = 100) {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

function hostWithFakeModel() {
  const engine = new FakeMLCEngine({ pieces: ['Bread flour, ', 'always.'] });
  const host = createEngineHost({
    getEngine: async () => engine,
    resetEngine: async () => {},
    hasModelInCache: async () => true,
    deleteModelAllInfoInCache: async () => {},
    estimateStorage: async () => ({}),
    detectGpu: async () => ({ available: true, isSoftware: false, shaderF16: true }),
    packaging: everyLibPackaged(),
  });
  const received: EngineHostOut[] = [];
  return { engine, session: host.connect((m) => received.push(m)), received };
}

describe('a model draft from a large profile', () => {
  it('drafts with 600 facts and 300 links, within a 4k context, and says how many facts it left out', async () => {
    const { engine, session, received } = hostWithFakeModel();
    const facts = Array.from({ length: 600 }, (_, i) => ({ id: i + 1, text: `Fact ${i + 1}: I filmed episode ${i + 1} in my kitchen.` }));
    const links = Array.from({ length: 300 }, (_, i) => ({ label: `Vlog ${i}`, url: `https://sam.example/vlog/${i}` }));
    const input = toWireInput(makeInput({ facts, profile: makeProfile({ links }) }));
    session.receive({ type: 'draft.start', requestId: 'r1', model: MODEL, generation: GENERATION, input });
    await vi.waitFor(() => expect(received.some((m) => m.type === 'done' || m.type === 'error')).toBe(true));
    await settle();

    expect(received.find((m) => m.type === 'error')).toBeUndefined();
    const done = received.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.result.engine).toBe('webllm');
    expect(done?.type === 'done' && done.result.leftOut?.facts).toBeGreaterThan(0);
    const messages = engine.requests[0]?.messages ?? [];
    const estimate = messages.reduce((sum, m) => sum + estimateTokens(String(m.content)) + 5, 5);
    expect(estimate).toBeLessThanOrEqual(4096 - GENERATION.maxTokens);
  });
});
