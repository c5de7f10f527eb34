/**
 * The browser's built-in model as a drafting engine: Chrome's Prompt API (the global
 * `LanguageModel`, for extensions from Chrome 138). The browser owns the model: it downloads it
 * (Understudy only reports the progress the API gives), keeps it and runs it; Understudy builds
 * the same prompt as for WebLLM, streams the reply and stops it on request.
 *
 * Chrome exposes `LanguageModel` to extension pages and extension workers (the background
 * service worker), so this engine runs in the background beside the memory engine: no offscreen
 * document is needed. Only the API's shape is declared here; the real global is handed in
 * through `getApi` (a fake with the same shape in tests).
 */
import type { DraftResult } from '../core/draft';
import { BUILTIN_MODEL_LABEL } from '../core/labels';
import type { DraftEngine, DraftInput, DraftOptions } from './engine';
import { buildPrompt, PromptTooLongError, type ChatMessage } from './prompt';
import { estimateTokens } from './token-estimate';
import { abortError, isAbortError, type DraftMetrics, type GenerationSettings } from './webllm-engine';

export const BUILTIN_AVAILABILITIES = ['unavailable', 'downloadable', 'downloading', 'available'] as const;
export type BuiltinAvailability = (typeof BUILTIN_AVAILABILITIES)[number];
/** What the creator is told: the API's states, plus 'absent' for a browser without the API. */
export type BuiltinState = BuiltinAvailability | 'absent';

type PromptMessage = { role: 'system' | 'user' | 'assistant'; content: string };
type LanguageOptions = { type: 'text'; languages: string[] }[];

export interface LanguageModelCreateOptions {
  initialPrompts?: PromptMessage[];
  temperature?: number;
  topK?: number;
  signal?: AbortSignal;
  monitor?: (monitor: EventTarget) => void;
  expectedInputs?: LanguageOptions;
  expectedOutputs?: LanguageOptions;
}

/** The part of a Prompt API session Understudy uses. */
export interface LanguageModelSessionLike {
  promptStreaming(input: string | PromptMessage[], options?: { signal?: AbortSignal }): ReadableStream<string>;
  measureInputUsage?(input: string | PromptMessage[], options?: { signal?: AbortSignal }): Promise<number>;
  readonly inputUsage?: number;
  readonly inputQuota?: number;
  destroy(): void;
}

/** The part of the `LanguageModel` global Understudy uses. */
export interface LanguageModelApi {
  availability(options?: Pick<LanguageModelCreateOptions, 'expectedInputs' | 'expectedOutputs'>): Promise<BuiltinAvailability>;
  create(options?: LanguageModelCreateOptions): Promise<LanguageModelSessionLike>;
}

export { BUILTIN_MODEL_LABEL };

/**
 * The languages the prompt and the reply are declared in. Chrome asks for them, warns without
 * them, and answers availability for exactly these; English is what every Chrome model supports.
 */
const LANGUAGES: Pick<LanguageModelCreateOptions, 'expectedInputs' | 'expectedOutputs'> = {
  expectedInputs: [{ type: 'text', languages: ['en'] }],
  expectedOutputs: [{ type: 'text', languages: ['en'] }],
};

/**
 * The prompt budget when the session does not say its quota: WebLLM's window, which Chrome's
 * model exceeds, so a prompt built to it fits; measureInputUsage checks it once a session exists.
 */
const DEFAULT_CONTEXT_TOKENS = 4096;
const SAFETY_MARGIN_TOKENS = 64;

/** The global where the browser offers it (Chrome 138+), else undefined. */
export function browserLanguageModel(): LanguageModelApi | undefined {
  const api = (globalThis as { LanguageModel?: LanguageModelApi }).LanguageModel;
  return api && typeof api.availability === 'function' && typeof api.create === 'function' ? api : undefined;
}

