/**
 * The WebLLM drafting engine: builds the prompt, loads the model when needed (reporting
 * progress), streams the reply token by token, and stops when the creator cancels.
 *
 * Only types come from `@mlc-ai/web-llm` here, so this module stays cheap to import; the real
 * engine is handed in through `getEngine` (in the offscreen document, our client for the model
 * worker where WebLLM's MLCEngine runs: lib/llm/host/worker-engine-client.ts; a fake with the same
 * shape in tests).
 */
import type { DraftResult } from '../core/draft';
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  CreateEmbeddingResponse,
  EmbeddingCreateParams,
  InitProgressReport,
  MLCEngineInterface,
} from '@mlc-ai/web-llm';
import type { LOAD_ERROR_KINDS } from '../messaging/engine-protocol';
import type { DraftEngine, DraftInput, DraftOptions } from './engine';
import { describeProgress } from './host/load-progress';
import { buildPrompt, PromptTooLongError, type StyleLength } from './prompt';

/** The part of MLCEngineInterface Understudy uses. */
export type MLCEngineLike = Pick<
  MLCEngineInterface,
  'interruptGenerate' | 'reload' | 'unload' | 'setInitProgressCallback' | 'setAppConfig'
> & {
  chat: {
    completions: {
      create(request: ChatCompletionRequestStreaming): Promise<AsyncIterable<ChatCompletionChunk>>;
    };
  };
  embeddings: {
    create(request: EmbeddingCreateParams): Promise<CreateEmbeddingResponse>;
  };
  /**
   * The loaded model ids: the worker client sets this after `reload()` and clears it on
   * `unload()`. Used to skip a reload when the model is already on the GPU. A drafting model
   * and an embedding model can be loaded together (`reload([a, b])`).
   */
  readonly modelId?: string[] | undefined;
};

export interface GenerationSettings {
  temperature: number;
  maxTokens: number;
}

export type DraftMetrics = NonNullable<DraftResult['metrics']>;

export interface WebLLMEngineDeps {
  getEngine: () => Promise<MLCEngineLike>;
  modelId: string;
  /** Human name for status messages, e.g. "Qwen2.5 1.5B". */
  modelLabel?: string;
  /** Needed for custom models; catalog models are also in WebLLM's prebuilt config. */
  appConfig?: AppConfig;
  settings: GenerationSettings | (() => GenerationSettings | Promise<GenerationSettings>);
  countTokens?: (text: string) => number;
  /** The model's context window; 4096 for every catalog model. */
  contextWindowTokens?: number;
  /** Models to load alongside when this one has to be loaded (the embedding model in use). */
  companionModelIds?: readonly string[];
  now?: () => number;
}

export type WebLLMInput = DraftInput & { stylePlatformLength?: StyleLength };

export type LoadErrorKind = (typeof LOAD_ERROR_KINDS)[number];

export interface ClassifiedLoadError {
  kind: LoadErrorKind;
  /** What happened and what to do next, for the creator. */
  message: string;
  /** The original error text, for logs. */
  detail: string;
}

/** A model load or generation failure, with a message the creator can act on. */
export class WebLLMError extends Error {
  readonly kind: LoadErrorKind;
  readonly detail: string;
  constructor(classified: ClassifiedLoadError) {
    super(classified.message);
    this.name = 'WebLLMError';
    this.kind = classified.kind;
    this.detail = classified.detail;
  }
}

const MESSAGES: Record<LoadErrorKind, string> = {
  'no-webgpu':
    'This browser cannot run a model: WebGPU is not available. Update Chrome (113 or newer) and make sure hardware acceleration is on, or switch Understudy to the memory engine in options.',
  'missing-f16':
    'This model build needs 16-bit GPU shaders (shader-f16), which your GPU or browser does not offer. Pick the 32-bit build of the model in Understudy options.',
  'device-lost':
    'The GPU stopped while running the model, usually because it ran out of memory. Pick a smaller model in Understudy options; if it keeps happening, update your browser and GPU driver, or use the memory engine.',
  'out-of-memory':
    'Your GPU ran out of memory for this model. Pick a smaller model in Understudy options, or close other tabs and apps that use the GPU and try again.',
  'storage-full':
    'There is not enough disk space to store the model. Free some space, or pick a smaller model in Understudy options.',
  'context-window':
    'The prompt for this draft came out longer than the model’s context window, although Understudy sized it to fit: its token estimate fell short for this text. Press Regenerate; if it happens again, lower the reply length in Understudy options.',
  'model-not-found':
    'Understudy does not know this model. Choose one from the list in Understudy options, or check your custom model’s id and addresses.',
  download:
    'The model files could not be downloaded, or the saved copy is damaged. Check your connection, then delete the model from cache in Understudy options and download it again.',
  'gpu-error':
    'Your GPU could not run the model’s shaders. Update your browser and GPU driver, or use the memory engine in Understudy options.',
  unknown: 'The model could not run. Try again; if it keeps failing, use the memory engine in Understudy options.',
};

