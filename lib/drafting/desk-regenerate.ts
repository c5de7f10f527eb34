/**
 * Regenerate from the side panel's review desk (issue 14): the panel names a draft and a steer,
 * and the background writes a new draft of the same comment with the same drafter the inline
 * editor uses (voice match included), then puts its text in place of the old one, with the
 * claim guard's count on the new text so the desk's "flagged" filter stays right.
 *
 * The comment is what the draft row kept of it (guard-context.ts commentOfDraft): for a DM only
 * the messages it answered, so nothing more of the conversation reaches the prompt than before.
 */
import type { EngineId } from '../core/draft';
import type { SteerChoice } from '../core/steers';
import { guardDraft } from '../guard/guard';
import type { UnderstudyDB } from '../memory/db';
import { getDraft, replaceDraftText } from '../memory/drafts-repo';
import type { DraftRunner } from './draft-runner';
import { commentOfDraft, loadGuardContext } from './guard-context';

export interface DeskRegenerateDeps {
  db: UnderstudyDB;
  drafter: DraftRunner;
}

export interface DeskRegenerateResult {
  text: string;
  engine: EngineId;
  flagCount: number;
}

export function createDeskRegenerate(deps: DeskRegenerateDeps) {
  const { db, drafter } = deps;
  /** Regenerations per draft while this worker runs: each asks the engine for another variant. */
  const variants = new Map<number, number>();

  return async function regenerate(draftId: number, steer?: SteerChoice): Promise<DeskRegenerateResult> {
    const row = await getDraft(db, draftId);
    if (!row || row.status === 'discarded') throw new Error('This draft is no longer on the desk.');
    if (row.status === 'sent') throw new Error('This reply was already sent: there is nothing to regenerate.');
    const variant = (variants.get(draftId) ?? 0) + 1;
    variants.set(draftId, variant);
    const comment = commentOfDraft(row);
    const result = await drafter.draft(comment, { variant, ...(steer ? { steer } : {}) });
    if (!result.text.trim()) throw new Error('The engine wrote nothing this time. Try again or edit the draft yourself.');
    const guard = await loadGuardContext(db, comment, result).catch(() => undefined);
    const flagCount = guard ? guardDraft(result.text, guard).length : undefined;
    const replaced = await replaceDraftText(db, draftId, {
      text: result.text,
      engine: result.engine,
      ...(result.model !== undefined ? { model: result.model } : {}),
      exampleIds: result.exampleIds,
      ...(result.voice ? { voiceScore: result.voice.score } : {}),
      ...(flagCount !== undefined ? { flagCount } : {}),
    });
    if (!replaced) throw new Error('This draft is no longer on the desk.');
    return { text: result.text, engine: result.engine, flagCount: flagCount ?? 0 };
  };
}
