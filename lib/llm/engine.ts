
import type { CommentContext, DraftResult, EngineId } from '../core/draft';
import type { SteerChoice } from '../core/steers';
import type { PromptContact } from '../memory/contacts-repo';
import type { FactRow, ProfileRow } from '../memory/db';
import type { RetrievedExample } from '../memory/retrieval';

export type { RetrievedExample };

export interface DraftInput {
  comment: CommentContext;
  /** "shorter", "warmer", or the creator's own instruction. */
  steer?: SteerChoice;
  profile: ProfileRow | undefined;
  facts: FactRow[];
  /** Closest past replies, best first. */
  examples: RetrievedExample[];
  /**
   * Who the commenter is to the creator: earlier exchanges and how often they talked. From
   * contactContext only, which never carries the creator's private note.
   */
  contact?: PromptContact;
}

export interface DraftOptions {
  signal?: AbortSignal;
  /** Called with each new piece of text as it is generated. */
  onToken?: (text: string) => void;
  /** Loading / progress messages, e.g. model loading. */
  onStatus?: (message: string, progress?: number) => void;
}

/** One interface for every engine; every draft records which engine wrote it. */
export interface DraftEngine {
  readonly id: EngineId;
  draft(input: DraftInput, options?: DraftOptions): Promise<DraftResult>;
}

/** Thrown when memory holds nothing a draft could be built from. */
export class EmptyMemoryError extends Error {
  constructor() {
    super(
      'Your memory has no example replies yet. Import a style profile in Understudy options to start drafting.',
    );
    this.name = 'EmptyMemoryError';
  }
}
