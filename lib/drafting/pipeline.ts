/**
 * One draft, end to end: load what the creator owns (profile, facts), find their closest past
 * replies and what they said to this commenter before, and hand it all to the chosen engine. The result says which engine wrote it and
 * which past replies it drew on.
 *
 * A comment draft draws on comment replies only: nothing said in a DM can reach a public reply.
 * A DM draft draws on the creator's DM replies first (those dm-privacy lets through: no names,
 * numbers, links or personal details), then their comment replies.
 *
 * Past replies are found by BM25 (words in common); with an embedding model in use and the
 * replies' vectors stored, by BM25 fused with vector similarity (meaning in common).
 *
 * Every engine's text is then checked by the claim guard (lib/guard) against the sheet, the
 * comment and the private parts of the prompt (guard-context.ts): the result carries its flags.
 * A guard that cannot read its context leaves the result unflagged (`flags` absent), never
 * without a draft: the editor guards the text again with the context it is given.
 */

import type { ReplyKind } from '../core/conversation';
import type { CommentContext, DraftResult } from '../core/draft';
import { contactContext, type PromptContact } from '../memory/contacts-repo';
import type { SiteId } from '../core/sites';
import { PROFILE_KEY, type ExampleRow, type UnderstudyDB } from '../memory/db';
import { usableForDraft } from '../memory/dm-privacy';
import { withThanksCandidates } from '../memory/draft-retrieval';
import { listFacts } from '../memory/facts-repo';
import { judgeDraftFit } from '../memory/fit';
import { hybridSearch } from '../memory/hybrid';
import { ofKindOrAll } from '../memory/fingerprint';
import { getIndexFor, type RetrievalIndex, type RetrievalQuery, type RetrievedExample } from '../memory/retrieval';
import { detectStyleHabits, type StyleHabits } from '../memory/style';
import type { DraftEngine, DraftInput } from '../llm/engine';
import type { MemoryDraftOptions } from '../llm/memory-engine';
import { DEFAULT_LLM_SETTINGS, type LlmSettings } from '../llm/settings';
import { guardDraft } from '../guard/guard';
import { guardContextOf, loadGuardSources } from './guard-context';
import type { DraftRunner } from './draft-runner';
import type { SemanticSearch } from './semantic-search';

export interface DraftingDeps {
  db: UnderstudyDB;
  engines: { memory: DraftEngine; webllm?: DraftEngine };
  /**
   * The creator's model settings, read once at the start of each draft and handed to
   * chooseEngine and semantic, so one draft sees one set of settings. Defaults to the defaults.
   */
  loadSettings?: () => Promise<LlmSettings>;
  /** Picks the engine per draft (e.g. WebLLM when ready); the notice says why, when it falls back. */
  chooseEngine?: (settings: LlmSettings) => Promise<{ engine: DraftEngine; notice?: string }>;
  /** The vector half of hybrid retrieval; without it (or when it answers null), BM25 alone. */
  semantic?: SemanticSearch;
  /** Told which ranking found each draft's examples (for logs and benchmarks). */
  onRetrieval?: (ranking: { kind: 'hybrid'; model: string } | { kind: 'lexical' }) => void;
}

const RETRIEVE_K = 8;
/**
 * DM replies looked at for a DM draft before the privacy screen: many name someone or carry a
 * detail, and the screen must not leave the draft with none when usable ones rank just below.
 */
const DM_POOL = RETRIEVE_K * 4;
/** Earlier exchanges with the commenter given to the engine; the prompt trims to its budget. */
const CONTACT_HISTORY = 3;
/** Habits are read from the most recent replies: voice drifts, and this bounds the cost. */
const HABIT_SAMPLE = 1000;
/** How far back a reply the creator posted counts as "sent before" (platforms flag repeats). */
const SENT_RECENTLY_MS = 30 * 24 * 60 * 60 * 1000;
/** The newest sent replies a draft is compared with: bounds the cost for a prolific creator. */
const RECENT_SENT_LIMIT = 200;

