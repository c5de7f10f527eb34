/**
 * The optional embedding model ("Better matching") and its job's progress, in extension storage
 * like the other model settings, so the options page follows them live.
 */
import { storage } from 'wxt/utils/storage';
import type { EmbeddingProgress } from '../memory/embedding-job';
import { findEmbeddingModel, type EmbeddingCatalogModel } from './catalog';
import type { EnginePreference } from './settings';

/** An embedding model id from the catalogue, or null: word matching only. */
export const embeddingModelItem = storage.defineItem<string | null>('local:llm.embeddingModel', { fallback: null });

/** How far the background job has got: "Embedded 12,000 of 100,000 replies". */
export const embeddingProgressItem = storage.defineItem<EmbeddingProgress | null>('local:memory.embeddingProgress', {
  fallback: null,
});

/**
 * The embedding model the creator chose, unless they chose to draft without the GPU at all
 * ("Always use my past replies": nothing is downloaded and the GPU is not used).
 */
export function chosenEmbeddingModel(chosen: string | null, preference: EnginePreference): EmbeddingCatalogModel | null {
  if (preference === 'memory' || !chosen) return null;
  return findEmbeddingModel(chosen) ?? null;
}
