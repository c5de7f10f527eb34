/**
 * Browser-side benchmark: building a WebLLM prompt when memory holds 10,000 candidate examples
 * (retrieval hands the prompt builder its ranked candidates; the builder must stop early).
 */
import { buildPrompt } from '../../lib/llm/prompt';
import type { RetrievedExample } from '../../lib/llm/engine';
import type { ProfileRow } from '../../lib/memory/db';
import { seededRandom } from '../../lib/memory/seeded-random.testutil';

import { summarize, type Stat } from './stats';


const WORDS = 'starter hydration crumb oven proof shaping scoring flour rye loaf crust steam dough fold bulk levain thanks love great video question tried'.split(' ');

export async function run(options: { examples: number; repeats: number }): Promise<Record<string, Stat>> {
  const random = seededRandom(7);
  const sentence = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const examples: RetrievedExample[] = Array.from({ length: options.examples }, (_, i) => ({
    score: options.examples - i,
    example: {
      id: i + 1,
      incoming: sentence(8 + Math.floor(random() * 30)),
      reply: sentence(10 + Math.floor(random() * 40)),
      platform: 'youtube',
      source: 'import',
      createdAt: 1_700_000_000_000 + i,
    },
  }));
  const profile: ProfileRow = {
    id: 'me',
    name: 'Maya Okafor',
    handles: { youtube: '@crumbandco' },
    voice: 'Warm, concrete, short. Signs off with — Maya.',
    values: ['honesty', 'patience'],
    objectives: ['help people bake'],
    boundaries: ['politics', 'family'],
    links: [{ label: 'Newsletter', url: 'https://crumbandco.example/newsletter' }],
    offers: [{ name: 'Slow Rise', price: '$29' }],
    importedAt: 0,
    source: 'bench',
  };
  const facts = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, text: `Fact number ${i + 1}: ${sentence(10)}` }));
  const comment = {
    site: 'youtube' as const,
    commentId: 'bench',
    author: '@sam',
    text: 'My starter smells like nail polish and the crumb is dense, what am I doing wrong?',
    pageUrl: 'https://www.youtube.com/watch?v=bench',
    threadTitle: 'My 72-Hour Sourdough Method',
  };
  const samples: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    const started = performance.now();
    buildPrompt({ comment, profile, facts, examples }, { maxPromptTokens: 3000 });
    samples.push(performance.now() - started);
  }
  return { [`prompt build, ${options.examples.toLocaleString('en')} examples in memory`]: summarize(samples, 'ms', 5) };
}
