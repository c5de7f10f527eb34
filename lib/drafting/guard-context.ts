/**
 * What the claim guard (lib/guard) checks one draft against, built from memory: the creator's
 * fact sheet, links, offers, boundaries and handles; what the draft answers; the private parts
 * of the prompt it must not repeat; and, for the memory engine, the creator's own past wording
 * it was composed from.
 *
 * Public or private, by what the draft may say:
 * - `answering` (backs numbers and @handles, never prices or links): the comment, its thread
 *   title, the parent comment; for a DM the messages answered and the same person's other
 *   messages in the conversation.
 * - `private` (never to be repeated): the creator's note on this person, the prompt's fixed
 *   instructions (taken from buildPrompt itself, so they follow its wording), the voice
 *   description, and for a DM the messages of anyone other than the person answered: in a
 *   group chat, what one member wrote is not the draft's to repeat to another.
 *
 * The facts array keeps its identity while the sheet's texts stay the same (stableFacts): the
 * guard indexes a sheet once per array, and a 1,000-fact sheet costs about 30 ms to index.
 */
import type { CommentContext, DraftResult, EngineId } from '../core/draft';
import { contactKey, getContact } from '../memory/contacts-repo';
import { PROFILE_KEY, type DraftRow, type ExampleRow, type FactRow, type ProfileRow, type UnderstudyDB } from '../memory/db';
import { getExamples } from '../memory/examples-repo';
import { factKey, listFacts, replaceFacts } from '../memory/facts-repo';
import type { GuardContext } from '../guard/guard';
import { buildPrompt } from '../llm/prompt';

/** What guardContextOf needs beyond the comment: read from memory by loadGuardSources. */
export interface GuardSources {
  profile: ProfileRow | undefined;
  facts: readonly Pick<FactRow, 'text'>[];
  /** The creator's private notes on this person. */
  notes: readonly string[];
  /** The memory engine's draft only: the past replies it was composed from. */
  pastWording?: readonly string[];
}

let lastFacts: string[] = [];

/** The sheet's texts, as the same array as last time when they have not changed. */
export function stableFacts(rows: readonly Pick<FactRow, 'text'>[]): readonly string[] {
  const texts = rows.map((r) => r.text.trim()).filter(Boolean);
  if (texts.length === lastFacts.length && texts.every((t, i) => t === lastFacts[i])) return lastFacts;
  lastFacts = texts;
  return texts;
}

const instructionsCache = new Map<string, readonly string[]>();

/**
 * The prompt's fixed instructions, as buildPrompt writes them for this kind of reply with no
 * profile (so no name, voice, facts or lists: those are public or listed separately).
 */
export function promptInstructions(comment: Pick<CommentContext, 'site' | 'kind'>): readonly string[] {
  const key = `${comment.site}:${comment.kind ?? 'comment'}`;
  const cached = instructionsCache.get(key);
  if (cached) return cached;
  const probe: CommentContext = {
    site: comment.site,
    commentId: 'guard',
    author: '',
    text: '',
    pageUrl: 'https://example.invalid/',
    ...(comment.kind === 'dm'
      ? { kind: 'dm' as const, conversation: { id: 'guard', group: false, messages: [{ from: 'them' as const, sender: '', text: '' }], answering: [0] } }
      : {}),
  };
  const built = buildPrompt({ comment: probe, profile: undefined, facts: [], examples: [] }, { maxPromptTokens: 100_000 });
  const system = built.messages[0]?.content ?? '';
  const lines = system
    .split('\n')
    .map((line) => line.replace(/^-\s*/, '').trim())
    // Headings ("Rules:") say nothing.
    .filter((line) => line.length > 20);
  instructionsCache.set(key, lines);
  return lines;
}

function handlesOf(profile: ProfileRow | undefined): string[] {
  return profile ? Object.values(profile.handles).filter((h): h is string => typeof h === 'string' && h.trim() !== '') : [];
}

/** A DM's messages split by who may hear them again: the person answered, or nobody else. */
function dmParts(comment: CommentContext): { theirs: string[]; others: string[] } {
  const conversation = comment.kind === 'dm' ? comment.conversation : undefined;
  if (!conversation) return { theirs: [], others: [] };
  const answered = new Set(conversation.answering);
  const sender = conversation.messages[conversation.answering[conversation.answering.length - 1] ?? -1]?.sender ?? comment.author;
  const theirs: string[] = [];
  const others: string[] = [];
  conversation.messages.forEach((message, i) => {
    if (answered.has(i) || message.from === 'me' || !message.text.trim()) return;
    (message.sender === sender ? theirs : others).push(message.text);
  });
  return { theirs, others };
}