/** Embedding texts are cut to fit before they are sent; this says so if one still was not. */
const EMBEDDING_TOO_LONG =
  'A text was longer than the embedding model can read (its context window), although Understudy cuts texts to fit before embedding them. Drafts still find your past replies by their words.';

/** Ordered: the first matching rule wins (DeviceLostError mentions "out of memory" too). */
const RULES: [LoadErrorKind, RegExp][] = [
  ['no-webgpu', /webgpunotavailable|webgpunotfound|webgpu is not supported|cannot find webgpu|unable to find a compatible gpu|navigator\.gpu|webgpu.*(not available|unavailable)/],
  ['missing-f16', /shaderf16|shader-f16/],
  ['device-lost', /devicelost|device (was |is )?lost/],
  ['out-of-memory', /out of memory|outofmemory|\boom\b|failed to allocate|allocation failed|insufficient memory/],
  ['storage-full', /quotaexceeded|quota|no space left|disk is full|storage is full/],
  ['context-window', /contextwindowsizeexceeded|exceed context window|exceedcontextwindow/],
  ['model-not-found', /modelnotfound|cannot find model record|specifiedmodelnotfound|missingmodelwasm|missing `model_lib`/],
  // "Failed to execute 'add' on 'Cache': Request failed" is how a 404 or 5xx from the model host surfaces.
  ['download', /failed to fetch|on 'cache'|request failed|networkerror|network response was not ok|cannot fetch|failed to load shard|integrity|artifactmanifest|unexpected token|not valid json|json\.parse|tokenizer|load failed|err_internet|err_network|http (4|5)\d\d|status (4|5)\d\d/],
  ['gpu-error', /shader|wgsl|gpupipelineerror|pipeline|gpuvalidationerror|cannot initialize runtime/],
];

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return `${typeof name === 'string' ? `${name}: ` : ''}${String(message)}`;
  }
  return String(error);
}

/**
 * Maps any WebLLM failure to a creator-facing message with a next step. Errors that cross the
 * worker boundary keep their name and message but not their class, and some arrive as plain
 * strings ("DeviceLostError: The WebGPU device was lost…"), so this matches on name and text.
 */
export function classifyLoadError(error: unknown): ClassifiedLoadError {
  if (error instanceof WebLLMError) return { kind: error.kind, message: error.message, detail: error.detail };
  const detail = errorText(error);
  const haystack = detail.toLowerCase();
  const kind = RULES.find(([, pattern]) => pattern.test(haystack))?.[0] ?? 'unknown';
  if (kind === 'context-window' && haystack.includes('embedding')) return { kind, message: EMBEDDING_TOO_LONG, detail };
  return { kind, message: MESSAGES[kind], detail };
}

export function isAbortError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}

/** The error every cancelled model request rejects with (`isAbortError` recognises it). */
export function abortError(): DOMException {
  return new DOMException('Drafting was cancelled.', 'AbortError');
}

