/**
 * The engine that needs no model: it answers with the creator's closest past reply that fits the
 * comment, adapted to greet the new commenter. It only ever reuses the creator's own words, so it
 * cannot invent a fact; it says plainly that no AI model wrote the draft. When no past reply
 * answers the comment, it leaves the draft empty and says so, keeping the closest one aside:
 * a confident wrong answer costs the creator more than an honest blank.
 */

import { STEERS, type SteerChoice, type SteerId } from '../core/steers';
import type { DraftFit, DraftResult } from '../core/draft';
import { usableForDraft } from '../memory/dm-privacy';
import { editRatio } from '../memory/edit-distance';
import { judgeCandidates, readComment, type CandidateFit } from '../memory/fit';
import { detectStyleHabits, hasEmoji, type StyleHabits } from '../memory/style';
import { adaptReply } from './adapt';
import {
  EmptyMemoryError,
  type DraftEngine,
  type DraftInput,
  type DraftOptions,
  type RetrievedExample,
} from './engine';

export interface MemoryDraftOptions extends DraftOptions {
  /** 0 for a comment's first draft, 1, 2… on each Regenerate: cycles through close replies. */
  variant?: number;
  /** Why the memory engine is writing (e.g. "WebGPU isn't available…"); replaces MEMORY_NOTICE. */
  reason?: string;
  /** Habits read from the whole memory; read from input.examples when absent. */
  habits?: StyleHabits;
  /** Replies the creator sent on this platform recently (newest first): a repeat is marked sentBefore. */
  recentReplies?: readonly string[];
  /** Clock for "recently"; injectable for tests. */
  now?: number;
}

export const MEMORY_NOTICE = 'Written from your past replies — no AI model is loaded.';
export const NONE_FITS_NOTICE = 'None of your past replies answers this.';
/** Every candidate was a DM reply that can't be reused here (a comment, or it names someone or carries a detail). */
const PRIVATE_ONLY_REASON = 'your only close replies were private messages, which are never reused here';
export const PARTLY_NOTICE = 'Your closest past reply only partly answers this — check it before sending.';
const STEER_NOTICE = /The memory engine can't apply '.*?' — it reuses your own replies\./;

/**
 * What a memory-engine notice says about this draft itself (nothing fits, it only partly fits, a
 * steer it can't follow), without why no model wrote it: the editor keeps these on every draft
 * when it shows that reason only once a session (components/EngineNotice.tsx).
 */
export function draftNotices(notice: string): string[] {
  const found = [NONE_FITS_NOTICE, PARTLY_NOTICE].filter((text) => notice.includes(text));
  const steer = STEER_NOTICE.exec(notice);
  return steer ? [...found, steer[0]] : found;
}
/** A past reply posted on the same platform this recently counts as sent before. */
const SENT_RECENTLY_MS = 30 * 24 * 60 * 60 * 1000;
/** Edits this small (a share of the length) leave a reply "nearly identical". */
const NEAR_IDENTICAL = 0.15;

/** Regenerate and steers choose among this many of the closest distinct replies. */
const POOL_SIZE = 3;
/** Scores this close to the best count as a tie (BM25 differences this small are noise). */
const TIE_MARGIN = 0.03;
const SHORT_COMMENT_CHARS = 80;
const MAX_STEER_IN_NOTICE = 40;

export type Steer =
  | { kind: 'none' }
  | { kind: 'shorter' }
  | { kind: 'longer' }
  | { kind: 'warmer' }
  | { kind: 'formal' }
  | { kind: 'unsupported'; text: string };

/** The steers a choice among past replies can honour; anything else is reported as unsupported. */
export function parseSteer(steer: SteerChoice | undefined): Steer {
  if (!steer) return { kind: 'none' };
  if ('id' in steer) return steer.id === 'funnier' ? { kind: 'unsupported', text: 'Funnier' } : { kind: steer.id };
  const text = steer.custom.trim();
  if (!text) return { kind: 'none' };
  const lower = text.toLowerCase();
  if (/\b(short(er)?|brief(er)?|concise|tighter|fewer words|less wordy)\b/u.test(lower)) return { kind: 'shorter' };
  if (/\b(long(er)?|more detail(ed)?|expand|elaborate)\b/u.test(lower)) return { kind: 'longer' };
  if (/\b(warm(er)?|kind(er)?|friendl(y|ier)|sweet(er)?|nicer|more love|more caring)\b/u.test(lower)) {
    return { kind: 'warmer' };
  }
  if (/\b(formal|professional|polished)\b/u.test(lower)) return { kind: 'formal' };
  return { kind: 'unsupported', text };
}

interface Candidate {
  retrieved: RetrievedExample;
  text: string;
  fit: CandidateFit;
}

export type SteerSupport = { supported: true } | { supported: false; reason: string };

/** Whether the memory engine can honour a steer; the editor shows the unsupported ones disabled. */
export function memorySteerSupport(steerId: SteerId): SteerSupport {
  const reason = STEERS.find((steer) => steer.id === steerId)?.needsModel;
  return reason ? { supported: false, reason } : { supported: true };
}

