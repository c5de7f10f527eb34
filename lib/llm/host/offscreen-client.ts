/**
 * The background's side of the engine host: makes sure the offscreen document exists, keeps one
 * port to it, and turns the port's messages back into promises and callbacks per request.
 *
 * `createOffscreenDraftEngine` wraps it as a DraftEngine ('webllm') for the drafting pipeline.
 */
import type { DraftResult } from '../../core/draft';
import type { ModelSelection, GpuCapability } from '../../core/models';
import { browser } from 'wxt/browser';
import {
  ENGINE_PORT,
  engineHostOutSchema,
  type DraftInputWire,
  type EngineHostIn,
  type EngineHostOut,
} from '../../messaging/engine-protocol';
import type { PortLike } from '../../messaging/port-like';

import type { DraftEngine, DraftInput, DraftOptions } from '../engine';
import type { StyleLength } from '../prompt';
import { loadIdleUnloadMinutes } from '../settings';
import { abortError, WebLLMError, type GenerationSettings } from '../webllm-engine';

export const OFFSCREEN_PATH = 'offscreen.html';
const JUSTIFICATION =
  'Runs the on-device language model (WebLLM) in a Web Worker with WebGPU, so drafts are written on this machine and the model stays loaded while the service worker sleeps.';

export interface OffscreenClientDeps {
  connect: () => PortLike;
  getURL: (path: string) => string;
  /** chrome.runtime.getContexts (Chrome 116+); without it we rely on createDocument's error. */
  getContexts?: (filter: { contextTypes: string[]; documentUrls: string[] }) => Promise<unknown[]>;
  createDocument: (parameters: { url: string; reasons: string[]; justification: string }) => Promise<void>;
  closeDocument?: () => Promise<void>;
  newRequestId?: () => string;
  /**
   * The engine host's settings, read when a connection opens and sent before anything else: the
   * host cannot read extension storage and forgets everything when its document is recreated.
   */
  hostSettings?: () => Promise<HostSettings>;
}

export interface HostSettings {
  idleUnloadMinutes: number;
}

export interface DraftRequest {
  model: ModelSelection;
  generation: GenerationSettings;
  input: DraftInputWire;
  /** The embedding model in use, loaded alongside when the drafting model has to be loaded. */
  companion?: ModelSelection;
}

export interface EmbedRequest {
  /** An embedding model from the catalogue. */
  model: ModelSelection;
  texts: string[];
  /** The drafting model in use, kept on the GPU alongside. */
  companion?: ModelSelection;
}

export interface EmbedHandlers {
  signal?: AbortSignal;
  onQueue?: (position: number) => void;
  /** Loading progress, when the embedding model has to be loaded first. */
  onStatus?: (message: string, progress?: number) => void;
}

export interface DraftHandlers {
  signal?: AbortSignal;
  /** Jobs ahead of this one in the shared queue; 0 once it is running. */
  onQueue?: (position: number) => void;
  onStatus?: (message: string, progress?: number) => void;
  onToken?: (text: string) => void;
}

export type DownloadProgress = Extract<EngineHostOut, { type: 'progress' }>;

export interface OffscreenClient {
  draft(request: DraftRequest, handlers?: DraftHandlers): Promise<DraftResult>;
  /** One vector per text, in order (at most MAX_EMBED_TEXTS texts a request). */
  embed(request: EmbedRequest, handlers?: EmbedHandlers): Promise<number[][]>;
  /** Downloads (and loads) a model; resolves when it is ready. */
  download(model: ModelSelection, handlers?: { signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void; onQueue?: (position: number) => void }): Promise<void>;
  isCached(model: ModelSelection): Promise<boolean>;
  deleteFromCache(model: ModelSelection): Promise<void>;
  storageEstimate(): Promise<{ usage?: number; quota?: number }>;
  /**
   * What the GPU can do, asked once per engine host: the answer is kept until the host goes
   * away (its document closed or crashed) or the question fails, so a new host is asked again.
   */
  capability(): Promise<GpuCapability>;
  unload(): Promise<void>;
  /** Passes changed settings to a running host; a host started later reads them on connect. */
  configure(options: HostSettings): Promise<void>;
  /** Closes the port (and the document, when `closeDocument` is given). */
  close(): Promise<void>;
  /**
   * The host unloaded its models after the idle period: close its document to give its memory
   * back, unless a request of ours is still in flight. The next request creates it again.
   * Resolves true when the document was closed.
   */
  closeWhenIdle(): Promise<boolean>;
}

