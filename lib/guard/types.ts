import type { GuardFlagKind } from '../core/guard';
import type { Span } from './text';

/** What one check reports: a span of the draft, its kind and the reason in plain words. */
export interface RawFlag extends Span {
  kind: GuardFlagKind;
  reason: string;
}

/** The draft as every check sees it: as written, folded (same offsets), and its language. */
export interface DraftText {
  text: string;
  folded: string;
  language: string | undefined;
}
