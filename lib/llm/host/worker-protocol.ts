/**
 * What the offscreen document and the model worker say to each other. WebLLM is 6 MB of script
 * in one file, so any runtime import of it pulls all of it into that bundle: the worker is the
 * only place it loads, and the document talks to it through these messages, which carry exactly
 * what the engine host uses (MLCEngineLike plus the two cache helpers) and nothing more.
 *
 * Both ends are Understudy's own code in the extension's origin (a dedicated worker hears only
 * the document that started it), so messages are checked for shape, not distrusted.
 *
 * A call gets one answer: `result` or `error`. A chat call answers `result` once the stream is
 * open (so a request WebLLM refuses fails the call itself, as with MLCEngine), then `chunk`s,
 * then `end` or `error`. Load progress is not tied to a call: MLCEngine reports it through one
 * callback, whichever reload caused it.
 */
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  CreateEmbeddingResponse,
  EmbeddingCreateParams,
  InitProgressReport,
} from '@mlc-ai/web-llm';

export type EngineCall =
  | { method: 'reload'; modelIds: string | string[]; appConfig?: AppConfig }
  | { method: 'unload' }
  | { method: 'chat'; request: ChatCompletionRequestStreaming }
  | { method: 'embed'; request: EmbeddingCreateParams }
  | { method: 'hasModelInCache'; modelId: string; appConfig: AppConfig }
  | { method: 'deleteModelAllInfoInCache'; modelId: string; appConfig: AppConfig };

export type EngineMethod = EngineCall['method'];

/** What each call answers with. Reload and unload say which models are on the GPU afterwards. */
export interface EngineCallResults {
  reload: { loaded: string[] };
  unload: { loaded: string[] };
  chat: { streaming: true };
  embed: CreateEmbeddingResponse;
  hasModelInCache: { cached: boolean };
  deleteModelAllInfoInCache: { deleted: true };
}

export type ToWorker =
  | { kind: 'call'; callId: number; call: EngineCall }
  /**
   * Stops the generation of one chat call; its stream ends with finish_reason "abort". Named,
   * because MLCEngine's interrupt is a flag on the engine: one arriving after its generation had
   * ended would stop the next draft's instead.
   */
  | { kind: 'interrupt'; callId: number };

/** An error as it crosses the boundary: the host classifies load errors by name and message. */
export interface WireError {
  name: string;
  message: string;
}

export type FromWorker =
  | { kind: 'result'; callId: number; value: EngineCallResults[EngineMethod] }
  | { kind: 'error'; callId: number; error: WireError }
  | { kind: 'chunk'; callId: number; chunk: ChatCompletionChunk }
  | { kind: 'end'; callId: number }
  | { kind: 'progress'; report: InitProgressReport };

const FROM_WORKER_KINDS: ReadonlySet<string> = new Set(['result', 'error', 'chunk', 'end', 'progress']);

const ENGINE_METHODS: ReadonlySet<string> = new Set<EngineMethod>([
  'reload',
  'unload',
  'chat',
  'embed',
  'hasModelInCache',
  'deleteModelAllInfoInCache',
]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isFromWorker(message: unknown): message is FromWorker {
  if (!isRecord(message) || typeof message.kind !== 'string' || !FROM_WORKER_KINDS.has(message.kind)) return false;
  return message.kind === 'progress' ? isRecord(message.report) : typeof message.callId === 'number';
}

export function isToWorker(message: unknown): message is ToWorker {
  if (!isRecord(message)) return false;
  if (typeof message.callId !== 'number') return false;
  if (message.kind === 'interrupt') return true;
  return (
    message.kind === 'call' &&
    isRecord(message.call) &&
    typeof message.call.method === 'string' &&
    ENGINE_METHODS.has(message.call.method)
  );
}

/**
 * Name and message of anything thrown. WebLLM throws Error subclasses named after the failure
 * (DeviceLostError, ModelNotFoundError…), and sometimes plain strings or objects.
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  if (isRecord(error) && 'message' in error) {
    return { name: typeof error.name === 'string' ? error.name : 'Error', message: String(error.message) };
  }
  return { name: 'Error', message: String(error) };
}

/** An Error again, with the worker's name, so `${name}: ${message}` reads as it did there. */
export function fromWireError(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}