export function createMemoryEngine(): DraftEngine {
  return {
    id: 'memory',
    draft: (input: DraftInput, options?: MemoryDraftOptions) => draftFromMemory(input, options),
  };
}

export async function draftFromMemory(input: DraftInput, options: MemoryDraftOptions = {}): Promise<DraftResult> {
  const { signal } = options;
  throwIfAborted(signal);
  if (input.examples.length === 0) throw new EmptyMemoryError();
  // A DM reply is reused word for word only in a DM draft, and only when it names nobody and
  // carries no number, link or personal detail: nothing of one conversation reaches another.
  const examples = usableForDraft(input.examples, input.comment);
  if (examples.length === 0) {
    return {
      text: '',
      engine: 'memory',
      exampleIds: [],
      notice: `${NONE_FITS_NOTICE} ${options.reason ?? MEMORY_NOTICE}`,
      fit: { level: 'none', reasons: [PRIVATE_ONLY_REASON] },
    };
  }

  const habits = options.habits ?? detectStyleHabits(examples.map((r) => r.example.reply));
  const adapt = (retrieved: RetrievedExample, transformBody?: (body: string) => string) =>
    adaptReply(retrieved.example.reply, {
      // A site that shows only the username (Instagram, TikTok) gives it as the author: greet
      // it as the handle it is, never as a name.
      author: input.comment.handle && input.comment.author === input.comment.handle ? `@${input.comment.handle}` : input.comment.author,
      habits,
      profile: input.profile,
      seed: input.comment.commentId,
      ...(transformBody ? { transformBody } : {}),
    });

  const reading = readComment(input.comment.text, input.comment.parentText);
  const ranked = rankCandidates(examples, input.comment);
  const fits = judgeCandidates(reading, ranked);
  const judged = ranked.map((retrieved, i) => ({ retrieved, fit: fits[i]! }));
  const steer = parseSteer(input.steer);
  const notice = [options.reason ?? MEMORY_NOTICE];
  if (steer.kind === 'unsupported') {
    notice.push(`The memory engine can't apply '${truncate(steer.text)}' — it reuses your own replies.`);
  }

  const fitting = byStrength(judged.filter((j) => j.fit.level === 'fits'));
  const partly = byStrength(judged.filter((j) => j.fit.level === 'partly'));
  const usable = fitting.length > 0 ? fitting : partly;
  if (usable.length === 0) return abstain(judged, adapt, notice);

  const pool = distinctPool(usable, adapt);
  const ordered = orderForSteer(pool, steer);
  const variant = Math.max(0, Math.floor(options.variant ?? 0));
  const chosen = ordered[variant % ordered.length];
  // distinctPool keeps at least the best candidate, so there is always a choice.
  if (!chosen) throw new EmptyMemoryError();

  let text = chosen.text;
  if (steer.kind === 'shorter') text = adapt(chosen.retrieved, shortenBody);
  if (chosen.fit.level === 'partly') notice.push(PARTLY_NOTICE);

  for (const chunk of wordChunks(text)) {
    throwIfAborted(signal);
    options.onToken?.(chunk);
    await yieldToEventLoop();
  }
  throwIfAborted(signal);

  const id = chosen.retrieved.example.id;
  const fit: DraftFit = { level: chosen.fit.level, reasons: chosen.fit.reasons };
  const sentBefore = wasSentBefore(text, chosen.retrieved, input.comment.site, options);
  return {
    text,
    engine: 'memory',
    exampleIds: id === undefined ? [] : [id],
    notice: notice.join(' '),
    fit,
    ...(sentBefore ? { sentBefore: true as const } : {}),
  };
}

interface Judged {
  retrieved: RetrievedExample;
  fit: CandidateFit;
}

/** Strongest fit first; equal strengths keep retrieval order (sort is stable). */
function byStrength(judged: Judged[]): Judged[] {
  return [...judged].sort((a, b) => b.fit.strength - a.fit.strength);
}

/** Nothing fits: an empty draft, the reasons, and the closest reply kept aside for the editor. */
function abstain(
  judged: readonly Judged[],
  adapt: (retrieved: RetrievedExample) => string,
  notice: string[],
): DraftResult {
  const closest = judged[0]?.retrieved;
  const reasons = judged[0]?.fit.reasons.length ? judged[0].fit.reasons : ['no past reply takes up this comment'];
  const id = closest?.example.id;
  return {
    text: '',
    engine: 'memory',
    exampleIds: [],
    notice: [NONE_FITS_NOTICE, ...notice].join(' '),
    fit: { level: 'none', reasons },
    ...(closest && id !== undefined ? { closest: { text: adapt(closest), exampleId: id } } : {}),
  };
}

