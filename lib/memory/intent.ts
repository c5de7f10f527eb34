/**
 * What a comment is doing (asking, praising, thanking, requesting, criticising, spamming) and,
 * for a question, what kind of answer it wants. Drafting needs this to never answer a question
 * with a thank-you, or praise with a how-to.
 *
 * Why rules and not a model: it must run in well under a millisecond on every candidate reply,
 * with no download, in English, Spanish, Portuguese, French and German. Cue lists are short
 * and readable, ordered by what outranks what: spam first (it must never get a reply), then
 * sarcasm (a "thanks" that is a complaint), then questions, requests, criticism, thanks, praise.
 */

export const INTENTS = ['question', 'praise', 'thanks', 'request', 'criticism', 'spam', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

export const QUESTION_KINDS = [
  'how-long',
  'how-much',
  'how-often',
  'which',
  'where',
  'when',
  'why',
  'how',
  'who',
  'what',
  'can-i',
  'yes-no',
  'problem',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Lowercase without accents, so "¿Dónde?" and "donde" read alike. */
export function foldForCues(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/gu, '').toLowerCase();
}

const SPAM = new RegExp(
  [
    'sub ?4 ?sub',
    'giveaway',
    'free (?:iphone|gift|money)',
    'earn \\$?\\d',
    '\\bdm me\\b',
    'crypto',
    '\\bt\\.me/',
    'cheap followers',
    'buy (?:cheap )?(?:followers|likes|views|subs)',
    'link in (?:my )?bio',
    'check out my (?:channel|page|profile)',
    'visit my (?:page|channel|profile)',
    'click (?:the link|my profile)',
    'sub(?:scribe)? to my channel',
    'gana dinero',
    'ganhe dinheiro',
    'gagnez de l.argent',
    'geld verdienen',
  ].join('|'),
  'u',
);

/** Praise or thanks said with a roll of the eyes: a complaint, whatever its words. */
const SARCASM = new RegExp(
  [
    '🙄',
    '^oh (?:great|sure|wow|perfect)\\b',
    '^sure,',
    '^yeah,? because\\b',
    'thanks for nothing',
    '\\blove how my\\b',
    '^wow,? only\\b',
    '\\bvery quick\\b.*[😂🙄]',
    '\\bso simple\\b.*[😂🙄]',
    '\\bthanks for that\\b',
    "\\b(?:easy|simple|quick)'(?:\\s|$)",
  ].join('|'),
  'u',
);

const QUESTION_START = new RegExp(
  '^(?:(?:hey|hi|hello|hola|oi|ola|salut|bonjour|hallo)\\b[^.!?]*[.!,]\\s*)?' +
    '(?:how|what|whats|which|where|when|why|who|whose|is|are|was|does|do|did|can|could|should|would|will|any|anyone|' +
    'que|cual|donde|cuando|por que|como|cuanto|cuanta|puedo|hay|es|tienes|haces|' +
    'qual|onde|quando|por que|quanto|posso|preciso|da para|tem|voce|' +
    'quel|quelle|quels|ou|quand|pourquoi|comment|combien|est-ce|puis-je|' +
    'wie|was|welche|welcher|welches|wo|wann|warum|wieso|kann|brauche|gibt es|hast du|bist du|versendest)\\b',
  'u',
);

/** "my loaf always burns": a problem stated, asking for help without a question mark. */
const PROBLEM = new RegExp(
  [
    '\\b(?:always|keeps?|never|still|every time|won.?t|doesn.?t|isn.?t|turned into|comes? out|came out like|spreads?|sticks?|burns?|burnt)\\b',
    '\\bhelp\\b',
    '\\b(?:is|are|looks?|comes? out) like\\b',
    '\\b(?:siempre|nunca|sale|queda)\\b',
    '\\b(?:sempre|nunca|fica|sai)\\b',
    '\\b(?:toujours|jamais|colle|reste)\\b',
    '\\b(?:immer|nie|klebt|wird)\\b',
  ].join('|'),
  'u',
);
/**
 * Something stuck or failing, said of anything ("Starter has been sitting a week and nothing is
 * happening"): a problem even without "my".
 */
const STUCK =
  /\b(?:nothing (?:is |has )?(?:happen|chang)\w*|(?:is|isn.?t|not|won.?t|doesn.?t|didn.?t) (?:rising|rise|working|growing|bubbling|doubling)|no (?:rise|activity|bubbles|oven spring))\b/u;
/** "…, help" or "any tips": asking for help without a question mark. */
const PLEA = /(?:^|[,.!]\s*)(?:help|any tips|tips please|ayuda|ajuda|au secours|hilfe)\W*$/u;
const FIRST_PERSON_SUBJECT = /\b(?:my|mine|i|i'm|im|mi|mis|meu|minha|mon|ma|mes|mein|meine|mir)\b/u;

const REQUEST = new RegExp(
  [
    '\\b(?:please|pls|plz)\\b',
    '^(?:can|could|would|will) you (?:do|make|share|post|show|film|try|cover|send|give|add|upload|link)\\b',
    '^(?:do|make) (?:a|an|more)\\b',
    '^send me\\b',
    '\\bmore \\w+ (?:videos|content)\\b',
    '\\b(?:por favor|porfa)\\b',
    '\\bpor favor\\b',
    "\\b(?:s'il te pla[iî]t|s'il vous pla[iî]t|stp|svp)\\b",
    '\\bbitte\\b',
  ].join('|'),
  'u',
);

const CRITICISM = new RegExp(
  [
    '\\btoo (?:much|many|long|salty|slow|fast|high|low|loud|quiet|hard|sweet)\\b',
    '\\bway too\\b',
    '\\bnot (?:real|proper|authentic|true)\\b',
    '\\bcheating\\b',
    '\\bterrible|awful|horrible|useless|worst|boring|overrated\\b',
    '\\bnever work',
    "\\b(?:doesn't|don't|didn't) work\\b",
    '^stop\\b',
    '\\bless talking\\b',
    '\\bskip to\\b',
    '\\bget to the (?:point|recipe)\\b',
    '\\bclearly (?:under|over)',
    // "That loaf looks under-fermented": a verdict on the creator's work.
    '^(?:that|this|your) [^.!?]*\\b(?:looks?|seems?|is) (?:\\w+ )?(?:under|over)[- ]?(?:proofed|fermented|baked|done|hydrated)\\b',
    '\\bnobody (?:has|owns)\\b',
    '\\bnot everyone (?:has|owns)\\b',
    '\\bwhy do you (?:talk|always|never)\\b',
    '\\bwhy never\\b',
    '\\btbh\\b',
    '\\b(?:demasiado|horrible|pesimo)\\b',
    '\\b(?:demais|pessimo|horrivel)\\b',
    '\\b(?:trop|nul|horrible)\\b',
    '\\b(?:zu viel|schrecklich|langweilig)\\b',
  ].join('|'),
  'u',
);

/** A "why do you…" with no question mark that complains rather than asks. */
const RHETORICAL = /^why (?:do|does|must|would) you (?:always |never |even |keep )?(?:talk|ramble|keep|need|have)\b|^why never\b/u;
/** Asking the creator to do something, even phrased as a question. */
const ASKS_YOU_TO =
  /^(?:can|could|would|will) you (?:please )?(?:do|make|share|post|show|film|try|cover|send|give|add|upload|link|service|translate)\b|^(?:puedes|podrias|podes|poderia|pourrais-tu|peux-tu|kannst du|konntest du) (?:hacer|compartir|fazer|mostrar|faire|montrer|machen|zeigen)\b/u;
/** Talk among viewers ("anyone else watching at 3am?"): not addressed to the creator. */
const CHATTER = /^(?:anyone|who) else\b|^(?:first|primero|primeiro|premier|erster)\b[!.]*$/u;
const OWN_THING = /^(?:my|mi|meu|minha|mon|ma|mein|meine)\b/u;
const ADDRESSES_CREATOR = /\b(?:you|your|tu|tus|seu|sua|ton|ta|tes|vous|votre|dein|deine|ihr)\b/u;

const THANKS =
  /\b(?:thank(?:s| you)?|thx|ty|tysm|grateful|gracias|obrigad[oa]|merci|danke|grazie)\b|🙏/u;

const PRAISE = new RegExp(
  [
    '\\blov(?:e|ed|ing)\\b',
    '\\b(?:best|great|amazing|awesome|brilliant|beautiful|gorgeous|stunning|perfect|incredible|unreal|calming|inspiring|inspiration|legend|genius|cutest|goat)\\b',
    '\\bgame ?changer\\b',
    '\\bexplain(?:s|ed)? (?:things|it|so)\\b',
    '\\bmakes? (?:sense|it click)\\b',
    '\\bjust subscribed|subscribed after\\b',
    '\\bdeserves?\\b',
    '\\bbeen watching\\b',
    '\\bsaved my\\b',
    '\\b(?:adorable|cute|wholesome|obsessed|favou?rite|helpful|so clear)\\b',
    '\\bmakes? my (?:day|week|morning)\\b',
    '\\b(?:the reason|why) i (?:started|bake|began|got into)\\b',
    '\\b(?:me encanta|me encantan|increible|genial|buenisim)',
    '\\b(?:adoro|incriveis|incrivel|maravilhos|otimo)',
    "\\b(?:j'adore|genial|magnifique|superbe|trop bien)",
    // "Super!", "echt super", but not the English intensifier ("super active").
    '\\b(?:toll|klasse|wunderbar|genial)\\b|\\bsuper\\b(?![ \\t]+\\p{L})',
    '\\b(?:got|get|helped|helps) me through\\b|\\bchanged my\\b',
    '\\b(?:bravissim|bellissim|fantastic)',
  ].join('|'),
  'u',
);

/** Emoji that cheer; an emoji-only comment made of these is praise. */
const CHEERING_EMOJI = /[😍🥰😻🔥❤️♥️💕💖💛🧡💙💚💜🤍👏🙌🤩✨🍞💯⭐🌟👍😋🤤]/u;
const ANY_LETTER = /\p{L}/u;
const ALL_EMOJI_OR_SPACE = /^[\p{Extended_Pictographic}\p{Emoji_Component}\u200D\uFE0F\s]+$/u;

/** The comment's intent. An empty or letterless comment without cheering emoji is "other". */
export function classifyIntent(text: string): Intent {
  const raw = text.trim();
  if (!raw) return 'other';
  if (!ANY_LETTER.test(raw)) {
    if (raw.includes('🙏')) return 'thanks';
    return ALL_EMOJI_OR_SPACE.test(raw) && CHEERING_EMOJI.test(raw) ? 'praise' : 'other';
  }
  const folded = foldForCues(raw);
  if (SPAM.test(folded)) return 'spam';
  if (SARCASM.test(folded)) return 'criticism';
  if (CHATTER.test(folded)) return 'other';
  if (ASKS_YOU_TO.test(folded)) return 'request';
  // "Why do you talk so much, just get to the recipe": a complaint in a question's clothes.
  if (RHETORICAL.test(folded) && !/\?/u.test(raw)) return 'criticism';
  if (isQuestion(raw, folded)) {
    return REQUEST.test(folded) && !/\?\s*$/u.test(raw) ? 'request' : 'question';
  }
  // "My brakes make a horrible noise" is a problem to fix, not a complaint about the creator.
  if (OWN_THING.test(folded) && !ADDRESSES_CREATOR.test(folded) && (isProblem(folded) || CRITICISM.test(folded))) {
    return 'question';
  }
  if (REQUEST.test(folded)) return CRITICISM.test(folded) ? 'criticism' : 'request';
  if (CRITICISM.test(folded)) return 'criticism';
  if (isProblem(folded) || PLEA.test(folded) || STUCK.test(folded)) return 'question';
  if (THANKS.test(folded)) return 'thanks';
  if (PRAISE.test(folded)) return 'praise';
  return 'other';
}

/** A question asked after a statement, without its mark: "…grey liquid on top, did i kill it". */
const TRAILING_QUESTION = /[,.;!]\s*(?:did|do|does|is|are|can|could|should|will|would|have) (?:i|it|you|we|my|this|that|they)\b[^.!]*$/u;

function isQuestion(raw: string, folded: string): boolean {
  return /[?¿]/u.test(raw) || QUESTION_START.test(folded.replace(/^[^\p{L}]+/u, '')) || TRAILING_QUESTION.test(folded);
}

function isProblem(folded: string): boolean {
  return FIRST_PERSON_SUBJECT.test(folded) && PROBLEM.test(folded);
}

/** Ordered: the first cue that matches names the kind ("how long" before "how"). */
const KIND_CUES: [QuestionKind, RegExp][] = [
  ['problem', /\bwhat (?:went wrong|am i doing wrong|is going on|s going on|s wrong|is wrong)\b|\bo que (?:faco|fazer)\b|\bque hago\b|\bune astuce\b|\bwas mache ich falsch\b/u],
  ['how-long', /\bhow long\b|\bcuanto tiempo\b|\bquanto tempo\b|\bcombien de temps\b|\bwie lange?\b/u],
  ['how-often', /\bhow often\b|\bcada cuanto\b|\bcon que frecuencia\b|\bde quanto em quanto\b|\bcom que frequencia\b|\b[aà] quelle fr[eé]quence\b|\bwie oft\b/u],
  ['how-much', /\bhow (?:much|many|warm|hot|cold|big|old)\b|\bcuant[oa]s?\b|\bquant[oa]s?\b|\bcombien\b|\bwie (?:viel|viele|warm|hei(?:ss|ß))\b/u],
  ['why', /\bwhy\b|\bhow come\b|\bpor ?que\b|\bpourquoi\b|\bwarum\b|\bwieso\b|\bweshalb\b|\bworan liegt\b/u],
  ['where', /\bwhere\b|\bdonde\b|\bonde\b|\bou (?:est|puis|acheter|trouver)\b|\bwo\b|\bwoher\b/u],
  ['when', /\bwhen\b|\bwhat (?:day|time)\b|\bcuando\b|\bquando\b|\bquand\b|\bwann\b/u],
  ['who', /\bwho\b|\bquien\b|\bquem\b|\bqui\b|\bwer\b/u],
  ['which', /\bwhich\b|\bcual(?:es)?\b|\bqual(?:is)?\b|\bquel(?:le)?s?\b|\bwelche[rsnm]?\b|\b\w+ or \w+\b.*\?/u],
  ['how', /\bhow\b|\b(?:best|easiest|right|proper) way to\b|\bcomo\b|\bcomment\b|\bwie\b/u],
  ['can-i', /^(?:can|could|may) (?:i|we|you|people)\b|\bis it (?:possible|ok|okay|safe)\b|\bpuedo\b|\bse puede\b|\bposso\b|\bda para\b|\bpuis-je\b|\best-ce que je peux\b|\bkann (?:ich|man)\b|\bdarf ich\b/u],
  ['what', /\bwhat\b|\bwhats\b|\bque\b|\bo que\b|\bqu'est-ce\b|\bquoi\b|\bwas\b/u],
  [
    'yes-no',
    /^(?:is|are|do|does|did|should|will|would|have|has|any|hay|es|tienes|haces|tem|voce|preciso|est-ce|brauche|gibt es|hast du|bist du|ist|versendest)\b/u,
  ],
];

/** What a question asks for; undefined when the text is not a question. */
export function questionKind(text: string, intent: Intent = classifyIntent(text)): QuestionKind | undefined {
  if (intent !== 'question') return undefined;
  const folded = foldForCues(text.trim()).replace(/^[^\p{L}]+/u, '');
  // "Hey Maya, can I…": the question starts after the greeting.
  const body = folded.replace(/^(?:hey|hi|hello|hola|oi|ola|salut|bonjour|hallo)\b[^.!?,]*[.!,]\s*/u, '');
  // The clause that carries the question mark says what is asked ("Help, my starter…, is that normal?").
  const clause = questionClause(body);
  for (const text of clause === body ? [body] : [clause, body]) {
    const start = text.replace(/^(?:and|also|but|so|y|e|et|und|pero|mas|mais|aber)\s+/u, '');
    for (const [kind, cue] of KIND_CUES) if (cue.test(start.slice(0, 24)) && cue.test(firstWords(start))) return kind;
  }
  for (const [kind, cue] of KIND_CUES) if (cue.test(body)) return kind;
  if (isProblem(body)) return 'problem';
  return /[?¿]/u.test(text) ? 'yes-no' : 'problem';
}

function questionClause(text: string): string {
  const mark = text.lastIndexOf('?');
  if (mark < 0) return text;
  const before = text.slice(0, mark);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf(';'));
  const clause = before.slice(cut + 1).trim();
  return clause.split(/\s+/u).length >= 2 ? clause : text;
}

/** The opening words, where a question word sits in every language here. */
function firstWords(text: string): string {
  return text.split(/\s+/u).slice(0, 3).join(' ');
}

/**
 * Kinds that one answer can serve: "what temperature" and "how hot" want the same number; a
 * "can I" is answered by a yes or no. Exact kinds match best; these count as compatible.
 */
const COMPATIBLE: Partial<Record<QuestionKind, readonly QuestionKind[]>> = {
  'can-i': ['yes-no', 'how'],
  'yes-no': ['can-i', 'which', 'what'],
  which: ['what', 'yes-no'],
  what: ['which', 'how-much', 'when', 'how', 'yes-no', 'problem'],
  // Advice given for a stated problem ("no bubbles after three days, help!") often holds the
  // feeding rhythm asked for; fit then checks the reply really holds one.
  'how-much': ['what', 'how-long'],
  'how-long': ['how-much', 'when'],
  'how-often': ['how-long', 'when', 'problem'],
  when: ['how-long', 'what', 'how-often'],
  how: ['can-i', 'what', 'problem', 'why'],
  why: ['problem', 'how', 'what'],
  problem: ['why', 'how', 'what'],
};

/** 1 for the same kind, 0.5 for a compatible one, 0 otherwise. */
export function kindMatch(a: QuestionKind | undefined, b: QuestionKind | undefined): number {
  if (!a || !b) return 0.5;
  if (a === b) return 1;
  return COMPATIBLE[a]?.includes(b) ? 0.5 : 0;
}
