/**
 * The order engines are tried in for a draft: the creator's fallback chain. The engine ids
 * themselves live in draft.ts (ENGINE_IDS); this module only says how an order of them is
 * kept whole, so a stored order from an older version (or a hand-edited one) still names every
 * engine exactly once.
 */
import { ENGINE_IDS, type EngineId } from './draft';

/** A model on the GPU first, then the browser's own model, then past replies, which always work. */
export const DEFAULT_ENGINE_ORDER: readonly EngineId[] = ['webllm', 'builtin', 'memory'];

function isEngineId(value: unknown): value is EngineId {
  return typeof value === 'string' && (ENGINE_IDS as readonly string[]).includes(value);
}

/**
 * Every engine exactly once: unknown and repeated entries are dropped (first one wins), and an
 * engine the stored order does not name (one added in a later version) goes right after the
 * engines the default order puts before it, so a new engine keeps its usual place in the chain.
 */
export function normalizeEngineOrder(stored: unknown): EngineId[] {
  const order: EngineId[] = [];
  if (Array.isArray(stored)) {
    for (const value of stored) if (isEngineId(value) && !order.includes(value)) order.push(value);
  }
  for (const [index, id] of DEFAULT_ENGINE_ORDER.entries()) {
    if (order.includes(id)) continue;
    const before = DEFAULT_ENGINE_ORDER.slice(0, index).filter((earlier) => order.includes(earlier));
    const anchor = before.at(-1);
    order.splice(anchor === undefined ? 0 : order.indexOf(anchor) + 1, 0, id);
  }
  return order;
}

/** Moves one engine a place up (-1) or down (+1); at either end the order is returned unchanged. */
export function moveEngine(order: readonly EngineId[], id: EngineId, step: -1 | 1): EngineId[] {
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  next[from] = next[to] as EngineId;
  next[to] = id;
  return next;
}

/** Engines after the memory engine are never reached: past replies always give a draft. */
export function reachableEngines(order: readonly EngineId[]): EngineId[] {
  const memoryAt = order.indexOf('memory');
  return memoryAt < 0 ? [...order] : order.slice(0, memoryAt + 1);
}
