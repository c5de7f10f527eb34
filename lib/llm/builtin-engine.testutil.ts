/**
 * A fake of Chrome's Prompt API (`LanguageModel`) with the real one's shape, for unit tests:
 * availability states, download progress events on the monitor, a reply streamed in chunks,
 * abort through the signal, and failures at create or mid-stream.
 */
import type { BuiltinAvailability, LanguageModelApi, LanguageModelCreateOptions, LanguageModelSessionLike } from './builtin-engine';

export interface FakeLanguageModelOptions {
  availability?: BuiltinAvailability;
  /** The reply, as the stream's chunks. */
  chunks?: string[];
  /** Chunks as the whole reply so far (early Chrome), not each next piece. */
  cumulative?: boolean;
  /** Fractions 0–1 reported as 'downloadprogress' events while create() runs. */
  downloadProgress?: number[];
  createError?: Error;
  /** Thrown by the stream after this many chunks. */
  streamErrorAfter?: { chunks: number; error: Error };
  /** The stream waits after this many chunks until aborted (a reply still being written). */
  stallAfter?: number;
  inputQuota?: number;
  /** What measureInputUsage reports for the prompt. */
  promptUsage?: number;
}

export interface FakeLanguageModel extends LanguageModelApi {
  readonly createCalls: LanguageModelCreateOptions[];
  readonly prompts: unknown[];
  readonly destroyed: number;
}

function abortReason(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

export function createFakeLanguageModel(options: FakeLanguageModelOptions = {}): FakeLanguageModel {
  const createCalls: LanguageModelCreateOptions[] = [];
  const prompts: unknown[] = [];
  let destroyed = 0;
  const chunks = options.chunks ?? ['Thanks ', 'so much', '!'];

  function streamFor(signal: AbortSignal | undefined): ReadableStream<string> {
    let sent = 0;
    let soFar = '';
    return new ReadableStream<string>({
      async pull(controller) {
        if (signal?.aborted) return controller.error(abortReason());
        if (options.streamErrorAfter && sent === options.streamErrorAfter.chunks) return controller.error(options.streamErrorAfter.error);
        if (options.stallAfter !== undefined && sent === options.stallAfter) {
          await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
          return controller.error(abortReason());
        }
        const next = chunks[sent];
        if (next === undefined) return controller.close();
        sent++;
        soFar += next;
        controller.enqueue(options.cumulative ? soFar : next);
      },
    });
  }

  const session = (): LanguageModelSessionLike => ({
    promptStreaming(input, opts) {
      prompts.push(input);
      return streamFor(opts?.signal);
    },
    ...(options.inputQuota !== undefined
      ? {
          inputQuota: options.inputQuota,
          inputUsage: 0,
          measureInputUsage: async () => options.promptUsage ?? 0,
        }
      : {}),
    destroy() {
      destroyed++;
    },
  });

  return {
    createCalls,
    prompts,
    get destroyed() {
      return destroyed;
    },
    async availability() {
      return options.availability ?? 'available';
    },
    async create(createOptions = {}) {
      createCalls.push(createOptions);
      if (createOptions.signal?.aborted) throw abortReason();
      if (options.createError) throw options.createError;
      if (options.availability === 'unavailable') throw new DOMException('The model is not available.', 'NotSupportedError');
      const monitor = new EventTarget();
      createOptions.monitor?.(monitor);
      for (const loaded of options.downloadProgress ?? []) {
        monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded, total: 1 }));
      }
      return session();
    },
  };
}
