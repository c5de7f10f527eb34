import { describe, expect, it } from 'vitest';
import { contentWords, searchVariants, stem } from './content-words';
import { synonymTable } from './synonyms';

describe('everyday synonyms', () => {
  it('folds British and American spellings and paraphrases to one word', () => {
    expect(contentWords('centre colour flavour')).toEqual(contentWords('middle color taste'));
  });

  it('folds plurals through the same stemmer', () => {
    const table = synonymTable(stem);
    expect(table.get(stem('fingers'))).toBe(stem('hand'));
  });

  it('leaves a creator\'s own vocabulary alone', () => {
    expect(contentWords('banneton derailleur')).toEqual(['banneton', 'derailleur']);
  });

  it('reads a synonym of several words as one word, hyphenated or not', () => {
    expect(contentWords('whole-wheat loaf in a Dutch oven')).toEqual(contentWords('wholemeal loaf in a pot'));
    expect(contentWords('gluten free bread')).toEqual(contentWords('GF bread'));
  });

  it('offers a search the stems and synonyms a paraphrase would use', () => {
    const variants = searchVariants('How do I stop the base from burning?');
    expect(variants).toEqual(expect.arrayContaining(['bottom', 'burn', 'prevent']));
    expect(variants).not.toContain('stop');
  });
});
