/**
 * The vector half of hybrid retrieval for one draft: embeds the comment with the embedding model
 * in use (through the engine host) and searches the replies' vectors. Answers null whenever the
 * vector side cannot help (no embedding model in use, no vectors yet, a blank comment, or the
 * model failed), so drafting falls back to BM25 alone and never fails because of it.
 */

import type { ModelSelection } from '../core/models';
import type { LlmSettings } from '../llm/settings';
import type { UnderstudyDB } from '../memory/db';
import { queryText } from '../memory/embedding-text';
import type { NeighbourSearch } from '../memory/hybrid';
import { getVectorIndexFor, peekVectorIndexFor } from '../memory/vector-store';

export interface ActiveEmbedding {
  model: { id: string; dims: number; queryPrefix: string };
  /** The drafting model that will write the draft: loaded beside the embedding model. */
  companion?: ModelSelection;
}

export interface SemanticSearchDeps {
  db: UnderstudyDB;
  /** The embedding model in use under this draft's settings (chosen, downloaded, with a GPU), or null. */
  active(settings: LlmSettings): Promise<ActiveEmbedding | null>;
  embed(
    request: { model: ModelSelection; texts: string[]; companion?: ModelSelection },
    handlers: { signal?: AbortSignal; onStatus?: (message: string, progress?: number) => void },
  ): Promise<number[][]>;
  log?: (message: string, error?: unknown) => void;
}

export interface SemanticQueryOptions {
  /** The creator's model settings, as read once for this draft. */
  settings: LlmSettings;
  signal?: AbortSignal;
  onStatus?: (message: string, progress?: number) => void;
}

export interface SemanticResult {
  /** The embedding model whose vectors ranked the draft's examples. */
  model: string;
  neighbours: NeighbourSearch;
}

export type SemanticSearch = (comment: { text: string }, options: SemanticQueryOptions) => Promise<SemanticResult | null>;

export function createSemanticSearch(deps: SemanticSearchDeps): SemanticSearch {
  return async (comment, options) => {
    try {
      const active = await deps.active(options.settings);
      if (!active) return null;
      const { model } = active;
      const text = queryText(comment.text, model.queryPrefix);
      if (!text) return null;
      // Without any vectors yet, do not make the draft wait for the embedding model.
      const loaded = peekVectorIndexFor(deps.db, model.id);
      if (loaded && loaded.size === 0 && loaded.dims === model.dims) {
        void getVectorIndexFor(deps.db, model.id, model.dims).catch(() => {});
        return null;
      }
      const [vectors, [query]] = await Promise.all([
        getVectorIndexFor(deps.db, model.id, model.dims),
        deps.embed(
          { model: { modelId: model.id }, texts: [text], ...(active.companion ? { companion: active.companion } : {}) },
          { ...(options.signal ? { signal: options.signal } : {}), ...(options.onStatus ? { onStatus: options.onStatus } : {}) },
        ),
      ]);
      if (!query || vectors.size === 0) return null;
      return { model: model.id, neighbours: (k, accept) => vectors.search(query, k, { accept }) };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      deps.log?.('Semantic search unavailable for this draft; using word matching only', error);
      return null;
    }
  };
}
