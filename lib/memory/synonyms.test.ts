import { describe, expect, it } from 'vitest';
import { contentWords, stem } from './content-words';
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
});
