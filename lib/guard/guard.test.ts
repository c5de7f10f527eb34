import { GUARD_FLAG_KINDS } from '../core/guard';
import type { GuardContext } from './context';
import { guardDraft, guardDraftWithModel } from './guard';

const context: GuardContext = {
  facts: ['Maya lives in Wrenfield.', 'Her cookbook Slow Rise costs $28.'],
  links: [{ label: 'Website', url: 'https://crumbandco.example' }],
  offers: [{ name: 'Slow Rise', price: '$28', url: 'https://crumbandco.example/slow-rise' }],
  boundaries: ['politics'],
  handles: ['@crumbandco'],
  answering: ['Is the course $5? @sam asked too'],
  private: ['FlourMill Co. deal is secret until June.'],
};

describe('guardDraft', () => {
  it('returns each flag with its span, the text as written and a reason in plain words', () => {
    const draft = 'Yes, $5! My husband says hi. Link: bad.example';
    const flags = guardDraft(draft, context);
    expect(flags.map((f) => f.kind)).toEqual(['price', 'personal', 'link']);
    for (const f of flags) {
      expect(GUARD_FLAG_KINDS).toContain(f.kind);
      expect(draft.slice(f.start, f.end)).toBe(f.text);
      expect(f.reason).toMatch(/^[A-Z].+\.$/);
    }
  });

  it('does not flag a draft that states only what the sheet and the comment back', () => {
    expect(guardDraft("I'm in Wrenfield and Slow Rise is $28: https://crumbandco.example/slow-rise. Hi @sam!", context)).toEqual([]);
  });

  it('never lets the comment back a price, however it asks', () => {
    expect(guardDraft('Yes, the course is $5.', context).map((f) => f.kind)).toEqual(['price']);
  });

  it("counts the memory engine's past wording of a quantity as backed, and only for it", () => {
    const draft = 'It doubles within 4–8 hours.';
    expect(guardDraft(draft, context).map((f) => f.kind)).toEqual(['number']);
    expect(guardDraft(draft, { ...context, pastWording: ['When it doubles within 4–8 hours of a feed.'] })).toEqual([]);
  });

  it('flags repeated private notes but not a sheet fact', () => {
    expect(guardDraft('Big news: a FlourMill deal!', context).map((f) => f.kind)).toEqual(['prompt']);
  });

  it('re-guards an edited draft against the same context', () => {
    expect(guardDraft('Thanks!', context)).toEqual([]);
    expect(new Set(guardDraft('Thanks! Vote for the Greens.', context).map((f) => f.kind))).toEqual(new Set(['boundary']));
  });

  it('adds a model check’s flags to the rules’ flags and keeps the rules’ answer when it fails', async () => {
    const draft = 'Yes, $5! Lovely day.';
    const added = await guardDraftWithModel(draft, context, async () => [{ kind: 'personal', start: 9, end: 19, text: '', reason: 'The model says so.' }]);
    expect(added.map((f) => [f.kind, f.text])).toEqual([['price', '$5'], ['personal', 'Lovely day']]);
    const failed = await guardDraftWithModel(draft, context, async () => {
      throw new Error('model unloaded');
    });
    expect(failed.map((f) => f.kind)).toEqual(['price']);
  });
});
