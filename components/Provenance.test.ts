import { describeLeftOut } from './Provenance';

describe('"Why this draft?" on what the prompt left out', () => {
  it('names each kind of profile item left out, with its count', () => {
    expect(describeLeftOut({ facts: 412, values: 0, objectives: 0, links: 3, offers: 1 })).toBe('412 facts, 3 links and 1 offer');
  });

  it('says nothing when everything fitted', () => {
    expect(describeLeftOut(undefined)).toBeUndefined();
    expect(describeLeftOut({ facts: 0, values: 0, objectives: 0, links: 0, offers: 0 })).toBeUndefined();
  });
});