function defaultDeps(): OffscreenClientDeps {
  const runtime = browser.runtime as unknown as {
    connect(info: { name: string }): PortLike;
    getURL(path: string): string;
    getContexts?: OffscreenClientDeps['getContexts'];
  };
  const offscreen = (browser as unknown as { offscreen?: { createDocument: OffscreenClientDeps['createDocument']; closeDocument(): Promise<void> } }).offscreen;
  return {
    connect: () => runtime.connect({ name: ENGINE_PORT }),
    getURL: (path) => runtime.getURL(path),
    getContexts: runtime.getContexts?.bind(runtime),
    createDocument: (parameters) => {
      if (!offscreen) return Promise.reject(new Error('This browser has no offscreen documents (chrome.offscreen).'));
      return offscreen.createDocument(parameters);
    },
    closeDocument: offscreen ? () => offscreen.closeDocument() : undefined,
    // From the first draft after a browser start, not only once the creator changes it.
    hostSettings: async () => ({ idleUnloadMinutes: await loadIdleUnloadMinutes() }),
  };
}

const ENGINE_GONE = 'The on-device model stopped unexpectedly. Try again.';

interface Pending {
  onMessage(message: EngineHostOut): void;
  fail(error: Error): void;
}

export function createOffscreenClient(deps: OffscreenClientDeps = defaultDeps()): OffscreenClient {
  const newRequestId = deps.newRequestId ?? (() => crypto.randomUUID());
  const pending = new Map<string, Pending>();
  let port: PortLike | undefined;
  let creating: Promise<void> | undefined;
  /** A close in progress: a request arriving meanwhile waits, then opens a new document. */
  let closing: Promise<void> | undefined;
  let capabilityAnswer: Promise<GpuCapability> | undefined;

  async function documentExists(): Promise<boolean> {
    if (!deps.getContexts) return false;
    const contexts = await deps.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
      documentUrls: [deps.getURL(OFFSCREEN_PATH)],
    });
    return contexts.length > 0;
  }

  /** Creates the document once, even when several requests arrive together. */
  async function ensureDocument(): Promise<void> {
    if (creating) return creating;
    creating = (async () => {
      if (await documentExists()) return;
      try {
        await deps.createDocument({ url: OFFSCREEN_PATH, reasons: ['WORKERS'], justification: JUSTIFICATION });
      } catch (error) {
        // Another context created it between our check and our call.
        if (!/single offscreen document|already/i.test(String(error))) throw error;
      }
    })().finally(() => {
      creating = undefined;
    });
    return creating;
  }

  /** Best effort: a host that never hears its settings keeps its defaults. */
  async function sendHostSettings(opened: PortLike): Promise<void> {
    if (!deps.hostSettings) return;
    const settings = await deps.hostSettings();
    if (port === opened) opened.postMessage({ type: 'configure', idleUnloadMinutes: settings.idleUnloadMinutes } satisfies EngineHostIn);
  }

  async function ensurePort(): Promise<PortLike> {
    while (closing) await closing;
    if (port) return port;
    await ensureDocument();
    if (port) return port;
    const opened = deps.connect();
    port = opened;
    void sendHostSettings(opened).catch(() => {});
    opened.onMessage.addListener((raw) => {
      const parsed = engineHostOutSchema.safeParse(raw);
      if (!parsed.success) return;
      pending.get(parsed.data.requestId)?.onMessage(parsed.data);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      capabilityAnswer = undefined;
      const failed = [...pending.values()];
      pending.clear();
      for (const p of failed) p.fail(new Error(ENGINE_GONE));
    });
    return opened;
  }

  async function send(message: EngineHostIn): Promise<void> {
    const target = await ensurePort();
    target.postMessage(message);
  }

  /** Sends a request and settles on its final answer. */
  function request<T>(
    message: EngineHostIn & { requestId: string },
    onMessage: (message: EngineHostOut, resolve: (value: T) => void, reject: (error: Error) => void) => void,
    signal?: AbortSignal,
    cancelType?: 'draft.cancel' | 'model.cancel' | 'embed.cancel',
  ): Promise<T> {
    const { requestId } = message;
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const cleanup = () => {
        pending.delete(requestId);
        signal?.removeEventListener('abort', onAbort);
      };
      const settle = {
        resolve: (value: T) => {
          cleanup();
          resolve(value);
        },
        reject: (error: Error) => {
          cleanup();
          reject(error);
        },
      };
      const onAbort = () => {
        if (cancelType) void send({ type: cancelType, requestId }).catch(() => {});
        settle.reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(requestId, {
        onMessage: (m) => {
          if (m.type === 'error') settle.reject(new WebLLMError({ kind: m.kind ?? 'unknown', message: m.message, detail: m.message }));
          else if (m.type === 'cancelled') settle.reject(abortError());
          else onMessage(m, settle.resolve, settle.reject);
        },
        fail: settle.reject,
      });
      send(message).catch((error: unknown) => settle.reject(error instanceof Error ? error : new Error(String(error))));
    });
  }

  const okOnly = (m: EngineHostOut, resolve: (value: void) => void) => {
    if (m.type === 'ok') resolve();
  };

  return {
    draft(draftRequest, handlers = {}) {
      const requestId = newRequestId();
      return request<DraftResult>(
        { type: 'draft.start', requestId, ...draftRequest },
        (m, resolve) => {
          if (m.type === 'queue') handlers.onQueue?.(m.position);
          else if (m.type === 'status') handlers.onStatus?.(m.message, m.progress);
          else if (m.type === 'token') handlers.onToken?.(m.text);
          else if (m.type === 'done') resolve(m.result);
        },
        handlers.signal,
        'draft.cancel',
      );
    },
    embed(embedRequest, handlers = {}) {
      const requestId = newRequestId();
      return request<number[][]>(
        { type: 'embed', requestId, ...embedRequest },
        (m, resolve) => {
          if (m.type === 'queue') handlers.onQueue?.(m.position);
          else if (m.type === 'status') handlers.onStatus?.(m.message, m.progress);
          else if (m.type === 'embeddings') resolve(m.vectors);
        },
        handlers.signal,
        'embed.cancel',
      );
    },
    download(model, handlers = {}) {
      const requestId = newRequestId();
      return request<void>(
        { type: 'model.download', requestId, model },
        (m, resolve) => {
          if (m.type === 'progress') handlers.onProgress?.(m);
          else if (m.type === 'queue') handlers.onQueue?.(m.position);
          else okOnly(m, resolve);
        },
        handlers.signal,
        'model.cancel',
      );
    },
    isCached(model) {
      return request<boolean>({ type: 'cache.status', requestId: newRequestId(), model }, (m, resolve) => {
        if (m.type === 'cache.status') resolve(m.cached);
      });
    },
    deleteFromCache(model) {
      return request<void>({ type: 'cache.delete', requestId: newRequestId(), model }, okOnly);
    },
    storageEstimate() {
      return request({ type: 'storage.estimate', requestId: newRequestId() }, (m, resolve: (v: { usage?: number; quota?: number }) => void) => {
        if (m.type === 'storage.estimate') resolve({ usage: m.usage, quota: m.quota });
      });
    },
    capability() {
      if (capabilityAnswer) return capabilityAnswer;
      const asked: Promise<GpuCapability> = request<GpuCapability>({ type: 'capability', requestId: newRequestId() }, (m, resolve) => {
        if (m.type === 'capability') resolve(m.capability);
      }).catch((error: unknown) => {
        if (capabilityAnswer === asked) capabilityAnswer = undefined;
        throw error;
      });
      capabilityAnswer = asked;
      return asked;
    },
    unload() {
      return request<void>({ type: 'engine.unload', requestId: newRequestId() }, okOnly);
    },
    async configure(options) {
      // Not worth starting a host for: one started later reads the stored settings.
      port?.postMessage({ type: 'configure', idleUnloadMinutes: options.idleUnloadMinutes } satisfies EngineHostIn);
    },
    close,
    async closeWhenIdle() {
      if (pending.size > 0 || closing || creating) return false;
      await close();
      return true;
    },
  };

  function close(): Promise<void> {
    const current = port;
    port = undefined;
    capabilityAnswer = undefined;
    current?.disconnect();
    const failed = [...pending.values()];
    pending.clear();
    for (const p of failed) p.fail(new Error(ENGINE_GONE));
    closing = (async () => {
      if (deps.closeDocument && (await documentExists().catch(() => true))) await deps.closeDocument().catch(() => {});
    })().finally(() => {
      closing = undefined;
    });
    return closing;
  }
}

