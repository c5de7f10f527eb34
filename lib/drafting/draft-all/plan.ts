/**
 * What Draft all does with a page's comments, decided before any draft is written (pure): which
 * it leaves alone (already drafted, the creator's own, already answered on the page), which it
 * sets aside and why (screen.ts), and the order it drafts the rest in: questions first (someone
 * is waiting for an answer), then people the creator has talked with before, then the rest, each
 * group in page order.
 */
import type { SetAsideReason } from '../../core/desk';
import type { CommentContext } from '../../core/draft';
import { normalizeHandle } from '../../memory/db';
import { classifyIntent } from '../../memory/intent';
import { boundaryReader, repeatedTexts, setAsideReasonFor } from './screen';

export interface PlanInput {
  comments: readonly CommentContext[];
  /** Comment ids (of this site) that already have a draft the creator has not discarded. */
  drafted: ReadonlySet<string>;
  /** Whether the creator has talked with this commenter before (a contact, an earlier draft). */
  isReturning: (comment: CommentContext) => boolean;
  /** The creator's handles on this site, any spelling: their own comments get no draft. */
  ownHandles: readonly string[];
  /** The creator's boundary topics (profile). */
  boundaries: readonly string[];
}

export interface DraftAllPlan {
  /** To draft, in order. */
  toDraft: CommentContext[];
  setAside: { comment: CommentContext; reason: SetAsideReason }[];
  /** Left alone: already drafted, written by the creator, or answered by them on the page. */
  leftAlone: number;
}

const QUESTION = 0;
const RETURNING = 1;
const REST = 2;

export function planDraftAll(input: PlanInput): DraftAllPlan {
  const own = new Set(input.ownHandles.map(normalizeHandle).filter(Boolean));
  const isOwn = (comment: CommentContext) =>
    own.has(normalizeHandle(comment.author)) || (comment.handle !== undefined && own.has(normalizeHandle(comment.handle)));
  // A thread the creator already replied in, on the page, is answered.
  const answered = new Set(input.comments.filter((c) => c.parentId && isOwn(c)).map((c) => c.parentId));
  const screen = { repeated: repeatedTexts(input.comments), onBoundary: boundaryReader(input.boundaries) };

  const ranked: { comment: CommentContext; rank: number; at: number }[] = [];
  const setAside: DraftAllPlan['setAside'] = [];
  let leftAlone = 0;
  input.comments.forEach((comment, at) => {
    if (input.drafted.has(comment.commentId) || isOwn(comment) || answered.has(comment.commentId) || answeredLast(comment)) {
      leftAlone += 1;
      return;
    }
    const reason = setAsideReasonFor(comment, screen);
    if (reason) {
      setAside.push({ comment, reason });
      return;
    }
    const rank = classifyIntent(comment.text) === 'question' ? QUESTION : input.isReturning(comment) ? RETURNING : REST;
    ranked.push({ comment, rank, at });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return { toDraft: ranked.map((r) => r.comment), setAside, leftAlone };
}

/**
 * A conversation whose latest message is the creator's is answered: Draft reply on it drafts a
 * follow-up when asked, Draft all doesn't.
 */
function answeredLast(comment: CommentContext): boolean {
  return comment.kind === 'dm' && comment.conversation?.messages.at(-1)?.from === 'me';
}