function abortPromise(signal: AbortSignal | undefined): { promise: Promise<never>; dispose: () => void } {
  if (!signal) return { promise: new Promise<never>(() => {}), dispose: () => {} };
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

interface LoadState {
  /** Every model this load puts on the GPU. */
  modelIds: readonly string[];
  promise: Promise<void>;
  listeners: Set<(report: InitProgressReport) => void>;
}
/** One load at a time per engine: a second draft waits for the load the first one started. */
const loads = new WeakMap<MLCEngineLike, LoadState>();

export interface LoadOptions {
  appConfig?: AppConfig;
  modelLabel?: string;
  onProgress?: (message: string, progress: number, report: ReturnType<typeof describeProgress>) => void;
  signal?: AbortSignal;
  /**
   * Models to load together with `modelId` when it has to be loaded. WebLLM's reload unloads
   * everything first, so a drafting model and an embedding model only share the GPU when they
   * are loaded in one call. A companion missing while `modelId` is loaded is not a reason to reload.
   */
  companions?: readonly string[];
}

export function isModelLoaded(engine: MLCEngineLike, modelId: string): boolean {
  return engine.modelId?.includes(modelId) ?? false;
}

/**
 * Makes sure `modelId` is on the GPU, downloading it if needed. Cancelling stops waiting, not
 * the load itself (WebLLM cannot abort a reload), so the model is ready for the next draft.
 */
export async function ensureModelLoaded(engine: MLCEngineLike, modelId: string, options: LoadOptions = {}): Promise<void> {
  if (options.signal?.aborted) throw abortError();
  if (isModelLoaded(engine, modelId) && !loads.has(engine)) return;

  let state = loads.get(engine);
  if (state && !state.modelIds.includes(modelId)) {
    // Another model is loading: wait for it, then load ours.
    await state.promise.catch(() => {});
    return ensureModelLoaded(engine, modelId, options);
  }

  const onProgress = options.onProgress;
  const listener = onProgress
    ? (report: InitProgressReport) => {
        const described = describeProgress(report, options.modelLabel);
        onProgress(described.message, described.progress, described);
      }
    : undefined;

  if (!state) {
    const listeners = new Set<(report: InitProgressReport) => void>();
    // Listen before reload starts: its first report can arrive synchronously.
    if (listener) listeners.add(listener);
    engine.setInitProgressCallback((report) => {
      for (const l of listeners) l(report);
    });
    if (options.appConfig) engine.setAppConfig(options.appConfig);
    const modelIds = [modelId, ...(options.companions ?? []).filter((id) => id !== modelId)];
    const current: LoadState = { modelIds, promise: Promise.resolve(), listeners };
    loads.set(engine, current);
    current.promise = engine
      .reload(modelIds.length === 1 ? modelId : modelIds)
      .catch((error: unknown) => {
        throw new WebLLMError(classifyLoadError(error));
      })
      .finally(() => {
        if (loads.get(engine) === current) loads.delete(engine);
      });
    // Whoever cancelled may no longer be listening for the outcome.
    current.promise.catch(() => {});
    state = current;
  } else if (listener) {
    state.listeners.add(listener);
  }

  const abort = abortPromise(options.signal);
  try {
    await Promise.race([state.promise, abort.promise]);
  } finally {
    abort.dispose();
    if (listener) state.listeners.delete(listener);
  }
}

export interface EmbedOptions extends Omit<LoadOptions, 'onProgress'> {
  onStatus?: (message: string, progress?: number) => void;
}

/**
 * Vectors for `texts` from an embedding model, one per text in order, loading the model (and
 * its companions) first when needed. Failures come back as WebLLMError, classified like load
 * errors, so the creator sees the same advice whichever model failed.
 */
export async function embedTexts(
  engine: MLCEngineLike,
  modelId: string,
  texts: readonly string[],
  options: EmbedOptions = {},
): Promise<number[][]> {
  const { onStatus, ...load } = options;
  if (!isModelLoaded(engine, modelId)) onStatus?.(`Loading ${options.modelLabel ?? modelId}…`, 0);
  await ensureModelLoaded(engine, modelId, { ...load, onProgress: (message, progress) => onStatus?.(message, progress) });
  if (options.signal?.aborted) throw abortError();
  let response: CreateEmbeddingResponse;
  try {
    response = await engine.embeddings.create({ input: [...texts], model: modelId });
  } catch (error) {
    throw new WebLLMError(classifyLoadError(error));
  }
  const vectors: number[][] = new Array<number[]>(texts.length);
  for (const item of response.data) vectors[item.index] = item.embedding;
  for (let i = 0; i < texts.length; i++) {
    if (!vectors[i]?.length) {
      throw new WebLLMError({ kind: 'unknown', message: MESSAGES.unknown, detail: `No embedding came back for input ${i} of ${texts.length}.` });
    }
  }
  return vectors;
}

const SAFETY_MARGIN_TOKENS = 64;

function usageMetrics(chunk: ChatCompletionChunk): DraftMetrics | undefined {
  const usage = chunk.usage;
  if (!usage) return undefined;
  const extra = usage.extra;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    timeToFirstTokenMs: Math.round((extra?.time_to_first_token_s ?? 0) * 1000),
    decodeTokensPerSecond: extra?.decode_tokens_per_s ?? 0,
    prefillTokensPerSecond: extra?.prefill_tokens_per_s ?? 0,
  };
}

/** The prompt, or a context-window error that says what does not fit and what to change. */
function promptFor(input: WebLLMInput, maxPromptTokens: number, countTokens?: (text: string) => number) {
  try {
    return buildPrompt(input, { maxPromptTokens, ...(countTokens ? { countTokens } : {}) });
  } catch (error) {
    if (!(error instanceof PromptTooLongError)) throw error;
    throw new WebLLMError({
      kind: 'context-window',
      message: error.message,
      detail: `needs ${error.neededTokens} tokens, room for ${error.maxPromptTokens}`,
    });
  }
}

