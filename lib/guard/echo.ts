/**
 * Prompt echo: a draft that repeats private parts of the prompt (the creator's notes, the
 * instructions, the voice description, other people's messages) or says it is an AI. Two
 * signals, both cheap:
 * - five words in a row shared with a private text and with nothing public (the facts, the
 *   offers, what the draft answers): "announce nothing until it is signed";
 * - a name from a private text that nothing public mentions ("FlourMill", "Leeds"): names are
 *   what a paraphrase keeps.
 * Private shingles and names are indexed once per context.
 */
import type { Prepared } from './context';
import { isDateWord } from './numbers';
import { B, E, fold, STOPWORDS, words } from './text';
import type { DraftText, RawFlag } from './types';

const SHINGLE = 5;

const SELF_DISCLOSURE = new RegExp(
  `${B}(?:${[
    "i'm an ai", 'i am an ai', 'as an ai', 'ai language model', 'a language model', 'an ai assistant', "i'm a bot", 'i am a bot', 'my instructions', 'my system prompt', 'system prompt', "i was told to", "i'm told to", "i've been told to", 'i am instructed', "i'm instructed", 'my prompt',
    'soy una ia', 'soy un asistente de ia', 'soy un bot', 'modelo de lenguaje', 'mis instrucciones', 'como ia',
    'sou uma ia', 'sou um assistente de ia', 'modelo de linguagem', 'minhas instrucoes', 'como uma ia',
    'je suis une ia', "en tant qu'ia", 'modele de langage', 'mes instructions', 'je suis un bot',
    'ich bin eine ki', 'ich bin ein sprachmodell', 'als ki', 'sprachmodell', 'meine anweisungen', 'ich bin ein bot',
  ].join('|')})${E}`,
  'gu',
);

interface EchoIndex {
  shingles: Set<string>;
  names: Set<string>;
}

const cache = new WeakMap<Prepared, EchoIndex>();
/** Private shingles and names less what the sheet says: per sheet and private texts, not per draft. */
const sheetCache = new WeakMap<readonly string[][], Map<string, EchoIndex>>();

function shinglesOf(folded: string): string[] {
  const w = words(folded).map((x) => x.text);
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= w.length; i++) out.push(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Drops from `index` what `lists` (public word lists) also say. */
function subtract(index: EchoIndex, lists: readonly string[][], publicWords: (w: string) => boolean): EchoIndex {
  const shingles = new Set(index.shingles);
  const starts = new Set([...shingles].map((s) => s.slice(0, s.indexOf(' '))));
  for (const list of lists) {
    for (let i = 0; i + SHINGLE <= list.length; i++) {
      if (starts.has(list[i]!)) shingles.delete(list.slice(i, i + SHINGLE).join(' '));
    }
  }
  return { shingles, names: new Set([...index.names].filter((n) => !publicWords(n))) };
}

function privateIndex(prepared: Prepared): EchoIndex {
  const privateTexts = prepared.context.private ?? [];
  const key = privateTexts.join('\n');
  let map = sheetCache.get(prepared.sheetWordLists);
  if (!map) sheetCache.set(prepared.sheetWordLists, (map = new Map()));
  const hit = map.get(key);
  if (hit) return hit;
  const shingles = new Set<string>();
  const names = new Set<string>();
  const lowerSeen = new Set<string>();
  for (const t of privateTexts) for (const m of t.matchAll(/(?<![\p{L}])\p{Ll}[\p{L}]*/gu)) lowerSeen.add(fold(m[0]));
  for (const t of privateTexts) {
    for (const s of shinglesOf(fold(t))) shingles.add(s);
    // Capitalized mid-sentence words, and CamelCase anywhere ("FlourMill"), never written in lower case.
    for (const m of t.matchAll(/(?<=[^.!?\s]\s+)(\p{Lu}[\p{L}]*)|(?<![\p{L}])(\p{Lu}\p{Ll}+\p{Lu}[\p{L}]*)/gu)) {
      const name = fold(m[1] ?? m[2]!);
      if (name.length < 3 || STOPWORDS.has(name) || lowerSeen.has(name) || isDateWord(name)) continue;
      names.add(name);
    }
  }
  const built = subtract({ shingles, names }, prepared.sheetWordLists, (w) => prepared.sheetWords.has(w));
  if (map.size > 16) map.clear();
  map.set(key, built);
  return built;
}

function index(prepared: Prepared): EchoIndex {
  const cached = cache.get(prepared);
  if (cached) return cached;
  const ctx = prepared.context;
  const publicTexts = [prepared.answeringFolded, ...ctx.links.map((l) => fold(`${l.label ?? ''} ${l.url}`)), ...(ctx.pastWording ?? []).map(fold)];
  for (const h of ctx.handles ?? []) publicTexts.push(fold(h.replace(/^@/, '')));
  const lists = publicTexts.map((t) => words(t).map((w) => w.text));
  const publicWords = new Set(lists.flat());
  const built = subtract(privateIndex(prepared), lists, (w) => publicWords.has(w));
  cache.set(prepared, built);
  return built;
}

export function checkEcho(draft: DraftText, prepared: Prepared): RawFlag[] {
  const { text, folded } = draft;
  const flags: RawFlag[] = [];
  for (const m of folded.matchAll(SELF_DISCLOSURE)) {
    flags.push({ kind: 'prompt', start: m.index, end: m.index + m[0].length, reason: `Talks about being an AI or about its instructions ("${text.slice(m.index, m.index + m[0].length)}").` });
  }
  const { shingles, names } = index(prepared);
  if (shingles.size === 0 && names.size === 0) return flags;
  const w = words(folded);
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    if (!flags.some((f) => f.start < runEnd && runStart < f.end)) {
      flags.push({ kind: 'prompt', start: runStart, end: runEnd, reason: `Repeats your private notes or instructions: "${text.slice(runStart, runEnd)}".` });
    }
    runStart = -1;
  };
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    const key = w.slice(i, i + SHINGLE).map((x) => x.text).join(' ');
    if (shingles.has(key)) {
      const s = w[i]!.start;
      const e = w[i + SHINGLE - 1]!.end;
      if (runStart >= 0 && s <= runEnd) runEnd = e;
      else {
        flush();
        runStart = s;
        runEnd = e;
      }
    }
  }
  flush();
  for (const word of w) {
    if (!names.has(word.text)) continue;
    if (flags.some((f) => f.start < word.end && word.start < f.end)) continue;
    flags.push({ kind: 'prompt', start: word.start, end: word.end, reason: `Mentions "${text.slice(word.start, word.end)}", which only your private notes or other people's messages name.` });
  }
  return flags;
}
