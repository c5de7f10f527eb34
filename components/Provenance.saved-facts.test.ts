import { queueDraft } from '@/lib/memory/drafts-repo';
import { freshDb } from '@/lib/memory/fresh-db.testutil';
import { applyProfile } from '@/lib/profile/apply';
import type { StyleProfile } from '@/lib/profile/schema';
import { loadProvenance } from './Provenance';

function profile(facts: string[]): StyleProfile {
  return {
    format: 'understudy.style-profile',
    version: 1,
    name: 'Ada',
    handles: {},
    voice: 'kind',
    values: [],
    objectives: [],
    facts: facts.map((text) => ({ text })),
    boundaries: [],
    links: [],
    offers: [],
    examples: [],
  };
}

describe('"Why this draft?" for a draft saved before the fact sheet changed', () => {
  it('still shows the facts it used after a re-import removed one and moved the others', async () => {
    const db = freshDb();
    await applyProfile(db, profile(['Lives in Lisbon.', 'Has two cats.']), 'old.json');
    const factIds = (await db.facts.toArray()).map((f) => f.id!);
    const comment = { site: 'youtube', commentId: 'c1', author: 'x', text: 'Where do you live?', pageUrl: 'https://www.youtube.com/' } as const;
    const draftId = await queueDraft(db, { comment, text: 'Lisbon!', engineText: 'Lisbon!', engine: 'webllm', exampleIds: [] }, { factIds });

    await applyProfile(db, profile(['Bakes sourdough.', 'Lives in Lisbon.']), 'new.json');

    const draft = (await db.drafts.get(draftId))!;
    const shown = await loadProvenance(db, draft.exampleIds, draft.factIds ?? [], draft.usedFacts);
    expect(shown.facts.map((f) => f.text)).toEqual(['Lives in Lisbon.', 'Has two cats.']);
    expect(shown.missingFacts).toBe(1);
  });
});