export function createWebLLMEngine(deps: WebLLMEngineDeps): DraftEngine {
  const now = deps.now ?? (() => performance.now());
  const label = deps.modelLabel ?? deps.modelId;

  return {
    id: 'webllm',
    async draft(input: WebLLMInput, options: DraftOptions = {}): Promise<DraftResult> {
      const { signal, onToken, onStatus } = options;
      if (signal?.aborted) throw abortError();

      let engine: MLCEngineLike;
      try {
        engine = await deps.getEngine();
      } catch (error) {
        throw new WebLLMError(classifyLoadError(error));
      }
      const needsLoad = !isModelLoaded(engine, deps.modelId);
      if (needsLoad) onStatus?.(`Loading ${label}…`, 0);
      await ensureModelLoaded(engine, deps.modelId, {
        appConfig: deps.appConfig,
        modelLabel: label,
        signal,
        onProgress: (message, progress) => onStatus?.(message, progress),
        ...(deps.companionModelIds ? { companions: deps.companionModelIds } : {}),
      });
      if (signal?.aborted) throw abortError();

      const settings = typeof deps.settings === 'function' ? await deps.settings() : deps.settings;
      const contextWindow = deps.contextWindowTokens ?? 4096;
      const prompt = promptFor(input, contextWindow - settings.maxTokens - SAFETY_MARGIN_TOKENS, deps.countTokens);

      let aborted = false;
      const abort = abortPromise(signal);
      const onAbort = () => {
        aborted = true;
        engine.interruptGenerate();
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      const generate = async (): Promise<DraftResult> => {
        const startedAt = now();
        let firstTokenAt: number | undefined;
        let contentChunks = 0;
        let text = '';
        let metrics: DraftMetrics | undefined;
        let finishReason: string | null | undefined;
        const stream = await engine.chat.completions.create({
          // Named, because with an embedding model loaded too WebLLM cannot guess which to use.
          model: deps.modelId,
          messages: prompt.messages,
          stream: true,
          stream_options: { include_usage: true },
          temperature: settings.temperature,
          max_tokens: settings.maxTokens,
        });
        // After a cancel the stream is still read to its end: WebLLM releases the model's lock
        // only when the generation finishes, and the next draft would wait on it forever.
        for await (const chunk of stream) {
          if (aborted) {
            engine.interruptGenerate();
            continue;
          }
          const choice = chunk.choices[0];
          const piece = choice?.delta.content;
          if (piece) {
            firstTokenAt ??= now();
            contentChunks++;
            text += piece;
            onToken?.(piece);
          }
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          metrics = usageMetrics(chunk) ?? metrics;
        }
        if (aborted || finishReason === 'abort') throw abortError();
        const finishedAt = now();
        metrics ??= {
          promptTokens: prompt.promptTokens,
          completionTokens: contentChunks,
          timeToFirstTokenMs: Math.round((firstTokenAt ?? finishedAt) - startedAt),
          decodeTokensPerSecond:
            firstTokenAt !== undefined && finishedAt > firstTokenAt ? (contentChunks - 1) / ((finishedAt - firstTokenAt) / 1000) : 0,
          prefillTokensPerSecond:
            firstTokenAt !== undefined && firstTokenAt > startedAt ? prompt.promptTokens / ((firstTokenAt - startedAt) / 1000) : 0,
        };
        const draft = text.trim();
        if (!draft) {
          throw new WebLLMError({
            kind: 'unknown',
            message: 'The model returned an empty reply. Press Regenerate to try again.',
            detail: `finish_reason=${finishReason ?? 'none'}`,
          });
        }
        return {
          text: draft,
          engine: 'webllm',
          model: deps.modelId,
          exampleIds: prompt.usedExampleIds,
          factIds: prompt.usedFactIds,
          metrics,
          ...(prompt.leftOut ? { leftOut: prompt.leftOut } : {}),
        };
      };

      const run = generate().catch((error: unknown) => {
        if (isAbortError(error) || aborted) throw abortError();
        throw new WebLLMError(classifyLoadError(error));
      });
      try {
        return await Promise.race([run, abort.promise]);
      } finally {
        abort.dispose();
        signal?.removeEventListener('abort', onAbort);
        // A cancelled run keeps draining in the background; its outcome no longer matters.
        run.catch(() => {});
      }
    },
  };
}
