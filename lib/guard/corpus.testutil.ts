/** Loads the labelled corpus (lib/guard/corpus) and turns a draft's profile into a GuardContext. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GUARD_FLAG_KINDS, type GuardFlag, type GuardFlagKind } from '../core/guard';
import type { GuardContext, GuardOffer } from './context';

export interface CorpusProfile {
  name: string;
  handles: Record<string, string>;
  voice: string;
  facts: string[];
  links: { label: string; url: string }[];
  offers: GuardOffer[];
  boundaries: string[];
  notes: string[];
  instructions: string[];
  pastReplies: string[];
}

export interface CorpusDraft {
  id: string;
  profile: string;
  language: string;
  engine: 'model' | 'memory';
  comment: string;
  draft: string;
  expected: { kind: GuardFlagKind; text: string }[];
  split: 'tune' | 'heldout';
  otherMessages?: string[];
}

const DIR = path.join(__dirname, 'corpus');

export function loadProfiles(): Record<string, CorpusProfile> {
  return JSON.parse(readFileSync(path.join(DIR, 'profiles.json'), 'utf8')).profiles;
}

export function loadDrafts(): CorpusDraft[] {
  return readdirSync(DIR)
    .filter((f) => /^drafts-.*\.json$/.test(f))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as CorpusDraft[]);
}

export function contextFor(profile: CorpusProfile, item: Pick<CorpusDraft, 'comment' | 'engine' | 'otherMessages'>): GuardContext {
  return {
    facts: profile.facts,
    links: profile.links,
    offers: profile.offers,
    boundaries: profile.boundaries,
    handles: Object.values(profile.handles),
    answering: [item.comment],
    private: [...profile.notes, ...profile.instructions, profile.voice, ...(item.otherMessages ?? [])],
    ...(item.engine === 'memory' ? { pastWording: profile.pastReplies } : {}),
  };
}

export interface Score {
  predicted: number;
  correctPredicted: number;
  expected: number;
  found: number;
}

export interface Outcome {
  item: CorpusDraft;
  flags: GuardFlag[];
  falsePositives: GuardFlag[];
  missed: { kind: GuardFlagKind; text: string }[];
}

/** A predicted flag is right when an expected flag of its kind overlaps it; an expected one is found likewise. */
export function score(items: readonly CorpusDraft[], guard: (item: CorpusDraft) => GuardFlag[]): { byKind: Record<GuardFlagKind, Score>; outcomes: Outcome[] } {
  const byKind = Object.fromEntries(GUARD_FLAG_KINDS.map((k) => [k, { predicted: 0, correctPredicted: 0, expected: 0, found: 0 }])) as Record<GuardFlagKind, Score>;
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const flags = guard(item);
    const expected = item.expected.map((e) => {
      const start = item.draft.indexOf(e.text);
      if (start < 0) throw new Error(`${item.id}: expected span "${e.text}" is not in the draft`);
      return { ...e, start, end: start + e.text.length };
    });
    const hit = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    const falsePositives = flags.filter((f) => !expected.some((e) => e.kind === f.kind && hit(e, f)));
    const missed = expected.filter((e) => !flags.some((f) => f.kind === e.kind && hit(e, f)));
    for (const f of flags) {
      byKind[f.kind].predicted++;
      if (!falsePositives.includes(f)) byKind[f.kind].correctPredicted++;
    }
    for (const e of expected) {
      byKind[e.kind].expected++;
      if (!missed.includes(e)) byKind[e.kind].found++;
    }
    outcomes.push({ item, flags, falsePositives, missed: missed.map(({ kind, text }) => ({ kind, text })) });
  }
  return { byKind, outcomes };
}
