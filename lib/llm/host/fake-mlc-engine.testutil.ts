/**
 * Test double with the shape and the observable behaviour of WebLLM's WebWorkerMLCEngine:
 * `modelId` set by reload and cleared by unload, progress reports during reload, streamed chunks
 * with a final usage chunk, interruptGenerate ending the stream with finish_reason "abort", and
 * one generation at a time (a new request waits until the previous stream has been read to the
 * end, like WebLLM's per-model lock). With several models loaded (`reload([a, b])`), requests
 * must name their model, and embeddings only come from an embedding model, as in WebLLM.
 * Used only by unit tests.
 */
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  CompletionUsage,
  CreateEmbeddingResponse,
  EmbeddingCreateParams,
  InitProgressCallback,
  InitProgressReport,
} from '@mlc-ai/web-llm';
import type { MLCEngineLike } from '../webllm-engine';

export interface FakeEngineOptions {
  /** Content pieces streamed for every request. */
  pieces?: string[];
  /** Usage reported on the last chunk; null for none. */
  usage?: CompletionUsage | null;
  loadReports?: InitProgressReport[];
  /** Thrown by reload (a string mimics an error that crossed the worker boundary). */
  loadError?: unknown;
  /** Thrown by the stream after the first chunk. */
  streamError?: unknown;
  /** Length of each embedding; 384 like Arctic Embed S. */
  embedDims?: number;
  /** Thrown by embeddings.create; a function is asked per call and throws what it returns, if anything. */
  embedError?: unknown;
  /** The vector for a text; a deterministic bag-of-words hash by default. */
  embedVector?: (text: string, dims: number) => number[];
}

/** Words hashed into buckets: texts sharing words get similar vectors, others near-orthogonal. */
export function hashedVector(text: string, dims: number): number[] {
  const vector = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    vector[(h >>> 0) % dims]! += 1;
  }
  vector[0]! += 0.01;
  return vector;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export function usageOf(extra: Partial<CompletionUsage['extra']> = {}, tokens = { prompt: 321, completion: 12 }): CompletionUsage {
  return {
    prompt_tokens: tokens.prompt,
    completion_tokens: tokens.completion,
    total_tokens: tokens.prompt + tokens.completion,
    extra: {
      e2e_latency_s: 1.5,
      prefill_tokens_per_s: 850,
      decode_tokens_per_s: 42,
      time_to_first_token_s: 0.38,
      time_per_output_token_s: 0.024,
      ...extra,
    },
  };
}

export class FakeMLCEngine implements MLCEngineLike {
  modelId?: string[];
  readonly calls: string[] = [];
  readonly requests: ChatCompletionRequestStreaming[] = [];
  appConfig?: AppConfig;
  interruptCount = 0;
  /** Chunks handed to the consumer so far, across requests. */
  chunksServed = 0;
  /** Streams read to their end (normally or after an interrupt). */
  streamsFinished = 0;
  options: FakeEngineOptions;

  private progress?: InitProgressCallback;
  private interrupted = false;
  private lock: Promise<void> = Promise.resolve();
  private paused?: Deferred;
  private reloadGate?: Deferred;

  chat = {
    completions: {
      create: (request: ChatCompletionRequestStreaming) => this.create(request),
    },
  };

  readonly embedRequests: EmbeddingCreateParams[] = [];
  private embedGate?: Deferred;

  embeddings = {
    create: (request: EmbeddingCreateParams) => this.embed(request),
  };

  constructor(options: FakeEngineOptions = {}) {
    this.options = { pieces: ['Thanks', ' so', ' much', '!'], usage: usageOf(), ...options };
  }

  setInitProgressCallback(callback: InitProgressCallback): void {
    this.calls.push('setInitProgressCallback');
    this.progress = callback;
  }

  setAppConfig(config: AppConfig): void {
    this.calls.push('setAppConfig');
    this.appConfig = config;
  }

  async reload(modelId: string | string[]): Promise<void> {
    const id = Array.isArray(modelId) ? modelId.join(',') : modelId;
    this.calls.push(`reload:${id}`);
    for (const report of this.options.loadReports ?? []) {
      this.progress?.(report);
      await Promise.resolve();
    }
    if (this.reloadGate) await this.reloadGate.promise;
    if (this.options.loadError !== undefined) throw this.options.loadError;
    this.modelId = Array.isArray(modelId) ? modelId : [modelId];
  }

  async unload(): Promise<void> {
    this.calls.push('unload');
    this.modelId = undefined;
  }

  interruptGenerate(): void {
    this.calls.push('interruptGenerate');
    this.interruptCount++;
    this.interrupted = true;
  }

  /** Holds every following chunk until `resume()`. */
  pause(): void {
    this.paused ??= deferred();
  }

  resume(): void {
    const paused = this.paused;
    this.paused = undefined;
    paused?.resolve();
  }