export function createDraftingPipeline(deps: DraftingDeps): DraftRunner {
  const habitsCache = new WeakMap<RetrievalIndex, Map<ReplyKind, { revision: number; habits: StyleHabits }>>();
  const sentCache = new WeakMap<RetrievalIndex, { revision: number; sent: ExampleRow[] }>();

  /** The replies the creator posted (source 'sent'), newest first; rebuilt when memory changes. */
  function sentOf(index: RetrievalIndex): ExampleRow[] {
    const cached = sentCache.get(index);
    if (cached && cached.revision === index.revision) return cached.sent;
    const sent = [...index.examples()].filter((e) => e.source === 'sent').sort((a, b) => b.createdAt - a.createdAt);
    sentCache.set(index, { revision: index.revision, sent });
    return sent;
  }

  /** Habits of the draft's kind of reply when memory holds enough of them (ofKindOrAll), else of all. */
  function habitsOf(index: RetrievalIndex, kind: ReplyKind): StyleHabits {
    const byKind = habitsCache.get(index) ?? new Map<ReplyKind, { revision: number; habits: StyleHabits }>();
    habitsCache.set(index, byKind);
    const cached = byKind.get(kind);
    if (cached && cached.revision === index.revision) return cached.habits;
    const replies = ofKindOrAll([...index.examples()], kind)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, HABIT_SAMPLE)
      .map((e) => e.reply);
    const habits = detectStyleHabits(replies);
    byKind.set(kind, { revision: index.revision, habits });
    return habits;
  }

  return {
    async draft(comment, opts = {}) {
      const { db } = deps;
      const settings = deps.loadSettings ? await deps.loadSettings() : DEFAULT_LLM_SETTINGS;
      const [profile, facts, index, contact, semantic] = await Promise.all([
        db.profile.get(PROFILE_KEY),
        listFacts(db),
        getIndexFor(db),
        contactOf(db, comment),
        deps.semantic?.(comment, {
          settings,
          ...(opts.signal ? { signal: opts.signal } : {}),
          ...(opts.onStatus ? { onStatus: opts.onStatus } : {}),
        }) ?? null,
      ]);
      const kind: ReplyKind = comment.kind ?? 'comment';
      const base: RetrievalQuery = {
        text: comment.text,
        platform: comment.site,
        ...(comment.parentText ? { parentText: comment.parentText } : {}),
      };
      const retrieve = (query: RetrievalQuery, k: number): RetrievedExample[] => {
        const found = semantic ? hybridSearch(index, query, semantic.neighbours, k) : index.search(query, k);
        // Praise and thanks share few words with anything: the creator's own thank-you replies join in.
        return withThanksCandidates(index, query, found, k);
      };
      const fromComments = retrieve({ ...base, kinds: ['comment'] }, RETRIEVE_K);
      let examples = fromComments;
      if (kind === 'dm') {
        const fromDms = usableForDraft(retrieve({ ...base, kinds: ['dm'] }, DM_POOL), comment).slice(0, RETRIEVE_K);
        const seen = new Set(fromDms.map((r) => r.example.id));
        examples = [...fromDms, ...fromComments.filter((r) => !seen.has(r.example.id))];
      }
      deps.onRetrieval?.(semantic ? { kind: 'hybrid', model: semantic.model } : { kind: 'lexical' });
      const input: DraftInput = {
        comment,
        profile,
        facts,
        examples,
        ...(opts.steer !== undefined ? { steer: opts.steer } : {}),
        ...(contact ? { contact } : {}),
      };
      const choice = deps.chooseEngine ? await deps.chooseEngine(settings) : { engine: deps.engines.memory };
      // Extra fields are read by the memory engine and ignored by others.
      const engineOptions: MemoryDraftOptions = {
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onToken ? { onToken: opts.onToken } : {}),
        ...(opts.onStatus ? { onStatus: opts.onStatus } : {}),
        ...(opts.variant !== undefined ? { variant: opts.variant } : {}),
        ...(choice.notice ? { reason: choice.notice } : {}),
        habits: habitsOf(index, kind),
        recentReplies: recentlySent(sentOf(index), comment.site, Date.now()),
      };
      const written = await choice.engine.draft(input, engineOptions);
      // The memory engine judges fit as it chooses a reply; a model's draft is judged on its text.
      const fitted = written.fit ? written : { ...written, fit: judgeDraftFit(comment.text, written.text, comment.parentText) };
      const result = await withFlags(db, comment, fitted, { profile, facts, examples: examples.map((r) => r.example) });
      const notice = mergeNotices(choice.notice, result.notice);
      return notice ? { ...result, notice } : result;
    },
  };
}

/** The result with what the claim guard found in its text (see the header). */
async function withFlags(
  db: UnderstudyDB,
  comment: CommentContext,
  result: DraftResult,
  known: Parameters<typeof loadGuardSources>[3],
): Promise<DraftResult> {
  try {
    const sources = await loadGuardSources(db, comment, result, known);
    return { ...result, flags: guardDraft(result.text, guardContextOf(comment, sources, result.engine)) };
  } catch {
    return result;
  }
}

/**
 * What the creator and this commenter said before (prompt-safe: contactContext never carries
 * the private note). Undefined for a stranger, or when it cannot be read: a draft without this
 * context is still a good draft.
 */
async function contactOf(db: UnderstudyDB, comment: CommentContext): Promise<PromptContact | undefined> {
  if (!comment.author.trim()) return undefined;
  const dm = comment.kind === 'dm';
  // Earlier DMs with this same person inform a one-to-one DM draft; a comment (public) or a
  // group chat (others read it) sees only their public exchanges.
  const kinds: ReplyKind[] = dm && !comment.conversation?.group ? ['comment', 'dm'] : ['comment'];
  const who = dm && comment.handle?.trim() ? comment.handle : comment.author;
  try {
    const contact = await contactContext(db, comment.site, who, CONTACT_HISTORY, kinds);
    return contact.interactions > 0 || contact.history.length > 0 ? contact : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the creator posted on this site in the last 30 days, newest first and at most
 * RECENT_SENT_LIMIT: the memory engine marks a draft that repeats one "Sent before".
 */
export function recentlySent(sentNewestFirst: readonly ExampleRow[], site: SiteId, now: number): string[] {
  const replies: string[] = [];
  for (const row of sentNewestFirst) {
    if (now - row.createdAt >= SENT_RECENTLY_MS || replies.length === RECENT_SENT_LIMIT) break;
    if (row.platform === site) replies.push(row.reply);
  }
  return replies;
}

/** The chooser's reason first, without repeating it when the engine already used it. */
function mergeNotices(reason: string | undefined, engineNotice: string | undefined): string | undefined {
  if (!reason) return engineNotice;
  if (!engineNotice) return reason;
  return engineNotice.includes(reason) ? engineNotice : `${reason} ${engineNotice}`;
}
