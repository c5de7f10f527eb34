/**
 * Which engine writes the next draft, and why: the creator's engine order is a fallback chain,
 * tried first to last. An engine that can't run here is skipped with its reason; the first that
 * can writes the draft, and the notice says why each engine before it was skipped (never a
 * silent fallback). An engine that fails while drafting hands over to the next in the chain the
 * same way: a draft, never a hang. Past replies always work, so the chain ends there.
 */

import type { DraftResult, EngineId } from '../core/draft';
import type { GpuCapability, ModelSelection } from '../core/models';
import type { BuiltinState } from '../llm/builtin-engine';
import type { DraftEngine, DraftInput, DraftOptions } from '../llm/engine';
import type { LlmSettings } from '../llm/settings';
import { resolveModelSelection } from '../llm/settings';
import { isAbortError } from '../llm/webllm-engine';

export interface EngineChoiceDeps {
  memory: DraftEngine;
  /** The model engine for one draft: this model, with this draft's settings. */
  webllm(settings: LlmSettings, selection: ModelSelection): DraftEngine;
  /** The GPU answer; its owner (the engine host's client) keeps it, so this is asked per draft. */
  capability(): Promise<GpuCapability>;
  isCached(selection: ModelSelection): Promise<boolean>;
  /** The browser's built-in model for one draft, with this draft's settings. */
  builtin?(settings: LlmSettings): DraftEngine;
  /** What the browser says about its built-in model; 'absent' when it has no Prompt API. */
  builtinState?(): Promise<BuiltinState>;
}

export interface EngineChoice {
  engine: DraftEngine;
  notice?: string;
}

const OPTIONS_HINT = 'Options → Model';

/** How a notice names each engine, mid-sentence. */
const ENGINE_NAMES: Record<EngineId, string> = {
  webllm: 'the AI model',
  builtin: "the browser's built-in model",
  memory: 'your past replies',
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withoutEndStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || 'it stopped without saying why.';
}

function hostDidNotAnswer(what: string, error: unknown): string {
  return `Understudy could not ${what} (${withoutEndStop(messageOf(error))}); if it keeps happening, restart the browser.`;
}

/** The reason the WebLLM model can't write this draft, or null when it can. */
export function whyNotModel(capability: GpuCapability, selection: ModelSelection | null, cached: boolean): string | null {
  if (!capability.available) {
    const why = withoutEndStop(capability.reason ?? 'the browser offers no GPU adapter');
    return `No WebGPU here (${why}), so the AI model can't run. ${OPTIONS_HINT} explains what your browser needs.`;
  }
  if (capability.isSoftware) {
    return `Only a software GPU is available, too slow for an AI model. ${OPTIONS_HINT} has details.`;
  }
  if (!selection) return `No AI model is chosen. Pick one in ${OPTIONS_HINT}.`;
  if (!cached) return `The AI model (${selection.modelId}) is not downloaded yet. Download it in ${OPTIONS_HINT}.`;
  return null;
}

/** The reason the browser's built-in model can't write this draft, or null when it can. */
export function whyNotBuiltin(state: BuiltinState): string | null {
  if (state === 'absent') return "This browser has no built-in model (Chrome offers one from version 138, on devices that can run it).";
  if (state === 'unavailable') return "The browser's built-in model is not available on this device.";
  // 'downloadable' and 'downloading': the browser fetches it as the draft starts, with progress.
  return null;
}

/** The reasons, then which engine wrote the draft. */
function noticeFor(reasons: readonly string[], chosen: EngineId): string | undefined {
  if (reasons.length === 0) return undefined;
  return `${reasons.join(' ')} So this draft comes from ${ENGINE_NAMES[chosen]}.`;
}

type Attempt = { engine: DraftEngine } | { skip: string };

