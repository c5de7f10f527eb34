/**
 * The one shape of "something that writes a draft": the pipeline is one, and every layer the
 * background puts around it (voice match, the embedding job's activity gate) is one too, so the
 * editor service serves whichever it is handed.
 */
import type { CommentContext, DraftResult } from '../core/draft';
import type { SteerChoice } from '../core/steers';

export interface DraftRunOptions {
  steer?: SteerChoice;
  /** 0 for the first draft of a comment, +1 per Regenerate. */
  variant?: number;
  signal?: AbortSignal;
  onToken?: (text: string) => void;
  onStatus?: (message: string, progress?: number) => void;
}

export interface DraftRunner {
  draft(comment: CommentContext, options?: DraftRunOptions): Promise<DraftResult>;
}
