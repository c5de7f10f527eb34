import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_ORDER, moveEngine, normalizeEngineOrder, reachableEngines } from './engines';

describe('the engine order', () => {
  it('tries the WebLLM model, then the browser’s model, then past replies by default', () => {
    expect(DEFAULT_ENGINE_ORDER).toEqual(['webllm', 'builtin', 'memory']);
    expect(normalizeEngineOrder(undefined)).toEqual(['webllm', 'builtin', 'memory']);
  });

  it('drops unknown and repeated engines from a stored order', () => {
    expect(normalizeEngineOrder(['memory', 'cloud', 'memory', 'webllm', 'builtin'])).toEqual(['memory', 'webllm', 'builtin']);
  });

  it('adds an engine the stored order lacks after the engines the default puts before it, never ahead of the creator’s choice', () => {
    expect(normalizeEngineOrder(['memory', 'webllm'])).toEqual(['memory', 'webllm', 'builtin']);
    expect(normalizeEngineOrder(['webllm', 'memory'])).toEqual(['webllm', 'builtin', 'memory']);
  });

  it('moves an engine one place up or down, and not past either end', () => {
    expect(moveEngine(['webllm', 'builtin', 'memory'], 'builtin', -1)).toEqual(['builtin', 'webllm', 'memory']);
    expect(moveEngine(['webllm', 'builtin', 'memory'], 'builtin', 1)).toEqual(['webllm', 'memory', 'builtin']);
    expect(moveEngine(['webllm', 'builtin', 'memory'], 'webllm', -1)).toEqual(['webllm', 'builtin', 'memory']);
    expect(moveEngine(['webllm', 'builtin', 'memory'], 'memory', 1)).toEqual(['webllm', 'builtin', 'memory']);
  });

  it('never reaches engines placed after past replies', () => {
    expect(reachableEngines(['builtin', 'memory', 'webllm'])).toEqual(['builtin', 'memory']);
  });
});
