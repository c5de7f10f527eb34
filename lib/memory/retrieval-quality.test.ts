import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRetrievalQuality, type LabelledExample } from './retrieval-quality';

const sample = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/samples/sample-profile.json'), 'utf8'),
) as { examples: LabelledExample[] };

describe('evaluateRetrievalQuality', () => {
  it('finds a same-topic past reply in the top 8 for most held-out comments of the sample creator', () => {
    const quality = evaluateRetrievalQuality(sample.examples);
    expect(quality.queries).toBe(64);
    // Measured 0.77 (49 of 64); chance alone would give about 0.46.
    expect(quality.hitRate).toBeGreaterThanOrEqual(0.7);
    expect(quality.hitRate - quality.chanceHitRate).toBeGreaterThanOrEqual(0.2);
    expect(quality.hits).toBe(Math.round(quality.hitRate * quality.queries));
  });

  it('puts a same-topic reply first far more often than chance', () => {
    const quality = evaluateRetrievalQuality(sample.examples, 1);
    // Measured 0.33; chance is about 0.07.
    expect(quality.hitRate).toBeGreaterThanOrEqual(0.25);
    expect(quality.top1HitRate).toBe(quality.hitRate);
    expect(quality.chanceHitRate).toBeLessThan(0.1);
  });

  it('never counts the held-out reply itself as a hit', () => {
    // Each topic appears once: only the held-out example could match its own topic.
    const quality = evaluateRetrievalQuality([
      { incoming: 'How do I feed my starter?', reply: 'Twice a day.', topic: 'starter' },
      { incoming: 'What oven temperature?', reply: '230C.', topic: 'oven' },
      { incoming: 'Do you sell a book?', reply: 'Yes, Slow Rise.', topic: 'cookbook' },
    ]);
    expect(quality).toMatchObject({ queries: 3, hits: 0, hitRate: 0, chanceHitRate: 0 });
  });

  it('skips examples without a comment or a topic', () => {
    const quality = evaluateRetrievalQuality([
      { reply: 'No comment here.', topic: 'a' },
      { incoming: 'No topic here', reply: 'Fine.' },
      { incoming: 'Starter help', reply: 'Feed it.', topic: 'starter' },
      { incoming: 'Starter smells odd', reply: 'Hungry, feed it.', topic: 'starter' },
    ]);
    expect(quality.queries).toBe(2);
    expect(quality.hits).toBe(2);
  });
});
