/**
 * Which engine writes the next draft, and why. WebLLM when the creator allows it, the GPU is
 * real and the model is downloaded; otherwise the memory engine, with a notice that says why
 * and what to do. A model that fails to load falls back the same way: a draft, never a hang.
 */

import type { DraftResult } from '../core/draft';
import type { GpuCapability, ModelSelection } from '../core/models';
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
}

export interface EngineChoice {
  engine: DraftEngine;
  notice?: string;
}

const OPTIONS_HINT = 'Options → Model';

/** The reason a model can't write this draft, or null when it can. */
export function whyNotModel(
  settings: LlmSettings,
  capability: GpuCapability,
  selection: ModelSelection | null,
  cached: boolean,
): string | null {
  if (settings.enginePreference === 'memory') return null;
  if (!capability.available) {
    const why = (capability.reason ?? 'the browser offers no GPU adapter').replace(/[.\s]+$/, '');
    return `No WebGPU here (${why}), so this draft comes from your past replies. ${OPTIONS_HINT} explains what your browser needs.`;
  }
  if (capability.isSoftware) {
    return `Only a software GPU is available, too slow for an AI model, so this draft comes from your past replies. ${OPTIONS_HINT} has details.`;
  }
  if (!selection) return `No AI model is chosen, so this draft comes from your past replies. Pick one in ${OPTIONS_HINT}.`;
  if (!cached) {
    return `The AI model (${selection.modelId}) is not downloaded yet, so this draft comes from your past replies. Download it in ${OPTIONS_HINT}.`;
  }
  return null;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || 'it stopped without saying why.';
}

function hostDidNotAnswer(what: string, error: unknown): string {
  const why = messageOf(error).replace(/[.\s]+$/, '');
  return `Understudy could not ${what} (${why}), so this draft comes from your past replies. Try again; if it keeps happening, restart the browser.`;
}

/** Wraps WebLLM so a load or generation failure still yields a draft, with the reason shown. */
export function withMemoryFallback(webllm: DraftEngine, memory: DraftEngine): DraftEngine {
  return {
    id: webllm.id,
    async draft(input: DraftInput, options: DraftOptions = {}): Promise<DraftResult> {
      try {
        return await webllm.draft(input, options);
      } catch (error) {
        if (isAbortError(error) || options.signal?.aborted) throw error;
        const reason = `The AI model could not write this draft: ${messageOf(error)}`;
        options.onStatus?.('The model failed; drafting from your past replies instead…');
        const result = await memory.draft(input, { ...options, reason } as DraftOptions);
        return { ...result, notice: result.notice?.includes(reason) ? result.notice : `${reason} ${result.notice ?? ''}`.trim() };
      }
    },
  };
}

export function createEngineChooser(deps: EngineChoiceDeps) {
  /** `settings`: the creator's model settings, as read once for this draft. */
  return async function chooseEngine(settings: LlmSettings): Promise<EngineChoice> {
    if (settings.enginePreference === 'memory') return { engine: deps.memory };
    // A question the engine host could not answer is its own reason: not "no WebGPU", not
    // "not downloaded", which would send the creator to fix the wrong thing.
    let cap: GpuCapability;
    try {
      cap = await deps.capability();
    } catch (error) {
      return { engine: deps.memory, notice: hostDidNotAnswer('check whether this machine can run an AI model', error) };
    }
    const selection = cap.available && !cap.isSoftware ? resolveModelSelection(settings, cap) : null;
    let cached = false;
    try {
      cached = selection ? await deps.isCached(selection) : false;
    } catch (error) {
      return { engine: deps.memory, notice: hostDidNotAnswer('check whether the AI model is downloaded', error) };
    }
    const reason = whyNotModel(settings, cap, selection, cached);
    if (reason || !selection) return { engine: deps.memory, ...(reason ? { notice: reason } : {}) };
    return { engine: withMemoryFallback(deps.webllm(settings, selection), deps.memory) };
  };
}

