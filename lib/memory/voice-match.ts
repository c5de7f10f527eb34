/**
 * How much a draft sounds like the creator: a 0–100 score against their style fingerprint, and
 * the two or three habits it breaks most, in plain words ("longer than you usually write",
 * "you rarely use !"). Pure and fast (well under a millisecond): it reads the draft once and
 * compares with numbers the fingerprint already holds.
 *
 * Each trait gets a penalty from 0 (as usual) to 1 (far off), weighted by how much it is heard
 * in a reply; the score is 100 minus the weighted penalties. A habit only counts when the
 * creator clearly has it, so a creator with mixed habits is not scolded for either choice.
 */
import {
  capsWords,
  countWords,
  emojiIn,
  hasContraction,
  isFormal,
  startsLowercase,
  type StyleFingerprint,
} from './fingerprint';
import { detectLanguage } from './language';
import { parseOpening } from './style';

export interface VoiceMatch {
  /** 0–100: 100 sounds just like the creator. */
  score: number;
  /** The habits the draft departs from most, worst first (at most three). */
  traits: string[];
  /** Replies the fingerprint was read from: below ~10, take the score lightly. */
  basedOn: number;
}

const WEIGHT = {
  language: 45,
  length: 35,
  /** Short is rarely off-voice (a thank-you is short): it weighs less than long. */
  shortness: 12,
  emoji: 22,
  formality: 25,
  exclamation: 12,
  signoff: 12,
  greeting: 8,
  casing: 8,
  caps: 8,
} as const;
/** Penalties below this (weight × penalty) are not worth mentioning. */
const MENTION_AT = 4;
const MAX_TRAITS = 3;
/** Length beyond the usual range by this factor counts fully. */
const LENGTH_SPAN = Math.log(2.5);

interface Finding {
  points: number;
  trait: string;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function voiceMatch(draft: string, fingerprint: StyleFingerprint): VoiceMatch {
  const findings: Finding[] = [];
  const note = (weight: number, penalty: number, trait: string) => {
    const points = weight * clamp01(penalty);
    if (points > 0) findings.push({ points, trait });
  };
  const fp = fingerprint;
  if (fp.replies === 0 || !draft.trim()) return { score: 100, traits: [], basedOn: fp.replies };

  // Length, in words.
  const words = countWords(draft);
  const { p10, p90 } = fp.words;
  const usual = `you usually write ${p10}–${p90}`;
  if (p90 > 0 && words > p90) {
    note(WEIGHT.length, Math.log(words / p90) / LENGTH_SPAN, `longer than you usually write (${words} words; ${usual})`);
  } else if (p10 >= 3 && words < p10 * 0.6) {
    note(WEIGHT.shortness, Math.log((p10 * 0.6) / Math.max(1, words)) / LENGTH_SPAN, `shorter than you usually write (${words} words; ${usual})`);
  }

  // Emoji.
  const emoji = emojiIn(draft).length;
  const favourite = fp.emoji.top[0];
  if (emoji === 0 && fp.emoji.rate > 0.5) {
    note(WEIGHT.emoji, (fp.emoji.rate - 0.5) / 0.4, `no emoji — you usually add one${favourite ? ` (like ${favourite})` : ''}`);
  } else if (emoji > 0 && fp.emoji.rate < 0.15) {
    note(WEIGHT.emoji, 1 - fp.emoji.rate / 0.15, 'more emoji than usual — you rarely use them');
  } else if (emoji > Math.max(2, 2 * fp.emoji.perEmojiReply)) {
    note(WEIGHT.emoji, (emoji - 2 * Math.max(1, fp.emoji.perEmojiReply)) / 3, 'more emoji than usual');
  }

  // Exclamation marks.
  const exclaims = draft.includes('!');
  if (exclaims && fp.exclamationRate < 0.2) {
    note(WEIGHT.exclamation, 1 - fp.exclamationRate / 0.2, 'you rarely use !');
  } else if (!exclaims && fp.exclamationRate > 0.6 && words >= 4) {
    note(WEIGHT.exclamation, (fp.exclamationRate - 0.6) / 0.3, 'no “!” — you usually use one');
  }

