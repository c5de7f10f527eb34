/**
 * Scores the memory engine on a hand-labelled evaluation set (see README.md here): the same
 * retrieval and engine the pipeline runs, one draft per comment, compared with the labels.
 * Pure node: the unit test and `npm run bench` both call it.
 */
import type { CommentContext, DraftResult } from '../../core/draft';
import type { SiteId } from '../../core/sites';
import type { ExampleRow } from '../../memory/db';
import { withThanksCandidates } from '../../memory/draft-retrieval';
import { detectLanguage } from '../../memory/language';
import { createRetrievalIndex, type RetrievalIndex } from '../../memory/retrieval';
import { detectStyleHabits } from '../../memory/style';
import { draftFromMemory } from '../../llm/memory-engine';

export interface EvalItem {
  text: string;
  parent?: string;
  language: string;
  intent: string;
  kind?: string;
  /** Positions in the profile's examples array whose reply answers the comment; [] = none fits. */
  answers: number[];
  tags?: string[];
  heldOut: boolean;
}

export interface EvalSet {
  profile: string;
  items: EvalItem[];
}

export interface ProfileExample {
  reply: string;
  incoming?: string;
  platform?: SiteId;
  topic?: string;
  date?: string;
}

export interface EvalProfile {
  greeting?: string;
  signoff?: string;
  examples: ProfileExample[];
}

export interface Outcome {
  item: EvalItem;
  /** Positions the memory engine may answer with: the labels, in the replies' language only. */
  expected: number[];
  draft: DraftResult;
  /** Position of the example drafted from, or undefined when the engine abstained. */
  chosen?: number;
}

export interface Scores {
  items: number;
  answerable: number;
  /** Answerable comments drafted with a labelled reply. */
  fittingShare: number;
  abstentionPrecision: number;
  abstentionRecall: number;
  /** Drafts shown as 'fits' whose reply is not a labelled answer. */
  wrongFitsShare: number;
  shownFits: number;
}

const RETRIEVE_K = 8;
/** Rows get ids 1…n: position + 1. */
const idOf = (position: number) => position + 1;

export function exampleRows(profile: EvalProfile): ExampleRow[] {
  return profile.examples.map((e, position) => {
    const language = detectLanguage(e.reply);
    return {
      id: idOf(position),
      reply: e.reply,
      ...(e.incoming ? { incoming: e.incoming } : {}),
      ...(e.platform ? { platform: e.platform } : {}),
      source: 'import' as const,
      createdAt: e.date ? Date.parse(e.date) : 0,
      ...(language ? { language } : {}),
    };
  });
}

/** The replies' language: the memory engine can only answer comments written in it. */
function repliesLanguage(rows: readonly ExampleRow[]): string | undefined {
  const counts = new Map<string, number>();
  for (const row of rows) if (row.language) counts.set(row.language, (counts.get(row.language) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function expectedForMemory(item: EvalItem, language: string | undefined): number[] {
  if (item.language !== 'und' && language && item.language !== language) return [];
  return item.answers;
}

export interface Harness {
  index: RetrievalIndex;
  draft(item: EvalItem, variant?: number): Promise<DraftResult>;
  language: string | undefined;
}

export function createHarness(profile: EvalProfile, now = Date.parse('2026-01-01T00:00:00Z')): Harness {
  const rows = exampleRows(profile);
  const index = createRetrievalIndex(rows, { now: () => now });
  const habits = detectStyleHabits(rows.map((r) => r.reply));
  const profileRow = {
    id: 'me' as const,
    name: 'Creator',
    handles: {},
    voice: '',
    values: [],
    objectives: [],
    boundaries: [],
    links: [],
    offers: [],
    importedAt: 0,
    source: 'eval',
    ...(profile.greeting ? { greeting: profile.greeting } : {}),
    ...(profile.signoff ? { signoff: profile.signoff } : {}),
  };
  return {
    index,
    language: repliesLanguage(rows),
    async draft(item, variant = 0) {
      const comment: CommentContext = {
        site: 'youtube',
        commentId: `eval-${item.text}`,
        author: 'Robin Baker',
        text: item.text,
        ...(item.parent ? { parentText: item.parent } : {}),
        pageUrl: 'https://www.youtube.com/watch?v=eval',
      };
      const query = { text: item.text, platform: comment.site, ...(item.parent ? { parentText: item.parent } : {}) };
      const examples = withThanksCandidates(index, query, index.search(query, RETRIEVE_K), RETRIEVE_K);
      return draftFromMemory(
        { comment, profile: profileRow as never, facts: [], examples },
        { habits, variant, now },
      );
    },
  };
}

export async function runEval(set: EvalSet, profile: EvalProfile, heldOut: boolean): Promise<Outcome[]> {
  const harness = createHarness(profile);
  const outcomes: Outcome[] = [];
  for (const item of set.items) {
    if (item.heldOut !== heldOut) continue;
    const draft = await harness.draft(item);
    const id = draft.text ? draft.exampleIds[0] : undefined;
    outcomes.push({
      item,
      expected: expectedForMemory(item, harness.language),
      draft,
      ...(id !== undefined ? { chosen: id - 1 } : {}),
    });
  }
  return outcomes;
}

export function score(outcomes: readonly Outcome[]): Scores {
  const answerable = outcomes.filter((o) => o.expected.length > 0);
  const noneFits = outcomes.filter((o) => o.expected.length === 0);
  const abstained = outcomes.filter((o) => o.chosen === undefined);
  const rightAnswers = answerable.filter((o) => o.chosen !== undefined && o.expected.includes(o.chosen));
  const rightAbstentions = abstained.filter((o) => o.expected.length === 0);
  const shownFits = outcomes.filter((o) => o.chosen !== undefined && o.draft.fit?.level === 'fits');
  const wrongFits = shownFits.filter((o) => !o.expected.includes(o.chosen!));
  return {
    items: outcomes.length,
    answerable: answerable.length,
    fittingShare: ratio(rightAnswers.length, answerable.length),
    abstentionPrecision: ratio(rightAbstentions.length, abstained.length),
    abstentionRecall: ratio(rightAbstentions.length, noneFits.length),
    wrongFitsShare: ratio(wrongFits.length, shownFits.length),
    shownFits: shownFits.length,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
