/**
 * The creator's fact sheet: the only personal facts a draft may state.
 *
 * A fact keeps its id for as long as its text stays on the sheet, across re-imports: drafts
 * name the facts they drew on by id ("Why this draft?"), and renumbering the sheet on every
 * import would point older drafts at the wrong facts.
 */
import type { FactRow, UnderstudyDB } from './db';

/** Every fact, in the order the creator listed them. */
export async function listFacts(db: UnderstudyDB): Promise<FactRow[]> {
  const facts = await db.facts.orderBy('id').toArray();
  // Facts stored before positions were kept have none: they stay in id order, which was theirs.
  return facts.sort((a, b) => (a.position ?? a.id ?? 0) - (b.position ?? b.id ?? 0) || (a.id ?? 0) - (b.id ?? 0));
}

/** Same fact: only spacing around and inside the text may differ. */
export function factKey(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/**
 * Makes `facts` the whole fact sheet, in that order. A fact whose text was already on the sheet
 * keeps its id (its topic may change); facts no longer listed are deleted; new ones get new
 * ids, never an id an earlier fact had. Joins the caller's transaction when there is one.
 */
export async function replaceFacts(db: UnderstudyDB, facts: readonly FactRow[]): Promise<number[]> {
  return db.transaction('rw', db.facts, async () => {
    const idsByKey = new Map<string, number[]>();
    for (const row of await db.facts.orderBy('id').toArray()) {
      if (row.id === undefined) continue;
      const key = factKey(row.text);
      idsByKey.set(key, [...(idsByKey.get(key) ?? []), row.id]);
    }
    const ids: (number | undefined)[] = [];
    const kept: FactRow[] = [];
    const added: FactRow[] = [];
    facts.forEach((fact, position) => {
      const { id: _ignored, ...content } = fact;
      const row: FactRow = { ...content, position };
      // A text listed twice takes two old ids, in order, before any new one.
      const id = idsByKey.get(factKey(fact.text))?.shift();
      ids.push(id);
      if (id === undefined) added.push(row);
      else kept.push({ ...row, id });
    });
    await db.facts.bulkDelete([...idsByKey.values()].flat());
    await db.facts.bulkPut(kept);
    const addedIds = (await db.facts.bulkAdd(added, { allKeys: true })) as number[];
    let next = 0;
    return ids.map((id) => id ?? addedIds[next++]!);
  });
}