/** The creator posted this reply, or nearly, on this platform recently: platforms flag repeats. */
function wasSentBefore(
  text: string,
  retrieved: RetrievedExample,
  site: DraftInput['comment']['site'],
  options: MemoryDraftOptions,
): boolean {
  const now = options.now ?? Date.now();
  const example = retrieved.example;
  if (example.platform === site && now - example.createdAt < SENT_RECENTLY_MS) return true;
  const folded = foldForRepeat(text);
  return (options.recentReplies ?? []).some((reply) => editRatio(foldForRepeat(reply), folded) <= NEAR_IDENTICAL);
}

function foldForRepeat(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Retrieval order, except among near-ties: prefer the same platform, then (for a short comment)
 * the shorter reply, since a one-line comment rarely deserves a paragraph.
 */
export function rankCandidates(
  examples: readonly RetrievedExample[],
  comment: DraftInput['comment'],
): RetrievedExample[] {
  const top = Math.max(...examples.map((r) => r.score));
  const isTie = (r: RetrievedExample) => r.score >= top - Math.abs(top) * TIE_MARGIN;
  const shortComment = comment.text.trim().length <= SHORT_COMMENT_CHARS;
  const ties = examples.filter(isTie);
  const rest = examples.filter((r) => !isTie(r));
  ties.sort((a, b) => {
    const platform = Number(b.example.platform === comment.site) - Number(a.example.platform === comment.site);
    if (platform !== 0) return platform;
    return shortComment ? a.example.reply.length - b.example.reply.length : 0;
  });
  return [...ties, ...rest];
}

/** The fitting replies that read differently once adapted (a creator repeats "Thank you!!"). */
function distinctPool(ranked: readonly Judged[], adapt: (r: RetrievedExample) => string): Candidate[] {
  const pool: Candidate[] = [];
  const seen = new Set<string>();
  for (const { retrieved, fit } of ranked) {
    const text = adapt(retrieved);
    const key = text.toLowerCase().replace(/\s+/gu, ' ').trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    pool.push({ retrieved, text, fit });
    if (pool.length === POOL_SIZE) break;
  }
  return pool;
}

function orderForSteer(pool: readonly Candidate[], steer: Steer): Candidate[] {
  const ordered = [...pool];
  switch (steer.kind) {
    case 'shorter':
      return ordered.sort((a, b) => a.text.length - b.text.length);
    case 'longer':
      return ordered.sort((a, b) => b.text.length - a.text.length);
    case 'warmer':
      return ordered.sort((a, b) => warmth(b.text) - warmth(a.text));
    case 'formal':
      return ordered.sort((a, b) => informality(a.text) - informality(b.text));
    default:
      return ordered;
  }
}

const WARM_WORDS =
  /\b(love|loved|lovely|thank|thanks|grateful|appreciate|so glad|so happy|means a lot|hugs?|sweet|kind|welcome|proud)\b/giu;

/** A crude reading of warmth: warm words, emoji and exclamation marks. */
export function warmth(text: string): number {
  const words = text.match(WARM_WORDS)?.length ?? 0;
  const emoji = [...text].filter((c) => hasEmoji(c)).length;
  const exclamations = Math.min(3, text.match(/!/gu)?.length ?? 0);
  return words * 2 + emoji + exclamations * 0.5;
}

const SLANG = /\b(lol|omg|haha+|lmao|ya|yall|gonna|wanna|tbh|ngl|omw|btw|u|ur)\b/giu;

/** A crude reading of informality: emoji, slang and stacked exclamation marks. */
export function informality(text: string): number {
  const emoji = [...text].filter((c) => hasEmoji(c)).length;
  const slang = text.match(SLANG)?.length ?? 0;
  const stacked = text.match(/[!?]{2,}/gu)?.length ?? 0;
  return emoji + slang * 2 + stacked;
}

const SENTENCE = /[^.!?…]+(?:[.!?…]+["')\]]*|$)\s*/gu;

/** The first sentence(s) of a body, about half of it; a one-sentence body is left whole. */
export function shortenBody(body: string): string {
  const sentences = body.match(SENTENCE) ?? [body];
  if (sentences.length <= 1) return body;
  const target = body.length / 2;
  let kept = '';
  for (const sentence of sentences) {
    kept += sentence;
    if (kept.trim().length >= target) break;
  }
  // A trailing emoji run belongs to the sentence before it; keep the creator's closing emoji.
  const trailingEmoji = /(\s*[\p{Extended_Pictographic}\u200D\uFE0F]+)\s*$/u.exec(body)?.[1] ?? '';
  const short = kept.trimEnd();
  return trailingEmoji && !short.endsWith(trailingEmoji.trim()) ? `${short}${trailingEmoji}` : short;
}

function truncate(text: string): string {
  const chars = [...text.replace(/\s+/gu, ' ')];
  return chars.length > MAX_STEER_IN_NOTICE ? `${chars.slice(0, MAX_STEER_IN_NOTICE - 1).join('')}…` : chars.join('');
}

/** Word-sized pieces that concatenate back to the text exactly. */
export function wordChunks(text: string): string[] {
  return text.match(/\s*\S+|\s+$/gu) ?? [];
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The draft was cancelled.', 'AbortError');
}

/** Let other work (a cancel message) run between chunks; scheduler.yield avoids timer clamping. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