/** Retrieval may return many candidates; the prompt uses at most a couple of dozen. */
export const MAX_WIRE_EXAMPLES = 100;

export function toWireInput(input: DraftInput & { stylePlatformLength?: StyleLength }): DraftInputWire {
  return {
    comment: input.comment,
    ...(input.steer !== undefined ? { steer: input.steer } : {}),
    ...(input.profile ? { profile: input.profile } : {}),
    facts: input.facts,
    examples: input.examples.slice(0, MAX_WIRE_EXAMPLES),
    ...(input.stylePlatformLength ? { stylePlatformLength: input.stylePlatformLength } : {}),
    ...(input.contact ? { contact: input.contact } : {}),
  };
}

export interface OffscreenDraftConfig {
  model: ModelSelection;
  generation: GenerationSettings;
  /** The embedding model in use, if any. */
  companion?: ModelSelection;
}

/**
 * The 'webllm' DraftEngine as the background sees it: drafts run in the offscreen document.
 * `getConfig` reads the current model choice and generation settings (from settings.ts).
 */
export function createOffscreenDraftEngine(client: OffscreenClient, getConfig: () => Promise<OffscreenDraftConfig>): DraftEngine {
  return {
    id: 'webllm',
    async draft(input: DraftInput & { stylePlatformLength?: StyleLength }, options: DraftOptions = {}) {
      const config = await getConfig();
      return client.draft(
        {
          model: config.model,
          generation: config.generation,
          input: toWireInput(input),
          ...(config.companion ? { companion: config.companion } : {}),
        },
        {
          signal: options.signal,
          onToken: options.onToken,
          onStatus: options.onStatus,
          onQueue: (position) => {
            if (position > 0) {
              options.onStatus?.(
                position === 1 ? 'Waiting for another draft to finish…' : `Waiting for ${position} other drafts to finish…`,
              );
            }
          },
        },
      );
    },
  };
}
