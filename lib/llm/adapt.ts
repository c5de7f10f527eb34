/**
 * Adapts one of the creator's past replies to a new commenter: swaps who it greets, adds their
 * usual greeting and sign-off, and leaves every other word as the creator wrote it. The memory
 * engine must never say anything the creator did not say, so nothing here writes new content.
 */
import type { ProfileRow } from '../memory/db';
import { foldSignoff, parseOpening, type StyleHabits } from '../memory/style';

export interface AdaptContext {
  /** The new commenter's display name as the page shows it: untrusted. */
  author: string;
  habits: StyleHabits;
  /** The creator's stated greeting and sign-off win over detected habits. */
  profile?: Pick<ProfileRow, 'greeting' | 'signoff'> | undefined;
  /** A change to the body only (never the greeting or sign-off), e.g. keep the first sentence. */
  transformBody?: (body: string) => string;
  /** Stable per comment (its id): decides, at the creator's own rate, whether this reply greets. */
  seed?: string;
}

const MAX_NAME_CHARS = 40;
/** Invisible characters a hostile name could use to reorder or hide text: controls, format
 * characters (zero-width, bidi overrides, tags), variation selectors. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0]/gu;
/** Anything that reads like markup or script: such a "name" is not greeted at all. */
const MARKUP = /[<>]|&#?\w+;|javascript:|\bon\w+\s*=/iu;
const NAME = /[\p{L}\p{M}\p{N}]+(?:['’.\-_][\p{L}\p{M}\p{N}]+)*/u;

/**
 * A display name safe and natural to greet with: "@sam_bakes" → "sam_bakes", "Sam Baker 🌸" →
 * "Sam". Returns "" when there is nothing name-like (the greeting then has no name).
 */
export function cleanDisplayName(raw: string): string {
  // NFKC first, so full-width "＜" or styled letters become what they look like.
  const visible = raw.normalize('NFKC').replace(INVISIBLE, '').trim();
  if (MARKUP.test(visible)) return '';
  const first = NAME.exec(visible.replace(/^@+/u, ''))?.[0] ?? '';
  if (!/\p{L}/u.test(first)) return '';
  return [...first].slice(0, MAX_NAME_CHARS).join('');
}

/** Words a handle may start with that are not anyone's name ("@the_bread_guy"). */
const NOT_FIRST_NAMES = new Set(
  'the a an my our your its mr mrs ms dr real official just not bread bake baker baking cook chef home kitchen food love team crumb sour dough mama papa'.split(' '),
);

/**
 * The name to greet someone by: a display name's first word ("Ana Lopez" → "Ana"), or the first
 * part of a handle that plainly holds one ("@sam_in_the_kitchen" → "Sam"). A bare handle
 * ("@breadlover99", "@lena") gives no name: greeting someone by their raw handle reads like a bot.
 */
export function greetingName(author: string): string {
  const clean = cleanDisplayName(author);
  if (!clean) return '';
  // Instagram, TikTok and Threads show only the username ("maria.bakes"), without an "@":
  // a dot inside a word marks a handle as much as "_" or digits do.
  const isHandle = /^\s*@/u.test(author.normalize('NFKC')) || /[_\d]|\p{L}\.\p{L}/u.test(clean);
  if (!isHandle) return clean;
  const parts = clean.split(/[_.\-\d]+/u).filter((part) => part.length > 0);
  const first = parts[0] ?? '';
  if (parts.length < 2 || !/^\p{L}{2,12}$/u.test(first) || NOT_FIRST_NAMES.has(first.toLowerCase())) return '';
  return first.charAt(0).toUpperCase() + first.slice(1).toLowerCase();
}

/** A stable draw in [0, 1) from a comment id: the same comment always gets the same choice. */
function draw(seed: string, salt: string): number {
  let hash = 2166136261;
  for (const char of `${salt}:${seed}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (hash >>> 0) / 4294967296;
}

/** Whether to add a habit this creator has at `rate`: at that rate per comment, or when most replies have it. */
function followsHabit(rate: number, seed: string | undefined, salt: string): boolean {
  return seed === undefined ? rate >= 0.5 : draw(seed, salt) < rate;
}

const TRAILING_EMOJI = /\s*[\p{Extended_Pictographic}\u200D\uFE0F]+\s*$/u;

export function adaptReply(reply: string, ctx: AdaptContext): string {
  const name = greetingName(ctx.author);
  const greetingHabit = ctx.habits.greeting;
  const statedGreeting = ctx.profile?.greeting?.trim() || undefined;
  const usual = statedGreeting ?? greetingHabit.greeting;
  const placeholder = usual?.includes('{name}') ?? false;
  // No "!" from a creator who rarely writes one.
  const mark = (ctx.habits.exclamationRate ?? 1) >= 0.2 ? '!' : ',';

  const statedSignoff = ctx.profile?.signoff?.trim() || undefined;
  const signoff = statedSignoff ?? ctx.habits.signoff?.text;
  let split = splitSignoff(reply.trim(), signoff);
  if (statedSignoff && !split.signoff && ctx.habits.signoff) {
    // The old reply ends with the detected sign-off; the creator asked for another one.
    const old = splitSignoff(reply.trim(), ctx.habits.signoff.text);
    if (old.signoff) split = { body: old.body, signoff: statedSignoff, separator: old.separator };
  }
  const body = split.body;

  let prefix = '';
  let rest = body;
  let oldName: string | undefined;
  const opening = parseOpening(body);
  const leadingHandle = opening ? undefined : /^(@[\p{L}\p{N}_.-]*[\p{L}\p{N}_])[,:]?\s*/u.exec(body);

  if (opening?.kind === 'interjection' && opening.name) {
    // "Omg Sam!!" carries the creator's tone: keep it, greet the new person instead.
    oldName = opening.name;
    rest = opening.rest;
    prefix = `${opening.greeting}${name ? ` ${name}` : ''}${opening.punctuation}`;
  } else if (opening?.kind === 'salutation') {
    oldName = opening.name;
    rest = opening.rest;
    const word = usual ?? opening.greeting;
    const withName = Boolean(opening.name) || placeholder || greetingHabit.greetsByName || !greetingHabit.greeting;
    const punctuation = usual && !statedGreeting ? greetingHabit.punctuation : opening.punctuation;
    prefix = greetingLine(word, withName ? name : '', punctuation || mark);
  } else if (leadingHandle) {
    oldName = leadingHandle[1];
    rest = body.slice(leadingHandle[0].length);
    if (usual) prefix = greetingLine(usual, name, greetingHabit.punctuation || mark);
  } else if (usual && followsHabit(greetingHabit.anyRate, ctx.seed, 'greeting')) {
    const withName = placeholder || greetingHabit.greetsByName || !greetingHabit.greeting;
    prefix = greetingLine(usual, withName ? name : '', greetingHabit.punctuation || mark);
  }

  if (oldName) rest = replaceName(rest, oldName, name);
  if (ctx.transformBody) rest = ctx.transformBody(rest);

  let text = [prefix, rest.trim()].filter((part) => part.length > 0).join(' ');
  // A sign-off the old reply lacked is added only as often as the creator signs off.
  const signoffRate = ctx.habits.signoff?.rate ?? (statedSignoff ? 1 : 0);
  const ending = split.signoff ?? (signoff && followsHabit(signoffRate, ctx.seed, 'signoff') ? signoff : undefined);
  if (ending) {
    // "…right down 🍞 — Maya 🍞": one emoji is the creator's, two in a row is the machine's.
    if (TRAILING_EMOJI.test(text) && /\p{Extended_Pictographic}/u.test(ending)) text = text.replace(TRAILING_EMOJI, '');
    const separator = split.signoff
      ? split.separator
      : ctx.habits.signoff && foldSignoff(ctx.habits.signoff.text) === foldSignoff(ending)
        ? ctx.habits.signoff.separator
        : ' ';
    text = text ? `${text}${separator}${ending}` : ending;
  }
  return text;
}

/** "Hey" + "Ana" + "!" → "Hey Ana!"; honours a statedSignoff "Hi {name}," and a statedSignoff "Hey!". */
function greetingLine(greeting: string, name: string, punctuation: string): string {
  if (greeting.includes('{name}')) {
    return greeting
      .replaceAll('{name}', name)
      .replace(/\s+([!?.,:;…])/gu, '$1')
      .replace(/\s{2,}/gu, ' ')
      .trim();
  }
  const match = /^(.*?)([!?.,:;~…]*)$/su.exec(greeting);
  const word = (match?.[1] ?? greeting).trimEnd();
  const mark = match?.[2] || punctuation;
  return `${word}${name ? ` ${name}` : ''}${mark}`;
}

interface SplitReply {
  body: string;
  signoff?: string;
  separator: '\n' | ' ';
}

/** Separate the sign-off from the end of a reply, when the reply already has it. */
function splitSignoff(text: string, signoff: string | undefined): SplitReply {
  if (!signoff) return { body: text, separator: ' ' };
  const target = foldSignoff(signoff);
  const lineBreak = text.lastIndexOf('\n');
  const lastLine = text.slice(lineBreak + 1);
  if (lineBreak >= 0 && foldSignoff(lastLine) === target) {
    return { body: text.slice(0, lineBreak).trimEnd(), signoff: lastLine.trim(), separator: '\n' };
  }
  // On the same line: try each word start within reach of the end.
  const from = Math.max(0, lastLine.length - signoff.length - 8);
  for (let i = from; i < lastLine.length; i++) {
    if (i > 0 && !/\s/u.test(lastLine[i - 1] ?? '')) continue;
    const tail = lastLine.slice(i);
    if (foldSignoff(tail) === target) {
      const body = text.slice(0, text.length - tail.length).trimEnd();
      return { body, signoff: tail.trim(), separator: ' ' };
    }
  }
  return { body: text, separator: ' ' };
}

/** Replace the name the old reply addressed with the new one, or drop it when there is none. */
function replaceName(text: string, oldName: string, newName: string): string {
  const bare = oldName.replace(/^@/u, '');
  if (!bare) return text;
  const escaped = bare.replace(/[.*+?^${}()|[\]\\-]/gu, '\\$&');
  const word = `@?${escaped}(?![\\p{L}\\p{N}_])`;
  if (newName) {
    return text.replace(new RegExp(`(^|[^\\p{L}\\p{N}_@])${word}`, 'gu'), (_m, before: string) => `${before}${newName}`);
  }
  return text
    .replace(new RegExp(`^${word}[,:]?\\s*`, 'u'), '')
    .replace(new RegExp(`[,\\s]+${word}`, 'gu'), '');
}