export function createEngineChooser(deps: EngineChoiceDeps) {
  async function tryWebllm(settings: LlmSettings): Promise<Attempt> {
    // A question the engine host could not answer is its own reason: not "no WebGPU", not
    // "not downloaded", which would send the creator to fix the wrong thing.
    let cap: GpuCapability;
    try {
      cap = await deps.capability();
    } catch (error) {
      return { skip: hostDidNotAnswer('check whether this machine can run an AI model', error) };
    }
    const selection = cap.available && !cap.isSoftware ? resolveModelSelection(settings, cap) : null;
    let cached = false;
    try {
      cached = selection ? await deps.isCached(selection) : false;
    } catch (error) {
      return { skip: hostDidNotAnswer('check whether the AI model is downloaded', error) };
    }
    const reason = whyNotModel(cap, selection, cached);
    return reason || !selection ? { skip: reason ?? 'No AI model is chosen.' } : { engine: deps.webllm(settings, selection) };
  }

  async function tryBuiltin(settings: LlmSettings): Promise<Attempt> {
    if (!deps.builtin || !deps.builtinState) return { skip: whyNotBuiltin('absent') as string };
    let state: BuiltinState;
    try {
      state = await deps.builtinState();
    } catch (error) {
      return { skip: hostDidNotAnswer("check the browser's built-in model", error) };
    }
    const reason = whyNotBuiltin(state);
    return reason ? { skip: reason } : { engine: deps.builtin(settings) };
  }

  function attempt(id: EngineId, settings: LlmSettings): Promise<Attempt> {
    if (id === 'webllm') return tryWebllm(settings);
    if (id === 'builtin') return tryBuiltin(settings);
    return Promise.resolve({ engine: deps.memory });
  }

  /**
   * The first engine from `from` on in the order that can run, with every reason gathered so
   * far. Past replies end the chain even when the order leaves them out.
   */
  async function resolve(settings: LlmSettings, from: number, reasons: readonly string[]) {
    const gathered = [...reasons];
    const order = settings.engineOrder;
    for (let index = from; index < order.length; index++) {
      const id = order[index] as EngineId;
      const outcome = await attempt(id, settings);
      if ('engine' in outcome) return { id, index, engine: outcome.engine, reasons: gathered };
      gathered.push(outcome.skip);
    }
    return { id: 'memory' as const, index: order.length, engine: deps.memory, reasons: gathered };
  }

  /**
   * Wraps a chosen engine so a failure while drafting hands over to the next engine in the order.
   * `told`: the notice the creator already gets for this draft; the hand-over's notice starts
   * with it, so the story reads in order and nothing is said twice.
   */
  function handingOver(settings: LlmSettings, chosen: Awaited<ReturnType<typeof resolve>>, told: string | undefined): DraftEngine {
    if (chosen.id === 'memory') return chosen.engine;
    return {
      id: chosen.engine.id,
      async draft(input: DraftInput, options: DraftOptions = {}): Promise<DraftResult> {
        try {
          return await chosen.engine.draft(input, options);
        } catch (error) {
          if (isAbortError(error) || options.signal?.aborted) throw error;
          const failed = `${capitalised(ENGINE_NAMES[chosen.id])} could not write this draft: ${withoutEndStop(messageOf(error))}.`;
          const next = await resolve(settings, chosen.index + 1, [failed]);
          const reason = [told, noticeFor(next.reasons, next.id)].filter(Boolean).join(' ');
          options.onStatus?.(`${capitalised(ENGINE_NAMES[chosen.id])} failed; trying ${ENGINE_NAMES[next.id]} instead…`);
          // The memory engine puts `reason` in its notice instead of its own "why past replies".
          const result = await handingOver(settings, next, reason).draft(input, { ...options, reason } as DraftOptions);
          const notice = result.notice?.includes(reason) ? result.notice : `${reason} ${result.notice ?? ''}`.trim();
          return { ...result, notice };
        }
      },
    };
  }

  /** `settings`: the creator's model settings, as read once for this draft. */
  return async function chooseEngine(settings: LlmSettings): Promise<EngineChoice> {
    const chosen = await resolve(settings, 0, []);
    const notice = noticeFor(chosen.reasons, chosen.id);
    return { engine: handingOver(settings, chosen, notice), ...(notice ? { notice } : {}) };
  };
}
