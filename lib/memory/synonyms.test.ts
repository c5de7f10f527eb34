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

  it('meets a craft word in its everyday paraphrase and its other spelling', () => {
    expect(contentWords('Is a proofing basket essential?')).toEqual(contentWords('Is a banneton necessary?'));
    expect(contentWords('celiac')).toEqual(contentWords('coeliac'));
    expect(contentWords('levain in the refrigerator')).toEqual(contentWords('starter in the fridge'));
  });

  it('searches a group for a phrase that names it ("mailing list" finds the newsletter)', () => {
    expect(searchVariants('Do you have a mailing list?')).toContain('newsletter');
  });

  it('does not read "live" as "lively" (where someone lives is not a starter\'s activity)', () => {
    expect(contentWords('Where do you live?')).not.toContain(contentWords('active')[0]);
  });
});
