/**
 * Measures comment-language detection on the held-out half of the evaluation sets (short
 * comments, emoji-only ones, mixed languages): the stopword guess this project used before,
 * eld on its own, and the adopted detector (eld with our script and fallback rules). Both sides
 * are computed here, so the test says whether the adopted detector still earns its place.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eld } from 'eld/extrasmall';
import { describe, expect, it } from 'vitest';
import { detectLanguage, guessByWords } from '../../memory/language';
import type { EvalItem, EvalSet } from './score';

function heldOut(name: string): EvalItem[] {
  const set = JSON.parse(readFileSync(resolve(import.meta.dirname, name), 'utf8')) as EvalSet;
  return set.items.filter((item) => item.heldOut);
}

/** Share of items whose labelled language the detector names ('und' = it declines to guess). */
function accuracy(items: readonly EvalItem[], detect: (text: string) => string | undefined): number {
  const right = items.filter((item) => (detect(item.text) || 'und') === item.language).length;
  return right / items.length;
}

describe('comment language detection on held-out comments', () => {
  const items = [...heldOut('sample-eval.json'), ...heldOut('terse-eval.json')];

  it('names the language of held-out comments at least as often as the stopword guess did', () => {
    const figures = {
      items: items.length,
      stopwords: accuracy(items, guessByWords),
      eldAlone: accuracy(items, (text) => eld.detect(text).language),
      adopted: accuracy(items, detectLanguage),
    };
    console.info('language detection, held-out:', figures);
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(figures.adopted).toBeGreaterThanOrEqual(figures.stopwords);
  });
});
