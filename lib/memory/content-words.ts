/**
 * The words of a comment that carry its topic ("starter", "fridge", "ebook"), folded to a rough
 * stem so "loaves"/"loaf" or "temp"/"temperature" meet. Fit asks whether these words appear in a
 * past exchange or a draft; function words and question words say nothing about the topic.
 *
 * Why not the retrieval tokenizer: BM25 keeps every term and weighs them by rarity over the whole
 * memory; here a short, fixed list of words that never carry a topic is what matters, in the five
 * languages the drafts are judged in.
 */
import { PHRASES, synonymGroups, synonymTable } from './synonyms';

const STOPWORDS = new Set(
  (
    // English
    'a an the and or but so if of to in on at for with from by as is are was were be been being am ' +
    'do does did done doing have has had having i me my mine myself you your yours we our us they them ' +
    'their he she him her it its this that these those there here what which who whom whose when where ' +
    'why how can could should would will shall may might must not no yes any some all more most very ' +
    'really just also too than then about into out up down over again still ever even get gets got ' +
    'make makes made use used using need needs know want like one ok okay please pls thanks thank hey hi ' +
    'hello lol im ive id ill dont doesnt didnt cant wont isnt arent whats thats youre theres way any ' +
    'anyone anything something thing things much many every each other another same only own well ' +
    'good great best always never ever time times go going gone come comes came tell tried try ' +
    'mine long often many else after before instead keep take takes last without around everyone ' +
    'nobody everybody someone lying sure yeah wow oh maybe actually honestly literally totally kind ' +
    'bit lot lots little next went wrong fix help problem issue happen happened going doing ' +
    'look looks seem seems nothing reason' +
    ' ' +
    // Spanish
    'el la los las un una unos unas y o pero de del al en con por para que como es son esta estan ' +
    'mi mis tu tus su sus yo me te se lo le muy mas ya hay puedo puedes cual donde cuando cuanto ' +
    'gracias hola' +
    ' ' +
    // Portuguese
    'o os um uma e ou mas do da dos das no na nos nas em com por para que como e sao esta meu minha ' +
    'seu sua voce eu se muito mais qual onde quando quanto posso preciso obrigado obrigada oi ola' +
    ' ' +
    // French
    'le les un une des et ou mais de du au aux en dans avec par pour que qui comme est sont ce cet ' +
    'cette mon ma mes ton ta tes son sa ses je tu il elle on nous vous ils pas ne plus tres quel ' +
    'quelle ou quand combien comment pourquoi merci bonjour salut est-ce' +
    ' ' +
    // German
    'der die das den dem des ein eine einen einem und oder aber von zu im in mit fur auf ist sind ' +
    'ich du er sie es wir ihr mein meine dein deine sein nicht kein keine sehr mehr wie was wo wann ' +
    'warum welche welcher welches kann danke hallo bei auch noch schon'
  ).split(/\s+/u),
);

/** "getting", "makes", "tried": function words in another form. */
const STEMMED_STOPWORDS = new Set(
  [...STOPWORDS].filter((w) => /^[a-z]+$/u.test(w) && w.length > 2).map((w) => stem(w)),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lowercase, accents folded, apostrophes dropped. */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/['’]/gu, '');
}

/**
 * A light suffix strip: enough for plurals and -ing/-ed, never below three letters. A final
 * silent "e" goes too and a doubled consonant is undoubled, so "bake", "bakes", "baked" and
 * "baking" all read "bak", and "getting" reads "get".
 */
export function stem(word: string): string {
  let w = word;
  let suffix = true;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ves')) w = `${w.slice(0, -3)}f`;
  else if (w.length > 4 && /(?:ss|sh|ch|x|z)es$/u.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  else suffix = false;
  if (w.length > 5 && w.endsWith('ly') && !w.endsWith('ply')) w = w.slice(0, -2);
  if (suffix && w.length > 3 && /([b-df-hj-km-np-rtv-y])\1$/u.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

const SYNONYMS = synonymTable(stem);
const GROUPS_BY_STEM = synonymGroups(stem);

/** The topic-carrying stems of a text, in order of first appearance, each once. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of joinPhrases(text).match(WORD) ?? []) {
    const word = fold(raw);
    // Two letters carry a topic only as an acronym ("GF", "UK") or with a digit ("5g").
    if (word.length < 3 && !/\d/u.test(word) && !(raw.length === 2 && raw === raw.toUpperCase())) continue;
    if (STOPWORDS.has(word)) continue;
    const stemmed = stem(word);
    if (STEMMED_STOPWORDS.has(stemmed)) continue;
    const s = SYNONYMS.get(stemmed) ?? stemmed;
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** "whole wheat" → "wholemeal": a synonym of several words becomes its group's one word. */
function joinPhrases(text: string): string {
  let out = text;
  for (const [phrase, word] of PHRASES) out = out.replace(phrase, word);
  return out;
}

/** Same stem, or one a prefix of the other when both are long enough to mean it ("temp"). */
export function stemsMeet(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  return a.startsWith(b) || b.startsWith(a);
}

/** The words of `words` found in `pool` (a set of stems). */
export function wordsFoundIn(words: readonly string[], pool: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const word of words) {
    if (pool.has(word)) {
      found.push(word);
      continue;
    }
    for (const other of pool) {
      if (stemsMeet(word, other)) {
        found.push(word);
        break;
      }
    }
  }
  return found;
}

/**
 * Words a search should try beside the comment's own: each content word's stem ("burning" →
 * "burn", which a prefix search finds in "burnt") and the other words of its synonym group
 * ("base" → "bottom"). A paraphrased question then still finds the old one it repeats.
 */
export function searchVariants(text: string): string[] {
  const out = new Set<string>();
  const own = new Set<string>();
  // "mailing list" names a newsletter: a phrase brings its whole group, like a word does.
  for (const [phrase, head] of PHRASES) {
    if (!text.match(phrase)) continue;
    for (const other of GROUPS_BY_STEM.get(stem(head)) ?? []) out.add(other);
  }
  for (const raw of text.match(WORD) ?? []) {
    const word = fold(raw);
    own.add(word);
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    const stemmed = stem(word);
    if (STEMMED_STOPWORDS.has(stemmed)) continue;
    if (stemmed !== word && stemmed.length >= 4) out.add(stemmed);
    for (const other of GROUPS_BY_STEM.get(stemmed) ?? []) out.add(other);
  }
  return [...out].filter((w) => !own.has(w));
}