/** The model's state here; an API that throws counts as not available, never as an error. */
export async function builtinState(api: LanguageModelApi | undefined): Promise<BuiltinState> {
  if (!api) return 'absent';
  try {
    const answer = await api.availability(LANGUAGES);
    return (BUILTIN_AVAILABILITIES as readonly string[]).includes(answer) ? answer : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

/** A failure of the built-in model, with a message the creator can act on. */
export class BuiltinModelError extends Error {
  constructor(message: string, readonly detail = message) {
    super(message);
    this.name = 'BuiltinModelError';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Maps what the Prompt API throws to what the creator can do about it. */
export function describeBuiltinError(error: unknown): BuiltinModelError {
  if (error instanceof BuiltinModelError) return error;
  const detail = errorText(error);
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError') {
    return new BuiltinModelError(
      "The browser did not let Understudy start its built-in model (it may need to finish downloading it first, or it is turned off by policy).",
      detail,
    );
  }
  if (name === 'QuotaExceededError') {
    return new BuiltinModelError("This draft's prompt is longer than the browser's built-in model can read.", detail);
  }
  if (name === 'NotSupportedError') {
    return new BuiltinModelError("The browser's built-in model does not support this kind of request.", detail);
  }
  return new BuiltinModelError(`The browser's built-in model could not write this draft (${detail.replace(/[.\s]+$/, '')}).`, detail);
}

/**
 * Turns the stream's chunks into new text. Chrome sends each chunk as the next piece; early
 * versions sent the whole reply so far. A chunk that repeats all the text so far and goes on is
 * taken as the latter, decided once per stream so a piece that happens to start like the reply
 * is never cut.
 */
export function createChunkReader(): (chunk: string) => string {
  let text = '';
  let cumulative: boolean | undefined;
  return (chunk) => {
    if (cumulative === undefined && text) cumulative = chunk.length > text.length && chunk.startsWith(text);
    const piece = cumulative ? chunk.slice(text.length) : chunk;
    text += piece;
    return piece;
  };
}

export interface BuiltinEngineDeps {
  getApi: () => LanguageModelApi | undefined;
  settings: GenerationSettings | (() => GenerationSettings | Promise<GenerationSettings>);
  now?: () => number;
}

interface SplitPrompt {
  system: PromptMessage[];
  rest: PromptMessage[];
}

/** The system message sets the session up; the examples, thread and comment are the prompt. */
function splitPrompt(messages: ChatMessage[]): SplitPrompt {
  return {
    system: messages.filter((m) => m.role === 'system'),
    rest: messages.filter((m) => m.role !== 'system'),
  };
}

function promptFor(input: DraftInput, maxPromptTokens: number) {
  try {
    return buildPrompt(input, { maxPromptTokens });
  } catch (error) {
    if (error instanceof PromptTooLongError) throw new BuiltinModelError(error.message);
    throw error;
  }
}

function downloadStatus(onStatus: DraftOptions['onStatus']) {
  return (monitor: EventTarget) => {
    monitor.addEventListener('downloadprogress', (event) => {
      const loaded = Math.min(1, Math.max(0, Number((event as Event & { loaded?: number }).loaded) || 0));
      onStatus?.(`The browser is downloading its built-in model… ${Math.round(loaded * 100)}%`, loaded);
    });
  };
}

/** Time to first token and speed, counted with the prompt builder's token estimate. */
function metricsOf(promptTokens: number, text: string, startedAt: number, firstAt: number | undefined, endedAt: number): DraftMetrics {
  const completionTokens = estimateTokens(text);
  const first = firstAt ?? endedAt;
  const decodeSeconds = (endedAt - first) / 1000;
  const prefillSeconds = (first - startedAt) / 1000;
  return {
    promptTokens,
    completionTokens,
    timeToFirstTokenMs: Math.round(first - startedAt),
    decodeTokensPerSecond: decodeSeconds > 0 ? completionTokens / decodeSeconds : 0,
    prefillTokensPerSecond: prefillSeconds > 0 ? promptTokens / prefillSeconds : 0,
  };
}

async function fitsSession(session: LanguageModelSessionLike, rest: PromptMessage[], signal?: AbortSignal): Promise<void> {
  if (!session.measureInputUsage || session.inputQuota === undefined) return;
  const needed = await session.measureInputUsage(rest, signal ? { signal } : {});
  const left = session.inputQuota - (session.inputUsage ?? 0);
  if (needed > left) {
    throw new BuiltinModelError(
      "This draft's prompt is longer than the browser's built-in model can read. Shorten your voice description or fact sheet, or move another engine first in Options → Model.",
      `needs ${needed} tokens, ${left} left`,
    );
  }
}

/** Reads the reply as it streams, passing each new piece on, until it ends or is cut. */
async function streamReply(
  session: LanguageModelSessionLike,
  messages: PromptMessage[],
  built: ReturnType<typeof promptFor>,
  generation: GenerationSettings,
  handlers: DraftOptions,
  now: () => number,
): Promise<DraftResult> {
  const { signal, onToken } = handlers;
  const startedAt = now();
  let firstAt: number | undefined;
  let text = '';
  const read = createChunkReader();
  const reader = session.promptStreaming(messages, signal ? { signal } : {}).getReader();
  // The signal should end the stream itself; cancelling the reader makes sure Stop never waits.
  const onAbort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw abortError();
      if (done) break;
      const piece = read(value);
      if (!piece) continue;
      firstAt ??= now();
      text += piece;
      onToken?.(piece);
      // The Prompt API has no reply-length limit: stop at the creator's maximum here.
      if (estimateTokens(text) >= generation.maxTokens) break;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    void reader.cancel().catch(() => {});
  }
  const draft = text.trim();
  if (!draft) throw new BuiltinModelError("The browser's built-in model returned an empty reply. Press Regenerate to try again.");
  return {
    text: draft,
    engine: 'builtin',
    model: BUILTIN_MODEL_LABEL,
    exampleIds: built.usedExampleIds,
    factIds: built.usedFactIds,
    metrics: metricsOf(built.promptTokens, text, startedAt, firstAt, now()),
    ...(built.leftOut ? { leftOut: built.leftOut } : {}),
  };
}

export function createBuiltinEngine(deps: BuiltinEngineDeps): DraftEngine {
  const now = deps.now ?? (() => performance.now());
  return {
    id: 'builtin',
    async draft(input: DraftInput, options: DraftOptions = {}): Promise<DraftResult> {
      const { signal, onStatus } = options;
      if (signal?.aborted) throw abortError();
      const api = deps.getApi();
      if (!api) throw new BuiltinModelError("This browser doesn't offer a built-in model.");
      const settings = typeof deps.settings === 'function' ? await deps.settings() : deps.settings;
      const prompt = promptFor(input, DEFAULT_CONTEXT_TOKENS - settings.maxTokens - SAFETY_MARGIN_TOKENS);
      const { system, rest } = splitPrompt(prompt.messages);

      let session: LanguageModelSessionLike | undefined;
      try {
        onStatus?.(`Starting the ${BUILTIN_MODEL_LABEL.toLowerCase()}…`);
        session = await api.create({
          ...LANGUAGES,
          initialPrompts: system,
          temperature: settings.temperature,
          // Chrome asks for both or neither; 3 is its default for its model.
          topK: 3,
          monitor: downloadStatus(onStatus),
          ...(signal ? { signal } : {}),
        });
        await fitsSession(session, rest, signal);
        return await streamReply(session, rest, prompt, settings, options, now);
      } catch (error) {
        if (isAbortError(error) || signal?.aborted) throw abortError();
        throw describeBuiltinError(error);
      } finally {
        session?.destroy();
      }
    },
  };
}