/** The GuardContext for one draft of this comment or DM; pure, for the background and the side panel. */
export function guardContextOf(comment: CommentContext, sources: GuardSources, engine?: EngineId): GuardContext {
  const { profile } = sources;
  const dm = dmParts(comment);
  const answering = [comment.text, comment.threadTitle, comment.parentText, comment.conversation?.title, ...dm.theirs].filter(
    (t): t is string => typeof t === 'string' && t.trim() !== '',
  );
  const privateParts = [...sources.notes, ...promptInstructions(comment), ...(profile?.voice.trim() ? [profile.voice.trim()] : []), ...dm.others].filter(
    (t) => t.trim() !== '',
  );
  const handles = handlesOf(profile);
  return {
    facts: stableFacts(sources.facts),
    links: profile?.links ?? [],
    offers: profile?.offers ?? [],
    boundaries: profile?.boundaries ?? [],
    ...(handles.length > 0 ? { handles } : {}),
    answering,
    ...(comment.author.trim() ? { author: comment.author.trim() } : {}),
    private: privateParts,
    ...(engine === 'memory' && sources.pastWording && sources.pastWording.length > 0 ? { pastWording: sources.pastWording } : {}),
  };
}

/** The creator's private notes on the person a comment or DM came from (by name and by handle). */
export async function contactNotes(db: UnderstudyDB, comment: CommentContext): Promise<string[]> {
  const who = [comment.author, comment.handle].filter((h): h is string => typeof h === 'string' && h.trim() !== '');
  const keys = [...new Set(who.map((h) => contactKey(comment.site, h)))];
  const rows = await Promise.all(keys.map((key) => getContact(db, key).catch(() => undefined)));
  return [...new Set(rows.map((r) => r?.note?.trim()).filter((n): n is string => !!n))];
}

/**
 * Everything guardContextOf needs, from memory. `known` skips reads the caller already made
 * (the pipeline has the profile, the sheet and the retrieved examples in hand).
 */
export async function loadGuardSources(
  db: UnderstudyDB,
  comment: CommentContext,
  result?: Pick<DraftResult, 'engine' | 'exampleIds'>,
  known: { profile?: ProfileRow | undefined; facts?: readonly FactRow[]; examples?: readonly ExampleRow[] } = {},
): Promise<GuardSources> {
  const memoryDraft = result?.engine === 'memory' && result.exampleIds.length > 0;
  const [profile, facts, notes, pastWording] = await Promise.all([
    'profile' in known ? known.profile : db.profile.get(PROFILE_KEY),
    known.facts ?? listFacts(db),
    contactNotes(db, comment),
    memoryDraft ? pastWordingOf(db, result.exampleIds, known.examples) : undefined,
  ]);
  return { profile, facts, notes, ...(pastWording ? { pastWording } : {}) };
}

async function pastWordingOf(db: UnderstudyDB, ids: readonly number[], known: readonly ExampleRow[] = []): Promise<string[]> {
  const byId = new Map(known.filter((e) => e.id !== undefined).map((e) => [e.id!, e.reply]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    const rows = await getExamples(db, missing).catch(() => []);
    for (const row of rows) if (row?.id !== undefined) byId.set(row.id, row.reply);
  }
  return ids.map((id) => byId.get(id)).filter((t): t is string => typeof t === 'string');
}

/** The GuardContext for a draft of this comment (and, once written, for that result). */
export async function loadGuardContext(
  db: UnderstudyDB,
  comment: CommentContext,
  result?: Pick<DraftResult, 'engine' | 'exampleIds'>,
): Promise<GuardContext> {
  return guardContextOf(comment, await loadGuardSources(db, comment, result), result?.engine);
}

/**
 * A queued draft's comment as the guard needs it: what the draft row kept of it (no parent
 * comment; for a DM only the messages it answered, so nobody else's are there to leak).
 */
export function commentOfDraft(row: DraftRow): CommentContext {
  return {
    site: row.site,
    commentId: row.commentId,
    author: row.author,
    text: row.commentText,
    pageUrl: row.pageUrl,
    ...(row.threadTitle ? { threadTitle: row.threadTitle } : {}),
    ...(row.kind ? { kind: row.kind } : {}),
    ...(row.conversation ? { conversation: row.conversation } : {}),
  };
}

/** The side panel's guard for a queued draft, read from memory (a live query re-runs it). */
export function loadDraftGuardContext(db: UnderstudyDB, row: DraftRow): Promise<GuardContext> {
  return loadGuardContext(db, commentOfDraft(row), { engine: row.engine, exampleIds: row.exampleIds });
}

/**
 * "Add to fact sheet" from a flag: the creator's edited sentence joins the end of the sheet
 * (facts-repo keeps every other fact's id). A text already on the sheet is not added twice.
 */
export async function addFactFromFlag(db: UnderstudyDB, text: string): Promise<{ added: boolean }> {
  const fact = text.trim().replace(/\s+/gu, ' ');
  if (!fact) return { added: false };
  return db.transaction('rw', db.facts, async () => {
    const facts = await listFacts(db);
    if (facts.some((f) => factKey(f.text) === factKey(fact))) return { added: false };
    await replaceFacts(db, [...facts, { text: fact }]);
    return { added: true };
  });
}
