/**
 * The engine that needs no model: it answers with the creator's closest past reply, adapted to
 * greet the new commenter. It only ever reuses the creator's own words, so it cannot invent a
 * fact; it says plainly that no AI model wrote the draft.
 */

import type { SteerChoice } from '../core/steers';
import type { DraftResult } from '../core/draft';
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
}

export const MEMORY_NOTICE = 'Written from your past replies — no AI model is loaded.';
const NO_CLOSE_MATCH_NOTICE = 'None of your past replies closely matches this comment — check it fits.';

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

  const habits = options.habits ?? detectStyleHabits(input.examples.map((r) => r.example.reply));
  const adapt = (retrieved: RetrievedExample, transformBody?: (body: string) => string) =>
    adaptReply(retrieved.example.reply, {
      author: input.comment.author,
      habits,
      profile: input.profile,
      ...(transformBody ? { transformBody } : {}),
    });

  const pool = distinctPool(rankCandidates(input.examples, input.comment), adapt);
  const steer = parseSteer(input.steer);
  const ordered = orderForSteer(pool, steer);
  const variant = Math.max(0, Math.floor(options.variant ?? 0));
  const chosen = ordered[variant % ordered.length];
  // distinctPool keeps at least the best example, so there is always a choice.
  if (!chosen) throw new EmptyMemoryError();

  let text = chosen.text;
  if (steer.kind === 'shorter') text = adapt(chosen.retrieved, shortenBody);

  const notice = [options.reason ?? MEMORY_NOTICE];
  if ((input.examples[0]?.score ?? 0) <= 0) notice.push(NO_CLOSE_MATCH_NOTICE);
  if (steer.kind === 'unsupported') {
    notice.push(`The memory engine can't apply '${truncate(steer.text)}' — it reuses your own replies.`);
  }

  for (const chunk of wordChunks(text)) {
    throwIfAborted(signal);
    options.onToken?.(chunk);
    await yieldToEventLoop();
  }
  throwIfAborted(signal);

  const id = chosen.retrieved.example.id;
  return { text, engine: 'memory', exampleIds: id === undefined ? [] : [id], notice: notice.join(' ') };
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

/** The closest replies that read differently once adapted (a creator repeats "Thank you!!"). */
function distinctPool(ranked: readonly RetrievedExample[], adapt: (r: RetrievedExample) => string): Candidate[] {
  const pool: Candidate[] = [];
  const seen = new Set<string>();
  for (const retrieved of ranked) {
    const text = adapt(retrieved);
    const key = text.toLowerCase().replace(/\s+/gu, ' ').trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    pool.push({ retrieved, text });
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
