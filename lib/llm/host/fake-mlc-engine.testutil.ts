/**
 * Test double with the shape and the observable behaviour of WebLLM's WebWorkerMLCEngine:
 * `modelId` set by reload and cleared by unload, progress reports during reload, streamed chunks
 * with a final usage chunk, interruptGenerate ending the stream with finish_reason "abort", and
 * one generation at a time (a new request waits until the previous stream has been read to the
 * end, like WebLLM's per-model lock). Used only by unit tests.
 */
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  CompletionUsage,
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

  private async create(request: ChatCompletionRequestStreaming): Promise<AsyncIterable<ChatCompletionChunk>> {
    if (!this.modelId) throw new Error('WebWorkerMLCEngine is not loaded with a model. Did you call `engine.reload()`?');
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
    const model = this.modelId?.[0] ?? '';
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
