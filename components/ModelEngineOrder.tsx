/**
 * Options → Model, "Drafting engines": the order engines are tried in for a draft (the fallback
 * chain), with buttons to move each up or down, and whether the browser offers its own model.
 * Two quick choices sit above the list: use a model when possible (past replies last), or always
 * use past replies (past replies first, so no model is ever asked).
 */
import type { EngineId } from '@/lib/core/draft';
import { moveEngine, reachableEngines } from '@/lib/core/engines';
import type { BuiltinState } from '@/lib/llm/builtin-engine';
import { useState } from 'react';

const ENGINE_TEXT: Record<EngineId, { name: string; hint: string }> = {
  webllm: { name: 'AI model (WebLLM)', hint: 'The model you pick below, on your GPU. Needs WebGPU and the model downloaded.' },
  builtin: { name: "Browser's built-in model", hint: 'The model your browser ships (Chrome’s Prompt API). Understudy downloads nothing for it.' },
  memory: { name: 'Your past replies', hint: 'Your closest past replies, adapted. Always works, and never writes words you didn’t write.' },
};

/** What the creator is told about the browser's model, in its own words. */
export function describeBuiltinState(state: BuiltinState | undefined): string {
  switch (state) {
    case undefined:
      return 'Checking…';
    case 'available':
      return 'Available';
    case 'downloadable':
      return 'Downloadable — Chrome downloads it on first use';
    case 'downloading':
      return 'Downloading — Chrome is fetching it now';
    default:
      return 'Not available in this browser';
  }
}

/** Past replies first: the other engines are never asked. */
function onlyPastReplies(order: readonly EngineId[]): boolean {
  return order[0] === 'memory';
}

function withMemoryAt(order: readonly EngineId[], where: 'first' | 'last'): EngineId[] {
  const others = order.filter((id) => id !== 'memory');
  return where === 'first' ? ['memory', ...others] : [...others, 'memory'];
}

export interface ModelEngineOrderProps {
  order: readonly EngineId[];
  builtinState: BuiltinState | undefined;
  onChange: (order: EngineId[]) => void;
}

export function ModelEngineOrder({ order, builtinState, onChange }: ModelEngineOrderProps) {
  const [announcement, setAnnouncement] = useState('');
  const reachable = reachableEngines(order);
  const move = (id: EngineId, step: -1 | 1) => {
    const next = moveEngine(order, id, step);
    onChange(next);
    setAnnouncement(`${ENGINE_TEXT[id].name} is now ${next.indexOf(id) + 1} of ${next.length}.`);
  };
  const memoryFirst = onlyPastReplies(order);

  return (
    <fieldset className="stack">
      <legend>Drafting engine</legend>
      <label className="model-choice">
        <input type="radio" name="engine-preference" value="auto" checked={!memoryFirst} onChange={() => onChange(withMemoryAt(order, 'last'))} />
        <span>
          <strong>Use an AI model when possible</strong>
          <span className="muted model-details">
            Drafts come from the first engine below that can run here; when one can’t, the draft says why and the next one writes it.
          </span>
        </span>
      </label>
      <label className="model-choice">
        <input type="radio" name="engine-preference" value="memory" checked={memoryFirst} onChange={() => onChange(withMemoryAt(order, 'first'))} />
        <span>
          <strong>Always use my past replies (no model)</strong>
          <span className="muted model-details">
            Drafts are put together from your closest past replies. Nothing is downloaded and no model runs.
          </span>
        </span>
      </label>
      <h3 id="engine-order-title">Order engines are tried in</h3>
      <ol className="stack" aria-labelledby="engine-order-title">
        {order.map((id, index) => {
          const { name, hint } = ENGINE_TEXT[id];
          return (
            <li key={id} aria-label={name} className="model-choice">
              <span>
                <strong>{name}</strong>
                <span className="muted model-details">{hint}</span>
                {id === 'builtin' && <span className="model-details" data-testid="builtin-state">{describeBuiltinState(builtinState)}</span>}
                {!reachable.includes(id) && <span className="muted model-details">Not used: your past replies come first.</span>}
              </span>
              <span>
                <button type="button" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(id, -1)}>
                  Up
                </button>{' '}
                <button type="button" aria-label={`Move ${name} down`} disabled={index === order.length - 1} onClick={() => move(id, 1)}>
                  Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
