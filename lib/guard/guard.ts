/**
 * `guardDraft(draft, context)`: every check over one draft, their flags reconciled, in draft
 * order. Pure and synchronous, no model and no network: it runs on every draft and on every edit
 * the creator makes, within a frame (e2e/bench/guard-bench.ts).
 *
 * Reconciling: a span one check explains better is not flagged twice under a vaguer kind: the
 * 41 of "I'm 41" is a personal claim, not also a stray number; the 20 of "BREAD20" or
 * "20% off" is a price; a number in a link or an echoed note is that link or note. Two kinds on
 * one span stay when both are true ("my husband" is a personal claim and, for a creator who keeps
 * her family out of replies, a boundary).
 *
 * The model hook: `guardDraftWithModel` takes an optional `ModelCheck` (a loaded model asked
 * whether the draft states anything the context doesn't back). Its flags are added to the
 * rules' flags, never replace them, and a failing or absent model check leaves the rules' answer.
 */
import { GUARD_FLAG_KINDS, type GuardFlag, type GuardFlagKind } from '../core/guard';
import { detectLanguage } from '../memory/language';
import { checkBoundaries } from './boundaries';
import { prepare, type GuardContext } from './context';
import { checkEcho } from './echo';
import { checkLinks } from './links';
import { checkNumbers } from './numbers';
import { checkOffers } from './offers';
import { checkPersonal } from './personal';
import { fold, overlaps } from './text';
import type { DraftText, RawFlag } from './types';

export type { GuardContext, GuardOffer } from './context';
export type { GuardFlag, GuardFlagKind };

/** Kinds whose span, where it overlaps, explains a flag of the kind on the left. */
const EXPLAINED_BY: Partial<Record<GuardFlagKind, GuardFlagKind[]>> = {
  number: ['price', 'link', 'personal', 'prompt', 'boundary'],
  // A word inside a link ("…/course-sale") is part of the link.
  offer: ['price', 'link'],
  personal: ['prompt', 'link'],
  boundary: ['prompt', 'link'],
  price: ['link'],
};

const LANGUAGES = new Set(['en', 'es', 'pt', 'fr', 'de']);

export function guardDraft(draft: string, context: GuardContext): GuardFlag[] {
  if (!draft.trim()) return [];
  const prepared = prepare(context);
  const detected = context.language ?? (draft.length >= 12 ? detectLanguage(draft) : undefined);
  const text: DraftText = { text: draft, folded: fold(draft), language: detected && LANGUAGES.has(detected) ? detected : undefined };
  const answering = prepared.answeringFolded;
  const raw: RawFlag[] = [
    ...checkNumbers(text, prepared),
    ...checkLinks(text, prepared),
    ...checkPersonal(text, prepared, answering),
    ...checkOffers(text, prepared, answering),
    ...checkBoundaries(text, prepared),
    ...checkEcho(text, prepared),
  ];
  return reconcile(raw).map((f) => ({ ...f, text: draft.slice(f.start, f.end) }));
}

function reconcile(raw: RawFlag[]): RawFlag[] {
  const kept = raw.filter((f) => {
    const by = EXPLAINED_BY[f.kind];
    return !by || !raw.some((g) => g !== f && by.includes(g.kind) && overlaps(f, g));
  });
  // One flag per span and kind: overlapping flags of one kind merge.
  const merged: RawFlag[] = [];
  for (const f of kept.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const same = merged.find((g) => g.kind === f.kind && overlaps(f, g));
    if (same) same.end = Math.max(same.end, f.end);
    else merged.push({ ...f });
  }
  return merged.sort((a, b) => a.start - b.start || GUARD_FLAG_KINDS.indexOf(a.kind) - GUARD_FLAG_KINDS.indexOf(b.kind));
}

/** An optional second opinion from a loaded model; see the header. */
export type ModelCheck = (input: { draft: string; context: GuardContext; flags: readonly GuardFlag[] }) => Promise<GuardFlag[]>;

export async function guardDraftWithModel(draft: string, context: GuardContext, check?: ModelCheck): Promise<GuardFlag[]> {
  const flags = guardDraft(draft, context);
  if (!check) return flags;
  try {
    const extra = await check({ draft, context, flags });
    const valid = extra.filter(
      (f) => GUARD_FLAG_KINDS.includes(f.kind) && f.start >= 0 && f.end <= draft.length && f.start < f.end && !flags.some((g) => g.kind === f.kind && overlaps(f, g)),
    );
    return [...flags, ...valid.map((f) => ({ ...f, text: draft.slice(f.start, f.end) }))].sort((a, b) => a.start - b.start);
  } catch {
    return flags;
  }
}