  /** Holds reload until the returned function is called. */
  holdReload(): () => void {
    const gate = deferred();
    this.reloadGate = gate;
    return () => {
      this.reloadGate = undefined;
      gate.resolve();
    };
  }

  /** Holds embeddings.create until the returned function is called. */
  holdEmbed(): () => void {
    const gate = deferred();
    this.embedGate = gate;
    return () => {
      this.embedGate = undefined;
      gate.resolve();
    };
  }

  /** Whether the app config (or, without one, the id) says this is an embedding model. */
  private isEmbeddingModel(id: string): boolean {
    const record = this.appConfig?.model_list.find((r) => r.model_id === id);
    return record ? record.model_type === 1 : id.includes('embed');
  }

  /** WebLLM's getModelIdToUse: the named model, or the only one loaded. */
  private pickModel(requested: string | null | undefined, requestName: string): string {
    const loaded = this.modelId;
    if (!loaded?.length) throw new Error('WebWorkerMLCEngine is not loaded with a model. Did you call `engine.reload()`?');
    if (requested) {
      if (!loaded.includes(requested)) {
        throw new Error(`SpecifiedModelNotFoundError: Specified model ${requested} for ${requestName} is not found in loaded models.`);
      }
      return requested;
    }
    if (loaded.length > 1) throw new Error(`UnclearModelToUseError: Multiple models are loaded in engine. Please specify the model in ${requestName}.`);
    return loaded[0]!;
  }

  private async embed(request: EmbeddingCreateParams): Promise<CreateEmbeddingResponse> {
    this.calls.push('embed');
    this.embedRequests.push(request);
    const model = this.pickModel(request.model, 'EmbeddingCreateParams');
    if (!this.isEmbeddingModel(model)) {
      throw new Error(`IncorrectPipelineLoadedError: EmbeddingCreateParams expects model to be loaded with EmbeddingPipeline. However, ${model} is not loaded with this pipeline.`);
    }
    for (let turn = 0; turn < 3; turn++) await Promise.resolve();
    if (this.embedGate) await this.embedGate.promise;
    const failure = this.options.embedError;
    if (failure !== undefined) {
      const error = typeof failure === 'function' ? (failure as (r: EmbeddingCreateParams) => unknown)(request) : failure;
      if (error !== undefined) throw error;
    }
    const inputs = (typeof request.input === 'string' ? [request.input] : request.input) as string[];
    if (inputs.some((text) => text === '')) throw new Error('EmbeddingInputEmptyError: Embedding input cannot be empty string or empty token array.');
    const dims = this.options.embedDims ?? 384;
    const vectorOf = this.options.embedVector ?? hashedVector;
    return {
      object: 'list',
      model,
      data: inputs.map((text, index) => ({ object: 'embedding' as const, index, embedding: vectorOf(text, dims) })),
      usage: { prompt_tokens: inputs.length * 8, total_tokens: inputs.length * 8, extra: { prefill_tokens_per_s: 1000 } },
    };
  }

  private async create(request: ChatCompletionRequestStreaming): Promise<AsyncIterable<ChatCompletionChunk>> {
    const model = this.pickModel(request.model, 'ChatCompletionRequest');
    if (this.isEmbeddingModel(model)) {
      throw new Error(`IncorrectPipelineLoadedError: ChatCompletionRequest expects model to be loaded with LLMChatPipeline. However, ${model} is not loaded with this pipeline.`);
    }
    this.calls.push('create');
    this.requests.push(request);
    const previous = this.lock;
    const released = deferred();
    this.lock = previous.then(() => released.promise);
    return this.stream(previous, released);
  }

  private async *stream(previous: Promise<void>, released: Deferred): AsyncGenerator<ChatCompletionChunk> {
    await previous;
    this.interrupted = false;
    const model = this.modelId?.find((id) => !this.isEmbeddingModel(id)) ?? '';
    const base = { id: 'chatcmpl-fake', created: 0, model, object: 'chat.completion.chunk' as const };
    try {
      const pieces = this.options.pieces ?? [];
      for (let i = 0; i < pieces.length; i++) {
        if (this.paused) await this.paused.promise;
        // A few microtask turns per chunk, like messages from a worker (no timers, so tests
        // can fake timers freely).
        for (let turn = 0; turn < 3; turn++) await Promise.resolve();
        if (this.interrupted) {
          this.chunksServed++;
          yield { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'abort' }] };
          return;
        }
        if (i === 1 && this.options.streamError !== undefined) throw this.options.streamError;
        const last = i === pieces.length - 1;
        this.chunksServed++;
        yield {
          ...base,
          choices: [{ index: 0, delta: { role: 'assistant', content: pieces[i] }, finish_reason: last ? 'stop' : null }],
        };
      }
      if (this.options.usage) {
        this.chunksServed++;
        yield { ...base, choices: [], usage: this.options.usage };
      }
    } finally {
      this.streamsFinished++;
      released.resolve();
    }
  }
}
