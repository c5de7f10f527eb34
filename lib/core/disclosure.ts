/**
 * The optional "AI-assisted" note (issue 13): the creator's own words, appended on its own line
 * to a reply Understudy inserts, on the platforms where they turned it on. It is not the
 * creator's writing: Insert's check accepts it, and learning strips it before a sent reply
 * joins memory.
 */
import { MAX_DISCLOSURE_CHARS } from './limits';

/** What the note says until the creator words it themselves. */
export const DEFAULT_DISCLOSURE = 'Drafted with AI, edited and sent by me.';

/** The note as it goes into a reply: one line, trimmed, within its limit. */
export function cleanDisclosure(note: string): string {
  return note.replace(/\s+/g, ' ').trim().slice(0, MAX_DISCLOSURE_CHARS);
}

/** The reply with the note on its own last line (once, even if the draft already ends with it). */
export function withDisclosure(text: string, note: string | undefined): string {
  const clean = note ? cleanDisclosure(note) : '';
  if (!clean) return text;
  const body = stripDisclosure(text, clean);
  return `${body}\n${clean}`;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The reply without the note (where the creator left it at the end), for learning. */
export function stripDisclosure(text: string, note: string | undefined): string {
  const clean = note ? cleanDisclosure(note) : '';
  const trimmed = text.trimEnd();
  if (!clean) return trimmed;
  if (!fold(trimmed).endsWith(fold(clean))) return trimmed;
  // Walk back over the note's characters, ignoring differences in spacing and case.
  const target = fold(clean);
  for (let cut = trimmed.length - 1; cut >= 0; cut--) {
    if (fold(trimmed.slice(cut)) === target) return trimmed.slice(0, cut).trimEnd();
  }
  return trimmed;
}