  // Formality: formal markers, or a long reply without a single contraction.
  let formality = 0;
  if (isFormal(draft) && fp.formalRate < 0.1) formality = 1 - fp.formalRate / 0.1;
  if (words >= 15 && !hasContraction(draft) && fp.contractionRate > 0.6) {
    formality = Math.max(formality, (0.5 * (fp.contractionRate - 0.6)) / 0.4);
  }
  note(WEIGHT.formality, formality, 'more formal than you usually write');

  // Greeting.
  const opening = parseOpening(draft);
  const greeting = fp.greeting.greeting;
  if (!opening && greeting && fp.greeting.rate >= 0.4) {
    note(WEIGHT.greeting, fp.greeting.rate, `you usually open with “${greeting}”`);
  } else if (opening?.kind === 'salutation' && fp.greeting.anyRate < 0.1) {
    note(WEIGHT.greeting, 1 - fp.greeting.anyRate / 0.1, 'you rarely open with a greeting');
  }

  // Sign-off.
  if (fp.signoff && fp.signoffKey && fp.signoff.rate >= 0.3 && !endsWith(draft, fp.signoffKey)) {
    note(WEIGHT.signoff, fp.signoff.rate, `you usually sign off with “${fp.signoff.text}”`);
  }

  // Casing.
  const lowercase = startsLowercase(draft);
  if (lowercase === true && fp.lowercaseStartRate < 0.15) {
    note(WEIGHT.casing, 1 - fp.lowercaseStartRate / 0.15, 'you usually start with a capital letter');
  } else if (lowercase === false && fp.lowercaseStartRate > 0.75) {
    note(WEIGHT.casing, (fp.lowercaseStartRate - 0.75) / 0.25, 'you usually start in lowercase');
  }
  const caps = capsWords(draft);
  const capsRate = caps.words ? caps.caps / caps.words : 0;
  if (caps.caps >= 2 && capsRate > Math.max(0.05, 3 * fp.capsWordRate)) {
    note(WEIGHT.caps, (capsRate - fp.capsWordRate) / 0.2, 'more ALL-CAPS than you use');
  }

  // Language.
  const main = fp.languages[0];
  const language = words >= 4 ? detectLanguage(draft) : undefined;
  if (main && language && language !== main.code && main.share >= 0.7) {
    const used = fp.languages.find((l) => l.code === language)?.share ?? 0;
    if (used < 0.1) {
      note(WEIGHT.language, 1 - used / 0.1, `written in ${languageName(language)}; you usually write in ${languageName(main.code)}`);
    }
  }

  findings.sort((a, b) => b.points - a.points);
  const penalty = findings.reduce((sum, f) => sum + f.points, 0);
  return {
    score: Math.round(Math.max(0, 100 - penalty)),
    traits: findings.filter((f) => f.points >= MENTION_AT).slice(0, MAX_TRAITS).map((f) => f.trait),
    basedOn: fp.replies,
  };
}

/** Dashes, spacing and case do not make a different sign-off (same folding as style.ts). */
function foldEnding(text: string): string {
  return text
    .replace(/(?:^|\s)(?:—|–|--?|~)\s*/gu, ' — ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

function endsWith(draft: string, signoffKey: string): boolean {
  const lastLine = draft.trim().split(/\r?\n/u).at(-1) ?? '';
  return foldEnding(lastLine).endsWith(foldEnding(signoffKey));
}

const names =
  typeof Intl !== 'undefined' && typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'language' })
    : undefined;

function languageName(code: string): string {
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Whether a draft's voice match may be shown. A reply that sounds exactly like the creator but
 * answers another question must not look approved: with no text, or a fit of 'none', the voice
 * score is withheld (the panel shows fit first).
 */
export function voiceMatchShown(draft: { text: string; fit?: { level: 'fits' | 'partly' | 'none' } }): boolean {
  return draft.text.trim().length > 0 && draft.fit?.level !== 'none';
}
